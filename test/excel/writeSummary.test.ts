import { CHUNK_BYTES, planChunks, prepareTable, writeSummary, type SummaryTable } from '../../src/workbook/excel';
import { FakeContext, REQUEST_LIMIT } from './fakeExcel';
import { useFakeExcel } from './useFake';

const excel = useFakeExcel();

const HEADER = ['序号', '党支部名称', '表单', '申报时间', '党员人数', '支委人数', '书记姓名', '联系方式', '党委(党总支)意见', '市直工委意见', '错误数', '警告数', '来源文件/工作表'];

function branches(n: number): SummaryTable[] {
  const rows = Array.from({ length: n }, (_, i) => [i + 1, `第${i + 1}党支部`, '附件1', '2019-04-20', 23, 5, '张三', '13800138000', '同意', null, 0, 1, `支部${i + 1}.xlsx / 附件1 示范点创建申报表`]);
  return [
    { name: '汇总', header: HEADER, rows, widths: [6, 28, 8, 12, 8, 8, 10, 14, 20, 20, 6, 6, 30], landscape: true },
    { name: '进度', header: ['党支部名称', ...Array.from({ length: 12 }, (_, m) => `${m + 1}月`), '完成率'], rows: rows.map((r) => [r[1], ...Array(12).fill('已完成'), 1]) },
    { name: '问题清单', header: ['文件', '工作表', '单元格', '党支部', '规则', '级别', '说明'], rows: rows.map((r) => [r[12], '附件1', 'B5', r[1], 'member-count-min', '错误', '党员人数不足3人']) },
    { name: '未报送', header: ['党支部名称'], rows: [['市委办机关党支部']] },
  ];
}

test('1,000 branches: four sheets in 5 syncs (sheets; set-up; rows; print setup; frozen header), every row in place', async () => {
  excel.fake.count();
  const result = await writeSummary(branches(1000));
  expect(excel.fake.syncs).toBe(5);
  expect(result).toEqual({ sheets: ['汇总', '进度', '问题清单', '未报送'], chunks: 1, printSetupApplied: true, notFitted: [], frozen: true });
  const sheet = excel.fake.workbook.sheet('汇总');
  expect(sheet.cell('B1001')?.value).toBe('第1000党支部');
  expect(sheet.cell('E1001')).toMatchObject({ value: 23, numberFormat: 'General' });
  expect(sheet.cell('H1001')).toMatchObject({ value: '13800138000', numberFormat: '@' });
  expect(excel.fake.workbook.sheet('进度').cell('N1001')?.value).toBe(1);
});

test('header bold and frozen, autofilter over the table, A4 landscape fitted to the width with the header repeated', async () => {
  await writeSummary(branches(3));
  const sheet = excel.fake.workbook.sheet('汇总');
  expect(sheet.cell('A1')).toMatchObject({ value: '序号', bold: true });
  expect(sheet.cell('M1')).toMatchObject({ value: '来源文件/工作表', bold: true });
  expect(sheet.freezeRows).toBe(1);
  expect(sheet.autoFilter).toBe('A1:M4');
  expect(sheet.pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Landscape', printTitleRows: '$1:$1', zoom: { horizontalFitToPages: 1 } });
  expect(excel.fake.workbook.sheet('未报送').pageLayout.orientation).toBe('Portrait');
  expect(sheet.columnWidths.get(2)).toBeGreaterThan(sheet.columnWidths.get(1)!);
  expect(excel.fake.workbook.active?.name).toBe('汇总');
});

test('columns meant for the screen (a full path) are left out of the print area; a table printed whole gets none', async () => {
  const [summary, ...rest] = branches(3);
  await writeSummary([{ ...summary, header: [...HEADER, '完整来源'], rows: summary.rows.map((r) => [...r, `D:/收件/${r[1]}/附件1.xlsx`]), printColumns: 13 }, ...rest]);
  expect(excel.fake.workbook.sheet('汇总').pageLayout.printArea).toBe('A1:M4');
  expect(excel.fake.workbook.sheet('进度').pageLayout.printArea).toBeUndefined();
});

test('报送率 gets a data bar from 0 to 1 in Excel\'s blue, in the same five syncs', async () => {
  const status: SummaryTable = { name: '报送情况', header: ['序号', '党支部名称', '报送率'], rows: [[1, '甲', 1], [2, '乙', 0.5], [null, '合计', 0.75]], dataBars: [2] };
  excel.fake.count();
  await writeSummary([...branches(3), status]);
  expect(excel.fake.syncs).toBe(5);
  const cfs = excel.fake.workbook.sheet('报送情况').conditionalFormats;
  expect(cfs).toHaveLength(1);
  expect(cfs[0]).toMatchObject({ type: 'DataBar', address: 'C2:C4', dataBar: { lowerBoundRule: { type: 'Number', formula: '0' }, upperBoundRule: { type: 'Number', formula: '1' }, fillColor: '#638EC6' } });
  expect(excel.fake.workbook.sheet('汇总').conditionalFormats).toEqual([]);
});

test('submitted text that looks like a formula is written as text, never evaluated', async () => {
  const evil = ['=HYPERLINK("http://x","点我")', '+86 13800138000', '-3人', '@SUM(A1)', '=1+1'];
  await writeSummary([{ name: '问题清单', header: ['说明'], rows: evil.map((e) => [e]) }]);
  const sheet = excel.fake.workbook.sheet('问题清单');
  evil.forEach((text, i) => expect(sheet.cell(`A${i + 2}`)).toMatchObject({ value: text, formula: undefined, numberFormat: '@' }));
});

test('running it again replaces the sheets in place instead of adding "汇总 (2)"', async () => {
  excel.fake.workbook.addSheet('附件1');
  await writeSummary(branches(5));
  // The user moved 汇总 to the front.
  const wb = excel.fake.workbook;
  const summary = wb.sheet('汇总');
  wb.sheets.splice(wb.sheets.indexOf(summary), 1);
  wb.sheets.unshift(summary);
  wb.renumber();
  await writeSummary(branches(2));
  expect(wb.sheets.map((s) => s.name)).toEqual(['汇总', 'Sheet1', '附件1', '进度', '问题清单', '未报送']);
  expect(wb.sheet('汇总').cell('B3')?.value).toBe('第2党支部');
  expect(wb.sheet('汇总').cell('B4')).toBeUndefined();
});

test('a workbook holding only the summary sheet can be re-summarised (never deletes its last sheet first)', async () => {
  await writeSummary([{ name: 'Sheet1', header: ['a'], rows: [['x']] }]);
  expect(excel.fake.workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  expect(excel.fake.workbook.sheet('Sheet1').cell('A2')?.value).toBe('x');
});

test('a payload above 5 MB is split into 4 MB requests: 12 MB of rows → 3 chunks, 4 syncs, none above the limit', async () => {
  const long = 'x'.repeat(30_000);
  const rows = Array.from({ length: 400 }, (_, i) => [i + 1, long]);
  excel.fake.count();
  const result = await writeSummary([{ name: '问题清单', header: ['序号', '说明'], rows }]);
  const rowsPerChunk = Math.floor(CHUNK_BYTES / prepareTable({ name: 'x', header: [], rows: [rows[0]] }).bytes[0]);
  expect(rowsPerChunk).toBe(139);
  expect(result.chunks).toBe(Math.ceil(400 / rowsPerChunk));
  expect(result.chunks).toBe(3);
  expect(excel.fake.syncs).toBe(4 + 3);
  expect(Math.max(...excel.fake.payloads)).toBeLessThanOrEqual(REQUEST_LIMIT);
  const sheet = excel.fake.workbook.sheet('问题清单');
  expect(sheet.cell('A401')?.value).toBe(400);
  expect(sheet.cell('B401')?.value).toBe(long);
});

test('planChunks: rows stay in order across tables; a row never straddles two requests', () => {
  const t = (name: string, n: number) => prepareTable({ name, header: ['a'], rows: Array.from({ length: n }, () => ['0123456789']) });
  const tables = [t('a', 5), t('b', 5)];
  const per = tables[0].bytes[0];
  const chunks = planChunks(tables, per * 4);
  expect(chunks).toEqual([
    [{ table: 0, first: 0, count: 4 }],
    [{ table: 0, first: 4, count: 1 }, { table: 1, first: 0, count: 3 }],
    [{ table: 1, first: 3, count: 2 }],
  ]);
  expect(planChunks([t('empty', 0)])).toEqual([[]]);
});

test('a text longer than an Excel cell holds is cut to 32,767 characters instead of failing the write', async () => {
  await writeSummary([{ name: '问题清单', header: ['说明'], rows: [['长'.repeat(40_000)]] }]);
  const v = excel.fake.workbook.sheet('问题清单').cell('A2')?.value as string;
  expect(v).toHaveLength(32767);
  expect(v.endsWith('…')).toBe(true);
});

test('on ExcelApi 1.8 the sheets are written without autofilter and page setup, and it says so', async () => {
  excel.fake.apiVersion = '1.8';
  const result = await writeSummary(branches(2));
  expect(result.printSetupApplied).toBe(false);
  expect(excel.fake.workbook.sheet('汇总').autoFilter).toBeUndefined();
  expect(excel.fake.workbook.sheet('汇总').freezeRows).toBe(1);
});

describe('summary writes that Excel refuses part-way', () => {
  const rowsOf = (n: number, size: number) => Array.from({ length: n }, (_, i) => [i + 1, 'x'.repeat(size)]);

  test.each(['RequestPayloadSizeLimitExceeded', 'GeneralException'] as const)(
    'a request Excel refuses for its size (%s) is halved and sent again until it passes; every row lands',
    async (code) => {
      excel.fake.oversizeCode = code;
      excel.fake.requestLimit = 1024 * 1024; // the host takes less than the 4 MB planned per request
      const rows = rowsOf(100, 30_000); // 3 MB
      const result = await writeSummary([{ name: '问题清单', header: ['序号', '说明'], rows }]);
      expect(result.chunks).toBe(4); // 3 MB → 1.5 MB halves → 0.75 MB quarters
      const sheet = excel.fake.workbook.sheet('问题清单');
      expect(sheet.cell('A101')?.value).toBe(100);
      expect(sheet.cell('A2')?.value).toBe(1);
    },
  );

  test('freezeRows failing (some Excel 2019 builds, office-js #2196) does not fail the summary: written, not frozen, said', async () => {
    excel.fake.freezeRowsFails = true;
    const result = await writeSummary(branches(3));
    expect(result).toMatchObject({ frozen: false, printSetupApplied: true });
    expect(excel.fake.workbook.sheet('汇总').cell('B4')?.value).toBe('第3党支部');
  });

  test('a failure while writing rows leaves the workbook as it was: old sheets back in name, place and content, no new ones', async () => {
    excel.fake.workbook.addSheet('附件1');
    await writeSummary(branches(2));
    const before = excel.fake.workbook.sheets.map((s) => [s.name, s.cell('B2')?.value ?? null]);
    // The row write is refused for a reason halving cannot help.
    const original = FakeContext.prototype.sync;
    let n = 0;
    const sync = jest.spyOn(FakeContext.prototype, 'sync').mockImplementation(function (this: FakeContext) {
      if (++n === 3) return Promise.reject(Object.assign(new Error('denied'), { code: 'AccessDenied' }));
      return original.call(this);
    });
    await expect(writeSummary(branches(5))).rejects.toMatchObject({ code: 'AccessDenied' });
    sync.mockRestore();
    expect(excel.fake.workbook.sheets.map((s) => [s.name, s.cell('B2')?.value ?? null])).toEqual(before);
  });

  test('a host that does not keep fit-to-width (office-js #1860) is named', async () => {
    excel.fake.ignoresFitToPages = true;
    const result = await writeSummary(branches(2));
    expect(result.notFitted).toEqual(['汇总', '进度', '问题清单', '未报送']);
  });
});
