import { getForm } from '../../src/forms';
import { firstCell } from '../../src/forms/address';
import type { FieldId, FormId, MonthKey } from '../../src/forms/types';
import type { CheckOptions, FieldValue, Issue, MonthEntry, Submission } from '../../src/model/types';
import { checkSubmission } from '../../src/rules';

/** A complete, correct submission of each form, dated 2019-04-20; tests change one thing. */
const GOOD: Record<FormId, Partial<Record<FieldId, FieldValue>>> = {
  demonstration: {
    branchName: '永州市财政局机关第一党支部',
    date: '2019-04-20',
    memberCount: 23,
    committeeCount: 5,
    secretaryName: '张三',
    contact: '13812345678',
    basicWork: '基础工作扎实',
    highlights: '特色亮点突出',
    partyCommitteeOpinion: '同意申报。',
    partyCommitteeOpinionDate: '2019-04-22',
    workCommitteeOpinion: '同意。',
    workCommitteeOpinionDate: '2019-04-25',
  },
  application: {
    branchName: '永州市财政局机关第一党支部',
    date: '2019-04-20',
    memberCount: 23,
    committeeCount: 5,
    tableDate: '2019-04-20',
    plan: '创建计划……',
    partyCommitteeOpinion: '同意申报。',
    partyCommitteeOpinionDate: '2019-04-22',
    workCommitteeOpinion: '同意。',
    workCommitteeOpinionDate: '2019-04-25',
  },
  progress: { branchName: '永州市财政局机关第一党支部' },
};

export function goodMonths(): MonthEntry[] {
  return Array.from({ length: 12 }, (_, i) => {
    const row = 5 + i;
    const cells = { goal: `B${row}`, problem: `C${row}`, owner: `D${row}`, status: `E${row}` } as Record<MonthKey, string>;
    // Done up to April (the as-of month of COMMITTEE); later months not yet (month-done-future).
    return { month: i + 1, goal: `${i + 1}月目标`, problem: null, owner: '组织委员', status: i < 4 ? '已完成' : null, row, cells };
  });
}

export function submission(form: FormId, change: Partial<Record<FieldId, FieldValue>> = {}, months?: MonthEntry[]): Submission {
  const spec = getForm(form);
  const fields = { ...GOOD[form], ...change };
  const cells: Partial<Record<FieldId, string>> = {};
  for (const f of spec.fields) {
    cells[f.id] = firstCell(f.cell);
    if (!(f.id in fields)) fields[f.id] = null;
  }
  const sub: Submission = { file: 'x.xlsx', sheet: spec.sheetName, form, via: 'tag', templateVersion: 1, fields, cells, parseIssues: [] };
  if (form === 'progress') sub.months = months ?? goodMonths();
  return sub;
}

export const COMMITTEE: CheckOptions = { asOf: '2019-04-28', stage: 'committee' };

/** The issues of one rule. */
export function issuesOf(rule: string, sub: Submission, opts: CheckOptions = COMMITTEE): Issue[] {
  return checkSubmission(sub, opts).filter((i) => i.rule === rule);
}

/** [severity, field, cell] of one rule's issues, for compact expectations. */
export function brief(rule: string, sub: Submission, opts: CheckOptions = COMMITTEE): [string, string, string | undefined][] {
  return issuesOf(rule, sub, opts).map((i) => [i.severity, i.field, i.cell]);
}
