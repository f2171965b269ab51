import { getForm, tagName } from '../../src/forms';
import { firstCell } from '../../src/forms/address';
import { cellKey } from '../../src/model/types';
import { SUMMARY_SHEET_NAMES } from '../../src/i18n/excel';
import { applyPrintSetup, insertForm, readForms, readWorkbookGrid, writeSummary } from '../../src/workbook/excel';
import { READ_WINDOW, splitAreas } from '../../src/workbook/excel/readForms';
import { FakeContext, RESPONSE_LIMIT } from './fakeExcel';
import { useFakeExcel } from './useFake';

const excel = useFakeExcel();

function cellOf(form: ReturnType<typeof getForm>, id: string): string {
  return firstCell(form.fields.find((f) => f.id === id)!.cell);
}

test('a filled 附件1 reads back by its tag in 2 syncs, dates known by their number format', async () => {
  const form = getForm('demonstration');
  const { sheetName } = await insertForm('demonstration');
  const sheet = excel.fake.workbook.sheet(sheetName);
  sheet.type(cellOf(form, 'branchName'), '市财政局机关第一党支部');
  sheet.type(cellOf(form, 'date'), 43575); // 2019-04-20, in a cell formatted as a Chinese date
  sheet.type(cellOf(form, 'memberCount'), 23);
  sheet.type(cellOf(form, 'contact'), '0371-12345678');

  excel.fake.count();
  const forms = await readForms();
  expect(excel.fake.syncs).toBe(2);
  expect(forms).toHaveLength(1);
  const [f] = forms;
  expect(f).toMatchObject({ form: 'demonstration', sheet: sheetName, via: 'tag' });
  expect(f.fields.branchName).toEqual({ raw: { v: '市财政局机关第一党支部' }, cell: cellOf(form, 'branchName') });
  expect(f.fields.date?.raw).toEqual({ v: 43575, date: true });
  expect(f.fields.memberCount?.raw).toEqual({ v: 23 });
  expect(f.fields.contact?.raw).toEqual({ v: '0371-12345678' });
});

test('30 form sheets still take 2 syncs', async () => {
  for (let i = 0; i < 10; i++) for (const id of ['demonstration', 'application', 'progress'] as const) await insertForm(id);
  expect(excel.fake.workbook.sheets).toHaveLength(31);
  excel.fake.count();
  const forms = await readForms();
  expect(excel.fake.syncs).toBe(2);
  expect(forms).toHaveLength(30);
  expect(new Set(forms.map((f) => f.sheet)).size).toBe(30);
});

test('names come back scoped to their sheet, formulas without "="; merges are read on ExcelApi 1.13', async () => {
  const { sheetName } = await insertForm('application');
  const grid = await readWorkbookGrid({ sheets: [sheetName] });
  expect(grid.sheets.map((s) => s.name)).toEqual([sheetName]);
  expect(grid.names).toContainEqual({ name: tagName(getForm('application')), scope: sheetName, ref: `'${sheetName}'!$A$1` });
  expect(grid.sheets[0].merges).toContain(getForm('application').titleCell);
});

test('without ExcelApi 1.13 the grid has no merges but the same cells', async () => {
  const { sheetName } = await insertForm('application');
  const withMerges = await readWorkbookGrid();
  excel.fake.apiVersion = '1.12';
  excel.fake.count();
  const without = await readWorkbookGrid();
  expect(excel.fake.syncs).toBe(2);
  const s = without.sheets.find((x) => x.name === sheetName)!;
  expect(s.merges).toEqual([]);
  expect([...s.cells.entries()]).toEqual([...withMerges.sheets.find((x) => x.name === sheetName)!.cells.entries()]);
});

test('a hand-typed form without tag is found by its title and labels', async () => {
  const sheet = excel.fake.workbook.addSheet('手工表');
  sheet.type('B2', '市直机关党支部“五化”建设创建进度表');
  sheet.type('B3', '党支部名称：');
  sheet.type('C3', '市委办机关党支部');
  sheet.type('B4', '时间');
  ['目标任务', '问题短板', '责任部门或人员', '完成情况'].forEach((h, i) => sheet.type(`${String.fromCharCode(67 + i)}4`, h));
  for (let m = 1; m <= 12; m++) sheet.type(`B${4 + m}`, `${m}月份`);
  sheet.type('C5', '学习贯彻');
  const forms = await readForms();
  expect(forms).toHaveLength(1);
  expect(forms[0]).toMatchObject({ form: 'progress', sheet: '手工表', via: 'labels' });
  expect(forms[0].fields.branchName?.raw).toEqual({ v: '市委办机关党支部' });
});

test('an empty sheet gives an empty grid, not an error', async () => {
  const grid = await readWorkbookGrid();
  expect(grid.sheets).toEqual([{ name: 'Sheet1', cells: new Map(), merges: [], maxRow: 0, maxCol: 0 }]);
});

test('the used range offset is kept: a value in C5 is row 5, column 3', async () => {
  excel.fake.workbook.sheet('Sheet1').type('C5', 'x');
  const grid = await readWorkbookGrid();
  expect(grid.sheets[0].cells.get(cellKey(5, 3))).toEqual({ v: 'x' });
  expect(grid.sheets[0].maxRow).toBe(5);
});

test('splitAreas keeps sheet names with commas and quotes apart from the list separator', () => {
  expect(splitAreas("'a,b''s'!$A$1:$B$2,'a,b''s'!C3,Sheet1!D4:E5")).toEqual(['A1:B2', 'C3', 'D4:E5']);
});

/** A 问题清单 as writeSummary writes it for a large merge: about 6.7 MB of values. */
async function bigSummary(rows = 20_000): Promise<void> {
  const text = '问题：党员人数不足3人，不能单独成立党支部，请核对。'.repeat(3);
  await writeSummary([
    {
      name: '问题清单',
      header: ['党支部', '表单', '申报时间', '党员人数', '支委人数', '说明', '文件'],
      rows: Array.from({ length: rows }, (_, i) => [`市直机关第${i}党支部`, '附件2', '2019-04-20', 23, 5, text, `file-${i}.xlsx`]),
    },
  ]);
}

describe(`reading is bounded by the window ${READ_WINDOW}`, () => {
  test('the whole 问题清单 of 20,000 rows would be above the 5 MB response limit', async () => {
    await bigSummary();
    await expect(
      excel.fake.run(async (ctx: any) => {
        const used = ctx.workbook.worksheets.getItem('问题清单').getUsedRangeOrNullObject(true);
        used.load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  test('a workbook with a 20,000-row summary sheet and a form reads in 2 syncs, every response under the limit', async () => {
    await bigSummary();
    const { sheetName } = await insertForm('demonstration');
    excel.fake.count();
    const forms = await readForms();
    expect(excel.fake.syncs).toBe(2);
    expect(Math.max(...excel.fake.responses)).toBeLessThan(RESPONSE_LIMIT / 10);
    expect(forms.map((f) => [f.form, f.sheet])).toEqual([['demonstration', sheetName]]);
  });

  test('checking forms skips the summary sheets: they are not read at all', async () => {
    await bigSummary(50);
    const { sheetName } = await insertForm('progress');
    excel.fake.count();
    const grid = await readWorkbookGrid({ exclude: SUMMARY_SHEET_NAMES });
    expect(excel.fake.syncs).toBe(2);
    expect(grid.sheets.map((s) => s.name)).toEqual(['Sheet1', sheetName]);
    expect(grid.names.some((n) => n.scope === '问题清单')).toBe(false);
  });

  test('a value outside the window is not read; one inside it keeps its place', async () => {
    const sheet = excel.fake.workbook.sheet('Sheet1');
    sheet.type('AN500', 'inside');
    sheet.type('AO1', 'right of it');
    sheet.type('A501', 'below it');
    const grid = await readWorkbookGrid();
    const s = grid.sheets[0];
    expect([...s.cells.values()]).toEqual([{ v: 'inside' }]);
    expect(s.cells.get(cellKey(500, 40))).toEqual({ v: 'inside' });
    expect([s.maxRow, s.maxCol]).toEqual([500, 40]);
  });

  test('print setup with a 20,000-row summary reads within the limit too', async () => {
    await bigSummary();
    excel.fake.count();
    await expect(applyPrintSetup()).resolves.toMatchObject({ forms: [], summaries: ['问题清单'], notFitted: [] });
    expect(Math.max(...excel.fake.responses)).toBeLessThan(RESPONSE_LIMIT / 10);
  });

  test('several sheets whose windows are above the limit together are read one per sync; one sheet alone is fine', async () => {
    const long = 'x'.repeat(30_000);
    for (const name of ['数据1', '数据2', '数据3']) {
      const sheet = excel.fake.workbook.addSheet(name);
      for (let row = 1; row <= 70; row++) sheet.type(`A${row}`, long); // 2.1 MB each
    }
    excel.fake.count();
    const grid = await readWorkbookGrid();
    expect(excel.fake.syncs).toBe(2 + 4); // sheet list; all at once (too large); Sheet1 and each data sheet alone
    expect(grid.sheets.map((s) => [s.name, s.cells.size])).toEqual([['Sheet1', 0], ['数据1', 70], ['数据2', 70], ['数据3', 70]]);
    expect(Math.max(...excel.fake.responses.filter((b) => b <= RESPONSE_LIMIT))).toBeLessThanOrEqual(RESPONSE_LIMIT);
  });
});

test('a form on a hidden sheet is read and marked, in the same 2 syncs (Worksheet.visibility)', async () => {
  const shown = await insertForm('application');
  const hidden = await insertForm('progress');
  const veryHidden = await insertForm('demonstration');
  excel.fake.workbook.sheet(hidden.sheetName).visibility = 'Hidden';
  excel.fake.workbook.sheet(veryHidden.sheetName).visibility = 'VeryHidden';
  excel.fake.count();
  const forms = await readForms();
  expect(excel.fake.syncs).toBe(2);
  expect(forms.map((f) => [f.sheet, f.hiddenSheet ?? false])).toEqual([
    [shown.sheetName, false],
    [hidden.sheetName, true],
    [veryHidden.sheetName, true],
  ]);
});

describe('robust reads (issue 11 §1)', () => {
  test('Excel on the web lists workbook names in sheet.names (office-js #1011): a workbook name never gets a sheet scope', async () => {
    const { sheetName } = await insertForm('application');
    excel.fake.workbook.names.push({ name: 'Print_Book', sheet: sheetName, address: 'A1:B2' });
    excel.fake.flavor = 'web';
    const grid = await readWorkbookGrid();
    expect(grid.names.filter((n) => n.name === 'Print_Book')).toEqual([{ name: 'Print_Book', scope: undefined, ref: `'${sheetName}'!$A$1:$B$2` }]);
    expect(grid.names).toContainEqual({ name: tagName(getForm('application')), scope: sheetName, ref: `'${sheetName}'!$A$1` });
  });

  test('a sheet with more than 512 merged areas is read without its merges; the other sheets keep theirs and their form', async () => {
    const { sheetName } = await insertForm('application');
    const busy = excel.fake.workbook.addSheet('合并很多');
    for (let r = 1; r <= 300; r++) busy.merges.push({ top: r, left: 1, bottom: r, right: 2 }, { top: r, left: 3, bottom: r, right: 4 });
    busy.type('E1', '数据');
    excel.fake.count();
    const grid = await readWorkbookGrid();
    expect(grid.sheets.find((s) => s.name === '合并很多')).toMatchObject({ merges: [] });
    expect(grid.sheets.find((s) => s.name === '合并很多')!.cells.size).toBe(1);
    expect(grid.sheets.find((s) => s.name === sheetName)!.merges).toContain(getForm('application').titleCell);
    // sheet list; all at once (refused); then sheet by sheet, the busy one again without merges
    expect(excel.fake.syncs).toBe(2 + 3 + 1);
  });

  test('any error of the batched read (GeneralException on the web) falls back to one sheet per sync', async () => {
    const { sheetName } = await insertForm('application');
    const original = FakeContext.prototype.sync;
    let n = 0;
    const sync = jest.spyOn(FakeContext.prototype, 'sync').mockImplementation(function (this: FakeContext) {
      if (++n === 2) return Promise.reject(Object.assign(new Error('internal'), { code: 'GeneralException' }));
      return original.call(this);
    });
    try {
      const forms = await readForms();
      expect(forms.map((f) => f.sheet)).toEqual([sheetName]);
    } finally {
      sync.mockRestore();
    }
  });
});
