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

export function parseCell(a1: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`bad cell address ${a1}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

export function parseRange(a1: string): RangeRef {
  const [from, to = from] = a1.split(':');
  const a = parseCell(from);
  const b = parseCell(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function rangeAddress(r: RangeRef): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/** Top-left cell of a range ("B6:H6" → "B6"). */
export function firstCell(a1: string): string {
  return a1.split(':')[0];
}

export function isMerged(a1: string): boolean {
  const r = parseRange(a1);
  return r.top !== r.bottom || r.left !== r.right;
}
