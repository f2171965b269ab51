/**
 * Merger.finish groups the sorted submissions into runs (one row per form and branch, a form
 * without a name on its own) and takes the rows in the order it makes them, without sorting
 * them again: on random merges, the rows are the groups an independent grouping finds, each
 * once, in form / branch key / file / sheet order, and the input order changes nothing.
 */
import { FORMS } from '../../src/forms';
import type { FormId } from '../../src/forms/types';
import { branchKey, Merger, type MergeOptions, type Summary } from '../../src/merge';
import type { CheckedSubmission, IntakeResult } from '../../src/model/types';
import { issue, ok, sub } from './helpers';
import { random } from '../fixtures/random';

const NAMES = [null, '中共甲局机关党支部', '中国共产党甲局机关支部', '乙局党支部', '乙局 党支部', '丙局党委', '丁局第一党支部', 'Ａ局党支部', 'A局党支部'];
const FORM_IDS: FormId[] = ['demonstration', 'application', 'progress'];

function randomResults(next: () => number): IntakeResult[] {
  const out: IntakeResult[] = [];
  const files = 1 + Math.floor(next() * 14);
  for (let f = 0; f < files; f++) {
    // Distinct files and, within a file, distinct sheets: no two submissions tie on every sort key.
    const file = `d${Math.floor(next() * 3)}/f${f}.xlsx`;
    const subs: CheckedSubmission[] = [];
    const n = 1 + Math.floor(next() * 3);
    for (let k = 0; k < n; k++) {
      const form = FORM_IDS[Math.floor(next() * 3)];
      const s = sub(form, NAMES[Math.floor(next() * NAMES.length)], file, { date: next() < 0.5 ? `2019-04-${10 + Math.floor(next() * 9)}` : null, memberCount: 5 + Math.floor(next() * 3) }, {
        sheet: ['附件', '附件2', '草稿'][k],
        issues: next() < 0.5 ? [issue('required', 'error'), issue('date-late', 'warning', 'date', 'F3')] : [],
      });
      if (next() < 0.15) s.hiddenSheet = true;
      subs.push(s);
    }
    out.push(ok(file, subs, Math.floor(next() * 3) * 1000));
  }
  return out;
}

const formNumber = (form: FormId) => FORMS.find((f) => f.id === form)!.number;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function summaryOf(results: readonly IntakeResult[], opts: MergeOptions): Summary {
  const m = new Merger(opts);
  for (const r of results) m.add(JSON.parse(JSON.stringify(r)) as IntakeResult);
  return m.finish();
}

describe('finish: groups and row order', () => {
  test.each([false, true])('300 random merges (compact %s): one row per group, in order, whatever the input order', (compact) => {
    const next = random(compact ? 5 : 9);
    const opts: MergeOptions = compact ? { asOf: '2019-05-01', compact: { spill: undefined } } : { asOf: '2019-05-01' };
    let superseded = 0;
    for (let t = 0; t < 300; t++) {
      const results = randomResults(next);
      const s = summaryOf(results, opts);
      // The groups, found independently of finish.
      const groups = new Map<string, number>();
      for (const r of results) {
        if (!r.ok) continue;
        for (const x of r.submissions) {
          const name = x.fields.branchName as string | null;
          const key = name === null ? `${x.form}\u0000\u0000${r.file}\u0000${x.sheet}` : `${x.form}\u0000${branchKey(name)}`;
          groups.set(key, (groups.get(key) ?? 0) + 1);
        }
      }
      expect(s.rows.length).toBe(groups.size);
      for (const row of s.rows) {
        const x = row.submission;
        const key = x.branchKey === '' ? `${x.form}\u0000\u0000${x.file}\u0000${x.sheet}` : `${x.form}\u0000${x.branchKey}`;
        expect(row.superseded.length).toBe(groups.get(key)! - 1);
        superseded += row.superseded.length;
      }
      // Strictly in form number, branch key, file, sheet order.
      for (let i = 1; i < s.rows.length; i++) {
        const a = s.rows[i - 1].submission;
        const b = s.rows[i].submission;
        const c = formNumber(a.form) - formNumber(b.form) || cmp(a.branchKey, b.branchKey) || cmp(a.file, b.file) || cmp(a.sheet, b.sheet);
        expect(c).toBeLessThan(0);
      }
      // The same summary from the files in the opposite order.
      const back = summaryOf([...results].reverse(), opts);
      expect(JSON.stringify({ rows: back.rows, duplicates: back.duplicates, problems: back.problems, totals: back.totals, total: back.total })).toBe(
        JSON.stringify({ rows: s.rows, duplicates: s.duplicates, problems: s.problems, totals: s.totals, total: s.total }),
      );
    }
    expect(superseded).toBeGreaterThan(150); // groups of several submissions were among them
  });
});
