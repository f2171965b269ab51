/**
 * The merge's JSON report (`wuhua merge --json`), written piece by piece: by the main
 * thread, or — in a run read on several threads — by an intake worker that has nothing
 * left to read, while the main thread writes the summary workbook (src/cli/pool.ts,
 * IntakeWorkers.report). Both write the same text: this module, over the same records.
 * It is in the worker's bundle, so it imports the report's shape, never the merge.
 */
import type { MergedSubmission, SpilledPart, Summary } from '../merge/types';
import { buildReport, jsonSubmission } from '../model/report';
import { writeStreamAtomic, writeStreamTo } from './io';
import { SpillReader, type SpillView } from './spill';

/** What the report lists of a finished summary. */
export type ReportInput = Pick<Summary, 'submissions' | 'rejected' | 'duplicates' | 'missing'>;

/**
 * The JSON report (DESIGN.md shape, the same text as JSON.stringify(report, null, 2)),
 * produced one submission at a time: ten thousand submissions never become one
 * 40 MB string. `whole` gives a submission back with every value (a compact merge's
 * Merger.whole).
 */
export function* reportChunks(summary: ReportInput, whole: (s: MergedSubmission) => MergedSubmission = (s) => s): Generator<string> {
  yield '{\n  "submissions": [';
  let first = true;
  for (const sub of summary.submissions) {
    // Indented as the report's third level by JSON.stringify itself, inside two arrays that
    // are cut off again ("[\n  [\n    " and "\n  ]\n]"): no second pass over the text to indent it.
    const nested = JSON.stringify([[jsonSubmission(whole(sub))]], null, 2);
    yield (first ? '\n    ' : ',\n    ') + nested.slice(10, -6);
    first = false;
  }
  yield first ? '],\n' : '\n  ],\n';
  const rest = buildReport({ submissions: [], rejected: summary.rejected, duplicates: summary.duplicates, missing: summary.missing });
  const { submissions: _none, ...tail } = rest;
  yield JSON.stringify(tail, null, 2).slice(2) + '\n';
}

/**
 * Writes chunks to a temporary name next to `path`, then renames it: a reader never
 * sees half a file, and a failure leaves nothing behind.
 */
export function writeChunksAtomic(path: string, chunks: Iterable<string>): { ok: true } | { ok: false; reason: string } {
  return writeStreamAtomic(path, (put) => {
    for (const c of chunks) put(c);
  });
}

/**
 * What the report reads of a compact merge's submission besides its spilled values
 * (jsonSubmission: fields and months come from the spill). All a worker is sent: the
 * summary's own values (cells, the kept fields) would be copied to it for nothing.
 */
export type ReportedSubmission = Pick<MergedSubmission, 'file' | 'sheet' | 'form' | 'branch' | 'latest' | 'issues' | 'origin'> & { spilled: number };

export function reportedSubmission(s: MergedSubmission, spilled: number): ReportedSubmission {
  return { file: s.file, sheet: s.sheet, form: s.form, branch: s.branch, latest: s.latest, issues: s.issues, origin: s.origin, spilled };
}

/**
 * The report as a worker writes it: into a file the main thread has opened (`fd`; it
 * renames or removes it), each submission's spilled values read back from the spill's
 * file by ticket. File descriptors are the process's, shared by its threads.
 */
export interface ReportJob {
  fd: number;
  submissions: ReportedSubmission[];
  rest: Omit<ReportInput, 'submissions'>;
  /** The compact merge's spill, flushed to its file. */
  spill: SpillView;
}

/**
 * A compact merge's submission with its spilled values put back (what Merger.whole
 * gives), read by ticket through `get`: the main thread's FileSpill or a worker's
 * SpillReader. Without a spill, the submission as it is.
 */
export function wholeWith(get: ((ticket: number) => SpilledPart) | undefined): (s: MergedSubmission) => MergedSubmission {
  return (s) => {
    if (s.spilled === undefined || !get) return s;
    const part = get(s.spilled);
    const out: MergedSubmission = { ...s, fields: part.fields, cells: part.cells };
    if (part.months) out.months = part.months;
    return out;
  };
}

/** Runs a ReportJob (in a worker). Throws what the disk throws; the main thread says why. */
export function writeReportJob(job: ReportJob): void {
  const reader = new SpillReader(job.spill);
  // A ReportedSubmission holds every value of a MergedSubmission that jsonSubmission reads, once its spilled part is back.
  const summary: ReportInput = { ...job.rest, submissions: job.submissions as unknown as MergedSubmission[] };
  writeStreamTo(job.fd, (put) => {
    for (const c of reportChunks(summary, wholeWith((t) => reader.get(t)))) put(c);
  });
}
