/** Excel's units, as FormSpec and .xlsx files store sizes and as Office.js sets them. */
import type { PrintSpec } from './types';

/** Points per inch: Office.js page margins are in points, FormSpec margins in inches. */
export const POINTS_PER_INCH = 72;

/** Excel refuses a row taller than 409 points (its specification limit). */
export const MAX_ROW_HEIGHT = 409;

/**
 * Column width in Excel "characters" → points: a character is the maximum digit width of
 * the default font (7 px for 11-pt 等线/Calibri at 96 dpi) plus 5 px of padding; 1 px = 0.75 pt.
 */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** A4 in points (210 × 297 mm). */
export const A4_POINTS = { short: 595.3, long: 841.9 };

/** Room inside the margins of a page set up by `print`, in points. */
export function printableSize(print: PrintSpec): { width: number; height: number } {
  const [w, h] = print.orientation === 'portrait' ? [A4_POINTS.short, A4_POINTS.long] : [A4_POINTS.long, A4_POINTS.short];
  const m = print.margins;
  return { width: w - (m.left + m.right) * POINTS_PER_INCH, height: h - (m.top + m.bottom) * POINTS_PER_INCH };
}
