/**
 * Two workers share a merge's files (intake.ts): the page connects them with a
 * MessageChannel (client.ts), each serves the other's batches on its end, and the
 * one running the job asks through its end. Files go over as File objects (a handle,
 * not the bytes): each worker reads its own batches.
 */
import type { IntakeResult } from '../../model/types';
import { intakeBatch, PeerGone, type IntakeOptions, type Peer } from './intake';

type PeerRequest = { type: 'intake'; id: number; files: readonly File[]; opts: IntakeOptions };
type PeerReply = { type: 'intaken'; id: number; results: IntakeResult[] } | { type: 'failed'; id: number; name: string; message: string };

/** One end of the channel: serves the other worker's batches, and is the Peer that asks it for ours. */
export function connectPeer(port: MessagePort): Peer & { gone(): void } {
  const waiting = new Map<number, { resolve(r: IntakeResult[]): void; reject(e: unknown): void }>();
  let nextId = 1;
  let alive = true;
  port.onmessage = (e: MessageEvent<PeerRequest | PeerReply>) => {
    const msg = e.data;
    if (msg.type === 'intake') {
      intakeBatch(msg.files, msg.opts).then(
        (results) => port.postMessage({ type: 'intaken', id: msg.id, results } satisfies PeerReply),
        (err: unknown) =>
          port.postMessage({ type: 'failed', id: msg.id, name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) } satisfies PeerReply),
      );
      return;
    }
    const w = waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id);
    if (msg.type === 'intaken') w.resolve(msg.results);
    else {
      const err = new Error(msg.message);
      err.name = msg.name;
      w.reject(err);
    }
  };
  return {
    intake(files, opts) {
      if (!alive) return Promise.reject(new PeerGone());
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        port.postMessage({ type: 'intake', id, files, opts } satisfies PeerRequest);
      });
    },
    /** The other worker died (the page saw its error): what it had is done here. */
    gone() {
      alive = false;
      for (const w of waiting.values()) w.reject(new PeerGone());
      waiting.clear();
    },
  };
}
