/**
 * A realistic committee run: 42 branches under three 党委 and 工委直辖, some owing, some
 * late, one 党委 (教育局) without any 附件1, plus a 党委's own form and one without a
 * branch name. `long: true` gives the branches full 25-character names and the files the
 * deep paths a clerk's download folder has (the print tests' worst case).
 */
import type { RosterEntry } from '../../src/merge';
import type { IntakeResult } from '../../src/model/types';
import { months, okOne, sub } from './helpers';

export const P1 = '中共永州市财政局机关委员会'; // no 示范点; one 附件1 on time
export const P2 = '中共永州市教育局机关委员会'; // no 示范点; no 附件1 at all
export const P3 = '中共永州市中心医院委员会'; // has a 示范点
export const DIRECT = '工委直辖';
export const AS_OF = '2019-06-10';

type Plan = 'both' | 'late' | 'only2' | 'none' | 'exempt';
export interface Branch {
  entry: RosterEntry;
  plan: Plan;
  demo?: boolean;
  date?: string;
}

export function committeeFixture(opts: { long?: boolean } = {}) {
  const name = (prefix: string, i: number) => (opts.long ? `中共永州市${prefix}第${i + 1}支部委员会` : `${prefix}第${i + 1}党支部`);
  const folder = opts.long ? 'D:/2019年党建工作/五化建设/各支部报送材料/' : '';
  function branches(parent: string, prefix: string, plans: Plan[], extra: Partial<RosterEntry>[] = []): Branch[] {
    return plans.map((plan, i) => ({ entry: { name: name(prefix, i), parent, ...(extra[i] ?? {}) }, plan }));
  }
  // 财政局: 12 branches — 1..5 both on time, 6 late, 7 only 附件2, 8 nothing, 9–10 离退休, 11–12 已达标.
  const b1 = branches(P1, '财政局机关', ['both', 'both', 'both', 'both', 'both', 'late', 'only2', 'none', 'exempt', 'exempt', 'exempt', 'exempt'], [
    { hasDemo: false }, {}, {}, {}, {}, {}, {}, {}, { category: '离退休' }, { category: '离退休' }, { status: '已达标' }, { status: '已达标' },
  ]);
  b1[0].demo = true; // 附件1 on 5-20
  // 教育局: 12 branches — 1..7 on time, 8–9 late, 10–11 nothing, 12 已达标.
  const b2 = branches(P2, '教育局机关', ['both', 'both', 'both', 'both', 'both', 'both', 'both', 'late', 'late', 'none', 'none', 'exempt'], [
    {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, { status: '已达标' },
  ]);
  // 中心医院: 10 branches — 1..8 on time, 9 founded 4-20 and sent 5-15 (due 5-20: on time), 10 nothing.
  const b3 = branches(P3, '中心医院', ['both', 'both', 'both', 'both', 'both', 'both', 'both', 'both', 'both', 'none'], [
    { hasDemo: true }, {}, {}, {}, {}, {}, {}, {}, { founded: '2019-04-20' }, {},
  ]);
  b3[8].date = '2019-05-15';
  // 工委直辖: 8 branches — 1..6 on time (1 also sends an 附件1 of its own accord), 7 nothing, 8 离退休.
  const b4 = branches(DIRECT, '市档案馆', ['both', 'both', 'both', 'both', 'both', 'both', 'none', 'exempt'], [{}, {}, {}, {}, {}, {}, {}, { category: '离退休' }]);
  b4[0].demo = true;
  const all = [...b1, ...b2, ...b3, ...b4];

  const extra = opts.long ? { secretaryName: '欧阳明', contact: '0746-8221234' } : {};
  const inputs: IntakeResult[] = [];
  for (const b of all) {
    const n = b.entry.name;
    const date = b.plan === 'late' ? '2019-05-06' : (b.date ?? '2019-04-25');
    const done = b.plan === 'late' ? ['完成', '完成', '完成'] : ['完成', '完成', '完成', '完成', '完成'];
    const dir = `${folder}${b.entry.parent}/${n}`;
    if (b.plan === 'both' || b.plan === 'late' || b.plan === 'only2') inputs.push(okOne(sub('application', n, `${dir}/附件2.xlsx`, { date, memberCount: 20, committeeCount: 5, ...extra })));
    if (b.plan === 'both' || b.plan === 'late') inputs.push(okOne(sub('progress', n, `${dir}/附件3.xlsx`, { date }, { months: months(done) })));
    if (b.demo) inputs.push(okOne(sub('demonstration', n, `${dir}/附件1.xlsx`, { date: '2019-05-20', memberCount: 20, committeeCount: 5, ...extra })));
  }
  // A 党委's own form and a form without a name: counted apart.
  inputs.push(okOne(sub('application', P1, `${folder}财政局党委/附件2.xlsx`, { date: '2019-04-25', memberCount: 260, committeeCount: 7 })));
  inputs.push(okOne(sub('application', null, `${folder}无名/附件2.xlsx`, { date: '2019-04-25', memberCount: 9, committeeCount: 3 })));
  return { all, inputs, roster: all.map((b) => b.entry), asOf: AS_OF };
}
