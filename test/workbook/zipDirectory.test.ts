import { readCentralDirectory, readDirectory, type ZipEntry } from '../../src/workbook/xlsx/zip';

/**
 * A zip of central directory records only (enough to look entries up): each name stored as
 * its UTF-8 bytes with the UTF-8 flag, or without it as one byte a character (CP437 in
 * theory, read as Latin-1) — or, for a name with wider characters, as UTF-8 bytes without
 * the flag. Each record's sizes tell which record an entry came from.
 */
function directoryZip(names: { name: string; utf8: boolean }[]): Uint8Array {
  const records: number[] = [];
  names.forEach(({ name, utf8 }, i) => {
    const wide = [...name].some((c) => c.charCodeAt(0) > 255);
    const bytes = utf8 || wide ? [...new TextEncoder().encode(name)] : [...name].map((c) => c.charCodeAt(0));
    const r = new Array<number>(46).fill(0);
    r.splice(0, 4, 0x50, 0x4b, 1, 2);
    if (utf8) r[9] = 0x08; // flags 0x800
    r[20] = i & 0xff; // compressed size
    r[24] = (i + 1) & 0xff; // uncompressed size
    r[28] = bytes.length & 0xff;
    r[29] = bytes.length >> 8;
    records.push(...r, ...bytes);
  });
  const eocd = new Array<number>(22).fill(0);
  eocd.splice(0, 4, 0x50, 0x4b, 5, 6);
  eocd[8] = eocd[10] = names.length & 0xff;
  eocd[9] = eocd[11] = names.length >> 8;
  const size = records.length;
  eocd.splice(12, 4, size & 0xff, (size >> 8) & 0xff, size >> 16, 0);
  return Uint8Array.from([...records, ...eocd]);
}

/** Package.entry as it was: the Map of every entry, then the last whose name is the same ignoring case. */
function byMap(entries: Map<string, ZipEntry>, name: string, ignoringCase: boolean): ZipEntry | undefined {
  const exact = entries.get(name);
  if (exact || !ignoringCase) return exact;
  let found: ZipEntry | undefined;
  for (const e of entries.values()) if (e.name.toLowerCase() === name.toLowerCase()) found = e;
  return found;
}

describe('entries looked up in the central directory in place are those of the Map of all entries', () => {
  test('written cases: CP437 and UTF-8 names, case, duplicates, a name that is not there', () => {
    const zip = directoryZip([
      { name: 'xl/workbook.xml', utf8: false },
      { name: 'XL/Styles.xml', utf8: true },
      { name: 'xl/STYLES.xml', utf8: false },
      { name: 'xl/工作表.xml', utf8: true },
      { name: 'xl/caf\u00e9.xml', utf8: false },
      { name: 'xl/workbook.xml', utf8: false },
      { name: 'XL/STYLES.xml', utf8: false },
      { name: 'xl/STYLES.xml', utf8: false },
    ]);
    const dir = readDirectory(zip, 100);
    if (!dir.ok) throw new Error(dir.error.kind);
    const d = dir.value;
    expect(d.find('xl/workbook.xml', false)?.compressedSize).toBe(0); // the first of two
    expect(d.find('xl/styles.xml', false)).toBeUndefined();
    // Ignoring case: of the names first seen at records 1, 2 and 6, the last.
    expect(d.find('xl/styles.xml', true)).toMatchObject({ name: 'XL/STYLES.xml', compressedSize: 6 });
    expect(d.find('XL/工作表.XML', true)).toMatchObject({ name: 'xl/工作表.xml', compressedSize: 3 });
    expect(d.find('xl/工作表.xml', false)?.compressedSize).toBe(3);
    expect(d.find('xl/caf\u00e9.xml', false)?.compressedSize).toBe(4); // one byte 0xE9 without the UTF-8 flag
    expect(d.find('xl/CAF\u00c9.xml', true)?.compressedSize).toBe(4);
    expect(d.find('xl/café.xm', true)).toBeUndefined();
    expect(d.find('', true)).toBeUndefined();
  });

  test('random directories, small (walked) and large (a Map), and random names asked for', () => {
    const pieces = ['xl/', 'XL/', 'a', 'A', 's.xml', 'S.XML', '\u0130', 'i\u0307', 'i', '\u212a', 'k', 'K', '党', '\u00e9', '\u00c9', '\u0082', '/'];
    let seed = 41;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const name = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(pieces)).join('');
    let walked = 0;
    for (let z = 0; z < 300; z++) {
      const count = z % 3 === 0 ? 65 + Math.floor(random() * 40) : 1 + Math.floor(random() * 20);
      if (count <= 64) walked++;
      const names = Array.from({ length: count }, () => ({ name: name(), utf8: random() < 0.5 }));
      const zip = directoryZip(names);
      const all = readCentralDirectory(zip, 1000);
      const dir = readDirectory(zip, 1000);
      if (!all.ok || !dir.ok) throw new Error('not read');
      const asked = [...Array.from({ length: 40 }, name), ...[...all.value.keys()].slice(0, 10)];
      for (const n of asked) {
        for (const ignoringCase of [false, true]) {
          expect([n, ignoringCase, dir.value.find(n, ignoringCase)]).toEqual([n, ignoringCase, byMap(all.value, n, ignoringCase)]);
        }
      }
    }
    expect(walked).toBe(200);
  });
});
