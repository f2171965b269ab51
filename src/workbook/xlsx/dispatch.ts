/**
 * 下发's files (src/merge/dispatch.ts plans them): each the form's template with the
 * roster's facts already in its inputs — plain text cells, editable, read back like typed
 * values — and, for the page and `--zip`, one .zip holding them in their folders.
 * Browser-safe (exceljs + fflate).
 *
 * The blank template is drawn once per form (exceljs, ≈40 ms); each branch's copy only
 * puts its texts into the input cells of that sheet's XML, as inline strings — the way
 * our own sheet writer writes text, never a formula — and zips again (≈5× faster, which
 * is what a 市直工委 with 400 branches waits for). The inputs' addresses come from the
 * form's layout, as for every renderer.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type ZipOptions } from 'fflate';
import { firstCell } from '../../forms/address';
import { getForm } from '../../forms';
import type { FormId } from '../../forms/types';
import type { DispatchFile, DispatchPlan } from '../../merge/dispatch';
import { formLayout } from '../layout';
import { templateBytes } from './template';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** One input cell's XML, holding `text` as an inline string and keeping the cell's style. */
function textCell(ref: string, attrs: string, text: string): string {
  const clean = text.replace(NOT_XML, '');
  const escaped = clean.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]).replace(/\r/g, '&#13;');
  const keep = attrs.replace(/\s+t="[^"]*"/, '');
  return `<c r="${ref}"${keep} t="inlineStr"><is><t xml:space="preserve">${escaped}</t></is></c>`;
}

/** The sheet XML with `texts` (cell reference → text) in their cells; a cell not in the sheet is a bug of ours. */
export function fillCells(sheetXml: string, texts: ReadonlyMap<string, string>): string {
  let xml = sheetXml;
  for (const [ref, text] of texts) {
    const at = new RegExp(`<c r="${ref}"((?:\\s+[\\w:]+="[^"]*")*)\\s*(?:/>|>[\\s\\S]*?</c>)`);
    if (!at.test(xml)) throw new Error(`template has no cell ${ref}`);
    xml = xml.replace(at, (_whole, attrs: string) => textCell(ref, attrs, text));
  }
  return xml;
}

/**
 * Writes the prefilled templates of one run: each form's blank is made on first use and
 * kept for the run's other files.
 */
export function dispatchWriter(): (file: DispatchFile) => Promise<Uint8Array> {
  const blanks = new Map<FormId, Promise<{ parts: Record<string, Uint8Array>; sheet: string }>>();
  const blank = (form: FormId) => {
    let b = blanks.get(form);
    if (!b) {
      b = templateBytes(getForm(form)).then((bytes) => {
        const parts = unzipSync(bytes);
        const sheets = Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
        if (sheets.length !== 1) throw new Error(`template of ${form} has ${sheets.length} sheets`);
        return { parts, sheet: sheets[0] };
      });
      blanks.set(form, b);
    }
    return b;
  };
  return async (file) => {
    const { parts, sheet } = await blank(file.form);
    const inputs = formLayout(getForm(file.form)).inputs;
    const texts = new Map<string, string>();
    for (const [key, text] of Object.entries(file.values)) {
      const input = inputs.find((i) => i.key === key);
      if (!input) throw new Error(`no input ${key} in ${file.form}`);
      if (text) texts.set(firstCell(input.address), text);
    }
    return zipSync({ ...parts, [sheet]: strToU8(fillCells(strFromU8(parts[sheet]), texts)) }, { level: 6 });
  };
}

/**
 * Every file of the plan in one zip (names in UTF-8, flagged so: Windows' Explorer, WPS and
 * 7-Zip show the Chinese names). An .xlsx is compressed already: stored, not deflated again.
 * `onFile` is told after each file, for progress.
 */
export async function dispatchZipBytes(plan: DispatchPlan, onFile?: (done: number, file: DispatchFile) => void, mtime: Date = new Date()): Promise<Uint8Array> {
  const write = dispatchWriter();
  const entries: Record<string, [Uint8Array, ZipOptions]> = {};
  let done = 0;
  for (const f of plan.files) {
    entries[f.path] = [await write(f), { level: 0 }];
    onFile?.(++done, f);
  }
  return zipSync(entries, { mtime });
}
