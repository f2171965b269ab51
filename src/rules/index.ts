/**
 * The check rules of DOMAIN.md over one Submission. Pure: the as-of date and the stage
 * come in as options; the clock is never read here.
 */
import { getForm } from '../forms';
import type { FieldId, FormId, FormSpec, MonthKey } from '../forms/types';
import { ruleDescriptions } from '../i18n/rules';
import type { CheckOptions, Issue, MonthEntry, Submission } from '../model/types';
import { committeeExceedsMembers, committeeSize, committeeSmallBranch, memberCountMin, memberCountZongzhi } from './counts';
import { dateFuture, dateLate, tableDateMismatch } from './dates';
import { branchNameKind, contactFormat, required } from './fields';
import { firstOfEachMonth, monthDoneFuture, monthGoalMissing, monthOwnerMissing, monthStatusMissing, monthsDuplicate, monthsMissing, monthsOrder } from './months';
import { opinionMissing, opinionPending, opinionUndated } from './opinions';
import { hiddenSheet } from './sheet';
import { textOverflow } from './overflow';
import type { Rule, RuleContext, RuleInfo } from './types';

export type { Rule, RuleContext, RuleInfo } from './types';
export { compareDates } from './dates';
export { nonBranchEnding } from './fields';

const FORMS_WITH_COUNTS: readonly FormId[] = ['demonstration', 'application'];

/** Issues found while reading values (src/model/normalise.ts), listed with the rules for the help. */
const PARSE_RULES: readonly RuleInfo[] = [
  { id: 'count-not-number', forms: FORMS_WITH_COUNTS, describe: ruleDescriptions['count-not-number'] },
  { id: 'date-invalid', forms: FORMS_WITH_COUNTS, describe: ruleDescriptions['date-invalid'] },
  { id: 'date-incomplete', forms: FORMS_WITH_COUNTS, describe: ruleDescriptions['date-incomplete'] },
];

/** The rules in the order they run (the order of DOMAIN.md's table). */
export const CHECKS: readonly Rule[] = [
  required,
  memberCountMin,
  memberCountZongzhi,
  committeeExceedsMembers,
  committeeSize,
  committeeSmallBranch,
  contactFormat,
  dateLate,
  dateFuture,
  tableDateMismatch,
  opinionMissing,
  opinionPending,
  opinionUndated,
  monthsMissing,
  monthsDuplicate,
  monthsOrder,
  monthGoalMissing,
  monthOwnerMissing,
  monthStatusMissing,
  monthDoneFuture,
  branchNameKind,
  textOverflow,
  hiddenSheet,
];

/** Every issue id a check can report: id, the forms it applies to, a Chinese one-line description. */
/** Rules over several submissions and the roster, run by the merge (src/rules/obligations.ts). */
const COMMITTEE_RULES: readonly RuleInfo[] = [
  { id: 'form-missing', forms: ['application', 'progress'], describe: ruleDescriptions['form-missing'] },
  { id: 'demonstration-missing', forms: ['demonstration'], describe: ruleDescriptions['demonstration-missing'] },
  { id: 'cross-form-mismatch', forms: FORMS_WITH_COUNTS, describe: ruleDescriptions['cross-form-mismatch'] },
];

export const RULES: readonly RuleInfo[] = [...PARSE_RULES, ...CHECKS.map(({ id, forms, describe }) => ({ id, forms, describe })), ...COMMITTEE_RULES];

/**
 * What the rules see of one submission. A class, not an object of closures: one object per
 * submission instead of five, and the month rows' first-of-each-month list made once for the
 * five month rules that ask for it (each made a Set and two arrays of its own).
 */
class SubmissionContext implements RuleContext {
  readonly form: FormSpec;
  private firstMonths: MonthEntry[] | undefined;

  constructor(
    readonly sub: Submission,
    readonly opts: CheckOptions,
  ) {
    this.form = getForm(sub.form);
  }

  num(id: FieldId): number | null {
    const v = this.sub.fields[id];
    return typeof v === 'number' ? v : null;
  }

  str(id: FieldId): string | null {
    const v = this.sub.fields[id];
    return typeof v === 'string' && v !== '' ? v : null;
  }

  cell(id: FieldId): string | undefined {
    return this.sub.cells[id];
  }

  unreadable(id: FieldId): boolean {
    // A few parse issues at most (most forms have none): looked through, no set made per form.
    const parseIssues = this.sub.parseIssues;
    for (let i = 0; i < parseIssues.length; i++) if (parseIssues[i].severity === 'error' && parseIssues[i].field === id) return true;
    return false;
  }

  firstMonthRows(): readonly MonthEntry[] {
    return (this.firstMonths ??= firstOfEachMonth(this.sub.months ?? []));
  }
}

const MONTH_KEYS: readonly MonthKey[] = ['goal', 'problem', 'owner', 'status'];

/** Each form's field ids by their place in the form, made once (a form's fields are fixed). */
const fieldOrders = new Map<FormId, ReadonlyMap<string, number>>();
function fieldOrder(form: FormSpec): ReadonlyMap<string, number> {
  let order = fieldOrders.get(form.id);
  if (!order) fieldOrders.set(form.id, (order = new Map(form.fields.map((f, i) => [f.id as string, i]))));
  return order;
}

const MONTH_FIELD = /^months\.(\d+)\.(\w+)$/;

/** An issue with its sort key: the form's field order, then the month table as a whole, then each month's cells; then n, its place as found. */
interface Keyed {
  issue: Issue;
  field: number;
  month: number;
  cell: number;
  n: number;
}

function keyed(order: ReadonlyMap<string, number>, issue: Issue, n: number): Keyed {
  const i = order.get(issue.field);
  if (i !== undefined) return { issue, field: i, month: 0, cell: 0, n };
  if (issue.field === 'months') return { issue, field: order.size, month: 0, cell: 0, n };
  const m = MONTH_FIELD.exec(issue.field);
  if (m) return { issue, field: order.size + 1, month: Number(m[1]), cell: MONTH_KEYS.indexOf(m[2] as MonthKey), n };
  return { issue, field: order.size + 2, month: 0, cell: 0, n };
}

/**
 * All problems of one submission: its parse issues and every rule that applies to its
 * form, ordered by the form's field order, then the months (stable within a field:
 * parse issues first, then rules in table order).
 */
export function checkSubmission(sub: Submission, opts: CheckOptions): Issue[] {
  const ctx = new SubmissionContext(sub, opts);
  const found: Issue[] = sub.parseIssues.slice();
  const rules = rulesOf(sub.form);
  for (let r = 0; r < rules.length; r++) {
    const issues = rules[r].check(ctx);
    for (let i = 0; i < issues.length; i++) found.push(issues[i]);
  }
  return inFieldOrder(ctx.form, found);
}

/**
 * Issues ordered by the form's field order, then the month table as a whole, then each
 * month's cells; stable (as found) within a place. `found` itself when already in that
 * order — most lists are (rules of the same field follow the parse issues): the sort would
 * give them back as they are (n breaks every tie), and no list is made nor sorted.
 */
export function inFieldOrder(form: FormSpec, found: Issue[]): Issue[] {
  if (found.length < 2) return found;
  const order = fieldOrder(form);
  let prev = keyed(order, found[0], 0);
  let n = 1;
  for (; n < found.length; n++) {
    const k = keyed(order, found[n], n);
    if (compareKeyed(prev, k) > 0) break;
    prev = k;
  }
  if (n === found.length) return found;
  const list = found.map((issue, n) => keyed(order, issue, n));
  list.sort(compareKeyed);
  return list.map((k) => k.issue);
}

function compareKeyed(a: Keyed, b: Keyed): number {
  return a.field - b.field || a.month - b.month || a.cell - b.cell || a.n - b.n;
}

/** The checks that apply to a form, in table order, listed once per form (not asked of all 23 for every submission). */
const rulesByForm = new Map<FormId, readonly Rule[]>();
function rulesOf(form: FormId): readonly Rule[] {
  let rules = rulesByForm.get(form);
  if (!rules) rulesByForm.set(form, (rules = CHECKS.filter((rule) => rule.forms.includes(form))));
  return rules;
}
