/**
 * The pane's jobs (src/taskpane/work/jobs.ts) as the worker runs them: picked files read
 * ahead but reported in order, progress a few times a second, cancellation between
 * files, the real reason for a file too large. Runs in Node (File is global in Node 20).
 */
import { getForm } from '../../src/forms';
import { templateBytes } from '../../src/workbook/xlsx/template';
import { DEFAULT_READ_LIMITS } from '../../src/workbook/xlsx/read';
import { intakeFiles, merge, throttled, READ_AHEAD } from '../../src/taskpane/work/jobs';
import type { MergeProgress } from '../../src/taskpane/host';

let template: Uint8Array;
beforeAll(async () => {
  template = await templateBytes(getForm('demonstration'));
});

/** A File whose read resolves after `ms` and is counted while in flight. */
function slowFile(name: string, bytes: Uint8Array, ms: number, inFlight: { now: number; max: number }): File {
  const f = new File([bytes as BlobPart], name);
  Object.defineProperty(f, 'arrayBuffer', {
    value: () => {
      inFlight.now++;
      inFlight.max = Math.max(inFlight.max, inFlight.now);
      return new Promise<ArrayBuffer>((resolve) =>
        setTimeout(() => {
          inFlight.now--;
          resolve(bytes.slice().buffer);
        }, ms),
      );
    },
  });
  return f;
}

test('reads several files at once, yet results keep the order picked', async () => {
  const inFlight = { now: 0, max: 0 };
  // Later files answer faster: a naive Promise.all order would be wrong.
  const files = Array.from({ length: 20 }, (_, i) => slowFile(`f${i}.xlsx`, template, 40 - i * 2, inFlight));
  const { results, cancelled } = await intakeFiles(files, { asOf: '2019-05-01', stage: 'committee' });
  expect(cancelled).toBe(false);
  expect(results.map((r) => r.file)).toEqual(files.map((f) => f.name));
  expect(results.every((r) => r.ok)).toBe(true);
  expect(inFlight.max).toBeGreaterThan(1);
  expect(inFlight.max).toBeLessThanOrEqual(READ_AHEAD);
});

test('a file larger than the reader accepts is refused with that reason, unread', async () => {
  const huge = new File([new Uint8Array(8)], 'huge.xlsx');
  Object.defineProperty(huge, 'size', { value: DEFAULT_READ_LIMITS.maxFileBytes + 1 });
  Object.defineProperty(huge, 'arrayBuffer', { value: () => Promise.reject(new Error('must not be read')) });
  const { results } = await intakeFiles([huge], { asOf: '2019-05-01', stage: 'committee' });
  expect(results[0]).toMatchObject({ ok: false, file: 'huge.xlsx' });
  expect(!results[0].ok && results[0].reason).toMatch(/^文件过大（100(\.0)? MB，上限 100(\.0)? MB）/);
});

test('progress: first and last always, in between at most every interval', () => {
  const seen: MergeProgress[] = [];
  const now = jest.spyOn(Date, 'now');
  const report = throttled((p) => seen.push(p), 250);
  now.mockReturnValue(1000);
  report({ done: 0, total: 3 }, true);
  report({ done: 1, total: 3 });
  now.mockReturnValue(1300);
  report({ done: 2, total: 3 });
  now.mockReturnValue(1310);
  report({ done: 3, total: 3 }, true);
  now.mockRestore();
  expect(seen.map((p) => p.done)).toEqual([0, 2, 3]);
});

test('cancel between files: the results so far, no summary', async () => {
  const files = Array.from({ length: 30 }, (_, i) => new File([template as BlobPart], `f${i}.xlsx`));
  let calls = 0;
  const r = await merge({ files, asOf: '2019-05-01' }, { isCancelled: () => ++calls > 10 });
  expect(r.cancelled).toBe(true);
  expect(r.results.length).toBeGreaterThan(0);
  expect(r.results.length).toBeLessThan(30);
  expect('summary' in r).toBe(false);
});

test('merge names the roster as the file it came from in 未报送', async () => {
  const r = await merge({ files: [new File([template as BlobPart], 'a.xlsx')], asOf: '2019-05-01', rosterText: '甲支部\n乙支部', rosterSource: '名册.xlsx' });
  expect(r.cancelled).toBe(false);
  if (r.cancelled) return;
  expect(r.summary.missing.map((m) => m.source)).toEqual([expect.stringContaining('名册.xlsx'), expect.stringContaining('名册.xlsx')]);
});
