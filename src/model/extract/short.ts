/** Short values (a name, a count, a date, a phone): one cell beside or below the label. */
import { cellAddress } from '../../forms/address';
import { isEmptyCell, textOf, type SheetIndex } from '../locate';
import { parseDate } from '../parse';
import { foldText } from '../text';
import type { FoundValue } from '../types';
import type { Block } from './blocks';
import type { IsLabel, LabelHit } from './labels';

/**
 * Value right of the label (skipping its merged area and empty cells, up to the next
 * label), else below it. Not below when an empty merged input slot lies right of the
 * label (the value is that empty slot), and never a cell that belongs to a label on its
 * left (the value of the next field down). A date typed in pieces as on paper
 * ("2019" "年" "4" "月" "20" "日") is read as the pieces of its row joined.
 */
export function readShort(index: SheetIndex, hit: LabelHit, block: Block, isLabel: IsLabel, isDate: boolean): FoundValue {
  const a = hit.area;
  for (let col = a.right + 1; col <= block.right; col++) {
    if (isLabel(a.top, col)) break;
    const cell = index.get(a.top, col);
    if (!isEmptyCell(cell)) return isDate ? datePieces(index, block, a.top, col, isLabel) : { raw: cell!, cell: cellAddress(a.top, col) };
  }
  const empty: FoundValue = { raw: null, cell: cellAddress(a.top, a.right + 1) };
  const slot = index.areaOf(a.top, a.right + 1);
  if (slot.left === a.right + 1 && (slot.right > slot.left || slot.bottom > slot.top) && !isLabel(slot.top, slot.left)) return empty;
  const ownedByLabelLeft = (row: number, col: number) => {
    const left = index.areaOf(row, index.areaOf(row, col).left - 1);
    return left.left >= block.left && isLabel(left.top, left.left);
  };
  // Below: the next non-empty row (up to two blank rows) under the label's columns.
  for (let row = a.bottom + 1; row <= Math.min(block.to, a.bottom + 3); row++) {
    for (let col = a.left; col <= a.right; col++) {
      if (isLabel(row, col)) return empty;
      const cell = index.get(row, col);
      if (isEmptyCell(cell)) continue;
      return ownedByLabelLeft(row, col) ? empty : { raw: cell!, cell: cellAddress(row, col) };
    }
  }
  return empty;
}

/** A piece of a date typed into its own cell: "2019", "2019年", "年", "4月", "20日". */
const DATE_PIECE = /^[0-9〇零○一二两三四五六七八九十]{0,4}[年月日号]?$/;

/**
 * The date starting at (row, col): the cell itself when it holds a whole date, else the
 * date pieces that follow it on the row, joined, when they make one.
 */
function datePieces(index: SheetIndex, block: Block, row: number, col: number, isLabel: IsLabel): FoundValue {
  const first: FoundValue = { raw: index.get(row, col)!, cell: cellAddress(row, col) };
  if (parseDate(first.raw).precision === 'day') return first;
  let joined = '';
  for (let c = col; c <= block.right && c < col + 8; c++) {
    const cell = index.get(row, c);
    if (isEmptyCell(cell)) continue;
    if (isLabel(row, c) || cell!.date) break;
    const piece = foldText(textOf(cell)).replace(/\s/g, '');
    if (!DATE_PIECE.test(piece)) break;
    joined += piece;
  }
  return parseDate({ v: joined }).precision === 'day' ? { raw: { v: joined }, cell: first.cell } : first;
}
