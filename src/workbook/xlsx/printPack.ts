/**
 * The print pack: every kept submission of a merge rendered into our template layout
 * (addFormSheet), one sheet per submission, each printing on one A4 page, so the
 * committee prints all completed forms in one go. A long text grows its box or prints
 * smaller (fit.ts); one too long even then is named in `overflow`. Each branch's forms
 * are together (packOrder). Browser-safe.
 */

import ExcelJS from 'exceljs';
import { getForm } from '../../forms';
import type { FormId } from '../../forms/types';
import { printPackZh } from '../../i18n/merge';
import { branchKey } from '../../merge/branch';
import type { Obligations } from '../../merge/obligations';
import type { Summary, SummaryRow } from '../../merge/types';
import { committeeZh } from '../../i18n/committee';
import { fitBoxes } from './fit';
import { withNormalFont } from './normalFont';
import { withFixedZipTimes } from './zipTimes';
import { addFormSheet, valueBoxes } from './template';

/** Excel's limit, in UTF-16 code units (what Excel and exceljs count). */
const MAX_SHEET_NAME = 31;
const ELLIPSIS = '…';

/**
 * `s` in at most `room` UTF-16 units. A longer name is cut from the middle, its start
 * and end kept with "…" between: branch names share long prefixes ("中共永州市…") and
 * differ at the end ("第一党支部" / "第二党支部"). Cut by code points, so a character
 * outside the BMP is never split.
 */
function fitMiddle(s: string, room: number): string {
  if (s.length <= room) return s;
  if (room <= ELLIPSIS.length) return '';
  const chars = [...s];
  const budget = room - ELLIPSIS.length;
  let headEnd = 0;
  let used = 0;
  while (headEnd < chars.length && used + chars[headEnd].length <= Math.floor(budget / 2)) used += chars[headEnd++].length;
  let tailStart = chars.length;
  while (tailStart > headEnd && used + chars[tailStart - 1].length <= budget) used += chars[--tailStart].length;
  return `${chars.slice(0, headEnd).join('').trimEnd()}${ELLIPSIS}${chars.slice(tailStart).join('').trimStart()}`;
}

/**
 * A valid, unique Excel sheet name: no []:*?/\ , no apostrophe (exceljs writes the
 * print area as 'name'!A1:B2 without doubling one, which breaks the defined name:
 * inner ones become ’, leading and trailing ones are dropped), at most 31 characters
 * (cut from the middle, see fitMiddle), not "History", unique ignoring case. `suffix`
 * is kept whole.
 */
export function sheetName(base: string, suffix: string, taken: Set<string>): string {
  const clean = base
    .replace(/[[\]:*?/\\\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .replace(/'/g, '’')
    .trim();
  for (let n = 1; ; n++) {
    const tail = n === 1 ? suffix : `${suffix}(${n})`;
    const head = fitMiddle(clean, MAX_SHEET_NAME - tail.length).trimEnd();
    let name = `${head}${tail}`.trim();
    if (name === '' || name.toLowerCase() === 'history') name = `Sheet${n}${tail}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** A value that does not print whole in the pack even in the smallest font. */
export interface PackOverflow {
  branch: string;
  form: FormId;
  sheet: string;
  /** A field id or "months.N.goal". */
  field: string;
}

export interface PrintPack {
  workbook: ExcelJS.Workbook;
  overflow: PackOverflow[];
  /** The sheet each row of the summary went to, in the summary's row order. */
  sheets: string[];
}

export interface PrintPackOptions {
  /**
   * 上级党组织 of a branch, keyed by branch name as a roster writes it (matched by
   * branchKey, so spelling variants find their entry). Branches are then grouped under
   * their 上级党组织 in roster order; branches without one come last. Default: the
   * merge's roster (rosterParents), so every caller — `merge --print-pack`, the page and
   * pane, the review's 报送包 — groups alike.
   */
  parents?: ReadonlyMap<string, string>;
}

/** Branch → 上级党组织 from a merge's roster (in roster order); none without a roster that names them. */
export function rosterParents(o: Obligations | null): Map<string, string> | undefined {
  const parents = new Map<string, string>();
  for (const g of o?.groups ?? []) {
    if (g.parent === '' || g.parent === committeeZh.notOnRosterGroup) continue;
    for (const b of g.branches) parents.set(b.name, g.parent);
  }
  return parents.size > 0 ? parents : undefined;
}

/**
 * The order sheets print in: each branch's 附件1/2/3 together (a branch's forms are one
 * bundle on the reviewer's desk), branches by their matching key (the summary's order),
 * under their 上级党组织 in roster order when `parents` gives it (branches without one
 * after those), forms without a branch name last, each on its own.
 */
export function packOrder(rows: readonly SummaryRow[], parents?: ReadonlyMap<string, string>): SummaryRow[] {
  const rankOfParent = new Map<string, number>();
  const rankOfBranch = new Map<string, number>();
  for (const [branch, parent] of parents ?? []) {
    if (!rankOfParent.has(parent)) rankOfParent.set(parent, rankOfParent.size);
    if (!rankOfBranch.has(branchKey(branch))) rankOfBranch.set(branchKey(branch), rankOfParent.get(parent)!);
  }
  const group = (r: SummaryRow) => (r.branchKey === '' ? rankOfParent.size + 1 : rankOfBranch.get(r.branchKey) ?? rankOfParent.size);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const byBranch = group(a.r) - group(b.r) || cmp(a.r.branchKey, b.r.branchKey);
      if (byBranch !== 0 || a.r.branchKey === '') return byBranch || a.i - b.i;
      return getForm(a.r.form).number - getForm(b.r.form).number || a.i - b.i;
    })
    .map((x) => x.r);
}

export function printPack(summary: Summary, opts: PrintPackOptions = {}): PrintPack {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'wuhua';
  wb.created = new Date(`${summary.asOf}T00:00:00Z`);
  wb.modified = wb.created;
  const taken = new Set<string>();
  const overflow: PackOverflow[] = [];
  const sheetOf = new Map<SummaryRow, string>();
  for (const row of packOrder(summary.rows, opts.parents ?? rosterParents(summary.obligations))) {
    const form = getForm(row.form);
    const name = sheetName(row.branch, ` ${form.attachment}`, taken);
    sheetOf.set(row, name);
    const fit = fitBoxes(form, valueBoxes(form, row.submission));
    addFormSheet(wb, form, { sheetName: name, values: row.submission, protect: false, fit });
    for (const box of fit.overflow) overflow.push({ branch: row.branch, form: form.id, sheet: name, field: box.key });
  }
  // The template's tag names point at one sheet each; a pack holds many forms of one
  // kind, and it is for printing, not for filling in: drop them.
  wb.definedNames.model = wb.definedNames.model.filter((n) => !/^WUHUA[._]/i.test(n.name));
  if (summary.rows.length === 0) {
    const ws = wb.addWorksheet(printPackZh.emptySheet);
    ws.getCell('A1').value = printPackZh.emptyNote;
    ws.getColumn(1).width = 40;
    ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1 };
  }
  return { workbook: wb, overflow, sheets: summary.rows.map((r) => sheetOf.get(r)!) };
}

/** The print pack's bytes (zip entries dated at the as-of date: the same merge gives the same file) and what does not fit. */
export async function printPackBytes(summary: Summary, opts: PrintPackOptions = {}): Promise<{ bytes: Uint8Array; overflow: PackOverflow[] }> {
  const pack = printPack(summary, opts);
  const written = await pack.workbook.xlsx.writeBuffer();
  const bytes = withNormalFont(written instanceof Uint8Array ? written : new Uint8Array(written as ArrayBuffer));
  return { bytes: withFixedZipTimes(bytes, pack.workbook.created), overflow: pack.overflow };
}
