import { FORMS, getForm } from '../../src/forms';
import { parseRange } from '../../src/forms/address';
import { fieldPrompt } from '../../src/i18n/form';
import { formLayout } from '../../src/workbook/layout';
import { charsToPoints } from '../../src/forms';

describe.each(FORMS.map((f) => [f.attachment, f] as const))('formLayout %s', (_name, form) => {
  const layout = formLayout(form);

  test('the print area covers every text, input and border of the form', () => {
    const area = parseRange(layout.printArea);
    for (const a of [...layout.texts.map((t) => t.address), ...layout.inputs.map((i) => i.address), ...layout.outlines, ...layout.grids]) {
      const r = parseRange(a);
      expect([a, r.bottom <= area.bottom && r.right <= area.right]).toEqual([a, true]);
    }
    expect(area.right).toBe(form.columnWidths.length);
  });

  test('one input per field (+ 48 month cells on 附件3), each with a prompt of at most 32/255 characters', () => {
    expect(layout.inputs).toHaveLength(form.fields.length + (form.months ? 48 : 0));
    for (const i of layout.inputs) {
      expect(i.prompt.title.length).toBeLessThanOrEqual(32);
      expect(i.prompt.message.length).toBeLessThanOrEqual(255);
    }
  });

  test('the tag comes first, then one name per field', () => {
    expect(layout.names.map((n) => n.name)).toEqual([`WUHUA_${form.id}_v${form.templateVersion}`, ...form.fields.map((f) => `WUHUA_${form.id}_${f.id}`)]);
  });
});

test('labels above the table lead into their inputs (right), labels in the table are centred; header inputs are underlined', () => {
  const layout = formLayout(getForm('demonstration'));
  expect(layout.texts.find((t) => t.text === '申报党支部名称：')?.hAlign).toBe('Right');
  expect(layout.texts.find((t) => t.text === '党 员\n人 数')?.hAlign).toBe('Center');
  expect(layout.inputs.filter((i) => i.underline).map((i) => i.key)).toEqual(['branchName', 'date']);
});

test('an opinion, its stamp and its date line are framed as one box', () => {
  const layout = formLayout(getForm('demonstration'));
  expect(layout.outlines).toContain('B8:H10');
  expect(layout.outlines).not.toContain('B10:H10');
});

test('prompts name what to type', () => {
  expect(fieldPrompt('count', '党员人数').message).toBe('请填写党员人数（整数，不写“人”），如：23');
  expect(fieldPrompt('phone', '联系方式').message).toMatch(/0746/); // 永州's area code
  expect(fieldPrompt('date', '申报时间').message).toMatch(/2019年4月20日/);
});

test('column width in characters → points: 10 characters of 7 px + 5 px padding = 56.25 pt', () => {
  expect(charsToPoints(10)).toBe(56.25);
});
