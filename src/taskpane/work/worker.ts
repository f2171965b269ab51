/**
 * The Web Worker that runs the pane's heavy jobs (jobs.ts) off the page's thread, so a
 * 1,000-file merge or print pack never freezes the pane. Started by spawn.ts.
 */
import type { MergeProgress } from '../host';
import { JOBS } from './jobs';
import { transferables, type FromWorker, type ToWorker } from './protocol';

const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

const cancelled = new Set<number>();

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    cancelled.add(msg.id);
    return;
  }
  const { id } = msg;
  const run = JOBS[msg.job] as (arg: unknown, ctl: object) => Promise<unknown>;
  const ctl = {
    onProgress: (progress: MergeProgress) => scope.postMessage({ type: 'progress', id, progress }),
    isCancelled: () => cancelled.has(id),
  };
  run(msg.arg, ctl).then(
    (value) => scope.postMessage({ type: 'done', id, value }, transferables(value)),
    (err: unknown) =>
      scope.postMessage({ type: 'failed', id, name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) }),
  ).finally(() => cancelled.delete(id));
};
