/**
 * The command line's zip codec: Node's zlib under the reader and the streaming writer
 * (the browser keeps fflate, see src/workbook/xlsx/codec.ts). Native inflate and deflate
 * do the same work as fflate's without its JIT warm-up: on a 1,000-file merge fflate's
 * inflate, deflate, UTF-8 encoding and CRC were ~15 % of the CPU profile.
 */
import * as zlib from 'zlib';
import { fflateCodec, OwnDeflateEntry, setZipCodec, type ZipCodec } from '../workbook/xlsx/codec';

/** zlib.crc32 is Node ≥ 20.15; without it the writer keeps fflate's deflate (and its CRC). */
const crc32: ((data: Uint8Array, value?: number) => number) | undefined = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/**
 * A zip entry deflated by zlib piece by piece: each piece is deflated on its own and ends
 * with a sync flush (non-final blocks, byte-aligned), the last with Z_FINISH (the final
 * block), so the pieces joined are one valid deflate stream. Each piece starts without the
 * previous one's window: the pieces are 128 KB, so the cost is small.
 */
class ZlibEntry extends OwnDeflateEntry {
  /** Level 1 ("super fast"), as fflate sets it. */
  readonly flag = 3;
  push(bytes: Uint8Array, final: boolean): void {
    this.crc = crc32!(bytes, this.crc);
    this.size += bytes.length;
    const out = zlib.deflateRawSync(bytes, { level: 1, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
    this.ondata!(null, out, final);
  }
}

export const zlibCodec: ZipCodec = {
  // chunkSize one byte over the expected size: the whole output lands in one buffer, which
  // is returned as is (a larger output still comes out whole, in more chunks joined).
  inflate: (data, expected) => zlib.inflateRawSync(data, { chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, expected + 1) }),
  deflateEntry: crc32 ? (name) => new ZlibEntry(name) : fflateCodec.deflateEntry,
};

/** Makes this process (or worker thread) read and write zips with Node's zlib. Every entry point of the command line calls it first. */
export function useNativeZlib(): void {
  setZipCodec(zlibCodec);
}
