import type { Summary } from '../merge/types';
import { extractForms } from '../model/extract';
import { normaliseForm } from '../model/normalise';
import type { CheckedSubmission, CheckOptions, IntakeResult, Issue } from '../model/types';
import { checkSubmission } from '../rules';
import * as excel from '../workbook/excel';
import type { HostInfo } from '../workbook/excel/hostInfo';
import { writeOpinions } from '../workbook/excel/writeOpinions';
import { HOST_NOTES, SUMMARY_SHEET_NAMES } from '../i18n/excel';
import { describeError, notes, THIS_WORKBOOK } from '../i18n/taskpane';
import { download, mergePicked, printPackFile, readRosterFile, templateFile, withNotes, type MadeFile } from './fileOps';
import { runJob } from './work/client';
import type { ActionResult, CheckRequest, CheckResult, Host, MergeOutcome, MergeRequest } from './host';

export interface CheckedWorkbook {
  /** Every form found, normalised and checked, in sheet order. */
  submissions: CheckedSubmission[];
  /** The sheets that were read (a requested sheet deleted meanwhile is not among them). */
  sheets: string[];
}

/**
 * The forms on the workbook's sheets (or only `sheets`), normalised and checked. The
 * summary sheets the add-in writes are not read: they hold no form and can be large.
 * Syncs: 2 to read.
 */
export async function checkWorkbook(opts: CheckOptions, sheets?: readonly string[]): Promise<CheckedWorkbook> {
  const grid = await excel.readWorkbookGrid({ sheets, exclude: SUMMARY_SHEET_NAMES });
  const submissions = extractForms(grid).map((x) => {
    const sub = normaliseForm(x, THIS_WORKBOOK, { date1904: grid.date1904 });
    return { ...sub, issues: checkSubmission(sub, opts) };
  });
  return { submissions, sheets: grid.sheets.map((s) => s.name) };
}

/** Issues of all forms on each sheet (a sheet may hold several stacked forms). */
function issuesBySheet(subs: readonly CheckedSubmission[]): Map<string, Issue[]> {
  const by = new Map<string, Issue[]>();
  for (const s of subs) by.set(s.sheet, [...(by.get(s.sheet) ?? []), ...s.issues]);
  return by;
}

/** What marking did: failures to show, and whether a sheet's protection was lifted (Excel cleared Undo). */
export interface MarkOutcome {
  failures: unknown[];
  liftedProtection: boolean;
}

/**
 * Marks all sheets in one batch (2 syncs however many, 1 when no mark changes); if the
 * batch fails, sheet by sheet, so that one sheet that cannot be marked (a password) does
 * not leave the others unmarked. The problem lists are shown either way.
 */
export async function markSheets(marks: readonly { sheetName: string; issues: readonly Issue[] }[]): Promise<MarkOutcome> {
  if (marks.length === 0) return { failures: [], liftedProtection: false };
  const lifted = (states: readonly (excel.MarkState | undefined)[]) => states.some((s) => s?.liftedProtection === true);
  try {
    return { failures: [], liftedProtection: lifted(await excel.markProblemsOnSheets(marks)) };
  } catch (batchError) {
    if (marks.length === 1) return { failures: [batchError], liftedProtection: false };
    const failures: unknown[] = [];
    const states: (excel.MarkState | undefined)[] = [];
    for (const m of marks) states.push(await excel.markProblems(m.sheetName, m.issues).catch((e: unknown) => void failures.push(e)));
    return { failures, liftedProtection: lifted(states) };
  }
}

/**
 * A workbook made by the pane, handed over the Office way: opened as a new workbook
 * (ExcelApi 1.8) for the user to save. Older hosts, or a refusal, fall back to a
 * download, with a note saying so (a download may not arrive, e.g. in Excel for Mac).
 */
async function handOver(file: MadeFile): Promise<ActionResult> {
  let opened: boolean;
  try {
    opened = await excel.openAsNewWorkbook(file.bytes);
  } catch (e) {
    return download(file, [notes.openFailed(describeError(e))]);
  }
  return opened ? withNotes({ kind: 'opened', fileName: file.fileName }, file.notes ?? []) : download(file, [notes.downloadInExcel]);
}

/** The pane inside Excel: forms are worksheets of the open workbook, through the Office.js adapter. */
export function createExcelHost(info: HostInfo): Host {
  // Excel clears Undo when a protected sheet's marks change: said once per pane session.
  let toldUndoCleared = false;
  return {
    kind: 'excel',
    canSelectCells: true,
    canApplyPrintSetup: true,
    printSetupSupported: info.canSetUpPrinting,

    async insertForm(form) {
      const r = await excel.insertForm(form);
      const missing: string[] = [];
      if (!r.pageLayoutApplied) missing.push(notes.insertNoPageLayout);
      else if (!r.fitToPageApplied) missing.push(HOST_NOTES.notFitted([r.sheetName]));
      if (!r.validationApplied) missing.push(notes.insertNoValidation);
      return withNotes({ kind: 'inserted', sheet: r.sheetName }, missing);
    },

    exportTemplate: async (form) => handOver(await templateFile(form)),

    async checkForms(req: CheckRequest): Promise<CheckResult> {
      const { submissions, sheets } = await checkWorkbook({ asOf: req.asOf, stage: req.stage }, req.sheets);
      const bySheet = issuesBySheet(submissions);
      // A re-checked sheet is marked even without a form now (its old marks go);
      // a full check marks the sheets that hold forms.
      const targets = req.sheets ? sheets : [...bySheet.keys()];
      const { failures, liftedProtection } = await markSheets(targets.map((sheetName) => ({ sheetName, issues: bySheet.get(sheetName) ?? [] })));
      const notesNow = liftedProtection && !toldUndoCleared ? [HOST_NOTES.undoCleared] : [];
      if (liftedProtection) toldUndoCleared = true;
      return { submissions, rejected: [], failures, ...(notesNow.length ? { notes: notesNow } : {}) };
    },

    selectCell: (sheet, cell) => excel.selectCell(sheet, cell),

    watch(onChange, onError) {
      let stop: (() => Promise<void>) | null = null;
      let stopped = false;
      excel
        .watchForms((sheet) => onChange(sheet), { onError })
        .then((s) => {
          stop = s;
          if (stopped) void s().catch(onError);
        })
        .catch(onError);
      return () => {
        stopped = true;
        if (stop) void stop().catch(onError);
      };
    },

    async mergeFiles(req: MergeRequest): Promise<MergeOutcome> {
      const own: IntakeResult[] = [];
      if (req.includeWorkbook) {
        const subs = (await checkWorkbook({ asOf: req.asOf, stage: 'committee' })).submissions;
        if (subs.length > 0) own.push({ ok: true, file: THIS_WORKBOOK, submissions: subs });
      }
      return mergePicked(req, own);
    },

    readRoster: readRosterFile,

    async writeSummary(summary: Summary) {
      const r = await excel.writeSummary(await runJob('summaryTables', summary));
      const said: string[] = [];
      if (!r.printSetupApplied) said.push(notes.summaryNoPrintSetup);
      else if (r.notFitted.length > 0) said.push(HOST_NOTES.notFitted(r.notFitted));
      if (!r.frozen) said.push(HOST_NOTES.freezeFailed);
      return withNotes({ kind: 'written', sheets: r.sheets }, said);
    },

    async applyPrintSetup() {
      const r = await excel.applyPrintSetup();
      const said: string[] = [];
      if (r.skipped.length > 0) said.push(HOST_NOTES.printSetupSkipped(r.skipped));
      if (r.notFitted.length > 0) said.push(HOST_NOTES.notFitted(r.notFitted));
      if (r.unprotected.length > 0) said.push(HOST_NOTES.printSetupUnprotected(r.unprotected));
      return withNotes({ kind: 'printSetup', sheets: r.forms.length + r.summaries.length }, said);
    },

    // The print pack is a workbook of its own: the committee saves and prints it.
    printPack: async (summary: Summary) => handOver(await printPackFile(summary)),
    handOver,
    writeOpinions: async (writes) => {
      await writeOpinions(writes);
      return { kind: 'written', sheets: [...new Set(writes.map((w) => w.sheet))] };
    },
  };
}
