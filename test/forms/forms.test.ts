import { displayWidth } from '../../src/model/text';
import { printableSize } from '../../src/forms/units';
import { FORMS, MAX_ROW_HEIGHT, findForm, fieldName, getForm, parseTagName, tagName } from '../../src/forms';
import { parseRange, type RangeRef } from '../../src/forms/address';
import type { FormSpec } from '../../src/forms/types';

/** Every range a form occupies: texts, labels, inputs, title, month table cells. */
function occupied(form: FormSpec): { what: string; range: RangeRef }[] {
  const out: { what: string; range: RangeRef }[] = [{ what: 'title', range: parseRange(form.titleCell) }];
  for (const t of form.texts) out.push({ what: `text ${t.text}`, range: parseRange(t.cell) });
  for (const f of form.fields) {
    out.push({ what: `input ${f.id}`, range: parseRange(f.cell) });
    if (f.label) out.push({ what: `label ${f.id}`, range: parseRange(f.label.cell) });
  }
  const m = form.months;
  if (m) {
    for (const col of [m.monthColumn, ...m.columns.map((c) => c.column)]) {
      out.push({ what: `month table ${col}`, range: parseRange(`${col}${m.headerRow}:${col}${m.firstRow + 11}`) });
    }
  }
  return out;
}

const overlaps = (a: RangeRef, b: RangeRef) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

describe.each(FORMS.map((f) => [f.attachment, f] as const))('%s FormSpec', (_name, form) => {
  test('no two cells of the form overlap', () => {
    const cells = occupied(form);
    for (let i = 0; i < cells.length; i++) {
      for (let j = i + 1; j < cells.length; j++) {
        expect([cells[i].what, cells[j].what, overlaps(cells[i].range, cells[j].range)]).toEqual([cells[i].what, cells[j].what, false]);
      }
    }
  });

  test('everything lies within the columns that have widths', () => {
    for (const { what, range } of occupied(form)) expect([what, range.right <= form.columnWidths.length]).toEqual([what, true]);
  });

  test('row heights are within Excel\'s 409-point limit (a taller row fails in Office.js)', () => {
    const heights = [...Object.values(form.rowHeights), form.months?.rowHeight ?? 0];
    for (const h of heights) expect(h).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
  });

  test('the form fits inside its page\'s margins at 100 % (so 附件N prints at 16 pt and the title at 22 pt) and fills most of it', () => {
    const page = printableSize(form.print);
    const width = form.columnWidths.reduce((a, b) => a + b, 0);
    const rows = { ...form.rowHeights };
    if (form.months) for (let i = 0; i < 12; i++) rows[form.months.firstRow + i] = form.months.rowHeight;
    const height = Object.values(rows).reduce((a, b) => a + b, 0);
    expect([width <= page.width, height <= page.height - 4, height / page.height > 0.97]).toEqual([true, true, true]);
  });

  test('every label in the table stands off its borders (its longest line at least 4 pt from each side)', () => {
    const table = parseRange(form.tableRange);
    const labels = form.fields.filter((f) => f.label).map((f) => f.label!);
    for (const { text, cell } of labels) {
      const r = parseRange(cell);
      if (r.top < table.top) continue;
      const width = form.columnWidths.slice(r.left - 1, r.right).reduce((a, b) => a + b, 0);
      const longest = (displayWidth(text) * form.fonts.body.size) / 2;
      expect([text, width - longest >= 8]).toEqual([text, true]);
    }
  });

  test('field ids are unique and opinion dates point at an opinion', () => {
    const ids = form.fields.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of form.fields.filter((x) => x.dateOf)) expect(form.fields.find((o) => o.id === f.dateOf)?.kind).toBe('opinion');
  });

  test('every field but an opinion date has a label with the paper wording', () => {
    for (const f of form.fields) expect([f.id, Boolean(f.label) || Boolean(f.dateOf)]).toEqual([f.id, true]);
  });

  test('tag and field names are valid Excel names and parse back', () => {
    expect(parseTagName(tagName(form))).toEqual({ form: form.id, version: form.templateVersion });
    for (const f of form.fields) expect(fieldName(form, f.id)).toMatch(/^[A-Za-z_][A-Za-z0-9_]{0,254}$/);
  });
});

test('DESIGN.md field ids per form', () => {
  expect(getForm('demonstration').fields.map((f) => f.id)).toEqual([
    'branchName', 'date', 'memberCount', 'committeeCount', 'secretaryName', 'contact', 'basicWork', 'highlights',
    'partyCommitteeOpinion', 'partyCommitteeOpinionDate', 'workCommitteeOpinion', 'workCommitteeOpinionDate',
  ]);
  expect(getForm('application').fields.map((f) => f.id)).toEqual([
    'branchName', 'date', 'memberCount', 'committeeCount', 'tableDate', 'plan',
    'partyCommitteeOpinion', 'partyCommitteeOpinionDate', 'workCommitteeOpinion', 'workCommitteeOpinionDate',
  ]);
  expect(getForm('progress').fields.map((f) => f.id)).toEqual(['branchName']);
  expect(getForm('progress').months?.columns.map((c) => c.key)).toEqual(['goal', 'problem', 'owner', 'status']);
});

test('DOMAIN.md required fields per form', () => {
  const required = (id: 'demonstration' | 'application' | 'progress') => getForm(id).fields.filter((f) => f.required).map((f) => f.id);
  expect(required('demonstration')).toEqual(['branchName', 'date', 'memberCount', 'committeeCount', 'secretaryName', 'contact', 'basicWork', 'highlights']);
  expect(required('application')).toEqual(['branchName', 'date', 'memberCount', 'committeeCount', 'plan']);
  expect(required('progress')).toEqual(['branchName']);
});

test.each([
  ['1', 'demonstration'], ['2', 'application'], ['3', 'progress'], ['附件2', 'application'], ['progress', 'progress'],
])('findForm(%s) → %s', (name, id) => {
  expect(findForm(name)?.id).toBe(id);
});

test('findForm of an unknown name is undefined', () => {
  expect(findForm('4')).toBeUndefined();
  expect(findForm('')).toBeUndefined();
});
