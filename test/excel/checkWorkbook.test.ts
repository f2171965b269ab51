/** The Excel host's checks over the real adapter and the strict fake: what a clerk's workbook costs in syncs and bytes. */
import { getForm } from '../../src/forms';
import { firstCell } from '../../src/forms/address';
import { notes } from '../../src/i18n/taskpane';
import { createExcelHost } from '../../src/taskpane/excelHost';
import { insertForm, markProblems, openAsNewWorkbook, toBase64, writeSummary } from '../../src/workbook/excel';
import type { HostInfo } from '../../src/workbook/excel/hostInfo';
import { RESPONSE_LIMIT } from './fakeExcel';
import { useFakeExcel } from './useFake';

const excel = useFakeExcel();
const ALL: HostInfo = { inExcel: true, platform: 'PC', supported: true, canValidateInputs: true, canSetUpPrinting: true, canReadMerges: true, canTellOwnChanges: true };
const AS_OF = '2019-06-01';

const ours = (sheetName: string) => excel.fake.workbook.sheet(sheetName).conditionalFormats.filter((cf) => cf.formula?.includes('WUHUA_MARK'));

function memberCell(): string {
  return firstCell(getForm('application').fields.find((f) => f.id === 'memberCount')!.cell);
}

test('5 form sheets: a check reads in 2 syncs and marks in 2', async () => {
  const names: string[] = [];
  for (const id of ['application', 'application', 'demonstration', 'progress', 'progress'] as const) names.push((await insertForm(id)).sheetName);
  excel.fake.count();
  const r = await createExcelHost(ALL).checkForms({ stage: 'filling', asOf: AS_OF });
  expect(excel.fake.syncs).toBe(2 + 2);
  expect(r.failures).toEqual([]);
  expect(r.submissions.map((s) => s.sheet)).toEqual(names);
  for (const n of names) expect(ours(n).length).toBeGreaterThan(0);
  for (const n of names) expect(excel.fake.workbook.sheet(n).protection.protected).toBe(true);
});

test('a workbook with a 20,000-row summary sheet and a form: the check succeeds, every response under the limit, 2 syncs to read', async () => {
  const text = '问题：党员人数不足3人，不能单独成立党支部，请核对。'.repeat(3);
  await writeSummary([{ name: '问题清单', header: ['党支部', '表单', '申报时间', '党员人数', '支委人数', '说明', '文件'], rows: Array.from({ length: 20_000 }, (_, i) => [`第${i}党支部`, '附件2', '2019-04-20', 23, 5, text, `f${i}.xlsx`]) }]);
  const { sheetName } = await insertForm('application');
  excel.fake.count();
  const r = await createExcelHost(ALL).checkForms({ stage: 'filling', asOf: AS_OF });
  expect(excel.fake.syncs).toBe(2 + 2); // read 2, mark 2
  expect(Math.max(...excel.fake.responses)).toBeLessThan(RESPONSE_LIMIT / 10);
  expect(r.submissions.map((s) => s.sheet)).toEqual([sheetName]);
});

test('the live re-check after an edit reads and marks only the sheet that changed', async () => {
  const a = (await insertForm('application')).sheetName;
  const b = (await insertForm('application')).sheetName;
  const host = createExcelHost(ALL);
  await host.checkForms({ stage: 'filling', asOf: AS_OF });
  const marksOfB = structuredClone(ours(b));
  excel.fake.workbook.sheet(a).type(memberCell(), 2);
  excel.fake.count();
  excel.fake.undoClears = [];
  const r = await host.checkForms({ stage: 'filling', asOf: AS_OF, sheets: [a] });
  // Read 2, mark 1: the member count was already marked (empty before, too small now),
  // so no mark changes: nothing is written, the protection stays, Undo is kept.
  expect(excel.fake.syncs).toBe(2 + 1);
  expect(excel.fake.undoClears).toEqual([]);
  expect(r.notes).toBeUndefined();
  expect(r.submissions.map((s) => s.sheet)).toEqual([a]);
  expect(r.submissions[0].issues.some((i) => i.field === 'memberCount' && i.cell === memberCell())).toBe(true);
  expect(ours(a).map((cf) => cf.address)).toContain(memberCell());
  expect(ours(b)).toEqual(marksOfB);
});

test('one password-protected form sheet: the others are still marked, the failure is reported, every list is shown', async () => {
  const names: string[] = [];
  for (const id of ['application', 'demonstration', 'progress'] as const) names.push((await insertForm(id)).sheetName);
  const locked = excel.fake.workbook.sheet(names[1]);
  locked.protection.password = 'secret';
  const r = await createExcelHost(ALL).checkForms({ stage: 'filling', asOf: AS_OF });
  expect(r.submissions.map((s) => s.sheet)).toEqual(names);
  expect(r.failures).toHaveLength(1);
  expect(r.failures?.[0]).toMatchObject({ code: 'SheetProtected', message: expect.stringContaining('密码保护') });
  expect(ours(names[0]).length).toBeGreaterThan(0);
  expect(ours(names[1])).toEqual([]);
  expect(ours(names[2]).length).toBeGreaterThan(0);
  for (const n of names) expect(excel.fake.workbook.sheet(n).protection.protected).toBe(true);
});

test('a sheet edited that holds no form: read, nothing to mark, no error even when it is password-protected', async () => {
  const sheet = excel.fake.workbook.sheet('Sheet1');
  sheet.type('A1', '名单');
  sheet.protection.protected = true;
  sheet.protection.password = 'secret';
  excel.fake.count();
  const r = await createExcelHost(ALL).checkForms({ stage: 'filling', asOf: AS_OF, sheets: ['Sheet1'] });
  expect(r).toEqual({ submissions: [], rejected: [], failures: [] });
  expect(excel.fake.syncs).toBe(2 + 1);
});

test('a fixed problem loses its mark on the live re-check', async () => {
  const a = (await insertForm('application')).sheetName;
  await markProblems(a, [{ rule: 'r', severity: 'error', field: 'x', cell: 'H20', message: '问题' }]);
  await createExcelHost(ALL).checkForms({ stage: 'filling', asOf: AS_OF, sheets: [a] });
  expect(ours(a).map((cf) => cf.address)).not.toContain('H20');
});

test('on Excel 2019 (ExcelApi 1.8) inserting says print setup was not applied and why', async () => {
  excel.fake.apiVersion = '1.8';
  const r = await createExcelHost({ ...ALL, canSetUpPrinting: false }).insertForm('application');
  expect(r).toMatchObject({ kind: 'inserted', notes: [notes.insertNoPageLayout] });
});

describe('openAsNewWorkbook (Excel.createWorkbook, ExcelApi 1.8)', () => {
  test('hands Excel the file as base64', async () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256);
    await expect(openAsNewWorkbook(bytes)).resolves.toBe(true);
    expect(excel.fake.createdWorkbooks).toHaveLength(1);
    expect(new Uint8Array(Buffer.from(excel.fake.createdWorkbooks[0], 'base64'))).toEqual(bytes);
  });

  test('on ExcelApi 1.7 it does nothing and says so (false): the caller downloads', async () => {
    excel.fake.apiVersion = '1.7';
    await expect(openAsNewWorkbook(new Uint8Array([1, 2, 3]))).resolves.toBe(false);
    expect(excel.fake.createdWorkbooks).toEqual([]);
  });

  test('a file too large for the request is a Chinese error', async () => {
    await expect(openAsNewWorkbook(new Uint8Array(4 * 1024 * 1024))).rejects.toMatchObject({ operation: 'openWorkbook', code: 'RequestPayloadSizeLimitExceeded', message: expect.stringMatching(/^在新工作簿中打开文件失败/) });
  });

  test('toBase64 matches Node for every byte value', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => i % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(toBase64(new Uint8Array())).toBe('');
  });
});
