/**
 * One file in, its checked forms (or the reason it was refused) out — the same path
 * for the command line, the task pane's browser mode and the merge. Browser-safe: no
 * node built-ins, never throws (the promise never rejects).
 *
 * Asynchronous because a legacy file (.xls/.et/.ods) needs the legacy reader, which is
 * loaded with import() the first time one appears: a chunk of its own in the pane and
 * the page, a require() only then in the command line. An .xlsx never waits for it.
 */
import { INTAKE } from '../../i18n/cli';
import { extractForms } from '../../model/extract';
import { normaliseForm } from '../../model/normalise';
import type { CheckOptions, CheckedSubmission, IntakeResult } from '../../model/types';
import { isPackRecordSheet, readProvenance, withProvenance } from '../../review/provenance';
import { checkSubmission } from '../../rules';
import { READER } from '../../i18n/reader';
import { fileBaseName } from '../../model/text';
import { readWorkbook, type ReadResult } from './read';

type LegacyModule = typeof import('./legacy');
let legacyReader: Promise<LegacyModule> | undefined;
/** The legacy reader (SheetJS inside), loaded once, on the first legacy file. */
function loadLegacyReader(): Promise<LegacyModule> {
  // webpack: a chunk of its own; the command line's build (esbuild) and ts-jest: a deferred require.
  legacyReader ??= import(/* webpackChunkName: "legacy" */ './legacy').catch((e: unknown) => {
    legacyReader = undefined; // the next legacy file tries again
    throw e;
  });
  return legacyReader;
}

/** Any workbook we can read — .xlsx, or .xls/.et/.ods through the legacy reader — into a WorkbookGrid; never rejects. */
export async function readAnyWorkbook(bytes: Uint8Array, fileName?: string): Promise<ReadResult> {
  const read = readWorkbook(bytes, fileName);
  if (read.ok || !read.legacy) return read;
  let legacy: LegacyModule;
  try {
    legacy = await loadLegacyReader();
  } catch {
    return { ok: false, reason: READER.legacyUnavailable };
  }
  return legacy.readLegacy(bytes, read.legacy);
}

export async function intakeBytes(bytes: Uint8Array, file: string, opts: CheckOptions, fileTime?: number): Promise<IntakeResult> {
  const read = await readAnyWorkbook(bytes, fileBaseName(file));
  if (!read.ok) return { ok: false, file, reason: read.reason };
  try {
    // A 报送包 (bin/wuhua review): its record sheets hold no form; each form gets its recorded origin.
    const provenance = readProvenance(read.grid);
    const grid = provenance ? { ...read.grid, sheets: read.grid.sheets.filter((s) => !isPackRecordSheet(s.name)) } : read.grid;
    const found = extractForms(grid);
    if (found.length === 0) return { ok: false, file, reason: INTAKE.noForm };
    const submissions: CheckedSubmission[] = found.map((x) => {
      const sub = normaliseForm(x, file, { date1904: read.grid.date1904 });
      // The submission itself with its issues added last — the keys, in the order, of the copy
      // `{ ...sub, issues }` this was: nothing else holds sub, and the checks only read it. The
      // copy took a generic clone of every form (sub's shapes vary with its optional keys):
      // 0.3 % of a 1,000-file merge's instructions.
      const issues = checkSubmission(sub, opts);
      const checked = sub as CheckedSubmission;
      checked.issues = issues;
      return provenance ? withProvenance(checked, file, provenance.get(sub.sheet)) : checked;
    });
    return fileTime === undefined ? { ok: true, file, submissions } : { ok: true, file, submissions, fileTime };
  } catch (e) {
    // A bug in one file's handling must not stop a run over a thousand files.
    return { ok: false, file, reason: INTAKE.failed(e instanceof Error ? e.message : String(e)) };
  }
}
