import { getForm } from '../../forms';
import { cellAddress } from '../../forms/address';
import type { FormSpec } from '../../forms/types';
import { excelErrorAction, SUMMARY_SHEET_NAMES } from '../../i18n/excel';
import { extractForms } from '../../model/extract';
import { formLayout } from '../layout';
import { fitsToPages, setFormPageLayout, setSummaryPageLayout } from './pageLayout';
import { loadWorkbookGrid } from './readForms';
import { ExcelOperationError, runExcel } from './run';

export interface PrintSetupResult {
  /** Form sheets set to print on one A4 page. */
  forms: string[];
  /** Summary sheets set to print fitted to the width, header repeated. */
  summaries: string[];
  /** Sheets whose fit-to-page zoom the host did not keep (issue #1860): the user must set it by hand. */
  notFitted: string[];
  /** Sheets left as they were: protected with a password the add-in does not know. */
  skipped: string[];
  /** Sheets whose protection was lifted for the change (Excel cleared the Undo stack). */
  unprotected: string[];
}

/** A summary table wider than this prints landscape. */
const PORTRAIT_MAX_COLUMNS = 6;

interface Target {
  name: string;
  sheet: Excel.Worksheet;
  /** The form to print on one page, or null for a summary table. */
  form: { spec: FormSpec; printArea: string } | null;
  landscape: boolean;
}

/**
 * Page layout for printing: every form sheet (ours by tag, others found by labels) on
 * one A4 page as its FormSpec says (a hand-made form's print area is its used range), and
 * the summary sheets on A4 fitted to the width with the header row repeated.
 * Needs ExcelApi 1.9 (pageLayout): on older hosts it fails with ApiNotSupported.
 *
 * Our form sheets are protected, and a protected sheet's page setup cannot be changed:
 * a protected sheet is unprotected for the change and protected again with the same
 * options in the same batch (this clears the user's Undo stack, which a click on
 * 「应用打印设置」 may do; the result names those sheets). A sheet protected with a
 * password is skipped and named. The zoom is read back after it was set: a host that
 * did not keep fit-to-page (issue #1860) is named too.
 *
 * Syncs: 4 (two to find the forms, one for the protection states, one to apply and
 * read back); when the apply fails (a password), two more per sheet.
 */
export async function applyPrintSetup(summarySheets: readonly string[] = SUMMARY_SHEET_NAMES): Promise<PrintSetupResult> {
  return runExcel('applyPrintSetup', {}, async (context) => {
    if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
      throw new ExcelOperationError('applyPrintSetup', 'ApiNotSupported', excelErrorAction('ApiNotSupported'));
    }
    const grid = await loadWorkbookGrid(context);
    const sheets = context.workbook.worksheets;
    const targets: Target[] = [];
    const done = new Set<string>();
    for (const found of extractForms(grid)) {
      if (done.has(found.sheet)) continue; // several forms stacked on one sheet print together
      done.add(found.sheet);
      const spec = getForm(found.form);
      const sheetGrid = grid.sheets.find((s) => s.name === found.sheet);
      const printArea =
        found.via === 'tag' ? formLayout(spec).printArea : `A1:${cellAddress(Math.max(1, sheetGrid?.maxRow ?? 1), Math.max(1, sheetGrid?.maxCol ?? 1))}`;
      targets.push({ name: found.sheet, sheet: sheets.getItem(found.sheet), form: { spec, printArea }, landscape: false });
    }
    const summaryNames = new Set(summarySheets);
    for (const s of grid.sheets) {
      if (!summaryNames.has(s.name) || done.has(s.name)) continue;
      targets.push({ name: s.name, sheet: sheets.getItem(s.name), form: null, landscape: s.maxCol > PORTRAIT_MAX_COLUMNS });
    }
    for (const t of targets) t.sheet.protection.load('protected,options');
    await context.sync();

    const result: PrintSetupResult = { forms: [], summaries: [], notFitted: [], skipped: [], unprotected: [] };
    const apply = (group: Target[]) =>
      group.map((t) => {
        const { protected: isProtected, options } = t.sheet.protection;
        if (isProtected) t.sheet.protection.unprotect();
        // Zoom read back after the setters (issue #1860). The set is checked above (1.9).
        const layout = t.form ? setFormPageLayout(t.sheet, t.form.spec, t.form.printArea) : setSummaryPageLayout(t.sheet, t.landscape);
        if (isProtected) t.sheet.protection.protect(options);
        return { t, layout, isProtected };
      });
    let applied: ReturnType<typeof apply> = [];
    try {
      applied = apply(targets);
      await context.sync();
    } catch {
      // One sheet refused (a password): the others still get their setup, one sync each.
      applied = [];
      for (const t of targets) {
        try {
          // The failed batch may have stopped between a sheet's unprotect and protect: ask again.
          t.sheet.protection.load('protected,options');
          await context.sync();
          const [one] = apply([t]);
          await context.sync();
          applied.push(one);
        } catch {
          result.skipped.push(t.name);
        }
      }
    }
    for (const { t, layout, isProtected } of applied) {
      (t.form ? result.forms : result.summaries).push(t.name);
      if (isProtected) result.unprotected.push(t.name);
      if (!fitsToPages(layout, t.form !== null)) result.notFitted.push(t.name);
    }
    return result;
  });
}
