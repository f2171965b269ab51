/**
 * Short values (a name, a count, a date, a phone): one cell beside or below the label,
 * ending where the next label on the line begins.
 */
import { FORMS } from '../../forms';
import { cellAddress } from '../../forms/address';
import { isEmptyCell, textOf, type SheetIndex } from '../locate';
import { parseDate } from '../parse';
import { foldText } from '../text';
import type { FoundValue, GridCell } from '../types';
import type { Block } from './blocks';
import { labelsOf } from './cells';
import type { IsLabel, LabelHit } from './labels';

/** Labels of people clerks add to a header line ("联系人：王芳"): never a value of ours, a value's search stops at them. */
const PERSON_LABELS = ['联系人', '填表人', '填报人', '制表人', '审核人', '经办人', '负责人', '签字'];
/** Other labels clerks add to a header line. */
const OTHER_LABELS = ['联系电话', '电话', '手机', '邮箱', '传真', '填报单位', '填报时间', '填报日期', '日期'];
/** Every label of every form, and the labels above: where one of them and a colon follow a value, the value has ended. */
const ANY_LABEL = [...new Set([...PERSON_LABELS, ...OTHER_LABELS, ...FORMS.flatMap((f) => f.fields.flatMap(labelsOf))].map((l) => foldText(l).replace(/[\s:：]/g, '')))]
  .filter((l) => l.length >= 2)
  .sort((a, b) => b.length - a.length);
const spaced = (label: string) => [...label].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\u3000]*');
const COLON = '[\\s\u3000]*[:：︰﹕]';
/** A known label and its colon, anywhere after the value's start ("…党支部填报时间：…"). */
const NEXT_KNOWN_LABEL = new RegExp(`(?:${ANY_LABEL.map(spaced).join('|')})${COLON}`, 'u');
/** Any short label after white space ("2019年4月20日　经办人：…"). */
const NEXT_SPACED_LABEL = new RegExp(`[\\s\u3000]+\\p{Script=Han}{2,8}${COLON}`, 'u');
const PERSON_START = new RegExp(`^[\\s\u3000]*(?:${PERSON_LABELS.map(spaced).join('|')})${COLON}`, 'u');

/**
 * A short value as typed up to the next label on its line: "2019年4月20日　联系人：王芳" →
 * "2019年4月20日". Labels of our form were already split off (LabelMatcher.inline); the
 * others (联系人, 填表人, or another form's) end the value and are dropped.
 */
export function endOfShortValue(text: string): string {
  if (!/[:：︰﹕]/.test(text)) return text; // most values: no label can follow
  if (PERSON_START.test(text)) return '';
  let end = text.length;
  for (const re of [NEXT_KNOWN_LABEL, NEXT_SPACED_LABEL]) {
    const m = re.exec(text.slice(1));
    if (m) end = Math.min(end, m.index + 1);
  }
  return end === text.length ? text : text.slice(0, end).trim();
}

/** A string cell cut at the next label; the cell itself when nothing follows its value. */
function shortCell(cell: GridCell): GridCell {
  if (typeof cell.v !== 'string') return cell;
  const v = endOfShortValue(cell.v);
  return v === cell.v ? cell : { v };
}

/** A cell that starts with a person's label ("填表人：李四"): a label of no field of ours, never a value. */
function isPersonLabel(cell: GridCell | undefined): boolean {
  return typeof cell?.v === 'string' && PERSON_START.test(cell.v);
}

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
    const cell = index.get(a.top, col);
    if (isLabel(a.top, col) || isPersonLabel(cell)) break;
    if (!isEmptyCell(cell)) return isDate ? datePieces(index, block, a.top, col, isLabel) : { raw: shortCell(cell!), cell: cellAddress(a.top, col) };
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
      const cell = index.get(row, col);
      if (isLabel(row, col) || isPersonLabel(cell)) return empty;
      if (isEmptyCell(cell)) continue;
      return ownedByLabelLeft(row, col) ? empty : { raw: shortCell(cell!), cell: cellAddress(row, col) };
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
  const first: FoundValue = { raw: shortCell(index.get(row, col)!), cell: cellAddress(row, col) };
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
