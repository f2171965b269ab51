/**
 * Picked files → intake results, in the order picked, as fast as the browser allows.
 *
 * - Files are read in batches: one Blob of a batch's files, read once, instead of one
 *   read per file (in Chromium each read is a round trip to the browser process; read
 *   one by one they cost the worker about a millisecond each, a third of its time).
 * - With a Peer (the second worker, on a machine with more than two cores: client.ts) the batches are
 *   shared: each worker reads and checks the batches it takes, and the results are put
 *   back in input order here, so what the merge is given (Merger.add in input order) is
 *   exactly what one worker would have given it.
 */
import type { IntakeResult, Stage } from '../../model/types';
import { READER } from '../../i18n/reader';
import { tp } from '../../i18n/taskpane';
import { intakeBytes } from '../../workbook/xlsx/intake';
import { DEFAULT_READ_LIMITS } from '../../workbook/xlsx/read';
import { displayName, readBytes } from '../files';
import type { MergeProgress } from '../host';
import { BATCH_FILES } from './protocol';

/** Bytes in a batch (a batch is held whole while it is checked). */
export const BATCH_BYTES = 4 * 1024 * 1024;
/** At most this often a progress message (a few a second is all a person can read). */
export const PROGRESS_INTERVAL_MS = 250;
/**
 * Batches being read while one is checked (a merge's queue): two, so that a read that comes late (the page's,
 * when its thread is busy: readOnPage) seldom leaves the worker waiting. At most three batches
 * (BATCH_BYTES each) are held.
 */
const BATCHES_QUEUED = 2;
/** Batches the peer is given at a time: one to work on, one waiting, so it never idles on a round trip. */
const PEER_IN_FLIGHT = 2;

export interface IntakeOptions {
  asOf: string;
  stage: Stage;
}

export interface JobControl {
  onProgress?(p: MergeProgress): void;
  isCancelled?(): boolean;
  /** The other worker, when there is one (worker.ts). */
  peer?: Peer;
  /**
   * Reads the job's files at these indices as one run of bytes, on the page (client.ts), where
   * one Blob of many files costs the thread that makes it ~10 ms of waiting on the browser
   * (a 32-file batch, Chromium): the page idles through a merge, this worker does not.
   */
  readOnPage?(indices: readonly number[]): Promise<Uint8Array>;
  /** A file's result already made by reading ahead (readAhead), for these options; undefined: not made. */
  known?(file: File, opts: IntakeOptions): IntakeResult | undefined;
}

/** Another worker that checks a batch of files as intakeBatch does here. */
export interface Peer {
  /** Rejects with PeerGone when that worker is no more: its batches are then done here. */
  intake(files: readonly File[], opts: IntakeOptions): Promise<IntakeResult[]>;
}

export class PeerGone extends Error {}

/** Calls `report` at most every `intervalMs`, except when `force` (first and last). */
export function throttled(report: ((p: MergeProgress) => void) | undefined, intervalMs = PROGRESS_INTERVAL_MS) {
  let last = -Infinity;
  return (p: MergeProgress, force = false) => {
    if (!report) return;
    const now = Date.now();
    if (!force && now - last < intervalMs) return;
    last = now;
    report(p);
  };
}

/** How long the checking may run without letting messages in (a 取消 is a message to the worker). */
const YIELD_MS = 30;
/** The same for reading ahead (readAhead): a merge clicked meanwhile is a message, let in this soon. */
const AHEAD_YIELD_MS = 5;

/**
 * The next task, so that waiting messages are handled: checking a file awaits only promises
 * already settled (the batch was read ahead), which never lets a message in.
 */
function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    // Not setTimeout: browsers hold it back 4 ms once nested.
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * Lets waiting messages in (nextTask) once `everyMs` have passed since it last did: a promise to
 * await then, else undefined, and the caller goes on in the same task without an await.
 */
function messageBreaks(everyMs: number): () => Promise<void> | undefined {
  let last = Date.now();
  return () => (Date.now() - last < everyMs ? undefined : nextTask().then(() => void (last = Date.now())));
}

/** Consecutive files, [start, end): at most BATCH_FILES of them and BATCH_BYTES together, at least one. */
export function batchesOf(files: readonly File[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < files.length; i++) {
    if (i > start && (i - start >= BATCH_FILES || bytes + files[i].size > BATCH_BYTES)) {
      out.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += files[i].size;
  }
  if (files.length > start) out.push([start, files.length]);
  return out;
}

/** A picked file's bytes, or why there are none. */
export type Picked = { bytes: Uint8Array; reason?: undefined } | { bytes?: undefined; reason: string };

async function readOne(file: File): Promise<Picked> {
  try {
    return { bytes: await readBytes(file) };
  } catch {
    return { reason: tp.unreadableFile };
  }
}

/**
 * Reads files: one read for the lot (by `together`, given the indices of the files it is to
 * read, or here, as one Blob); should that fail (a file gone or changed since it was picked),
 * one by one, so that only the unreadable file is refused and named. A file larger than the
 * reader accepts is refused with that reason, unread (a 2 GB file would otherwise fail as
 * "unreadable": out of memory).
 */
export async function readFiles(files: readonly File[], together?: (indices: number[]) => Promise<Uint8Array>): Promise<Picked[]> {
  const limit = DEFAULT_READ_LIMITS.maxFileBytes;
  const out: Array<Picked | undefined> = files.map((f) => (f.size > limit ? { reason: READER.fileTooLarge(f.size, limit) } : undefined));
  const wantedAt = files.flatMap((_, i) => (out[i] === undefined ? [i] : []));
  const wanted = wantedAt.map((i) => files[i]);
  if (wanted.length > 1 && (together || typeof Blob === 'function')) {
    try {
      const all = await (together ? together(wantedAt) : readBytes(new Blob(wanted)));
      if (all.length === wanted.reduce((n, f) => n + f.size, 0)) {
        let at = 0;
        // Views, not copies: in Chromium each copy is an ArrayBuffer allocated and zeroed outside
        // V8's heap (~0.1–0.2 ms a file, traced). Nothing keeps a file's bytes after its intake, so
        // the batch (at most BATCH_BYTES) goes once its last file is checked.
        return files.map((f, i) => out[i] ?? { bytes: all.subarray(at, (at += f.size)) });
      }
    } catch {
      // one by one below
    }
  }
  return Promise.all(files.map((f, i) => out[i] ?? readOne(f)));
}

/** What a file's result is kept under while it is read ahead: its name in the results (with its folder), size and time, so a file picked again after it changed is read again. */
export function pickedKey(file: File): string {
  return `${displayName(file)}\u0000${file.size}\u0000${file.lastModified}`;
}

function checkPicked(file: File, picked: Picked, opts: IntakeOptions): Promise<IntakeResult> | IntakeResult {
  const name = displayName(file);
  if (!picked.bytes) return { ok: false, file: name, reason: picked.reason };
  return intakeBytes(picked.bytes, name, { asOf: opts.asOf, stage: opts.stage }, file.lastModified || undefined);
}

/**
 * Reads and checks files just picked, before a merge is asked for (serve.ts, `warm`), a batch
 * read at a time, handing each result to `keep`; stops between two files once `stop()` says so,
 * letting messages in every few milliseconds so that the merge's arrives at once. What it made,
 * the merge takes instead of reading those files again (JobControl.known).
 */
export async function readAhead(files: readonly File[], opts: IntakeOptions, keep: (file: File, r: IntakeResult) => void, stop: () => boolean): Promise<void> {
  const messageBreak = messageBreaks(AHEAD_YIELD_MS);
  for (const [start, end] of batchesOf(files)) {
    if (stop()) return;
    const picked = await readFiles(files.slice(start, end));
    for (let i = start; i < end; i++) {
      const pause = messageBreak();
      if (pause) await pause;
      if (stop()) return;
      keep(files[i], await checkPicked(files[i], picked[i - start], opts));
    }
  }
}

/** One batch, read and checked here (what a Peer runs for another worker). */
export async function intakeBatch(files: readonly File[], opts: IntakeOptions): Promise<IntakeResult[]> {
  const picked = await readFiles(files);
  const results: IntakeResult[] = [];
  for (let i = 0; i < files.length; i++) results.push(await checkPicked(files[i], picked[i], opts));
  return results;
}

/**
 * Reads and checks files, results in input order. Here: the next batches are read while one
 * is checked; the peer, if any, takes batches as it finishes them. Cancellation takes
 * effect between two files; the results so far (in order, without a gap) are returned.
 * A peer's failure fails the job, as it would have failed in one worker.
 */
export async function intakeFiles(
  files: readonly File[],
  opts: IntakeOptions,
  ctl: JobControl = {},
): Promise<{ results: IntakeResult[]; cancelled: boolean }> {
  const progress = throttled(ctl.onProgress);
  const total = files.length;
  const ranges = batchesOf(files);
  const slots: IntakeResult[][] = ranges.map(() => []);
  const complete = ranges.map(() => false);
  const part = (b: number) => files.slice(ranges[b][0], ranges[b][1]);
  const { readOnPage } = ctl;
  /** What reading ahead made of batch b's files (JobControl.known), by index in the batch. */
  const knownOf = (b: number): Array<IntakeResult | undefined> => part(b).map((f) => ctl.known?.(f, opts));
  /** Batch b's results when reading ahead made them all. */
  const allKnown = (b: number): IntakeResult[] | undefined => {
    const made = knownOf(b);
    return made.every((r) => r !== undefined) ? (made as IntakeResult[]) : undefined;
  };
  /** The files at these indices, read (on the page when it reads for this worker). */
  const readAt = (at: readonly number[]) =>
    readFiles(
      at.map((i) => files[i]),
      readOnPage && ((indices) => readOnPage(indices.map((k) => at[k]))),
    );
  /** Batches a peer took and could not do (it went away): done here. */
  const returned: number[] = [];
  let next = 0;
  let done = 0;
  let failed = false;
  const stopped = () => failed || ctl.isCancelled?.() === true;
  const claim = (): number | undefined => (returned.length > 0 ? returned.shift() : next < ranges.length ? next++ : undefined);

  progress({ done: 0, total, current: files[0] ? displayName(files[0]) : undefined }, true);

  const messageBreak = messageBreaks(YIELD_MS);
  const here = async () => {
    /** Batches being read: what was made ahead of each file, and the others' bytes, in the batch's order. */
    const queue: Array<{ b: number; made: Array<IntakeResult | undefined>; reading: Promise<Picked[]> }> = [];
    const readNext = () => {
      for (let b: number | undefined; queue.length < BATCHES_QUEUED && (b = claim()) !== undefined; ) {
        const start = ranges[b][0];
        const made = knownOf(b);
        const missing = made.flatMap((r, i) => (r ? [] : [start + i]));
        queue.push({ b, made, reading: missing.length > 0 ? readAt(missing) : Promise.resolve([]) });
      }
    };
    readNext();
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { b, made } = next;
      const picked = await next.reading;
      if (stopped()) return;
      readNext();
      const start = ranges[b][0];
      for (let i = 0, read = 0; i < made.length; i++) {
        const pause = messageBreak();
        if (pause) await pause;
        if (stopped()) return;
        const file = files[start + i];
        slots[b].push(made[i] ?? (await checkPicked(file, picked[read++], opts)));
        done++;
        progress({ done, total, current: files[start + i + 1] ? displayName(files[start + i + 1]) : undefined });
      }
      complete[b] = true;
    }
  };

  let peer = ctl.peer;
  const there = async () => {
    while (peer && !stopped()) {
      const b = claim();
      if (b === undefined) return;
      try {
        slots[b] = allKnown(b) ?? (await peer.intake(part(b), opts));
      } catch (e) {
        if (!(e instanceof PeerGone)) throw e;
        peer = undefined;
        returned.push(b);
        returned.sort((x, y) => x - y);
        return;
      }
      complete[b] = true;
      done += slots[b].length;
      progress({ done, total });
    }
  };

  const loops = [here(), ...(ctl.peer ? Array.from({ length: PEER_IN_FLIGHT }, there) : [])];
  try {
    await Promise.all(loops);
    // The peer went away after this worker had finished its own share.
    while (returned.length > 0 && !stopped()) await here();
  } catch (e) {
    failed = true; // the other loops stop at their next file or batch
    throw e;
  }

  const results: IntakeResult[] = [];
  for (let b = 0; b < ranges.length; b++) {
    for (const r of slots[b]) results.push(r);
    if (!complete[b]) break;
  }
  progress({ done: results.length, total }, true);
  return { results, cancelled: results.length < total };
}
