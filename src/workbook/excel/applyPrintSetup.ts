import { getForm } from '../../forms';
import { cellAddress } from '../../forms/address';
import { excelErrorAction, SUMMARY_SHEET_NAMES } from '../../i18n/excel';
import { extractForms } from '../../model/extract';
import { formLayout } from '../layout';
import { setFormPageLayout, setSummaryPageLayout } from './pageLayout';
import { loadWorkbookGrid } from './readForms';
import { ExcelOperationError, runExcel } from './run';

export interface PrintSetupResult {
  /** Form sheets set to print on one A4 page. */
  forms: string[];
  /** Summary sheets set to print fitted to the width, header repeated. */
  summaries: string[];
}

/** A summary table wider than this prints landscape. */
const PORTRAIT_MAX_COLUMNS = 6;

/**
 * Page layout for printing: every form sheet (ours by tag, others found by labels) on
 * one A4 page as its FormSpec says (a hand-made form's print area is its used range), and
 * the summary sheets on A4 fitted to the width with the header row repeated.
 * Needs ExcelApi 1.9 (pageLayout): on older hosts it fails with ApiNotSupported.
 *
 * Syncs: 3 (two to find the forms, one to apply).
 */
export async function applyPrintSetup(summarySheets: readonly string[] = SUMMARY_SHEET_NAMES): Promise<PrintSetupResult> {
  return runExcel('applyPrintSetup', false, async (context) => {
    if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
      throw new ExcelOperationError('applyPrintSetup', 'ApiNotSupported', excelErrorAction('ApiNotSupported'));
    }
    const grid = await loadWorkbookGrid(context);
    const result: PrintSetupResult = { forms: [], summaries: [] };
    const sheets = context.workbook.worksheets;
    const done = new Set<string>();
    for (const found of extractForms(grid)) {
      if (done.has(found.sheet)) continue; // several forms stacked on one sheet print together
      done.add(found.sheet);
      const form = getForm(found.form);
      const sheetGrid = grid.sheets.find((s) => s.name === found.sheet);
      const printArea =
        found.via === 'tag' ? formLayout(form).printArea : `A1:${cellAddress(Math.max(1, sheetGrid?.maxRow ?? 1), Math.max(1, sheetGrid?.maxCol ?? 1))}`;
      setFormPageLayout(sheets.getItem(found.sheet), form, printArea);
      result.forms.push(found.sheet);
    }
    const summaryNames = new Set(summarySheets);
    for (const s of grid.sheets) {
      if (!summaryNames.has(s.name) || done.has(s.name)) continue;
      setSummaryPageLayout(sheets.getItem(s.name), s.maxCol > PORTRAIT_MAX_COLUMNS);
      result.summaries.push(s.name);
    }
    await context.sync();
    return result;
  });
}
