import type { FieldId, FormId } from '../../src/forms/types';
import type { CheckedSubmission, FieldValue, IntakeResult, Issue, MonthEntry } from '../../src/model/types';

/** A checked submission as intake would give it, built by hand. */
export function sub(
  form: FormId,
  branchName: string | null,
  file: string,
  fields: Partial<Record<FieldId, FieldValue>> = {},
  extra: { sheet?: string; issues?: Issue[]; months?: MonthEntry[] } = {},
): CheckedSubmission {
  const s: CheckedSubmission = {
    file,
    sheet: extra.sheet ?? '附件',
    form,
    via: 'tag',
    templateVersion: 1,
    fields: { branchName, ...fields },
    cells: { branchName: form === 'demonstration' ? 'C4' : 'C3', date: form === 'demonstration' ? 'G4' : 'F3', memberCount: 'B5' },
    parseIssues: [],
    issues: extra.issues ?? [],
  };
  if (extra.months) s.months = extra.months;
  return s;
}

export function ok(file: string, subs: CheckedSubmission[], fileTime?: number): IntakeResult {
  const r: IntakeResult = { ok: true, file, submissions: subs };
  if (fileTime !== undefined) r.fileTime = fileTime;
  return r;
}

export function okOne(s: CheckedSubmission, fileTime?: number): IntakeResult {
  return ok(s.file, [s], fileTime);
}

export function bad(file: string, reason = '不是 .xlsx 文件'): IntakeResult {
  return { ok: false, file, reason };
}

/** Twelve month rows with the given statuses (index 0 = 1月). */
export function months(statuses: (string | null)[]): MonthEntry[] {
  return Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    goal: `第${i + 1}月目标`,
    problem: null,
    owner: '支部书记',
    status: statuses[i] ?? null,
    row: 5 + i,
    cells: { goal: `B${5 + i}`, problem: `C${5 + i}`, owner: `D${5 + i}`, status: `E${5 + i}` },
  }));
}

export function issue(rule: string, severity: Issue['severity'], field = 'memberCount', cell = 'B5'): Issue {
  return { rule, severity, field, cell, message: `${rule} 的说明` };
}
