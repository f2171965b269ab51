import type { Issue, Severity } from '../../model/types';
import { excelErrorAction } from '../../i18n/excel';
import { ExcelOperationError, localAddress, runExcel } from './run';

/**
 * Problem marks are conditional formats (ExcelApi 1.6, within the 1.7 minimum), not
 * changes to the cells' own fill or borders: the user's formatting is never touched, so
 * unmarking cannot restore a wrong colour, and a mark is recognised by its rule formula
 * (always true, see markFormula), so marks left by an earlier pane session (reloaded,
 * crashed) are found, compared and removed without any state kept between calls.
 */

const MARK_PREFIX = 'WUHUA_MARK_';

/**
 * The always-true rule formula that identifies one of our marks, its severity and its
 * cell: `=N("WUHUA_MARK_error")=0*ROW(B5)`. The reference is relative, so Excel moves it
 * with the mark when rows or columns are inserted, and the marks on a sheet are known
 * from their formulas alone (no extra round trip to ask each rule for its range).
 */
export function markFormula(severity: Severity, cell: string): string {
  return `=N("${MARK_PREFIX}${severity}")=0*ROW(${cell})`;
}

export function isMarkFormula(formula: string): boolean {
  return formula.replace(/\s/g, '').toUpperCase().startsWith(`=N("${MARK_PREFIX}`);
}

/** A mark's severity and cell from its formula; null for a mark of an earlier version (no cell) or one edited by hand. */
export function parseMarkFormula(formula: string): { severity: 'error' | 'warning'; cell: string } | null {
  const m = /^=N\("WUHUA_MARK_(ERROR|WARNING)"\)=0\*ROW\(\$?([A-Z]{1,3})\$?(\d+)\)$/.exec(formula.replace(/\s/g, '').toUpperCase());
  return m ? { severity: m[1].toLowerCase() as 'error' | 'warning', cell: `${m[2]}${m[3]}` } : null;
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
  /** Marks removed (ours, from this or an earlier session): fixed cells, changed severities, old-style marks. */
  removed: number;
  /** Marks added (new problem cells, changed severities). */
  added: number;
  /**
   * The sheet's protection was lifted and restored to change the marks: Excel cleared the
   * user's Undo stack then (WorksheetProtection.protect/unprotect support no undo,
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
   */
  liftedProtection: boolean;
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
 * the marks of cells that are fine now, so a fixed cell loses its mark; pass [] to clear.
 * Only what changed is written: a re-check that finds the same problems writes nothing
 * at all. Syncs: 1 when nothing changes, else 2.
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
 * (read the marks and protection states; change what differs), whatever the number of
 * sheets. A sheet not listed keeps its marks; a listed sheet whose marks are already
 * right is not touched at all.
 *
 * Protection. Conditional formats cannot be changed on a protected sheet, and no page of
 * Microsoft's says that allowFormatCells lets them (the test double refuses it), so a
 * protected sheet whose marks must change is unprotected for the change and protected
 * again with the same options in the same batch. That clears the user's Undo stack
 * (excel-add-ins-undo-capabilities, link above), which is why it happens only when the
 * marks really change, and why the state says so (the pane tells the user once). Our
 * form sheets are protected without a password; a sheet protected with one cannot be
 * unprotected: that is SheetProtected. If the second sync fails, sheets whose
 * protection was lifted are protected again (one or two more syncs, on that path only)
 * before the error is thrown: a failure never leaves a sheet unprotected.
 *
 * Marks are format changes, and Excel raises onChanged for those as well ("onChanged
 * fires when either the format or value of the data changes",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#detect-data-changes):
 * the run opens the own-write window so that watchForms does not take them for an edit.
 */
export async function markProblemsOnSheets(sheets: readonly { sheetName: string; issues: readonly Issue[] }[]): Promise<MarkState[]> {
  return runExcel('markProblems', { raisesChanges: true, background: true }, async (context) => {
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
      const present = new Map<string, 'error' | 'warning'>();
      const stale: Excel.ConditionalFormat[] = [];
      for (const format of formats.items) {
        if (format.type !== 'Custom' || format.customOrNullObject.isNullObject) continue;
        const formula = format.customOrNullObject.rule.formula;
        if (!isMarkFormula(formula)) continue;
        const mark = parseMarkFormula(formula);
        // A mark is kept when it is still wanted as it is (once per cell).
        if (mark && marked[mark.cell] === mark.severity && !present.has(mark.cell)) present.set(mark.cell, mark.severity);
        else stale.push(format);
      }
      const missing = Object.entries(marked).filter(([cell]) => !present.has(cell));
      const changes = stale.length + missing.length;
      const liftedProtection = changes > 0 && sheet.protection.protected;
      states.push({ sheetName, marked, removed: stale.length, added: missing.length, liftedProtection });
      if (changes === 0) continue;
      const options = sheet.protection.options;
      if (liftedProtection) {
        sheet.protection.unprotect();
        lifted.push({ sheet, options });
      }
      for (const format of stale) format.delete();
      for (const [cell, severity] of missing) addMark(sheet, cell, severity);
      if (liftedProtection) sheet.protection.protect(options);
    }
    // Nothing to change anywhere: no second round trip, nothing written.
    if (states.every((s) => s.removed === 0 && s.added === 0)) return states;
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

/** Queues one mark: a conditional format on the cell, so the user's own formatting is never touched. */
function addMark(sheet: Excel.Worksheet, cell: string, severity: 'error' | 'warning'): void {
  const style = MARK_STYLE[severity];
  const mark = sheet.getRange(cell).conditionalFormats.add('Custom');
  mark.custom.rule.formula = markFormula(severity, cell);
  mark.custom.format.fill.color = style.fill;
  for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const) {
    const border = mark.custom.format.borders.getItem(edge);
    border.style = 'Continuous';
    border.color = style.border;
  }
  mark.priority = 0;
  mark.stopIfTrue = false;
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
