import { FORMS } from '../../src/forms';
import type { Submission } from '../../src/model/types';
import { checkSubmission, RULES } from '../../src/rules';
import { COMMITTEE, goodMonths, submission } from './helpers';

describe('checkSubmission', () => {
  test.each(['demonstration', 'application', 'progress'] as const)('a correct %s has no issues at the committee', (form) => {
    expect(checkSubmission(submission(form), { asOf: '2019-04-28', stage: 'committee' })).toEqual([]);
  });

  test('parse issues are included and everything is ordered by field order, then months', () => {
    const sub: Submission = submission('application', { branchName: '财政局党委', memberCount: null, committeeCount: 9, partyCommitteeOpinion: null, partyCommitteeOpinionDate: null });
    sub.parseIssues.push({ rule: 'count-not-number', severity: 'error', field: 'memberCount', cell: 'B4', message: 'x' });
    expect(checkSubmission(sub, COMMITTEE).map((i) => [i.rule, i.field])).toEqual([
      ['branch-name-kind', 'branchName'],
      ['count-not-number', 'memberCount'],
      ['opinion-missing', 'partyCommitteeOpinion'],
    ]);
  });

  test('months issues follow the field issues, by month then column', () => {
    const months = goodMonths().filter((m) => m.month !== 12);
    months[1] = { ...months[1], goal: null };
    months[0] = { ...months[0], owner: null, status: null };
    const issues = checkSubmission(submission('progress', { branchName: null }, months), { asOf: '2019-03-10', stage: 'committee' });
    expect(issues.map((i) => [i.rule, i.field])).toEqual([
      ['required', 'branchName'],
      ['months-missing', 'months'],
      ['month-owner-missing', 'months.1.owner'],
      ['month-status-missing', 'months.1.status'],
      ['month-goal-missing', 'months.2.goal'],
      ['month-done-future', 'months.4.status'], // April done as of March 10
    ]);
  });

  test('the same input gives the same issues twice', () => {
    const sub = submission('demonstration', { memberCount: 60, committeeCount: 8, contact: '123' });
    expect(checkSubmission(sub, COMMITTEE)).toEqual(checkSubmission(sub, COMMITTEE));
  });

  test('every message is Chinese and every issue has a known rule id', () => {
    const sub = submission('demonstration', { memberCount: 2, committeeCount: 9, contact: '1', date: '2019-07-01', branchName: '某党委' });
    const ids = new Set(RULES.map((r) => r.id));
    for (const i of checkSubmission(sub, COMMITTEE)) {
      expect(ids.has(i.rule)).toBe(true);
      expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('RULES', () => {
  test('lists every rule of DOMAIN.md and the parse issues, each with forms and a Chinese description', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'count-not-number', 'date-invalid', 'date-incomplete', 'required', 'member-count-min', 'member-count-zongzhi', 'committee-exceeds-members',
        'committee-size', 'committee-small-branch', 'contact-format', 'date-late', 'date-future', 'table-date-mismatch', 'opinion-missing',
        'opinion-pending', 'opinion-undated', 'months-missing', 'months-duplicate', 'months-order', 'month-goal-missing', 'month-owner-missing',
        'month-status-missing', 'branch-name-kind',
      ]),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const formIds = FORMS.map((f) => f.id);
    for (const r of RULES) {
      expect(r.forms.length).toBeGreaterThan(0);
      for (const f of r.forms) expect(formIds).toContain(f);
      expect(r.describe).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
