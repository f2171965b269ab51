/**
 * One file in, its checked forms (or the reason it was refused) out — the same path
 * for the command line, the task pane's browser mode and the merge. Browser-safe: no
 * node built-ins, never throws.
 */
import { INTAKE } from '../../i18n/cli';
import { extractForms } from '../../model/extract';
import { normaliseForm } from '../../model/normalise';
import type { CheckOptions, CheckedSubmission, IntakeResult } from '../../model/types';
import { isPackRecordSheet, readProvenance, withProvenance } from '../../review/provenance';
import { checkSubmission } from '../../rules';
import { readWorkbook } from './read';

/** The last part of a path, "/" or "\" separated (the reader recognises "~$" lock files by it). */
export function fileBaseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export function intakeBytes(bytes: Uint8Array, file: string, opts: CheckOptions, fileTime?: number): IntakeResult {
  const read = readWorkbook(bytes, fileBaseName(file));
  if (!read.ok) return { ok: false, file, reason: read.reason };
  try {
    // A 报送包 (bin/wuhua review): its record sheets hold no form; each form gets its recorded origin.
    const provenance = readProvenance(read.grid);
    const grid = provenance ? { ...read.grid, sheets: read.grid.sheets.filter((s) => !isPackRecordSheet(s.name)) } : read.grid;
    const found = extractForms(grid);
    if (found.length === 0) return { ok: false, file, reason: INTAKE.noForm };
    const submissions: CheckedSubmission[] = found.map((x) => {
      const sub = normaliseForm(x, file, { date1904: read.grid.date1904 });
      const checked = { ...sub, issues: checkSubmission(sub, opts) };
      return provenance ? withProvenance(checked, file, provenance.get(sub.sheet)) : checked;
    });
    return fileTime === undefined ? { ok: true, file, submissions } : { ok: true, file, submissions, fileTime };
  } catch (e) {
    // A bug in one file's handling must not stop a run over a thousand files.
    return { ok: false, file, reason: INTAKE.failed(e instanceof Error ? e.message : String(e)) };
  }
}
