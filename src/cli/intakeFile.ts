/**
 * The command line's per-file intake (check, merge, remind, review), on its own so the
 * merge's worker threads (src/cli/intakeWorker.ts) load only this and the reader, never
 * the merge or the writers.
 */
import { readFileSync } from 'fs';
import { CLI } from '../i18n/cli';
import type { CheckOptions, IntakeResult } from '../model/types';
import { intakeBytes } from '../workbook/xlsx/intake';
import type { InputFile } from './files';
import { systemReason } from './io';

/**
 * An input's bytes, read-only, or why it cannot be read (a rejected file). Read
 * synchronously: files are taken one at a time anyway, and fs.promises.readFile costs
 * about 0.5 ms a file in FileHandle bookkeeping — more than reading the form.
 */
export function readInput(input: InputFile): { ok: true; bytes: Uint8Array; mtimeMs: number } | { ok: false; file: string; reason: string } {
  if (!input.ok) return { ok: false, file: input.file, reason: input.reason };
  try {
    return { ok: true, bytes: readFileSync(input.file, { flag: 'r' }), mtimeMs: input.mtimeMs };
  } catch (e) {
    return { ok: false, file: input.file, reason: CLI.cannotRead(systemReason(e, 'readFile')) };
  }
}

/** One input through intake; its bytes are garbage once this returns. */
export async function intakeFile(input: InputFile, opts: CheckOptions): Promise<IntakeResult> {
  const read = readInput(input);
  return read.ok ? intakeBytes(read.bytes, input.file, opts, read.mtimeMs) : read;
}
