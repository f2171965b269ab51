/** `wuhua template <form> -o FILE.xlsx`, `wuhua template --all -o DIR`, and 下发 with --roster (./dispatch.ts). */
import { promises as fs } from 'fs';
import { join } from 'path';
import { FORMS, findForm } from '../forms';
import type { FormSpec } from '../forms/types';
import { CLI, TEMPLATE_USAGE } from '../i18n/cli';
import { rosterTemplateBytes } from '../workbook/xlsx/rosterTemplate';
import { templateBytes } from '../workbook/xlsx/template';
import { parseArgs } from './args';
import { dispatchCommand } from './dispatch';
import { systemReason, usageError, writeFileAtomic, type CliIo } from './io';

export const EXIT = { ok: 0, unwritable: 1, usage: 2 } as const;

/** The file name `--all` gives a form: its sheet name ("附件1 示范点创建申报表.xlsx"). */
export function templateFileName(form: FormSpec): string {
  return `${form.sheetName}.xlsx`;
}

/** The file name of the roster template when -o is a folder. */
const ROSTER_FILE = '名册.xlsx';

const formLabel = (f: FormSpec) => `${f.attachment} ${f.title.replace(/\n/g, '')}`;

export async function templateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, {
    values: { '-o': 'out', '--output': 'out', '--roster': 'roster', '--zip': 'zip', '--as-of': 'asOf' },
    flags: { '--all': 'all', '--force': 'force', '--help': 'help', '-h': 'help' },
  });
  if (!args.ok) return usageError(io, args.error, TEMPLATE_USAGE);
  if (args.flags.has('help')) {
    io.stdout(TEMPLATE_USAGE);
    return EXIT.ok;
  }
  const out = args.options.out;
  const all = args.flags.has('all');
  const { roster, zip, asOf } = args.options;
  if (roster !== undefined) return dispatchCommand({ positionals: args.positionals, all, roster, out, zip, asOf, force: args.flags.has('force') }, io);
  if (zip !== undefined || asOf !== undefined || args.flags.has('force')) return usageError(io, CLI.templateOnlyWithRoster, TEMPLATE_USAGE);
  if (!all && args.positionals.length === 0) return usageError(io, CLI.templateNoForm, TEMPLATE_USAGE);
  if (args.positionals.length > (all ? 0 : 1)) return usageError(io, CLI.templateTooMany, TEMPLATE_USAGE);
  if (!out) return usageError(io, all ? CLI.templateAllNeedsDir : CLI.templateNeedsOut, TEMPLATE_USAGE);

  if (all) {
    try {
      await fs.mkdir(out, { recursive: true });
    } catch (e) {
      io.stderr(CLI.cannotMakeDir(out, systemReason(e, 'write')));
      return EXIT.unwritable;
    }
    for (const form of FORMS) {
      const code = await writeTemplate(form, join(out, templateFileName(form)), io);
      if (code !== EXIT.ok) return code;
    }
    return EXIT.ok;
  }

  if (args.positionals[0] === 'roster') {
    const isDir = await fs.stat(out).then((s) => s.isDirectory(), () => false);
    const target = isDir ? join(out, ROSTER_FILE) : out;
    if (!/\.xlsx$/i.test(target)) return usageError(io, CLI.templateNotXlsx(out), TEMPLATE_USAGE);
    return writeBytes(target, await rosterTemplateBytes(), CLI.rosterTemplateLabel, io);
  }
  const form = findForm(args.positionals[0]);
  if (!form) return usageError(io, CLI.templateUnknownForm(args.positionals[0]), TEMPLATE_USAGE);
  // An existing folder as -o: the file goes inside it under the form's name.
  const isDir = await fs.stat(out).then((s) => s.isDirectory(), () => false);
  const target = isDir ? join(out, templateFileName(form)) : out;
  if (!/\.xlsx$/i.test(target)) return usageError(io, CLI.templateNotXlsx(out), TEMPLATE_USAGE);
  return writeTemplate(form, target, io);
}

async function writeTemplate(form: FormSpec, file: string, io: CliIo): Promise<number> {
  return writeBytes(file, await templateBytes(form), formLabel(form), io);
}

async function writeBytes(file: string, bytes: Uint8Array, label: string, io: CliIo): Promise<number> {
  const written = await writeFileAtomic(file, bytes);
  if (!written.ok) {
    io.stderr(CLI.cannotWrite(file, written.reason));
    return EXIT.unwritable;
  }
  io.stdout(CLI.templateWritten(file, label));
  return EXIT.ok;
}
