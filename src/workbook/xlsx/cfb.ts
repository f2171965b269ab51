/**
 * A bounded reader of Compound File Binary containers ([MS-CFB]): the box that holds a
 * legacy .xls / WPS .et (stream "Workbook" or "Book"), a Word .doc / WPS .wps
 * ("WordDocument") and a password-protected .xlsx ("EncryptionInfo").
 *
 * We read the directory and at most one stream ourselves, and hand a spreadsheet
 * parser only that stream's bytes, never the container: every sector chain is walked
 * with a step limit and a visited set (a looping FAT is "corrupt", not a hang), every
 * sector must lie inside the file (a cut-off file is "truncated"), and a stream's
 * declared size is checked against a limit before a byte of it is copied.
 * Browser-safe, never throws.
 */

export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export function isCfb(b: Uint8Array): boolean {
  return b.length >= 8 && CFB_SIGNATURE.every((x, i) => b[i] === x);
}

export type CfbError = { kind: 'truncated' } | { kind: 'corrupt' } | { kind: 'too-large'; size: number; limit: number };
export type CfbResult<T> = { ok: true; value: T } | { ok: false; error: CfbError };

export interface CfbEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root. */
  type: number;
  start: number;
  size: number;
}

export interface Cfb {
  /** Every named entry of the directory (streams and storages), in directory order. */
  entries: CfbEntry[];
  /** The bytes of a top-level-or-nested stream named `name` (case-insensitive), or undefined when there is none. */
  stream(name: string, maxBytes: number): CfbResult<Uint8Array> | undefined;
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const MAX_DIR_ENTRIES = 4096;

const fail = <T>(kind: 'truncated' | 'corrupt'): CfbResult<T> => ({ ok: false, error: { kind } });

/** Parses the header, the FAT (through the DIFAT) and the directory. */
export function readCfb(b: Uint8Array): CfbResult<Cfb> {
  if (!isCfb(b)) return fail('corrupt');
  if (b.length < 512) return fail('truncated');
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (o: number) => dv.getUint16(o, true);
  const u32 = (o: number) => dv.getUint32(o, true);
  if (u16(0x1c) !== 0xfffe) return fail('corrupt');
  const shift = u16(0x1e);
  if (shift !== 9 && shift !== 12) return fail('corrupt');
  const sectorSize = 1 << shift;
  const miniShift = u16(0x20);
  if (miniShift !== 6) return fail('corrupt');
  const miniSize = 1 << miniShift;
  const cutoff = u32(0x38);
  const sectorAt = (n: number): number => (n + 1) * sectorSize;
  const inFile = (n: number): boolean => sectorAt(n) < b.length;
  const fullSector = (n: number): boolean => sectorAt(n) + sectorSize <= b.length;
  const fileSectors = Math.ceil(b.length / sectorSize);

  // FAT sector numbers: 109 in the header, the rest in the DIFAT chain.
  const fatCount = u32(0x2c);
  if (fatCount > fileSectors) return fail(fatCount > 1 << 20 ? 'corrupt' : 'truncated');
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(0x4c + 4 * i));
  let difat = u32(0x44);
  const seenDifat = new Set<number>();
  while (fatSectors.length < fatCount) {
    if (difat === END_OF_CHAIN || difat === FREE) return fail('corrupt');
    if (seenDifat.has(difat)) return fail('corrupt');
    if (!fullSector(difat)) return fail('truncated');
    seenDifat.add(difat);
    const base = sectorAt(difat);
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per && fatSectors.length < fatCount; i++) fatSectors.push(u32(base + 4 * i));
    difat = u32(base + 4 * per);
  }
  const fat = new Uint32Array(fatCount * (sectorSize / 4));
  for (let k = 0; k < fatSectors.length; k++) {
    const s = fatSectors[k];
    if (!fullSector(s)) return fail('truncated');
    const base = sectorAt(s);
    for (let i = 0; i < sectorSize / 4; i++) fat[k * (sectorSize / 4) + i] = u32(base + 4 * i);
  }

  /**
   * The sectors of a chain, in order: its first `need` sectors, or (without `need`) all
   * up to the end mark, at most `max`. A loop, a link outside the table or a chain too
   * long is corrupt; a sector outside the file, or a chain that ends early, truncated.
   */
  const chain = (start: number, table: Uint32Array, present: (n: number) => boolean, limit: { need?: number; max: number }): CfbResult<number[]> => {
    const out: number[] = [];
    const seen = new Set<number>();
    let s = start;
    while (out.length !== limit.need) {
      if (s === END_OF_CHAIN) return limit.need === undefined ? { ok: true, value: out } : fail('truncated');
      if (s >= table.length || seen.has(s) || out.length >= limit.max) return fail('corrupt');
      if (!present(s)) return fail('truncated');
      seen.add(s);
      out.push(s);
      s = table[s];
    }
    return { ok: true, value: out };
  };

  const dirChain = chain(u32(0x30), fat, fullSector, { max: Math.ceil((MAX_DIR_ENTRIES * 128) / sectorSize) });
  if (!dirChain.ok) return dirChain;
  const entries: CfbEntry[] = [];
  let root: CfbEntry | undefined;
  for (const s of dirChain.value) {
    for (let o = sectorAt(s); o < sectorAt(s) + sectorSize; o += 128) {
      const type = b[o + 0x42];
      if (type !== 1 && type !== 2 && type !== 5) continue;
      const nameBytes = Math.min(64, u16(o + 0x40));
      let name = '';
      for (let i = 0; i + 1 < nameBytes - 1; i += 2) name += String.fromCharCode(u16(o + i));
      const high = shift === 12 ? u32(o + 0x7c) : 0; // version 3 files may leave garbage in the high half
      const size = high > 0 ? Number.MAX_SAFE_INTEGER : u32(o + 0x78);
      const e = { name, type, start: u32(o + 0x74), size };
      if (type === 5) root ??= e;
      else entries.push(e);
    }
  }
  if (!root) return fail('corrupt');
  const rootEntry = root;

  let mini: { fat: Uint32Array; sectors: number[] } | null | undefined;
  /** The mini FAT and the sectors of the mini stream, read on first use. */
  const miniTables = (): CfbResult<{ fat: Uint32Array; sectors: number[] }> => {
    if (mini) return { ok: true, value: mini };
    const mfChain = chain(u32(0x3c), fat, fullSector, { max: fat.length });
    if (!mfChain.ok) return mfChain;
    const mfat = new Uint32Array(mfChain.value.length * (sectorSize / 4));
    mfChain.value.forEach((s, k) => {
      for (let i = 0; i < sectorSize / 4; i++) mfat[k * (sectorSize / 4) + i] = u32(sectorAt(s) + 4 * i);
    });
    const ms = chain(rootEntry.start, fat, fullSector, { max: fat.length });
    if (!ms.ok) return ms;
    mini = { fat: mfat, sectors: ms.value };
    return { ok: true, value: mini };
  };

  const stream = (name: string, maxBytes: number): CfbResult<Uint8Array> | undefined => {
    const lower = name.toLowerCase();
    const e = entries.find((x) => x.type === 2 && x.name.toLowerCase() === lower);
    if (!e) return undefined;
    if (e.size > maxBytes) return { ok: false, error: { kind: 'too-large', size: e.size, limit: maxBytes } };
    const out = new Uint8Array(e.size);
    if (e.size === 0) return { ok: true, value: out };
    if (e.size < cutoff) {
      const t = miniTables();
      if (!t.ok) return t;
      const perSector = sectorSize / miniSize;
      const c = chain(e.start, t.value.fat, (n) => Math.floor(n / perSector) < t.value.sectors.length, { need: Math.ceil(e.size / miniSize), max: t.value.fat.length });
      if (!c.ok) return c;
      c.value.forEach((m, i) => {
        const from = sectorAt(t.value.sectors[Math.floor(m / perSector)]) + (m % perSector) * miniSize;
        out.set(b.subarray(from, Math.min(from + miniSize, from + e.size - i * miniSize)), i * miniSize);
      });
      return { ok: true, value: out };
    }
    const c = chain(e.start, fat, inFile, { need: Math.ceil(e.size / sectorSize), max: fat.length });
    if (!c.ok) return c;
    for (let i = 0; i < c.value.length; i++) {
      const from = sectorAt(c.value[i]);
      const want = Math.min(sectorSize, e.size - i * sectorSize);
      if (from + want > b.length) return fail('truncated');
      out.set(b.subarray(from, from + want), i * sectorSize);
    }
    return { ok: true, value: out };
  };

  return { ok: true, value: { entries, stream } };
}
