/**
 * The JSON report of `check` and `merge` (DESIGN.md "JSON report"): plain data in a
 * fixed shape, so scripts can read it. Fields are the normalised values (every field
 * of the form present, empty is null); issues in the rules' stable order.
 */
import { getForm } from '../forms';
import type { FormId } from '../forms/types';
import type { CheckedSubmission, FieldValue, Rejected, Severity } from './types';

export interface JsonIssue {
  rule: string;
  severity: Severity;
  field: string;
  cell: string | null;
  message: string;
}

export interface JsonMonth {
  month: number | null;
  goal: string | null;
  problem: string | null;
  owner: string | null;
  status: string | null;
}

export interface JsonSubmission {
  file: string;
  sheet: string;
  form: FormId;
  branch: string | null;
  /** Only in a merge report: false when a later submission of the same branch and form superseded it. */
  latest?: boolean;
  fields: Record<string, FieldValue>;
  /** 附件3 only. */
  months?: JsonMonth[];
  issues: JsonIssue[];
  /** A form read from a 报送包: the branch's own file and sheet, and the reviews on the way (display only). */
  origin?: { file: string; sheet: string; chain: string[]; parent?: string };
}

export interface JsonDuplicate {
  branch: string;
  form: FormId;
  kept: string;
  superseded: string[];
}

export interface JsonReport {
  submissions: JsonSubmission[];
  rejected: Rejected[];
  duplicates: JsonDuplicate[];
  missing: string[];
}

export interface ReportInput {
  /** A merge passes `latest` (and may pass `branch`, its display name). */
  submissions: readonly (CheckedSubmission & { latest?: boolean; branch?: string | null })[];
  rejected: readonly Rejected[];
  duplicates?: readonly JsonDuplicate[];
  /** Roster names with no submission (plain names or roster entries). */
  missing?: readonly (string | { name: string })[];
}

function branchOf(sub: CheckedSubmission & { branch?: string | null }): string | null {
  if (sub.branch !== undefined) return sub.branch;
  const name = sub.fields.branchName;
  return typeof name === 'string' && name.trim() !== '' ? name : null;
}

export function jsonSubmission(sub: CheckedSubmission & { latest?: boolean; branch?: string | null }): JsonSubmission {
  const form = getForm(sub.form);
  const fields: Record<string, FieldValue> = {};
  for (const f of form.fields) fields[f.id] = sub.fields[f.id] ?? null;
  return {
    file: sub.file,
    sheet: sub.sheet,
    form: sub.form,
    branch: branchOf(sub),
    ...(sub.latest !== undefined ? { latest: sub.latest } : {}),
    fields,
    ...(form.months ? { months: (sub.months ?? []).map((m) => ({ month: m.month, goal: m.goal, problem: m.problem, owner: m.owner, status: m.status })) } : {}),
    issues: sub.issues.map((i) => ({ rule: i.rule, severity: i.severity, field: i.field, cell: i.cell ?? null, message: i.message })),
    ...(sub.origin ? { origin: { ...sub.origin, chain: [...sub.origin.chain] } } : {}),
  };
}

export function buildReport(input: ReportInput): JsonReport {
  return {
    submissions: input.submissions.map(jsonSubmission),
    rejected: input.rejected.map((r) => ({ file: r.file, reason: r.reason })),
    duplicates: (input.duplicates ?? []).map((d) => ({ branch: d.branch, form: d.form, kept: d.kept, superseded: [...d.superseded] })),
    missing: (input.missing ?? []).map((m) => (typeof m === 'string' ? m : m.name)),
  };
}
