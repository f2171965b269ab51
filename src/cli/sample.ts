/**
 * `wuhua sample FILE_OR_DIR...|REPORT.json --seed TEXT (--rate P% | --count N)
 *  [--roster 名册.xlsx] -o 抽查名单.xlsx`: the year-end 抽查 (src/review/sample.ts).
 * The population is the branches whose 附件2 was kept (files, folders, 报送包 or a
 * merge --json report); the stratum is the 上级党组织 from the roster, else the one a
 * 报送包 records, else 未分组. Exit 0 done, 2 usage, 1 output not writable.
 */
import { readFileSync } from 'fs';
import { SAMPLE_USAGE } from '../i18n/cli';
import { summaryZh } from '../i18n/merge';
import { sampleCliZh, sampleZh } from '../i18n/review';
import { branchKey, displayName, Merger } from '../merge';
import type { CheckOptions } from '../model/types';
import { drawSample, parseRate, rosterStrata, type SampleCandidate, type SampleSize } from '../review/sample';
import { sampleBytes } from '../workbook/xlsx/sampleSheet';
import { parseArgs } from './args';
import { today } from './check';
import { collectInputs, outputThatIsInput } from './files';
import { intakeFile } from './intakeFile';
import { readRosterOption } from './roster';
import { systemReason, usageError, writeFileAtomic, type CliIo } from './io';

interface ReportLike {
  submissions?: { form?: unknown; branch?: unknown; latest?: unknown; file?: unknown; sheet?: unknown; origin?: { parent?: unknown } }[];
}

/** Candidates from a merge --json report: kept 附件2 with a branch name. */
export function candidatesFromReport(report: ReportLike, strata: ReadonlyMap<string, string>): SampleCandidate[] | null {
  if (!report || !Array.isArray(report.submissions)) return null;
  const out: SampleCandidate[] = [];
  for (const s of report.submissions) {
    if (s.form !== 'application' || s.latest === false || typeof s.branch !== 'string' || s.branch.trim() === '') continue;
    const branch = displayName(s.branch);
    const key = branchKey(branch);
    const parent = typeof s.origin?.parent === 'string' && s.origin.parent !== '' ? s.origin.parent : undefined;
    out.push({ branch, key, stratum: strata.get(key) ?? parent ?? sampleZh.ungrouped, source: summaryZh.source(String(s.file ?? ''), String(s.sheet ?? '')) });
  }
  return out;
}

export async function sampleCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    values: { '-o': 'out', '--output': 'out', '--seed': 'seed', '--rate': 'rate', '--count': 'count', '--roster': 'roster', '--as-of': 'asOf' },
    flags: { '--help': 'help', '-h': 'help' },
  });
  const usage = SAMPLE_USAGE;
  if (!args.ok) return usageError(io, args.error, usage);
  if (args.flags.has('help')) {
    io.stdout(usage);
    return 0;
  }
  const o = args.options;
  if (args.positionals.length === 0) return usageError(io, sampleCliZh.noInputs, usage);
  if (o.seed === undefined) return usageError(io, sampleCliZh.missingSeed, usage);
  if (o.seed.trim() === '') return usageError(io, sampleCliZh.emptySeed, usage);
  if (o.rate !== undefined && o.count !== undefined) return usageError(io, sampleCliZh.bothSizes, usage);
  let size: SampleSize;
  if (o.rate !== undefined) {
    const rate = parseRate(o.rate);
    if (rate === null) return usageError(io, sampleCliZh.badRate(o.rate), usage);
    size = { rate };
  } else if (o.count !== undefined) {
    if (!/^\s*\d+\s*$/.test(o.count) || Number(o.count) < 1) return usageError(io, sampleCliZh.badCount(o.count), usage);
    size = { count: Number(o.count) };
  } else return usageError(io, sampleCliZh.missingSize, usage);
  if (o.out === undefined) return usageError(io, sampleCliZh.missingOutput, usage);
  if (!/\.xlsx$/i.test(o.out)) return usageError(io, sampleCliZh.outputNotXlsx(o.out), usage);
  const asOf = o.asOf ?? today();

  let strata = new Map<string, string>();
  if (o.roster !== undefined) {
    const parsed = await readRosterOption(o.roster, io);
    if ('error' in parsed) return usageError(io, parsed.error, usage);
    strata = rosterStrata(parsed.entries); // a plain list gives no strata
    if (strata.size === 0) io.stderr(sampleCliZh.rosterWithoutParents(o.roster) + '\n');
  }

  const inputs = await collectInputs(args.positionals);
  const isInput = outputThatIsInput([o.out], inputs, o.roster === undefined ? [] : [o.roster]);
  if (isInput !== null) return usageError(io, sampleCliZh.outputIsInput(isInput), usage);

  let candidates: SampleCandidate[];
  const single = inputs.length === 1 && inputs[0].ok && /\.json$/i.test(inputs[0].file) ? inputs[0].file : undefined;
  if (single !== undefined) {
    let parsed: ReportLike;
    try {
      parsed = JSON.parse(readFileSync(single, 'utf8')) as ReportLike;
    } catch (e) {
      return usageError(io, sampleCliZh.badReport(single, e instanceof SyntaxError ? 'JSON 格式有误' : systemReason(e, 'readFile')), usage);
    }
    const found = candidatesFromReport(parsed, strata);
    if (found === null) return usageError(io, sampleCliZh.badReport(single, '其中没有 submissions 列表'), usage);
    candidates = found;
  } else {
    const opts: CheckOptions = { asOf, stage: 'committee' };
    const merger = new Merger({ asOf });
    for (const input of inputs) merger.add((await intakeFile(input, opts)).result);
    const summary = merger.finish();
    candidates = summary.rows
      .filter((r) => r.form === 'application' && r.branchKey !== '')
      .map((r) => ({
        branch: r.branch,
        key: r.branchKey,
        stratum: strata.get(r.branchKey) ?? r.submission.origin?.parent ?? sampleZh.ungrouped,
        source: summaryZh.source(r.submission.file, r.submission.sheet),
      }));
  }

  const draw = drawSample(candidates, o.seed, size);
  const lines = [sampleCliZh.closing(draw.population, draw.strata.length, draw.drawn, o.seed)];
  if (draw.population === 0) lines.push(sampleCliZh.noPopulation);
  for (const s of draw.strata) for (const c of s.candidates) if (c.drawn) lines.push(sampleCliZh.line(s.name, c.branch));
  io.stdout(lines.join('\n') + '\n');
  let written: { ok: true } | { ok: false; reason: string };
  try {
    written = await writeFileAtomic(o.out, await sampleBytes(draw, { seed: o.seed, size, asOf }));
  } catch (e) {
    written = { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  if (!written.ok) {
    io.stderr(sampleCliZh.writeFailed(o.out, written.reason) + '\n');
    return 1;
  }
  io.stderr(sampleCliZh.wrote(o.out) + '\n');
  return 0;
}
