import { FORMS, fieldName, getForm, tagName } from '../../src/forms';
import { firstCell, parseRange } from '../../src/forms/address';
import { insertForm, uniqueSheetName } from '../../src/workbook/excel';
import { formLayout } from '../../src/workbook/layout';
import { useFakeExcel } from './useFake';

const excel = useFakeExcel();

describe.each(FORMS.map((f) => [f.attachment, f] as const))('insertForm %s', (_name, form) => {
  test('renders into a new sheet in at most 3 syncs (measured: 2)', async () => {
    excel.fake.count();
    const result = await insertForm(form.id);
    expect(excel.fake.syncs).toBeLessThanOrEqual(3);
    expect(excel.fake.syncs).toBe(2);
    expect(result).toEqual({ form: form.id, sheetName: form.sheetName, pageLayoutApplied: true, fitToPageApplied: true, validationApplied: true });
    expect(excel.fake.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1', form.sheetName]);
    expect(excel.fake.workbook.active?.name).toBe(form.sheetName);
  });

  test('title, texts and labels are written in their cells, merged where the spec spans cells', async () => {
    await insertForm(form.id);
    const sheet = excel.fake.workbook.sheet(form.sheetName);
    expect(sheet.cell(firstCell(form.titleCell))?.value).toBe(form.title);
    expect(sheet.cell(firstCell(form.titleCell))?.fontName).toBe(form.fonts.title.name);
    expect(sheet.cell(firstCell(form.titleCell))?.bold).toBe(false);
    for (const t of form.texts) expect(sheet.cell(firstCell(t.cell))?.value).toBe(t.text);
    for (const f of form.fields) if (f.label) expect(sheet.cell(firstCell(f.label.cell))?.value).toBe(f.label.text);
    const merged = sheet.merges.map((m) => JSON.stringify(m));
    for (const f of form.fields) {
      const r = parseRange(f.cell);
      if (r.top !== r.bottom || r.left !== r.right) expect(merged).toContain(JSON.stringify(r));
    }
  });

  test('inputs are unlocked, everything else locked, the sheet protected without password', async () => {
    await insertForm(form.id);
    const sheet = excel.fake.workbook.sheet(form.sheetName);
    expect(sheet.protection.protected).toBe(true);
    expect(sheet.protection.options.allowFormatCells).toBe(true);
    for (const f of form.fields) expect([f.id, sheet.cell(firstCell(f.cell))?.locked]).toEqual([f.id, false]);
    expect(sheet.cell(firstCell(form.titleCell))?.locked).toBe(true);
    for (const f of form.fields) if (f.label) expect(sheet.cell(firstCell(f.label.cell))?.locked).toBe(true);
  });

  test('tag and field names are worksheet-scoped, on A1 and on each input', async () => {
    await insertForm(form.id);
    const sheet = excel.fake.workbook.sheet(form.sheetName);
    expect(sheet.names.find((n) => n.name === tagName(form))?.address).toBe('A1');
    for (const f of form.fields) expect(sheet.names.find((n) => n.name === fieldName(form, f.id))?.address).toBe(firstCell(f.cell));
    expect(excel.fake.workbook.names).toEqual([]);
  });

  test('widths, heights, one A4 page with the spec orientation, margins in points, print area', async () => {
    await insertForm(form.id);
    const sheet = excel.fake.workbook.sheet(form.sheetName);
    form.columnWidths.forEach((w, i) => expect(sheet.columnWidths.get(i + 1)).toBe(w));
    for (const [row, h] of Object.entries(form.rowHeights)) expect(sheet.rowHeights.get(Number(row))).toBe(h);
    expect(sheet.pageLayout).toMatchObject({
      paperSize: 'A4',
      orientation: form.print.orientation === 'landscape' ? 'Landscape' : 'Portrait',
      leftMargin: form.print.margins.left * 72,
      topMargin: form.print.margins.top * 72,
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
      printArea: formLayout(form).printArea,
    });
  });

  test('every input has a Chinese prompt; counts and dates are checked', async () => {
    await insertForm(form.id);
    const sheet = excel.fake.workbook.sheet(form.sheetName);
    for (const f of form.fields) {
      const dv = sheet.validations.find((v) => v.address === f.cell);
      expect((dv?.prompt as { message: string }).message).toMatch(/[\u4e00-\u9fff]/);
      if (f.kind === 'count') expect(dv?.rule).toEqual({ wholeNumber: { formula1: 0, formula2: 10000, operator: 'Between' } });
      if (f.kind === 'date') expect(Object.keys(dv?.rule as object)).toEqual(['date']);
    }
  });
});

test('附件3 has its month labels 1月份..12月份 and a grid over the month table', async () => {
  const form = getForm('progress');
  await insertForm('progress');
  const sheet = excel.fake.workbook.sheet(form.sheetName);
  const m = form.months!;
  for (let month = 1; month <= 12; month++) expect(sheet.cell(`${m.monthColumn}${m.firstRow + month - 1}`)?.value).toBe(`${month}月份`);
  for (const c of m.columns) {
    expect(sheet.cell(`${c.column}${m.headerRow}`)?.value).toBe(c.header);
    expect(sheet.cell(`${c.column}${m.firstRow}`)?.locked).toBe(false);
    expect(sheet.cell(`${c.column}${m.firstRow}`)?.numberFormat).toBe('@');
  }
  // Every cell of the month table is lined on all four sides.
  for (let row = m.headerRow; row <= m.firstRow + 11; row++) {
    for (const col of [m.monthColumn, ...m.columns.map((c) => c.column)]) {
      expect([`${col}${row}`, Object.keys(sheet.cell(`${col}${row}`)!.borders).sort()]).toEqual([`${col}${row}`, ['bottom', 'left', 'right', 'top']]);
    }
  }
});

test('the contact input is text, so a landline keeps its leading 0', async () => {
  await insertForm('demonstration');
  const form = getForm('demonstration');
  const contact = form.fields.find((f) => f.id === 'contact')!;
  expect(excel.fake.workbook.sheet(form.sheetName).cell(firstCell(contact.cell))?.numberFormat).toBe('@');
});

test('inserting the same form twice gives a second sheet "(2)", not an error', async () => {
  await insertForm('application');
  const second = await insertForm('application');
  expect(second.sheetName).toBe('附件2 五化建设申报表 (2)');
  expect(excel.fake.workbook.sheet(second.sheetName).names.map((n) => n.name)).toContain(tagName(getForm('application')));
});

test('on ExcelApi 1.7 (Excel 2016/2019 volume) the form is inserted without prompts and page setup, and says so', async () => {
  excel.fake.apiVersion = '1.7';
  const result = await insertForm('demonstration');
  expect(result.pageLayoutApplied).toBe(false);
  expect(result.validationApplied).toBe(false);
  const sheet = excel.fake.workbook.sheet(result.sheetName);
  expect(sheet.pageLayout).toEqual({});
  expect(sheet.validations).toEqual([]);
  expect(sheet.protection.protected).toBe(true);
});

test('no text the form writes is taken for a formula (the fake turns = + - @ in a non-text cell into one)', async () => {
  for (const form of FORMS) {
    const { sheetName } = await insertForm(form.id);
    const formulas = [...excel.fake.workbook.sheet(sheetName).cells.entries()].filter(([, c]) => c.formula !== undefined);
    expect([form.id, formulas]).toEqual([form.id, []]);
  }
});

describe('when the second sync fails', () => {
  test('a row above Excel\'s 409 pt: the half-built sheet is deleted and the Chinese error thrown, in 2 + 2 syncs', async () => {
    const form = getForm('application');
    const saved = { ...form.rowHeights };
    const row = Number(Object.keys(form.rowHeights)[0]);
    form.rowHeights[row] = 420;
    try {
      excel.fake.count();
      await expect(insertForm('application')).rejects.toMatchObject({
        name: 'ExcelOperationError',
        operation: 'insertForm',
        code: 'InvalidArgument',
        message: expect.stringMatching(/^插入表单失败：/),
      });
      expect(excel.fake.syncs).toBe(4);
    } finally {
      form.rowHeights = saved;
    }
    expect(excel.fake.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  test('a failure after the sheet was protected (the selection) still removes it; the next insert gets the plain name', async () => {
    // Excel refuses to activate the new sheet: the selection, the last command, fails.
    const wb = excel.fake.workbook;
    const active = wb.active;
    Object.defineProperty(wb, 'active', { configurable: true, get: () => active, set: () => undefined });
    try {
      await expect(insertForm('demonstration')).rejects.toMatchObject({ code: 'InvalidSelection' });
    } finally {
      Object.defineProperty(wb, 'active', { configurable: true, writable: true, value: active });
    }
    expect(excel.fake.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    const again = await insertForm('demonstration');
    expect(again.sheetName).toBe(getForm('demonstration').sheetName);
  });

  test('a failing first sync adds nothing and deletes nothing', async () => {
    const run = jest.spyOn(excel.fake, 'run').mockRejectedValueOnce(Object.assign(new Error('busy'), { code: 'ActivityLimitReached' }));
    await expect(insertForm('progress')).rejects.toMatchObject({ code: 'ActivityLimitReached' });
    expect(run).toHaveBeenCalledTimes(1);
    expect(excel.fake.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});

describe('uniqueSheetName', () => {
  test('keeps a free name, numbers a taken one case-insensitively', () => {
    expect(uniqueSheetName('汇总', ['Sheet1'])).toBe('汇总');
    expect(uniqueSheetName('Form', ['form', 'FORM (2)'])).toBe('Form (3)');
  });
  test('drops characters Excel forbids and stays within 31 characters', () => {
    expect(uniqueSheetName('a/b:c*d?[e]', [])).toBe('a b c d  e');
    const long = 'x'.repeat(40);
    expect(uniqueSheetName(long, ['x'.repeat(31)])).toBe(`${'x'.repeat(27)} (2)`);
  });
});
