/**
 * What the worker does with the page's messages (worker.ts wires it to `self`; jest drives it
 * directly): runs the jobs, keeps the summaries of the last merges so that a job on one of
 * them gets its key instead of a copy, and writes 汇总.xlsx ahead when the page asked for it.
 *
 * Writing ahead (`prepare`, sent by the page for 下载汇总表 once it has drawn a merge's results:
 * client.ts): the worker writes the summary's file while the user reads the results, so the
 * click only hands over bytes that are ready (1,000 files: ~0.3–0.5 s of the click's time).
 * Not at once when the results are posted: on two cores that slowed drawing them as much as
 * it saved on the click.
 * They are exactly what the click would write: the same function on the same kept summary,
 * which nothing changes. They are dropped — and the click writes the file as before — when
 * another job is given that summary, when a newer merge starts or pushes it out, when the
 * page says its results are gone (any change of files or roster: `drop`), and once handed
 * over (moved to the page, not copied: a second click writes again).
 *
 * Reading ahead (`warm`, sent when files are picked: client.ts): the worker reads and checks
 * the picked files in order until a job comes, and keeps the results, by file (intake.ts
 * pickedKey) and for the options the page named (a merge's: its date, stage 委员会); a merge
 * or check with those options takes them instead of reading those files again
 * (JobControl.known). A user who reads the list of picked files, or types the roster, before
 * clicking 开始汇总 waits only for what is left, and the reader is compiled by then: a fresh
 * worker runs it slowly until V8 has (1,000 files read and checked in 1.0–1.07 s the first
 * time, 0.67–0.74 s the next, headless Chromium on this machine). A job stops it within a
 * few milliseconds; a merge or check, for good (it reads the rest itself), another job until
 * it ends.
 * Each `warm` replaces the last one's results (keeping those of files still picked); results
 * are a pure function of the file's bytes, its name and time, and the options.
 */
import type { IntakeResult } from '../../model/types';
import type { MergeProgress } from '../host';
import { pickedKey, type IntakeOptions, type Peer, type readAhead as readFilesAhead } from './intake';
import type { MadeBytes } from './jobs';
import { shown, transferables, type FromWorker, type JobName, type ToWorker } from './protocol';

type Post = (message: FromWorker, transfer?: Transferable[]) => void;
type Run = (arg: unknown, ctl: object) => Promise<unknown>;

/** Summaries kept: the last two merges'. */
const KEEP = 2;

export interface Served {
  /** One message from the page. */
  handle(msg: ToWorker): void;
  /** Sets the other worker's end (peer.ts), or none. */
  setPeer(peer: Peer | undefined): void;
  /** The key whose file is written ahead or being written (tests). */
  readonly preparedKey: number | undefined;
}

export function serveJobs(jobs: Record<JobName, unknown>, post: Post): Served {
  const cancelled = new Set<number>();
  /**
   * The summaries of the last merges, by job id: writing 汇总.xlsx then needs no copy of the
   * summary back from the page (for 1,000 files, copying it cost the page and the worker
   * several tenths of a second each).
   */
  const kept = new Map<number, unknown>();
  /** 汇总.xlsx of one kept summary, written ahead: at most one at a time. */
  let prepared: { key: number; made: Promise<MadeBytes> } | undefined;
  let peer: Peer | undefined;
  /** Reads asked of the page, by number. */
  const reads = new Map<number, { resolve(bytes: Uint8Array): void; reject(e: unknown): void }>();
  let nextRead = 1;
  const readOnPage = (id: number) => (indices: readonly number[]) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const seq = nextRead++;
      reads.set(seq, { resolve, reject });
      post({ type: 'read', id, seq, indices: [...indices] });
    });
  /** Kept summaries whose file was asked for (written on a click): not written ahead after that. */
  const asked = new Set<number>();
  /** Jobs running; reading ahead goes on only while there is none. */
  let running = 0;
  /** Results of the files picked, made ahead (`warm`), and the options they were made for. */
  let ahead: { opts: IntakeOptions; byKey: Map<string, IntakeResult> } | undefined;
  /** Counts `warm` messages: reading ahead for files no longer picked stops. */
  let picks = 0;
  /** What was made ahead for these options (none for others). */
  const madeFor = (opts: IntakeOptions) => (ahead && ahead.opts.asOf === opts.asOf && ahead.opts.stage === opts.stage ? ahead.byKey : undefined);
  const known = (file: File, opts: IntakeOptions): IntakeResult | undefined => madeFor(opts)?.get(pickedKey(file));

  /** Reading ahead that a job stopped: it goes on when no job is left. */
  let resume: (() => void) | undefined;

  const readAhead = (files: readonly File[], opts: IntakeOptions) => {
    const pick = ++picks;
    resume = undefined;
    const before = madeFor(opts);
    const byKey = new Map<string, IntakeResult>();
    for (const f of files) {
      const key = pickedKey(f);
      const made = before?.get(key);
      if (made) byKey.set(key, made);
    }
    ahead = { opts, byKey };
    const read = jobs.readAhead as typeof readFilesAhead;
    const go = () => {
      resume = undefined;
      const left = files.filter((f) => !byKey.has(pickedKey(f)));
      if (left.length === 0) return;
      read(left, opts, (f, r) => byKey.set(pickedKey(f), r), () => running > 0 || picks !== pick).then(
        () => {
          if (picks === pick && running > 0) resume = go;
        },
        () => undefined, // what it could not make, the job makes (and reports)
      );
    };
    if (running === 0) go();
    else resume = go;
  };

  const drop = (key?: number) => {
    if (prepared && (key === undefined || prepared.key === key)) prepared = undefined;
  };

  const prepare = (key: number) => {
    const summary = kept.get(key);
    if (summary === undefined) return;
    const made = (jobs.summaryFile as Run)(summary, {}) as Promise<MadeBytes>;
    made.catch(() => undefined); // a failure is the click's to report: it writes again
    prepared = { key, made };
  };

  /** The prepared file of `key`, taken (it moves to the page); undefined if there is none or it failed. */
  const takePrepared = async (key: number): Promise<MadeBytes | undefined> => {
    if (!prepared || prepared.key !== key) return undefined;
    const { made } = prepared;
    prepared = undefined;
    try {
      return await made;
    } catch {
      return undefined;
    }
  };

  const handle = (msg: ToWorker) => {
    if (msg.type === 'cancel') {
      cancelled.add(msg.id);
      return;
    }
    if (msg.type === 'bytes') {
      const r = reads.get(msg.seq);
      reads.delete(msg.seq);
      if (msg.bytes) r?.resolve(new Uint8Array(msg.bytes));
      else r?.reject(new Error('not read on the page'));
      return;
    }
    if (msg.type === 'drop') {
      drop();
      return;
    }
    if (msg.type === 'prepare') {
      if (kept.has(msg.kept) && !asked.has(msg.kept) && !prepared) prepare(msg.kept);
      return;
    }
    if (msg.type === 'warm') {
      readAhead(msg.files, { asOf: msg.asOf, stage: 'committee' });
      return;
    }
    if (msg.type === 'peer' || msg.type === 'peerGone') return; // worker.ts
    const { id } = msg;
    if ('kept' in msg && !kept.has(msg.kept)) {
      post({ type: 'resend', id });
      return;
    }
    if (msg.job === 'merge' || msg.job === 'check') {
      // It reads what was not read ahead itself: reading ahead ends (what it made stays, for a merge again).
      picks++;
      resume = undefined;
    }
    if (msg.job === 'merge') drop();
    else if ('kept' in msg && msg.job !== 'summaryFile') drop(msg.kept);
    if ('kept' in msg && msg.job === 'summaryFile') asked.add(msg.kept);
    const arg = 'kept' in msg ? kept.get(msg.kept) : msg.arg;
    const run = jobs[msg.job] as Run;
    const ctl = {
      onProgress: (progress: MergeProgress) => post({ type: 'progress', id, progress }),
      isCancelled: () => cancelled.has(id),
      peer,
      readOnPage: 'arg' in msg && msg.readsOnPage ? readOnPage(id) : undefined,
      known,
    };
    const ready = 'kept' in msg && msg.job === 'summaryFile' ? takePrepared(msg.kept) : Promise.resolve(undefined);
    running++;
    ready
      .then((made) => made ?? run(arg, ctl))
      .then(
        (value) => {
          const summary = value && typeof value === 'object' && 'summary' in value ? value.summary : undefined;
          if (msg.job !== 'merge' || !summary) return post({ type: 'done', id, value }, transferables(value));
          kept.set(id, summary);
          for (const key of kept.keys()) {
            if (kept.size <= KEEP) break;
            kept.delete(key);
            asked.delete(key);
            drop(key);
          }
          const merged = value as { results: IntakeResult[] };
          post({ type: 'done', id, value: { ...merged, results: merged.results.map(shown) }, kept: id });
        },
        (err: unknown) =>
          post({ type: 'failed', id, name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) }),
      )
      .finally(() => {
        cancelled.delete(id);
        running--;
        if (running === 0) resume?.();
      });
  };

  return {
    handle,
    setPeer: (p) => {
      peer = p;
    },
    get preparedKey() {
      return prepared?.key;
    },
  };
}
