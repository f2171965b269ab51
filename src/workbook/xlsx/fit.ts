/**
 * A filled form must print whole on its one page (the print pack), and legibly: the page
 * is never scaled down, so the sizes set here are the sizes on paper. The template fills
 * its page; a longer text takes room in this order:
 *   1. its row grows into the page's spare room (up to Excel's 409 points a row);
 *   2. rows of shorter texts on the same page give up what they do not use (down to
 *      SHRINK_TO of their height), so the page as a whole makes room;
 *   3. the long texts print smaller, half a point at a time, down to MIN_FONT.
 * What does not fit even then keeps MIN_FONT, shares the room left, and is reported,
 * never silently cut. Pure: estimates from the FormSpec's sizes (forms/capacity.ts, the
 * same model as the text-overflow rule).
 */
import { MAX_ROW_HEIGHT } from '../../forms';
import { cellAddress, parseRange } from '../../forms/address';
import { boxSize, neededHeight, rowHeightOf } from '../../forms/capacity';
import type { FieldId, FormSpec } from '../../forms/types';
import { printableSize } from '../../forms/units';
import { formLayout } from '../layout';

export { DEFAULT_ROW_HEIGHT } from '../../forms/capacity';
/** Smallest font a long text is printed in (also its size on paper: the page is not scaled). */
export const MIN_FONT = 7;
/** A row of a shorter text gives up at most this share of its height. */
const SHRINK_TO = 0.6;
/** Points kept free at the foot of the page (LibreOffice's and Excel's rounding). */
const PAGE_SLACK = 4;

/** A text to print in a box of the form (a field's input or a month cell). */
export interface Box {
  /** The box's range ("B5:F5"). */
  cell: string;
  text: string;
  /** What the box is, for a message: a field id or "months.N.goal". */
  key: FieldId | string;
}

export interface Fit {
  /** Rows whose height changes: row → height in points. */
  rowHeights: Map<number, number>;
  /** Boxes printed smaller: top-left cell → font size. */
  fontSizes: Map<string, number>;
  /** Boxes whose text does not fit even at MIN_FONT on a full page. */
  overflow: Box[];
}

interface Item {
  box: Box;
  row: number;
  width: number;
  /** Height of the box's rows above its last one (the last row is the one that changes). */
  above: number;
  base: number;
  /** Does not fit its template box at its base size. */
  long: boolean;
}

/** Row heights and font sizes that print every box whole on one unscaled page (see the module comment). */
export function fitBoxes(form: FormSpec, boxes: readonly Box[]): Fit {
  const fit: Fit = { rowHeights: new Map(), fontSizes: new Map(), overflow: [] };
  const items: Item[] = [];
  for (const box of boxes) {
    if (box.text === '' || form.fields.find((f) => f.id === box.key)?.shrinkToFit) continue; // a shrink-to-fit name never wraps
    const r = parseRange(box.cell);
    const { width, height } = boxSize(form, box.cell);
    const base = box.key.startsWith('months.') && form.months ? form.months.fontSize : form.fonts.body.size;
    const above = height - rowHeightOf(form, r.bottom);
    items.push({ box, row: r.bottom, width, above, base, long: neededHeight(box.text, width, base) > height });
  }
  if (!items.some((i) => i.long)) return fit;

  const layout = formLayout(form);
  // Empty boxes of long text give up room too (their row keeps SHRINK_TO of its height).
  for (const input of layout.inputs) {
    if (input.vAlign !== 'Top' || items.some((i) => i.box.cell === input.address)) continue;
    const r = parseRange(input.address);
    const { width, height } = boxSize(form, input.address);
    items.push({ box: { cell: input.address, text: '', key: input.key }, row: r.bottom, width, above: height - rowHeightOf(form, r.bottom), base: input.font.size, long: false });
  }
  const lastRow = parseRange(layout.printArea).bottom;
  const template = new Map<number, number>();
  for (let row = 1; row <= lastRow; row++) template.set(row, rowHeightOf(form, row));
  const budget = printableSize(form.print).height - PAGE_SLACK;
  const sizeAt = (i: Item, s: number) => (i.long ? Math.min(i.base, s) : i.base);
  const needOf = (i: Item, s: number) => neededHeight(i.box.text, i.width, sizeAt(i, s)) - i.above;
  const byRow = new Map<number, Item[]>();
  for (const i of items) byRow.set(i.row, [...(byRow.get(i.row) ?? []), i]);

  /** Row heights at font size `s` for the long texts; `give`: shorter rows give up what they do not use. */
  const heightsAt = (s: number, give: boolean): Map<number, number> => {
    const h = new Map(template);
    for (const [row, its] of byRow) {
      const need = Math.max(...its.map((i) => needOf(i, s)));
      const t = template.get(row)!;
      const long = its.some((i) => i.long);
      h.set(row, Math.min(MAX_ROW_HEIGHT, long ? Math.max(t, need) : give ? Math.max(need, t * SHRINK_TO, Math.min(t, need)) : t));
    }
    return h;
  };
  const total = (h: Map<number, number>) => [...h.values()].reduce((a, b) => a + b, 0);
  const fits = (h: Map<number, number>, s: number) => total(h) <= budget && items.every((i) => needOf(i, s) <= h.get(i.row)! + 0.01);

  let size = Math.max(...items.filter((i) => i.long).map((i) => i.base));
  let heights = heightsAt(size, false);
  if (!fits(heights, size)) heights = heightsAt(size, true);
  while (!fits(heights, size) && size > MIN_FONT) {
    size -= 0.5;
    heights = heightsAt(size, true);
  }
  // Still too tall at MIN_FONT: the long rows share what the page has left.
  const over = total(heights) - budget;
  if (over > 0) {
    const longRows = [...byRow].filter(([, its]) => its.some((i) => i.long)).map(([row]) => row);
    const growth = longRows.reduce((a, row) => a + heights.get(row)! - template.get(row)!, 0);
    for (const row of longRows) {
      const t = template.get(row)!;
      const h = heights.get(row)!;
      heights.set(row, growth > 0 ? h - ((h - t) / growth) * Math.min(over, growth) : h);
    }
  }
  for (const i of items) {
    if (i.box.text === '') continue;
    const s = sizeAt(i, size);
    if (s < i.base) fit.fontSizes.set(cellAddress(parseRange(i.box.cell).top, parseRange(i.box.cell).left), s);
    if (needOf(i, s) > heights.get(i.row)! + 0.01) fit.overflow.push(i.box);
  }
  for (const [row, h] of heights) if (h !== template.get(row)) fit.rowHeights.set(row, Math.floor(h * 100) / 100);
  return fit;
}
