/**
 * The figures of the 汇总 charts: 报送率 and 完成率 per 上级党组织 and the 12-month curve,
 * held against a hand count, with the boundaries: nothing owed, no month due, no 附件3.
 */
import { chartFigures, ratio } from '../../src/merge/charts';
import { mergeSubmissions, reminders, reminderMessages, remindersText, type RosterEntry } from '../../src/merge';
import { statusTable } from '../../src/workbook/xlsx/committeeSheets';
import { months, okOne, sub } from './helpers';

const A = '中共甲局机关委员会';
const B = '中共乙局机关委员会';
const roster: RosterEntry[] = [
  { name: '甲局第一党支部', parent: A, hasDemo: false },
  { name: '甲局第二党支部', parent: A },
  { name: '甲局第三党支部', parent: A, category: '离退休' },
  { name: '乙局第一党支部', parent: B, hasDemo: true, status: '已达标' },
];
const inputs = [
  // 甲一: both on time; months 1–4 done (as of 2019-06-10 five months are due).
  okOne(sub('application', '甲局第一党支部', 'a1/附件2.xlsx', { date: '2019-04-25' })),
  okOne(sub('progress', '甲局第一党支部', 'a1/附件3.xlsx', { date: '2019-04-25' }, { months: months(['完成', '完成', '完成', '完成']) })),
  // 甲二: 附件3 late, no 附件2; months 1, 2 and (in the future) 7 marked done.
  okOne(sub('progress', '甲局第二党支部', 'a2/附件3.xlsx', { date: '2019-05-06' }, { months: months(['完成', '完成', null, null, null, null, '完成']) })),
];
const summary = mergeSubmissions(inputs, { asOf: '2019-06-10', roster });

test('报送率 per 上级党组织 is the subtotal of 报送情况; 完成率 is due months done over due months', () => {
  const f = chartFigures(summary);
  // 甲局: 附件2 owed 2 (sent 1), 附件3 owed 2 (sent 1 + late 1), 附件1 owed 1 (missing): 3 of 5.
  // 乙局: its only branch is 已达标 and it has a 示范点: nothing owed → null ("—"), no division by zero.
  expect(f.groups).toEqual([
    { parent: A, submitted: { part: 3, whole: 5, rate: 3 / 5 }, completed: { part: 4 + 2, whole: 5 + 5, rate: 6 / 10 } },
    { parent: B, submitted: { part: 0, whole: 0, rate: null }, completed: { part: 0, whole: 0, rate: null } },
  ]);
  // The same figure as 报送情况's subtotal row of 甲局 (columns 应报 … 报送率).
  const table = statusTable(summary.obligations!, 't', (f) => f);
  const subtotal = [...table.rows].find((r) => r[1] === `小计：${A}`)!;
  expect([subtotal[8], (subtotal[9] as number) + (subtotal[10] as number), subtotal[12]]).toEqual([5, 3, 3 / 5]);
});

test('the 12-month curve: per month the branches with a 附件3 whose month is done; months from June on are not due', () => {
  const f = chartFigures(summary);
  expect(f.progressBranches).toBe(2);
  expect(f.months.map((m) => [m.month, m.done.part, m.done.whole, m.due])).toEqual([
    [1, 2, 2, true],
    [2, 2, 2, true],
    [3, 1, 2, true],
    [4, 1, 2, true],
    [5, 0, 2, true],
    [6, 0, 2, false],
    [7, 1, 2, false],
    ...[8, 9, 10, 11, 12].map((m) => [m, 0, 2, false]),
  ]);
});

test('boundaries: no roster → no groups; no 附件3 → every month null; January → no month due', () => {
  const none = chartFigures(mergeSubmissions([], { asOf: '2019-01-15' }));
  expect(none.groups).toEqual([]);
  expect(none.progressBranches).toBe(0);
  expect(none.months.every((m) => m.done.rate === null && !m.due)).toBe(true);
  expect(ratio(0, 0)).toEqual({ part: 0, whole: 0, rate: null });
  expect(ratio(2, 4).rate).toBe(0.5);
  // A 党委's own 附件3 is not a branch: not on the curve.
  const org = chartFigures(mergeSubmissions([okOne(sub('progress', A, 'org.xlsx', {}, { months: months(['完成']) }))], { asOf: '2019-03-01' }));
  expect(org.progressBranches).toBe(0);
});

test('催报 text: the messages in sending order, as remind --text writes them', () => {
  const list = reminders(summary.obligations!);
  const messages = reminderMessages(list);
  // To 甲局 (its 附件1 and 甲二's 附件2), then 甲二's own message.
  expect(messages).toHaveLength(2);
  expect(messages[0]).toMatch(/^中共甲局机关委员会：\n/);
  expect(messages[1]).toMatch(/^甲局第二党支部：\n[\s\S]*尚未报送附件2《市直机关党支部“五化”建设申报表》，已逾期41天/);
  const text = remindersText(list, '2019-06-10');
  expect(text.startsWith('催报通知（截至2019年6月10日）\n\n中共甲局机关委员会：')).toBe(true);
  expect(text).toContain('\n————————————————————\n\n甲局第二党支部：');
  expect(remindersText([], '2019-06-10')).toBe('催报通知（截至2019年6月10日）\n\n截至统计日，没有应报未报的表单。\n');
});
