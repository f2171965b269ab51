/**
 * The streaming writer's rows, written as bytes, against the XML they stand for spelled
 * out as strings (the writer built each row's string before): random rows of text that
 * needs escaping or xml:space, numbers of every kind, dates, empty cells, styles, heights.
 */
import { strFromU8, unzipSync } from 'fflate';
import { collectBytes, columnLetters, edgeSpace, encodeUtf8, SpreadsheetWriter, type XRow, type XValue } from '../../src/workbook/xlsx/sheetWriter';

const PAGE = { paperSize: 9, orientation: 'landscape' as const, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } };

/** A row's XML as a string, the way the writer wrote it before it wrote bytes. */
function rowXml(r: number, row: XRow): string {
  const escape = (s: string) => s.replace(/[&<>"\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#13;'));
  let xml = `<row r="${r}"${row.height !== undefined ? ` ht="${row.height}" customHeight="1"` : ''}>`;
  row.values.forEach((v, c) => {
    const ref = columnLetters(c) + r;
    const s = row.styles[c] ? ` s="${row.styles[c]}"` : '';
    if (v === null || v === '') xml += `<c r="${ref}"${s}/>`;
    else if (typeof v === 'number') xml += `<c r="${ref}"${s}><v>${v}</v></c>`;
    else if (v instanceof Date) xml += `<c r="${ref}"${s}><v>${v.getTime() / 86400000 + 25569}</v></c>`;
    else xml += `<c r="${ref}"${s} t="inlineStr"><is><t${/^\s|\s$/.test(v) ? ' xml:space="preserve"' : ''}>${escape(v)}</t></is></c>`;
  });
  return xml + '</row>';
}

test('rows written as bytes are the XML spelled out as strings (random rows, over several deflated pieces)', async () => {
  let seed = 12345;
  const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const texts = ['中共永州市第一党支部', 'a<b>&"c"', ' 前导空格', '结尾\u3000', '\t制表', '换行\n第二行', 'x\r\ny', '\u00a0', 'plain', '=1+1', '𠀀𠀁', '&amp;'];
  const numbers = [0, -0, 1, 9, 10, 99, 100, 2147483646, 2147483647, 2147483648, 1e21, -5, 0.5, 1 / 3, 0.96, 1e-7, 123456789012, NaN];
  const value = (): XValue => {
    switch (rand(5)) {
      case 0:
        return null;
      case 1:
        return rand(4) === 0 ? '' : texts[rand(texts.length)] + (rand(2) ? texts[rand(texts.length)] : '');
      case 2:
        return numbers[rand(numbers.length)];
      case 3:
        return new Date(Date.UTC(2019, rand(12), 1 + rand(28), rand(3) === 0 ? rand(24) : 0));
      default:
        return texts[rand(texts.length)];
    }
  };
  const rows: XRow[] = Array.from({ length: 2000 }, () => {
    const n = 1 + rand(30); // past column Z
    return { height: rand(3) === 0 ? [30, 18.5, 409][rand(3)] : undefined, values: Array.from({ length: n }, value), styles: Array.from({ length: n }, () => rand(3)) };
  });
  const bytes = await collectBytes((sink) => {
    const w = new SpreadsheetWriter(sink, { created: new Date(Date.UTC(2019, 4, 1)), creator: 'wuhua' });
    w.style({ font: { name: '宋体', size: 11 }, wrap: true });
    w.style({ font: { name: '宋体', size: 11 }, numFmt: '0%' });
    w.addSheet({ name: '汇总', widths: Array.from({ length: 30 }, () => 10), headerRows: 0, filterRows: 0, page: PAGE }, rows);
    w.finish();
  });
  const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
  const data = xml.slice(xml.indexOf('<sheetData>') + '<sheetData>'.length, xml.indexOf('</sheetData>'));
  expect(data.length).toBeGreaterThan(4 * 131072);
  expect(data).toBe(rows.map((row, i) => rowXml(i + 1, row)).join(''));
});

test('edgeSpace is /^\\s|\\s$/ for every UTF-16 code unit at either end', () => {
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    for (const s of [ch, `${ch}x`, `x${ch}`, `x${ch}x`]) {
      if (edgeSpace(s) !== /^\s|\s$/.test(s)) throw new Error(`edgeSpace differs at U+${c.toString(16)} in ${JSON.stringify(s)}`);
    }
  }
  expect(edgeSpace('')).toBe(false);
});

test('encodeUtf8 writes the bytes of TextEncoder, lone surrogates as U+FFFD (random texts of every kind of UTF-16 unit)', () => {
  let seed = 777;
  const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  // Units from each UTF-8 length class and both surrogate halves, so pairs, lone highs, lone lows and a high at the end all occur.
  const units = [0x00, 0x41, 0x7f, 0x80, 0x7ff, 0x800, 0x4e2d, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xffff];
  const encoder = new TextEncoder();
  for (let k = 0; k < 5000; k++) {
    const length = rand(12);
    let s = '';
    for (let i = 0; i < length; i++) s += String.fromCharCode(rand(3) === 0 ? rand(0x10000) : units[rand(units.length)]);
    const buf = new Uint8Array(3 + s.length * 3);
    const end = encodeUtf8(s, buf, 3);
    expect(Array.from(buf.subarray(3, end))).toEqual(Array.from(encoder.encode(s)));
  }
  expect(Array.from(buf4('𠀀'))).toEqual([0xf0, 0xa0, 0x80, 0x80]);
});

function buf4(s: string): Uint8Array {
  const b = new Uint8Array(s.length * 3);
  return b.subarray(0, encodeUtf8(s, b, 0));
}
