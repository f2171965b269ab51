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
import { existsSync, readdirSync, type Dirent } from 'fs';
import { availableParallelism } from 'os';
import { join, resolve } from 'path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'worker_threads';
import { mergeCliZh } from '../i18n/merge';
import type { CheckOptions, IntakeResult } from '../model/types';
import type { InputFile } from './files';
import { intakeFile } from './intakeFile';
import type { WorkerData, WorkerResult } from './intakeWorker';
import { shareRun, stop, taken, tryClaim, type SharedRun } from './sharedRun';

export { READ_AHEAD } from './sharedRun';

/**
 * Below this many files a run stays on the main thread: a worker's start (~0.25 s), its own
 * JIT warm-up (V8 compiles the reader again for each isolate) and its own collections cost
 * more than they save. Side by side on 2 cores: 2,000 files 5 % slower with a worker,
 * 5,000 and 10,000 files 8–15 % faster (and 15–30 % more CPU, ~20 MB more memory). A worker
 * started early (while the inputs are listed) does not change that at 2,000: 4.8 → 6.3 s,
 * CPU 2.8 → 3.9 s, 70 → 84 MB (6 runs interleaved, load ~9).
 */
export const POOL_MIN_FILES = 3000;
/**
 * Workers beyond this add memory, not speed: the main thread, which merges every result, is
 * then the bottleneck. And never more than the cores less one: two workers on 2 cores, 10,000
 * files, took 24 s against 14 s with one (CPU 15.3 against 12.0 s, 113 against 97 MB; load ~9).
 */
export const POOL_MAX_WORKERS = 4;
/** Files the main thread reads between two turns of the event loop (a worker's results it takes after each: IntakeWorkers.take). */
const TURN_EVERY = 32;
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

export interface WorkerOptions {
  /** The worker's script (tests start one that crashes). */
  script?: string;
  /**
   * Called as each worker starts: V8 raises --semi-space-growth-factor back to 2 whenever
   * it creates an isolate (src/heap/heap.cc, Heap::ConfigureHeap: `if
   * (FLAG_semi_space_growth_factor < 2) FLAG_semi_space_growth_factor = 2;`), and flags are
   * process-wide, so leanHeap's must be set again then (measured: without it the main
   * thread's young generation grew again, +30 MB at 1,000 files).
   */
  onWorkerOnline?: () => void;
}

/** What a run tells its workers: a worker started early waits for it. `results`: where it posts its results. */
export interface RunMessage {
  run: SharedRun;
  slot: number;
  results: MessagePort;
}

/**
 * The intake workers of one merge. They may be started before the inputs are listed
 * (startEarly), so that loading them overlaps the listing; until a run begins they are
 * unref'd: a merge that stops early (a usage error) does not wait for them.
 */
export class IntakeWorkers {
  /** Each live worker and its cell in the run's slots. */
  private readonly live = new Map<Worker, number>();
  /**
   * Each worker's results come on a channel of their own, so that the main thread takes them
   * between two of its own files (take, receiveMessageOnPort) instead of in a turn of the event
   * loop after each file: on a 10,000-file merge those 4,150 turns took 580 ms with the results
   * handled in them, ~130 ms of it idle (cpu-prof); taken at once, the run went 2.41 → 2.33 s
   * (medians of 6 interleaved runs).
   */
  private readonly results = new Map<Worker, MessagePort>();
  private started = 0;
  private run?: { shared: SharedRun; onExit: (slot: number, error: Error | undefined, code: number) => void; onResult: (m: WorkerResult) => void };

  constructor(
    readonly count: number,
    private readonly opts: CheckOptions,
    private readonly options: WorkerOptions = {},
  ) {
    for (let w = 0; w < count; w++) this.spawn();
  }

  get size(): number {
    return this.live.size;
  }

  /** Starts one more worker, at most count + MAX_RESTARTS in all; false when none may start. */
  spawn(): boolean {
    if (this.started >= this.count + MAX_RESTARTS) return false;
    const slot = this.started++;
    const worker = new Worker(this.options.script ?? workerScript(), { workerData: { opts: this.opts } satisfies WorkerData });
    this.live.set(worker, slot);
    if (this.options.onWorkerOnline) worker.on('online', this.options.onWorkerOnline);
    let error: Error | undefined;
    worker.on('error', (e) => {
      error = e;
    });
    worker.on('exit', (code) => {
      this.live.delete(worker);
      const port = this.results.get(worker);
      if (port) {
        this.takeFrom(port); // what it posted before it ended comes first
        port.close();
        this.results.delete(worker);
      }
      this.run?.onExit(slot, error, code);
    });
    if (this.run) this.hand(worker, slot, this.run.shared);
    else worker.unref();
    return true;
  }

  /** Gives a worker the run and a channel for its results. */
  private hand(worker: Worker, slot: number, shared: SharedRun): void {
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (m: WorkerResult) => this.run?.onResult(m)); // while the main thread waits for them
    this.results.set(worker, port1);
    worker.postMessage({ run: shared, slot, results: port2 } satisfies RunMessage, [port2]);
  }

  /** Hands the run the results the workers have posted so far, at once (see results). */
  take(): void {
    for (const port of this.results.values()) this.takeFrom(port);
  }

  private takeFrom(port: MessagePort): void {
    for (let m = receiveMessageOnPort(port); m !== undefined && this.run; m = receiveMessageOnPort(port)) this.run.onResult(m.message as WorkerResult);
  }

  /** Hands the run to every worker (ref'd again: the run waits for them). */
  begin(shared: SharedRun, onResult: (m: WorkerResult) => void, onExit: (slot: number, error: Error | undefined, code: number) => void): void {
    this.run = { shared, onResult, onExit };
    for (const [worker, slot] of this.live) {
      worker.ref();
      this.hand(worker, slot, shared);
    }
  }

  /** Ends every worker; no event of theirs reaches the run after this. */
  async close(): Promise<void> {
    this.run = undefined;
    for (const port of this.results.values()) port.close();
    this.results.clear();
    await Promise.all([...this.live.keys()].map((w) => w.terminate()));
  }
}

/**
 * Starts the workers before the inputs are listed when the run will want them, or
 * undefined: loading a worker takes about as long as listing 10,000 files. Whether it
 * will is judged by a quick count (folders two levels deep), so a folder of a few
 * hundred files never starts one.
 */
export function startEarly(paths: readonly string[], opts: CheckOptions, options: WorkerOptions = {}): IntakeWorkers | undefined {
  const count = poolWorkers(Number.MAX_SAFE_INTEGER);
  if (count === 0 || countAtLeast(paths, POOL_MIN_FILES) < POOL_MIN_FILES) return undefined;
  return new IntakeWorkers(count, opts, options);
}

/** Entries under the paths (files, and folders two levels down), counted until `enough`. */
function countAtLeast(paths: readonly string[], enough: number): number {
  let n = 0;
  const visit = (path: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      n++; // a file (or nothing): one input
      return;
    }
    for (const e of entries) {
      if (n >= enough) return;
      if (e.isDirectory() && depth < 2) visit(join(path, e.name), depth + 1);
      else n++;
    }
  };
  for (const p of paths) if (n < enough) visit(p, 1);
  return n;
}

export interface IntakeRunOptions extends WorkerOptions {
  /** Worker threads (see poolWorkers), or workers already started (ended by the run); 0 reads every file on the main thread. */
  workers: number | IntakeWorkers;
  /** false: the main thread only merges while a worker lives (tests make every file reach a worker). */
  mainReads?: boolean;
  /** Told the identity on disk (fileId) of every file read, by whichever thread, in no particular order. */
  onRead?: (id: string) => void;
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
  const workers = typeof run.workers === 'number' ? (run.workers > 0 ? new IntakeWorkers(run.workers, opts, run) : undefined) : run.workers;
  const readHere = async (n: number): Promise<IntakeResult> => {
    const { result, id } = await intakeFile(inputs[n], opts);
    if (id !== undefined) run.onRead?.(id);
    return result;
  };
  if (!workers || workers.count === 0) {
    await workers?.close();
    for (let n = 0; n < total; n++) onResult(await readHere(n), n);
    return;
  }

  const shared = shareRun(inputs, workers.count + MAX_RESTARTS);
  const holding = new Int32Array(shared.slots);
  const held = new Map<number, IntakeResult>();
  let done = 0; // the next index the merge takes
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
  // A worker posts no result for an input refused when listed: the shared list carries no
  // reasons (sharedRun.ts), so the reason is this thread's (test/cli/pool.test.ts).
  const rejected = (input: InputFile): IntakeResult => ({ ok: false, file: input.file, reason: input.ok ? '' : input.reason });

  workers.begin(
    shared,
    (m) => {
      if (m.id !== undefined) run.onRead?.(m.id);
      settle(m.n, m.result ?? rejected(inputs[m.n]));
      signal();
    },
    (slot, error, code) => {
      const n = Atomics.load(holding, slot);
      // The file it held when it died: rejected, with why.
      if (n >= 0) settle(n, { ok: false, file: inputs[n].file, reason: mergeCliZh.workerDied(crashDetail(error, code)) });
      // One that died loading (-2) is not started again: the main thread reads on.
      if (n !== -2 && code !== 0) workers.spawn();
      signal();
    },
  );

  let sinceTurn = 0;
  try {
    while (done < total) {
      if (failure) throw failure.error;
      const n = run.mainReads !== false || workers.size === 0 ? tryClaim(shared) : 'wait';
      if (typeof n === 'number') {
        settle(n, await readHere(n));
        workers.take(); // the workers' answers so far
        // A turn of the event loop now and then, for the workers' other events (exit, online).
        if (++sinceTurn === TURN_EVERY) {
          sinceTurn = 0;
          await new Promise(setImmediate);
        }
      } else {
        await new Promise<void>((r) => (wake = r));
      }
    }
    if (failure) throw failure.error;
  } finally {
    stop(shared);
    await workers.close();
  }
}

/** Why a worker died, for the rejected file's reason. */
function crashDetail(error: Error | undefined, code: number): string {
  if ((error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') return mergeCliZh.workerOutOfMemory;
  if (error) return error.message;
  return mergeCliZh.workerExitCode(code);
}
