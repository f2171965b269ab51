/**
 * `wuhua merge FILE_OR_DIR... -o SUMMARY.xlsx [--json REPORT.json] [--roster FILE]
 *  [--as-of YYYY-MM-DD] [--print-pack PACK.xlsx]`
 *
 * Files are read (read-only) by the main thread and, for a long run, worker threads
 * (src/cli/pool.ts), added to the merge in input order and released after intake, so
 * memory grows only with the submissions kept for the summary. Outputs are written to a temporary
 * name next to the target and renamed when complete. Exit 0 when the run completed
 * (problems and rejected files are reported, not fatal), 2 for a usage error, 1 when
 * an output could not be written.
 */
import { constants, promises as fs } from 'fs';
import { dirname, resolve } from 'path';
import { setFlagsFromString } from 'v8';
import { getForm } from '../forms';
import { mergeCliZh, printPackZh } from '../i18n/merge';
import { distinctBranches, Merger, type MergedSubmission, type RosterEntry, type Summary } from '../merge';
import { buildReport, jsonSubmission } from '../model/report';
import type { CheckOptions } from '../model/types';
import { writeSummary } from '../workbook/xlsx/summary';
import { parseArgs } from './args';
import { collectInputs, OutputGuard, outputNamedTwice, type InputFile } from './files';
import { processIo, systemReason, usageError, writeFileAtomic, writeStreamAtomic, type CliIo } from './io';
import { intakeInOrder, poolWorkers, startEarly, type IntakeWorkers } from './pool';
import { readRosterOption } from './roster';
import { FileSpill } from './spill';

/** Progress on stderr at most this often (ms), and once at the end. */
export const PROGRESS_INTERVAL_MS = 1000;
/** How many rejected files / missing branches the closing summary names; the rest are in the workbook. */
const LIST_MAX = 20;

/** Today in local time, "YYYY-MM-DD". */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * The JSON report (DESIGN.md shape, the same text as JSON.stringify(report, null, 2)),
 * produced one submission at a time: ten thousand submissions never become one
 * 40 MB string. `whole` gives a submission back with every value (a compact merge's
 * Merger.whole).
 */
export function* reportChunks(summary: Summary, whole: (s: MergedSubmission) => MergedSubmission = (s) => s): Generator<string> {
  yield '{\n  "submissions": [';
  let first = true;
  for (const sub of summary.submissions) {
    // Indented as the report's third level by JSON.stringify itself, inside two arrays that
    // are cut off again ("[\n  [\n    " and "\n  ]\n]"): no second pass over the text to indent it.
    const nested = JSON.stringify([[jsonSubmission(whole(sub))]], null, 2);
    yield (first ? '\n    ' : ',\n    ') + nested.slice(10, -6);
    first = false;
  }
  yield first ? '],\n' : '\n  ],\n';
  const rest = buildReport({ submissions: [], rejected: summary.rejected, duplicates: summary.duplicates, missing: summary.missing });
  const { submissions: _none, ...tail } = rest;
  yield JSON.stringify(tail, null, 2).slice(2) + '\n';
}

/**
 * Writes chunks to a temporary name next to `path`, then renames it: a reader never
 * sees half a file, and a failure leaves nothing behind.
 */
export function writeChunksAtomic(path: string, chunks: Iterable<string>): { ok: true } | { ok: false; reason: string } {
  return writeStreamAtomic(path, (put) => {
    for (const c of chunks) put(c);
  });
}

export async function canWriteInto(path: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const target = resolve(path);
  const self = await fs.stat(target).catch(() => undefined);
  if (self?.isDirectory()) return { ok: false, reason: systemReason({ code: 'EISDIR' }) };
  try {
    const parent = await fs.stat(dirname(target));
    if (!parent.isDirectory()) return { ok: false, reason: systemReason({ code: 'ENOTDIR' }) };
    await fs.access(dirname(target), constants.W_OK);
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: systemReason(e, 'write') };
  }
}

function closing(summary: Summary): string {
  const lines = [
    mergeCliZh.closing({
      files: summary.files,
      submissions: summary.submissions.length,
      kept: summary.rows.length,
      branches: distinctBranches(summary.rows),
      organisations: summary.total.organisations,
      unnamed: summary.total.unnamed,
      rejected: summary.rejected.length,
      duplicates: summary.duplicates.length,
      superseded: summary.duplicates.reduce((n, d) => n + d.superseded.length, 0),
      missing: summary.hasRoster ? summary.missing.length : null,
      errors: summary.total.errors,
      warnings: summary.total.warnings,
    }),
  ];
  lines.push(...summary.notJudged); // what could not be judged for want of a roster (or of its columns)
  if (summary.rejected.length > 0) {
    lines.push(mergeCliZh.rejectedHeader);
    for (const r of summary.rejected.slice(0, LIST_MAX)) lines.push(mergeCliZh.rejectedLine(r.file, r.reason));
    if (summary.rejected.length > LIST_MAX) lines.push(mergeCliZh.more(summary.rejected.length - LIST_MAX));
  }
  if (summary.missing.length > 0) {
    lines.push(mergeCliZh.missingHeader);
    for (const m of summary.missing.slice(0, LIST_MAX)) lines.push(mergeCliZh.missingLine(m.name));
    if (summary.missing.length > LIST_MAX) lines.push(mergeCliZh.more(summary.missing.length - LIST_MAX));
  }
  return lines.join('\n') + '\n';
}

/** Filled in when given (the benchmark): files read, time reading and checking them, total time. */
export interface MergeRunStats {
  files: number;
  ms: number;
  /** Finding the input files. */
  collectMs?: number;
  /** Reading and checking them, one at a time. */
  intakeMs?: number;
  /** Building the summary and writing the outputs. */
  writeMs?: number;
}

export async function mergeCommand(argv: readonly string[], io: CliIo, stats?: MergeRunStats): Promise<number> {
  const args = parseArgs(argv, {
    values: { '-o': 'out', '--output': 'out', '--json': 'json', '--roster': 'roster', '--as-of': 'asOf', '--print-pack': 'pack' },
    flags: { '--help': 'help', '-h': 'help' },
  });
  const usage = mergeCliZh.usage + '\n';
  if (!args.ok) return usageError(io, args.error, usage);
  if (args.flags.has('help')) {
    io.stdout(usage);
    return 0;
  }
  const { out, json, roster: rosterPath, pack } = args.options;
  if (args.positionals.length === 0) return usageError(io, mergeCliZh.noInputs, usage);
  if (out === undefined) return usageError(io, mergeCliZh.missingOutput, usage);
  for (const [opt, v] of [['-o', out], ['--print-pack', pack]] as const) {
    if (v !== undefined && !/\.xlsx$/i.test(v)) return usageError(io, mergeCliZh.outputNotXlsx(opt, v), usage);
  }
  const asOf = args.options.asOf ?? today();
  if (!isIsoDate(asOf)) return usageError(io, mergeCliZh.badAsOf(asOf), usage);
  const opts: CheckOptions = { asOf, stage: 'committee' };

  let roster: RosterEntry[] | undefined;
  if (rosterPath !== undefined) {
    const parsed = await readRosterOption(rosterPath, io);
    if ('error' in parsed) return usageError(io, parsed.error, usage);
    roster = parsed.entries;
  }

  if (io === processIo) leanHeap();
  // The workers load while the inputs are listed (src/cli/pool.ts); unref'd till the run begins.
  const early = io === processIo ? startEarly(args.positionals, opts, { onWorkerOnline: leanHeap }) : undefined;
  try {
    const collectStart = Date.now();
    // Listed while the workers load: a worker's isolate, once made, has set
    // --semi-space-growth-factor back to 2 (WorkerOptions.onWorkerOnline), and what the
    // listing keeps would then grow the young generation for good (peak +6–15 MB at 10,000
    // files), so the flag is set again as it goes (waiting for the workers first left this
    // thread idle ~0.1 s). Files in folders are not stat'ed: whoever reads one tells the
    // guard below its identity (ListOptions.statFiles).
    const inputs = await collectInputs(args.positionals, { onListed: early ? leanHeap : undefined, statFiles: false });
    if (stats) stats.collectMs = Date.now() - collectStart;
    // Outputs never overwrite an input (the roster is one), however the path is spelled:
    // checked by path (and the identity of the files listed with one) before a long run,
    // and by the identity of every file read before anything is written.
    const outputs = [out, json, pack].filter((p): p is string => p !== undefined);
    const guard = new OutputGuard(outputs).listed(inputs, rosterPath === undefined ? [] : [rosterPath]);
    if (guard.clash !== null) return usageError(io, mergeCliZh.outputIsInput(guard.clash), usage);
    const twice = outputNamedTwice(outputs);
    if (twice !== null) return usageError(io, mergeCliZh.outputTwice(twice), usage);
    for (const o of outputs) {
      const w = await canWriteInto(o);
      if (!w.ok) {
        io.stderr(mergeCliZh.writeFailed(o, w.reason) + '\n');
        return 1;
      }
    }

    // Memory flat in N: keep only what the summary reads; the JSON report's values wait in
    // a temporary file. The print pack prints every value of every kept form, so with
    // --print-pack the merge keeps them all.
    const spill = json !== undefined && pack === undefined ? new FileSpill() : undefined;
    try {
      const code = await mergeRun({ inputs, opts, io, stats, out, json, pack, early, guard, merger: new Merger({ asOf, roster, ...(pack === undefined ? { compact: { spill } } : {}) }) });
      return code === 'output-is-input' ? usageError(io, mergeCliZh.outputIsInput(guard.clash!), usage) : code;
    } finally {
      spill?.close();
    }
  } finally {
    await early?.close(); // a run that stopped before reading, or was too short for them
  }
}

/**
 * A merge is one long loop that makes much short-lived garbage (each file's XML) and keeps
 * little: V8's defaults (a young generation grown to 16 MB semi-spaces, an old generation
 * let grow up to four times what survives) make its peak resident memory grow with N for
 * no gain. Here the young generation stays at its initial size and the old one grows by
 * half what survives. Both flags are read at each collection, so setting them now takes
 * effect (measured on 10,000 files: peak 172 → 103 MB). Set before the inputs are listed:
 * listing 30,000 files had already grown the young generation to 32 MB, and it never
 * shrank (30,000 files: peak 183 → 125 MB). Only for the process's own run: a test
 * calling mergeCommand keeps its defaults.
 */
function leanHeap(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=50');
}

/**
 * A run read on one thread is short, and much of it is V8 optimising code it will not run
 * for long: V8 waits four times longer (in bytecode run) before it weighs a function for
 * optimisation. Measured on the idle machine, 1,000 files, 6 interleaved runs: wall 0.99 →
 * 0.94 s, CPU 1.43 → 1.12 s. Not for a run on several threads (10,000 files: 4.1 → 4.4 s),
 * where the optimised code pays for itself. Read by V8 whenever a budget is reset.
 */
function patientJit(): void {
  setFlagsFromString('--interrupt-budget=270336');
}

/** Reads, merges and writes; 'output-is-input' when a file read is an output (guard.clash), before anything is written. */
async function mergeRun(run: {
  inputs: InputFile[];
  opts: CheckOptions;
  io: CliIo;
  stats?: MergeRunStats;
  out: string;
  json?: string;
  pack?: string;
  early?: IntakeWorkers;
  guard: OutputGuard;
  merger: Merger;
}): Promise<number | 'output-is-input'> {
  const { inputs, opts, io, stats, out, json, pack, early, guard, merger } = run;
  const started = Date.now();
  let lastProgress = started;
  // Read on several cores when the run is long enough (src/cli/pool.ts); added in input order either way.
  const threads = poolWorkers(inputs.length);
  if (threads === 0) void early?.close(); // started for a folder that holds few files
  if (threads === 0 && io === processIo) patientJit();
  await intakeInOrder(
    inputs,
    opts,
    (result, n) => {
      merger.add(result); // the file's bytes are released here
      const now = Date.now();
      if (now - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = now;
        io.stderr(mergeCliZh.progress(n + 1, inputs.length, ((n + 1) * 1000) / Math.max(1, now - started)) + '\n');
      }
    },
    { workers: threads > 0 ? (early ?? threads) : 0, onWorkerOnline: io === processIo ? leanHeap : undefined, onRead: (id) => guard.read(id) },
  );
  if (guard.clash !== null) return 'output-is-input';
  const elapsed = Date.now() - started;
  if (stats) stats.intakeMs = elapsed;
  const files = inputs.length;
  inputs.length = 0; // read: their paths are in the submissions (a province's 100,000 entries are ~25 MB)
  io.stderr(mergeCliZh.progress(files, files, (files * 1000) / Math.max(1, elapsed)) + '\n');
  const writeStart = Date.now();
  const summary = merger.finish();

  const writes: { path: string; what: string; write: () => Promise<{ ok: true } | { ok: false; reason: string }> }[] = [
    { path: out, what: mergeCliZh.what.summary, write: async () => writeStreamAtomic(out, (put) => writeSummary(summary, put)) },
  ];
  if (json !== undefined) writes.push({ path: json, what: mergeCliZh.what.json, write: async () => writeChunksAtomic(json, reportChunks(summary, (s) => merger.whole(s))) });
  if (pack !== undefined) {
    writes.push({
      path: pack,
      what: mergeCliZh.what.pack,
      write: async () => {
        const { printPackBytes } = await import('../workbook/xlsx/printPack');
        const made = await printPackBytes(summary);
        for (const o of made.overflow) io.stderr(printPackZh.overflow(o.branch, getForm(o.form).attachment, o.sheet, o.field) + '\n');
        return writeFileAtomic(pack, made.bytes);
      },
    });
  }

  io.stdout(closing(summary));
  let failed = false;
  for (const w of writes) {
    let written: { ok: true } | { ok: false; reason: string };
    try {
      written = await w.write();
    } catch (e) {
      written = { ok: false, reason: e instanceof Error ? e.message : String(e) };
    }
    if (written.ok) io.stderr(mergeCliZh.wrote(w.what, w.path) + '\n');
    else {
      io.stderr(mergeCliZh.writeFailed(w.path, written.reason) + '\n');
      failed = true;
    }
  }
  if (stats) {
    stats.files = files;
    stats.ms = Date.now() - started;
    stats.writeMs = Date.now() - writeStart;
  }
  return failed ? 1 : 0;
}
