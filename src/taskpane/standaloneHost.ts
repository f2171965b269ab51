import type { Summary } from '../merge/types';
import { tp } from '../i18n/taskpane';
import {
  downloadPrintPack,
  downloadSummary,
  downloadTemplate,
  intakeAll,
  loadFileWork,
  readRosterFile,
  rosterEntries,
  splitResults,
} from './fileOps';
import type { ActionResult, CheckRequest, CheckResult, Host, MergeOutcome, MergeRequest } from './host';

/** The pane in a plain browser (or for WPS users): works on files, hands results back as downloads. */
export function createStandaloneHost(): Host {
  return {
    kind: 'standalone',
    canSelectCells: false,
    canApplyPrintSetup: false,
    printSetupSupported: false,
    insertForm: downloadTemplate,
    exportTemplate: downloadTemplate,

    async checkForms(req: CheckRequest): Promise<CheckResult> {
      const w = await loadFileWork();
      const { results } = await intakeAll(w, req.files ?? [], { asOf: req.asOf, stage: req.stage });
      return splitResults(results);
    },

    async selectCell(): Promise<void> {
      throw new Error(tp.onlyInExcel);
    },

    // Files do not change under the page: there is nothing to watch.
    watch: () => () => undefined,

    async mergeFiles(req: MergeRequest): Promise<MergeOutcome> {
      const w = await loadFileWork();
      // A committee receives submissions: check them as submitted.
      const { results, cancelled } = await intakeAll(w, req.files, { ...req, stage: 'committee' });
      if (cancelled) return { cancelled: true, results, total: req.files.length };
      const summary = w.mergeSubmissions(results, { asOf: req.asOf, roster: rosterEntries(w, req.rosterText) });
      return { cancelled: false, results, summary };
    },

    readRoster: readRosterFile,
    writeSummary: downloadSummary,

    async applyPrintSetup(): Promise<ActionResult> {
      throw new Error(tp.onlyInExcel);
    },

    printPack: (summary: Summary) => downloadPrintPack(summary),
  };
}
