/** Messages between the page (client.ts) and the worker (worker.ts). */
import type { CheckedSubmission, IntakeResult } from '../../model/types';
import type { MergeProgress } from '../host';
import type { JOBS } from './jobs';

/** Files in a batch of a merge or check (intake.ts): enough to make one read of many pay, few enough that two workers end together. */
export const BATCH_FILES = 32;

export type Jobs = typeof JOBS;
export type JobName = keyof Jobs;
export type JobArg<K extends JobName> = Parameters<Jobs[K]>[0];
export type JobValue<K extends JobName> = Awaited<ReturnType<Jobs[K]>>;

export type ToWorker =
  /** `readsOnPage`: the page reads the job's files when asked (`read`), so the worker need not (intake.ts). */
  | { type: 'run'; id: number; job: JobName; arg: unknown; readsOnPage?: boolean }
  /** The argument is a summary the worker made and kept (`kept` of its answer): not sent back. */
  | { type: 'run'; id: number; job: JobName; kept: number }
  | { type: 'cancel'; id: number }
  /** The bytes of a `read` (null: the page could not read them; the worker reads the files itself). */
  | { type: 'bytes'; id: number; seq: number; bytes: ArrayBuffer | null }
  /** The page's merge results are gone (its inputs changed): a summary file written ahead is dropped (serve.ts). */
  | { type: 'drop' }
  /** Write 汇总.xlsx of this kept summary ahead, for 下载汇总表 (serve.ts). */
  | { type: 'prepare'; kept: number }
  /**
   * The files picked now (all of them; none when the list was emptied): read and check them
   * ahead, for a merge on `asOf`, until a job comes, and keep the results for it (serve.ts).
   */
  | { type: 'warm'; files: readonly File[]; asOf: string }
  /** This worker's end of the channel to the other worker (peer.ts). */
  | { type: 'peer'; port: MessagePort }
  /** The other worker died: its batches are done here. */
  | { type: 'peerGone' };

export type FromWorker =
  | { type: 'progress'; id: number; progress: MergeProgress }
  /** Read job `id`'s files at these indices, as one run of bytes (a batch: intake.ts). */
  | { type: 'read'; id: number; seq: number; indices: number[] }
  /** `kept`: the worker keeps the value's summary under this key (a merge's). */
  | { type: 'done'; id: number; value: unknown; kept?: number }
  /** The kept summary is gone (a later merge pushed it out): send the argument itself. */
  | { type: 'resend'; id: number }
  | { type: 'failed'; id: number; name: string; message: string };

/** Byte buffers in a job's value, moved to the page instead of copied. */
export function transferables(value: unknown): ArrayBuffer[] {
  const bytes = value && typeof value === 'object' && 'bytes' in value ? (value as { bytes: unknown }).bytes : null;
  return bytes instanceof Uint8Array && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}

/**
 * What the page shows of a merged file (逐个文件结果: FileResults, ProblemList): its forms,
 * each with its branch and problems — not every value and cell read, which only the summary
 * needs (the worker keeps it: worker.ts). 1,000 files: 1.8 of the 4.6 MB copied to the page, now 0.55.
 */
export function shown(r: IntakeResult): IntakeResult {
  if (!r.ok) return r;
  const submissions = r.submissions.map(({ fields, cells: _cells, months: _months, parseIssues: _parsed, ...s }): CheckedSubmission => ({
    ...s,
    fields: fields.branchName === undefined ? {} : { branchName: fields.branchName },
    cells: {},
    parseIssues: [], // among the issues too
  }));
  return { ...r, submissions };
}
