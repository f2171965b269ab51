/**
 * The Web Worker that runs the pane's heavy jobs (jobs.ts) off the page's thread, so a
 * 1,000-file merge or print pack never freezes the pane. Started by spawn.ts; where the
 * machine has two cores or more a second one shares the files of a merge or check with
 * the one running it (intake.ts, peer.ts).
 */
import type { MergeProgress } from '../host';
import type { Peer } from './intake';
import { JOBS } from './jobs';
import { connectPeer } from './peer';
import { transferables, type FromWorker, type ToWorker } from './protocol';

const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

const cancelled = new Set<number>();
let peer: (Peer & { gone(): void }) | undefined;

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    cancelled.add(msg.id);
    return;
  }
  if (msg.type === 'peer') {
    peer = connectPeer(msg.port);
    return;
  }
  if (msg.type === 'peerGone') {
    peer?.gone();
    peer = undefined;
    return;
  }
  const { id } = msg;
  const run = JOBS[msg.job] as (arg: unknown, ctl: object) => Promise<unknown>;
  const ctl = {
    onProgress: (progress: MergeProgress) => scope.postMessage({ type: 'progress', id, progress }),
    isCancelled: () => cancelled.has(id),
    peer,
  };
  run(msg.arg, ctl).then(
    (value) => scope.postMessage({ type: 'done', id, value }, transferables(value)),
    (err: unknown) =>
      scope.postMessage({ type: 'failed', id, name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) }),
  ).finally(() => cancelled.delete(id));
};
