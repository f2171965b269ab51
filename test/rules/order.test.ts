import { FORMS } from '../../src/forms';
import type { Issue } from '../../src/model/types';
import { inFieldOrder } from '../../src/rules';
import { random } from '../fixtures/random';

/** The ordering as checkSubmission did it before inFieldOrder: every list keyed, sorted, mapped back. */
function sortedBefore(form: (typeof FORMS)[number], found: Issue[]): Issue[] {
  if (found.length < 2) return found;
  const order = new Map(form.fields.map((f, i) => [f.id as string, i]));
  const keys = ['goal', 'problem', 'owner', 'status'];
  const list = found.map((issue, n) => {
    const i = order.get(issue.field);
    if (i !== undefined) return { issue, field: i, month: 0, cell: 0, n };
    if (issue.field === 'months') return { issue, field: order.size, month: 0, cell: 0, n };
    const m = /^months\.(\d+)\.(\w+)$/.exec(issue.field);
    if (m) return { issue, field: order.size + 1, month: Number(m[1]), cell: keys.indexOf(m[2]), n };
    return { issue, field: order.size + 2, month: 0, cell: 0, n };
  });
  list.sort((a, b) => a.field - b.field || a.month - b.month || a.cell - b.cell || a.n - b.n);
  return list.map((k) => k.issue);
}

describe('inFieldOrder', () => {
  test('orders 5,000 random issue lists as the keyed sort did (field order, months, month cells; stable), in order or not', () => {
    const next = random(12);
    let inOrder = 0;
    for (let t = 0; t < 5000; t++) {
      const form = FORMS[t % FORMS.length];
      const fieldsOf = [...form.fields.map((f) => f.id as string), 'months', 'sheet', 'months.3.goal', 'months.3.status', 'months.12.owner', 'months.1.problem', 'months.x.goal'];
      const n = Math.floor(next() * 7);
      const found: Issue[] = [];
      // Lists mostly in order, as the checks make them, and some shuffled.
      const sortedFirst = next() < 0.5;
      const picks = Array.from({ length: n }, () => Math.floor(next() * fieldsOf.length));
      if (sortedFirst) picks.sort((a, b) => a - b);
      for (let i = 0; i < n; i++) found.push({ rule: `r${i}`, severity: 'warning', field: fieldsOf[picks[i]], message: `m${i}` });
      const before = sortedBefore(form, found.slice());
      const now = inFieldOrder(form, found.slice());
      expect(now).toEqual(before);
      // The same issue objects in the same places (not copies).
      now.forEach((issue, i) => expect(issue).toBe(before[i]));
      if (before.every((issue, i) => issue === found[i])) inOrder++;
    }
    // Both kinds of list were tried.
    expect(inOrder).toBeGreaterThan(500);
    expect(inOrder).toBeLessThan(4500);
  });

  test('a list out of order is ordered (memberCount before the month table)', () => {
    const form = FORMS.find((f) => f.id === 'progress')!;
    const a: Issue = { rule: 'a', severity: 'error', field: 'months', message: 'a' };
    const b: Issue = { rule: 'b', severity: 'error', field: 'branchName', message: 'b' };
    expect(inFieldOrder(form, [a, b])).toEqual([b, a]);
  });
});
