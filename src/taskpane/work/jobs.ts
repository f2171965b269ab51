/**
 * The pane's heavy work — reading picked files, merging, writing the summary, the print
 * pack, templates, rosters — as plain async functions over plain data. They run in the
 * Web Worker (worker.ts) so the page never blocks; where no worker can be started they
 * run on the page itself (client.ts). Nothing here touches the DOM or Office.js.
 *
 * To add a job: a function here, its request/response in protocol.ts, one case in
 * worker.ts's dispatch and one method in client.ts.
 */
import { getForm } from '../../forms';
import type { FormId } from '../../forms/types';
import { mergeSubmissions } from '../../merge';
import type { RosterEntry, Summary } from '../../merge/types';
import type { IntakeResult } from '../../model/types';
import { printPackZh } from '../../i18n/merge';
import { tp } from '../../i18n/taskpane';
import { sha256 } from '../../review/sha256';
import type { ReviewLevel, ReviewResult } from '../../review/types';
import type { Draw, SampleSize } from '../../review/sample';
import { planDispatch } from '../../merge/dispatch';
import { ROSTER_HEADERS, rosterToTsv, type ParsedRoster } from '../../merge/roster';
import { rosterZh } from '../../i18n/merge';
import type { RosterRead } from '../host';
import { displayName } from '../files';
import { intakeFiles, readAhead, readFiles, throttled, type IntakeOptions, type JobControl } from './intake';

export interface MergeJob {
  files: readonly File[];
  /** Results read elsewhere (Excel: the open workbook's forms), merged first. */
  own?: IntakeResult[];
  rosterText?: string;
  /** What the roster is called in 未报送 (the file it came from); default 粘贴的名单. */
  rosterSource?: string;
  asOf: string;
  /**
   * Have the worker write 汇总.xlsx ahead once the page has drawn the results (client.ts asks
   * it: 下载汇总表 then only hands the ready bytes over, serve.ts). Not where the job runs on the page.
   */
  prepareSummaryFile?: boolean;
}

/** `roster`: what the roster text gave and left out (the pane shows it for a typed or pasted roster). */
export type MergeJobResult = { cancelled: false; results: IntakeResult[]; summary: Summary; roster?: RosterRead } | { cancelled: true; results: IntakeResult[] };

/** The roster reader (it brings exceljs for .xlsx rosters): loaded only when there is a roster. */
const rosterReader = () => import(/* webpackChunkName: "roster" */ '../../workbook/xlsx/roster');

/** Roster text → entries, and what was read and left out (names not sent back: the box holds them); undefined without text. */
async function rosterWithNotes(text: string | undefined, source?: string): Promise<{ entries?: RosterEntry[]; read: RosterRead } | undefined> {
  if (!text || text.trim() === '') return undefined;
  const r = (await rosterReader()).parseRosterText(text, source ?? tp.pastedRoster);
  return r.ok ? { entries: r.entries, read: rosterRead(r, []) } : { read: r };
}

/** What a roster read gave, for the pane: its lines for the box, what was left out (ignored columns, bad rows), its branches and columns. */
function rosterRead(r: ParsedRoster, names: string[]): RosterRead {
  const notes = [...(r.ignored.length ? [rosterZh.ignoredColumns(r.ignored)] : []), ...r.problems];
  return { ok: true, names, notes, count: r.entries.length, structured: r.structured, columns: r.columns.map((c) => ROSTER_HEADERS[c]) };
}

/** A committee receives submissions: they are checked as submitted. */
export async function merge(job: MergeJob, ctl: JobControl = {}): Promise<MergeJobResult> {
  const own = job.own ?? [];
  const read = await intakeFiles(job.files, { asOf: job.asOf, stage: 'committee' }, ctl);
  const results = [...own, ...read.results];
  if (read.cancelled) return { cancelled: true, results };
  const roster = await rosterWithNotes(job.rosterText, job.rosterSource);
  const summary = mergeSubmissions(results, { asOf: job.asOf, roster: roster?.entries });
  // In the worker: what writes 汇总.xlsx next, loaded while the page shows the results, after they are
  // posted (there import() loads a chunk synchronously, by importScripts). Not exceljs (summaryWriter).
  if (typeof (globalThis as { importScripts?: unknown }).importScripts === 'function') setTimeout(() => summaryWriter().catch(() => undefined), 0);
  return { cancelled: false, results, summary, ...(roster ? { roster: roster.read } : {}) };
}

/** Standalone 检查: the picked files, at the stage the user chose. */
export async function check(req: IntakeOptions & { files: readonly File[] }, ctl: JobControl = {}): Promise<IntakeResult[]> {
  return (await intakeFiles(req.files, req, ctl)).results;
}

/** A workbook made here, and what the user should know about it. */
export interface MadeBytes {
  bytes: Uint8Array;
  notes?: string[];
}

/**
 * The writers (exceljs, ≈250 KB gzipped) load on first use, not with the worker: a merge
 * starts reading at once.
 */
const writers = () => import(/* webpackChunkName: "writers" */ './writers');

/**
 * The streaming summary writer, a chunk of its own without exceljs: loading the writers'
 * chunk (exceljs, ≈940 KB of script) took the worker ~0.5 s of a core on a fast machine,
 * through the time the page was drawing the results.
 */
const summaryWriter = () => import(/* webpackChunkName: "summary" */ '../../workbook/xlsx/summary');

/**
 * 汇总.xlsx to download: the streaming SpreadsheetML writer (what `wuhua merge` writes, the
 * same cells as exceljs's, a quarter of its time, never the whole workbook as objects);
 * exceljs stays for the pane, which reads the sheets' cells back (summaryTables).
 */
export async function summaryFile(summary: Summary): Promise<MadeBytes> {
  return { bytes: await (await summaryWriter()).summaryBytesStreaming(summary) };
}

/** The print pack; a value too long to print whole is named in its notes. */
export async function printPackFile(summary: Summary): Promise<MadeBytes> {
  const pack = await (await writers()).printPackBytes(summary);
  return { bytes: pack.bytes, notes: pack.overflow.map((o) => printPackZh.overflow(o.branch, getForm(o.form).attachment, o.sheet, o.field)) };
}

export async function templateFile(form: FormId): Promise<MadeBytes> {
  return { bytes: await (await writers()).templateBytes(getForm(form)) };
}

/** The roster template: the same bytes as `bin/wuhua template roster`. */
export async function rosterTemplateFile(): Promise<MadeBytes> {
  return { bytes: await (await writers()).rosterTemplateBytes() };
}

/**
 * A roster file → the lines for the roster box. A table (名册 with 上级党组织, 类别 …)
 * goes in as tab-separated lines with its header and is read back as a table; what was
 * not used (ignored columns, bad rows and values) comes back as notes.
 */
export async function roster(file: File): Promise<RosterRead> {
  const [read] = await readFiles([file]);
  if (!read.bytes) return { ok: false, reason: read.reason };
  const r = await (await rosterReader()).parseRoster(read.bytes, displayName(file));
  if (!r.ok) return r;
  return rosterRead(r, r.structured ? rosterToTsv(r.entries, r.columns).split('\n') : r.entries.map((e) => e.name));
}

/** The 报送包 of a review (初核 in the pane); the picked files are read again for their SHA-256. */
export async function reviewPackFile(job: { summary: Summary; review: ReviewResult; level: ReviewLevel; reviewer: string; date: string; files: readonly File[] }): Promise<MadeBytes> {
  const fileHashes = new Map<string, string>();
  for (const f of job.files) {
    const [read] = await readFiles([f]);
    if (read.bytes) fileHashes.set(displayName(f), sha256(read.bytes)); // unreadable now: its provenance row gives no hash
  }
  const pack = await (await writers()).reviewPackBytes(job.summary, job.review, { level: job.level, reviewer: job.reviewer, date: job.date, fileHashes });
  return { bytes: pack.bytes, notes: pack.overflow.map((o) => printPackZh.overflow(o.branch, getForm(o.form).attachment, o.sheet, o.field)) };
}

export async function returnsFile(job: { review: ReviewResult; levelName: string; date: string }): Promise<MadeBytes> {
  return { bytes: await (await writers()).returnsBytes(job.review, { levelName: job.levelName, date: job.date }) };
}

export async function sampleFile(job: { draw: Draw; seed: string; size: SampleSize; asOf: string }): Promise<MadeBytes> {
  return { bytes: await (await writers()).sampleBytes(job.draw, { seed: job.seed, size: job.size, asOf: job.asOf }) };
}

/** 下发: the roster in the pane's box → one zip of prefilled templates (src/merge/dispatch.ts), or only notes when nobody owes. */
export async function dispatchFile(
  job: { rosterText: string; rosterSource?: string; forms: FormId[]; asOf: string },
  ctl: JobControl = {},
): Promise<{ bytes?: Uint8Array; notes: string[]; files: number; folders: number }> {
  const parsed = (await rosterReader()).parseRosterText(job.rosterText, job.rosterSource ?? tp.pastedRoster);
  if (!parsed.ok) throw new Error(parsed.reason);
  const plan = planDispatch(parsed.entries, job.forms, job.asOf);
  const notes = [...parsed.problems, ...plan.notes];
  if (plan.files.length === 0) return { notes, files: 0, folders: 0 };
  const progress = throttled(ctl.onProgress);
  const total = plan.files.length;
  const bytes = await (await writers()).dispatchZipBytes(plan, (done, f) => progress({ done, total, current: f.path }, done === total));
  return { bytes, notes, files: total, folders: plan.folders.length };
}

/** Every job by name: what the worker runs and the page falls back to. One argument each, plus the control. */
export const JOBS = {
  merge,
  check,
  readAhead,
  summaryFile,
  printPackFile,
  templateFile,
  rosterTemplateFile,
  summaryTables: async (summary: Summary) => (await writers()).summaryTables(summary),
  roster,
  reviewPackFile,
  returnsFile,
  sampleFile,
  dispatchFile,
};
