import { getForm } from '../../src/forms';
import { firstCell } from '../../src/forms/address';
import type { FieldId, FormId, MonthKey } from '../../src/forms/types';
import { normaliseForm, splitOpinion } from '../../src/model/normalise';
import type { ExtractedForm, FoundMonthRow, GridCell } from '../../src/model/types';

/** An extracted form with values at the template's cells. */
function extracted(form: FormId, values: Partial<Record<FieldId, GridCell['v'] | GridCell>>, months?: FoundMonthRow[]): ExtractedForm {
  const spec = getForm(form);
  const fields: ExtractedForm['fields'] = {};
  for (const f of spec.fields) {
    const v = values[f.id];
    const raw = v === undefined ? null : typeof v === 'object' ? v : { v };
    fields[f.id] = { raw, cell: firstCell(f.cell) };
  }
  return { form, sheet: spec.sheetName, via: 'tag', templateVersion: 1, fields, months };
}

function monthRow(row: number, label: string, values: Partial<Record<MonthKey, string>>): FoundMonthRow {
  const cols: Record<MonthKey, string> = { goal: 'B', problem: 'C', owner: 'D', status: 'E' };
  const out = {} as FoundMonthRow['values'];
  for (const k of Object.keys(cols) as MonthKey[]) out[k] = { raw: values[k] === undefined ? null : { v: values[k] as string }, cell: `${cols[k]}${row}` };
  return { label: { v: label }, labelCell: `A${row}`, row, values: out };
}

describe('splitOpinion', () => {
  test('stamp line and trailing date line are removed, the date is returned', () => {
    expect(splitOpinion('同意申报。\n（盖章）\n2019年4月25日')).toEqual({ text: '同意申报。', dateText: '2019年4月25日' });
  });
  test('stamp and date on one line', () => {
    expect(splitOpinion('同意。\n（盖章）   2019年4月25日')).toEqual({ text: '同意。', dateText: '2019年4月25日' });
  });
  test.each(['(盖章)', '盖章', '签章', '（ 盖章 ）'])('stamp-only line %s is removed', (stamp) => {
    expect(splitOpinion(`同意申报。\n${stamp}`)).toEqual({ text: '同意申报。', dateText: null });
  });
  test('the empty "年 月 日" line is removed without a date', () => {
    expect(splitOpinion('同意申报。\n（盖章）\n      年    月    日')).toEqual({ text: '同意申报。', dateText: null });
  });
  test('only stamp and empty date → no opinion', () => {
    expect(splitOpinion('（盖章）\n年  月  日')).toEqual({ text: null, dateText: null });
  });
  test('a line that mentions 盖章 among other words stays', () => {
    expect(splitOpinion('同意，已盖章确认。')).toEqual({ text: '同意，已盖章确认。', dateText: null });
  });
  test('a date in the middle of the text stays', () => {
    expect(splitOpinion('2019年4月1日召开支委会研究。\n同意。')).toEqual({ text: '2019年4月1日召开支委会研究。\n同意。', dateText: null });
  });
  test('the date line above its stamp line', () => {
    expect(splitOpinion('同意推荐。\n2019年4月25日\n（盖章）')).toEqual({ text: '同意推荐。', dateText: '2019年4月25日' });
  });
  test.each(['（单位盖章）', '(党委盖章)', '（签字）'])('stamp note %s is removed whole', (stamp) => {
    expect(splitOpinion(`同意推荐。\n${stamp}\n2019年4月25日`)).toEqual({ text: '同意推荐。', dateText: '2019年4月25日' });
  });
  test('text, stamp and date on one line', () => {
    expect(splitOpinion('同意推荐。（盖章）2019年5月21日')).toEqual({ text: '同意推荐。', dateText: '2019年5月21日' });
  });
  test('a date ending a sentence without a stop before it stays in the text', () => {
    expect(splitOpinion('同意于2019年5月21日')).toEqual({ text: '同意于2019年5月21日', dateText: null });
  });
  test('Chinese-numeral date line', () => {
    expect(splitOpinion('同意\n二〇一九年四月二十五日')).toEqual({ text: '同意', dateText: '二〇一九年四月二十五日' });
  });
});

describe('normaliseForm', () => {
  test('附件1: every kind normalised, cells recorded', () => {
    const sub = normaliseForm(
      extracted('demonstration', {
        branchName: '  市财政局机关第一党支部 ',
        date: { v: 43572, date: true },
        memberCount: '23人',
        committeeCount: '５',
        secretaryName: '张三',
        contact: '0746-8221234',
        basicWork: '第一段\r\n第二段',
        highlights: '亮点',
        partyCommitteeOpinionDate: '年    月    日',
      }),
      'a.xlsx',
    );
    expect(sub.fields).toEqual({
      branchName: '市财政局机关第一党支部',
      date: '2019-04-17',
      memberCount: 23,
      committeeCount: 5,
      secretaryName: '张三',
      contact: '0746-8221234',
      basicWork: '第一段\n第二段',
      highlights: '亮点',
      partyCommitteeOpinion: null,
      partyCommitteeOpinionDate: null,
      workCommitteeOpinion: null,
      workCommitteeOpinionDate: null,
    });
    expect(sub.cells.memberCount).toBe('B5');
    expect(sub.cells.date).toBe('H4');
    expect(sub).toMatchObject({ file: 'a.xlsx', sheet: '附件1 示范点创建申报表', form: 'demonstration', via: 'tag', templateVersion: 1, parseIssues: [] });
    expect(sub.months).toBeUndefined();
  });

  test('count that is not a number → count-not-number error with field and cell, value null', () => {
    const sub = normaliseForm(extracted('application', { memberCount: '含预备党员3人', committeeCount: '若干' }), 'b.xlsx');
    expect(sub.fields.memberCount).toBeNull();
    expect(sub.parseIssues.map((i) => [i.rule, i.severity, i.field, i.cell])).toEqual([
      ['count-not-number', 'error', 'memberCount', 'B4'],
      ['count-not-number', 'error', 'committeeCount', 'D4'],
    ]);
    expect(sub.parseIssues[0].message).toContain('党员人数');
    expect(sub.parseIssues[0].message).toContain('含预备党员3人');
  });

  test('date-invalid error and date-incomplete warning', () => {
    const sub = normaliseForm(extracted('application', { date: '2019-02-30', tableDate: '2019年4月' }), 'c.xlsx');
    expect(sub.fields.date).toBeNull();
    expect(sub.fields.tableDate).toBe('2019-04');
    expect(sub.parseIssues.map((i) => [i.rule, i.severity, i.field, i.cell])).toEqual([
      ['date-invalid', 'error', 'date', 'F3'],
      ['date-incomplete', 'warning', 'tableDate', 'F4'],
    ]);
  });

  test('1904 workbooks shift serial dates', () => {
    const sub = normaliseForm(extracted('application', { date: { v: 43572 - 1462, date: true } }), 'd.xlsx', { date1904: true });
    expect(sub.fields.date).toBe('2019-04-17');
  });

  test('opinion text split: stamp and date removed, date fills the empty date field with the opinion cell', () => {
    const sub = normaliseForm(
      extracted('application', { partyCommitteeOpinion: '同意申报。\n（盖章）\n2019年4月25日', partyCommitteeOpinionDate: '年    月    日' }),
      'e.xlsx',
    );
    expect(sub.fields.partyCommitteeOpinion).toBe('同意申报。');
    expect(sub.fields.partyCommitteeOpinionDate).toBe('2019-04-25');
    expect(sub.cells.partyCommitteeOpinionDate).toBe('B6');
    expect(sub.parseIssues).toEqual([]);
  });

  test('opinion date line does not overwrite a filled date field', () => {
    const sub = normaliseForm(extracted('application', { partyCommitteeOpinion: '同意\n2019年4月25日', partyCommitteeOpinionDate: '2019年4月26日' }), 'f.xlsx');
    expect(sub.fields.partyCommitteeOpinion).toBe('同意');
    expect(sub.fields.partyCommitteeOpinionDate).toBe('2019-04-26');
    expect(sub.cells.partyCommitteeOpinionDate).toBe('B8');
  });

  test('an impossible date line inside the opinion is reported on the date field', () => {
    const sub = normaliseForm(extracted('application', { workCommitteeOpinion: '同意\n2019年4月31日' }), 'g.xlsx');
    expect(sub.fields.workCommitteeOpinion).toBe('同意');
    expect(sub.fields.workCommitteeOpinionDate).toBeNull();
    expect(sub.parseIssues.map((i) => [i.rule, i.field, i.cell])).toEqual([['date-invalid', 'workCommitteeOpinionDate', 'B9']]);
  });

  test('formula-looking text is preserved exactly', () => {
    const sub = normaliseForm(extracted('application', { branchName: '=HYPERLINK("x")', plan: '+1 计划\n-2 计划', partyCommitteeOpinion: '@同意' }), 'h.xlsx');
    expect(sub.fields.branchName).toBe('=HYPERLINK("x")');
    expect(sub.fields.plan).toBe('+1 计划\n-2 计划');
    expect(sub.fields.partyCommitteeOpinion).toBe('@同意');
  });

  test('附件3: month rows mapped with month numbers, values and cells', () => {
    const sub = normaliseForm(
      extracted('progress', { branchName: '某党支部' }, [monthRow(5, '1月份', { goal: '建立台账', owner: '组织委员' }), monthRow(6, '二月', { goal: '  学习  ', status: '已完成' }), monthRow(7, '小计', {})]),
      'i.xlsx',
    );
    expect(sub.months).toEqual([
      { month: 1, goal: '建立台账', problem: null, owner: '组织委员', status: null, row: 5, labelCell: 'A5', cells: { goal: 'B5', problem: 'C5', owner: 'D5', status: 'E5' } },
      { month: 2, goal: '学习', problem: null, owner: null, status: '已完成', row: 6, labelCell: 'A6', cells: { goal: 'B6', problem: 'C6', owner: 'D6', status: 'E6' } },
      { month: null, goal: null, problem: null, owner: null, status: null, row: 7, labelCell: 'A7', cells: { goal: 'B7', problem: 'C7', owner: 'D7', status: 'E7' } },
    ]);
  });

  test('附件3 without a month table → empty months', () => {
    expect(normaliseForm(extracted('progress', { branchName: '某党支部' }), 'j.xlsx').months).toEqual([]);
  });

  test('a field the reader did not find is null and has no cell', () => {
    const x = extracted('application', { branchName: '某党支部' });
    delete x.fields.plan;
    const sub = normaliseForm(x, 'k.xlsx');
    expect(sub.fields.plan).toBeNull();
    expect(sub.cells.plan).toBeUndefined();
  });
});
