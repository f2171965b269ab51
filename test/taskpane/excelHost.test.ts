import type { ExtractedForm, WorkbookGrid } from '../../src/model/types';
import { cellKey } from '../../src/model/types';
import { mergeSubmissions } from '../../src/merge';
import { HOST_NOTES, SUMMARY_SHEET_NAMES } from '../../src/i18n/excel';
import { notes } from '../../src/i18n/taskpane';
import { summaryTables } from '../../src/taskpane/summaryTables';
import type { HostInfo } from '../../src/workbook/excel/hostInfo';
import { submission } from './fakeHost';

// The adapter is Office.js: replaced here by a recorder. Only its inputs/outputs matter to the host.
const mockExcel = {
  readWorkbookGrid: jest.fn<Promise<WorkbookGrid>, [{ sheets?: readonly string[]; exclude?: readonly string[] }]>(),
  markProblems: jest.fn<Promise<unknown>, [string, unknown[]]>(),
  markProblemsOnSheets: jest.fn<Promise<unknown>, [{ sheetName: string; issues: unknown[] }[]]>(),
  watchForms: jest.fn<Promise<() => Promise<void>>, [(sheet: string) => void, { onError: (e: unknown) => void }]>(),
  writeSummary: jest.fn<Promise<{ sheets: string[]; chunks: number; printSetupApplied: boolean; notFitted: string[]; frozen: boolean }>, [unknown[]]>(),
  insertForm: jest.fn(),
  selectCell: jest.fn(),
  applyPrintSetup: jest.fn(),
  openAsNewWorkbook: jest.fn<Promise<boolean>, [Uint8Array]>(),
};
jest.mock('../../src/workbook/excel', () => mockExcel);

const mockExtracted: ExtractedForm[] = [];
jest.mock('../../src/model/extract', () => ({ extractForms: () => mockExtracted }));

const mockDownload = jest.fn<void, [Uint8Array, string]>();
jest.mock('../../src/taskpane/files', () => ({ ...jest.requireActual('../../src/taskpane/files'), downloadBytes: (b: Uint8Array, n: string) => mockDownload(b, n) }));

// eslint-disable-next-line import/first
import { createExcelHost } from '../../src/taskpane/excelHost';

const sheetGrid = (name: string) => ({ name, cells: new Map([[cellKey(1, 1), { v: 'x' }]]), merges: [], maxRow: 1, maxCol: 1 });
const GRID: WorkbookGrid = { sheets: [sheetGrid('附件1'), sheetGrid('附件2'), sheetGrid('附件3')], names: [] };

const ALL: HostInfo = { inExcel: true, platform: 'PC', supported: true, canValidateInputs: true, canSetUpPrinting: true, canReadMerges: true, canTellOwnChanges: true };
const EXCEL_2019: HostInfo = { ...ALL, canSetUpPrinting: false, canReadMerges: false, canTellOwnChanges: false };

function demonstrationForm(sheet: string, memberCount: number): ExtractedForm {
  const v = (x: string | number) => ({ raw: { v: x }, cell: 'A1' });
  return {
    form: 'demonstration',
    sheet,
    via: 'tag',
    fields: { branchName: { raw: { v: '第一党支部' }, cell: 'C4' }, memberCount: { raw: { v: memberCount }, cell: 'B5' }, committeeCount: v(3) },
  };
}

beforeEach(() => {
  jest.clearAllMocks();
  mockExtracted.length = 0;
  mockExcel.readWorkbookGrid.mockResolvedValue(GRID);
  mockExcel.markProblems.mockResolvedValue({});
  mockExcel.markProblemsOnSheets.mockResolvedValue([]);
});

describe('Excel host', () => {
  test('checkForms reads the workbook once without the summary sheets, and marks every sheet in one batch with all its issues', async () => {
    mockExtracted.push(demonstrationForm('附件1', 2), demonstrationForm('附件1', 30), demonstrationForm('附件2', 30));
    const host = createExcelHost(ALL);
    const r = await host.checkForms({ stage: 'filling', asOf: '2019-05-01' });
    expect(mockExcel.readWorkbookGrid).toHaveBeenCalledTimes(1);
    expect(mockExcel.readWorkbookGrid.mock.calls[0][0]).toEqual({ sheets: undefined, exclude: SUMMARY_SHEET_NAMES });
    expect(r.submissions).toHaveLength(3);
    expect(r.submissions[0].file).toBe('本工作簿');
    expect(r.submissions[0].issues.some((i) => i.field === 'memberCount' && i.severity === 'error')).toBe(true);
    expect(mockExcel.markProblemsOnSheets).toHaveBeenCalledTimes(1);
    const marks = mockExcel.markProblemsOnSheets.mock.calls[0][0];
    expect(marks.map((m) => m.sheetName)).toEqual(['附件1', '附件2']);
    expect(marks[0].issues).toHaveLength(r.submissions[0].issues.length + r.submissions[1].issues.length);
    expect(mockExcel.markProblems).not.toHaveBeenCalled();
    expect(r.failures).toEqual([]);
  });

  test('when the batch of marks fails, each sheet is marked on its own: the one that cannot be is reported, the others are marked', async () => {
    mockExtracted.push(demonstrationForm('附件1', 2), demonstrationForm('附件2', 2), demonstrationForm('附件3', 2));
    const boom = new Error('工作表受密码保护');
    mockExcel.markProblemsOnSheets.mockRejectedValue(boom);
    mockExcel.markProblems.mockImplementation(async (sheet) => {
      if (sheet === '附件2') throw boom;
      return {};
    });
    const r = await createExcelHost(ALL).checkForms({ stage: 'filling', asOf: '2019-05-01' });
    expect(r.submissions).toHaveLength(3);
    expect(mockExcel.markProblems.mock.calls.map((c) => c[0])).toEqual(['附件1', '附件2', '附件3']);
    expect(r.failures).toEqual([boom]);
  });

  test('a single sheet that cannot be marked is a failure to show, not a lost check', async () => {
    mockExtracted.push(demonstrationForm('附件1', 2));
    const boom = new Error('工作表受保护');
    mockExcel.markProblemsOnSheets.mockRejectedValue(boom);
    const r = await createExcelHost(ALL).checkForms({ stage: 'filling', asOf: '2019-05-01' });
    expect(r.submissions).toHaveLength(1);
    expect(r.failures).toEqual([boom]);
  });

  test('the live re-check reads and marks only the sheet that changed; a sheet without a form any more loses its marks', async () => {
    mockExcel.readWorkbookGrid.mockResolvedValue({ sheets: [sheetGrid('附件2')], names: [] });
    const r = await createExcelHost(ALL).checkForms({ stage: 'filling', asOf: '2019-05-01', sheets: ['附件2'] });
    expect(mockExcel.readWorkbookGrid.mock.calls[0][0]).toEqual({ sheets: ['附件2'], exclude: SUMMARY_SHEET_NAMES });
    expect(r.submissions).toEqual([]);
    expect(mockExcel.markProblemsOnSheets.mock.calls[0][0]).toEqual([{ sheetName: '附件2', issues: [] }]);
  });

  test('watch passes on the name of the sheet that changed', async () => {
    let report!: (sheet: string) => void;
    mockExcel.watchForms.mockImplementation(async (cb) => {
      report = cb;
      return async () => undefined;
    });
    const changes: (string | undefined)[] = [];
    createExcelHost(ALL).watch((sheet) => changes.push(sheet), () => undefined);
    await new Promise((r) => setTimeout(r, 0));
    report('附件1 示范点创建申报表');
    expect(changes).toEqual(['附件1 示范点创建申报表']);
  });

  test('watch: unsubscribing before the handlers are registered still removes them', async () => {
    let resolve!: (stop: () => Promise<void>) => void;
    mockExcel.watchForms.mockReturnValue(new Promise((r) => (resolve = r)));
    const stop = jest.fn(async () => undefined);
    const unsubscribe = createExcelHost(ALL).watch(() => undefined, () => undefined);
    unsubscribe();
    resolve(stop);
    await new Promise((r) => setTimeout(r, 0));
    expect(stop).toHaveBeenCalledTimes(1);
  });

  test('watch: a failed registration reaches onError', async () => {
    const boom = new Error('无法监视');
    mockExcel.watchForms.mockRejectedValue(boom);
    const onError = jest.fn();
    createExcelHost(ALL).watch(() => undefined, onError);
    await new Promise((r) => setTimeout(r, 0));
    expect(onError).toHaveBeenCalledWith(boom);
  });

  test('merge with the workbook forms included and no file: one result named 本工作簿, checked as submitted', async () => {
    mockExtracted.push(demonstrationForm('附件1', 30));
    const r = await createExcelHost(ALL).mergeFiles({ files: [], asOf: '2019-05-01', includeWorkbook: true });
    expect(r.cancelled).toBe(false);
    expect(r.results).toHaveLength(1);
    expect(r.results[0]).toMatchObject({ ok: true, file: '本工作簿' });
    if (!r.cancelled) expect(r.summary.rows.map((x) => x.branch)).toEqual(['第一党支部']);
  });

  test('writeSummary hands the adapter the summary sheets as tables and reports the sheets written', async () => {
    mockExcel.writeSummary.mockResolvedValue({ sheets: ['汇总', '进度', '问题清单'], chunks: 1, printSetupApplied: true, notFitted: [], frozen: true });
    const summary = mergeSubmissions([{ ok: true, file: 'a.xlsx', submissions: [submission({ sheet: 'S1' })] }], { asOf: '2019-05-01' });
    const r = await createExcelHost(ALL).writeSummary(summary);
    expect(r).toEqual({ kind: 'written', sheets: ['汇总', '进度', '问题清单'] });
    const tables = mockExcel.writeSummary.mock.calls[0][0] as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(['汇总', '进度', '问题清单']);
  });
});

test('the first check that lifts a protected sheet\'s protection to change marks says once that Excel cleared Undo', async () => {
  mockExtracted.push(demonstrationForm('附件1', 2));
  const host = createExcelHost(ALL);
  mockExcel.markProblemsOnSheets.mockResolvedValue([{ sheetName: '附件1', marked: { B5: 'error' }, removed: 0, added: 1, liftedProtection: true }]);
  expect((await host.checkForms({ stage: 'filling', asOf: '2019-05-01' })).notes).toEqual([HOST_NOTES.undoCleared]);
  expect((await host.checkForms({ stage: 'filling', asOf: '2019-05-01' })).notes).toBeUndefined();
  mockExcel.markProblemsOnSheets.mockResolvedValue([{ sheetName: '附件1', marked: { B5: 'error' }, removed: 0, added: 0, liftedProtection: false }]);
  expect((await createExcelHost(ALL).checkForms({ stage: 'filling', asOf: '2019-05-01' })).notes).toBeUndefined();
});

describe('Excel host on an older Excel says what it could not do', () => {
  test('insertForm without page layout (ExcelApi 1.8) or without prompts (1.7) returns a note for each', async () => {
    mockExcel.insertForm.mockResolvedValue({ form: 'demonstration', sheetName: '附件1', pageLayoutApplied: false, validationApplied: true });
    await expect(createExcelHost(EXCEL_2019).insertForm('demonstration')).resolves.toEqual({ kind: 'inserted', sheet: '附件1', notes: [notes.insertNoPageLayout] });
    mockExcel.insertForm.mockResolvedValue({ form: 'demonstration', sheetName: '附件1', pageLayoutApplied: false, validationApplied: false });
    await expect(createExcelHost(EXCEL_2019).insertForm('demonstration')).resolves.toMatchObject({ notes: [notes.insertNoPageLayout, notes.insertNoValidation] });
    mockExcel.insertForm.mockResolvedValue({ form: 'demonstration', sheetName: '附件1', pageLayoutApplied: true, fitToPageApplied: true, validationApplied: true });
    await expect(createExcelHost(ALL).insertForm('demonstration')).resolves.toEqual({ kind: 'inserted', sheet: '附件1' });
  });

  test('writeSummary without print setup returns the note', async () => {
    mockExcel.writeSummary.mockResolvedValue({ sheets: ['汇总'], chunks: 1, printSetupApplied: false, notFitted: [], frozen: true });
    const summary = mergeSubmissions([], { asOf: '2019-05-01' });
    await expect(createExcelHost(EXCEL_2019).writeSummary(summary)).resolves.toEqual({ kind: 'written', sheets: ['汇总'], notes: [notes.summaryNoPrintSetup] });
  });

  test('what the host did not keep is said: fit-to-page (office-js #1860), the frozen header row (#2196), password-protected sheets', async () => {
    mockExcel.insertForm.mockResolvedValue({ form: 'demonstration', sheetName: '附件1', pageLayoutApplied: true, fitToPageApplied: false, validationApplied: true });
    await expect(createExcelHost(ALL).insertForm('demonstration')).resolves.toMatchObject({ notes: [HOST_NOTES.notFitted(['附件1'])] });
    mockExcel.writeSummary.mockResolvedValue({ sheets: ['汇总'], chunks: 1, printSetupApplied: true, notFitted: ['汇总'], frozen: false });
    await expect(createExcelHost(ALL).writeSummary(mergeSubmissions([], { asOf: '2019-05-01' }))).resolves.toMatchObject({
      notes: [HOST_NOTES.notFitted(['汇总']), HOST_NOTES.freezeFailed],
    });
    mockExcel.applyPrintSetup.mockResolvedValue({ forms: ['附件1'], summaries: [], notFitted: [], skipped: ['附件2'], unprotected: ['附件1'] });
    await expect(createExcelHost(ALL).applyPrintSetup()).resolves.toEqual({
      kind: 'printSetup',
      sheets: 1,
      notes: [HOST_NOTES.printSetupSkipped(['附件2']), HOST_NOTES.printSetupUnprotected(['附件1'])],
    });
  });

  test('the print setup button is for hosts with ExcelApi 1.9', () => {
    expect(createExcelHost(ALL).printSetupSupported).toBe(true);
    expect(createExcelHost(EXCEL_2019).printSetupSupported).toBe(false);
  });
});

describe('Excel host hands workbooks over as new workbooks', () => {
  test('导出模板 opens the template .xlsx in a new workbook; nothing is downloaded', async () => {
    mockExcel.openAsNewWorkbook.mockResolvedValue(true);
    const r = await createExcelHost(ALL).exportTemplate('application');
    expect(r).toEqual({ kind: 'opened', fileName: '附件2 五化建设申报表.xlsx' });
    const bytes = mockExcel.openAsNewWorkbook.mock.calls[0][0];
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip: an .xlsx
    expect(mockDownload).not.toHaveBeenCalled();
  });

  test('生成打印包 opens the pack in a new workbook', async () => {
    mockExcel.openAsNewWorkbook.mockResolvedValue(true);
    const summary = mergeSubmissions([{ ok: true, file: 'a.xlsx', submissions: [submission({ sheet: 'S1' })] }], { asOf: '2019-05-01' });
    await expect(createExcelHost(ALL).printPack(summary)).resolves.toEqual({ kind: 'opened', fileName: '打印包.xlsx' });
  });

  test('a host without Excel.createWorkbook (ExcelApi 1.7) downloads instead and says the download may not arrive', async () => {
    mockExcel.openAsNewWorkbook.mockResolvedValue(false);
    const r = await createExcelHost(ALL).exportTemplate('demonstration');
    expect(r).toEqual({ kind: 'downloaded', fileName: '附件1 示范点创建申报表.xlsx', notes: [notes.downloadInExcel] });
    expect(mockDownload.mock.calls.map((c) => c[1])).toEqual(['附件1 示范点创建申报表.xlsx']);
  });

  test('when Excel refuses to open it, the file is downloaded and the reason given', async () => {
    mockExcel.openAsNewWorkbook.mockRejectedValue(Object.assign(new Error('在新工作簿中打开文件失败：一次写入的数据太多。'), { action: '请分批。' }));
    const r = await createExcelHost(ALL).exportTemplate('progress');
    expect(r.kind).toBe('downloaded');
    expect(r.notes?.[0]).toContain('一次写入的数据太多');
    expect(mockDownload).toHaveBeenCalledTimes(1);
  });
});

describe('summaryTables', () => {
  test('the 汇总 table has the downloadable workbook\'s header, one row per kept branch, dates as Chinese text, text never a formula object', () => {
    const sub = submission({ sheet: 'S1', fields: { branchName: '=第一党支部', date: '2019-04-03', memberCount: 23, committeeCount: 5 } });
    const summary = mergeSubmissions([{ ok: true, file: 'a.xlsx', submissions: [sub] }], { asOf: '2019-05-01', roster: ['第九党支部'] });
    const tables = summaryTables(summary);
    expect(tables.map((t) => t.name)).toEqual(['汇总', '进度', '问题清单', '未报送', '报送情况', '催报']);
    const rows = tables[0];
    expect(rows.header).toContain('党支部名称');
    const branchCol = rows.header.indexOf('党支部名称');
    const first = rows.rows[0];
    expect(first[branchCol]).toBe('=第一党支部');
    expect(first).toContain('2019年4月3日');
    expect(first).toContain(23);
    for (const t of tables) for (const row of t.rows) for (const v of row) expect(v === null || typeof v === 'string' || typeof v === 'number').toBe(true);
    expect(tables[3].rows.some((r) => r.includes('第九党支部'))).toBe(true);
    // What the pane prints and draws as the workbook does: 汇总 printed to its short source (M), 报送率 with a data bar.
    expect([rows.printColumns, rows.header[12], rows.dataBars]).toEqual([13, '来源文件', undefined]);
    const status = tables[4];
    expect(status.dataBars).toEqual([status.header.indexOf('报送率')]);
  });
});
