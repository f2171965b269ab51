import { nonBranchEnding } from '../../src/rules';
import { brief, issuesOf, submission } from './helpers';

describe('required', () => {
  test('附件1: every required field empty → one error each, in form order', () => {
    const empty = { branchName: null, date: null, memberCount: null, committeeCount: null, secretaryName: null, contact: null, basicWork: null, highlights: null };
    expect(brief('required', submission('demonstration', empty)).map(([s, f]) => [s, f])).toEqual(
      ['branchName', 'date', 'memberCount', 'committeeCount', 'secretaryName', 'contact', 'basicWork', 'highlights'].map((f) => ['error', f]),
    );
  });
  test('附件2: plan and tableDate — tableDate is optional', () => {
    expect(brief('required', submission('application', { plan: null, tableDate: null }))).toEqual([['error', 'plan', 'B5']]);
  });
  test('附件3: only branchName', () => {
    expect(brief('required', submission('progress', { branchName: null }))).toEqual([['error', 'branchName', 'B3']]);
  });
  test('opinions are not required fields', () => {
    expect(brief('required', submission('application', { partyCommitteeOpinion: null, workCommitteeOpinion: null }))).toEqual([]);
  });
  test('message names the field', () => {
    expect(issuesOf('required', submission('demonstration', { secretaryName: null }))[0].message).toContain('「书记姓名」未填写');
  });
  test('a date that did not parse is not also reported as missing', () => {
    const sub = submission('application', { date: null });
    sub.parseIssues.push({ rule: 'date-invalid', severity: 'error', field: 'date', cell: 'F3', message: 'x' });
    expect(brief('required', sub)).toEqual([]);
  });
});

describe('contact-format (附件1)', () => {
  test.each(['13812345678', '0746-8221234', '0746-8221234转123', '(0746) 8221234-123', '+86 138 1234 5678'])('%s is accepted', (contact) => {
    expect(brief('contact-format', submission('demonstration', { contact }))).toEqual([]);
  });
  test.each(['8221234', '1381234567', '张三办公室'])('%s is a warning on 联系方式', (contact) => {
    const issues = issuesOf('contact-format', submission('demonstration', { contact }));
    expect(issues.map((i) => [i.severity, i.field, i.cell])).toEqual([['warning', 'contact', 'H5']]);
    expect(issues[0].message).toContain(contact);
  });
  test('empty contact is left to required', () => {
    expect(brief('contact-format', submission('demonstration', { contact: null }))).toEqual([]);
  });
});

describe('branch-name-kind', () => {
  test.each(['财政局机关党总支', '财政局机关总支部委员会', '财政局机关党委', '中共永州市财政局委员会', '财政局党总支部'])('%s → warning', (branchName) => {
    const issues = issuesOf('branch-name-kind', submission('application', { branchName }));
    expect(issues.map((i) => [i.severity, i.field, i.cell])).toEqual([['warning', 'branchName', 'B3']]);
  });
  test.each(['中共永州市财政局机关第一党支部委员会', '财政局机关第一党支部', '财政局离退休干部党支部', '财政局党总支第一支部'])('%s is a branch', (branchName) => {
    expect(brief('branch-name-kind', submission('progress', { branchName }))).toEqual([]);
  });
  test('the ending is named in the message', () => {
    expect(nonBranchEnding('财政局机关党总支')).toBe('党总支');
    expect(issuesOf('branch-name-kind', submission('demonstration', { branchName: '财政局机关党委' }))[0].message).toContain('以“党委”结尾');
  });
});
