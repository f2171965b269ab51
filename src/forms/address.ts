/** A1-style addresses ↔ 1-based row/column numbers. */

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** What String.prototype.trim removes. */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * s[from, to) trimmed as "$AB$12", 1–3 letters then digits, "$" allowed before each —
 * /^\$?([A-Za-z]{1,3})\$?(\d+)$/ on the trimmed text — into `out`; false when it is not
 * one. By hand, without cutting the part out: the readers and the rules parse the
 * addresses of every form they read, and every merged range of every sheet.
 */
function cellIn(s: string, from: number, to: number, out: CellRef): boolean {
  while (from < to && isTrimmed(s.charCodeAt(from))) from++;
  while (to > from && isTrimmed(s.charCodeAt(to - 1))) to--;
  let i = from;
  if (i < to && s.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  const letters = i;
  for (; i < to; i++) {
    const c = s.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === letters || i - letters > 3) return false;
  if (i < to && s.charCodeAt(i) === 36) i++;
  if (i === to) return false;
  const digits = i;
  let row = 0;
  for (; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  // Past 15 digits the sum above may round differently from Number's reading of the text.
  out.row = to - digits > 15 ? Number(s.slice(digits, to)) : row;
  out.col = col;
  return true;
}

export function parseCell(a1: string): CellRef {
  const out = { row: 0, col: 0 };
  if (!cellIn(a1, 0, a1.length, out)) throw new Error(`bad cell address ${a1}`);
  return out;
}

/** "B2:D4" (or one cell, "B2") → its rows and columns; the text after a second ":" is ignored. */
export function parseRange(a1: string): RangeRef {
  let colon = a1.indexOf(':');
  if (colon < 0) colon = a1.length;
  let end = a1.indexOf(':', colon + 1);
  if (end < 0) end = a1.length;
  const a = { row: 0, col: 0 };
  const b = { row: 0, col: 0 };
  if (!cellIn(a1, 0, colon, a)) throw new Error(`bad cell address ${a1.slice(0, colon)}`);
  if (colon === a1.length) (b.row = a.row), (b.col = a.col);
  else if (!cellIn(a1, colon + 1, end, b)) throw new Error(`bad cell address ${a1.slice(colon + 1, end)}`);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

const CACHED_ROWS = 256;
const CACHED_COLS = 32;
const cachedAddresses: (string | undefined)[] = new Array(CACHED_ROWS * CACHED_COLS);

export function cellAddress(row: number, col: number): string {
  // The forms' cells, a sheet's first rows: each address made once, not for every form read (a month row alone names five).
  if (row >= 1 && row <= CACHED_ROWS && col >= 1 && col <= CACHED_COLS && Number.isInteger(row) && Number.isInteger(col)) {
    const i = (row - 1) * CACHED_COLS + (col - 1);
    return (cachedAddresses[i] ??= `${columnLetters(col)}${row}`);
  }
  return `${columnLetters(col)}${row}`;
}

export function rangeAddress(r: RangeRef): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** Top-left cell of a range ("B6:H6" → "B6"). */
export function firstCell(a1: string): string {
  const colon = a1.indexOf(':');
  return colon < 0 ? a1 : a1.slice(0, colon);
}

export function isMerged(a1: string): boolean {
  const r = parseRange(a1);
  return r.top !== r.bottom || r.left !== r.right;
}
