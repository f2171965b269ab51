/**
 * The provenance sheet of a 报送包: per form, where it came from (file, sheet, SHA-256 of
 * that file, the branch's original file and sheet), who reviewed it and when, what was
 * done with the opinion, and checksums of its values as reviewed.
 *
 * Read back by the next level, these cells are display only: they never decide a
 * branch, a form or a value. The one use beyond display is the checksum — a form whose
 * values no longer match it gets an info issue naming the changed values; nothing is
 * rejected for it.
 */
import { getForm } from '../forms';
import { levelZh, reviewZh } from '../i18n/review';
import { cellText } from '../model/parse';
import { fileBaseName } from '../model/text';
import { cellKey, type CheckedSubmission, type Issue, type SheetGrid, type WorkbookGrid } from '../model/types';
import { changedValues, formChecksum, valueDigests } from './checksum';
import { LEVEL_FIELDS, type ReviewLevel, type ReviewedForm } from './types';

export const PROVENANCE_SHEET = reviewZh.provenanceSheet;

/** One row of the provenance sheet, as text (the order of reviewZh.provenanceHeaders after 序号). */
export interface ProvenanceRow {
  packSheet: string;
  branch: string;
  form: string;
  file: string;
  sheet: string;
  fileSha256: string;
  originFile: string;
  originSheet: string;
  level: string;
  reviewer: string;
  date: string;
  action: string;
  checksum: string;
  digests: string;
  chain: string;
  /** The branch's 上级党组织 when known: the organisation that did the 党委-level review. */
  parent: string;
}

const KEYS: (keyof ProvenanceRow)[] = ['packSheet', 'branch', 'form', 'file', 'sheet', 'fileSha256', 'originFile', 'originSheet', 'level', 'reviewer', 'date', 'action', 'checksum', 'digests', 'chain', 'parent'];
const CHAIN_SEPARATOR = '；';

/** The provenance rows of a review's forms (`sheets`: where each went in the pack). */
export function provenanceRows(
  forms: readonly ReviewedForm[],
  sheets: readonly string[],
  ctx: { level: ReviewLevel; reviewer: string; date: string; fileHashes: ReadonlyMap<string, string> },
): ProvenanceRow[] {
  const levelName = levelZh[ctx.level === 'party' ? '党委' : '工委'].name;
  return forms.map((f, i) => {
    const s = f.submission;
    const signed = s.fields[LEVEL_FIELDS[ctx.level].date];
    return {
      packSheet: sheets[i],
      branch: f.row.branch,
      form: getForm(s.form).attachment,
      file: fileBaseName(s.file),
      sheet: s.sheet,
      fileSha256: ctx.fileHashes.get(s.file) ?? '',
      originFile: s.origin?.file ?? fileBaseName(s.file),
      originSheet: s.origin?.sheet ?? s.sheet,
      level: levelName,
      reviewer: ctx.reviewer,
      date: f.action === 'written' || f.action === 'replaced' ? String(signed ?? ctx.date) : ctx.date,
      action: reviewZh.action[f.action] + (f.withErrors ? '（有错误，按要求仍上报）' : ''),
      checksum: formChecksum(s),
      digests: valueDigests(s),
      chain: (s.origin?.chain ?? []).join(CHAIN_SEPARATOR),
      parent: s.origin?.parent ?? (ctx.level === 'party' ? ctx.reviewer : ''),
    };
  });
}

/** The provenance table as rows of text, header first (what the sheet holds). */
export function provenanceTable(rows: readonly ProvenanceRow[]): string[][] {
  return [reviewZh.provenanceHeaders, ...rows.map((r, i) => [String(i + 1), ...KEYS.map((k) => r[k])])];
}

function text(sheet: SheetGrid, row: number, col: number): string {
  const c = sheet.cells.get(cellKey(row, col));
  return c ? (cellText(c) ?? '') : '';
}

/** The provenance rows of a workbook, keyed by pack sheet; null when it is not a 报送包. */
export function readProvenance(grid: WorkbookGrid): Map<string, ProvenanceRow> | null {
  const sheet = grid.sheets.find((s) => s.name === PROVENANCE_SHEET);
  if (!sheet) return null;
  const headers = reviewZh.provenanceHeaders;
  for (let row = 1; row <= Math.min(sheet.maxRow, 5); row++) {
    if (!headers.every((h, i) => text(sheet, row, i + 1) === h)) continue;
    const out = new Map<string, ProvenanceRow>();
    for (let r = row + 1; r <= sheet.maxRow; r++) {
      const rec = {} as ProvenanceRow;
      KEYS.forEach((k, i) => (rec[k] = text(sheet, r, i + 2)));
      if (rec.packSheet !== '' && !out.has(rec.packSheet)) out.set(rec.packSheet, rec);
    }
    return out;
  }
  return new Map();
}

/** The sheets of a 报送包 that hold no form: never searched for one. */
export function isPackRecordSheet(name: string): boolean {
  return name === PROVENANCE_SHEET || name === reviewZh.returnsSheet;
}

/**
 * A form read from a 报送包: its origin for display, and — when its values no longer
 * match the checksum recorded at review — an info issue naming what changed.
 */
export function withProvenance(sub: CheckedSubmission, packFile: string, rec: ProvenanceRow | undefined): CheckedSubmission {
  if (!rec) return sub;
  const chain = rec.chain === '' ? [] : rec.chain.split(CHAIN_SEPARATOR);
  chain.push(reviewZh.chainStep(rec.level, rec.reviewer, rec.date, fileBaseName(packFile)));
  const out: CheckedSubmission = { ...sub, origin: { file: rec.originFile || rec.file, sheet: rec.originSheet || rec.sheet, chain } };
  if (rec.parent !== '') out.origin!.parent = rec.parent;
  if (rec.checksum !== '' && rec.checksum !== formChecksum(sub)) {
    const issue: Issue = {
      rule: reviewZh.editedRule,
      severity: 'info',
      field: 'branchName',
      message: reviewZh.editedAfterReview(rec.reviewer || rec.level, rec.date, changedValues(sub, rec.digests)),
    };
    if (sub.cells.branchName) issue.cell = sub.cells.branchName;
    out.issues = [...sub.issues, issue];
  }
  return out;
}
