/**
 * The zip codecs: fflate (task pane, page), Node's zlib (the command line) and the
 * platform's CompressionStream (the page's worker, for the summary it writes). They
 * inflate the same bytes to the same text, refuse the same damaged data, and the
 * streaming writer gives, through each, a valid .xlsx with the same parts — its bytes
 * differ (each deflater has its own output), so parts are compared, not bytes.
 */
import ExcelJS from 'exceljs';
import { deflateSync as deflateRawSync, strFromU8, strToU8, unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as zlib from 'zlib';
import { useNativeZlib, zlibCodec } from '../../src/cli/nativeZlib';
import { fflateCodec, hasStreamDeflate, setZipCodec, streamCodec, zipCodec, type ZipCodec } from '../../src/workbook/xlsx/codec';
import { readWorkbook, sameBytes } from '../../src/workbook/xlsx/read';
import { collectBytes, SpreadsheetWriter, type XRow } from '../../src/workbook/xlsx/sheetWriter';
import { readCentralDirectory, u32 } from '../../src/workbook/xlsx/zip';
import { cellKey } from '../../src/model/types';
import { convert, hasLibreOffice } from '../fixtures/libreoffice';

const CODECS: [string, ZipCodec][] = [
  ['fflate', fflateCodec],
  ['zlib', zlibCodec],
];

afterEach(() => setZipCodec(fflateCodec));

describe.each(CODECS)('%s inflate', (_name, codec) => {
  const text = Array.from({ length: 3000 }, (_, i) => `<c r="A${i}" t="inlineStr"><is><t>第${i}行</t></is></c>`).join('');
  const raw = strToU8(text);
  const data = deflateRawSync(raw, { level: 6 });

  test.each([
    ['the exact size', raw.length],
    ['a smaller size (a header that understates)', 100],
    ['zero', 0],
    ['a larger size (a header that overstates)', raw.length + 5000],
  ])('given %s, gives back all the data actually inflated', (_what, expected) => {
    expect(strFromU8(codec.inflate(data, expected))).toBe(text);
  });

  test('an empty part', () => {
    expect(codec.inflate(deflateRawSync(new Uint8Array(0)), 0).length).toBe(0);
  });

  test('corrupt data throws', () => {
    const bad = data.slice();
    bad.fill(0xff, 10, 40);
    expect(() => codec.inflate(bad, raw.length)).toThrow();
  });

  test('truncated data throws', () => {
    expect(() => codec.inflate(data.subarray(0, data.length >> 1), raw.length)).toThrow();
  });
});

test('fflate: parts inflated one after another each keep their own bytes (pieces of a shared buffer are never reused)', () => {
  const parts = Array.from({ length: 400 }, (_, i) => strToU8(`<v>${i}</v>`.repeat(1 + ((i * 37) % 900))));
  // A large part among small ones (its own buffer), and headers that overstate or understate.
  parts.push(strToU8('x'.repeat(700_000)));
  const out = parts.map((p, i) => fflateCodec.inflate(deflateRawSync(p), i % 3 === 0 ? p.length : i % 3 === 1 ? p.length + 999 : 1));
  out.forEach((o, i) => expect(strFromU8(o)).toBe(strFromU8(parts[i])));
});

test('zlib: one reused handle gives what inflateRawSync gives, part after part — corrupt and truncated parts among them, sizes that lie', () => {
  // Seeded, so a failure repeats.
  let seed = 12345;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
  const words = ['<c r="A1" t="s"><v>', '</v></c>', '第', '支部', '&amp;', 'x', '\u{1F600}', ' ', '<row r="12">'];
  let errors = 0;
  // The module itself (an import's namespace has fixed getters): what nativeZlib.ts calls through.
  const perPart = jest.spyOn(require('zlib') as typeof zlib, 'inflateRawSync');
  const through = (data: Uint8Array, expected: number) => {
    const before = perPart.mock.calls.length;
    try {
      return zlibCodec.inflate(data, expected, rand(2) === 1); // into the reused buffer or not
    } finally {
      expect(perPart.mock.calls.length).toBe(before); // the handle did it, not a stream made for the part
    }
  };
  for (let i = 0; i < 600; i++) {
    const text = Array.from({ length: rand(i % 50 === 0 ? 20000 : 400) }, () => words[rand(words.length)]).join('');
    const raw = strToU8(text);
    let data: Uint8Array = deflateRawSync(raw, { level: (rand(9) + 1) as 1 });
    const damage = rand(6);
    if (damage === 0 && data.length > 4) (data = data.slice()), data.fill(0xff, rand(data.length - 2), data.length);
    else if (damage === 1) data = data.subarray(0, rand(data.length));
    else if (damage === 2) data = Buffer.concat([data, Buffer.from('trailing bytes')]);
    const expected = Math.max(0, [raw.length, 0, 1, rand(raw.length + 1), raw.length + rand(5000), raw.length - 1][rand(6)]);
    let want: string | undefined; // undefined: inflateRawSync threw (its errors are of another realm than jest's Error)
    try {
      // What the codec was before: a new InflateRaw stream per part, its chunk one byte over the expected size.
      want = Buffer.from(zlib.inflateRawSync(data, { chunkSize: Math.max(64, expected + 1) })).toString('latin1');
    } catch {
      want = undefined;
    }
    if (want === undefined) {
      errors++;
      expect(() => through(data, expected)).toThrow();
    } else expect(Buffer.from(through(data, expected)).toString('latin1')).toBe(want);
  }
  perPart.mockRestore();
  expect(errors).toBeGreaterThan(50); // the damaged parts did fail, and the handle went on after them
});

test('zlib: a part inflated transient (into the buffer reused for such parts) is whole, up to parts larger than that buffer; one inflated otherwise keeps its bytes after later transient ones', () => {
  const texts = [100, 5000, 20000, 70000, 300000, 1000, 600000, 10].map((n, i) => Array.from({ length: n }, (_, j) => String.fromCharCode(0x4e00 + ((i * 31 + j) % 500))).join(''));
  const kept = texts.map((t) => zlibCodec.inflate(deflateRawSync(strToU8(t)), strToU8(t).length, false));
  for (let round = 0; round < 2; round++) {
    texts.forEach((t, i) => {
      const raw = strToU8(t);
      // Sizes that understate and overstate too: the output grows past the reused buffer's size asked for.
      const expected = [raw.length, 1, raw.length + 999][(i + round) % 3];
      expect(strFromU8(zlibCodec.inflate(deflateRawSync(raw), expected, true))).toBe(t);
    });
  }
  kept.forEach((k, i) => expect(strFromU8(k)).toBe(texts[i]));
  // Transient results do share the buffer: the next one overwrites it.
  const a = zlibCodec.inflate(deflateRawSync(strToU8('aaaa')), 4, true);
  zlibCodec.inflate(deflateRawSync(strToU8('bbbb')), 4, true);
  expect(strFromU8(a)).toBe('bbbb');
});

test('sameBytes: zlib\'s native compare and the JavaScript loop agree — equal, one byte changed anywhere, other lengths, views at offsets, Buffers and plain arrays', () => {
  let seed = 99;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
  const pool = Buffer.from(Array.from({ length: 8192 }, () => rand(4))); // few byte values: long equal runs
  const cases: [Uint8Array, Uint8Array][] = [];
  for (let i = 0; i < 2000; i++) {
    const len = rand(i % 100 === 0 ? 5000 : 300);
    const from = rand(pool.length - len + 1);
    const a = pool.subarray(from, from + len);
    let b: Uint8Array = rand(2) ? new Uint8Array(a) : Buffer.from(a);
    const change = i % 4;
    if (change === 0 && len > 0) b[rand(len)] ^= 1 + rand(255);
    else if (change === 1) b = b.subarray(0, rand(len + 1));
    else if (change === 2) b = pool.subarray(rand(pool.length - len + 1)).subarray(0, len);
    cases.push([rand(2) ? a : new Uint8Array(a), b]);
  }
  const js = cases.map(([a, b]) => sameBytes(a, b));
  setZipCodec(zlibCodec);
  const native = cases.map(([a, b]) => sameBytes(a, b));
  const spy = jest.spyOn(zlibCodec, 'equal');
  sameBytes(cases[0][0], cases[0][0]);
  expect(spy).toHaveBeenCalled(); // the native compare was the one asked
  spy.mockRestore();
  setZipCodec(fflateCodec);
  expect(native).toEqual(js);
  expect(js.filter(Boolean).length).toBeGreaterThan(300);
  expect(js.filter((x) => !x).length).toBeGreaterThan(300);
  // The loop itself, against a plain comparison.
  expect(js).toEqual(cases.map(([a, b]) => a.length === b.length && a.every((x, i) => x === b[i])));
});

test('the command line installs zlib; the default is fflate', () => {
  expect(zipCodec()).toBe(fflateCodec);
  useNativeZlib();
  expect(zipCodec()).toBe(zlibCodec);
  // This Node has zlib.crc32 (≥ 20.15), so the writer deflates natively too.
  expect(typeof (zlib as { crc32?: unknown }).crc32).toBe('function');
  expect(zlibCodec.deflateEntry('x').file.constructor.name).not.toBe('ZipDeflate');
});

/** A sheet of `n` rows, text in Chinese and markup-like text, numbers, dates: many 64 K flushes. */
function bigBook(n: number): Promise<Uint8Array> {
  return collectBytes((sink) => {
    const w = new SpreadsheetWriter(sink, { created: new Date(Date.UTC(2019, 4, 1)), creator: 'wuhua' });
    const s = w.style({ font: { name: '宋体', size: 11 }, border: 'FF000000', wrap: true });
    const d = w.style({ font: { name: '宋体', size: 11 }, numFmt: 'yyyy"年"m"月"d"日"' });
    const rows = function* (): Generator<XRow> {
      for (let r = 1; r <= n; r++) yield { values: [`中共永州市第${r}党支部 <&> "引号"`, r * 1.5, new Date(Date.UTC(2019, 3, 1 + (r % 28)))], styles: [s, 0, d] };
    };
    const page = { paperSize: 9, orientation: 'landscape' as const, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } };
    w.addSheet({ name: '汇总', widths: [30, 10, 16], headerRows: 1, filterRows: n, page }, rows());
    w.finish();
  });
}

/** Each entry's stored CRC-32 and size against its inflated bytes (fflate's unzip does not check them). */
function checkCrcs(bytes: Uint8Array): Record<string, string> {
  const cd = readCentralDirectory(bytes, 100);
  if (!cd.ok) throw new Error(cd.error.kind);
  const parts = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, e] of cd.value) {
    expect([name, u32(bytes, e.centralOffset + 16), e.uncompressedSize]).toEqual([name, zlib.crc32(parts[name]) >>> 0, parts[name].length]);
    out[name] = strFromU8(parts[name]);
  }
  return out;
}

describe('the streaming writer through zlib (what bin/wuhua writes)', () => {
  const ROWS = 6000; // ~1.3 MB of sheet XML: 10 pieces deflated on their own, joined into one stream
  let viaFflate: Uint8Array;
  let viaZlib: Uint8Array;
  let viaStream: Uint8Array;
  beforeAll(async () => {
    setZipCodec(fflateCodec);
    viaFflate = await bigBook(ROWS);
    setZipCodec(zlibCodec);
    viaZlib = await bigBook(ROWS);
    setZipCodec(streamCodec);
    viaStream = await bigBook(ROWS);
    setZipCodec(fflateCodec);
  });

  test('the same parts as through fflate, in the same order; other bytes; CRCs and sizes right', () => {
    expect(Buffer.from(viaZlib).equals(Buffer.from(viaFflate))).toBe(false);
    const a = checkCrcs(viaFflate);
    const b = checkCrcs(viaZlib);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    expect(b).toEqual(a);
    expect(a['xl/worksheets/sheet1.xml'].length).toBeGreaterThan(15 * 65536);
  });

  test('through CompressionStream (deflated after the writer returns): the same parts, CRCs and sizes right', () => {
    expect(hasStreamDeflate()).toBe(true);
    expect(Buffer.from(viaStream).equals(Buffer.from(viaFflate))).toBe(false);
    expect(checkCrcs(viaStream)).toEqual(checkCrcs(viaFflate));
  });

  test('the same tables give the same bytes', async () => {
    setZipCodec(zlibCodec);
    expect(Buffer.from(await bigBook(ROWS)).equals(Buffer.from(viaZlib))).toBe(true);
    setZipCodec(streamCodec);
    expect(Buffer.from(await bigBook(ROWS)).equals(Buffer.from(viaStream))).toBe(true);
  });

  test('read back by our reader (both codecs) and by exceljs', async () => {
    for (const [codec, bytes] of [[fflateCodec, viaZlib], [zlibCodec, viaZlib], [fflateCodec, viaStream]] as const) {
      setZipCodec(codec);
      const r = readWorkbook(bytes, 's.xlsx');
      if (!r.ok) throw new Error(r.reason);
      const cells = r.grid.sheets[0].cells;
      expect(cells.get(cellKey(ROWS, 1))).toEqual({ v: `中共永州市第${ROWS}党支部 <&> "引号"` });
      expect(cells.get(cellKey(ROWS, 2))).toEqual({ v: ROWS * 1.5 });
      expect(cells.get(cellKey(ROWS, 3))?.date).toBe(true);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(viaZlib) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.rowCount).toBe(ROWS);
    expect(ws.getCell(`A${ROWS}`).value).toBe(`中共永州市第${ROWS}党支部 <&> "引号"`);
    expect(ws.getCell(`B${ROWS}`).value).toBe(ROWS * 1.5);
  });

  (hasLibreOffice() ? test : test.skip)('LibreOffice opens it: every row comes back as written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'codec-lo-'));
    try {
      const file = join(dir, 'zlib.xlsx');
      writeFileSync(file, viaZlib);
      const [csv] = convert([file], 'csv:Text - txt - csv (StarCalc):44,34,76', join(dir, 'out'));
      const lines = readFileSync(csv, 'utf8').trim().split('\n');
      expect(lines.length).toBe(ROWS);
      expect(lines[ROWS - 1]).toBe(`"中共永州市第${ROWS}党支部 <&> ""引号""",9000,2019年4月9日`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
