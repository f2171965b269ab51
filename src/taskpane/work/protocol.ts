/** Messages between the page (client.ts) and the worker (worker.ts). */
import type { MergeProgress } from '../host';
import type { JOBS } from './jobs';

export type Jobs = typeof JOBS;
export type JobName = keyof Jobs;
export type JobArg<K extends JobName> = Parameters<Jobs[K]>[0];
export type JobValue<K extends JobName> = Awaited<ReturnType<Jobs[K]>>;

export type ToWorker = { type: 'run'; id: number; job: JobName; arg: unknown } | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; progress: MergeProgress }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; name: string; message: string };

/** Byte buffers in a job's value, moved to the page instead of copied. */
export function transferables(value: unknown): ArrayBuffer[] {
  const bytes = value && typeof value === 'object' && 'bytes' in value ? (value as { bytes: unknown }).bytes : null;
  return bytes instanceof Uint8Array && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}
