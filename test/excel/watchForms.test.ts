import { insertForm, markProblems, watchForms, writeSummary } from '../../src/workbook/excel';
import { useFakeExcel } from './useFake';

const excel = useFakeExcel();

let stops: (() => Promise<void>)[] = [];
beforeEach(() => {
  jest.useFakeTimers();
  excel.cleanup(async () => {
    for (const stop of stops.splice(0)) await stop();
    jest.useRealTimers();
  });
});

async function watch(opts: Parameters<typeof watchForms>[1] = {}): Promise<string[]> {
  const changes: string[] = [];
  stops.push(await watchForms((name) => changes.push(name), opts));
  return changes;
}

test('a burst of edits is reported once, 400 ms after the last one, with the sheet name', async () => {
  const changes = await watch();
  excel.fake.userEdits('Sheet1', 'A1', 'a');
  await jest.advanceTimersByTimeAsync(300);
  excel.fake.userEdits('Sheet1', 'A2', 'b');
  await jest.advanceTimersByTimeAsync(399);
  expect(changes).toEqual([]);
  await jest.advanceTimersByTimeAsync(1);
  expect(changes).toEqual(['Sheet1']);
  await jest.advanceTimersByTimeAsync(5000);
  expect(changes).toEqual(['Sheet1']);
});

test('edits on two sheets are debounced separately', async () => {
  excel.fake.workbook.addSheet('附件1');
  const changes = await watch();
  excel.fake.userEdits('Sheet1', 'A1', 'a');
  excel.fake.userEdits('附件1', 'B5', 3);
  await jest.advanceTimersByTimeAsync(400);
  expect(changes.sort()).toEqual(['Sheet1', '附件1'].sort());
});

test('a renamed sheet is reported by its current name', async () => {
  const changes = await watch();
  excel.fake.workbook.sheet('Sheet1').name = '改名后';
  excel.fake.userEdits('改名后', 'A1', 'a');
  await jest.advanceTimersByTimeAsync(400);
  expect(changes).toEqual(['改名后']);
});

test('summary sheets are not reported', async () => {
  excel.fake.workbook.addSheet('汇总');
  const changes = await watch();
  excel.fake.userEdits('汇总', 'A1', 'a');
  await jest.advanceTimersByTimeAsync(1000);
  expect(changes).toEqual([]);
});

test('calling watchForms again (pane reload) replaces the handlers instead of adding more', async () => {
  await watch();
  const changes = await watch();
  const sheet = excel.fake.workbook.sheet('Sheet1');
  expect(sheet.changedHandlers).toHaveLength(1);
  expect(excel.fake.workbook.addedHandlers).toHaveLength(1);
  excel.fake.userEdits('Sheet1', 'A1', 'a');
  await jest.advanceTimersByTimeAsync(400);
  expect(changes).toEqual(['Sheet1']);
});

test('unsubscribe removes every handler in the context that added it', async () => {
  await watch();
  const stop = stops.pop()!;
  await stop();
  expect(excel.fake.workbook.sheet('Sheet1').changedHandlers).toEqual([]);
  expect(excel.fake.workbook.addedHandlers).toEqual([]);
});

test('a sheet inserted later (a new form) is watched too', async () => {
  const changes = await watch();
  const { sheetName } = await insertForm('progress');
  await jest.advanceTimersByTimeAsync(2000); // onAdded registers the new sheet; insertForm's own writes are not reported
  expect(changes).toEqual([]);
  excel.fake.userEdits(sheetName, 'B3', '市委办机关党支部');
  await jest.advanceTimersByTimeAsync(400);
  expect(changes).toEqual([sheetName]);
});

describe.each([
  ['ExcelApi 1.14: by triggerSource', '1.14'],
  ['ExcelApi 1.13: by the time the adapter was writing', '1.13'],
])("the add-in's own writes are ignored — %s", (_name, version) => {
  test('writing a sheet the pane watches raises no report; the user editing it afterwards does', async () => {
    excel.fake.apiVersion = version;
    const changes = await watch({ exclude: [] });
    await writeSummary([{ name: '汇总', header: ['序号'], rows: [[1]] }]);
    await jest.advanceTimersByTimeAsync(100); // the new sheet is registered (onAdded) before Excel reports the writes
    expect(excel.fake.workbook.sheet('汇总').changedHandlers).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(2000);
    expect(changes).toEqual([]);
    excel.fake.userEdits('汇总', 'A2', 2);
    await jest.advanceTimersByTimeAsync(400);
    expect(changes).toEqual(['汇总']);
  });
});

test('a failure while reporting goes to onError as a Chinese ExcelOperationError', async () => {
  const errors: Error[] = [];
  const changes = await watch({ onError: (e) => errors.push(e) });
  const sheet = excel.fake.workbook.sheet('Sheet1');
  excel.fake.userEdits('Sheet1', 'A1', 'a');
  // Excel is busy when the debounced report runs.
  const run = excel.fake.run.bind(excel.fake);
  jest.spyOn(excel.fake, 'run').mockImplementationOnce(async () => {
    throw Object.assign(new Error('busy'), { code: 'ActivityLimitReached' });
  });
  await jest.advanceTimersByTimeAsync(400);
  expect(changes).toEqual([]);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ code: 'ActivityLimitReached', message: expect.stringMatching(/^监听表单修改失败/) });
  void run;
  void sheet;
});

describe.each([
  ['ExcelApi 1.14: by triggerSource', '1.14'],
  ['ExcelApi 1.13: by the own-write window', '1.13'],
])('marks never start another check — %s', (_name, version) => {
  test('a check that marks after an edit raises onChanged (a format change) but no second check', async () => {
    excel.fake.apiVersion = version;
    await jest.advanceTimersByTimeAsync(2_000); // past any own-write window an earlier test left in the module
    const changes: string[] = [];
    let marks = 0;
    // As the pane does: every reported change re-checks the sheet and marks what is wrong.
    stops.push(
      await watchForms((name) => {
        changes.push(name);
        const bad = excel.fake.workbook.sheet('Sheet1').cell('A1')?.value === 'bad';
        void markProblems(name, bad ? [{ rule: 'r', severity: 'error', field: 'f', cell: `A${++marks}`, message: '问题' }] : []);
      }),
    );
    excel.fake.userEdits('Sheet1', 'A1', 'bad');
    await jest.advanceTimersByTimeAsync(10_000);
    expect(changes).toEqual(['Sheet1']);
    expect(marks).toBe(1);
    // The user's next edit, after the window, is reported as usual.
    excel.fake.userEdits('Sheet1', 'A1', 'good');
    await jest.advanceTimersByTimeAsync(2_000);
    expect(changes).toEqual(['Sheet1', 'Sheet1']);
  });
});

test("a co-author's change (source Remote) starts no check here: their own pane checks and marks it", async () => {
  const changes = await watch();
  excel.fake.remoteEdits('Sheet1', 'A1', 'x');
  await jest.advanceTimersByTimeAsync(2_000);
  expect(changes).toEqual([]);
  excel.fake.userEdits('Sheet1', 'A1', 'y');
  await jest.advanceTimersByTimeAsync(400);
  expect(changes).toEqual(['Sheet1']);
});
