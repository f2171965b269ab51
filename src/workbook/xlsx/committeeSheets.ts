/**
 * The committee's sheets of the summary workbook (with a roster): 报送情况 — one row per
 * branch, grouped by 上级党组织 with a subtotal row each and the total at the foot,
 * data bars on the rates — and 催报 — who to remind of what, with the message to send.
 */
import type { FormId } from '../../forms/types';
import { committeeSheetsZh as z, committeeZh } from '../../i18n/committee';
import { reminders } from '../../merge/reminders';
import { overallTally, type FormStatus, type Obligations, type Tally } from '../../merge/obligations';
import { branchKey } from '../../merge/branch';
import type { RowKind } from '../../merge/types';
import { SUBTOTAL_FILL, zhDate, type CellValue, type ColumnDef, type Table } from './summary';

const FORMS: readonly FormId[] = ['demonstration', 'application', 'progress'];

function stateText(s: FormStatus): string {
  if (s.state === 'missing') return committeeZh.missingOverdue(s.daysOverdue);
  const label = committeeZh.states[s.state];
  return s.state === 'sent' || s.state === 'late' ? committeeZh.stateWithDate(label, s.date && s.date.length === 10 ? zhDate(s.date) : s.date) : label;
}

/** Owed / on time / late / missing over a branch's forms (附件1 is owed by the group, not the branch). */
function branchTally(forms: Record<FormId, FormStatus>): Tally {
  const t = { owed: 0, sent: 0, late: 0, missing: 0, rate: null as number | null };
  for (const f of FORMS) {
    const s = forms[f];
    if (f !== 'demonstration' && s.due !== null) t.owed++;
    if (f === 'demonstration') continue; // a voluntary 附件1 is shown, not counted for the branch
    if (s.state === 'sent') t.sent++;
    else if (s.state === 'late') t.late++;
    else if (s.state === 'missing') t.missing++;
  }
  t.rate = t.owed > 0 ? (t.sent + t.late) / t.owed : null;
  return t;
}

/**
 * 汇总 and 进度 grouped by 上级党组织 (issue 9 §3), when the roster gives one: the groups in
 * the order of 报送情况 (roster order, branches not on the roster after them), each row's
 * group found by its branch key; a 党委's own form goes with the group it heads, forms of
 * other organisations and forms without a name in a group of their own, last. Null when
 * no roster entry names a 上级党组织 (nothing to group by).
 */
export interface ParentGrouping {
  /** Group labels, in order. */
  labels: string[];
  /** The index of a row's group (in labels). */
  of(kind: RowKind, key: string): number;
}

export function parentGrouping(o: Obligations | null): ParentGrouping | null {
  if (!o || !o.groups.some((g) => g.parent !== '' && g.parent !== committeeZh.notOnRosterGroup)) return null;
  const labels = o.groups.map((g) => g.parent || committeeZh.noParentGroup);
  const byBranch = new Map<string, number>();
  const byParent = new Map<string, number>();
  o.groups.forEach((g, i) => {
    for (const b of g.branches) byBranch.set(b.key, i);
    if (g.parent !== '') byParent.set(branchKey(g.parent), i);
  });
  const other = labels.length;
  labels.push(committeeZh.otherGroup);
  return {
    labels,
    of: (kind, key) => (kind === 'branch' ? byBranch.get(key) : kind === 'organisation' ? byParent.get(key) : undefined) ?? other,
  };
}

/** `items` in the order of their groups (stable within a group), each group followed by its subtotal. */
export function groupedRows<T>(items: readonly T[], groupOf: (item: T) => number, groups: number): { group: number; items: T[] }[] {
  const buckets = Array.from({ length: groups }, (_, group) => ({ group, items: [] as T[] }));
  for (const item of items) buckets[groupOf(item)].items.push(item);
  return buckets.filter((b) => b.items.length > 0);
}

export function statusTable(o: Obligations, title: string, short: (file: string) => string): Table {
  const h = z.statusHeaders;
  // 146 printed characters: 9 pt or more on A4 landscape (test/print/summary.test.ts); full paths on screen only.
  const columns: ColumnDef[] = [
    { header: h[0], max: 5, align: 'center' },
    { header: h[1], max: 14, wrap: true },
    { header: h[2], max: 20, wrap: true },
    { header: h[3], max: 6, align: 'center', wrap: true },
    { header: h[4], max: 6, align: 'center', wrap: true },
    { header: h[5], max: 14, wrap: true },
    { header: h[6], max: 14, wrap: true },
    { header: h[7], max: 14, wrap: true },
    { header: h[8], max: 5, align: 'right' },
    { header: h[9], max: 5, align: 'right' },
    { header: h[10], max: 5, align: 'right' },
    { header: h[11], max: 5, align: 'right' },
    { header: h[12], max: 7, align: 'right', numFmt: '0%', dataBar: true },
    { header: h[13], max: 5, align: 'right' },
    { header: h[14], max: 5, align: 'right' },
    { header: h[15], max: 16, wrap: true },
    { header: z.fullSources, max: 60, wrap: true, print: false },
  ];
  const rows: CellValue[][] = [];
  const subtotalRows = new Set<number>();
  let n = 0;
  for (const g of o.groups) {
    const parent = g.parent || committeeZh.noParentGroup;
    for (const b of g.branches) {
      const t = branchTally(b.forms);
      const sources = FORMS.map((f) => b.forms[f].row?.submission.file).filter((x): x is string => !!x);
      rows.push([++n, parent, b.name, b.entry?.category ?? null, b.entry?.status ?? null, ...FORMS.map((f) => stateText(b.forms[f])), t.owed, t.sent, t.late, t.missing, t.rate, b.errors, b.warnings, sources.map(short).join('\n') || null, sources.join('\n') || null]);
    }
    const t = overallTally(g.tally);
    const demo = g.owesDemonstration === null ? z.demoUnknown : g.owesDemonstration ? `${z.demoOwed}\n${z.tallyText(g.tally.demonstration)}` : z.demoNotOwed;
    subtotalRows.add(rows.length);
    rows.push([null, z.subtotal(parent), `${g.branches.length}个党支部`, null, null, demo, z.tallyText(g.tally.application), z.tallyText(g.tally.progress), t.owed, t.sent, t.late, t.missing, t.rate, g.branches.reduce((k, b) => k + b.errors, 0), g.branches.reduce((k, b) => k + b.warnings, 0), null, null]);
  }
  const all = { owed: 0, sent: 0, late: 0, missing: 0, rate: null as number | null };
  for (const g of o.groups) {
    const t = overallTally(g.tally);
    for (const k of ['owed', 'sent', 'late', 'missing'] as const) all[k] += t[k];
  }
  all.rate = all.owed > 0 ? (all.sent + all.late) / all.owed : null;
  const branches = o.groups.reduce((k, g) => k + g.branches.length, 0);
  const foot: CellValue[] = [null, z.total, `${branches}个党支部`, null, null, z.tallyText(o.tally.demonstration), z.tallyText(o.tally.application), z.tallyText(o.tally.progress), all.owed, all.sent, all.late, all.missing, all.rate, null, null, null, null];
  return { name: z.status, title, columns, rows, feet: [foot], fill: (r) => (subtotalRows.has(r) ? SUBTOTAL_FILL : undefined) };
}

export function reminderTable(o: Obligations, title: string): Table {
  const h = z.reminderHeaders;
  const columns: ColumnDef[] = [
    { header: h[0], max: 5, align: 'center' },
    { header: h[1], max: 12, wrap: true },
    { header: h[2], max: 18, wrap: true },
    { header: h[3], max: 8, wrap: true },
    { header: h[4], max: 13, align: 'center', wrap: true },
    { header: h[5], max: 5, align: 'right' },
    { header: h[6], max: 7, wrap: true },
    { header: h[7], max: 13, wrap: true },
    { header: h[8], max: 56, wrap: true },
  ];
  const rows: CellValue[][] = [];
  let n = 0;
  for (const p of reminders(o)) {
    if (p.message !== null) rows.push([null, p.parent, z.toParent, p.demonstration ? z.formsShort(['demonstration']) : null, p.demonstration ? zhDate(p.demonstration.due) : null, p.demonstration ? Math.max(0, p.demonstration.daysOverdue) : null, null, null, p.message]);
    for (const b of p.branches) rows.push([++n, p.parent, b.branch, z.formsShort(b.forms), zhDate(b.due), Math.max(0, b.daysOverdue), b.secretary ?? null, b.phone ?? null, b.message]);
  }
  if (rows.length === 0) rows.push([null, null, null, null, null, null, null, null, z.none]);
  return { name: z.reminders, title, columns, rows };
}
