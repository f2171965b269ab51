/** text-overflow: typed text that will not print whole in its box of the template (src/forms/capacity.ts). */
import { fieldBox, hiddenChars, monthBox } from '../forms/capacity';
import { ruleDescriptions, ruleMessages } from '../i18n/rules';
import type { Issue } from '../model/types';
import type { Rule } from './types';

export const textOverflow: Rule = {
  id: 'text-overflow',
  forms: ['demonstration', 'application', 'progress'],
  describe: ruleDescriptions['text-overflow'],
  check: (ctx) => {
    const out: Issue[] = [];
    const fields = ctx.form.fields;
    for (let k = 0; k < fields.length; k++) {
      const f = fields[k];
      if (f.kind !== 'text' && f.kind !== 'longText' && f.kind !== 'opinion') continue;
      const text = ctx.str(f.id);
      if (text === null) continue;
      const box = fieldBox(ctx.form, f);
      // A shrink-to-fit box prints smaller rather than wrap: it cuts only below the smallest legible size.
      const hidden = f.shrinkToFit ? hiddenChars(text, box.width, box.height, MIN_SHRINK, true) : hiddenChars(text, box.width, box.height, box.size);
      if (hidden > 0) out.push({ rule: 'text-overflow', severity: 'warning', field: f.id, cell: ctx.cell(f.id), message: ruleMessages.textOverflow(f.id, hidden, [...text].length - hidden) });
    }
    const m = ctx.form.months;
    const rows = ctx.sub.months;
    if (!m || !rows) return out;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (row.month === null) continue;
      for (let k = 0; k < m.columns.length; k++) {
        const c = m.columns[k];
        const text = row[c.key];
        if (!text) continue;
        const box = monthBox(ctx.form, row.month, c.column);
        const hidden = hiddenChars(text, box.width, box.height, box.size);
        if (hidden > 0) out.push({ rule: 'text-overflow', severity: 'warning', field: `months.${row.month}.${c.key}`, cell: row.cells[c.key] || undefined, message: ruleMessages.monthTextOverflow(row.month, c.key, hidden, [...text].length - hidden) });
      }
    }
    return out;
  },
};

/** The smallest size a shrink-to-fit branch name is still read at. */
const MIN_SHRINK = 7;
