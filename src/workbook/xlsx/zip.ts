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
  const dir = readDirectory(b, maxEntries);
  return dir.ok ? { ok: true, value: dir.value.all() } : dir;
}

/**
 * Reads and checks the central directory (every record's signature and bounds, as
 * readCentralDirectory does), without making an entry or a name for each record: a
 * workbook's zip lists ~16 entries, of which the reader opens ~6 (making them all was
 * ~5 KB of garbage a file). ZipDirectory.find makes the few that are asked for.
 */
export function readDirectory(b: Uint8Array, maxEntries: number): ZipResult<ZipDirectory> {
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

  // Where each record starts (numbers only: no entry, no name); sized at once for a workbook's few.
  const records: number[] = count <= WALKED_ENTRIES ? new Array<number>(count) : [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) return { ok: false, error: { kind: 'corrupt', detail: 'central directory' } };
    const next = p + 46 + u16(b, p + 28) + u16(b, p + 30) + u16(b, p + 32);
    if (next > b.length) return { ok: false, error: { kind: 'truncated' } };
    records[n] = p;
    p = next;
  }
  return { ok: true, value: new ZipDirectory(b, records) };
}

/** The entry of the central directory record at p, whose name is `name`. */
function entryAt(b: Uint8Array, p: number, name: string): ZipEntry {
  const flags = u16(b, p + 8);
  const method = u16(b, p + 10);
  let compressedSize = u32(b, p + 20);
  let uncompressedSize = u32(b, p + 24);
  const nameLen = u16(b, p + 28);
  const extraLen = u16(b, p + 30);
  let localHeaderOffset = u32(b, p + 42);
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
  return { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset, centralOffset: p };
}

/** The name of the record at p, decoded. */
function nameAt(b: Uint8Array, p: number): string {
  return decodeName(b.subarray(p + 46, p + 46 + u16(b, p + 28)), (u16(b, p + 8) & 0x800) !== 0);
}

/** a.toLowerCase() === b.toLowerCase(), compared in place when both are ASCII (part names are). */
export function sameIgnoringCase(a: string, b: string): boolean {
  // Lower-casing keeps a text's length, but for İ (U+0130, "i" and a combining dot): texts of
  // other lengths differ. Most names a file is asked for that it lacks end here, before a
  // character of either is looked at.
  if (a.length !== b.length && a.indexOf('\u0130') < 0 && b.indexOf('\u0130') < 0) return false;
  if (!ascii(a) || !ascii(b)) return a.toLowerCase() === b.toLowerCase();
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const lower = x | 0x20;
    if (lower !== (y | 0x20) || lower < 97 || lower > 122) return false; // else the two cases of one letter
  }
  return true;
}

function ascii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

const SAME = 2;
const SAME_IGNORING_CASE = 1;

/**
 * How the name of the record at p compares with `name` (SAME, SAME_IGNORING_CASE or 0),
 * as the decoded name would (=== and sameIgnoringCase), read in place while both are ASCII;
 * decoded only when either is not.
 */
function compareName(b: Uint8Array, p: number, name: string, nameIsAscii: boolean, ignoringCase: boolean): number {
  const len = u16(b, p + 28);
  const start = p + 46;
  if (len === name.length) {
    let folded = false;
    let i = 0;
    for (; i < len; i++) {
      const x = b[start + i];
      const y = name.charCodeAt(i);
      if (x > 127 || y > 127) break; // decided on the decoded names
      if (x === y) continue;
      const lower = x | 0x20;
      if (!ignoringCase || lower !== (y | 0x20) || lower < 97 || lower > 122) return 0;
      folded = true;
    }
    if (i === len) return folded ? SAME_IGNORING_CASE : SAME;
  } else if (nameIsAscii) {
    // An ASCII name decodes to as many characters as it has bytes (either flag), and
    // lower-casing keeps an ASCII text's length: other lengths differ.
    let i = 0;
    while (i < len && b[start + i] < 128) i++;
    if (i === len) return 0;
  }
  const decoded = nameAt(b, p);
  if (decoded === name) return SAME;
  return ignoringCase && sameIgnoringCase(decoded, name) ? SAME_IGNORING_CASE : 0;
}

/** Directories with more entries than this are looked up through a Map of all their entries, made once. */
const WALKED_ENTRIES = 64;

/** A checked central directory (readDirectory): its entries are made when asked for. */
export class ZipDirectory {
  private byName: Map<string, ZipEntry> | undefined;
  /** The entries made so far, by record. */
  private made: (ZipEntry | undefined)[] | undefined;
  constructor(
    private readonly b: Uint8Array,
    /** Where each record starts. */
    private readonly records: readonly number[],
  ) {}

  get count(): number {
    return this.records.length;
  }

  /** Every entry by name (a later duplicate name is ignored), in the directory's order. */
  all(): Map<string, ZipEntry> {
    if (this.byName) return this.byName;
    const entries = new Map<string, ZipEntry>();
    for (let k = 0; k < this.records.length; k++) {
      const name = nameAt(this.b, this.records[k]);
      if (!entries.has(name)) entries.set(name, this.entry(k, name));
    }
    return (this.byName = entries);
  }

  /** The entry of record k, named `name`. */
  private entry(k: number, name: string): ZipEntry {
    const made = (this.made ??= new Array<ZipEntry | undefined>(this.records.length));
    return (made[k] ??= entryAt(this.b, this.records[k], name));
  }

  /**
   * The entry named `name` (the first, when several are), as all().get(name) gives it; with
   * `ignoringCase`, when none is, the one all() lists last among those whose name is the
   * same ignoring case (sameIgnoringCase).
   */
  find(name: string, ignoringCase: boolean): ZipEntry | undefined {
    const records = this.records;
    if (records.length > WALKED_ENTRIES || this.byName) {
      const entries = this.all();
      const exact = entries.get(name);
      if (exact || !ignoringCase) return exact;
      let found: ZipEntry | undefined;
      for (const e of entries.values()) if (sameIgnoringCase(e.name, name)) found = e;
      return found;
    }
    const b = this.b;
    const nameIsAscii = ascii(name);
    // Only İ lower-cases to more characters (two): without it, a name of other length than a
    // CP437 one (a character a byte) is another name, ignoring case or not.
    const otherLengthsDiffer = !ignoringCase || name.indexOf('\u0130') < 0;
    let folded: number[] | undefined; // records whose names are the same ignoring case
    for (let k = 0; k < records.length; k++) {
      const p = records[k];
      if ((b[p + 28] | (b[p + 29] << 8)) !== name.length && (b[p + 9] & 0x08) === 0 && otherLengthsDiffer) continue;
      const same = compareName(b, p, name, nameIsAscii, ignoringCase);
      if (same === SAME) return this.entry(k, name);
      if (same === SAME_IGNORING_CASE) (folded ??= []).push(k);
    }
    if (!folded) return undefined;
    // all() lists each name once, at its first record: the last of the names first seen.
    const names = folded.map((k) => nameAt(b, records[k]));
    for (let i = names.length - 1; i >= 0; i--) if (names.indexOf(names[i]) === i) return this.entry(folded[i], names[i]);
    return undefined;
  }
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
  // A plain view (a Buffer's subarray is made through its species constructor: slower, and a larger object).
  return { ok: true, value: new Uint8Array(b.buffer, b.byteOffset + start, end - start) };
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

/**
 * Inflates one entry, enforcing the limits on the bytes actually produced. `transient`: the
 * caller is done with the bytes before it inflates anything else (ZipCodec.inflate).
 */
export function inflateEntry(b: Uint8Array, e: ZipEntry, budget: InflateBudget, transient = false): ZipResult<Uint8Array> {
  const stored = entryData(b, e, budget.limits);
  if (!stored.ok) return stored;
  return inflateData(stored.value, e, budget, transient);
}

/** Inflates an entry's stored bytes (from entryData), enforcing the limits on the bytes actually produced. */
export function inflateData(data: Uint8Array, e: ZipEntry, budget: InflateBudget, transient = false): ZipResult<Uint8Array> {
  const limits = budget.limits;
  const partLimit = Math.min(limits.maxPartBytes, limits.maxTotalBytes - budget.used);

  let out: Uint8Array;
  if (e.method === 0) {
    out = data;
  } else if (e.compressedSize * DEFLATE_MAX_EXPANSION <= partLimit) {
    // Even a lying header cannot make this exceed the limit: one fast call.
    try {
      out = inflateFitted(data, e.uncompressedSize, e.compressedSize * DEFLATE_MAX_EXPANSION, transient);
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
function inflateFitted(data: Uint8Array, declared: number, bound: number, transient: boolean): Uint8Array {
  return zipCodec().inflate(data, Math.min(declared, bound), transient);
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
