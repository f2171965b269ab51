/**
 * The figures behind the 汇总 tab's charts (issue 9 §6). Pure: a summary in, plain
 * numbers out; a rate whose denominator is zero is null (shown as "—", never NaN).
 *
 * - 报送率 per 上级党组织: forms sent (on time or late) over forms owed — the same figure
 *   as the group's subtotal in 报送情况 (overallTally: 附件2 and 附件3 per branch, 附件1
 *   once per group that owes one).
 * - 完成率 per 上级党组织: due months done over due months, over the 附件3 of its
 *   branches (as 进度 counts them: months before the as-of month are due).
 * - The 12-month curve: for each month, the share of branches that sent a 附件3 whose
 *   month is marked done; months from the as-of month on are not yet due.
 */
import { committeeZh } from '../i18n/committee';
import { overallTally } from './obligations';
import { monthsDue } from './progress';
import type { Summary } from './types';

export interface Ratio {
  part: number;
  whole: number;
  /** part / whole, null when whole is 0. */
  rate: number | null;
}

export interface GroupFigures {
  parent: string;
  /** 报送率: forms sent / forms owed. */
  submitted: Ratio;
  /** 完成率: due months done / due months, over the group's 附件3. */
  completed: Ratio;
}

export interface MonthFigure {
  /** 1..12 */
  month: number;
  /** Branches with this month marked done / branches that sent a 附件3. */
  done: Ratio;
  /** Whether the month was due at the as-of date. */
  due: boolean;
}

export interface ChartFigures {
  /** Per 上级党组织, in roster order; empty without a roster. */
  groups: GroupFigures[];
  months: MonthFigure[];
  /** Branches whose 附件3 the curve is drawn over. */
  progressBranches: number;
}

export function ratio(part: number, whole: number): Ratio {
  return { part, whole, rate: whole > 0 ? part / whole : null };
}

export function chartFigures(summary: Pick<Summary, 'asOf' | 'obligations' | 'progress'>): ChartFigures {
  const rows = summary.progress.filter((r) => r.kind === 'branch');
  const byKey = new Map(rows.map((r) => [r.branchKey, r]));
  const groups: GroupFigures[] = (summary.obligations?.groups ?? []).map((g) => {
    const t = overallTally(g.tally);
    let done = 0;
    let due = 0;
    for (const b of g.branches) {
      const p = byKey.get(b.key);
      if (!p) continue;
      done += p.doneCount;
      due += p.due;
    }
    return { parent: g.parent || committeeZh.noParentGroup, submitted: ratio(t.sent + t.late, t.owed), completed: ratio(done, due) };
  });
  const dueMonths = monthsDue(summary.asOf);
  const months = Array.from({ length: 12 }, (_, i): MonthFigure => ({
    month: i + 1,
    done: ratio(rows.filter((r) => r.done[i]).length, rows.length),
    due: i < dueMonths,
  }));
  return { groups, months, progressBranches: rows.length };
}
