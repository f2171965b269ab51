import type { Summary } from '../merge/types';
import { extractForms } from '../model/extract';
import { normaliseForm } from '../model/normalise';
import type { CheckedSubmission, CheckOptions, IntakeResult } from '../model/types';
import { checkSubmission } from '../rules';
import * as excel from '../workbook/excel';
import { THIS_WORKBOOK } from '../i18n/taskpane';
import { downloadPrintPack, downloadTemplate, intakeAll, loadFileWork, readRosterFile, rosterEntries } from './fileOps';
import type { CheckRequest, CheckResult, Host, MergeOutcome, MergeRequest } from './host';

/** Every form on the workbook's sheets, normalised and checked (2 syncs to read). */
export async function checkWorkbook(opts: CheckOptions): Promise<CheckedSubmission[]> {
  const grid = await excel.readWorkbookGrid();
  return extractForms(grid).map((x) => {
    const sub = normaliseForm(x, THIS_WORKBOOK, { date1904: grid.date1904 });
    return { ...sub, issues: checkSubmission(sub, opts) };
  });
}

/** Issues of all forms on each sheet (a sheet may hold several stacked forms). */
function issuesBySheet(subs: readonly CheckedSubmission[]): Map<string, CheckedSubmission['issues']> {
  const by = new Map<string, CheckedSubmission['issues']>();
  for (const s of subs) by.set(s.sheet, [...(by.get(s.sheet) ?? []), ...s.issues]);
  return by;
}

/** The pane inside Excel: forms are worksheets of the open workbook, through the Office.js adapter. */
export function createExcelHost(): Host {
  return {
    kind: 'excel',
    canSelectCells: true,
    // Hosts below ExcelApi 1.9 get the adapter's Chinese "needs a newer Excel" message.
    canApplyPrintSetup: true,

    async insertForm(form) {
      const r = await excel.insertForm(form);
      return { kind: 'inserted', sheet: r.sheetName };
    },
    exportTemplate: downloadTemplate,

    async checkForms(req: CheckRequest): Promise<CheckResult> {
      const submissions = await checkWorkbook({ asOf: req.asOf, stage: req.stage });
      // Mark the cells (and clear fixed ones); a sheet that cannot be marked still shows its list.
      const failures: unknown[] = [];
      for (const [sheet, issues] of issuesBySheet(submissions)) {
        await excel.markProblems(sheet, issues).catch((e: unknown) => failures.push(e));
      }
      return { submissions, rejected: [], failures };
    },

    selectCell: (sheet, cell) => excel.selectCell(sheet, cell),

    watch(onChange, onError) {
      let stop: (() => Promise<void>) | null = null;
      let stopped = false;
      excel
        .watchForms(() => onChange(), { onError })
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
      const results: IntakeResult[] = [];
      const asOf = req.asOf;
      if (req.includeWorkbook) {
        const own = await checkWorkbook({ asOf, stage: 'committee' });
        if (own.length > 0) results.push({ ok: true, file: THIS_WORKBOOK, submissions: own });
      }
      const w = await loadFileWork();
      const files = await intakeAll(w, req.files, { ...req, stage: 'committee' });
      results.push(...files.results);
      if (files.cancelled) return { cancelled: true, results, total: req.files.length + (req.includeWorkbook ? 1 : 0) };
      return { cancelled: false, results, summary: w.mergeSubmissions(results, { asOf, roster: rosterEntries(w, req.rosterText) }) };
    },

    readRoster: readRosterFile,

    async writeSummary(summary: Summary) {
      const w = await loadFileWork();
      const r = await excel.writeSummary(w.summaryTables(summary));
      return { kind: 'written', sheets: r.sheets };
    },

    async applyPrintSetup() {
      const r = await excel.applyPrintSetup();
      return { kind: 'printSetup', sheets: r.forms.length + r.summaries.length };
    },

    // The print pack is a workbook of its own: the committee opens and prints it.
    printPack: (summary: Summary) => downloadPrintPack(summary),
  };
}
