/**
 * The command line's zip codec: Node's zlib under the reader and the streaming writer
 * (the browser keeps fflate, see src/workbook/xlsx/codec.ts). Native inflate and deflate
 * do the same work as fflate's without its JIT warm-up: on a 1,000-file merge fflate's
 * inflate, deflate, UTF-8 encoding and CRC were ~15 % of the CPU profile.
 */
import { types } from 'util';
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

/** What Node's zlib binding is under an InflateRaw stream (lib/zlib.js): the few members used here. */
interface ZlibHandle {
  writeSync(flush: number, input: Uint8Array, inOff: number, inLen: number, out: Uint8Array, outOff: number, outLen: number): void;
  reset(): void;
  close(): void;
  onerror: (message: string, errno: number) => void;
}

/**
 * Raw inflate on one zlib handle kept for the thread, reset before each part. zlib's own
 * inflateRawSync makes a whole InflateRaw stream (a Transform with its states, listeners and
 * a native handle) for every part, and closes it: on a 10,000-file merge that construction
 * was about as much CPU as the inflating itself. The handle is the binding under such a
 * stream (its `_handle`, written as lib/zlib.js's processChunkSync writes it, with the same
 * flush and the same errors); where a runtime has none, inflateRawSync is used as before.
 */
class ReusedInflate {
  private handle: ZlibHandle | undefined;
  /** [output bytes left, input bytes left] after each write, filled in by the binding. */
  private state: Uint32Array | undefined;
  private error: string | undefined;
  /** Whether the handle works here (false: inflateRawSync for every part). */
  private usable = true;

  /**
   * The part inflated into `out` from 0 if it fits (its length then < out.length: the spare
   * byte tells that the header understated nothing), else whole in a buffer of its own.
   * Throws on corrupt or truncated data, as inflateRawSync does.
   */
  inflate(data: Uint8Array, out: Uint8Array): Uint8Array {
    const h = this.usable ? this.ready() : undefined;
    if (!h) return zlib.inflateRawSync(data, { chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, out.length) });
    const state = this.state!;
    const chunk = out.length;
    let buffer = out;
    let pieces: Uint8Array[] | undefined;
    let total = 0;
    let inOff = 0;
    let inLeft = data.length;
    h.reset();
    for (;;) {
      h.writeSync(zlib.constants.Z_FINISH, data, inOff, inLeft, buffer, 0, buffer.length);
      if (this.error !== undefined) {
        const message = this.error;
        this.discard();
        throw new Error(message);
      }
      const outLeft = state[0];
      const have = buffer.length - outLeft;
      inOff += inLeft - state[1];
      inLeft = state[1];
      total += have;
      if (outLeft !== 0) {
        if (!pieces) return buffer.subarray(0, have);
        pieces.push(buffer.subarray(0, have));
        return Buffer.concat(pieces, total);
      }
      // The output filled the buffer: more may come, into a new one (as inflateRawSync does).
      (pieces ??= []).push(buffer);
      buffer = Buffer.allocUnsafe(Math.max(chunk, zlib.constants.Z_MIN_CHUNK));
    }
  }

  private ready(): ZlibHandle | undefined {
    if (this.handle) return this.handle;
    const stream = new zlib.InflateRaw() as unknown as { _handle?: ZlibHandle; _writeState?: unknown };
    const h = stream._handle;
    if (!h || typeof h.writeSync !== 'function' || typeof h.reset !== 'function' || !types.isUint32Array(stream._writeState)) {
      this.usable = false;
      return undefined;
    }
    this.error = undefined;
    h.onerror = (message) => {
      this.error = message;
    };
    this.handle = h;
    this.state = stream._writeState as Uint32Array;
    return h;
  }

  /** After an error the handle is closed and a new one made for the next part. */
  private discard(): void {
    try {
      this.handle?.close();
    } catch {
      // already closed by the binding
    }
    this.handle = undefined;
    this.state = undefined;
    this.error = undefined;
  }
}

const inflater = new ReusedInflate();

/**
 * Where transient parts are inflated (the reader decodes a worksheet or a part it parses to
 * text at once): one buffer for the thread, grown to the largest such part up to
 * SCRATCH_MAX, instead of a Buffer.allocUnsafe per part (an ArrayBuffer outside the heap
 * for each part above 4 KB, every worksheet). A plain Uint8Array: its subarray is not
 * made through Buffer's species constructor.
 */
const SCRATCH_MAX = 256 * 1024;
let scratch = new Uint8Array(0);

function outputFor(expected: number, transient: boolean | undefined): Uint8Array {
  const size = Math.max(zlib.constants.Z_MIN_CHUNK, expected + 1);
  if (!transient || size > SCRATCH_MAX) return Buffer.allocUnsafe(size);
  if (scratch.length < size) scratch = new Uint8Array(Math.min(SCRATCH_MAX, Math.max(size, 2 * scratch.length, 16 * 1024)));
  return scratch.subarray(0, size);
}

/** Bytes ≥ 0x80 in a byte-wise text: some UTF-8 to decode. */
const NOT_ASCII = /[^\x00-\x7f]/;
const latin1Slice = Buffer.prototype.latin1Slice as (this: Uint8Array, start: number, end: number) => string;

export const zlibCodec: ZipCodec = {
  // One byte over the expected size: the whole output lands in one buffer, which is returned
  // as is (a larger output still comes out whole, in more chunks joined).
  inflate: (data, expected, transient) => inflater.inflate(data, outputFor(expected, transient)),
  // memcmp: a JavaScript loop took ~27 instructions a byte (callgrind), this ~4 with the call.
  equal: (a, b) => a.length === b.length && Buffer.compare(a, b) === 0,
  deflateEntry: crc32 ? (name) => new ZlibEntry(name) : fflateCodec.deflateEntry,
  // Node's own latin1 and UTF-8 string makers (the one-byte copy is a memcpy; Buffer's UTF-8
  // decoding is V8's, as TextDecoder's is here, bad sequences included).
  bytewise: {
    text: (bytes) => latin1Slice.call(bytes, 0, bytes.length),
    utf8: (s) => (NOT_ASCII.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s),
  },
};

/** Makes this process (or worker thread) read and write zips with Node's zlib. Every entry point of the command line calls it first. */
export function useNativeZlib(): void {
  setZipCodec(zlibCodec);
}
