/**
 * `wuhua review FILE_OR_DIR... --as 党委|工委 --opinion TEXT [--date DATE] [--opinions TABLE.xlsx]
 *  [--replace] [--include-errors] -o 报送包.xlsx [--roster 名册] [--by NAME] [--returns 退回清单.xlsx]`
 *
 * Batch 初核 (src/review): reads the inputs read-only (a 报送包 of the level below is
 * an input like any other), keeps one form per branch and form as the merge does,
 * writes the opinion into the ones without errors and sends them up in a 报送包; the
 * others are listed with ready-to-send 退回 messages. Exit 0 done, 2 usage (a bad date,
 * a table naming branches not in the review), 1 an output could not be written.
 */
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import { getForm } from '../forms';
import { REVIEW_USAGE } from '../i18n/cli';
import { levelZh, opinionTableZh, reviewCliZh, type LevelZh } from '../i18n/review';
import { Merger, type RosterEntry } from '../merge';
import { parseDate } from '../model/parse';
import type { CheckOptions } from '../model/types';
import { readOpinionTable, type TableOpinion } from '../review/opinionTable';
import { reviewSummary, unknownTableBranches } from '../review/review';
import type { ReviewLevel } from '../review/types';
import { intakeBytes } from '../workbook/xlsx/intake';
import { readWorkbook } from '../workbook/xlsx/read';
import { returnsBytes, reviewPackBytes } from '../workbook/xlsx/reviewPack';
import { parseArgs } from './args';
import { today } from './check';
import { collectInputs, outputNamedTwice, outputThatIsInput } from './files';
import { readInput } from './intakeFile';
import { readRosterOption } from './roster';
import { systemReason, usageError, writeFileAtomic, type CliIo } from './io';

const LEVELS: Record<string, LevelZh> = { 党委: '党委', 党总支: '党委', party: '党委', 工委: '工委', 市直工委: '工委', work: '工委' };
const LEVEL_ID: Record<LevelZh, ReviewLevel> = { 党委: 'party', 工委: 'work' };

/** A full date as clerks write it ("2019-04-28", "2019年4月28日", "2019.4.28") → "YYYY-MM-DD", else null. */
export function fullDate(s: string): string | null {
  const d = parseDate({ v: s.trim() });
  return d.value !== null && /^\d{4}-\d{2}-\d{2}$/.test(d.value) && !d.error ? d.value : null;
}

async function readBytes(path: string): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; reason: string }> {
  try {
    return { ok: true, bytes: new Uint8Array(await fs.readFile(path, { flag: 'r' })) };
  } catch (e) {
    return { ok: false, reason: systemReason(e, 'readFile') };
  }
}

export async function reviewCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    values: { '-o': 'out', '--output': 'out', '--as': 'as', '--opinion': 'opinion', '--date': 'date', '--opinions': 'table', '--roster': 'roster', '--by': 'by', '--returns': 'returns' },
    flags: { '--help': 'help', '-h': 'help', '--replace': 'replace', '--include-errors': 'includeErrors' },
  });
  const usage = REVIEW_USAGE;
  if (!args.ok) return usageError(io, args.error, usage);
  if (args.flags.has('help')) {
    io.stdout(usage);
    return 0;
  }
  const o = args.options;
  if (args.positionals.length === 0) return usageError(io, reviewCliZh.noInputs, usage);
  if (o.as === undefined) return usageError(io, reviewCliZh.missingLevel, usage);
  const levelZhName = LEVELS[o.as.trim()];
  if (!levelZhName) return usageError(io, reviewCliZh.badLevel(o.as), usage);
  const level = LEVEL_ID[levelZhName];
  if (o.opinion === undefined && o.table === undefined) return usageError(io, reviewCliZh.missingOpinion, usage);
  if (o.opinion !== undefined && o.opinion.trim() === '') return usageError(io, reviewCliZh.emptyOpinion, usage);
  const date = o.date === undefined ? today() : fullDate(o.date);
  if (date === null) return usageError(io, reviewCliZh.badDate(o.date!), usage);
  if (o.out === undefined) return usageError(io, reviewCliZh.missingOutput, usage);
  for (const [opt, v] of [['-o', o.out], ['--returns', o.returns]] as const) {
    if (v !== undefined && !/\.xlsx$/i.test(v)) return usageError(io, reviewCliZh.outputNotXlsx(opt, v), usage);
  }
  const levelName = levelZh[levelZhName].name;
  const reviewer = o.by?.trim() || levelName;

  let roster: RosterEntry[] | undefined;
  if (o.roster !== undefined) {
    const parsed = await readRosterOption(o.roster, io);
    if ('error' in parsed) return usageError(io, parsed.error, usage);
    roster = parsed.entries;
  }
  let table: TableOpinion[] | undefined;
  if (o.table !== undefined) {
    const read = await readBytes(o.table);
    if (!read.ok) return usageError(io, reviewCliZh.tableFailed(o.table, read.reason), usage);
    const grid = readWorkbook(read.bytes, o.table);
    if (!grid.ok) return usageError(io, reviewCliZh.tableFailed(o.table, opinionTableZh.unreadable(grid.reason)), usage);
    const parsed = readOpinionTable(grid.grid, level, levelName);
    if (!parsed.ok) return usageError(io, reviewCliZh.tableFailed(o.table, parsed.reason), usage);
    table = parsed.rows;
  }

  const inputs = await collectInputs(args.positionals);
  const outputs = [o.out, o.returns].filter((p): p is string => p !== undefined);
  const others = [o.roster, o.table].filter((p): p is string => p !== undefined);
  const isInput = outputThatIsInput(outputs, inputs, others);
  if (isInput !== null) return usageError(io, reviewCliZh.outputIsInput(isInput), usage);
  const twice = outputNamedTwice(outputs);
  if (twice !== null) return usageError(io, reviewCliZh.outputTwice(twice), usage);

  // Judged as at the filling stage: the opinion being written is not an error (see src/review).
  const opts: CheckOptions = { asOf: date, stage: 'filling' };
  const merger = new Merger({ asOf: date, roster });
  const fileHashes = new Map<string, string>();
  for (let n = 0; n < inputs.length; n++) {
    const input = inputs[n];
    const read = readInput(input);
    if (!read.ok) merger.add(read);
    else {
      fileHashes.set(input.file, createHash('sha256').update(read.bytes).digest('hex')); // native: ~30× the pure one (src/review/sha256.ts, for the pane)
      merger.add(await intakeBytes(read.bytes, input.file, opts, read.mtimeMs));
    }
    if ((n + 1) % 50 === 0) io.stderr(reviewCliZh.progress(n + 1, inputs.length) + '\n');
  }
  const summary = merger.finish();
  if (table) {
    const unknown = unknownTableBranches(summary, table);
    if (unknown.length > 0) return usageError(io, reviewCliZh.tableFailed(o.table!, opinionTableZh.unknownBranches(unknown)), usage);
  }

  const review = reviewSummary(summary, { level, opinion: o.opinion ?? null, date, table, replace: args.flags.has('replace'), includeErrors: args.flags.has('includeErrors'), reviewer });
  const lines = [
    reviewCliZh.closing({
      level: reviewer,
      date,
      files: summary.files,
      kept: summary.rows.length,
      packed: review.forms.length,
      written: review.counts.written,
      replaced: review.counts.replaced,
      kept_: review.counts.kept,
      none: review.counts.none,
      returned: review.returned.length,
      withErrors: review.forms.filter((f) => f.withErrors).length,
      rejected: summary.rejected.length,
      superseded: summary.duplicates.reduce((k, d) => k + d.superseded.length, 0),
    }),
  ];
  for (const r of review.returned) lines.push('', r.message);
  if (summary.rejected.length > 0) lines.push('');
  for (const r of summary.rejected) lines.push(reviewCliZh.rejectedLine(r.file, r.reason));
  io.stdout(lines.join('\n') + '\n');

  let failed = false;
  const write = async (path: string, what: string, make: () => Promise<Uint8Array>) => {
    let result: { ok: true } | { ok: false; reason: string };
    try {
      result = await writeFileAtomic(path, await make());
    } catch (e) {
      result = { ok: false, reason: e instanceof Error ? e.message : String(e) };
    }
    if (result.ok) io.stderr(reviewCliZh.wrote(what, path) + '\n');
    else {
      io.stderr(reviewCliZh.writeFailed(path, result.reason) + '\n');
      failed = true;
    }
  };
  await write(o.out, reviewCliZh.what.pack, async () => {
    const made = await reviewPackBytes(summary, review, { level, reviewer: o.by?.trim() ?? '', date, fileHashes });
    for (const x of made.overflow) io.stderr(reviewCliZh.overflow(x.branch, getForm(x.form).attachment, x.sheet) + '\n');
    return made.bytes;
  });
  if (o.returns !== undefined) await write(o.returns, reviewCliZh.what.returns, () => returnsBytes(review, { levelName: reviewer, date }));
  return failed ? 1 : 0;
}
