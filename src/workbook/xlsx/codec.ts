/**
 * The deflate codec under the reader (zip.ts) and the streaming writer (sheetWriter.ts).
 * The default is fflate, pure JavaScript, so the task pane and the page run it as they
 * are; the command line installs Node's zlib instead (src/cli/nativeZlib.ts), which does
 * the same work natively, without fflate's JIT warm-up. Browser-safe: no node built-ins.
 *
 * What a codec does is narrow on purpose: every limit (part size, total, ratio) stays in
 * zip.ts and is enforced on the bytes a codec actually produced.
 */
import { inflateSync, ZipDeflate, type ZipInputFile } from 'fflate';

/** One zip entry being deflated: added to an fflate `Zip`, then fed its bytes. */
export interface DeflatingEntry {
  /** What `Zip.add` takes (its crc and size are right when the last piece has been pushed). */
  readonly file: ZipInputFile;
  /** Feeds the next piece of the part; `final` with the last one. Done with `bytes` when it returns (the caller reuses them). */
  push(bytes: Uint8Array, final: boolean): void;
}

export interface ZipCodec {
  /**
   * Inflates raw deflate data whole (throws on corrupt or truncated data). `expected` (the
   * declared size, already capped by the caller at what the data can inflate to) only
   * sizes the output buffer: the result is whatever the data actually inflates to.
   */
  inflate(data: Uint8Array, expected: number): Uint8Array;
  /** A new zip entry deflated at level 1 (a third less CPU than level 6 for a quarter larger file). */
  deflateEntry(name: string): DeflatingEntry;
}

export const fflateCodec: ZipCodec = {
  inflate(data, expected) {
    // One byte larger than expected: fflate silently truncates at the buffer's end, so output
    // that fills the spare byte means the header understated the size, and the data is inflated
    // again without a buffer to get all of it.
    const size = expected + 1;
    const out = inflateSync(data, { out: new Uint8Array(size) });
    return out.length < size ? out : inflateSync(data);
  },
  deflateEntry(name) {
    const file = new ZipDeflate(name, { level: 1 });
    // fflate's Deflate copies what it is pushed into its own window: the bytes can be reused.
    return { file, push: (bytes, final) => file.push(bytes, final) };
  },
};

let current: ZipCodec = fflateCodec;

/** The codec in use. */
export function zipCodec(): ZipCodec {
  return current;
}

/** Installs a codec for the whole process (or thread); the command line's entry points do, once. */
export function setZipCodec(codec: ZipCodec): void {
  current = codec;
}
