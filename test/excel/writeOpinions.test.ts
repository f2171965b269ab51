import { getField, getForm } from '../../src/forms';
import { firstCell } from '../../src/forms/address';
import { insertForm } from '../../src/workbook/excel';
import { writeOpinions } from '../../src/workbook/excel/writeOpinions';
import { useFakeExcel } from './useFake';

const excel = useFakeExcel();

test('writes opinions and dates into 20 inserted forms in one sync, as text, on protected sheets', async () => {
  const form = getForm('application');
  const sheets: string[] = [];
  for (let i = 0; i < 20; i++) sheets.push((await insertForm('application')).sheetName);
  const cell = firstCell(getField(form, 'partyCommitteeOpinion')!.cell);
  const dateCell = firstCell(getField(form, 'partyCommitteeOpinionDate')!.cell);
  excel.fake.count();
  const n = await writeOpinions(sheets.map((sheet, i) => ({ sheet, cell, dateCell, text: i === 0 ? '=同意' : '经初核，同意上报。', date: '2019-04-28' })));
  expect(n).toBe(20);
  expect(excel.fake.syncs).toBe(1);
  const first = excel.fake.workbook.sheet(sheets[0]);
  expect(first.protection.protected).toBe(true);
  expect(first.cell(cell)?.value).toBe('=同意');
  expect(first.cell(cell)?.formula).toBeUndefined();
  expect(first.cell(dateCell)?.value).toBe('2019年4月28日');
  expect(excel.fake.workbook.sheet(sheets[19]).cell(cell)?.value).toBe('经初核，同意上报。');
});

test('a hand-typed form without a date cell gets the date as the last line; nothing to write, no Excel.run', async () => {
  excel.fake.count();
  expect(await writeOpinions([])).toBe(0);
  expect(excel.fake.runs).toBe(0);
  await writeOpinions([{ sheet: 'Sheet1', cell: 'B9', text: '同意。', date: '2019-05-10' }]);
  expect(excel.fake.workbook.sheet('Sheet1').cell('B9')?.value).toBe('同意。\n2019年5月10日');
});
