/**
 * A minimal, defensive ZIP reader for .xlsx files (browser-safe: fflate, or the codec a
 * caller installs — ./codec; the command line's is Node's zlib).
 *
 * We parse the End Of Central Directory and the central directory ourselves so
 * that we can (a) reject truncated or corrupt archives with a precise reason,
 * (b) look at every entry's declared sizes before inflating anything, and
 * (c) inflate only the few parts a workbook needs, while enforcing the size the
 * data ACTUALLY inflates to (a header that lies about its size must not let a
 * zip bomb through).
 *
 * Nothing here throws to the caller: failures are `{ ok: false, error }` values.
 */
import { Inflate } from 'fflate';
import { zipCodec } from './codec';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the entry's central directory record starts. */
  centralOffset: number;
}

export type ZipError =
  | { kind: 'not-zip' }
  | { kind: 'truncated' }
  | { kind: 'corrupt'; detail: string }
  | { kind: 'encrypted-entry'; name: string }
  | { kind: 'unsupported-method'; name: string; method: number }
  | { kind: 'too-large'; name: string; bytes: number; limit: number }
  | { kind: 'total-too-large'; bytes: number; limit: number }
  | { kind: 'ratio'; name: string; ratio: number; limit: number }
  | { kind: 'too-many-entries'; count: number; limit: number };

export interface InflateLimits {
  /** Largest inflated size of one part. */
  maxPartBytes: number;
  /** Largest inflated size of all parts read from one file together. */
  maxTotalBytes: number;
  /** Largest inflated/compressed ratio, checked for parts bigger than `ratioMinBytes`. */
  maxRatio: number;
  ratioMinBytes: number;
  /** Most entries a central directory may list. */
  maxEntries: number;
}

export type ZipResult<T> = { ok: true; value: T } | { ok: false; error: ZipError };

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOC = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
export const SIG_LOCAL = 0x04034b50;

/** Deflate cannot expand data by more than ~1032:1; used to prove a part is safe to inflate in one call. */
const DEFLATE_MAX_EXPANSION = 1032;
/** Compressed bytes fed per streaming step: bounds how far one step can overshoot a limit (~16 MB). */
const STREAM_CHUNK = 16 * 1024;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
export const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

const utf8 = new TextDecoder('utf-8');
/** Names without the UTF-8 flag are CP437 in theory; every xlsx part name is ASCII, so latin1-ish decoding is enough. */
function decodeName(bytes: Uint8Array, isUtf8: boolean): string {
  if (isUtf8) return utf8.decode(bytes);
  // One string, not one per byte appended (a name is at most 65,535 bytes: within fromCharCode's arguments).
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

export function looksLikeZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7) && (b[3] === 4 || b[3] === 6 || b[3] === 8);
}

/** Reads the central directory. Entries are keyed by name (a later duplicate name is ignored). */
export function readCentralDirectory(b: Uint8Array, maxEntries: number): ZipResult<Map<string, ZipEntry>> {
  if (b.length < 22) return { ok: false, error: looksLikeZip(b) ? { kind: 'truncated' } : { kind: 'not-zip' } };
  // The EOCD is the last 22 bytes plus a comment of up to 65535 bytes.
  let eocd = -1;
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6 && u32(b, i) === SIG_EOCD) {
      // A real EOCD's comment length reaches exactly to the end (or a little before, for padded files).
      if (i + 22 + u16(b, i + 20) <= b.length) {
        eocd = i;
        break;
      }
    }
  }
  if (eocd < 0) return { ok: false, error: looksLikeZip(b) ? { kind: 'truncated' } : { kind: 'not-zip' } };

  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== SIG_EOCD64_LOC) return { ok: false, error: { kind: 'corrupt', detail: 'zip64 locator missing' } };
    const e64 = u64(b, loc + 8);
    if (e64 + 56 > b.length || u32(b, e64) !== SIG_EOCD64) return { ok: false, error: { kind: 'truncated' } };
    count = u64(b, e64 + 32);
    cdSize = u64(b, e64 + 40);
    cdOffset = u64(b, e64 + 48);
  }
  if (count > maxEntries) return { ok: false, error: { kind: 'too-many-entries', count, limit: maxEntries } };
  if (cdOffset + cdSize > b.length) return { ok: false, error: { kind: 'truncated' } };

  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) return { ok: false, error: { kind: 'corrupt', detail: 'central directory' } };
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let uncompressedSize = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localHeaderOffset = u32(b, p + 42);
    if (p + 46 + nameLen + extraLen + commentLen > b.length) return { ok: false, error: { kind: 'truncated' } };
    const name = decodeName(b.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0);
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // ZIP64 extended information: the 8-byte values appear in this order, only for fields that overflowed.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = u16(b, x);
        const size = u16(b, x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (uncompressedSize === 0xffffffff && q + 8 <= x + 4 + size) (uncompressedSize = u64(b, q)), (q += 8);
          if (compressedSize === 0xffffffff && q + 8 <= x + 4 + size) (compressedSize = u64(b, q)), (q += 8);
          if (localHeaderOffset === 0xffffffff && q + 8 <= x + 4 + size) localHeaderOffset = u64(b, q);
          break;
        }
        x += 4 + size;
      }
    }
    if (!entries.has(name)) entries.set(name, { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset, centralOffset: p });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { ok: true, value: entries };
}

/** Counts inflated bytes across the parts of one file, so the total limit holds. */
export class InflateBudget {
  used = 0;
  constructor(readonly limits: InflateLimits) {}
}

/**
 * Checks an entry's declared sizes against the limits before anything is inflated.
 * Cheap: call it for every part you mean to read, first, so a bomb is refused before any work.
 */
export function checkDeclared(e: ZipEntry, limits: InflateLimits): ZipError | null {
  if (e.flags & 1) return { kind: 'encrypted-entry', name: e.name };
  if (e.method !== 0 && e.method !== 8) return { kind: 'unsupported-method', name: e.name, method: e.method };
  if (e.uncompressedSize > limits.maxPartBytes) return { kind: 'too-large', name: e.name, bytes: e.uncompressedSize, limit: limits.maxPartBytes };
  if (e.uncompressedSize > limits.ratioMinBytes) {
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (ratio > limits.maxRatio) return { kind: 'ratio', name: e.name, ratio, limit: limits.maxRatio };
  }
  return null;
}

/** An entry's stored (compressed) bytes, after checking its declared sizes and local header. */
export function entryData(b: Uint8Array, e: ZipEntry, limits: InflateLimits): ZipResult<Uint8Array> {
  const declared = checkDeclared(e, limits);
  if (declared) return { ok: false, error: declared };
  const h = e.localHeaderOffset;
  if (h + 30 > b.length) return { ok: false, error: { kind: 'truncated' } };
  if (u32(b, h) !== SIG_LOCAL) return { ok: false, error: { kind: 'corrupt', detail: `local header of ${e.name}` } };
  // The local extra field may differ from the central one: take its own length.
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  const end = start + e.compressedSize;
  if (end > b.length) return { ok: false, error: { kind: 'truncated' } };
  return { ok: true, value: b.subarray(start, end) };
}

/**
 * Counts `inflated` bytes (what the entry's data actually inflated to) against the
 * limits and the budget; an error when they are exceeded (nothing is counted then).
 */
export function takeInflated(e: ZipEntry, inflated: number, budget: InflateBudget): ZipError | null {
  const limits = budget.limits;
  const partLimit = Math.min(limits.maxPartBytes, limits.maxTotalBytes - budget.used);
  if (inflated > partLimit) {
    return inflated > limits.maxPartBytes
      ? { kind: 'too-large', name: e.name, bytes: inflated, limit: limits.maxPartBytes }
      : { kind: 'total-too-large', bytes: budget.used + inflated, limit: limits.maxTotalBytes };
  }
  if (inflated > limits.ratioMinBytes && inflated / Math.max(1, e.compressedSize) > limits.maxRatio) {
    return { kind: 'ratio', name: e.name, ratio: inflated / Math.max(1, e.compressedSize), limit: limits.maxRatio };
  }
  budget.used += inflated;
  return null;
}

/**
 * True when inflateData takes its one-call path for this entry under this budget: the
 * outcome then depends only on the stored bytes (their actual inflated size, checked by
 * takeInflated), never on how far a streaming pass got before a limit stopped it.
 */
export function inflatesInOneCall(e: ZipEntry, budget: InflateBudget): boolean {
  const partLimit = Math.min(budget.limits.maxPartBytes, budget.limits.maxTotalBytes - budget.used);
  return e.method === 0 || e.compressedSize * DEFLATE_MAX_EXPANSION <= partLimit;
}

/** Inflates one entry, enforcing the limits on the bytes actually produced. */
export function inflateEntry(b: Uint8Array, e: ZipEntry, budget: InflateBudget): ZipResult<Uint8Array> {
  const stored = entryData(b, e, budget.limits);
  if (!stored.ok) return stored;
  return inflateData(stored.value, e, budget);
}

/** Inflates an entry's stored bytes (from entryData), enforcing the limits on the bytes actually produced. */
export function inflateData(data: Uint8Array, e: ZipEntry, budget: InflateBudget): ZipResult<Uint8Array> {
  const limits = budget.limits;
  const partLimit = Math.min(limits.maxPartBytes, limits.maxTotalBytes - budget.used);

  let out: Uint8Array;
  if (e.method === 0) {
    out = data;
  } else if (e.compressedSize * DEFLATE_MAX_EXPANSION <= partLimit) {
    // Even a lying header cannot make this exceed the limit: one fast call.
    try {
      out = inflateFitted(data, e.uncompressedSize, e.compressedSize * DEFLATE_MAX_EXPANSION);
    } catch {
      return { ok: false, error: { kind: 'corrupt', detail: `deflate data of ${e.name}` } };
    }
  } else {
    const got = inflateStreaming(data, e, partLimit, limits);
    if (!got.ok) return got;
    out = got.value;
  }
  const over = takeInflated(e, out.length, budget);
  if (over) return { ok: false, error: over };
  return { ok: true, value: out };
}

/**
 * Inflates through the codec into a buffer sized from the declared size (saves
 * guess-and-grow copies); the codec returns what the data actually inflates to, which the
 * caller checks. `bound` caps the size asked for (the most the data can inflate to), so a
 * header claiming a large size for small data cannot make us allocate it.
 */
function inflateFitted(data: Uint8Array, declared: number, bound: number): Uint8Array {
  return zipCodec().inflate(data, Math.min(declared, bound));
}

/**
 * Parts too large for the one-call path (compressed data over ~64 KB under the default
 * limits: rare) stream through fflate in every build, so a bomb stops as soon as it
 * passes a limit, before its output is held.
 */
function inflateStreaming(data: Uint8Array, e: ZipEntry, partLimit: number, limits: InflateLimits): ZipResult<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inf = new Inflate((chunk) => {
    total += chunk.length;
    if (total > partLimit) over = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length && !over; i += STREAM_CHUNK) {
      const next = Math.min(data.length, i + STREAM_CHUNK);
      inf.push(data.subarray(i, next), next === data.length);
      // Ratio so far, on the compressed bytes consumed so far: stops a bomb early.
      if (total > limits.ratioMinBytes && total / next > limits.maxRatio) {
        return { ok: false, error: { kind: 'ratio', name: e.name, ratio: total / next, limit: limits.maxRatio } };
      }
    }
  } catch {
    return { ok: false, error: { kind: 'corrupt', detail: `deflate data of ${e.name}` } };
  }
  if (over) {
    return total > limits.maxPartBytes
      ? { ok: false, error: { kind: 'too-large', name: e.name, bytes: total, limit: limits.maxPartBytes } }
      : { ok: false, error: { kind: 'total-too-large', bytes: total, limit: limits.maxTotalBytes } };
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) out.set(c, o), (o += c.length);
  return { ok: true, value: out };
}
