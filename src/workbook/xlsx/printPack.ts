/**
 * The print pack: every kept submission of a merge rendered into our template layout
 * (helper C's addFormSheet), one sheet per submission, each printing on one A4 page,
 * so the committee prints all completed forms in one go. Browser-safe.
 */

import ExcelJS from 'exceljs';
import { getForm } from '../../forms';
import { printPackZh } from '../../i18n/merge';
import type { Summary } from '../../merge/types';
import { workbookBytes } from './summary';
import { addFormSheet } from './template';

/** Excel's limit, in UTF-16 code units (what Excel and exceljs count). */
const MAX_SHEET_NAME = 31;
const ELLIPSIS = '…';

/**
 * `s` in at most `room` UTF-16 units. A longer name is cut from the middle, its start
 * and end kept with "…" between: branch names share long prefixes ("中共永州市…") and
 * differ at the end ("第一党支部" / "第二党支部"). Cut by code points, so a character
 * outside the BMP is never split.
 */
function fitMiddle(s: string, room: number): string {
  if (s.length <= room) return s;
  if (room <= ELLIPSIS.length) return '';
  const chars = [...s];
  const budget = room - ELLIPSIS.length;
  let headEnd = 0;
  let used = 0;
  while (headEnd < chars.length && used + chars[headEnd].length <= Math.floor(budget / 2)) used += chars[headEnd++].length;
  let tailStart = chars.length;
  while (tailStart > headEnd && used + chars[tailStart - 1].length <= budget) used += chars[--tailStart].length;
  return `${chars.slice(0, headEnd).join('').trimEnd()}${ELLIPSIS}${chars.slice(tailStart).join('').trimStart()}`;
}

/**
 * A valid, unique Excel sheet name: no []:*?/\ , no apostrophe (exceljs writes the
 * print area as 'name'!A1:B2 without doubling one, which breaks the defined name:
 * inner ones become ’, leading and trailing ones are dropped), at most 31 characters
 * (cut from the middle, see fitMiddle), not "History", unique ignoring case. `suffix`
 * is kept whole.
 */
export function sheetName(base: string, suffix: string, taken: Set<string>): string {
  const clean = base
    .replace(/[[\]:*?/\\\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .replace(/'/g, '’')
    .trim();
  for (let n = 1; ; n++) {
    const tail = n === 1 ? suffix : `${suffix}(${n})`;
    const head = fitMiddle(clean, MAX_SHEET_NAME - tail.length).trimEnd();
    let name = `${head}${tail}`.trim();
    if (name === '' || name.toLowerCase() === 'history') name = `Sheet${n}${tail}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

export function printPackWorkbook(summary: Summary): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'wuhua';
  wb.created = new Date(`${summary.asOf}T00:00:00Z`);
  wb.modified = wb.created;
  const taken = new Set<string>();
  for (const row of summary.rows) {
    const form = getForm(row.form);
    addFormSheet(wb, form, { sheetName: sheetName(row.branch, ` ${form.attachment}`, taken), values: row.submission, protect: false });
  }
  // The template's tag names point at one sheet each; a pack holds many forms of one
  // kind, and it is for printing, not for filling in: drop them.
  wb.definedNames.model = wb.definedNames.model.filter((n) => !/^WUHUA[._]/i.test(n.name));
  if (summary.rows.length === 0) {
    const ws = wb.addWorksheet(printPackZh.emptySheet);
    ws.getCell('A1').value = printPackZh.emptyNote;
    ws.getColumn(1).width = 40;
    ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1 };
  }
  return wb;
}

/** The print pack's bytes; zip entries dated at the as-of date, so the same merge gives the same file. */
export async function printPackBytes(summary: Summary): Promise<Uint8Array> {
  return workbookBytes(printPackWorkbook(summary));
}
