/**
 * The merge's intake on several cores: worker threads run the command line's own
 * intakeFile (src/cli/intakeWorker.ts) while the main thread reads files too; every
 * result joins the merge strictly in input order (duplicates and every output depend on
 * it). Whoever is free takes the next file from a shared counter (src/cli/sharedRun.ts),
 * so a slow or still-loading worker holds up at most the one file it is reading, and no
 * one reads more than READ_AHEAD files beyond the merge: memory does not grow with the run.
 *
 * A file whose intake kills its worker (out of memory, a crash) is rejected with a
 * Chinese reason, the worker is replaced, and the run goes on. A worker that cannot
 * start costs nothing but the try: the main thread reads on.
 */
import { existsSync } from 'fs';
import { availableParallelism } from 'os';
import { join, resolve } from 'path';
import { Worker } from 'worker_threads';
import { mergeCliZh } from '../i18n/merge';
import type { CheckOptions, IntakeResult } from '../model/types';
import type { InputFile } from './files';
import { intakeFile } from './intakeFile';
import type { WorkerData, WorkerResult } from './intakeWorker';
import { shareRun, stop, taken, tryClaim } from './sharedRun';

export { READ_AHEAD } from './sharedRun';

/**
 * Below this many files a run stays on the main thread: a worker's start (~0.25 s) and its
 * second JIT warm-up and heap cost more than they save (1,000 files: the same wall time, 15 %
 * more CPU; 10,000: 5–10 % faster on 2 cores).
 */
export const POOL_MIN_FILES = 2000;
/** Workers beyond this add memory, not speed: the main thread, which merges every result, is then the bottleneck. */
export const POOL_MAX_WORKERS = 4;
/** Workers started again after crashes, at most, in one run; then the others and the main thread go on. */
const MAX_RESTARTS = 8;

/**
 * How many worker threads a run of `files` files gets: none for a short run or on one
 * core, else one less than the cores (the main thread reads too), at most
 * POOL_MAX_WORKERS. `WUHUA_THREADS=N` sets it (0: everything on the main thread).
 */
export function poolWorkers(files: number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const forced = env.WUHUA_THREADS;
  if (forced !== undefined && /^\d+$/.test(forced.trim())) return Math.min(Number(forced), 64);
  if (files < POOL_MIN_FILES) return 0;
  return Math.max(0, Math.min(cores - 1, POOL_MAX_WORKERS));
}

/** build/intake-worker.js: beside build/cli.js when bundled, from the repository when run from source (jest). */
export function workerScript(): string {
  const beside = join(__dirname, 'intake-worker.js');
  return existsSync(beside) ? beside : resolve(__dirname, '..', '..', 'build', 'intake-worker.js');
}

export interface IntakeRunOptions {
  /** Worker threads (see poolWorkers); 0 reads every file on the main thread. */
  workers: number;
  /** false: the main thread only merges while a worker lives (tests make every file reach a worker). */
  mainReads?: boolean;
  /** The worker's script (tests start one that crashes). */
  script?: string;
  /**
   * Called as each worker starts: V8 clamps --semi-space-growth-factor to 2 whenever it
   * creates an isolate (Heap::ConfigureHeap), so flags set with setFlagsFromString
   * before then must be set again.
   */
  onWorkerOnline?: () => void;
}

/**
 * Reads every input through intakeFile and calls `onResult(result, n)` for n = 0, 1, 2 …
 * in input order, exactly as a loop over the inputs on the main thread would. Resolves
 * once the last result has been handed over; no worker outlives it.
 */
export async function intakeInOrder(
  inputs: readonly InputFile[],
  opts: CheckOptions,
  onResult: (result: IntakeResult, n: number) => void,
  run: IntakeRunOptions,
): Promise<void> {
  const total = inputs.length;
  if (run.workers <= 0) {
    for (let n = 0; n < total; n++) onResult(await intakeFile(inputs[n], opts), n);
    return;
  }

  const shared = shareRun(inputs, run.workers + MAX_RESTARTS);
  const holding = new Int32Array(shared.slots);
  const held = new Map<number, IntakeResult>();
  const workers = new Set<Worker>();
  let started = 0;
  let done = 0; // the next index the merge takes
  let stopping = false;
  let failure: { error: unknown } | undefined; // onResult threw inside an event handler: rethrown by the loop
  let wake: (() => void) | undefined;
  const signal = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  const deliver = () => {
    const from = done;
    try {
      for (let r = held.get(done); r !== undefined && !failure; r = held.get(done)) {
        held.delete(done);
        onResult(r, done++);
      }
    } catch (error) {
      failure = { error };
    }
    if (done !== from) taken(shared, done);
  };
  /** A result from anyone, once: a file answered and then found held by a dead worker is not answered twice. */
  const settle = (n: number, result: IntakeResult) => {
    if (n < done || held.has(n)) return;
    held.set(n, result);
    deliver();
  };
  const rejected = (input: InputFile): IntakeResult => (input.ok ? { ok: false, file: input.file, reason: '' } : { ok: false, file: input.file, reason: input.reason });

  const start = () => {
    const slot = started++;
    const data: WorkerData = { opts, run: shared, slot };
    const worker = new Worker(run.script ?? workerScript(), { workerData: data });
    workers.add(worker);
    if (run.onWorkerOnline) worker.on('online', run.onWorkerOnline);
    let error: Error | undefined;
    worker.on('message', (m: WorkerResult) => {
      settle(m.n, m.result ?? rejected(inputs[m.n]));
      signal();
    });
    worker.on('error', (e) => {
      error = e;
    });
    worker.on('exit', (code) => {
      workers.delete(worker);
      if (stopping) return;
      const n = Atomics.load(holding, slot);
      // The file it held when it died: rejected, with why.
      if (n >= 0) settle(n, { ok: false, file: inputs[n].file, reason: mergeCliZh.workerDied(crashDetail(error, code)) });
      // One that died loading (-2) is not started again: the main thread reads on.
      if (n !== -2 && code !== 0 && started < run.workers + MAX_RESTARTS) start();
      signal();
    });
  };

  try {
    for (let w = 0; w < run.workers; w++) start();
    while (done < total) {
      if (failure) throw failure.error;
      const n = run.mainReads !== false || workers.size === 0 ? tryClaim(shared) : 'wait';
      if (typeof n === 'number') {
        settle(n, await intakeFile(inputs[n], opts));
        await new Promise(setImmediate); // let the workers' answers in
      } else {
        await new Promise<void>((r) => (wake = r));
      }
    }
    if (failure) throw failure.error;
  } finally {
    stopping = true;
    stop(shared);
    await Promise.all([...workers].map((w) => w.terminate()));
  }
}

/** Why a worker died, for the rejected file's reason. */
function crashDetail(error: Error | undefined, code: number): string {
  if ((error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') return mergeCliZh.workerOutOfMemory;
  if (error) return error.message;
  return mergeCliZh.workerExitCode(code);
}
