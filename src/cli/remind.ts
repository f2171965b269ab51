/**
 * `wuhua remind FILES_OR_DIR... --roster 名册 -o 催报.xlsx [--text 催报.txt] [--as-of]`:
 * the merge's obligations as a workbook (催报, 报送情况) and the messages as text.
 * Exit 0 done, 2 usage, 1 an output not writable. Inputs and the roster are only read.
 */
import ExcelJS from 'exceljs';
import { committeeSheetsZh, remindCliZh as z } from '../i18n/committee';
import { mergeCliZh } from '../i18n/merge';
import { Merger, reminders, remindersText } from '../merge';
import { reminderTable, statusTable } from '../workbook/xlsx/committeeSheets';
import { addTable, summaryShortPaths, workbookBytes, zhDate } from '../workbook/xlsx/summary';
import { summaryZh } from '../i18n/merge';
import { parseArgs } from './args';
import { collectInputs, outputNamedTwice, outputThatIsInput } from './files';
import { readRosterOption } from './roster';
import { usageError, writeFileAtomic, type CliIo } from './io';
import { canWriteInto, isIsoDate, today } from './merge';
import { intakeInOrder, poolWorkers } from './pool';

export async function remindCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    values: { '-o': 'out', '--output': 'out', '--roster': 'roster', '--as-of': 'asOf', '--text': 'text' },
    flags: { '--help': 'help', '-h': 'help' },
  });
  if (!args.ok) return usageError(io, args.error, z.usage);
  if (args.flags.has('help')) {
    io.stdout(z.usage);
    return 0;
  }
  const { out, roster: rosterPath, text } = args.options;
  if (args.positionals.length === 0) return usageError(io, z.noInputs, z.usage);
  if (rosterPath === undefined) return usageError(io, z.noRoster, z.usage);
  if (out === undefined) return usageError(io, z.missingOutput, z.usage);
  if (!/\.xlsx$/i.test(out)) return usageError(io, z.outputNotXlsx(out), z.usage);
  const asOf = args.options.asOf ?? today();
  if (!isIsoDate(asOf)) return usageError(io, mergeCliZh.badAsOf(asOf), z.usage);

  const roster = await readRosterOption(rosterPath, io);
  if ('error' in roster) return usageError(io, roster.error, z.usage);

  const inputs = await collectInputs(args.positionals);
  const outputs = [out, text].filter((p): p is string => p !== undefined);
  const isInput = outputThatIsInput(outputs, inputs, [rosterPath]);
  if (isInput !== null) return usageError(io, mergeCliZh.outputIsInput(isInput), z.usage);
  const twice = outputNamedTwice(outputs);
  if (twice !== null) return usageError(io, mergeCliZh.outputTwice(twice), z.usage);
  for (const o of outputs) {
    const w = await canWriteInto(o);
    if (!w.ok) {
      io.stderr(mergeCliZh.writeFailed(o, w.reason) + '\n');
      return 1;
    }
  }

  const merger = new Merger({ asOf, roster: roster.entries });
  // Read like merge's: on several cores for a long run (src/cli/pool.ts), added in input order.
  await intakeInOrder(inputs, { asOf, stage: 'committee' }, (r) => merger.add(r), { workers: poolWorkers(inputs.length) });
  const summary = merger.finish();
  const o = summary.obligations!;
  const list = reminders(o);
  const branches = list.reduce((n, p) => n + p.branches.length, 0);
  const forms = list.reduce((n, p) => n + p.branches.reduce((k, b) => k + b.forms.length, 0) + (p.demonstration ? 1 : 0), 0);
  io.stdout(z.closing(list.filter((p) => p.message !== null).length, branches, forms));
  for (const line of summary.notJudged) io.stdout(line + '\n');

  const wb = new ExcelJS.Workbook();
  wb.creator = 'wuhua';
  wb.created = new Date(`${asOf}T00:00:00Z`);
  wb.modified = wb.created;
  const day = zhDate(asOf);
  addTable(wb, reminderTable(o, summaryZh.title(committeeSheetsZh.reminders, day)));
  addTable(wb, statusTable(o, summaryZh.title(committeeSheetsZh.status, day), summaryShortPaths(summary)));
  let failed = false;
  const written = await writeFileAtomic(out, await workbookBytes(wb));
  if (written.ok) io.stderr(mergeCliZh.wrote(z.what.workbook, out) + '\n');
  else {
    io.stderr(mergeCliZh.writeFailed(out, written.reason) + '\n');
    failed = true;
  }
  if (text !== undefined) {
    const t = await writeFileAtomic(text, remindersText(list, asOf));
    if (t.ok) io.stderr(mergeCliZh.wrote(z.what.text, text) + '\n');
    else {
      io.stderr(mergeCliZh.writeFailed(text, t.reason) + '\n');
      failed = true;
    }
  }
  return failed ? 1 : 0;
}
