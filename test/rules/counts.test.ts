import { checkSubmission } from '../../src/rules';
import { brief, COMMITTEE, issuesOf, submission } from './helpers';

describe.each(['demonstration', 'application'] as const)('%s counts', (form) => {
  describe('member-count-min (条例第四条: 3 正式党员)', () => {
    test('党员 2 人 is an error on 党员人数', () => {
      expect(brief('member-count-min', submission(form, { memberCount: 2, committeeCount: 1 }))).toEqual([['error', 'memberCount', form === 'demonstration' ? 'B5' : 'B4']]);
    });
    test('党员 3 人 is accepted', () => {
      expect(brief('member-count-min', submission(form, { memberCount: 3, committeeCount: 1 }))).toEqual([]);
    });
    test('message names the field, the number and 条例第四条', () => {
      const [issue] = issuesOf('member-count-min', submission(form, { memberCount: 2, committeeCount: 1 }));
      expect(issue.message).toMatch(/党员人数（2）不足3人.*条例第四条/);
    });
  });

  describe('member-count-zongzhi (50 以上 → 党总支)', () => {
    test('党员 49 人 is accepted', () => {
      expect(brief('member-count-zongzhi', submission(form, { memberCount: 49 }))).toEqual([]);
    });
    test('党员 50 人 is a warning', () => {
      const issues = issuesOf('member-count-zongzhi', submission(form, { memberCount: 50 }));
      expect(issues.map((i) => i.severity)).toEqual(['warning']);
      expect(issues[0].message).toMatch(/党员人数（50）.*党总支部.*机关条例第六条/);
    });
  });

  describe('committee-size with 党员 ≥ 7 (条例第二十条)', () => {
    test.each<[number, number, string[]]>([
      [7, 2, ['error']],
      [7, 3, []],
      [12, 5, []],
      [12, 6, ['warning']],
      [12, 7, ['warning']],
      [12, 8, ['error']],
      [7, 0, ['error']],
    ])('党员 %i 人, 支委 %i 人 → %p', (members, committee, severities) => {
      expect(issuesOf('committee-size', submission(form, { memberCount: members, committeeCount: committee })).map((i) => i.severity)).toEqual(severities);
    });
    test('支委 9 人 message follows DOMAIN.md wording', () => {
      const [issue] = issuesOf('committee-size', submission(form, { memberCount: 20, committeeCount: 9 }));
      expect(issue.message).toContain('支委人数（9）超过7人：支部委员会一般由3至5人组成，最多不超过7人（条例第二十条）');
      expect(issue.field).toBe('committeeCount');
    });
    test('支委 2 人 with 党员 7 人: 不足3人 message', () => {
      expect(issuesOf('committee-size', submission(form, { memberCount: 7, committeeCount: 2 }))[0].message).toMatch(/支委人数（2）不足3人.*条例第二十条/);
    });
    test('党员 6 人 is not judged by committee-size', () => {
      expect(issuesOf('committee-size', submission(form, { memberCount: 6, committeeCount: 1 }))).toEqual([]);
    });
  });

  describe('committee-small-branch with 党员 < 7', () => {
    test('党员 6 人, 支委 3 人 is a warning', () => {
      expect(brief('committee-small-branch', submission(form, { memberCount: 6, committeeCount: 3 }))[0][0]).toBe('warning');
    });
    test('党员 6 人, 支委 2 人 (书记 + 副书记) is accepted', () => {
      expect(brief('committee-small-branch', submission(form, { memberCount: 6, committeeCount: 2 }))).toEqual([]);
    });
    test('党员 7 人, 支委 3 人 is not a small branch', () => {
      expect(brief('committee-small-branch', submission(form, { memberCount: 7, committeeCount: 3 }))).toEqual([]);
    });
  });

  describe('committee-exceeds-members', () => {
    test('支委 5 人 with 党员 4 人 is an error, and the size rules stay silent', () => {
      const issues = checkSubmission(submission(form, { memberCount: 4, committeeCount: 5 }), COMMITTEE).filter((i) => i.field === 'committeeCount');
      expect(issues.map((i) => [i.rule, i.severity])).toEqual([['committee-exceeds-members', 'error']]);
      expect(issues[0].message).toContain('支委人数（5）多于党员人数（4）');
    });
    test('支委 equal to 党员 (3 and 3) is not exceeding', () => {
      expect(brief('committee-exceeds-members', submission(form, { memberCount: 3, committeeCount: 3 }))).toEqual([]);
    });
  });

  test('a count that did not parse gives only count-not-number (no required, no count rules)', () => {
    const sub = submission(form, { memberCount: null });
    sub.parseIssues.push({ rule: 'count-not-number', severity: 'error', field: 'memberCount', cell: 'B4', message: 'x' });
    const rules = checkSubmission(sub, COMMITTEE).filter((i) => i.field === 'memberCount').map((i) => i.rule);
    expect(rules).toEqual(['count-not-number']);
  });

  test('counts are not checked on 附件3', () => {
    expect(checkSubmission(submission('progress'), COMMITTEE).filter((i) => /member|committee/.test(i.rule))).toEqual([]);
  });
});
