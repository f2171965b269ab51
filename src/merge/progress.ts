/**
 * The 12-month matrix of 附件3.
 *
 * A month is *due* when it lies strictly before the as-of month of the as-of year
 * (附件3 carries no year of its own; it is read as the as-of year): at 2019-05-01,
 * months 1–4 are due. A month is *done* when its 完成情况 is written and does not
 * say that the work is not done: empty, "无/暂无/否/-/—/…", or text containing
 * 未完成, 未开展, 未启动, 未落实, 未实施, 未达到, 尚未, 没有完成, 没有开展, 待完成,
 * 待开展, 部分完成, 进行中, 推进中, 正在 are not done ("基本完成", "已完成",
 * "完成" and any description of what was done are done).
 */

import { isMonthDone } from '../model/monthDone';
import type { MonthEntry } from '../model/types';

export { isMonthDone };
import type { ProgressRow, ProgressTotals } from './types';

/** Months due at asOf: 1 .. (as-of month − 1). */
export function monthsDue(asOf: string): number {
  return Number(asOf.slice(5, 7)) - 1;
}

export function progressRow(
  base: { branch: string; branchKey: string; kind: ProgressRow['kind']; file: string; sheet: string; cell: string | null },
  months: readonly MonthEntry[] | undefined,
  asOf: string,
  /** Lists equal in content may be one list (a compact merge: most rows' status cells and done months read the same; their statuses seldom do). */
  share: <T>(key: string, make: () => T) => T = (_, make) => make(),
): ProgressRow {
  const statuses: (string | null)[] = new Array(12).fill(null);
  const statusCells: (string | null)[] = new Array(12).fill(null);
  const seen = new Array<boolean>(12).fill(false);
  for (const m of months ?? []) {
    if (m.month == null || m.month < 1 || m.month > 12 || seen[m.month - 1]) continue; // a doubled month: the first row counts (months-duplicate flags it)
    seen[m.month - 1] = true;
    statuses[m.month - 1] = m.status;
    statusCells[m.month - 1] = m.cells.status ?? null;
  }
  const done = statuses.map(isMonthDone);
  const due = monthsDue(asOf);
  const doneCount = done.slice(0, due).filter(Boolean).length;
  // Keys: JSON of the lists (null and text told apart).
  const kept = <T>(tag: string, list: T[]) => share(tag + JSON.stringify(list), () => list);
  // One literal with every key (no spread): all rows share one hidden class in V8.
  const { branch, branchKey, kind, file, sheet, cell } = base;
  return {
    branch,
    branchKey,
    kind,
    file,
    sheet,
    cell,
    statuses,
    statusCells: kept('c', statusCells),
    done: kept('d', done),
    due,
    doneCount,
    share: due > 0 ? doneCount / due : null,
  };
}

/** All rows together: done months over due months (not the mean of the shares, so each due month weighs the same). */
export function progressTotals(rows: readonly ProgressRow[]): ProgressTotals {
  let doneCount = 0;
  let due = 0;
  for (const r of rows) {
    doneCount += r.doneCount;
    due += r.due;
  }
  const branches = new Set(rows.filter((r) => r.kind === 'branch').map((r) => r.branchKey)).size;
  const count = (kind: ProgressRow['kind']) => rows.filter((r) => r.kind === kind).length;
  return { branches, organisations: count('organisation'), unnamed: count('unnamed'), doneCount, due, share: due > 0 ? doneCount / due : null };
}
