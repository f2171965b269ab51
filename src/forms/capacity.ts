/**
 * How much text a box of a form holds on paper: the one layout model read by the print
 * pack (workbook/xlsx/fit.ts, which grows boxes or prints smaller) and the text-overflow
 * rule (which says what a branch's own printout of the template cuts). Pure: sizes come
 * from the FormSpec; widths and heights in points, text measured in character units
 * (a CJK character is two, see model/text).
 */
import { cellAddress, parseRange } from './address';
import type { FieldSpec, FormSpec } from './types';
import { charWidth, wrappedLines } from '../model/text';

/** The template's height of a row without its own (exceljs defaultRowHeight). */
export const DEFAULT_ROW_HEIGHT = 20;
/**
 * Line pitch as a multiple of the font size. LibreOffice prints 宋体 with the CJK fallback
 * at 1.45 (measured: 13.0 pt apart at 9 pt, 17.4 at 12 pt); Excel's 宋体 at about 1.19. We
 * take LibreOffice's: a text estimated to fit then fits on every printer.
 */
export const LINE_FACTOR = 1.45;
/** Room a cell keeps free: an indent step and the cell's inner margins across, a little above and below. */
const PAD_X = 12;
const PAD_Y = 2;

/** A box of the form: its top-left cell and its size in points. */
export interface BoxSize {
  cell: string;
  width: number;
  height: number;
}

export function rowHeightOf(form: FormSpec, row: number): number {
  const m = form.months;
  if (m && row >= m.firstRow && row < m.firstRow + 12) return m.rowHeight;
  return form.rowHeights[row] ?? DEFAULT_ROW_HEIGHT;
}

export function boxSize(form: FormSpec, a1: string): BoxSize {
  const r = parseRange(a1);
  let width = 0;
  for (let c = r.left; c <= r.right; c++) width += form.columnWidths[c - 1] ?? 48;
  let height = 0;
  for (let row = r.top; row <= r.bottom; row++) height += rowHeightOf(form, row);
  return { cell: cellAddress(r.top, r.left), width, height };
}

/** Character units on one line of a box `width` points wide at `size` points. */
export function unitsPerLine(width: number, size: number): number {
  return Math.max(1, Math.floor((width - PAD_X) / (size / 2)));
}

/** Whole lines a box `height` points tall shows at `size` points. */
export function linesIn(height: number, size: number): number {
  return Math.max(1, Math.floor((height - PAD_Y) / (size * LINE_FACTOR)));
}

/** Height a text needs at `size` points in a box `width` points wide. */
export function neededHeight(text: string, width: number, size: number): number {
  return wrappedLines(text, unitsPerLine(width, size)) * size * LINE_FACTOR + PAD_Y;
}

/**
 * Characters of `text` that do not show in a box of `width` × `height` points at `size`:
 * wrapped line by line as printing does; 0 when it all shows. `oneLine`: the box does not
 * wrap (shrink to fit), so what does not fit at `size` on one line is cut.
 */
export function hiddenChars(text: string, width: number, height: number, size: number, oneLine = false): number {
  const room = unitsPerLine(width, size);
  const lines = oneLine ? 1 : linesIn(height, size);
  let line = 1;
  let used = 0;
  // By code points read in place, not [...text]: this runs for every text of every form,
  // and a string per character was ~15 % of what intake allocated.
  for (let i = 0, step = 1; i < text.length; i += step) {
    const c = text.codePointAt(i)!;
    step = c > 0xffff ? 2 : 1;
    if (c === 10 /* \n */) {
      if (oneLine) continue;
      line++;
      used = 0;
    } else {
      const w = charWidth(c);
      if (used + w > room) {
        if (oneLine) return codePointsFrom(text, i, false);
        line++;
        used = 0;
      }
      used += w;
    }
    if (line > lines) return codePointsFrom(text, i, true);
  }
  return 0;
}

/** How many characters (code points) `s` has from index `from`, line breaks left out when `skipBreaks`. */
function codePointsFrom(s: string, from: number, skipBreaks: boolean): number {
  let n = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    else if (c === 10 && skipBreaks) continue;
    n++;
  }
  return n;
}

/** What a field's box holds at the form's body font: the box and the font size. */
export function fieldBox(form: FormSpec, field: FieldSpec): SizedBox {
  let known = fieldBoxes.get(form);
  if (!known) fieldBoxes.set(form, (known = new Map()));
  let box = known.get(field);
  if (!box) known.set(field, (box = sizedBox(form, field.cell, form.fonts.body.size)));
  return box;
}
/** Each field's box, by form and field: the rule asks for it for every text of every form, without a key string made each time. */
const fieldBoxes = new WeakMap<FormSpec, Map<FieldSpec, SizedBox>>();

/** 附件3's month cell of `month` in `column`, at the month table's font. */
export function monthBox(form: FormSpec, month: number, column: string): SizedBox {
  let byColumn = monthBoxes.get(form);
  if (!byColumn) monthBoxes.set(form, (byColumn = new Map()));
  let byMonth = byColumn.get(column);
  if (!byMonth) byColumn.set(column, (byMonth = []));
  let box = byMonth[month];
  if (!box) {
    const m = form.months!;
    byMonth[month] = box = sizedBox(form, `${column}${m.firstRow + month - 1}`, m.fontSize);
  }
  return box;
}
/** The month cells' boxes by form, column and month (as fieldBoxes). */
const monthBoxes = new WeakMap<FormSpec, Map<string, SizedBox[]>>();

/** A box and the font size its text prints at. */
export type SizedBox = Readonly<BoxSize & { size: number }>;

/**
 * The box at `a1` of `form`, computed once per form, cell and size: a form's layout is
 * fixed, and the text-overflow rule asks for the same boxes for every submission (each
 * computed afresh was ~3 % of a merge's CPU profile).
 */
function sizedBox(form: FormSpec, a1: string, size: number): SizedBox {
  let known = sizedBoxes.get(form);
  if (!known) sizedBoxes.set(form, (known = new Map()));
  const key = `${size} ${a1}`;
  let box = known.get(key);
  if (!box) known.set(key, (box = Object.freeze({ ...boxSize(form, a1), size })));
  return box;
}
const sizedBoxes = new WeakMap<FormSpec, Map<string, SizedBox>>();
