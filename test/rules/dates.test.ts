import { compareDates } from '../../src/rules';
import { brief, issuesOf, submission } from './helpers';

const LATE = { asOf: '2019-12-31', stage: 'committee' } as const;

describe('compareDates', () => {
  test.each<[string, string, number]>([
    ['2019-04-30', '2019-05-01', -1],
    ['2019-05', '2019-04-30', 1],
    ['2019-04', '2019-04-30', 0],
    ['2019-04-30', '2019-04-30', 0],
  ])('%s vs %s → %i', (a, b, r) => expect(compareDates(a, b)).toBe(r));
});

describe('date-late', () => {
  test('附件2 dated 4月30日 is on time', () => {
    expect(brief('date-late', submission('application', { date: '2019-04-30', tableDate: null }), LATE)).toEqual([]);
  });
  test('附件2 dated 5月1日 is late (notice 三(一))', () => {
    const issues = issuesOf('date-late', submission('application', { date: '2019-05-01', tableDate: null }), LATE);
    expect(issues.map((i) => [i.severity, i.field, i.cell])).toEqual([['warning', 'date', 'F3']]);
    expect(issues[0].message).toMatch(/2019年5月1日.*4月30日.*通知三\(一\)/);
  });
  test('附件2 dated only "2019年5月" is late, "2019年4月" is not', () => {
    expect(brief('date-late', submission('application', { date: '2019-05', tableDate: null }), LATE)).toHaveLength(1);
    expect(brief('date-late', submission('application', { date: '2019-04', tableDate: null }), LATE)).toEqual([]);
  });
  test('附件1 dated 5月31日 is on time', () => {
    expect(brief('date-late', submission('demonstration', { date: '2019-05-31', partyCommitteeOpinionDate: null }), LATE)).toEqual([]);
  });
  test('附件1 dated 6月1日 is late (notice 三(二))', () => {
    const issues = issuesOf('date-late', submission('demonstration', { date: '2019-06-01' }), LATE);
    expect(issues.map((i) => [i.severity, i.field, i.cell])).toEqual([['warning', 'date', 'H4']]);
    expect(issues[0].message).toMatch(/5月31日.*通知三\(二\)/);
  });
  test('the deadline is in the date\'s own year', () => {
    expect(brief('date-late', submission('application', { date: '2020-04-30', tableDate: null }), { asOf: '2020-12-31', stage: 'committee' })).toEqual([]);
  });
  test('no date → nothing (required reports it)', () => {
    expect(brief('date-late', submission('application', { date: null }), LATE)).toEqual([]);
  });
});

describe('date-future', () => {
  test('dated on the as-of day is fine', () => {
    expect(brief('date-future', submission('application', { date: '2019-04-28', tableDate: null }), { asOf: '2019-04-28', stage: 'filling' })).toEqual([]);
  });
  test('dated the day after as-of is a warning', () => {
    const issues = issuesOf('date-future', submission('application', { date: '2019-04-29', tableDate: null }), { asOf: '2019-04-28', stage: 'filling' });
    expect(issues.map((i) => [i.severity, i.field])).toEqual([['warning', 'date']]);
    expect(issues[0].message).toContain('2019年4月29日');
    expect(issues[0].message).toContain('2019年4月28日');
  });
  test('附件1 too', () => {
    expect(brief('date-future', submission('demonstration', { date: '2019-05-01' }), { asOf: '2019-04-30', stage: 'committee' })).toHaveLength(1);
  });
});

describe('table-date-mismatch (附件2)', () => {
  test('same date inside and in the header is fine', () => {
    expect(brief('table-date-mismatch', submission('application', { date: '2019-04-20', tableDate: '2019-04-20' }))).toEqual([]);
  });
  test('different dates → warning on tableDate', () => {
    const issues = issuesOf('table-date-mismatch', submission('application', { date: '2019-04-20', tableDate: '2019-04-21' }));
    expect(issues.map((i) => [i.severity, i.field, i.cell])).toEqual([['warning', 'tableDate', 'F4']]);
    expect(issues[0].message).toMatch(/表内申报时间（2019年4月21日）与表头申报时间（2019年4月20日）不一致/);
  });
  test('empty table date is fine', () => {
    expect(brief('table-date-mismatch', submission('application', { tableDate: null }))).toEqual([]);
  });
});
