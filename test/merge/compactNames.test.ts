/**
 * A compact merge pools each branch name as read with its display name and key (Pool.branch):
 * on random names — spaced, blank, full-width, 中国共产党, trailing 党支部/委员会, a number
 * typed in, each sent several times — its submissions carry the name, display name and key
 * that the plain merge works out with branchNameOf and branchKey.
 */
import { Merger, type MergeOptions, type Summary } from '../../src/merge';
import type { IntakeResult } from '../../src/model/types';
import { ok, sub } from './helpers';
import { random } from '../fixtures/random';

const PARTS = ['中国共产党', '中共', '永州市', '财政局', ' ', '\u3000', '\n', '\r\n', 'Ａ', '１', '第一', '党支部', '支部', '委员会', '党委', '党总支', '机关', '（盖章）', '\t', '', '很长的名称'.repeat(4)];

function randomName(next: () => number): string | number | null {
  const r = next();
  if (r < 0.05) return null;
  if (r < 0.08) return 12345;
  if (r < 0.12) return ['', ' ', '\u3000\n'][Math.floor(next() * 3)];
  let s = '';
  const n = 1 + Math.floor(next() * 5);
  for (let i = 0; i < n; i++) s += PARTS[Math.floor(next() * PARTS.length)];
  return s;
}

function merged(results: readonly IntakeResult[], opts: MergeOptions): Summary {
  const m = new Merger(opts);
  // Each result a copy of its own, as intake gives them (names equal, not one string).
  for (const r of results) m.add(JSON.parse(JSON.stringify(r)) as IntakeResult);
  return m.finish();
}

test('a compact merge gives every submission the branch name, display name and key of the plain merge (2,000 random names, most sent more than once)', () => {
  const next = random(21);
  const names = Array.from({ length: 700 }, () => randomName(next));
  const results: IntakeResult[] = [];
  for (let i = 0; i < 2000; i++) {
    const name = names[Math.floor(next() * names.length)];
    const form = (['demonstration', 'application', 'progress'] as const)[i % 3];
    const s = sub(form, null, `f${i}.xlsx`, { memberCount: 7 });
    s.fields.branchName = name;
    results.push(ok(s.file, [s], i));
  }
  const plain = merged(results, { asOf: '2019-05-01' });
  const compact = merged(results, { asOf: '2019-05-01', compact: { spill: undefined } });
  const view = (s: Summary) => s.submissions.map((x) => [x.file, x.fields.branchName, x.branch, x.branchKey, x.latest]);
  expect(view(compact)).toEqual(view(plain));
  expect(compact.rows.map((r) => [r.branch, r.branchKey, r.kind])).toEqual(plain.rows.map((r) => [r.branch, r.branchKey, r.kind]));
  // Blank names, numbers and names that differ only in spelling were among them.
  expect(plain.submissions.some((x) => typeof x.fields.branchName === 'string' && x.branch === null)).toBe(true);
  expect(plain.submissions.some((x) => typeof x.fields.branchName === 'number')).toBe(true);
  expect(new Set(plain.submissions.map((x) => x.branchKey)).size).toBeLessThan(new Set(plain.submissions.map((x) => x.fields.branchName)).size);
});
