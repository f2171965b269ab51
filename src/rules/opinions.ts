/**
 * The two opinions under each form: the 上级党委（党总支）must have looked at the form
 * before the committee takes it (notice 三(一)); the 市直工委 fills its own.
 */
import type { FieldId } from '../forms/types';
import { ruleDescriptions, ruleMessages } from '../i18n/rules';
import type { Issue } from '../model/types';
import { compareDates } from './dates';
import type { Rule } from './types';

const FORMS = ['demonstration', 'application'] as const;

export const opinionMissing: Rule = {
  id: 'opinion-missing',
  forms: FORMS,
  describe: ruleDescriptions['opinion-missing'],
  check: (ctx) => {
    if (ctx.str('partyCommitteeOpinion') !== null) return [];
    const committee = ctx.opts.stage === 'committee';
    return [
      {
        rule: 'opinion-missing',
        severity: committee ? 'error' : 'info',
        field: 'partyCommitteeOpinion',
        cell: ctx.cell('partyCommitteeOpinion'),
        message: committee ? ruleMessages.opinionMissingCommittee() : ruleMessages.opinionMissingFilling(),
      },
    ];
  },
};

export const opinionPending: Rule = {
  id: 'opinion-pending',
  forms: FORMS,
  describe: ruleDescriptions['opinion-pending'],
  check: (ctx) => {
    if (ctx.str('workCommitteeOpinion') !== null) return [];
    return [{ rule: 'opinion-pending', severity: 'info', field: 'workCommitteeOpinion', cell: ctx.cell('workCommitteeOpinion'), message: ruleMessages.opinionPending() }];
  },
};

export const opinionUndated: Rule = {
  id: 'opinion-undated',
  forms: FORMS,
  describe: ruleDescriptions['opinion-undated'],
  check: (ctx) => {
    const out: Issue[] = [];
    const date = ctx.str('date');
    const fields = ctx.form.fields;
    for (let i = 0; i < fields.length; i++) {
      const dateSpec = fields[i];
      if (!dateSpec.dateOf) continue;
      const opinion = dateSpec.dateOf as FieldId;
      if (ctx.str(opinion) === null || ctx.unreadable(dateSpec.id)) continue;
      const signed = ctx.str(dateSpec.id);
      const cell = ctx.cell(dateSpec.id) ?? ctx.cell(opinion);
      if (signed === null) {
        out.push({ rule: 'opinion-undated', severity: 'warning', field: dateSpec.id, cell, message: ruleMessages.opinionUndated(opinion) });
      } else if (date !== null && compareDates(signed, date) < 0) {
        out.push({ rule: 'opinion-undated', severity: 'warning', field: dateSpec.id, cell, message: ruleMessages.opinionBeforeDate(opinion, signed, date) });
      }
    }
    return out;
  },
};
