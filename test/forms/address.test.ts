import { cellAddress, columnLetters, columnNumber, firstCell, parseCell, parseRange, type CellRef, type RangeRef } from '../../src/forms/address';

/** parseCell and parseRange as they were, by regular expression: the hand-written ones must agree. */
function cellByRegex(a1: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`bad cell address ${a1}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}
function rangeByRegex(a1: string): RangeRef {
  const [from, to = from] = a1.split(':');
  const a = cellByRegex(from);
  const b = cellByRegex(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}
const outcome = <T>(f: () => T): T | string => {
  try {
    return f();
  } catch (e) {
    return (e as Error).message;
  }
};

describe('parseCell and parseRange read what their regular expression read', () => {
  const written = ['A1', '$B$12', 'xfd1048576', ' C3 ', '\u3000D4\u00a0', 'ABCD1', 'A', '12', '$$A1', 'A$$1', 'A1:B2', 'B2:A1', 'A1:', ':A1', 'A1:B2:C3', 'A1 : $C$3', '', ':', 'A0', 'A12345678901234567890', 'a1:zz9', 'A1x', 'Ａ1'];
  const pieces = ['A', 'z', 'Q', '$', '1', '0', '9', ':', ' ', '\t', '\u3000', 'x', '-', '.', 'ABC', '123'];
  let seed = 3;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const soup = Array.from({ length: 5000 }, () => Array.from({ length: Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));

  test('cells: written cases and random strings (values and error messages)', () => {
    for (const s of [...written, ...soup]) expect([s, outcome(() => parseCell(s))]).toEqual([s, outcome(() => cellByRegex(s))]);
  });

  test('ranges: written cases and random strings (values and error messages)', () => {
    for (const s of [...written, ...soup]) expect([s, outcome(() => parseRange(s))]).toEqual([s, outcome(() => rangeByRegex(s))]);
  });
});

describe('cellAddress (made once for the first rows and columns) and firstCell give what they always gave', () => {
  test('every row and column in and around the cached ones, twice, and others', () => {
    const rows = [...Array.from({ length: 300 }, (_, i) => i - 5), 1048576, 1.5, -1, NaN];
    const cols = [...Array.from({ length: 40 }, (_, i) => i - 2), 16384, 2.5];
    for (let pass = 0; pass < 2; pass++) for (const r of rows) for (const c of cols) expect([r, c, cellAddress(r, c)]).toEqual([r, c, `${columnLetters(c)}${r}`]);
  });
  test('firstCell is the part before the first colon', () => {
    for (const a of ['B6:H6', 'B6', '', ':', 'A1:B2:C3', ':B2', 'B2:']) expect([a, firstCell(a)]).toEqual([a, a.split(':')[0]]);
  });
});
