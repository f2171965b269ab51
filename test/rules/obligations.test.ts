import { applicationDue, mergeSubmissions, oneMonthAfter, type RosterEntry, type Summary } from '../../src/merge';
import { checkSubmission } from '../../src/rules';
import { months, okOne, sub } from '../merge/helpers';

const A = (name: string, date: string | null, more = {}) => okOne(sub('application', name, `${name}-2.xlsx`, { date, ...more }));
const P = (name: string, date: string | null = null) => okOne(sub('progress', name, `${name}-3.xlsx`, { date }));
const D = (name: string, date: string | null, more = {}) => okOne(sub('demonstration', name, `${name}-1.xlsx`, { date, ...more }));

function branch(s: Summary, name: string) {
  for (const g of s.obligations!.groups) for (const b of g.branches) if (b.name === name) return b;
  throw new Error(name);
}
const states = (s: Summary, name: string) => {
  const b = branch(s, name);
  return [b.forms.demonstration.state, b.forms.application.state, b.forms.progress.state];
};

describe('附件2 and 附件3: owed by 在职 branches not 已达标, by 4月30日 (notice 三(一))', () => {
  const roster: RosterEntry[] = [
    { name: '甲支部', parent: '一局党委' },
    { name: '乙支部', parent: '一局党委' },
    { name: '丙支部', parent: '一局党委', founded: '2019-04-15' },
    { name: '丁支部', parent: '一局党委', founded: '2019-03-31' },
    { name: '戊支部', parent: '一局党委', category: '离退休' },
    { name: '己支部', parent: '一局党委', status: '已达标' },
    { name: '庚支部', parent: '一局党委', status: '未达标' },
  ];
  const s = mergeSubmissions(
    [
      A('甲支部', '2019-04-30'), P('甲支部', '2019-04-30'), // the last day: on time
      A('乙支部', '2019-05-01'), P('乙支部'), // a day late; 附件3 without a date: sent
      A('丙支部', '2019-05-15'), P('丙支部', '2019-05-15'), // founded 4-15: due 5-15, on time
      A('丁支部', '2019-05-01'), P('丁支部', '2019-05-01'), // founded 3-31: due 4-30, late
    ],
    { asOf: '2019-06-01', roster },
  );

  test('due dates: 4月30日, or one month after founding when later', () => {
    expect([applicationDue('2019', undefined), applicationDue('2019', '2019-03-31'), applicationDue('2019', '2019-04-15'), applicationDue('2019', '2018-06-01')]).toEqual([
      '2019-04-30',
      '2019-04-30',
      '2019-05-15',
      '2019-04-30',
    ]);
    expect([oneMonthAfter('2019-01-31'), oneMonthAfter('2019-12-15')]).toEqual(['2019-02-28', '2020-01-15']);
  });

  test('4-30 is on time, 5-01 late; founded 4-15 is due 5-15, founded 3-31 is due 4-30', () => {
    expect(states(s, '甲支部')).toEqual(['not-required', 'sent', 'sent']);
    expect(states(s, '乙支部')).toEqual(['not-required', 'late', 'sent']);
    expect(states(s, '丙支部')).toEqual(['not-required', 'sent', 'sent']);
    expect(states(s, '丁支部')).toEqual(['not-required', 'late', 'late']);
  });

  test('离退休 and 已达标 owe neither; 未达标 owes both and is missing, overdue by the days since 4月30日', () => {
    expect(states(s, '戊支部')).toEqual(['not-required', 'not-required', 'not-required']);
    expect(states(s, '己支部')).toEqual(['not-required', 'not-required', 'not-required']);
    expect(states(s, '庚支部')).toEqual(['not-required', 'missing', 'missing']);
    expect(branch(s, '庚支部').forms.application.daysOverdue).toBe(32); // 4-30 → 6-01
  });

  test('未报送 lists only branches that owe and sent nothing', () => {
    expect(s.missing.map((m) => m.name)).toEqual(['庚支部']);
  });

  test('subtotals: owed, sent, late, missing, rate', () => {
    const g = s.obligations!.groups[0];
    expect(g.tally.application).toEqual({ owed: 5, sent: 2, late: 2, missing: 1, rate: 4 / 5 });
    expect(g.tally.progress).toEqual({ owed: 5, sent: 3, late: 1, missing: 1, rate: 4 / 5 });
  });
});

describe('附件1: each 上级党组织 without a 示范点 owes one by 5月31日 (notice 三(二))', () => {
  const roster: RosterEntry[] = [
    { name: '一支部', parent: '甲局机关党委', hasDemo: false },
    { name: '二支部', parent: '甲局机关党委' },
    { name: '三支部', parent: '乙局机关党委', hasDemo: true }, // has a 示范点: owes none
    { name: '四支部', parent: '丙医院党委' }, // none said: owes one
    { name: '五支部', parent: '丙医院党委' },
    { name: '六支部', parent: '工委直辖' }, // may apply, need not
  ];
  const run = (asOf: string, more: ReturnType<typeof D>[] = []) => mergeSubmissions(more, { asOf, roster });
  const demo = (s: Summary) => s.problems.filter((p) => p.rule === 'demonstration-missing').map((p) => [p.branch, p.severity]);

  test('a 党委 without a 示范点 and without any 附件1: warning up to 5-31, error from 6-01', () => {
    expect(demo(run('2019-05-31'))).toEqual([
      ['甲局机关党委', 'warning'],
      ['丙医院党委', 'warning'],
    ]);
    expect(demo(run('2019-06-01'))).toEqual([
      ['甲局机关党委', 'error'],
      ['丙医院党委', 'error'],
    ]);
  });

  test('one 附件1 from any of its branches is enough; a 党委 with a 示范点 and 工委直辖 owe none', () => {
    const s = run('2019-06-01', [D('二支部', '2019-05-20'), D('六支部', '2019-06-02')]);
    expect(demo(s)).toEqual([['丙医院党委', 'error']]);
    const groups = Object.fromEntries(s.obligations!.groups.map((g) => [g.parent, [g.owesDemonstration, g.tally.demonstration]]));
    expect(groups['甲局机关党委']).toEqual([true, { owed: 1, sent: 1, late: 0, missing: 0, rate: 1 }]);
    expect(groups['乙局机关党委']).toEqual([false, { owed: 0, sent: 0, late: 0, missing: 0, rate: null }]);
    expect(groups['工委直辖']).toEqual([false, { owed: 0, sent: 0, late: 1, missing: 0, rate: null }]);
    expect(states(s, '六支部')[0]).toBe('late'); // after 5-31
  });

  test('the problem names the 上级党组织 and cites the notice', () => {
    const p = run('2019-06-01').problems.find((x) => x.rule === 'demonstration-missing')!;
    expect(p).toMatchObject({ kind: 'obligation', form: 'demonstration', branch: '甲局机关党委' });
    expect(p.message).toMatch(/示范点创建申报表.*2019年5月31日.*通知三\(二\)/);
  });
});

describe('rules over a branch’s forms', () => {
  test('form-missing: 附件2 without 附件3 (and the reverse) is an error at the committee; both sent is fine', () => {
    const s = mergeSubmissions([A('甲支部', '2019-04-01'), P('乙支部'), A('丙支部', '2019-04-01'), P('丙支部')], { asOf: '2019-05-01' });
    const fm = s.problems.filter((p) => p.rule === 'form-missing').map((p) => [p.branch, p.form, p.severity]);
    expect(fm).toEqual([
      ['甲支部', 'application', 'error'],
      ['乙支部', 'progress', 'error'],
    ]);
    expect(s.problems.find((p) => p.rule === 'form-missing')!.message).toMatch(/附件3《市直机关党支部“五化”建设创建进度表》.*通知三\(一\)/);
    expect(s.rows.find((r) => r.branch === '甲支部')!.errors).toBe(1);
  });

  test('cross-form-mismatch: 党员人数 and 支委人数 of 附件1 and 附件2 compared, a warning on each form', () => {
    const s = mergeSubmissions(
      [D('甲支部', '2019-05-01', { memberCount: 12, committeeCount: 5 }), A('甲支部', '2019-04-01', { memberCount: 11, committeeCount: 5 }), P('甲支部'), D('乙支部', null, { memberCount: 9 }), A('乙支部', null, { memberCount: 9 }), P('乙支部')],
      { asOf: '2019-05-01' },
    );
    const cm = s.problems.filter((p) => p.rule === 'cross-form-mismatch').map((p) => [p.branch, p.form, p.field, p.severity]);
    expect(cm).toEqual([
      ['甲支部', 'demonstration', 'memberCount', 'warning'],
      ['甲支部', 'application', 'memberCount', 'warning'],
    ]);
  });

  test('month-done-future: a month after the as-of month marked done; the as-of month itself may be', () => {
    const p = sub('progress', '甲支部', 'p.xlsx', {}, { months: months(['已完成', '已完成', '已完成', '已完成', '已完成', '已完成', '未完成', null, null, null, null, '完成']) });
    const at = (asOf: string) => checkSubmission(p, { asOf, stage: 'committee' }).filter((i) => i.rule === 'month-done-future').map((i) => i.field);
    expect(at('2019-06-30')).toEqual(['months.12.status']);
    expect(at('2019-05-31')).toEqual(['months.6.status', 'months.12.status']);
    expect(at('2019-12-01')).toEqual([]);
  });
});

describe('without a roster, what could not be judged is said', () => {
  test('no roster: no obligations, and a sentence naming what is missing', () => {
    const s = mergeSubmissions([A('甲支部', '2019-04-01')], { asOf: '2019-05-01' });
    expect(s.obligations).toBeNull();
    expect(s.notJudged).toEqual([expect.stringMatching(/未提供名册.*demonstration-missing/)]);
  });

  test('a plain list: every name owes 附件2 and 附件3; the assumptions are said', () => {
    const s = mergeSubmissions([A('甲支部', '2019-04-01')], { asOf: '2019-05-01', roster: ['甲支部', '乙支部'] });
    expect(states(s, '乙支部')).toEqual(['not-required', 'missing', 'missing']);
    expect(s.notJudged.map((t) => t.split('：')[0])).toEqual(['名册没有“上级党组织”一列', '名册没有“类别”一列', '名册没有“达标情况”一列']);
  });
});
