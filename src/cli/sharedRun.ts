/**
 * What the merge's main thread and its intake workers share (src/cli/pool.ts,
 * src/cli/intakeWorker.ts), in SharedArrayBuffers: the input list (paths as UTF-8, one
 * copy whatever the number of workers), the counter of the next file to take, how many
 * results the merge has taken (no one reads more than READ_AHEAD files beyond it), a stop
 * flag, and per worker the file it holds.
 */
import type { InputFile } from './files';

/** Files read ahead of the one the merge takes next (results waiting for an earlier one are held). */
export const READ_AHEAD = 64;

const NEXT = 0;
const DONE = 1;
const STOP = 2;
const TOTAL = 3;

export interface SharedRun {
  /** Int32: next file to take, results taken, stop, total. */
  meta: SharedArrayBuffer;
  /** Int32 per worker: the file it holds, -1 none, -2 still loading. */
  slots: SharedArrayBuffer;
  /** UTF-8 paths back to back; Uint32 offsets (total + 1); Uint8 1 = a file to read. */
  paths: SharedArrayBuffer;
  offsets: SharedArrayBuffer;
  readable: SharedArrayBuffer;
}

/** `slots`: how many workers may start in the run, replacements included. */
export function shareRun(inputs: readonly InputFile[], slots: number): SharedRun {
  const total = inputs.length;
  let bytes = 0;
  for (const f of inputs) bytes += Buffer.byteLength(f.file);
  const run: SharedRun = {
    meta: new SharedArrayBuffer(4 * 4),
    slots: new SharedArrayBuffer(4 * Math.max(1, slots)),
    paths: new SharedArrayBuffer(bytes),
    offsets: new SharedArrayBuffer(4 * (total + 1)),
    readable: new SharedArrayBuffer(total),
  };
  new Int32Array(run.meta)[TOTAL] = total;
  new Int32Array(run.slots).fill(-2);
  const paths = Buffer.from(run.paths);
  const offsets = new Uint32Array(run.offsets);
  const readable = new Uint8Array(run.readable);
  let at = 0;
  inputs.forEach((f, n) => {
    offsets[n] = at;
    at += paths.write(f.file, at);
    if (f.ok) readable[n] = 1;
  });
  offsets[total] = at;
  return run;
}

/** A worker's view of the inputs: what intakeFile needs of file n. */
export class SharedInputs {
  private readonly paths: Buffer;
  private readonly offsets: Uint32Array;
  private readonly readable: Uint8Array;
  constructor(run: SharedRun) {
    this.paths = Buffer.from(run.paths);
    this.offsets = new Uint32Array(run.offsets);
    this.readable = new Uint8Array(run.readable);
  }
  /** File n; one the main thread already rejected comes back with no reason (the worker does not read it). */
  get(n: number): InputFile {
    const file = this.paths.toString('utf8', this.offsets[n], this.offsets[n + 1]);
    return this.readable[n] === 1 ? { file, ok: true } : { file, ok: false, reason: '' };
  }
}

/**
 * The next file to read, `'wait'` while it would be more than READ_AHEAD beyond the
 * merge, undefined when every file is taken or the run stops. Never blocks.
 */
export function tryClaim(run: SharedRun, meta = new Int32Array(run.meta)): number | 'wait' | undefined {
  const total = meta[TOTAL];
  if (Atomics.load(meta, STOP) !== 0) return undefined;
  const next = Atomics.load(meta, NEXT);
  if (next >= total) return undefined;
  if (next - Atomics.load(meta, DONE) >= READ_AHEAD) return 'wait';
  const n = Atomics.add(meta, NEXT, 1);
  return n < total ? n : undefined;
}

/** tryClaim for a worker: blocks while it would read too far ahead (a worker has nothing else to do). */
export function claim(run: SharedRun): number | undefined {
  const meta = new Int32Array(run.meta);
  for (;;) {
    const done = Atomics.load(meta, DONE);
    const n = tryClaim(run, meta);
    if (n !== 'wait') return n;
    Atomics.wait(meta, DONE, done, 50); // woken by taken(); the timeout also lets it see STOP
  }
}

/** The merge has taken `done` results: workers waiting to read ahead may go on. */
export function taken(run: SharedRun, done: number): void {
  const meta = new Int32Array(run.meta);
  Atomics.store(meta, DONE, done);
  Atomics.notify(meta, DONE);
}

/** No file is taken from now on. */
export function stop(run: SharedRun): void {
  const meta = new Int32Array(run.meta);
  Atomics.store(meta, STOP, 1);
  Atomics.notify(meta, DONE);
}
