import type { Issue, MonthEntry } from '../../src/model/types';
import { checkSubmission, type RuleContext } from '../../src/rules';
import * as before_ from './fixtures/monthsBefore';
import { brief, goodMonths, issuesOf, submission } from './helpers';

const at = (asOf: string) => ({ asOf, stage: 'committee' as const });
const progress = (months: MonthEntry[]) => submission('progress', {}, months);
const JAN = at('2019-01-15');

describe('months-missing', () => {
  test('all twelve months → nothing', () => {
    expect(brief('months-missing', progress(goodMonths()), JAN)).toEqual([]);
  });
  test('month 3 missing → one error naming 3月份', () => {
    const issues = issuesOf('months-missing', progress(goodMonths().filter((m) => m.month !== 3)), JAN);
    expect(issues.map((i) => [i.severity, i.field])).toEqual([['error', 'months']]);
    expect(issues[0].message).toContain('缺少3月份');
  });
  test('a row in the month\'s place with an unreadable label is pointed at', () => {
    const months = goodMonths();
    months[3] = { ...months[3], month: null };
    expect(brief('months-missing', progress(months), JAN)).toEqual([['error', 'months', 'B8']]);
  });
  test('no month rows at all → one error', () => {
    expect(brief('months-missing', progress([]), JAN)).toEqual([['error', 'months', undefined]]);
  });
});

describe('months-duplicate and months-order', () => {
  test('month 5 twice → duplicate error at the second row', () => {
    const months = goodMonths();
    months[5] = { ...months[5], month: 5 };
    expect(brief('months-duplicate', progress(months), JAN)).toEqual([['error', 'months', 'B10']]);
    expect(brief('months-missing', progress(months), JAN)).toHaveLength(1);
  });
  test('months 2 and 3 swapped → one order warning at the first out-of-order row', () => {
    const months = goodMonths();
    [months[1].month, months[2].month] = [3, 2];
    const issues = issuesOf('months-order', progress(months), JAN);
    expect(issues.map((i) => [i.severity, i.cell])).toEqual([['warning', 'B7']]);
    expect(issues[0].message).toContain('2月份排在3月份之后');
  });
  test('in order → no order warning', () => {
    expect(brief('months-order', progress(goodMonths()), JAN)).toEqual([]);
  });
});

describe('month-goal-missing and month-owner-missing', () => {
  test('a month without 目标任务 → warning on months.N.goal', () => {
    const months = goodMonths();
    months[6] = { ...months[6], goal: null, owner: null };
    expect(brief('month-goal-missing', progress(months), JAN)).toEqual([['warning', 'months.7.goal', 'B11']]);
    expect(brief('month-owner-missing', progress(months), JAN)).toEqual([]);
  });
  test('a month with 目标任务 but no owner → warning on months.N.owner', () => {
    const months = goodMonths();
    months[0] = { ...months[0], owner: null };
    const issues = issuesOf('month-owner-missing', progress(months), JAN);
    expect(issues.map((i) => [i.severity, i.field, i.cell])).toEqual([['warning', 'months.1.owner', 'D5']]);
    expect(issues[0].message).toContain('责任部门或人员');
  });
});

describe('month-status-missing', () => {
  const noStatus = (): MonthEntry[] => goodMonths().map((m) => ({ ...m, status: null }));
  test.each<[string, string[]]>([
    ['2019-01-31', []],
    ['2019-02-01', ['months.1.status']],
    ['2019-04-30', ['months.1.status', 'months.2.status', 'months.3.status']],
    ['2019-12-31', Array.from({ length: 11 }, (_, i) => `months.${i + 1}.status`)],
  ])('as of %s → %p', (asOf, fields) => {
    expect(brief('month-status-missing', progress(noStatus()), at(asOf)).map((b) => b[1])).toEqual(fields);
  });
  test('a status filled for a past month → nothing for it', () => {
    const months = noStatus();
    months[0].status = '已完成';
    expect(brief('month-status-missing', progress(months), at('2019-03-01')).map((b) => [b[1], b[2]])).toEqual([['months.2.status', 'E6']]);
  });
});

describe('the month rules against their code before one list of first rows was shared (random tables)', () => {
  test('3,000 random month tables give the same issues', () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = <T>(list: readonly T[]) => list[rand(list.length)];
    const MONTHS = [null, null, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 5, 12];
    const TEXTS = [null, '目标', '已完成', '未完成', '进行中', '无', ' '];
    const before = [before_.monthsMissing, before_.monthsDuplicate, before_.monthsOrder, before_.monthGoalMissing, before_.monthOwnerMissing, before_.monthStatusMissing, before_.monthDoneFuture];
    const ids = new Set(before.map((r) => r.id));
    const key = (i: Issue) => JSON.stringify([i.rule, i.severity, i.field, i.cell, i.message]);
    for (let n = 0; n < 3000; n++) {
      const months: MonthEntry[] = Array.from({ length: rand(17) }, (_v, i) => {
        const row = 5 + i;
        const m: MonthEntry = { month: pick(MONTHS), goal: pick(TEXTS), problem: null, owner: pick(TEXTS), status: pick(TEXTS), row, cells: { goal: `B${row}`, problem: `C${row}`, owner: `D${row}`, status: `E${row}` } };
        if (rand(3)) m.labelCell = `A${row}`;
        return m;
      });
      const opts = at(pick(['2019-01-15', '2019-05-01', '2019-12-31']));
      const sub = progress(months);
      const ctx = { sub, opts } as unknown as RuleContext; // the rules before read only these
      const want = before.flatMap((r) => r.check(ctx)).map(key).sort();
      const got = checkSubmission(sub, opts).filter((i) => ids.has(i.rule)).map(key).sort();
      expect([n, got]).toEqual([n, want]);
    }
  });
});
