/**
 * A filled form must print whole on its one page (the print pack). The template's boxes
 * are sized for an ordinary entry; a longer text first grows the last row of its box
 * (up to Excel's 409 points, the page's fit-to-one-page scaling takes up the rest),
 * then prints in a smaller font, down to MIN_FONT. What does not fit even then is
 * reported, never silently cut. Pure: estimates from the FormSpec's sizes.
 */
import { MAX_ROW_HEIGHT } from '../../forms';
import { cellAddress, parseRange } from '../../forms/address';
import type { FieldId, FormSpec } from '../../forms/types';
import { wrappedLines } from '../../model/text';

/** The template's height of a row without its own (exceljs defaultRowHeight). */
export const DEFAULT_ROW_HEIGHT = 20;
/** Smallest font a long text is printed in. */
export const MIN_FONT = 7;
/** A line of 宋体 is about 1.2 × its size (Excel's row height for 12-pt 宋体 is 14.25 pt); a cell has a little padding. */
const LINE_FACTOR = 1.2;
const PAD_X = 6;
const PAD_Y = 4;

/** A text to print in a box of the form (a field's input or a month cell). */
export interface Box {
  /** The box's range ("B5:F5"). */
  cell: string;
  text: string;
  /** What the box is, for a message: a field id or "months.N.goal". */
  key: FieldId | string;
}

export interface Fit {
  /** Rows that must grow: row → height in points. */
  rowHeights: Map<number, number>;
  /** Boxes printed smaller: top-left cell → font size. */
  fontSizes: Map<string, number>;
  /** Boxes whose text does not fit even at MIN_FONT and the row at 409 points. */
  overflow: Box[];
}

function rowHeightOf(form: FormSpec, row: number): number {
  const m = form.months;
  if (m && row >= m.firstRow && row < m.firstRow + 12) return m.rowHeight;
  return form.rowHeights[row] ?? DEFAULT_ROW_HEIGHT;
}

/** Height a text needs at `size` points in a box `width` points wide. */
function needed(text: string, width: number, size: number): number {
  const room = Math.floor((width - PAD_X) / (size / 2)); // a character unit (half a CJK glyph) is size/2 wide
  return wrappedLines(text, room) * size * LINE_FACTOR + PAD_Y;
}

/** Row heights and font sizes that let every box's text print whole (see the module comment). */
export function fitBoxes(form: FormSpec, boxes: readonly Box[]): Fit {
  const fit: Fit = { rowHeights: new Map(), fontSizes: new Map(), overflow: [] };
  const base = form.fonts.body.size;
  for (const box of boxes) {
    if (box.text === '') continue;
    const r = parseRange(box.cell);
    let width = 0;
    for (let c = r.left; c <= r.right; c++) width += form.columnWidths[c - 1] ?? 48;
    let height = 0;
    for (let row = r.top; row <= r.bottom; row++) height += rowHeightOf(form, row);
    if (needed(box.text, width, base) <= height) continue;
    const last = rowHeightOf(form, r.bottom);
    const most = height - last + MAX_ROW_HEIGHT;
    let size = base;
    while (size > MIN_FONT && needed(box.text, width, size) > most) size -= 0.5;
    const need = needed(box.text, width, size);
    if (need > most) fit.overflow.push(box);
    if (size < base) fit.fontSizes.set(cellAddress(r.top, r.left), size);
    const grown = Math.min(MAX_ROW_HEIGHT, last + need - height);
    fit.rowHeights.set(r.bottom, Math.max(fit.rowHeights.get(r.bottom) ?? 0, grown));
  }
  return fit;
}
