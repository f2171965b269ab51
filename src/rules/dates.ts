/** 申报时间 against the notice's deadlines, the as-of date, and the 申报时间 inside 附件2's table. */
import { ruleDescriptions, ruleMessages } from '../i18n/rules';
import type { Rule } from './types';

/**
 * Compares ISO dates of day or month precision on what both know: "2019-04" and
 * "2019-04-30" are equal, "2019-05" is after "2019-04-30".
 */
export function compareDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Month-day of the deadline in the date's own year: 附件2/附件3 by 4月30日 (notice 三(一)), 附件1 by 5月31日 (三(二)). */
const DEADLINE = { demonstration: '05-31', application: '04-30', progress: '04-30' } as const;

export const dateLate: Rule = {
  id: 'date-late',
  forms: ['demonstration', 'application', 'progress'],
  describe: ruleDescriptions['date-late'],
  check: (ctx) => {
    const date = ctx.str('date');
    if (date === null) return [];
    const deadline = `${date.slice(0, 4)}-${DEADLINE[ctx.sub.form]}`;
    if (compareDates(date, deadline) <= 0) return [];
    const message = ctx.sub.form === 'demonstration' ? ruleMessages.dateLateDemonstration(date) : ruleMessages.dateLateApplication(date);
    return [{ rule: 'date-late', severity: 'warning', field: 'date', cell: ctx.cell('date'), message }];
  },
};

export const dateFuture: Rule = {
  id: 'date-future',
  forms: ['demonstration', 'application', 'progress'],
  describe: ruleDescriptions['date-future'],
  check: (ctx) => {
    const date = ctx.str('date');
    if (date === null || compareDates(date, ctx.opts.asOf) <= 0) return [];
    return [{ rule: 'date-future', severity: 'warning', field: 'date', cell: ctx.cell('date'), message: ruleMessages.dateFuture(date, ctx.opts.asOf) }];
  },
};

export const tableDateMismatch: Rule = {
  id: 'table-date-mismatch',
  forms: ['application'],
  describe: ruleDescriptions['table-date-mismatch'],
  check: (ctx) => {
    const date = ctx.str('date');
    const tableDate = ctx.str('tableDate');
    if (date === null || tableDate === null || compareDates(date, tableDate) === 0) return [];
    return [{ rule: 'table-date-mismatch', severity: 'warning', field: 'tableDate', cell: ctx.cell('tableDate'), message: ruleMessages.tableDateMismatch(tableDate, date) }];
  },
};
