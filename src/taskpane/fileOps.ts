import { getForm } from '../forms';
import type { FormId } from '../forms/types';
import type { Summary } from '../merge/types';
import type { CheckedSubmission, IntakeResult, Rejected, Stage } from '../model/types';
import { fileNames } from '../i18n/taskpane';
import { downloadBytes } from './files';
import type { ActionResult, CheckResult, MergeOutcome, MergeRequest, RosterRead } from './host';
import { runJob } from './work/client';

/**
 * File work both hosts share — templates, picked files, rosters, downloads — done by
 * the worker (work/), so the page stays responsive and exceljs never loads on it.
 */

export function splitResults(results: readonly IntakeResult[]): CheckResult {
  const submissions: CheckedSubmission[] = [];
  const rejected: Rejected[] = [];
  for (const r of results) {
    if (r.ok) submissions.push(...r.submissions);
    else rejected.push({ file: r.file, reason: r.reason });
  }
  return { submissions, rejected };
}

/** Reads and checks picked files (standalone 检查). */
export async function checkFiles(files: readonly File[], opts: { asOf: string; stage: Stage }): Promise<CheckResult> {
  return splitResults(await runJob('check', { files, asOf: opts.asOf, stage: opts.stage }));
}

/**
 * The merge of picked files, after `own` (forms read elsewhere: the open workbook).
 * `prepareSummaryFile`: the worker writes 汇总.xlsx ahead, for a host whose 下载汇总表 downloads it (serve.ts).
 */
export async function mergePicked(req: MergeRequest, own: IntakeResult[] = [], opts: { prepareSummaryFile?: boolean } = {}): Promise<MergeOutcome> {
  const r = await runJob(
    'merge',
    { files: req.files, own, rosterText: req.rosterText, rosterSource: req.rosterSource, asOf: req.asOf, prepareSummaryFile: opts.prepareSummaryFile },
    { onProgress: req.onProgress, signal: req.signal },
  );
  return r.cancelled ? { cancelled: true, results: r.results, total: req.files.length + own.length } : r;
}

export function readRosterFile(file: File): Promise<RosterRead> {
  return runJob('roster', file);
}

/** A workbook made in the page, ready to hand to the user, and what the user should know about it. */
export interface MadeFile {
  bytes: Uint8Array;
  fileName: string;
  notes?: string[];
}

/** The result with notes added (none: the result as it is). */
export function withNotes<T extends ActionResult>(result: T, list: readonly string[]): T {
  return list.length > 0 ? { ...result, notes: [...(result.notes ?? []), ...list] } : result;
}

export async function templateFile(id: FormId): Promise<MadeFile> {
  return { ...(await runJob('templateFile', id)), fileName: fileNames.template(getForm(id).sheetName) };
}

export async function summaryFile(summary: Summary): Promise<MadeFile> {
  return { ...(await runJob('summaryFile', summary)), fileName: fileNames.summary };
}

/** The print pack; a value too long to print whole is named in its notes. */
export async function printPackFile(summary: Summary): Promise<MadeFile> {
  return { ...(await runJob('printPackFile', summary)), fileName: fileNames.printPack };
}

/** Hands a file over as a browser download (standalone; in Excel only where it cannot open workbooks). */
export function download(file: MadeFile, notes: readonly string[] = []): ActionResult {
  downloadBytes(file.bytes, file.fileName);
  return withNotes({ kind: 'downloaded', fileName: file.fileName }, [...(file.notes ?? []), ...notes]);
}

export async function downloadTemplate(id: FormId): Promise<ActionResult> {
  return download(await templateFile(id));
}

export async function downloadSummary(summary: Summary): Promise<ActionResult> {
  return download(await summaryFile(summary));
}

export async function downloadPrintPack(summary: Summary): Promise<ActionResult> {
  return download(await printPackFile(summary));
}
