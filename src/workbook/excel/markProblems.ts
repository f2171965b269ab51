import type { Issue, Severity } from '../../model/types';
import { excelErrorAction } from '../../i18n/excel';
import { ExcelOperationError, localAddress, runExcel } from './run';

/**
 * Problem marks are conditional formats (ExcelApi 1.6, within the 1.7 minimum), not
 * changes to the cells' own fill or borders: the user's formatting is never touched, so
 * unmarking cannot restore a wrong colour, and a mark is recognised by its rule formula
 * (`=N("WUHUA_MARK_error")=0`, always true), so marks left by an earlier pane session
 * (reloaded, crashed) are found and removed without any state kept between calls.
 */

const MARK_PREFIX = 'WUHUA_MARK_';

/** The always-true rule formula that identifies one of our marks and its severity. */
export function markFormula(severity: Severity): string {
  return `=N("${MARK_PREFIX}${severity}")=0`;
}

export function isMarkFormula(formula: string): boolean {
  return formula.replace(/\s/g, '').startsWith(`=N("${MARK_PREFIX}`);
}

/** Fill, border and font colours of a mark: Excel's "bad" red and "neutral" orange. */
export const MARK_STYLE: Record<'error' | 'warning', { fill: string; border: string }> = {
  error: { fill: '#FFC7CE', border: '#C00000' },
  warning: { fill: '#FFEB9C', border: '#ED7D31' },
};

/** What is marked on a sheet after markProblems: cell → severity. */
export interface MarkState {
  sheetName: string;
  marked: Record<string, 'error' | 'warning'>;
  /** Marks found and removed (ours, from this or an earlier session). */
  removed: number;
}

const RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** Issues → cell → the worst severity; hints (info) and issues without a cell are not marked. */
export function marksFor(issues: readonly Issue[]): Record<string, 'error' | 'warning'> {
  const out: Record<string, 'error' | 'warning'> = {};
  for (const issue of issues) {
    if (!issue.cell || issue.severity === 'info') continue;
    const cell = localAddress(issue.cell).toUpperCase();
    const had = out[cell];
    if (!had || RANK[issue.severity] > RANK[had]) out[cell] = issue.severity;
  }
  return out;
}

/**
 * Marks the cells of `issues` on `sheetName` (errors red, warnings orange) and removes
 * every earlier mark on that sheet, so a fixed cell loses its mark; pass [] to clear.
 * Works on our protected form sheets (they allow cell formatting); a sheet protected
 * without that permission is unprotected for the change and protected again with the
 * same options. Syncs: 2.
 */
export async function markProblems(sheetName: string, issues: readonly Issue[]): Promise<MarkState> {
  const [state] = await markProblemsOnSheets([{ sheetName, issues }]);
  return state;
}

/**
 * markProblems for several sheets at once (after "检查全部表单"): still 2 syncs in all
 * (find earlier marks and protection states; replace the marks), whatever the number of
 * sheets. A sheet not listed keeps its marks.
 */
export async function markProblemsOnSheets(sheets: readonly { sheetName: string; issues: readonly Issue[] }[]): Promise<MarkState[]> {
  // Marks are conditional formats, not cell values: no change event, so no own-write window.
  return runExcel('markProblems', false, async (context) => {
    const reads = sheets.map(({ sheetName, issues }) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const formats = sheet.getRange().conditionalFormats;
      formats.load('items/type,items/customOrNullObject/rule/formula');
      sheet.protection.load('protected,options');
      return { sheetName, sheet, formats, marked: marksFor(issues) };
    });
    await context.sync();

    const states: MarkState[] = [];
    let reprotecting = false;
    for (const { sheetName, sheet, formats, marked } of reads) {
      const options = sheet.protection.options;
      const reprotect = sheet.protection.protected && !options.allowFormatCells;
      reprotecting ||= reprotect;
      if (reprotect) sheet.protection.unprotect();
      let removed = 0;
      for (const format of formats.items) {
        if (format.type !== 'Custom' || format.customOrNullObject.isNullObject) continue;
        if (!isMarkFormula(format.customOrNullObject.rule.formula)) continue;
        format.delete();
        removed++;
      }
      for (const [cell, severity] of Object.entries(marked)) {
        const style = MARK_STYLE[severity];
        const mark = sheet.getRange(cell).conditionalFormats.add('Custom');
        mark.custom.rule.formula = markFormula(severity);
        mark.custom.format.fill.color = style.fill;
        for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
          const border = mark.custom.format.borders.getItem(edge);
          border.style = 'Continuous';
          border.color = style.border;
        }
        mark.priority = 0;
        mark.stopIfTrue = false;
      }
      if (reprotect) sheet.protection.protect(options);
      states.push({ sheetName, marked, removed });
    }
    try {
      await context.sync();
    } catch (e) {
      // Unprotecting without the password fails: say what it is about, not "invalid argument".
      const code = (e as { code?: unknown }).code;
      if (reprotecting && (code === 'InvalidArgument' || code === 'AccessDenied' || code === 'InvalidOperation')) {
        throw new ExcelOperationError('markProblems', 'SheetProtected', excelErrorAction('SheetProtected'), undefined, e);
      }
      throw e;
    }
    return states;
  });
}
