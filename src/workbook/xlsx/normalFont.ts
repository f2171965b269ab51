/**
 * The workbook's Normal font, which sets the unit of every column width in an .xlsx file
 * (ECMA-376 Part 1, 18.3.1.13 col: width is counted in the maximum digit width of the
 * Normal style's font). exceljs always writes Calibri as the theme's minor font; a
 * computer without Calibri (LibreOffice on Linux without Carlito substitutes DejaVu Sans)
 * then lays our columns out a third wider than Excel and shrinks the whole page to fit.
 * Arial is on every Windows and Mac, and LibreOffice substitutes the metric-compatible
 * Liberation Sans, so the form's columns come out the same size everywhere.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export const NORMAL_FONT = 'Arial';
/** Maximum digit width of 11-pt Arial at 96 dpi, in pixels. */
const DIGIT_PX = 8;

/** A column `points` wide in the file's width unit (1 px = 0.75 pt). */
export function columnWidthUnits(points: number): number {
  return Math.round((points / 0.75 / DIGIT_PX) * 256) / 256;
}

/**
 * The .xlsx bytes with NORMAL_FONT as the Normal style's font (the first font of
 * styles.xml); `editSheet`, when given, rewrites each worksheet's XML in the same pass.
 */
export function withNormalFont(bytes: Uint8Array, editSheet?: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const styles = files['xl/styles.xml'];
  if (!styles) return bytes;
  const xml = strFromU8(styles).replace(/(<fonts\b[^>]*>)<font>[\s\S]*?<\/font>/, `$1<font><sz val="11"/><name val="${NORMAL_FONT}"/><family val="2"/></font>`);
  files['xl/styles.xml'] = strToU8(xml);
  if (editSheet) {
    for (const name of Object.keys(files)) if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) files[name] = strToU8(editSheet(strFromU8(files[name])));
  }
  return zipSync(files, { level: 6 });
}
