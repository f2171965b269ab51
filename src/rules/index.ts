/**
 * The check rules of DOMAIN.md over one Submission. Pure: the as-of date and the stage
 * come in as options; the clock is never read here.
 */
import { getForm } from '../forms';
import type { FieldId, FormId, MonthKey } from '../forms/types';
import { ruleDescriptions } from '../i18n/rules';
import type { CheckOptions, Issue, Submission } from '../model/types';
import { committeeExceedsMembers, committeeSize, committeeSmallBranch, memberCountMin, memberCountZongzhi } from './counts';
import { dateFuture, dateLate, tableDateMismatch } from './dates';
import { branchNameKind, contactFormat, required } from './fields';
import { monthDoneFuture, monthGoalMissing, monthOwnerMissing, monthStatusMissing, monthsDuplicate, monthsMissing, monthsOrder } from './months';
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

function context(sub: Submission, opts: CheckOptions): RuleContext {
  const form = getForm(sub.form);
  const unreadable = new Set(sub.parseIssues.filter((i) => i.severity === 'error').map((i) => i.field));
  return {
    sub,
    form,
    opts,
    num: (id: FieldId) => {
      const v = sub.fields[id];
      return typeof v === 'number' ? v : null;
    },
    str: (id: FieldId) => {
      const v = sub.fields[id];
      return typeof v === 'string' && v !== '' ? v : null;
    },
    cell: (id: FieldId) => sub.cells[id],
    unreadable: (id: FieldId) => unreadable.has(id),
  };
}

const MONTH_KEYS: readonly MonthKey[] = ['goal', 'problem', 'owner', 'status'];

/** Sort key: the form's field order, then the month table as a whole, then each month's cells. */
function orderKey(fieldIds: readonly string[], field: string): [number, number, number] {
  const i = fieldIds.indexOf(field);
  if (i >= 0) return [i, 0, 0];
  if (field === 'months') return [fieldIds.length, 0, 0];
  const m = /^months\.(\d+)\.(\w+)$/.exec(field);
  if (m) return [fieldIds.length + 1, Number(m[1]), MONTH_KEYS.indexOf(m[2] as MonthKey)];
  return [fieldIds.length + 2, 0, 0];
}

/**
 * All problems of one submission: its parse issues and every rule that applies to its
 * form, ordered by the form's field order, then the months (stable within a field:
 * parse issues first, then rules in table order).
 */
export function checkSubmission(sub: Submission, opts: CheckOptions): Issue[] {
  const ctx = context(sub, opts);
  const found: Issue[] = [...sub.parseIssues];
  for (const rule of CHECKS) if (rule.forms.includes(sub.form)) found.push(...rule.check(ctx));
  const fieldIds = ctx.form.fields.map((f) => f.id as string);
  const keyed = found.map((issue, n) => ({ issue, key: orderKey(fieldIds, issue.field), n }));
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || a.n - b.n);
  return keyed.map((k) => k.issue);
}
