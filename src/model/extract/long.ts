/** Long values (基础工作情况, 创建计划, opinions): every cell of the label's rows right of it, or the rows under it. */
import { cellAddress } from '../../forms/address';
import { isEmptyCell, textOf, type SheetIndex } from '../locate';
import { isDateLine, isStampLine } from '../text';
import type { FoundValue, GridCell } from '../types';
import type { Block } from './blocks';
import { partText } from './cells';
import type { IsLabel, LabelHit } from './labels';

interface Part {
  row: number;
  col: number;
  cell: GridCell;
}

/**
 * A long text or opinion: all value cells right of the label in the rows its block
 * covers — its merged area, or down to the next row that has anything in the label's
 * columns (or a label), joined with line breaks. `withDate` (an opinion): a separate
 * date cell at the bottom of the block, above or below its （盖章）, is its date.
 */
export function readLong(index: SheetIndex, hit: LabelHit, block: Block, isLabel: IsLabel, withDate: boolean): { value: FoundValue; date?: FoundValue } {
  const a = hit.area;
  let last = a.bottom;
  // The first row's value may itself be merged over several rows.
  for (let col = a.right + 1; col <= block.right; col++) {
    const area = index.areaOf(a.top, col);
    if (area.top === a.top && area.left === col) last = Math.max(last, area.bottom);
  }
  if (a.bottom === a.top) {
    for (let row = a.top + 1; row <= block.to; row++) {
      let stop = false;
      for (let col = block.left; col <= block.right && !stop; col++) {
        if (isLabel(row, col)) stop = true;
        else if (col <= a.right && !isEmptyCell(index.get(row, col))) stop = true;
      }
      // A cell merged down from the label's column also ends it (another label's area).
      if (!stop) {
        const area = index.areaOf(row, a.left);
        if (area.top < row && area.top !== a.top) stop = true;
      }
      if (stop) break;
      last = Math.max(last, row);
    }
  }
  const parts: Part[] = [];
  for (let row = a.top; row <= last; row++) {
    for (let col = a.right + 1; col <= block.right; col++) {
      if (isLabel(row, col) && !(row === a.top && col <= a.right)) {
        if (row === a.top) break;
        continue;
      }
      const cell = index.get(row, col);
      if (!isEmptyCell(cell)) parts.push({ row, col, cell: cell! });
    }
  }
  const defaultCell = cellAddress(a.top, a.right + 1);
  if (!parts.length) parts.push(...longBelow(index, hit, block, isLabel));
  const first = parts[0];
  if (!first) return { value: { raw: null, cell: defaultCell } };
  let date: FoundValue | undefined;
  if (withDate && parts.length > 1) {
    // The last part that is not a stamp note ("（盖章）" may stand under the date line too).
    let k = parts.length - 1;
    while (k > 0 && isStampLine(textOf(parts[k].cell))) k--;
    const tail = parts[k];
    if (k > 0 && tail.row > first.row && (tail.cell.date === true || (typeof tail.cell.v === 'string' && isDateLine(tail.cell.v)))) {
      date = { raw: tail.cell, cell: cellAddress(tail.row, tail.col) };
      parts.splice(k, 1);
    }
  }
  // Where the value is (or should be typed): the first value cell on the label's row or below it, else right of the label.
  const cell = first.row === a.top || first.row > a.bottom ? cellAddress(first.row, first.col) : defaultCell;
  let raw: GridCell | null = null;
  if (parts.length === 1) raw = parts[0].cell;
  else if (parts.length > 1) raw = { v: parts.map((p) => partText(p.cell)).join('\n') };
  return { value: { raw, cell }, date };
}

/**
 * A long text typed in the rows under its label (nothing right of it): those rows, up to a
 * blank row or the next label, in the columns up to the next label right of this one.
 */
function longBelow(index: SheetIndex, hit: LabelHit, block: Block, isLabel: IsLabel): Part[] {
  const a = hit.area;
  // Labels in a row with their values beneath (a "horizontal" table): a value stops at the next label's column.
  let right = block.right;
  for (let col = a.right + 1; col <= block.right; col++) {
    if (isLabel(a.top, col)) {
      right = col - 1;
      break;
    }
  }
  const out: Part[] = [];
  for (let row = a.bottom + 1; row <= block.to; row++) {
    const inRow: Part[] = [];
    let label = false;
    for (let col = a.left; col <= right; col++) {
      if (isLabel(row, col)) {
        label = true;
        break;
      }
      const cell = index.get(row, col);
      if (!isEmptyCell(cell)) inRow.push({ row, col, cell: cell! });
    }
    if (label) break;
    if (!inRow.length) {
      if (out.length || row > a.bottom + 2) break;
      continue;
    }
    out.push(...inRow);
  }
  return out;
}
