/**
 * 下发's files (src/merge/dispatch.ts plans them): each the form's template with the
 * roster's facts already in its inputs — written like typed values, editable, read back
 * as such — and, for the page and `--zip`, one .zip holding them in their folders.
 * Browser-safe (exceljs + fflate).
 */
import { zipSync, type ZipOptions } from 'fflate';
import { getForm } from '../../forms';
import type { DispatchFile, DispatchPlan } from '../../merge/dispatch';
import { templateBytes } from './template';

/** One prefilled template. */
export function dispatchTemplateBytes(file: DispatchFile): Promise<Uint8Array> {
  return templateBytes(getForm(file.form), { fields: file.values });
}

/**
 * Every file of the plan in one zip (names in UTF-8, flagged so: Windows' Explorer, WPS and
 * 7-Zip show the Chinese names). An .xlsx is compressed already: stored, not deflated again.
 * `onFile` is told after each file, for progress.
 */
export async function dispatchZipBytes(plan: DispatchPlan, onFile?: (done: number, file: DispatchFile) => void, mtime: Date = new Date()): Promise<Uint8Array> {
  const entries: Record<string, [Uint8Array, ZipOptions]> = {};
  let done = 0;
  for (const f of plan.files) {
    entries[f.path] = [await dispatchTemplateBytes(f), { level: 0 }];
    onFile?.(++done, f);
  }
  return zipSync(entries, { mtime });
}
