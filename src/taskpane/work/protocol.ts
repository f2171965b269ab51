/** Messages between the page (client.ts) and the worker (worker.ts). */
import type { MergeProgress } from '../host';
import type { JOBS } from './jobs';

/** Files in a batch of a merge or check (intake.ts): enough to make one read of many pay, few enough that two workers end together. */
export const BATCH_FILES = 32;

export type Jobs = typeof JOBS;
export type JobName = keyof Jobs;
export type JobArg<K extends JobName> = Parameters<Jobs[K]>[0];
export type JobValue<K extends JobName> = Awaited<ReturnType<Jobs[K]>>;

export type ToWorker =
  | { type: 'run'; id: number; job: JobName; arg: unknown }
  /** The argument is a summary the worker made and kept (`kept` of its answer): not sent back. */
  | { type: 'run'; id: number; job: JobName; kept: number }
  | { type: 'cancel'; id: number }
  /** This worker's end of the channel to the other worker (peer.ts). */
  | { type: 'peer'; port: MessagePort }
  /** The other worker died: its batches are done here. */
  | { type: 'peerGone' };

export type FromWorker =
  | { type: 'progress'; id: number; progress: MergeProgress }
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
