import { EXCEL_ERROR_ZH } from '../../src/i18n/excel';
import { applyPrintSetup, ExcelOperationError, hostInfo, insertForm, readForms, selectCell, toExcelOperationError, writeSummary } from '../../src/workbook/excel';
import { FakeOfficeError } from './fakeExcel';
import { useFakeExcel } from './useFake';

const excel = useFakeExcel();
const HAN = /[\u4e00-\u9fff]/;

describe('OfficeExtension.Error codes become Chinese messages with what to do', () => {
  test.each([
    ['InvalidArgument', /参数无效/],
    ['AccessDenied', /受保护|只读/],
    ['ItemAlreadyExists', /同名/],
    ['ItemNotFound', /找不到/],
    ['GeneralException', /内部出错/],
    ['RequestPayloadSizeLimitExceeded', /5 MB/],
    ['InvalidOperation', /不允许/],
  ])('%s', (code, text) => {
    const e = toExcelOperationError('writeSummary', new FakeOfficeError(code, 'english', 'Range.values'));
    expect(e).toBeInstanceOf(ExcelOperationError);
    expect(e.code).toBe(code);
    expect(e.message).toMatch(/^生成汇总表失败：/);
    expect(e.message).toMatch(text);
    expect(e.action).toMatch(HAN);
    expect(e.location).toBe('Range.values');
    expect((e.cause as Error).message).toBe('english');
  });

  test('editing a cell (InvalidOperation with inner InvalidOperationInCellEditMode) says to press Enter or Esc', () => {
    const e = toExcelOperationError('markProblems', new FakeOfficeError('InvalidOperation', 'x', undefined, 'InvalidOperationInCellEditMode'));
    expect(e.code).toBe('InvalidOperationInCellEditMode');
    expect(e.action).toMatch(/Enter 或 Esc/);
  });

  test('an unknown code or a plain JavaScript error is still reported, never swallowed', () => {
    expect(toExcelOperationError('readForms', new FakeOfficeError('SomethingNew', 'x')).message).toBe(`读取表单失败：${EXCEL_ERROR_ZH.Unknown.message}`);
    const e = toExcelOperationError('readForms', new TypeError('boom'));
    expect(e.code).toBe('Unknown');
    expect((e.cause as Error).message).toBe('boom');
  });

  test('every message and action is Chinese', () => {
    for (const text of Object.values(EXCEL_ERROR_ZH)) {
      expect(text.message).toMatch(HAN);
      expect(text.action).toMatch(HAN);
    }
  });
});

test('a failing sync inside an operation rejects with an ExcelOperationError naming the operation', async () => {
  await expect(selectCell('不存在的表', 'A1')).rejects.toMatchObject({ name: 'ExcelOperationError', operation: 'selectCell', code: 'ItemNotFound' });
  await expect(writeSummary([{ name: 'bad:name', header: ['a'], rows: [] }])).rejects.toMatchObject({ code: 'InvalidArgument', message: expect.stringMatching(/^生成汇总表失败/) });
});

test('outside Excel (no Office.js) every operation says so in Chinese', async () => {
  const g = globalThis as { Excel?: unknown; Office?: unknown };
  const saved = { Excel: g.Excel, Office: g.Office };
  delete g.Excel;
  delete g.Office;
  try {
    await expect(insertForm('demonstration')).rejects.toMatchObject({ code: 'NotInExcel', message: expect.stringContaining('不在 Excel 中运行') });
    await expect(readForms()).rejects.toMatchObject({ code: 'NotInExcel' });
    await expect(hostInfo()).resolves.toMatchObject({ inExcel: false });
  } finally {
    Object.assign(g, saved);
  }
});

test('selectCell activates the sheet and selects the cell in 1 sync', async () => {
  const { sheetName } = await insertForm('application');
  excel.fake.workbook.active = excel.fake.workbook.sheet('Sheet1');
  excel.fake.count();
  await selectCell(sheetName, 'B4');
  expect(excel.fake.syncs).toBe(1);
  expect(excel.fake.workbook.active?.name).toBe(sheetName);
  expect(excel.fake.workbook.selection).toEqual({ sheet: sheetName, address: 'B4' });
});

describe('hostInfo', () => {
  test('in Excel: the API levels the features depend on', async () => {
    excel.fake.apiVersion = '1.9';
    await expect(hostInfo()).resolves.toEqual({
      inExcel: true,
      platform: 'PC',
      supported: true,
      canValidateInputs: true,
      canSetUpPrinting: true,
      canReadMerges: false,
      canTellOwnChanges: false,
    });
  });

  test('office.js in a plain browser (host null) is not Excel', async () => {
    excel.fake.onReady = async () => ({ host: null, platform: null });
    await expect(hostInfo()).resolves.toMatchObject({ inExcel: false, supported: false });
  });

  test('an onReady that never resolves gives up after the timeout', async () => {
    jest.useFakeTimers();
    try {
      excel.fake.onReady = () => new Promise(() => undefined);
      const info = hostInfo(5000);
      await jest.advanceTimersByTimeAsync(5000);
      await expect(info).resolves.toMatchObject({ inExcel: false });
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('applyPrintSetup', () => {
  test('every form sheet on one A4 page and the summary sheets fitted to the width, in 4 syncs; protected form sheets are protected again', async () => {
    const a = await insertForm('demonstration');
    const b = await insertForm('progress');
    await writeSummary([{ name: '汇总', header: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], rows: [[1, 2, 3, 4, 5, 6, 7]] }]);
    for (const s of excel.fake.workbook.sheets) s.pageLayout = {};
    const options = structuredClone(excel.fake.workbook.sheet(a.sheetName).protection.options);
    excel.fake.count();
    const result = await applyPrintSetup();
    expect(excel.fake.syncs).toBe(4);
    expect(result).toEqual({ forms: [a.sheetName, b.sheetName], summaries: ['汇总'], notFitted: [], skipped: [], unprotected: [a.sheetName, b.sheetName] });
    expect(excel.fake.workbook.sheet(a.sheetName).protection).toMatchObject({ protected: true, options });
    expect(excel.fake.workbook.sheet(a.sheetName).pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Portrait', zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 } });
    expect(excel.fake.workbook.sheet(b.sheetName).pageLayout).toMatchObject({ orientation: 'Portrait' });
    expect(excel.fake.workbook.sheet('汇总').pageLayout).toMatchObject({ orientation: 'Landscape', printTitleRows: '$1:$1' });
    expect(excel.fake.workbook.sheet('Sheet1').pageLayout).toEqual({});
  });

  test('a host that does not keep fit-to-page (office-js #1860) is told apart: the sheets are named', async () => {
    const a = await insertForm('demonstration');
    excel.fake.workbook.sheet(a.sheetName).pageLayout = {};
    excel.fake.ignoresFitToPages = true;
    const result = await applyPrintSetup();
    expect(result.notFitted).toEqual([a.sheetName]);
  });

  test('a sheet protected with a password is skipped and named; the others are set up', async () => {
    const a = await insertForm('demonstration');
    const b = await insertForm('application');
    const locked = excel.fake.workbook.sheet(a.sheetName);
    locked.protection.password = 'secret';
    locked.pageLayout = {};
    const result = await applyPrintSetup();
    expect(result).toMatchObject({ forms: [b.sheetName], skipped: [a.sheetName] });
    expect(locked.pageLayout).toEqual({});
    expect(locked.protection.protected).toBe(true);
    expect(excel.fake.workbook.sheet(b.sheetName).protection.protected).toBe(true);
  });

  test('without ExcelApi 1.9 it refuses with a Chinese reason instead of doing nothing silently', async () => {
    excel.fake.apiVersion = '1.8';
    await expect(applyPrintSetup()).rejects.toMatchObject({ code: 'ApiNotSupported', message: expect.stringMatching(/^设置打印格式失败/) });
  });
});

test('the commands page waits for Office.onReady, and does nothing outside Office', async () => {
  const { startCommandsPage } = await import('../../src/workbook/excel');
  const ready = jest.spyOn(excel.fake, 'onReady');
  await startCommandsPage();
  expect(ready).toHaveBeenCalledTimes(1);
  const g = globalThis as { Office?: unknown };
  const saved = g.Office;
  delete g.Office;
  try {
    await expect(startCommandsPage()).resolves.toBeUndefined();
  } finally {
    g.Office = saved;
  }
});
