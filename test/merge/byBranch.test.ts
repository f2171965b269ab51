/**
 * overallTotals and crossFormIssues group a branch's forms into one record with every
 * form's key from the start (one shape): on random rows, in any order of forms, they give
 * what their code before gave (copied below), the records filled key by key.
 */
import { overallTotals, type SummaryRow } from '../../src/merge';
import type { FormId } from '../../src/forms/types';
import type { Issue, Stage, Submission } from '../../src/model/types';
import { crossFormIssues, type KeptForm } from '../../src/rules/obligations';
import { FIELD_NAMES, obligationMessages } from '../../src/i18n/rules';
import { sub } from './helpers';
import { random } from '../fixtures/random';

/** overallTotals before: records grown key by key, a closure per branch. */
function totalsBefore(rows: readonly SummaryRow[]) {
  const t = { branches: 0, organisations: 0, unnamed: 0, superseded: 0, members: 0, committeeMembers: 0, errors: 0, warnings: 0 };
  const orgs = new Set<string>();
  const byBranch = new Map<string, Partial<Record<FormId, SummaryRow>>>();
  for (const r of rows) {
    t.superseded += r.superseded.length;
    t.errors += r.errors;
    t.warnings += r.warnings;
    if (r.kind === 'unnamed') t.unnamed++;
    else if (r.kind === 'organisation') orgs.add(r.branchKey);
    else {
      let forms = byBranch.get(r.branchKey);
      if (!forms) byBranch.set(r.branchKey, (forms = {}));
      forms[r.form] = r;
    }
  }
  t.organisations = orgs.size;
  t.branches = byBranch.size;
  for (const forms of byBranch.values()) {
    const pick = (field: 'memberCount' | 'committeeCount'): number => {
      for (const f of ['application', 'demonstration'] as const) {
        const v = forms[f]?.submission.fields[field];
        if (typeof v === 'number') return v;
      }
      return 0;
    };
    t.members += pick('memberCount');
    t.committeeMembers += pick('committeeCount');
  }
  return t;
}

const FORM_IDS: FormId[] = ['demonstration', 'application', 'progress'];
const COUNTS = [null, 3, 7, 12, '十二'];

function randomRows(next: () => number): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const n = Math.floor(next() * 25);
  for (let i = 0; i < n; i++) {
    const kind = (['branch', 'branch', 'branch', 'organisation', 'unnamed'] as const)[Math.floor(next() * 5)];
    const form = FORM_IDS[Math.floor(next() * 3)];
    const key = kind === 'unnamed' ? '' : `支部${Math.floor(next() * 6)}`;
    const s = sub(form, key === '' ? null : `${key}党支部`, `f${i}.xlsx`, {
      memberCount: COUNTS[Math.floor(next() * COUNTS.length)] as number | null,
      committeeCount: COUNTS[Math.floor(next() * COUNTS.length)] as number | null,
    });
    if (next() < 0.3) s.cells = {}; // no branch name cell
    const m = { ...s, latest: true, branch: key === '' ? null : `${key}党支部`, branchKey: key };
    rows.push({ branch: m.branch ?? '', branchKey: key, kind, form, submission: m, errors: Math.floor(next() * 3), warnings: Math.floor(next() * 3), superseded: next() < 0.2 ? [{ file: 'x', sheet: 'y' }] : [] });
  }
  return rows;
}

test('overallTotals gives what it gave before on 3,000 random row lists', () => {
  const next = random(4);
  for (let t = 0; t < 3000; t++) {
    const rows = randomRows(next);
    expect(overallTotals(rows)).toEqual(totalsBefore(rows));
  }
});

test('crossFormIssues gives each submission the issues, in the order, it gave before (3,000 random lists of kept forms, committee and filling stage)', () => {
  // The code before, with its records grown key by key.
  const add = (map: Map<Submission, Issue[]>, s: Submission, issue: Issue) => {
    const list = map.get(s);
    if (list) list.push(issue);
    else map.set(s, [issue]);
  };
  const before = (kept: readonly KeptForm[], stage: 'committee' | 'filling') => {
    const out = new Map<Submission, Issue[]>();
    const byBranch = new Map<string, Partial<Record<FormId, Submission>>>();
    for (const k of kept) {
      if (k.branchKey === '') continue;
      let forms = byBranch.get(k.branchKey);
      if (!forms) byBranch.set(k.branchKey, (forms = {}));
      forms[k.form] = k.sub;
    }
    for (const forms of byBranch.values()) {
      const { application: a2, progress: a3, demonstration: a1 } = forms;
      if ((a2 === undefined) !== (a3 === undefined)) {
        const sent = a2 ? 'application' : 'progress';
        const s = (a2 ?? a3)!;
        const issue: Issue = {
          rule: 'form-missing',
          severity: stage === 'committee' ? 'error' : 'warning',
          field: 'branchName',
          message: obligationMessages.formMissing(sent, sent === 'application' ? 'progress' : 'application'),
        };
        if (s.cells.branchName) issue.cell = s.cells.branchName;
        add(out, s, issue);
      }
      if (a1 && a2) {
        for (const field of ['memberCount', 'committeeCount'] as const) {
          const v1 = a1.fields[field];
          const v2 = a2.fields[field];
          if (typeof v1 !== 'number' || typeof v2 !== 'number' || v1 === v2) continue;
          const label = FIELD_NAMES[field];
          for (const [s, own, otherForm, other, otherSub] of [
            [a1, v1, '附件2', v2, a2],
            [a2, v2, '附件1', v1, a1],
          ] as const) {
            const issue: Issue = { rule: 'cross-form-mismatch', severity: 'warning', field, message: obligationMessages.crossFormMismatch(label, own, otherForm, other, otherSub.file) };
            if (s.cells[field]) issue.cell = s.cells[field];
            add(out, s, issue);
          }
        }
      }
    }
    return out;
  };
  const next = random(8);
  let some = 0;
  for (let t = 0; t < 3000; t++) {
    const kept = randomRows(next).map((r) => ({ form: r.form, branchKey: r.kind === 'branch' ? r.branchKey : '', sub: r.submission as Submission }));
    const stage: Stage = next() < 0.5 ? 'committee' : 'filling';
    const now = crossFormIssues(kept, stage);
    const was = before(kept, stage);
    expect(new Map([...now].sort((a, b) => kept.findIndex((k) => k.sub === a[0]) - kept.findIndex((k) => k.sub === b[0])))).toEqual(
      new Map([...was].sort((a, b) => kept.findIndex((k) => k.sub === a[0]) - kept.findIndex((k) => k.sub === b[0]))),
    );
    some += now.size;
  }
  expect(some).toBeGreaterThan(1000);
});
