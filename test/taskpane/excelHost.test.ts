import type { ExtractedForm, WorkbookGrid } from '../../src/model/types';
import { cellKey } from '../../src/model/types';
import { mergeSubmissions } from '../../src/merge';
import { summaryTables } from '../../src/taskpane/summaryTables';
import { submission } from './fakeHost';

// The adapter is Office.js: replaced here by a recorder. Only its inputs/outputs matter to the host.
const mockExcel = {
  readWorkbookGrid: jest.fn<Promise<WorkbookGrid>, []>(),
  markProblems: jest.fn<Promise<unknown>, [string, unknown[]]>(),
  watchForms: jest.fn<Promise<() => Promise<void>>, [(sheet: string) => void, { onError: (e: unknown) => void }]>(),
  writeSummary: jest.fn<Promise<{ sheets: string[]; chunks: number; printSetupApplied: boolean }>, [unknown[]]>(),
  insertForm: jest.fn(),
  selectCell: jest.fn(),
  applyPrintSetup: jest.fn(),
};
jest.mock('../../src/workbook/excel', () => mockExcel);

const mockExtracted: ExtractedForm[] = [];
jest.mock('../../src/model/extract', () => ({ extractForms: () => mockExtracted }));

// eslint-disable-next-line import/first
import { createExcelHost } from '../../src/taskpane/excelHost';

const EMPTY_GRID: WorkbookGrid = { sheets: [{ name: 'S', cells: new Map([[cellKey(1, 1), { v: 'x' }]]), merges: [], maxRow: 1, maxCol: 1 }], names: [] };

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
  mockExcel.readWorkbookGrid.mockResolvedValue(EMPTY_GRID);
  mockExcel.markProblems.mockResolvedValue({});
});

describe('Excel host', () => {
  test('checkForms reads the workbook once, checks each form and marks each sheet once with all its issues', async () => {
    mockExtracted.push(demonstrationForm('附件1', 2), demonstrationForm('附件1', 30));
    const host = createExcelHost();
    const r = await host.checkForms({ stage: 'filling', asOf: '2019-05-01' });
    expect(mockExcel.readWorkbookGrid).toHaveBeenCalledTimes(1);
    expect(r.submissions).toHaveLength(2);
    expect(r.submissions[0].file).toBe('本工作簿');
    expect(r.submissions[0].issues.some((i) => i.field === 'memberCount' && i.severity === 'error')).toBe(true);
    expect(mockExcel.markProblems).toHaveBeenCalledTimes(1);
    expect(mockExcel.markProblems.mock.calls[0][0]).toBe('附件1');
    expect(mockExcel.markProblems.mock.calls[0][1]).toHaveLength(r.submissions[0].issues.length + r.submissions[1].issues.length);
    expect(r.failures).toEqual([]);
  });

  test('a sheet that cannot be marked is a failure to show, not a lost check', async () => {
    mockExtracted.push(demonstrationForm('附件1', 2));
    const boom = new Error('工作表受保护');
    mockExcel.markProblems.mockRejectedValue(boom);
    const r = await createExcelHost().checkForms({ stage: 'filling', asOf: '2019-05-01' });
    expect(r.submissions).toHaveLength(1);
    expect(r.failures).toEqual([boom]);
  });

  test('watch: unsubscribing before the handlers are registered still removes them', async () => {
    let resolve!: (stop: () => Promise<void>) => void;
    mockExcel.watchForms.mockReturnValue(new Promise((r) => (resolve = r)));
    const stop = jest.fn(async () => undefined);
    const unsubscribe = createExcelHost().watch(() => undefined, () => undefined);
    unsubscribe();
    resolve(stop);
    await new Promise((r) => setTimeout(r, 0));
    expect(stop).toHaveBeenCalledTimes(1);
  });

  test('watch: a failed registration reaches onError', async () => {
    const boom = new Error('无法监视');
    mockExcel.watchForms.mockRejectedValue(boom);
    const onError = jest.fn();
    createExcelHost().watch(() => undefined, onError);
    await new Promise((r) => setTimeout(r, 0));
    expect(onError).toHaveBeenCalledWith(boom);
  });

  test('merge with the workbook forms included and no file: one result named 本工作簿, checked as submitted', async () => {
    mockExtracted.push(demonstrationForm('附件1', 30));
    const r = await createExcelHost().mergeFiles({ files: [], asOf: '2019-05-01', includeWorkbook: true });
    expect(r.cancelled).toBe(false);
    expect(r.results).toHaveLength(1);
    expect(r.results[0]).toMatchObject({ ok: true, file: '本工作簿' });
    if (!r.cancelled) expect(r.summary.rows.map((x) => x.branch)).toEqual(['第一党支部']);
  });

  test('writeSummary hands the adapter the summary sheets as tables and reports the sheets written', async () => {
    mockExcel.writeSummary.mockResolvedValue({ sheets: ['汇总', '进度', '问题清单'], chunks: 1, printSetupApplied: true });
    const summary = mergeSubmissions([{ ok: true, file: 'a.xlsx', submissions: [submission({ sheet: 'S1' })] }], { asOf: '2019-05-01' });
    const r = await createExcelHost().writeSummary(summary);
    expect(r).toEqual({ kind: 'written', sheets: ['汇总', '进度', '问题清单'] });
    const tables = mockExcel.writeSummary.mock.calls[0][0] as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(['汇总', '进度', '问题清单']);
  });
});

describe('summaryTables', () => {
  test('the 汇总 table has the downloadable workbook\'s header, one row per kept branch, dates as Chinese text, text never a formula object', () => {
    const sub = submission({ sheet: 'S1', fields: { branchName: '=第一党支部', date: '2019-04-03', memberCount: 23, committeeCount: 5 } });
    const summary = mergeSubmissions([{ ok: true, file: 'a.xlsx', submissions: [sub] }], { asOf: '2019-05-01', roster: ['第九党支部'] });
    const tables = summaryTables(summary);
    expect(tables.map((t) => t.name)).toEqual(['汇总', '进度', '问题清单', '未报送']);
    const rows = tables[0];
    expect(rows.header).toContain('党支部名称');
    const branchCol = rows.header.indexOf('党支部名称');
    const first = rows.rows[0];
    expect(first[branchCol]).toBe('=第一党支部');
    expect(first).toContain('2019年4月3日');
    expect(first).toContain(23);
    for (const t of tables) for (const row of t.rows) for (const v of row) expect(v === null || typeof v === 'string' || typeof v === 'number').toBe(true);
    expect(tables[3].rows.some((r) => r.includes('第九党支部'))).toBe(true);
  });
});
