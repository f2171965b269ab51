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

describe('what Excel rejects (issue 11 §5)', () => {
  const run = (batch: (ctx: any) => Promise<unknown>, options?: object) => (options ? fake.run(options, batch) : fake.run(batch));

  test('a proxy used after its Excel.run is InvalidObjectPath; loaded values stay readable', async () => {
    const range: any = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.load('values');
      await ctx.sync();
      return r;
    });
    expect(range.values).toEqual([['x']]);
    expect(() => (range.values = [['y']])).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }));
    await expect(range.context.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
  });

  test('an object of another context passed to a call is InvalidRequestContext', async () => {
    const other: any = await run(async (ctx) => ctx.workbook.worksheets.getItem('Sheet1').getRange('A1'));
    await expect(run(async (ctx) => ctx.workbook.worksheets.getItem('Sheet1').names.add('wuhua_x', other))).rejects.toMatchObject({ code: 'InvalidRequestContext' });
  });

  test('protect on a protected sheet and unprotect on an unprotected one are AccessDenied (office-js #6784); both clear Undo', async () => {
    const protection = (ctx: any) => ctx.workbook.worksheets.getItem('Sheet1').protection;
    await expect(run(async (ctx) => (protection(ctx).unprotect(), ctx.sync()))).rejects.toMatchObject({ code: 'AccessDenied' });
    await run(async (ctx) => (protection(ctx).protect(), ctx.sync()));
    await expect(run(async (ctx) => (protection(ctx).protect(), ctx.sync()))).rejects.toMatchObject({ code: 'AccessDenied' });
    await run(async (ctx) => (protection(ctx).unprotect(), ctx.sync()));
    expect(fake.undoClears.map((u) => u.api)).toEqual(['WorksheetProtection.protect', 'WorksheetProtection.unprotect']);
  });

  test('a protected sheet refuses page layout, freeze panes, and widths/heights unless its options allow them', async () => {
    const sheet = fake.workbook.sheet('Sheet1');
    sheet.protection.protected = true;
    sheet.protection.options = { allowFormatCells: true, allowFormatColumns: true };
    const refused = (f: (ws: any) => void) => expect(run(async (ctx) => (f(ctx.workbook.worksheets.getItem('Sheet1')), ctx.sync()))).rejects.toMatchObject({ code: 'AccessDenied' });
    await refused((ws) => (ws.pageLayout.orientation = 'Landscape'));
    await refused((ws) => ws.pageLayout.setPrintArea('A1:B2'));
    await refused((ws) => ws.freezePanes.freezeRows(1));
    await refused((ws) => (ws.getRange('2:2').format.rowHeight = 30));
    await run(async (ctx) => ((ctx.workbook.worksheets.getItem('Sheet1').getRange('B:B').format.columnWidth = 40), ctx.sync()));
    expect(sheet.columnWidths.get(2)).toBe(40);
  });

  test('a value into a merged area anywhere but its top-left cell is InvalidOperation; the anchor takes it', async () => {
    fake.workbook.sheet('Sheet1').merges.push({ top: 2, left: 1, bottom: 2, right: 3 });
    const write = (address: string, values: unknown[][]) => run(async (ctx) => ((ctx.workbook.worksheets.getItem('Sheet1').getRange(address).values = values), ctx.sync()));
    await expect(write('B2', [['x']])).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(write('A2:C2', [['x', 'y', '']])).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(write('A2:C2', [['x', '', '']])).resolves.toBeUndefined();
  });

  test('more than 512 merged areas fail getMergedAreasOrNullObject; 512 are read', async () => {
    const sheet = fake.workbook.sheet('Sheet1');
    for (let r = 1; r <= 512; r++) sheet.merges.push({ top: r, left: 1, bottom: r, right: 2 });
    const read = () =>
      run(async (ctx) => {
        const areas = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B600').getMergedAreasOrNullObject();
        areas.load('address');
        await ctx.sync();
        return areas.address.split(',').length;
      });
    await expect(read()).resolves.toBe(512);
    sheet.merges.push({ top: 513, left: 1, bottom: 513, right: 2 });
    await expect(read()).rejects.toMatchObject({ code: 'GeneralException' });
  });

  test('a prompt title over 32 or message over 255 characters, an alert message over 225, is InvalidArgument', async () => {
    const set = (key: string, v: object) => run(async (ctx) => ((ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation[key] = v), ctx.sync()));
    await expect(set('prompt', { showPrompt: true, title: '题'.repeat(32), message: '文'.repeat(255) })).resolves.toBeUndefined();
    await expect(set('prompt', { showPrompt: true, title: '题'.repeat(33), message: '' })).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(set('prompt', { showPrompt: true, title: '', message: '文'.repeat(256) })).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(set('errorAlert', { showAlert: true, style: 'Stop', title: '', message: '文'.repeat(226) })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('format changes raise onChanged like value changes (conditional formats included)', async () => {
    jest.useFakeTimers();
    try {
      const events: any[] = [];
      await run(async (ctx) => (ctx.workbook.worksheets.getItem('Sheet1').onChanged.add((a: unknown) => events.push(a)), ctx.sync()));
      await run(async (ctx) => (ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').conditionalFormats.add('Custom'), ctx.sync()));
      await run(async (ctx) => ((ctx.workbook.worksheets.getItem('Sheet1').getRange('A2').format.fill.color = '#FF0000'), ctx.sync()));
      await jest.advanceTimersByTimeAsync(100);
      expect(events).toHaveLength(2);
      expect(events[0]).toMatchObject({ source: 'Local', triggerSource: 'ThisLocalAddin' });
    } finally {
      jest.useRealTimers();
    }
  });

  test('on the web flavour sheet.names also lists the workbook names (office-js #1011), with scope Workbook', async () => {
    fake.workbook.names.push({ name: 'wuhua_book', sheet: 'Sheet1', address: 'A1' });
    fake.workbook.sheet('Sheet1').names.push({ name: 'wuhua_local', address: 'B2' });
    const read = () =>
      run(async (ctx) => {
        const names = ctx.workbook.worksheets.getItem('Sheet1').names;
        names.load('items/name,items/scope');
        await ctx.sync();
        return names.items.map((n: any) => [n.name, n.scope]);
      });
    await expect(read()).resolves.toEqual([['wuhua_local', 'Worksheet']]);
    fake.flavor = 'web';
    await expect(read()).resolves.toEqual([
      ['wuhua_local', 'Worksheet'],
      ['wuhua_book', 'Workbook'],
    ]);
  });

  test('in cell-edit mode a sync fails with InvalidOperationInCellEditMode; a run with delayForCellEdit waits for the edit to end', async () => {
    fake.enterCellEdit();
    const read = () => async (ctx: any) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.load('values');
      await ctx.sync();
      return r.values;
    };
    await expect(run(read())).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    let done = false;
    const delayed = run(read(), { delayForCellEdit: true }).then((v) => ((done = true), v));
    await new Promise((r) => setTimeout(r, 10));
    expect(done).toBe(false);
    fake.exitCellEdit();
    await expect(delayed).resolves.toEqual([['x']]);
  });
});
