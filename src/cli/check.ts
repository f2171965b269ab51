/** `wuhua check FILE... [--json REPORT.json] [--as-of YYYY-MM-DD] [--stage filling|committee]`. */
import { promises as fs } from 'fs';
import { dirname, resolve } from 'path';
import { CHECK_USAGE, CLI } from '../i18n/cli';
import { buildReport } from '../model/report';
import type { CheckOptions, CheckedSubmission, Rejected, Stage } from '../model/types';
import { parseArgs } from './args';
import { collectInputs, outputThatIsInput } from './files';
import { emptyTally, formatResult, formatTally } from './format';
import { intakeFile } from './intakeFile';
import { systemReason, usageError, writeFileAtomic, writeReason, type CliIo } from './io';

/** Progress lines on stderr only when a run is long enough to need them. */
export const PROGRESS_MIN_FILES = 20;
export const PROGRESS_EVERY = 50;

/** Today in local time, "YYYY-MM-DD". */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export type CommonOptions = { ok: true; opts: CheckOptions } | { ok: false; error: string };

/** --as-of and --stage, shared by check (and usable by merge). */
export function checkOptionsFrom(options: Record<string, string>): CommonOptions {
  const asOf = options.asOf ?? today();
  if (!isIsoDate(asOf)) return { ok: false, error: CLI.badAsOf(asOf) };
  const stage = options.stage ?? 'committee';
  if (stage !== 'filling' && stage !== 'committee') return { ok: false, error: CLI.badStage(stage) };
  return { ok: true, opts: { asOf, stage: stage as Stage } };
}

export async function checkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    values: { '--json': 'json', '--as-of': 'asOf', '--stage': 'stage' },
    flags: { '--help': 'help', '-h': 'help' },
  });
  if (!args.ok) return usageError(io, args.error, CHECK_USAGE);
  if (args.flags.has('help')) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  if (args.positionals.length === 0) return usageError(io, CLI.checkNoFiles, CHECK_USAGE);
  const common = checkOptionsFrom(args.options);
  if (!common.ok) return usageError(io, common.error, CHECK_USAGE);
  const opts = common.opts;
  const json = args.options.json;

  const inputs = await collectInputs(args.positionals);
  if (json !== undefined) {
    // Never overwrite an input (however the path is spelled); fail before a long run when the report cannot be written.
    const target = resolve(json);
    if (outputThatIsInput([json], inputs) !== null) return usageError(io, CLI.jsonIsInput(json), CHECK_USAGE);
    const parentError = await fs.stat(dirname(target)).then(
      (st) => (st.isDirectory() ? undefined : { code: 'ENOTDIR' }),
      (e: unknown) => e,
    );
    const isDir = await fs.stat(target).then((st) => st.isDirectory(), () => false);
    if (parentError !== undefined || isDir) {
      const reason = isDir ? systemReason({ code: 'EISDIR' }) : writeReason(parentError, target);
      io.stderr(CLI.cannotWrite(json, reason));
      return 1;
    }
  }

  io.stdout(CLI.asOfLine(opts.asOf, opts.stage));
  const tally = emptyTally();
  const submissions: CheckedSubmission[] = [];
  const rejected: Rejected[] = [];
  const showProgress = inputs.length >= PROGRESS_MIN_FILES;
  for (let n = 0; n < inputs.length; n++) {
    const { result } = await intakeFile(inputs[n], opts);
    if (result.ok) submissions.push(...result.submissions);
    else rejected.push({ file: result.file, reason: result.reason });
    io.stdout(formatResult(result, tally));
    if (showProgress && ((n + 1) % PROGRESS_EVERY === 0 || n + 1 === inputs.length)) io.stderr(CLI.progress(n + 1, inputs.length));
  }
  io.stdout(formatTally(tally));

  if (json !== undefined) {
    const report = buildReport({ submissions, rejected });
    const written = await writeFileAtomic(json, JSON.stringify(report, null, 2) + '\n');
    if (!written.ok) {
      io.stderr(CLI.cannotWrite(json, written.reason));
      return 1;
    }
    io.stderr(CLI.jsonWritten(json));
  }
  return 0;
}
