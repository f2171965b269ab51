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
 * A protected sheet is unprotected for the change and protected again with the same
 * options: our form sheets are protected without a password, and whether Excel lets
 * conditional formats change under allowFormatCells is not documented, so the add-in
 * does not rely on it. A sheet protected with a password cannot be unprotected: that is
 * SheetProtected. Syncs: 2 (1 when there is nothing to add or remove).
 */
export async function markProblems(sheetName: string, issues: readonly Issue[]): Promise<MarkState> {
  const [state] = await markProblemsOnSheets([{ sheetName, issues }]);
  return state;
}

/** A sheet whose protection was lifted for the marks, and the options to protect it again with. */
interface Lifted {
  sheet: Excel.Worksheet;
  options: Excel.WorksheetProtectionOptions;
}

/**
 * markProblems for several sheets at once (after "检查全部表单"): at most 2 syncs in all
 * (find earlier marks and protection states; replace the marks), whatever the number of
 * sheets. A sheet not listed keeps its marks; a listed sheet with nothing to add or
 * remove is not touched at all (not even unprotected). If the second sync fails, sheets
 * whose protection was lifted are protected again (one or two more syncs, on that
 * path only) before the error is thrown: a failure never leaves a sheet unprotected.
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
    const lifted: Lifted[] = [];
    for (const { sheetName, sheet, formats, marked } of reads) {
      const ours = formats.items.filter(
        (format) => format.type === 'Custom' && !format.customOrNullObject.isNullObject && isMarkFormula(format.customOrNullObject.rule.formula),
      );
      const cells = Object.entries(marked);
      states.push({ sheetName, marked, removed: ours.length });
      if (ours.length === 0 && cells.length === 0) continue;
      const options = sheet.protection.options;
      const reprotect = sheet.protection.protected;
      if (reprotect) {
        sheet.protection.unprotect();
        lifted.push({ sheet, options });
      }
      for (const format of ours) format.delete();
      for (const [cell, severity] of cells) {
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
    }
    // Nothing to add or remove anywhere: no second round trip.
    if (states.every((s) => s.removed === 0 && Object.keys(s.marked).length === 0)) return states;
    try {
      await context.sync();
    } catch (e) {
      await protectAgain(context, lifted);
      if (lifted.length > 0 && isProtectionFailure(e)) {
        throw new ExcelOperationError('markProblems', 'SheetProtected', excelErrorAction('SheetProtected'), undefined, e);
      }
      throw e;
    }
    return states;
  });
}

/**
 * Unprotecting a sheet with a password fails (InvalidArgument, or AccessDenied /
 * InvalidOperation on some hosts): say what it is about, not "invalid argument". Where
 * Excel names the failing call, only a (un)protect counts.
 */
function isProtectionFailure(e: unknown): boolean {
  const { code, debugInfo } = e as { code?: unknown; debugInfo?: { errorLocation?: unknown } };
  if (code !== 'InvalidArgument' && code !== 'AccessDenied' && code !== 'InvalidOperation') return false;
  const location = debugInfo?.errorLocation;
  return typeof location === 'string' && location !== '' ? /protect/i.test(location) : true;
}

/**
 * After a failed batch: the sheets unprotected in it are protected again with their
 * options if they are not (the commands before the failing one ran). Best effort: the
 * caller throws the original error either way.
 */
async function protectAgain(context: Excel.RequestContext, lifted: readonly Lifted[]): Promise<void> {
  if (lifted.length === 0) return;
  try {
    for (const l of lifted) l.sheet.protection.load('protected');
    await context.sync();
    const open = lifted.filter((l) => !l.sheet.protection.protected);
    if (open.length === 0) return;
    for (const l of open) l.sheet.protection.protect(l.options);
    await context.sync();
  } catch {
    // The sheet is gone or Excel refuses: nothing more the add-in can do here.
  }
}
