/**
 * `wuhua template <form>... --roster 名册 -o 下发/ [--zip 下发.zip] [--force] [--as-of]`:
 * 下发 — every branch that owes a form gets its template with the roster's facts
 * prefilled (src/merge/dispatch.ts plans, src/workbook/xlsx/dispatch.ts writes), in one
 * folder per 上级党组织, and/or one zip of them.
 *
 * Nothing existing is replaced without --force: the folder may hold templates a clerk has
 * begun to fill. Everything is checked before the first file is written, so a refusal
 * leaves the disk as it was. The roster is only read. Exit 0 done, 1 not writable or
 * already there, 2 usage.
 */
import { promises as fs } from 'fs';
import { join, resolve } from 'path';
import { findForm, FORMS } from '../forms';
import type { FormId } from '../forms/types';
import { TEMPLATE_USAGE, CLI } from '../i18n/cli';
import { dispatchCliZh as z } from '../i18n/dispatch';
import { mergeCliZh } from '../i18n/merge';
import { planDispatch, type DispatchFile } from '../merge/dispatch';
import { dispatchWriter, dispatchZipBytes } from '../workbook/xlsx/dispatch';
import { isIsoDate, today } from './check';
import { outputThatIsInput } from './files';
import { readRosterOption } from './roster';
import { systemReason, usageError, writeFileAtomic, type CliIo } from './io';

/** At most this often a progress line. */
const PROGRESS_INTERVAL_MS = 250;

export interface DispatchArgs {
  positionals: readonly string[];
  all: boolean;
  roster: string;
  out?: string;
  zip?: string;
  force: boolean;
  asOf?: string;
}

const exists = (p: string) => fs.lstat(p).then(() => true, () => false);

export async function dispatchCommand(a: DispatchArgs, io: CliIo): Promise<number> {
  // Which forms: named ones (in any order, each once), or --all.
  const forms = new Set<FormId>();
  if (a.all) FORMS.forEach((f) => forms.add(f.id));
  for (const name of a.positionals) {
    if (name === 'roster') return usageError(io, z.notRosterForm, TEMPLATE_USAGE);
    const form = findForm(name);
    if (!form) return usageError(io, CLI.templateUnknownForm(name), TEMPLATE_USAGE);
    forms.add(form.id);
  }
  if (forms.size === 0) return usageError(io, CLI.templateNoForm, TEMPLATE_USAGE);

  // Where: -o a folder, -o x.zip, and/or --zip x.zip.
  let dir: string | undefined = a.out;
  let zip: string | undefined = a.zip;
  if (zip !== undefined && !/\.zip$/i.test(zip)) return usageError(io, z.zipNotZip(zip), TEMPLATE_USAGE);
  if (dir !== undefined && /\.zip$/i.test(dir)) {
    if (zip !== undefined) return usageError(io, z.zipAndDir, TEMPLATE_USAGE);
    zip = dir;
    dir = undefined;
  }
  if (dir === undefined && zip === undefined) return usageError(io, z.needsOut, TEMPLATE_USAGE);
  const asOf = a.asOf ?? today();
  if (!isIsoDate(asOf)) return usageError(io, mergeCliZh.badAsOf(asOf), TEMPLATE_USAGE);

  const roster = await readRosterOption(a.roster, io);
  if ('error' in roster) return usageError(io, roster.error, TEMPLATE_USAGE);

  const plan = planDispatch(roster.entries, [...forms], asOf);
  const target = (f: DispatchFile) => join(dir!, ...(f.folder ? [f.folder] : []), f.name);
  const outputs = [...(dir !== undefined ? plan.files.map(target) : []), ...(zip !== undefined ? [zip] : [])];

  const isRoster = outputThatIsInput(outputs, [], [a.roster]);
  if (isRoster !== null) return usageError(io, z.isRoster(isRoster), TEMPLATE_USAGE);
  if (!a.force) {
    const there: string[] = [];
    for (const o of outputs) if (await exists(o)) there.push(o);
    if (there.length > 0) {
      io.stderr(z.exists(there) + '\n');
      return 1;
    }
  }

  for (const note of plan.notes) io.stdout(note + '\n');
  if (plan.files.length === 0) return 0;

  let last = Date.now();
  const progress = (done: number, f: DispatchFile, force = false) => {
    const now = Date.now();
    if (!force && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    io.stderr(z.progress(done, plan.files.length, f.path) + '\n');
  };

  if (dir !== undefined) {
    const write = dispatchWriter();
    const made = new Set<string>();
    let done = 0;
    for (const f of plan.files) {
      const folder = f.folder ? join(dir, f.folder) : dir;
      if (!made.has(folder)) {
        try {
          await fs.mkdir(folder, { recursive: true });
        } catch (e) {
          io.stderr(CLI.cannotMakeDir(folder, systemReason(e, 'write')));
          return 1;
        }
        made.add(folder);
      }
      const file = target(f);
      const written = await writeFileAtomic(file, await write(f));
      if (!written.ok) {
        io.stderr(CLI.cannotWrite(file, written.reason));
        return 1;
      }
      done++;
      progress(done, f, done === plan.files.length);
    }
  }
  if (zip !== undefined) {
    const bytes = await dispatchZipBytes(plan, dir === undefined ? (done, f) => progress(done, f, done === plan.files.length) : undefined);
    const written = await writeFileAtomic(zip, bytes);
    if (!written.ok) {
      io.stderr(CLI.cannotWrite(zip, written.reason));
      return 1;
    }
  }
  // The summary: files per 上级党组织, then the total and where they are.
  const named = plan.folders.filter((f) => f.folder !== '');
  for (const f of named) io.stdout(z.folderLine(f.folder, f.files) + '\n');
  if (dir !== undefined) io.stdout(z.closing(plan.files.length, named.length, resolve(dir)) + '\n');
  if (zip !== undefined) io.stdout((dir === undefined ? z.closing(plan.files.length, named.length, resolve(zip)) : z.zipWritten(resolve(zip))) + '\n');
  return 0;
}
