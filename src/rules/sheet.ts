/** Rules about where a form sits in its workbook. */
import { ruleDescriptions, ruleMessages } from '../i18n/rules';
import type { Rule } from './types';

/** A form on a hidden sheet is read (nothing is lost) but said: the clerk may not know it is there. */
export const hiddenSheet: Rule = {
  id: 'hidden-sheet',
  forms: ['demonstration', 'application', 'progress'],
  describe: ruleDescriptions['hidden-sheet'],
  check: (ctx) =>
    ctx.sub.hiddenSheet ? [{ rule: 'hidden-sheet', severity: 'info', field: 'sheet', cell: ctx.cell('branchName'), message: ruleMessages.hiddenSheet(ctx.sub.sheet) }] : [],
};
