/**
 * The command line's per-file intake, on its own so the merge's worker threads
 * (src/cli/intakeWorker.ts) load only this and the reader, never the merge or the writers.
 */
import { readFileSync } from 'fs';
import { mergeCliZh } from '../i18n/merge';
import type { CheckOptions, IntakeResult } from '../model/types';
import { intakeBytes } from '../workbook/xlsx/intake';
import type { InputFile } from './files';
import { systemReason } from './io';

/**
 * One input, read-only, through intake; its bytes are garbage once this returns.
 * Read synchronously: files are taken one at a time anyway, and fs.promises.readFile
 * costs about 0.5 ms a file in FileHandle bookkeeping — more than reading the form.
 */
export async function intakeFile(input: InputFile, opts: CheckOptions): Promise<IntakeResult> {
  if (!input.ok) return { ok: false, file: input.file, reason: input.reason };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(input.file, { flag: 'r' });
  } catch (e) {
    return { ok: false, file: input.file, reason: mergeCliZh.cannotRead(systemReason(e, 'readFile')) };
  }
  return intakeBytes(bytes, input.file, opts, input.mtimeMs);
}
