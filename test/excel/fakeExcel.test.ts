/** The test double must fail where Office.js fails, or the adapter tests prove nothing. */
import { FakeExcel, FakeOfficeError, REQUEST_LIMIT, RESPONSE_LIMIT } from './fakeExcel';

let fake: FakeExcel;
beforeEach(() => {
  fake = new FakeExcel();
  fake.workbook.addSheet('Sheet1').type('A1', 'x');
});

test('reading a property that was not loaded throws PropertyNotLoaded', async () => {
  await expect(
    fake.run(async (ctx: any) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      return sheets.items; // before sync
    }),
  ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
  await expect(
    fake.run(async (ctx: any) => {
      const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.load('values');
      await ctx.sync();
      return range.numberFormat; // loaded something else
    }),
  ).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
});

test('a loaded property is readable after sync; a write shows only after sync', async () => {
  const values = await fake.run(async (ctx: any) => {
    const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
    range.values = [['y']];
    expect(fake.workbook.sheet('Sheet1').cell('A1')?.value).toBe('x');
    range.load('values');
    await ctx.sync();
    return range.values;
  });
  expect(values).toEqual([['y']]);
  expect(fake.syncs).toBe(1);
});

test('commands left unsynced at the end of Excel.run fail the run', async () => {
  await expect(fake.run(async (ctx: any) => void ctx.workbook.worksheets.add('New'))).rejects.toThrow(/never synced/);
});

test('a request above 5 MB fails with RequestPayloadSizeLimitExceeded and runs nothing', async () => {
  const big = 'x'.repeat(REQUEST_LIMIT);
  await expect(
    fake.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('B1').values = [[big]];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  expect(fake.workbook.sheet('Sheet1').cell('B1')).toBeUndefined();
});

test('values must match the range size; "=…" becomes a formula unless the cell is text', async () => {
  await expect(
    fake.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').values = [['only one']];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidArgument' });
  await fake.run(async (ctx: any) => {
    const s = ctx.workbook.worksheets.getItem('Sheet1');
    s.getRange('C1').values = [['=1+1']];
    s.getRange('D1').numberFormat = [['@']];
    s.getRange('D1').values = [['=1+1']];
    await ctx.sync();
  });
  expect(fake.workbook.sheet('Sheet1').cell('C1')?.formula).toBe('=1+1');
  expect(fake.workbook.sheet('Sheet1').cell('D1')).toMatchObject({ value: '=1+1', formula: undefined });
});

test('locked cells of a protected sheet refuse values; getItem of a missing sheet is ItemNotFound at sync', async () => {
  fake.workbook.sheet('Sheet1').protection.protected = true;
  await expect(
    fake.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['z']];
      await ctx.sync();
    }),
  ).rejects.toBeInstanceOf(FakeOfficeError);
  await expect(
    fake.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem('Nope').activate();
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'ItemNotFound' });
});

test('getItemOrNullObject: isNullObject only after sync', async () => {
  const result = await fake.run(async (ctx: any) => {
    const s = ctx.workbook.worksheets.getItemOrNullObject('Nope');
    s.load('name');
    expect(() => s.isNullObject).toThrow();
    await ctx.sync();
    return s.isNullObject;
  });
  expect(result).toBe(true);
});

test('loaded values above 5 MB fail with ResponsePayloadSizeLimitExceeded; the bytes of each response are counted', async () => {
  const sheet = fake.workbook.sheet('Sheet1');
  const long = 'x'.repeat(30_000);
  for (let row = 1; row <= 180; row++) sheet.type(`A${row}`, long); // 5.4 MB
  await expect(
    fake.run(async (ctx: any) => {
      const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A180');
      range.load('values');
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  expect(fake.responses[fake.responses.length - 1]).toBeGreaterThan(RESPONSE_LIMIT);
  await fake.run(async (ctx: any) => {
    const range = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A100');
    range.load('values');
    await ctx.sync();
  });
  expect(fake.responses[fake.responses.length - 1]).toBeGreaterThan(100 * 30_000);
});

test('a row height above 409 points is InvalidArgument; 409 is fine', async () => {
  await fake.run(async (ctx: any) => {
    ctx.workbook.worksheets.getItem('Sheet1').getRange('5:5').format.rowHeight = 409;
    await ctx.sync();
  });
  expect(fake.workbook.sheet('Sheet1').rowHeights.get(5)).toBe(409);
  await expect(
    fake.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('6:6').format.rowHeight = 420;
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidArgument' });
});

test.each(['=1+1', '+86 13800138000', '-3人', '@SUM(A1)'])('"%s" set as a value is a formula in a General cell, text in an "@" cell', async (text) => {
  await fake.run(async (ctx: any) => {
    const s = ctx.workbook.worksheets.getItem('Sheet1');
    s.getRange('C1').values = [[text]];
    s.getRange('D1').numberFormat = [['@']];
    s.getRange('D1').values = [[text]];
    await ctx.sync();
  });
  expect(fake.workbook.sheet('Sheet1').cell('C1')?.formula).toBeDefined();
  expect(fake.workbook.sheet('Sheet1').cell('C1')?.value).not.toBe(text);
  expect(fake.workbook.sheet('Sheet1').cell('D1')).toMatchObject({ value: text, formula: undefined });
});

test('Range.getUsedRangeOrNullObject: the used cells inside the range, a null object when none', async () => {
  const sheet = fake.workbook.sheet('Sheet1');
  sheet.type('C3', 'y');
  sheet.type('Z900', 'far');
  const [inside, none] = await fake.run(async (ctx: any) => {
    const s = ctx.workbook.worksheets.getItem('Sheet1');
    const a = s.getRange('A1:D10').getUsedRangeOrNullObject(true);
    a.load('address');
    const b = s.getRange('E1:F2').getUsedRangeOrNullObject(true);
    b.load('address');
    await ctx.sync();
    return [a.address, b.isNullObject];
  }) as [string, boolean];
  expect(inside).toBe('Sheet1!A1:C3');
  expect(none).toBe(true);
});

test('conditional formats cannot change on a protected sheet, even with allowFormatCells (unless the fake is told otherwise)', async () => {
  const sheet = fake.workbook.sheet('Sheet1');
  sheet.protection.protected = true;
  sheet.protection.options = { allowFormatCells: true };
  const add = () =>
    fake.run(async (ctx: any) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').conditionalFormats.add('Custom');
      await ctx.sync();
    });
  await expect(add()).rejects.toMatchObject({ code: 'AccessDenied' });
  fake.conditionalFormatsHonourAllowFormatCells = true;
  await expect(add()).resolves.toBeUndefined();
});
