/**
 * The command line reads a worksheet byte-wise (ZipCodec.bytewise: one character per byte,
 * each value taken decoded as UTF-8): the grid must be exactly what decoding the whole
 * sheet as UTF-8 gives, whatever the bytes — Chinese text, entities, non-breaking spaces
 * around numbers, prefixed tags, rich runs, merged cells, and broken UTF-8.
 */
import { zlibCodec } from '../../src/cli/nativeZlib';
import { parseSheet } from '../../src/workbook/xlsx/read';
import { random as seeded } from '../fixtures/random';

const bytewise = zlibCodec.bytewise!;
const enc = (s: string) => new TextEncoder().encode(s);
const whole = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);
const SST = ['共', ' 党员\u00a0', '12'];
const DATES = new Set([1]);

/** The grid both ways: decoded whole, and byte-wise. */
function both(bytes: Uint8Array) {
  return [parseSheet(whole(bytes), 'S', SST, DATES), parseSheet(bytewise.text(bytes), 'S', SST, DATES, false, bytewise.utf8)];
}

describe('a worksheet read byte-wise gives the grid of the sheet decoded whole', () => {
  test('the byte-wise text is one character per byte; a value is decoded back as UTF-8', () => {
    const bytes = enc('<t>中国 A</t>');
    const text = bytewise.text(bytes);
    expect(text.length).toBe(bytes.length);
    expect(bytewise.utf8(text)).toBe('<t>中国 A</t>');
    expect(bytewise.utf8('<t>A&amp;B</t>')).toBe('<t>A&amp;B</t>'); // ASCII: the same string
    expect(bytewise.utf8(bytewise.text(Uint8Array.from([0x41, 0xe4, 0xb8, 0x42, 0xff])))).toBe(whole(Uint8Array.from([0x41, 0xe4, 0xb8, 0x42, 0xff])));
  });

  test('written cases', () => {
    const sheet = (cells: string, tail = '') => enc(`<sheetData><row r="1">${cells}</row></sheetData>${tail}`);
    const cases = [
      '<c r="A1" t="inlineStr"><is><t>中&#x56FD;&amp;党支部</t></is></c>',
      '<c r="A1" t="inlineStr"><is><r><t>内联</t></r><r><t xml:space="preserve"> 文本\u00a0</t></r><rPh><t>ふりがな</t></rPh></is></c>',
      '<c r="A1" t="str"><f>A2</f><v>公式 &#xA0;文本</v></c><c r="B1"><v>\u00a012\u00a0</v></c><c r="C1" s="1"><v>43586\u3000</v></c>',
      '<c r="A1" t="s"><v>\u00a01</v></c><c r="B1" t="b"><v>\u00a01</v></c><c r="C1" t="d"><v>2019-05-01\u00a0</v></c>',
      '<x:c r="A1" t="inlineStr"><x:is><x:t>前缀 中文</x:t></x:is></x:c><x:c r="B1"><x:v>3</x:v></x:c>',
      '<c r="A1" t="inlineStr"><is><t>合并</t></is></c>',
    ];
    for (const cells of cases) {
      const [a, b] = both(sheet(cells, '<mergeCells><mergeCell ref="A1:B2\u00a0"/><mergeCell ref="&#x41;3:C3"/></mergeCells>'));
      expect(b).toEqual(a);
      expect(a.cells.size).toBeGreaterThan(0);
    }
    const [a] = both(sheet(cases[0]));
    expect(a.cells.get([...a.cells.keys()][0])?.v).toBe('中国&党支部');
  });

  test('random sheets: cells of every type holding Chinese, entities, spaces and broken UTF-8, and byte soup', () => {
    const random = seeded(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const TEXT: (string | number[])[] = ['党', '支部', '中国', 'A', ' ', '\u00a0', '\u3000', '1', '12', '43586', '2019-05-01', 'true', '&amp;', '&#x56FD;', '&#xA0;', '&#160;', '&lt;', '_x000D_', '"', '<', [0xff], [0xe4, 0xb8], [0x80], [0xa0], [0xc2], [0xef, 0xbb, 0xbf]];
    const bytesOf = (p: string | number[]) => (typeof p === 'string' ? [...enc(p)] : p);
    const text = () => Array.from({ length: Math.floor(random() * 5) }, () => bytesOf(pick(TEXT))).flat();
    const tagged = (name: string, inner: number[]) => [...enc(`<${name}>`), ...inner, ...enc(`</${name.split(' ')[0]}>`)];
    const cell = (): number[] => {
      const prefix = random() < 0.15 ? 'x:' : '';
      const type = pick(['', ' t="inlineStr"', ' t="str"', ' t="s"', ' t="b"', ' t="d"', ' s="1"', ' t="e"']);
      const ref = random() < 0.7 ? ` r="${pick(['A', 'B', 'C', 'AA'])}${1 + Math.floor(random() * 5)}"` : '';
      let inner: number[];
      if (type === ' t="inlineStr"') {
        const runs = Array.from({ length: 1 + Math.floor(random() * 3) }, () => (random() < 0.5 ? tagged(`${prefix}t`, text()) : tagged('r', tagged('t xml:space="preserve"', text()))));
        if (random() < 0.2) runs.push(tagged('rPh', tagged('t', text())));
        inner = tagged(`${prefix}is`, runs.flat());
      } else {
        inner = [...(random() < 0.2 ? enc('<f>A1</f>') : []), ...tagged(`${prefix}v`, text())];
      }
      return [...enc(`<${prefix}c${ref}${type}>`), ...inner, ...enc(`</${prefix}c>`)];
    };
    const merges = () => [...enc('<mergeCells>'), ...Array.from({ length: Math.floor(random() * 3) }, () => [...enc('<mergeCell ref="'), ...text(), ...enc('A1:B2"/>')]).flat(), ...enc('</mergeCells>')];
    let withCells = 0;
    for (let n = 0; n < 3000; n++) {
      const rows = Array.from({ length: 1 + Math.floor(random() * 3) }, () => [...enc(random() < 0.5 ? '<row>' : `<row r="${1 + Math.floor(random() * 4)}">`), ...Array.from({ length: Math.floor(random() * 4) }, cell).flat(), ...enc('</row>')]);
      let bytes = Uint8Array.from([...enc('<sheetData>'), ...rows.flat(), ...enc('</sheetData>'), ...merges()]);
      if (random() < 0.2) {
        // Soup: the sheet cut and spliced at random places.
        const cut = Math.floor(random() * bytes.length);
        bytes = Uint8Array.from([...bytes.subarray(cut), ...bytes.subarray(0, Math.floor(random() * bytes.length))]);
      }
      const [a, b] = both(bytes);
      expect(b).toEqual(a);
      if (a.cells.size > 0) withCells++;
    }
    expect(withCells).toBeGreaterThan(1500); // most sheets do make cells
  });
});
