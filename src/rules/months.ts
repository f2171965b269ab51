/** 附件3's twelve month rows: each month once, in order, with a goal, an owner, and a status once it is past. */
import type { MonthKey } from '../forms/types';
import { ruleDescriptions, ruleMessages } from '../i18n/rules';
import { isMonthDone } from '../model/monthDone';
import type { Issue, MonthEntry } from '../model/types';
import type { Rule, RuleContext } from './types';

const FORMS = ['progress'] as const;

function rows(ctx: RuleContext): MonthEntry[] {
  return ctx.sub.months ?? [];
}

/**
 * Rows whose label is a month, each month's first row only (months compared as a Set would:
 * NaN is NaN). Made once per submission, by RuleContext.firstMonthRows, for the month rules.
 */
export function firstOfEachMonth(rows: readonly MonthEntry[]): MonthEntry[] {
  const out: MonthEntry[] = [];
  for (let i = 0; i < rows.length; i++) {
    const m = rows[i].month;
    if (m === null) continue;
    let seen = false;
    for (let k = 0; k < out.length && !seen; k++) seen = out[k].month === m || (m !== m && out[k].month !== out[k].month);
    if (!seen) out.push(rows[i]);
  }
  return out;
}

function hasMonth(rows: readonly MonthEntry[], month: number): boolean {
  for (let i = 0; i < rows.length; i++) if (rows[i].month === month) return true;
  return false;
}

const monthField = (month: number, key: MonthKey) => `months.${month}.${key}`;

export const monthsMissing: Rule = {
  id: 'months-missing',
  forms: FORMS,
  describe: ruleDescriptions['months-missing'],
  check: (ctx) => {
    const all = rows(ctx);
    const present = ctx.firstMonthRows();
    if (!present.length) return [{ rule: 'months-missing', severity: 'error', field: 'months', message: ruleMessages.monthsNone() }];
    const out: Issue[] = [];
    for (let m = 1; m <= 12; m++) {
      if (hasMonth(present, m)) continue;
      // A row in the month's place whose label is no month is probably that month mistyped.
      const inPlace = all[m - 1];
      const cell = inPlace && inPlace.month === null ? (inPlace.labelCell ?? inPlace.cells.goal) || undefined : undefined;
      out.push({ rule: 'months-missing', severity: 'error', field: 'months', cell, message: ruleMessages.monthsMissing(m) });
    }
    return out;
  },
};

export const monthsDuplicate: Rule = {
  id: 'months-duplicate',
  forms: FORMS,
  describe: ruleDescriptions['months-duplicate'],
  check: (ctx) => {
    const first = ctx.firstMonthRows();
    const out: Issue[] = [];
    const all = rows(ctx);
    for (let i = 0; i < all.length; i++) {
      const r = all[i];
      // A row with a month that is not that month's first row: the month was seen before.
      if (r.month !== null && !first.includes(r)) out.push({ rule: 'months-duplicate', severity: 'error', field: 'months', cell: (r.labelCell ?? r.cells.goal) || undefined, message: ruleMessages.monthsDuplicate(r.month) });
    }
    return out;
  },
};

export const monthsOrder: Rule = {
  id: 'months-order',
  forms: FORMS,
  describe: ruleDescriptions['months-order'],
  check: (ctx) => {
    const ordered = ctx.firstMonthRows();
    for (let i = 1; i < ordered.length; i++) {
      const prev = ordered[i - 1].month as number;
      const r = ordered[i];
      if ((r.month as number) < prev) {
        return [{ rule: 'months-order', severity: 'warning', field: 'months', cell: (r.labelCell ?? r.cells.goal) || undefined, message: ruleMessages.monthsOrder(r.month as number, prev) }];
      }
    }
    return [];
  },
};

export const monthGoalMissing: Rule = {
  id: 'month-goal-missing',
  forms: FORMS,
  describe: ruleDescriptions['month-goal-missing'],
  check: (ctx) =>
    ctx.firstMonthRows()
      .filter((r) => r.goal === null)
      .map((r) => ({ rule: 'month-goal-missing', severity: 'warning', field: monthField(r.month as number, 'goal'), cell: r.cells.goal || undefined, message: ruleMessages.monthGoalMissing(r.month as number) })),
};

export const monthOwnerMissing: Rule = {
  id: 'month-owner-missing',
  forms: FORMS,
  describe: ruleDescriptions['month-owner-missing'],
  check: (ctx) =>
    ctx.firstMonthRows()
      .filter((r) => r.goal !== null && r.owner === null)
      .map((r) => ({ rule: 'month-owner-missing', severity: 'warning', field: monthField(r.month as number, 'owner'), cell: r.cells.owner || undefined, message: ruleMessages.monthOwnerMissing(r.month as number) })),
};

/** The as-of month (1–12). The progress form has no date of its own: its year is taken to be the as-of year. */
function asOfMonth(ctx: RuleContext): number {
  return Number(ctx.opts.asOf.slice(5, 7));
}

export const monthStatusMissing: Rule = {
  id: 'month-status-missing',
  forms: FORMS,
  describe: ruleDescriptions['month-status-missing'],
  check: (ctx) => {
    const current = asOfMonth(ctx);
    return ctx.firstMonthRows()
      .filter((r) => (r.month as number) < current && r.status === null)
      .map((r) => ({
        rule: 'month-status-missing',
        severity: 'warning',
        field: monthField(r.month as number, 'status'),
        cell: r.cells.status || undefined,
        message: ruleMessages.monthStatusMissing(r.month as number, ctx.opts.asOf),
      }));
  },
};

/**
 * A month after the as-of month marked done (附件3 carries no year: it is read as the
 * as-of year, as the progress matrix reads it). The as-of month itself may be done.
 */
export const monthDoneFuture: Rule = {
  id: 'month-done-future',
  forms: FORMS,
  describe: ruleDescriptions['month-done-future'],
  check: (ctx) => {
    const current = asOfMonth(ctx);
    return ctx.firstMonthRows()
      .filter((r) => r.month! > current && isMonthDone(r.status))
      .map((r) => ({ rule: 'month-done-future', severity: 'warning', field: monthField(r.month!, 'status'), cell: r.cells.status || undefined, message: ruleMessages.monthDoneFuture(r.month!, ctx.opts.asOf) }));
  },
};
