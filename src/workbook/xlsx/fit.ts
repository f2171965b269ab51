/**
 * A filled form must print whole on its one page (the print pack). The template's boxes
 * are sized for an ordinary entry; a longer text first grows the last row of its box
 * (up to Excel's 409 points, the page's fit-to-one-page scaling takes up the rest),
 * then prints in a smaller font, down to MIN_FONT. What does not fit even then is
 * reported, never silently cut. Pure: estimates from the FormSpec's sizes.
 */
import { MAX_ROW_HEIGHT } from '../../forms';
import { cellAddress, parseRange } from '../../forms/address';
import { boxSize, neededHeight, rowHeightOf } from '../../forms/capacity';
import type { FieldId, FormSpec } from '../../forms/types';

export { DEFAULT_ROW_HEIGHT } from '../../forms/capacity';
/** Smallest font a long text is printed in. */
export const MIN_FONT = 7;

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

/** Row heights and font sizes that let every box's text print whole (see the module comment). */
export function fitBoxes(form: FormSpec, boxes: readonly Box[]): Fit {
  const fit: Fit = { rowHeights: new Map(), fontSizes: new Map(), overflow: [] };
  for (const box of boxes) {
    if (box.text === '') continue;
    const r = parseRange(box.cell);
    const { width, height } = boxSize(form, box.cell);
    // Month cells print in the month table's font; a shrink-to-fit name never wraps.
    const base = box.key.startsWith('months.') && form.months ? form.months.fontSize : form.fonts.body.size;
    if (form.fields.find((f) => f.id === box.key)?.shrinkToFit) continue;
    if (neededHeight(box.text, width, base) <= height) continue;
    const last = rowHeightOf(form, r.bottom);
    const most = height - last + MAX_ROW_HEIGHT;
    let size = base;
    while (size > MIN_FONT && neededHeight(box.text, width, size) > most) size -= 0.5;
    const need = neededHeight(box.text, width, size);
    if (need > most) fit.overflow.push(box);
    if (size < base) fit.fontSizes.set(cellAddress(r.top, r.left), size);
    const grown = Math.min(MAX_ROW_HEIGHT, last + need - height);
    fit.rowHeights.set(r.bottom, Math.max(fit.rowHeights.get(r.bottom) ?? 0, grown));
  }
  return fit;
}
