/**
 * Who owes which form, by when, and what came in (notice 三(一), 三(二), 三(三); DOMAIN.md
 * "Obligations and the roster"). Pure: kept rows and roster entries in, one status per
 * branch and form, grouped by 上级党组织, out.
 *
 * - 附件2 and 附件3: owed by a 在职 branch not 已达标, by 4月30日 of the as-of year, or
 *   within one month of its 成立日期 when that is later. 离退休 and 已达标 branches owe
 *   neither (巩固深化). A roster without 类别 / 达标情况 means 在职 / not 已达标.
 *   A branch not on the roster that sent one of them owes both (form-missing).
 * - 附件1: owed by each 上级党组织 other than 工委直辖 that has no 示范点 (已有示范点 ≠ 是
 *   on all its rows): at least one from its branches by 5月31日. A branch itself never
 *   owes one (不需报送) but may send one.
 * - States: 已报送 (on time, or with no date), 逾期报送 (申报时间 after the due date),
 *   未报送 (owed, not sent: overdue once the as-of date is past the due date), 不需报送.
 */
import type { FormId } from '../forms/types';
import { committeeZh } from '../i18n/committee';
import { compareDates } from '../rules/dates';
import { branchKey } from './branch';
import type { RosterEntry, SummaryRow } from './types';

export type FormState = 'sent' | 'late' | 'missing' | 'not-required';

export interface FormStatus {
  state: FormState;
  /** Due date ("YYYY-MM-DD") when owed. */
  due: string | null;
  /** 申报时间 of the kept form, when sent and dated. */
  date: string | null;
  /** The kept form, when sent. */
  row: SummaryRow | null;
  /** Days past the due date at the as-of date (missing only; ≤ 0 before the deadline). */
  daysOverdue: number;
}

export interface BranchObligation {
  name: string;
  key: string;
  parent: string;
  entry: RosterEntry | null;
  forms: Record<FormId, FormStatus>;
  errors: number;
  warnings: number;
}

export interface Tally {
  owed: number;
  sent: number;
  late: number;
  missing: number;
  /** (sent + late) / owed, null when nothing is owed. */
  rate: number | null;
}

export interface ParentGroup {
  parent: string;
  /** 工委直辖: its branches may send an 附件1 but need not. */
  direct: boolean;
  /** Whether the group owes an 附件1: null when the roster does not say the 上级党组织. */
  owesDemonstration: boolean | null;
  demonstrationDue: string;
  branches: BranchObligation[];
  tally: Record<FormId, Tally>;
}

export interface Obligations {
  asOf: string;
  groups: ParentGroup[];
  /** All groups together. */
  tally: Record<FormId, Tally>;
}

const FORM_IDS: readonly FormId[] = ['demonstration', 'application', 'progress'];
const DIRECT = /^(?:中共)?(?:永州)?(?:市直)?(?:机关)?工委直辖(?:党支部)?$/;

/** "工委直辖" / "市直工委直辖": branches directly under the 市直工委. */
export function isDirect(parent: string): boolean {
  return DIRECT.test(parent.replace(/\s/g, ''));
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** One calendar month later, clamped to the month's end (1月31日 → 2月28日). */
export function oneMonthAfter(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return isoDay(new Date(Date.UTC(y, m, Math.min(d, last))));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** Due date of 附件2/附件3: 4月30日 of the year, or one month after founding when later. */
export function applicationDue(year: string, founded: string | undefined): string {
  const base = `${year}-04-30`;
  if (!founded) return base;
  const late = oneMonthAfter(founded);
  return late > base ? late : base;
}

export function owesApplication(e: RosterEntry): boolean {
  return e.category !== '离退休' && e.status !== '已达标';
}

function recency(row: SummaryRow): string | null {
  const f = row.submission.fields;
  if (typeof f.date === 'string') return f.date;
  return typeof f.tableDate === 'string' ? f.tableDate : null;
}

function status(row: SummaryRow | undefined, due: string | null, asOf: string): FormStatus {
  if (row) {
    const date = recency(row);
    const late = due !== null && date !== null && compareDates(date, due) > 0;
    return { state: late ? 'late' : 'sent', due, date, row, daysOverdue: 0 };
  }
  if (due === null) return { state: 'not-required', due: null, date: null, row: null, daysOverdue: 0 };
  return { state: 'missing', due, date: null, row: null, daysOverdue: daysBetween(due, asOf) };
}

function emptyTally(): Tally {
  return { owed: 0, sent: 0, late: 0, missing: 0, rate: null };
}

function finishTally(t: Tally): Tally {
  return { ...t, rate: t.owed > 0 ? Math.min(1, (t.sent + t.late) / t.owed) : null };
}

/**
 * Obligations of every branch on the roster and every branch that sent something,
 * grouped by 上级党组织 in roster order (branches not on the roster last).
 */
export function obligations(rows: readonly SummaryRow[], roster: readonly RosterEntry[], asOf: string): Obligations {
  const year = asOf.slice(0, 4);
  const demonstrationDue = `${year}-05-31`;
  const kept = new Map<string, Partial<Record<FormId, SummaryRow>>>();
  for (const r of rows) if (r.kind === 'branch') kept.set(r.branchKey, { ...kept.get(r.branchKey), [r.form]: r });

  const groups = new Map<string, ParentGroup>();
  const groupOf = (parent: string): ParentGroup => {
    let g = groups.get(parent);
    if (!g) {
      g = { parent, direct: parent !== '' && isDirect(parent), owesDemonstration: null, demonstrationDue, branches: [], tally: { demonstration: emptyTally(), application: emptyTally(), progress: emptyTally() } };
      groups.set(parent, g);
    }
    return g;
  };

  const seen = new Set<string>();
  const add = (name: string, key: string, parent: string, entry: RosterEntry | null) => {
    const forms = kept.get(key) ?? {};
    const owes = entry ? owesApplication(entry) : forms.application !== undefined || forms.progress !== undefined;
    const due = owes ? applicationDue(year, entry?.founded) : null;
    const mine = rows.filter((r) => r.kind === 'branch' && r.branchKey === key);
    groupOf(parent).branches.push({
      name,
      key,
      parent,
      entry,
      forms: {
        demonstration: status(forms.demonstration, forms.demonstration ? demonstrationDue : null, asOf),
        application: status(forms.application, due, asOf),
        progress: status(forms.progress, due, asOf),
      },
      errors: mine.reduce((n, r) => n + r.errors, 0),
      warnings: mine.reduce((n, r) => n + r.warnings, 0),
    });
  };
  for (const e of roster) {
    const key = branchKey(e.name);
    if (seen.has(key)) continue;
    seen.add(key);
    add(e.name, key, e.parent ?? '', e);
  }
  for (const r of rows) {
    if (r.kind !== 'branch' || seen.has(r.branchKey)) continue;
    seen.add(r.branchKey);
    add(r.branch, r.branchKey, committeeZh.notOnRosterGroup, null);
  }

  const total: Record<FormId, Tally> = { demonstration: emptyTally(), application: emptyTally(), progress: emptyTally() };
  for (const g of groups.values()) {
    const named = g.parent !== '' && g.parent !== committeeZh.notOnRosterGroup;
    const hasDemo = g.branches.some((b) => b.entry?.hasDemo === true);
    g.owesDemonstration = named ? !g.direct && !hasDemo : null;
    for (const f of FORM_IDS) {
      const t = g.tally[f];
      for (const b of g.branches) {
        const s = b.forms[f];
        if (f !== 'demonstration' && s.due !== null) t.owed++;
        if (s.state === 'sent') t.sent++;
        else if (s.state === 'late') t.late++;
        else if (s.state === 'missing') t.missing++;
      }
    }
    // 附件1 is owed once per group: it is missing when none of its branches sent one.
    const d = g.tally.demonstration;
    if (g.owesDemonstration) {
      d.owed = 1;
      d.missing = d.sent + d.late === 0 ? 1 : 0;
    }
    for (const f of FORM_IDS) {
      g.tally[f] = finishTally(g.tally[f]);
      for (const k of ['owed', 'sent', 'late', 'missing'] as const) total[f][k] += g.tally[f][k];
    }
  }
  for (const f of FORM_IDS) total[f] = finishTally(total[f]);
  return { asOf, groups: [...groups.values()], tally: total };
}

/**
 * A group's (or all groups') figures over the three forms: 附件2 and 附件3 per branch;
 * 附件1 once per group that owes one — on time if any came on time, else late if one
 * came late, else missing. A voluntary 附件1 counts for nothing owed.
 */
export function overallTally(tallies: Record<FormId, Tally>): Tally {
  const { application: a, progress: p, demonstration: d } = tallies;
  const demoSent = d.owed > 0 && d.sent > 0 ? d.owed : 0;
  const demoLate = d.owed > 0 && d.sent === 0 && d.late > 0 ? d.owed : 0;
  const t = { owed: a.owed + p.owed + d.owed, sent: a.sent + p.sent + demoSent, late: a.late + p.late + demoLate, missing: a.missing + p.missing + d.missing };
  return { ...t, rate: t.owed > 0 ? (t.sent + t.late) / t.owed : null };
}
