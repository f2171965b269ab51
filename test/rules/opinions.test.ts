import { brief, issuesOf, submission } from './helpers';

const FILLING = { asOf: '2019-04-28', stage: 'filling' } as const;
const COMMITTEE = { asOf: '2019-04-28', stage: 'committee' } as const;

describe.each(['demonstration', 'application'] as const)('%s opinions', (form) => {
  test('opinion-missing is an error at the committee', () => {
    const issues = issuesOf('opinion-missing', submission(form, { partyCommitteeOpinion: null, partyCommitteeOpinionDate: null }), COMMITTEE);
    expect(issues.map((i) => [i.severity, i.field, i.cell])).toEqual([['error', 'partyCommitteeOpinion', form === 'demonstration' ? 'B8' : 'B6']]);
    expect(issues[0].message).toMatch(/机关事业单位党委、党总支部意见.*未填写.*初核/);
  });
  test('opinion-missing is info while filling', () => {
    expect(brief('opinion-missing', submission(form, { partyCommitteeOpinion: null, partyCommitteeOpinionDate: null }), FILLING).map((b) => b[0])).toEqual(['info']);
  });
  test('opinion filled → no opinion-missing', () => {
    expect(brief('opinion-missing', submission(form), COMMITTEE)).toEqual([]);
  });
  test('opinion-pending: empty 市直工委意见 is info', () => {
    expect(brief('opinion-pending', submission(form, { workCommitteeOpinion: null, workCommitteeOpinionDate: null }), FILLING).map((b) => [b[0], b[1]])).toEqual([['info', 'workCommitteeOpinion']]);
    expect(brief('opinion-pending', submission(form), FILLING)).toEqual([]);
  });
  test('opinion-undated: opinion filled without a date → warning on its date field', () => {
    const issues = issuesOf('opinion-undated', submission(form, { partyCommitteeOpinionDate: null }));
    expect(issues.map((i) => [i.severity, i.field, i.cell])).toEqual([['warning', 'partyCommitteeOpinionDate', form === 'demonstration' ? 'B10' : 'B8']]);
    expect(issues[0].message).toContain('没有落款日期');
  });
  test('opinion-undated: date earlier than 申报时间 → warning', () => {
    const issues = issuesOf('opinion-undated', submission(form, { date: '2019-04-20', partyCommitteeOpinionDate: '2019-04-19' }));
    expect(issues.map((i) => i.field)).toEqual(['partyCommitteeOpinionDate']);
    expect(issues[0].message).toMatch(/落款日期（2019年4月19日）早于申报时间（2019年4月20日）/);
  });
  test('opinion-undated: same day as 申报时间 is fine', () => {
    expect(brief('opinion-undated', submission(form, { date: '2019-04-20', partyCommitteeOpinionDate: '2019-04-20', workCommitteeOpinionDate: '2019-04-20' }))).toEqual([]);
  });
  test('opinion-undated applies to 市直工委意见 too', () => {
    expect(brief('opinion-undated', submission(form, { workCommitteeOpinionDate: null })).map((b) => b[1])).toEqual(['workCommitteeOpinionDate']);
  });
  test('no opinion → no opinion-undated', () => {
    expect(brief('opinion-undated', submission(form, { partyCommitteeOpinion: null, partyCommitteeOpinionDate: null, workCommitteeOpinion: null, workCommitteeOpinionDate: null }))).toEqual([]);
  });
  test('an unreadable opinion date is only reported as date-invalid', () => {
    const sub = submission(form, { partyCommitteeOpinionDate: null });
    sub.parseIssues.push({ rule: 'date-invalid', severity: 'error', field: 'partyCommitteeOpinionDate', message: 'x' });
    expect(brief('opinion-undated', sub)).toEqual([]);
  });
});

test('附件3 has no opinions', () => {
  expect(brief('opinion-missing', submission('progress'))).toEqual([]);
});
