/**
 * The page's side of the heavy work: `runJob('merge', …)` runs a job of jobs.ts in the
 * Web Worker, with progress and cancellation; where no worker can start (an old
 * webview, a blocked worker script, jest) the same job runs on the page instead, so
 * every feature still works, only less smoothly.
 */
import { tp } from '../../i18n/taskpane';
import type { MergeProgress } from '../host';
import { whenIdle } from '../idle';
import { BATCH_FILES, type FromWorker, type JobArg, type JobName, type JobValue, type ToWorker } from './protocol';

export interface RunOptions {
  onProgress?(p: MergeProgress): void;
  signal?: AbortSignal;
}

interface Pending {
  job: JobName;
  arg: unknown;
  opts: RunOptions;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  stopListening(): void;
}

let worker: Promise<Worker | null> | null = null;
/** The second worker: only reads and checks batches of files for the first (peer.ts). */
let helper: Worker | null | undefined;
const pending = new Map<number, Pending>();
/** Summaries the worker made and keeps: a job on one of them sends its key, not the summary. */
const keptBy = new WeakMap<object, { worker: Worker; key: number }>();
let nextId = 1;

let jobsModule: Promise<typeof import('./jobs')> | null = null;
/** The jobs on the page itself (a chunk of its own, loaded on first use). */
function loadJobs(): Promise<typeof import('./jobs')> {
  jobsModule ??= import(/* webpackChunkName: "xlsx" */ './jobs').catch((e: unknown) => {
    jobsModule = null; // let the next click retry
    throw new Error(`${tp.chunkLoadFailed}（${e instanceof Error ? e.message : String(e)}）`);
  });
  return jobsModule;
}

async function runHere(job: JobName, arg: unknown, opts: RunOptions): Promise<unknown> {
  const jobs = await loadJobs();
  const run = jobs.JOBS[job] as (arg: unknown, ctl: object) => Promise<unknown>;
  return run(arg, { onProgress: opts.onProgress, isCancelled: () => opts.signal?.aborted === true });
}

/** A worker that failed to start (or died): its jobs run again on the page, and later jobs too. */
function fallBack(): void {
  worker = Promise.resolve(null);
  for (const [id, p] of pending) {
    pending.delete(id);
    p.stopListening();
    runHere(p.job, p.arg, p.opts).then(p.resolve, p.reject);
  }
}

function onMessage(this: Worker, e: MessageEvent<FromWorker>): void {
  const msg = e.data;
  const p = pending.get(msg.id);
  if (!p) return;
  if (msg.type === 'progress') {
    p.opts.onProgress?.(msg.progress);
    return;
  }
  if (msg.type === 'read') {
    readForWorker(this, msg, p.arg);
    return;
  }
  if (msg.type === 'resend') {
    this.postMessage({ type: 'run', id: msg.id, job: p.job, arg: p.arg, readsOnPage: readsOnPage(p.job, p.arg) } satisfies ToWorker);
    return;
  }
  pending.delete(msg.id);
  p.stopListening();
  if (msg.type === 'done') {
    const summary = (msg.value as { summary?: unknown }).summary;
    if (msg.kept !== undefined && summary && typeof summary === 'object') keptBy.set(summary, { worker: this, key: msg.kept });
    p.resolve(msg.value);
    if (msg.kept !== undefined && p.job === 'merge' && (p.arg as { prepareSummaryFile?: boolean }).prepareSummaryFile === true) prepareWhenIdle(this, msg.kept);
  }
  else {
    const err = new Error(msg.message);
    err.name = msg.name;
    p.reject(err);
  }
}

/** Whether the page reads a job's files for the worker: a merge's or check's (intake.ts readOnPage). */
const readsOnPage = (job: JobName, arg: unknown): boolean =>
  (job === 'merge' || job === 'check') && Array.isArray((arg as { files?: unknown } | undefined)?.files);

/**
 * Reads files of a job for the worker: one Blob of them (made here: the page idles through a
 * merge, while in the worker each Blob of a batch's files held it ~10 ms), its bytes moved to
 * the worker. Should that fail, the worker is told, and reads them itself, one by one.
 */
function readForWorker(w: Worker, msg: { id: number; seq: number; indices: number[] }, arg: unknown): void {
  const reply = (bytes: ArrayBuffer | null) =>
    w.postMessage({ type: 'bytes', id: msg.id, seq: msg.seq, bytes } satisfies ToWorker, bytes ? [bytes] : []);
  try {
    const files = (arg as { files: readonly File[] }).files;
    new Blob(msg.indices.map((i) => files[i])).arrayBuffer().then(reply, () => reply(null));
  } catch {
    reply(null);
  }
}

function getWorker(): Promise<Worker | null> {
  worker ??= (async () => {
    if (typeof Worker !== 'function') return null;
    try {
      const { spawnWorker } = await import(/* webpackMode: "eager" */ './spawn');
      const w = spawnWorker();
      w.addEventListener('message', onMessage);
      // The worker's script failed to load or threw at start: finish the work here.
      w.addEventListener('error', (e) => {
        e.preventDefault();
        w.terminate();
        fallBack();
      });
      return w;
    } catch {
      return null;
    }
  })();
  return worker;
}

/**
 * Cores to share a merge's files between two workers: more than two. Each worker's V8
 * compiles the reader and the rules again on background threads (Maglev and TurboFan:
 * ~2.5 s of CPU in a traced 1,000-file merge with two workers, more than the workers' own
 * ~2 s), so on two cores a second worker only made the page, two workers and their
 * compilers fight for them: one worker used 15–25 % less CPU, and took 7.4 s instead of
 * 10.5 s to the results (medians of 5 interleaved runs, load ~10).
 */
const cores = (): number => (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 1;
const SHARE_ABOVE_CORES = 2;

/**
 * Starts the second worker and connects the two (once). If it dies, the first is told and
 * does its batches itself; if it cannot start at all, the first simply works alone.
 */
async function withHelper(w: Worker): Promise<void> {
  if (helper !== undefined || cores() <= SHARE_ABOVE_CORES) return;
  helper = null;
  try {
    const { spawnWorker } = await import(/* webpackMode: "eager" */ './spawn');
    const h = spawnWorker();
    h.addEventListener('error', (e) => {
      e.preventDefault();
      h.terminate();
      w.postMessage({ type: 'peerGone' } satisfies ToWorker);
    });
    const channel = new MessageChannel();
    w.postMessage({ type: 'peer', port: channel.port1 } satisfies ToWorker, [channel.port1]);
    h.postMessage({ type: 'peer', port: channel.port2 } satisfies ToWorker, [channel.port2]);
    helper = h;
  } catch {
    // no second worker: the first one does it all
  }
}

/**
 * Starts the workers a merge of `files` on `asOf` will use, ahead of it: called when files
 * are picked, so the workers have loaded their code (≈0.3 s each, on two cores) by the
 * time 开始汇总 is clicked, instead of after, and the first reads and checks the files
 * ahead (serve.ts). With no files (the list emptied) it only tells a running worker, which
 * forgets what it read ahead.
 */
export async function prepareWorkers(files: readonly File[], asOf: string): Promise<void> {
  if (files.length === 0 && !worker) return;
  const w = await getWorker();
  if (!w) return;
  w.postMessage({ type: 'warm', files, asOf } satisfies ToWorker);
  if (files.length > BATCH_FILES) await withHelper(w);
}

/**
 * Starts the worker once the page is idle, before files are picked (the 汇总 tab shown): it
 * loads and parses the reader meanwhile (≈0.3 s on two cores), so reading ahead starts the
 * moment files are picked. Nothing else: no file, no message.
 */
export function startWorkerWhenIdle(): void {
  if (worker || typeof Worker !== 'function') return;
  whenIdle(() => void getWorker(), 2000, 500);
}

/** Counts dropPrepared(): a file to be written ahead is not asked for once the results it belongs to are gone. */
let drops = 0;

/**
 * Asks the worker to write a merge's 汇总.xlsx ahead (serve.ts) once the page is idle, i.e. has
 * drawn the results: asked at once, the worker's writing and the page's drawing shared two
 * cores, and the results came as much later as the click was sooner.
 */
function prepareWhenIdle(w: Worker, key: number): void {
  const at = drops;
  const ask = () => {
    if (drops === at) w.postMessage({ type: 'prepare', kept: key } satisfies ToWorker);
  };
  const idle = (globalThis as { requestIdleCallback?: (fn: () => void, opts?: { timeout: number }) => number }).requestIdleCallback;
  setTimeout(() => (idle ? idle(ask, { timeout: 1000 }) : ask()), 0);
}

/**
 * The merge's results are gone from the page (its inputs changed): the worker drops the
 * summary file it wrote ahead for them (serve.ts). Starts no worker.
 */
export function dropPrepared(): void {
  drops++;
  void worker?.then((w) => w?.postMessage({ type: 'drop' } satisfies ToWorker));
}

/** Runs a job off the page when it can; `signal` cancels between two files (merge, check). */
export async function runJob<K extends JobName>(job: K, arg: JobArg<K>, opts: RunOptions = {}): Promise<JobValue<K>> {
  const w = await getWorker();
  if (!w) return (await runHere(job, arg, opts)) as JobValue<K>;
  const files = (job === 'merge' || job === 'check') && (arg as { files?: unknown }).files;
  if (Array.isArray(files) && files.length > BATCH_FILES) await withHelper(w);
  const id = nextId++;
  return new Promise<JobValue<K>>((resolve, reject) => {
    const onAbort = () => w.postMessage({ type: 'cancel', id } satisfies ToWorker);
    opts.signal?.addEventListener('abort', onAbort);
    const stopListening = () => opts.signal?.removeEventListener('abort', onAbort);
    pending.set(id, { job, arg, opts, resolve: resolve as (v: unknown) => void, reject, stopListening });
    const kept = arg && typeof arg === 'object' ? keptBy.get(arg) : undefined;
    w.postMessage(
      kept?.worker === w ? ({ type: 'run', id, job, kept: kept.key } satisfies ToWorker) : ({ type: 'run', id, job, arg, readsOnPage: readsOnPage(job, arg) } satisfies ToWorker),
    );
    if (opts.signal?.aborted) onAbort();
  });
}
