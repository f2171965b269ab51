/**
 * The deflate codec under the reader (zip.ts) and the streaming writer (sheetWriter.ts).
 * The default is fflate, pure JavaScript, so the task pane and the page run it as they
 * are; the command line installs Node's zlib instead (src/cli/nativeZlib.ts), which does
 * the same work natively, without fflate's JIT warm-up; the page's worker installs the
 * browser's own deflate (CompressionStream, streamCodec below). Browser-safe: no node built-ins.
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

/**
 * An entry whose deflate a codec does itself (zlib in Node, the browser's CompressionStream),
 * given to fflate's Zip as its own ZipInputFile: each subclass's `push` passes the deflated
 * bytes to `ondata` and keeps `size` and `crc` for the entry's headers.
 */
export abstract class OwnDeflateEntry implements ZipInputFile, DeflatingEntry {
  readonly compression = 8;
  /** General purpose bits 1–2: the deflate level the entry says it used. */
  abstract readonly flag: number;
  size = 0;
  crc = 0;
  mtime?: Date;
  ondata?: ZipInputFile['ondata'];
  constructor(readonly filename: string) {}
  get file(): ZipInputFile {
    return this;
  }
  abstract push(bytes: Uint8Array, final: boolean): void;
}

/** See ZipCodec.bytewise. */
export interface ByteText {
  /** Byte i as character i. */
  text(bytes: Uint8Array): string;
  /** A text cut from such a text, decoded as UTF-8 (as TextDecoder would: a bad sequence becomes U+FFFD). */
  utf8(s: string): string;
}

export interface ZipCodec {
  /**
   * Inflates raw deflate data whole (throws on corrupt or truncated data). `expected` (the
   * declared size, already capped by the caller at what the data can inflate to) only
   * sizes the output buffer: the result is whatever the data actually inflates to.
   * `transient`: the caller is done with the result before it inflates anything else (it
   * decodes it to text at once), so it may be in a buffer the codec reuses.
   */
  inflate(data: Uint8Array, expected: number, transient?: boolean): Uint8Array;
  /**
   * Whether a and b hold the same bytes, natively where the platform can (the reader's memo
   * compares each remembered part it finds with the stored bytes of every file's small
   * parts); without it, sameBytes compares them in JavaScript.
   */
  equal?(a: Uint8Array, b: Uint8Array): boolean;
  /**
   * A worksheet's bytes as text one character per byte (latin1), natively, and a text cut
   * from it back as the UTF-8 it was: parseSheet then reads the markup as it is and decodes
   * only the values it takes. A worksheet is mostly ASCII markup around a few text values:
   * decoding it whole as UTF-8 (V8 scans it, then makes a two-byte string of it when any
   * character is Chinese) was ~7 % of a merge's instructions, and the sheet's text the
   * largest allocation per file. Without it a sheet is decoded as UTF-8 whole.
   */
  bytewise?: ByteText;
  /**
   * A new zip entry deflated at level 1 (a third less CPU than level 6 for a quarter larger
   * file) or natively. Its bytes may reach the zip after the last push returns (streamCodec):
   * a zip's end is its final chunk, not the return of `Zip.end()`.
   */
  deflateEntry(name: string): DeflatingEntry;
}

/**
 * Where inflated parts are written: consecutive pieces of one larger buffer, a new one when
 * it is full, instead of a buffer per part. In Chromium every ArrayBuffer is allocated and
 * zeroed outside V8's heap, at ~0.1 ms for a 12 KB one (1,000 in 150 ms, traced worker of
 * the page: the allocation was about a third of the reader's inflate). A piece is never
 * reused, so an inflated part stays valid as long as it is held (and holds its arena).
 */
const ARENA_BYTES = 1024 * 1024;
let arena = new Uint8Array(0);
let arenaUsed = 0;

function outputBuffer(size: number): Uint8Array {
  if (size > ARENA_BYTES / 4) return new Uint8Array(size);
  if (arenaUsed + size > arena.length) {
    arena = new Uint8Array(ARENA_BYTES);
    arenaUsed = 0;
  }
  return arena.subarray(arenaUsed, arenaUsed + size);
}

export const fflateCodec: ZipCodec = {
  inflate(data, expected) {
    // One byte larger than expected: fflate silently truncates at the buffer's end, so output
    // that fills the spare byte means the header understated the size, and the data is inflated
    // again without a buffer to get all of it.
    const size = expected + 1;
    const buf = outputBuffer(size);
    const out = inflateSync(data, { out: buf });
    if (out.length >= size) return inflateSync(data);
    if (buf.buffer === arena.buffer) arenaUsed += out.length;
    return out;
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

/** gzip's header as zlib writes it (no name, comment or extra field: FLG 0) and its trailer (CRC-32, size). */
const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;

/**
 * A zip entry deflated by the platform's CompressionStream (zlib inside the browser): no
 * JavaScript deflate to load and warm up — in the page's worker fflate's deflate was about
 * half the time from 下载汇总表 to the file (≈0.5–1 s for 1,000 files' 4 MB of XML, cold;
 * natively ≈0.1 s). A gzip stream, not 'deflate-raw', so that zlib computes the CRC-32 the
 * zip needs (its trailer) instead of JavaScript: what is between gzip's header and trailer
 * is the raw deflate data. zlib's default level, so the entry's flag says "normal".
 * Each piece is copied as it is pushed (the writer reuses its buffer) and deflated as the
 * event loop turns; the compressed bytes reach the zip in order, the last with `final`
 * (fflate's Zip holds an entry's bytes back until the entries before it are done).
 */
class StreamEntry extends OwnDeflateEntry {
  readonly flag = 0;
  private readonly input: WritableStreamDefaultWriter<BufferSource>;
  constructor(filename: string) {
    super(filename);
    const stream = new CompressionStream('gzip');
    this.input = stream.writable.getWriter();
    void this.drain(stream.readable.getReader() as ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>);
  }
  push(bytes: Uint8Array, final: boolean): void {
    this.size += bytes.length;
    // Errors surface on the readable side (drain); these promises only mirror them.
    if (bytes.length > 0) this.input.write(bytes.slice()).catch(() => undefined);
    if (final) this.input.close().catch(() => undefined);
  }
  /** Passes the deflate data on, without gzip's header and trailer (the last 8 bytes are held back until the end). */
  private async drain(output: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>): Promise<void> {
    let failure: unknown;
    try {
      let head = new Uint8Array(0);
      let held = new Uint8Array(0);
      for (;;) {
        const { value, done } = await output.read();
        if (done) break;
        let chunk = value;
        if (head.length < GZIP_HEADER) {
          const take = Math.min(GZIP_HEADER - head.length, chunk.length);
          head = join(head, chunk.subarray(0, take));
          chunk = chunk.subarray(take);
          if (head.length === GZIP_HEADER && (head[0] !== 0x1f || head[1] !== 0x8b || head[3] !== 0)) throw new Error('unexpected gzip header');
        }
        const all = held.length === 0 ? chunk : join(held, chunk);
        const pass = Math.max(0, all.length - GZIP_TRAILER);
        if (pass > 0) this.ondata!(null, all.subarray(0, pass), false);
        held = all.slice(pass);
      }
      const crc = (held[0] | (held[1] << 8) | (held[2] << 16) | (held[3] << 24)) >>> 0;
      const size = (held[4] | (held[5] << 8) | (held[6] << 16) | (held[7] << 24)) >>> 0;
      if (held.length !== GZIP_TRAILER || size !== this.size % 0x100000000) throw new Error('gzip trailer does not match');
      this.crc = crc;
      this.ondata!(null, new Uint8Array(0), true);
      return;
    } catch (e) {
      failure = e;
    }
    // Deflating bytes in memory fails only when memory does. Reported to the zip; should the
    // writer throw it back (it does: SpreadsheetWriter), it is thrown from a task of its own,
    // where it fails the worker: the page then runs the job itself, with fflate (work/client.ts).
    try {
      const err = Object.assign(new Error(failure instanceof Error ? failure.message : String(failure)), { code: 0 });
      this.ondata!(err, null as unknown as Uint8Array<ArrayBuffer>, true);
    } catch (thrown) {
      setTimeout(() => {
        throw thrown;
      }, 0);
    }
  }
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** True where there is a CompressionStream (Chromium 80, Firefox 113, Safari 16.4, Node 18). */
export function hasStreamDeflate(): boolean {
  try {
    return typeof CompressionStream === 'function' && new CompressionStream('gzip') !== null;
  } catch {
    return false;
  }
}

/** The page's worker: fflate's inflate, the platform's deflate (see StreamEntry). */
export const streamCodec: ZipCodec = {
  inflate: fflateCodec.inflate,
  deflateEntry: (name) => new StreamEntry(name),
};
