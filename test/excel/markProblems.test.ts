import { getForm } from '../../src/forms';
import { firstCell } from '../../src/forms/address';
import type { Issue } from '../../src/model/types';
import { insertForm, markProblems, markProblemsOnSheets, marksFor, MARK_STYLE } from '../../src/workbook/excel';
import { markFormula } from '../../src/workbook/excel/markProblems';
import { useFakeExcel } from './useFake';

const excel = useFakeExcel();

const issue = (cell: string | undefined, severity: Issue['severity'], rule = 'r'): Issue => ({ rule, severity, field: 'f', cell, message: '问题' });

test('marks: the worst severity per cell; hints and issues without a cell are not marked', () => {
  expect(marksFor([issue('B5', 'warning'), issue('B5', 'error'), issue('C4', 'info'), issue(undefined, 'error'), issue('$d$5', 'warning')])).toEqual({
    B5: 'error',
    D5: 'warning',
  });
});

test('marks and unmarks in 2 syncs each, leaving the user\'s own fill and conditional formats alone', async () => {
  const form = getForm('demonstration');
  const { sheetName } = await insertForm('demonstration');
  const sheet = excel.fake.workbook.sheet(sheetName);
  const member = firstCell(form.fields.find((f) => f.id === 'memberCount')!.cell);
  const contact = firstCell(form.fields.find((f) => f.id === 'contact')!.cell);
  // The clerk's own formatting: a yellow fill and a conditional format of their own.
  sheet.touch(5, 2).fill = '#FFFF00';
  sheet.conditionalFormats.push({ id: 999, type: 'Custom', address: member, formula: '=B5>100', fill: '#00FF00', borders: {}, priority: 0, stopIfTrue: false });
  const before = structuredClone(sheet.cell(member));

  excel.fake.count();
  const marked = await markProblems(sheetName, [issue(member, 'error'), issue(contact, 'warning')]);
  expect(excel.fake.syncs).toBe(2);
  expect(marked).toEqual({ sheetName, marked: { [member]: 'error', [contact]: 'warning' }, removed: 0, added: 2, liftedProtection: true });
  const ours = () => sheet.conditionalFormats.filter((cf) => cf.formula?.includes('WUHUA_MARK'));
  expect(ours().map((cf) => [cf.address, cf.formula, cf.fill])).toEqual(
    expect.arrayContaining([
      [member, markFormula('error', member), MARK_STYLE.error.fill],
      [contact, markFormula('warning', contact), MARK_STYLE.warning.fill],
    ]),
  );
  expect(ours().find((cf) => cf.address === member)?.borders.EdgeTop).toEqual({ style: 'Continuous', color: MARK_STYLE.error.border });

  // Fixed: the contact is fine now, the member count still wrong.
  excel.fake.count();
  const again = await markProblems(sheetName, [issue(member, 'error')]);
  expect(excel.fake.syncs).toBe(2);
  expect(again.removed).toBe(1); // only the contact's mark: the member count's stays as it was
  expect(ours().map((cf) => cf.address)).toEqual([member]);

  const cleared = await markProblems(sheetName, []);
  expect(cleared.marked).toEqual({});
  expect(ours()).toEqual([]);
  expect(sheet.cell(member)).toEqual(before);
  expect(sheet.cell(member)?.fill).toBe('#FFFF00');
  expect(sheet.conditionalFormats.map((cf) => cf.id)).toEqual([999]);
});

test('marks left by an earlier pane session are found and removed without any state', async () => {
  const { sheetName } = await insertForm('application');
  await markProblems(sheetName, [issue('B4', 'error'), issue('D4', 'error')]);
  // A new page (reload): nothing remembered; a new check finds nothing wrong.
  const result = await markProblems(sheetName, []);
  expect(result.removed).toBe(2);
  expect(excel.fake.workbook.sheet(sheetName).conditionalFormats).toEqual([]);
});

test('a sheet protected without "format cells" is unprotected for the marks and protected again with its options', async () => {
  const sheet = excel.fake.workbook.sheet('Sheet1');
  sheet.protection.protected = true;
  sheet.protection.options = { allowFormatCells: false, allowSort: true };
  await markProblems('Sheet1', [issue('A1', 'error')]);
  expect(sheet.conditionalFormats).toHaveLength(1);
  expect(sheet.protection).toMatchObject({ protected: true, options: { allowFormatCells: false, allowSort: true } });
});

test('a password the add-in does not know: a Chinese error saying to lift the protection, nothing half-done', async () => {
  const sheet = excel.fake.workbook.sheet('Sheet1');
  sheet.protection.protected = true;
  sheet.protection.password = 'secret';
  sheet.protection.options = { allowFormatCells: false };
  await expect(markProblems('Sheet1', [issue('A1', 'error')])).rejects.toMatchObject({
    name: 'ExcelOperationError',
    operation: 'markProblems',
    code: 'SheetProtected',
    message: expect.stringContaining('密码保护'),
    action: expect.stringContaining('撤销工作表保护'),
  });
  expect(sheet.conditionalFormats).toEqual([]);
  expect(sheet.protection.protected).toBe(true);
});

test('a sheet that no longer exists: ItemNotFound in Chinese', async () => {
  await expect(markProblems('已删除', [issue('A1', 'error')])).rejects.toMatchObject({ code: 'ItemNotFound', message: expect.stringMatching(/^标记问题单元格失败：找不到/) });
});

test('marking 30 sheets at once takes 2 syncs in all', async () => {
  const names: string[] = [];
  for (let i = 0; i < 10; i++) for (const id of ['demonstration', 'application', 'progress'] as const) names.push((await insertForm(id)).sheetName);
  excel.fake.count();
  const states = await markProblemsOnSheets(names.map((sheetName) => ({ sheetName, issues: [issue('B3', 'error')] })));
  expect(excel.fake.syncs).toBe(2);
  expect(states.map((s) => s.sheetName)).toEqual(names);
  for (const n of names) expect(excel.fake.workbook.sheet(n).conditionalFormats.map((cf) => cf.address)).toEqual(['B3']);
});

test('our form sheet (protected without password, format cells allowed) is unprotected for the marks and protected again with the same options, in 2 syncs', async () => {
  const { sheetName } = await insertForm('demonstration');
  const sheet = excel.fake.workbook.sheet(sheetName);
  const options = structuredClone(sheet.protection.options);
  expect(options.allowFormatCells).toBe(true);
  excel.fake.count();
  await markProblems(sheetName, [issue('B5', 'error')]);
  expect(excel.fake.syncs).toBe(2);
  expect(sheet.conditionalFormats.map((cf) => cf.address)).toEqual(['B5']);
  expect(sheet.protection).toMatchObject({ protected: true, options });
});

test('a password-protected sheet is SheetProtected even when it allows formatting cells', async () => {
  const sheet = excel.fake.workbook.sheet('Sheet1');
  sheet.protection.protected = true;
  sheet.protection.password = 'secret';
  sheet.protection.options = { allowFormatCells: true };
  await expect(markProblems('Sheet1', [issue('A1', 'error')])).rejects.toMatchObject({ code: 'SheetProtected' });
  expect(sheet.conditionalFormats).toEqual([]);
  expect(sheet.protection.protected).toBe(true);
});

test('a sheet with nothing to mark and no old marks is not touched: a password-protected sheet passes, in 1 sync', async () => {
  const sheet = excel.fake.workbook.sheet('Sheet1');
  sheet.protection.protected = true;
  sheet.protection.password = 'secret';
  excel.fake.count();
  await expect(markProblems('Sheet1', [issue('A1', 'info')])).resolves.toMatchObject({ sheetName: 'Sheet1', marked: {}, removed: 0, liftedProtection: false });
  expect(excel.fake.syncs).toBe(1);
});

test('a batch failing after a sheet was unprotected protects it again before the error is thrown (not called SheetProtected)', async () => {
  const { sheetName } = await insertForm('application');
  const sheet = excel.fake.workbook.sheet(sheetName);
  const options = structuredClone(sheet.protection.options);
  await expect(markProblems(sheetName, [issue('B4', 'error'), issue('not-a-cell', 'error')])).rejects.toMatchObject({ code: 'InvalidArgument' });
  expect(sheet.protection).toMatchObject({ protected: true, options });
});

describe('Undo (WorksheetProtection.protect/unprotect clear it: excel-add-ins-undo-capabilities)', () => {
  const ours = (sheetName: string) => excel.fake.workbook.sheet(sheetName).conditionalFormats.filter((cf) => cf.formula?.includes('WUHUA_MARK'));

  test('a re-check with the same problems writes nothing: no mark touched, no protection lifted, Undo kept, 1 sync', async () => {
    const { sheetName } = await insertForm('demonstration');
    await markProblems(sheetName, [issue('B5', 'error'), issue('D5', 'warning')]);
    const before = ours(sheetName).map((cf) => cf.id);
    excel.fake.undoClears = [];
    excel.fake.count();
    const state = await markProblems(sheetName, [issue('B5', 'error'), issue('$D$5', 'warning')]);
    expect(excel.fake.syncs).toBe(1);
    expect(state).toMatchObject({ removed: 0, added: 0, liftedProtection: false });
    expect(excel.fake.undoClears).toEqual([]);
    expect(ours(sheetName).map((cf) => cf.id)).toEqual(before);
  });

  test('one problem fixed and one new: only those two marks change, the unchanged one keeps its rule', async () => {
    const { sheetName } = await insertForm('demonstration');
    await markProblems(sheetName, [issue('B5', 'error'), issue('D5', 'warning')]);
    const kept = ours(sheetName).find((cf) => cf.address === 'B5')!.id;
    const state = await markProblems(sheetName, [issue('B5', 'error'), issue('B6', 'error')]);
    expect(state).toMatchObject({ removed: 1, added: 1 });
    expect(ours(sheetName).map((cf) => cf.address).sort()).toEqual(['B5', 'B6']);
    expect(ours(sheetName).find((cf) => cf.address === 'B5')!.id).toBe(kept);
  });

  test('a severity that changes replaces that mark only', async () => {
    await markProblems('Sheet1', [issue('A1', 'warning'), issue('A2', 'error')]);
    const state = await markProblems('Sheet1', [issue('A1', 'error'), issue('A2', 'error')]);
    expect(state).toMatchObject({ removed: 1, added: 1 });
    expect(ours('Sheet1').find((cf) => cf.address === 'A1')?.fill).toBe(MARK_STYLE.error.fill);
  });

  test('on an unprotected sheet changing marks clears no Undo (conditional formats are undoable)', async () => {
    await markProblems('Sheet1', [issue('A1', 'error')]);
    await markProblems('Sheet1', [issue('A2', 'error')]);
    expect(excel.fake.undoClears).toEqual([]);
  });

  test('on a protected sheet the protection is lifted only when marks really change, and the state says so', async () => {
    const { sheetName } = await insertForm('application');
    excel.fake.undoClears = [];
    const first = await markProblems(sheetName, [issue('B4', 'error')]);
    expect(first.liftedProtection).toBe(true);
    expect(excel.fake.undoClears.map((u) => u.api)).toEqual(['WorksheetProtection.unprotect', 'WorksheetProtection.protect']);
    excel.fake.undoClears = [];
    const same = await markProblems(sheetName, [issue('B4', 'error')]);
    expect(same.liftedProtection).toBe(false);
    expect(excel.fake.undoClears).toEqual([]);
  });

  test('a mark left by an earlier version (no cell in its rule) is replaced by one that names its cell', async () => {
    const sheet = excel.fake.workbook.sheet('Sheet1');
    sheet.conditionalFormats.push({ id: 500, type: 'Custom', address: 'A1', formula: '=N("WUHUA_MARK_error")=0', fill: MARK_STYLE.error.fill, borders: {}, priority: 0, stopIfTrue: false });
    const state = await markProblems('Sheet1', [issue('A1', 'error')]);
    expect(state).toMatchObject({ removed: 1, added: 1 });
    expect(ours('Sheet1').map((cf) => cf.formula)).toEqual([markFormula('error', 'A1')]);
  });
});
