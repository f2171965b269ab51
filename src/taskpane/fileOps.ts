import { getForm } from '../forms';
import type { FormId } from '../forms/types';
import type { RosterEntry, Summary } from '../merge/types';
import type { CheckedSubmission, IntakeResult, Rejected, Stage } from '../model/types';
import { printPackZh } from '../i18n/merge';
import { fileNames, tp } from '../i18n/taskpane';
import { displayName, downloadBytes, readBytes, yieldToUi } from './files';
import type { ActionResult, CheckResult, MergeProgress, RosterRead } from './host';

/**
 * File work both hosts share: templates, reading picked files one at a time, rosters,
 * downloads. The xlsx code itself sits behind loadFileWork (a lazy chunk).
 */

export type FileWork = typeof import('./fileWork');

let work: Promise<FileWork> | null = null;
/** The xlsx code, loaded once on first use (a separate chunk). */
export function loadFileWork(): Promise<FileWork> {
  work ??= import(/* webpackChunkName: "xlsx" */ './fileWork').catch((e: unknown) => {
    work = null; // let the next click retry
    throw new Error(`${tp.chunkLoadFailed}（${e instanceof Error ? e.message : String(e)}）`);
  });
  return work;
}

/** One file → its intake result; a file the browser cannot read is a rejected value too. */
export async function intakeFile(w: FileWork, file: File, opts: { asOf: string; stage: Stage }): Promise<IntakeResult> {
  const name = displayName(file);
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch {
    return { ok: false, file: name, reason: tp.unreadableFile };
  }
  return w.intakeBytes(bytes, name, { asOf: opts.asOf, stage: opts.stage }, file.lastModified || undefined);
}

/**
 * Reads files one at a time: a thousand files never sit in memory together, the
 * progress bar moves, and 取消 takes effect between two files.
 */
export async function intakeAll(
  w: FileWork,
  files: readonly File[],
  opts: { asOf: string; stage: Stage; onProgress?: (p: MergeProgress) => void; signal?: AbortSignal },
): Promise<{ results: IntakeResult[]; cancelled: boolean }> {
  const results: IntakeResult[] = [];
  for (const file of files) {
    if (opts.signal?.aborted) return { results, cancelled: true };
    opts.onProgress?.({ done: results.length, total: files.length, current: displayName(file) });
    await yieldToUi();
    if (opts.signal?.aborted) return { results, cancelled: true };
    results.push(await intakeFile(w, file, opts));
  }
  opts.onProgress?.({ done: results.length, total: files.length });
  return { results, cancelled: false };
}

export function splitResults(results: readonly IntakeResult[]): CheckResult {
  const submissions: CheckedSubmission[] = [];
  const rejected: Rejected[] = [];
  for (const r of results) {
    if (r.ok) submissions.push(...r.submissions);
    else rejected.push({ file: r.file, reason: r.reason });
  }
  return { submissions, rejected };
}

/** Roster text → entries for the merge; text without any name means no roster. */
export function rosterEntries(w: FileWork, text: string | undefined): RosterEntry[] | undefined {
  if (!text || text.trim() === '') return undefined;
  const r = w.parseRosterText(text, tp.pastedRoster);
  return r.ok ? r.entries : undefined;
}

export async function readRosterFile(file: File): Promise<RosterRead> {
  const w = await loadFileWork();
  const r = await w.parseRoster(await readBytes(file), displayName(file));
  return r.ok ? { ok: true, names: r.entries.map((e) => e.name) } : r;
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
  const w = await loadFileWork();
  const form = getForm(id);
  return { bytes: await w.templateBytes(form), fileName: fileNames.template(form.sheetName) };
}

export async function summaryFile(summary: Summary): Promise<MadeFile> {
  const w = await loadFileWork();
  return { bytes: await w.summaryBytes(summary), fileName: fileNames.summary };
}

/** The print pack; a value too long to print whole is named in its notes. */
export async function printPackFile(summary: Summary): Promise<MadeFile> {
  const w = await loadFileWork();
  const pack = await w.printPackBytes(summary);
  const notes = pack.overflow.map((o) => printPackZh.overflow(o.branch, getForm(o.form).attachment, o.sheet, o.field));
  return { bytes: pack.bytes, fileName: fileNames.printPack, notes };
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
