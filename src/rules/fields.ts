/** Rules about single fields: required fields, contact number, branch name. */
import { ruleMessages } from '../i18n/rules';
import { parsePhone } from '../model/parse';
import { foldText } from '../model/text';
import type { Issue } from '../model/types';
import { ruleDescriptions } from '../i18n/rules';
import type { Rule } from './types';

export const required: Rule = {
  id: 'required',
  forms: ['demonstration', 'application', 'progress'],
  describe: ruleDescriptions.required,
  check: (ctx) => {
    const out: Issue[] = [];
    const fields = ctx.form.fields;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (!f.required || ctx.unreadable(f.id)) continue;
      const v = ctx.sub.fields[f.id];
      if (v === null || v === undefined || v === '') {
        out.push({ rule: 'required', severity: 'error', field: f.id, cell: ctx.cell(f.id), message: ruleMessages.required(f.id) });
      }
    }
    return out;
  },
};

export const contactFormat: Rule = {
  id: 'contact-format',
  forms: ['demonstration'],
  describe: ruleDescriptions['contact-format'],
  check: (ctx) => {
    const typed = ctx.str('contact');
    if (typed === null) return [];
    if (parsePhone({ v: typed }).kind !== null) return [];
    return [{ rule: 'contact-format', severity: 'warning', field: 'contact', cell: ctx.cell('contact'), message: ruleMessages.contactFormat(typed) }];
  },
};

/** Endings of names of organisations above a branch; "…党支部委员会" is a branch. */
const NOT_A_BRANCH = ['总支部委员会', '党总支部', '总支部', '党总支', '总支', '党委', '工委'];

/** The ending that shows a name is not a branch's, or null. */
export function nonBranchEnding(name: string): string | null {
  const n = foldText(name).replace(/\s/g, '');
  const hit = NOT_A_BRANCH.find((e) => n.endsWith(e));
  if (hit) return hit;
  if (n.endsWith('委员会') && !n.slice(0, -3).endsWith('支部')) return '委员会';
  return null;
}

export const branchNameKind: Rule = {
  id: 'branch-name-kind',
  forms: ['demonstration', 'application', 'progress'],
  describe: ruleDescriptions['branch-name-kind'],
  check: (ctx) => {
    const name = ctx.str('branchName');
    const ending = name === null ? null : nonBranchEnding(name);
    if (name === null || ending === null) return [];
    return [{ rule: 'branch-name-kind', severity: 'warning', field: 'branchName', cell: ctx.cell('branchName'), message: ruleMessages.branchNameKind(name, ending) }];
  },
};
