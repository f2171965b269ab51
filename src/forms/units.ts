/** Excel's units, as FormSpec and .xlsx files store sizes and as Office.js sets them. */

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
