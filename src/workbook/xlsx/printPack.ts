/**
 * The print pack: every kept submission of a merge rendered into our template layout
 * (helper C's addFormSheet), one sheet per submission, each printing on one A4 page,
 * so the committee prints all completed forms in one go. Browser-safe.
 */

import ExcelJS from 'exceljs';
import { getForm } from '../../forms';
import { printPackZh } from '../../i18n/merge';
import type { Summary } from '../../merge/types';
import { addFormSheet } from './template';

const MAX_SHEET_NAME = 31;

/**
 * A valid, unique Excel sheet name: no []:*?/\ , no leading or trailing apostrophe,
 * at most 31 characters, not "History", unique ignoring case. `suffix` is kept whole.
 */
export function sheetName(base: string, suffix: string, taken: Set<string>): string {
  const clean = base
    .replace(/[[\]:*?/\\\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  for (let n = 1; ; n++) {
    const tail = n === 1 ? suffix : `${suffix}(${n})`;
    const room = MAX_SHEET_NAME - [...tail].length;
    // Cut by code points so a character outside the BMP is never split.
    const head = [...clean].slice(0, Math.max(0, room)).join('').replace(/'+$/, '').trimEnd();
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
