/**
 * Batch 初核 (notice 三(一)): the 上级党委（党总支）— or the 市直工委 the same way — writes
 * its opinion and date into every kept 附件1/附件2 at once. Pure: a merged Summary in,
 * the forms for the 报送包 and the 退回清单 out; nothing is changed in place.
 *
 * - Errors are judged as at the filling stage: an empty opinion is what is being
 *   written, so `opinion-missing` never holds a form back. A form with any other error
 *   (附件3 included) goes to the 退回清单 unless `includeErrors`.
 * - An opinion already there is kept unless `replace`; such forms are counted.
 * - Per-branch opinions (and dates) from a table override the default; a table row
 *   may name its form, else it applies to the branch's 附件1 and 附件2.
 */
import { getForm } from '../forms';
import { reviewZh } from '../i18n/review';
import type { Summary, SummaryRow } from '../merge/types';
import { fileBaseName } from '../model/text';
import type { Issue } from '../model/types';
import type { TableOpinion } from './opinionTable';
import { LEVEL_FIELDS, type OpinionAction, type ReviewLevel, type ReviewResult, type ReviewedForm, type ReturnedForm } from './types';

export interface ReviewOptions {
  level: ReviewLevel;
  /** The default opinion; null when only the table gives opinions. */
  opinion: string | null;
  /** "YYYY-MM-DD": the opinion's date unless the table gives one. */
  date: string;
  table?: readonly TableOpinion[];
  replace?: boolean;
  includeErrors?: boolean;
  /** Who signs (for the 退回 message): the reviewing organisation, or the level's name. */
  reviewer: string;
}

/** The errors that hold a form back at review: every error but the opinion being written. */
export function blockingErrors(issues: readonly Issue[]): Issue[] {
  // form-missing is about the other form (not yet in): it is reported, and does not hold back the one that came.
  return issues.filter((i) => i.severity === 'error' && i.rule !== 'opinion-missing' && i.rule !== 'form-missing');
}

/** Table rows that match no kept form: the table names a branch that is not in this review. */
export function unknownTableBranches(summary: Summary, table: readonly TableOpinion[]): string[] {
  const keys = new Set(summary.rows.map((r) => `${r.form}\u0000${r.branchKey}`));
  const branches = new Set(summary.rows.map((r) => r.branchKey));
  const out: string[] = [];
  for (const t of table) {
    const known = t.form ? keys.has(`${t.form}\u0000${t.key}`) : branches.has(t.key);
    if (!known && !out.includes(t.name)) out.push(t.name);
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The 报送包 order: by branch (key), then the notice's form order. */
export function byBranch(a: SummaryRow, b: SummaryRow): number {
  return cmp(a.branchKey, b.branchKey) || getForm(a.form).number - getForm(b.form).number || cmp(a.submission.file, b.submission.file);
}

export function reviewSummary(summary: Summary, opts: ReviewOptions): ReviewResult {
  const { opinion: opField, date: dateField } = LEVEL_FIELDS[opts.level];
  const table = opts.table ?? [];
  const lookup = (row: SummaryRow): TableOpinion | undefined =>
    table.find((t) => t.key === row.branchKey && t.form === row.form) ?? table.find((t) => t.key === row.branchKey && t.form === undefined);

  const counts: Record<OpinionAction, number> = { written: 0, replaced: 0, kept: 0, none: 0, progress: 0 };
  const forms: ReviewedForm[] = [];
  const returned: ReturnedForm[] = [];
  for (const row of [...summary.rows].sort(byBranch)) {
    const errors = blockingErrors(row.submission.issues);
    if (errors.length > 0 && !opts.includeErrors) {
      const s = row.submission;
      returned.push({ row, errors, message: reviewZh.returnMessage(row.branch, row.form, fileBaseName(s.file), s.sheet, errors, opts.reviewer, opts.date) });
      continue;
    }
    const submission = { ...row.submission, fields: { ...row.submission.fields } };
    let action: OpinionAction;
    if (row.form === 'progress') action = 'progress';
    else {
      const fromTable = row.branchKey === '' ? undefined : lookup(row);
      const text = fromTable?.opinion ?? opts.opinion;
      const date = fromTable?.date ?? opts.date;
      const existing = submission.fields[opField];
      if (text === null || text.trim() === '') action = 'none';
      else if (existing !== null && existing !== undefined && existing !== '') {
        if (!opts.replace || (existing === text && submission.fields[dateField] === date)) action = 'kept';
        else action = 'replaced';
      } else action = 'written';
      if (action === 'written' || action === 'replaced') {
        submission.fields[opField] = text!.trim();
        submission.fields[dateField] = date;
      }
    }
    counts[action]++;
    forms.push({ row, submission, action, withErrors: errors.length > 0 });
  }
  return { forms, returned, counts };
}
