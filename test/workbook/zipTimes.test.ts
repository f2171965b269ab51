import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readWorkbook } from '../../src/workbook/xlsx/read';
import { readCentralDirectory } from '../../src/workbook/xlsx/zip';
import { dosDateTime, withFixedZipTimes } from '../../src/workbook/xlsx/zipTimes';

const AS_OF = new Date('2019-05-01T00:00:00Z');
const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);

/** The DOS time and date of every central directory entry and its local header. */
function stamps(zip: Uint8Array): { name: string; central: [number, number]; local: [number, number] }[] {
  const cd = readCentralDirectory(zip, 1000);
  if (!cd.ok) throw new Error('not a zip');
  const eocd = zip.length - 22; // these archives carry no comment
  let p = u16(zip, eocd + 16) + u16(zip, eocd + 18) * 0x10000;
  const out: { name: string; central: [number, number]; local: [number, number] }[] = [];
  for (const e of cd.value.values()) {
    const local = e.localHeaderOffset;
    out.push({ name: e.name, central: [u16(zip, p + 12), u16(zip, p + 14)], local: [u16(zip, local + 10), u16(zip, local + 12)] });
    p += 46 + u16(zip, p + 28) + u16(zip, p + 30) + u16(zip, p + 32);
  }
  return out;
}

function twoEntries(mtime: Date): Uint8Array {
  return zipSync({ 'a.xml': [strToU8('<a>甲</a>'), { mtime }], 'dir/b.xml': [strToU8('<b/>'.repeat(100)), { mtime, level: 6 }] });
}

describe('withFixedZipTimes (same workbook, same bytes)', () => {
  test('DOS date and time: 2019-05-01 00:00 → date (39<<9 | 5<<5 | 1), time 0; seconds in 2-second steps', () => {
    expect(dosDateTime(AS_OF)).toEqual({ time: 0, date: (39 << 9) | (5 << 5) | 1 });
    expect(dosDateTime(new Date('2019-05-01T13:45:59Z'))).toEqual({ time: (13 << 11) | (45 << 5) | 29, date: (39 << 9) | (5 << 5) | 1 });
    expect(dosDateTime(new Date('1970-01-01T00:00:00Z'))).toEqual({ time: 0, date: (1 << 5) | 1 }); // before 1980: 1980-01-01
  });

  test('two archives differing only in entry times become byte-for-byte equal, every header stamped', () => {
    const a = twoEntries(new Date('2024-01-02T03:04:06'));
    const b = twoEntries(new Date('2025-06-07T08:09:10'));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    const fa = withFixedZipTimes(a, AS_OF);
    const fb = withFixedZipTimes(b, AS_OF);
    expect(Buffer.from(fa).equals(Buffer.from(fb))).toBe(true);
    const { time, date } = dosDateTime(AS_OF);
    const s = stamps(fa);
    expect(s.map((e) => e.name)).toEqual(['a.xml', 'dir/b.xml']);
    for (const e of s) expect([e.central, e.local]).toEqual([[time, date], [time, date]]);
    // the contents are untouched
    const files = unzipSync(fa);
    expect(strFromU8(files['a.xml'])).toBe('<a>甲</a>');
    expect(strFromU8(files['dir/b.xml'])).toBe('<b/>'.repeat(100));
  });

  test('the input is not changed; bytes that are not a zip come back unchanged', () => {
    const a = twoEntries(new Date('2024-01-02T03:04:06'));
    const before = Buffer.from(a);
    withFixedZipTimes(a, AS_OF);
    expect(Buffer.from(a).equals(before)).toBe(true);
    const junk = strToU8('not a zip at all, but long enough to scan for an end record');
    expect(Buffer.from(withFixedZipTimes(junk, AS_OF)).equals(Buffer.from(junk))).toBe(true);
  });

  test('an exceljs workbook written at two different times: equal after fixing, and still opens in exceljs and in our reader', async () => {
    const write = async (now: string) => {
      jest.useFakeTimers({ now: new Date(now), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask'] });
      try {
        const wb = new ExcelJS.Workbook();
        wb.created = AS_OF;
        wb.modified = AS_OF;
        wb.addWorksheet('汇总').getCell('A1').value = '中共甲局党支部';
        return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      } finally {
        jest.useRealTimers();
      }
    };
    const a = await write('2024-01-02T03:04:06Z');
    const b = await write('2024-01-02T05:00:00Z');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false); // exceljs stamps the time of writing
    const fa = withFixedZipTimes(a, AS_OF);
    expect(Buffer.from(fa).equals(Buffer.from(withFixedZipTimes(b, AS_OF)))).toBe(true);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(fa) as unknown as ArrayBuffer);
    expect(back.getWorksheet('汇总')!.getCell('A1').value).toBe('中共甲局党支部');
    const read = readWorkbook(fa, 'x.xlsx');
    expect(read.ok).toBe(true);
  });
});
