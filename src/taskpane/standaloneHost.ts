import type { Summary } from '../merge/types';
import { tp } from '../i18n/taskpane';
import { checkFiles, download, downloadPrintPack, downloadSummary, downloadTemplate, mergePicked, readRosterFile } from './fileOps';
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

    checkForms: (req: CheckRequest): Promise<CheckResult> => checkFiles(req.files ?? [], req),

    async selectCell(): Promise<void> {
      throw new Error(tp.onlyInExcel);
    },

    // Files do not change under the page: there is nothing to watch.
    watch: () => () => undefined,

    // 下载汇总表 downloads summaryFile's bytes: the worker writes them while the results are drawn.
    mergeFiles: (req: MergeRequest): Promise<MergeOutcome> => mergePicked(req, [], { prepareSummaryFile: true }),

    readRoster: readRosterFile,
    writeSummary: downloadSummary,

    async applyPrintSetup(): Promise<ActionResult> {
      throw new Error(tp.onlyInExcel);
    },

    printPack: (summary: Summary) => downloadPrintPack(summary),
    handOver: async (file) => download(file),
  };
}
