/**
 * The Web Worker that runs the pane's heavy jobs (jobs.ts) off the page's thread, so a
 * 1,000-file merge or print pack never freezes the pane. Started by spawn.ts; where the
 * machine has more than two cores a second one shares the files of a merge or check with
 * the one running it (intake.ts, peer.ts).
 */
import type { IntakeResult } from '../../model/types';
import { hasStreamDeflate, setZipCodec, streamCodec } from '../../workbook/xlsx/codec';
import type { MergeProgress } from '../host';
import type { Peer } from './intake';
import { JOBS } from './jobs';
import { connectPeer } from './peer';
import { shown, transferables, type FromWorker, type ToWorker } from './protocol';

const scope = self as unknown as {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

// The summary and other zips written here are deflated by the browser itself (not fflate): see codec.ts.
if (hasStreamDeflate()) setZipCodec(streamCodec);

const cancelled = new Set<number>();
/**
 * The summaries of the last merges, by job id: writing 汇总.xlsx then needs no copy of the
 * summary back from the page (for 1,000 files, copying it cost the page and the worker
 * several tenths of a second each).
 */
const kept = new Map<number, unknown>();
const KEEP = 2;
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
  if ('kept' in msg && !kept.has(msg.kept)) {
    scope.postMessage({ type: 'resend', id });
    return;
  }
  const arg = 'kept' in msg ? kept.get(msg.kept) : msg.arg;
  const run = JOBS[msg.job] as (arg: unknown, ctl: object) => Promise<unknown>;
  const ctl = {
    onProgress: (progress: MergeProgress) => scope.postMessage({ type: 'progress', id, progress }),
    isCancelled: () => cancelled.has(id),
    peer,
  };
  run(arg, ctl).then(
    (value) => {
      const summary = value && typeof value === 'object' && 'summary' in value ? value.summary : undefined;
      if (msg.job !== 'merge' || !summary) return scope.postMessage({ type: 'done', id, value }, transferables(value));
      kept.set(id, summary);
      for (const key of kept.keys()) if (kept.size > KEEP) kept.delete(key);
      const merged = value as { results: IntakeResult[] };
      scope.postMessage({ type: 'done', id, value: { ...merged, results: merged.results.map(shown) }, kept: id });
    },
    (err: unknown) =>
      scope.postMessage({ type: 'failed', id, name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) }),
  ).finally(() => cancelled.delete(id));
};
