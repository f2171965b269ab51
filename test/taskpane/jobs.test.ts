/**
 * The pane's jobs (src/taskpane/work/jobs.ts, intake.ts) as the workers run them: picked
 * files read in batches and shared with a second worker, yet reported in order and exactly
 * as one worker reports them; progress a few times a second, cancellation between files,
 * the real reason for a file too large or unreadable. Runs in Node (File is global in Node 20).
 */
import { getForm } from '../../src/forms';
import { templateBytes } from '../../src/workbook/xlsx/template';
import { DEFAULT_READ_LIMITS } from '../../src/workbook/xlsx/read';
import { merge } from '../../src/taskpane/work/jobs';
import { batchesOf, BATCH_BYTES, intakeBatch, intakeFiles, PeerGone, throttled, type IntakeOptions, type Peer } from '../../src/taskpane/work/intake';
import { BATCH_FILES } from '../../src/taskpane/work/protocol';
import { mergeSubmissions } from '../../src/merge';
import { summaryBytesStreaming } from '../../src/workbook/xlsx/summary';
import { tp } from '../../src/i18n/taskpane';
import { handmadeBytes, HANDMADE_VARIANTS } from '../fixtures/handmade';
import { badInputs } from '../fixtures/bad';
import type { MergeProgress } from '../../src/taskpane/host';

let template: Uint8Array;
beforeAll(async () => {
  template = await templateBytes(getForm('demonstration'));
});

/** Handmade workbooks of every variant (with resubmissions of the same branch), bad files among them. */
async function mixedFiles(n: number): Promise<File[]> {
  const bytes = await Promise.all(HANDMADE_VARIANTS.map((v, i) => handmadeBytes(v, { branchName: `第${i % 4}党支部`, memberCount: 10 + i })));
  const bad = badInputs();
  return Array.from({ length: n }, (_, i) => {
    const b = i % 7 === 3 ? bad[i % bad.length] : undefined;
    return new File([(b ? b.bytes : bytes[i % bytes.length]) as BlobPart], b ? `${i}-${b.fileName}` : `f${i}.xlsx`, { lastModified: 1_556_668_800_000 + i * 60_000 });
  });
}

/** A Peer in this process, as the second worker: batches answered late and out of order. */
function slowPeer(opts: { goneAfter?: number } = {}): Peer & { batches: number } {
  let calls = 0;
  const peer = {
    batches: 0,
    async intake(files: readonly File[], o: IntakeOptions) {
      const call = ++calls;
      if (opts.goneAfter !== undefined && call > opts.goneAfter) throw new PeerGone();
      await new Promise((r) => setTimeout(r, 40 - (call % 4) * 10));
      peer.batches++;
      return intakeBatch(files, o);
    },
  };
  return peer;
}

const OPTS: IntakeOptions = { asOf: '2019-05-01', stage: 'committee' };

test('files in batches (one read for many), results in the order picked', () => {
  const files = Array.from({ length: 70 }, (_, i) => new File([new Uint8Array(i === 40 ? BATCH_BYTES : 10)], `f${i}.xlsx`));
  const b = batchesOf(files);
  expect(b[0]).toEqual([0, BATCH_FILES]);
  expect(b.flatMap(([s, e]) => Array.from({ length: e - s }, (_, i) => s + i))).toEqual(files.map((_, i) => i));
  expect(b.every(([s, e]) => e > s && e - s <= BATCH_FILES && (e - s === 1 || files.slice(s, e).reduce((n, f) => n + f.size, 0) <= BATCH_BYTES))).toBe(true);
  expect(b.find(([s]) => s === 40)).toEqual([40, 41]); // a batch of its own: with the others it would be too big
});

test('two workers give exactly what one gives: the same results in the same order, the same 汇总.xlsx bytes', async () => {
  const files = await mixedFiles(150);
  const one = await intakeFiles(files, OPTS);
  const peer = slowPeer();
  const seen: MergeProgress[] = [];
  const two = await intakeFiles(files, OPTS, { peer, onProgress: (p) => seen.push(p) });
  expect(peer.batches).toBeGreaterThan(0);
  expect(one.cancelled || two.cancelled).toBe(false);
  expect(two.results.map((r) => r.file)).toEqual(files.map((f) => f.name));
  expect(one.results.some((r) => !r.ok) && one.results.some((r) => r.ok)).toBe(true);
  expect(two.results).toEqual(one.results);
  const summary = (results: typeof one.results) => summaryBytesStreaming(mergeSubmissions(results, { asOf: OPTS.asOf }));
  expect(Buffer.from(await summary(two.results)).equals(Buffer.from(await summary(one.results)))).toBe(true);
  expect(seen.at(-1)).toEqual({ done: 150, total: 150 });
});

test('the second worker going away loses nothing: its batches are done by the first', async () => {
  const files = await mixedFiles(200);
  const one = await intakeFiles(files, OPTS);
  const peer = slowPeer({ goneAfter: 2 });
  const two = await intakeFiles(files, OPTS, { peer });
  expect(peer.batches).toBe(2);
  expect(two.cancelled).toBe(false);
  expect(two.results).toEqual(one.results);
});

test('the second worker failing fails the job, as one worker failing does', async () => {
  const files = await mixedFiles(100);
  const peer: Peer = { intake: () => Promise.reject(new Error('boom')) };
  await expect(intakeFiles(files, OPTS, { peer })).rejects.toThrow('boom');
});

test('a file changed since it was picked is refused as unreadable; the rest of its batch is read', async () => {
  const files = await mixedFiles(10);
  const gone = new File([new Uint8Array(10)], 'gone.xlsx');
  Object.defineProperty(gone, 'size', { value: 20 }); // the batch's one read comes back short
  Object.defineProperty(gone, 'arrayBuffer', { value: () => Promise.reject(new Error('NotReadableError')) });
  const picked = [...files.slice(0, 5), gone, ...files.slice(5)];
  const { results } = await intakeFiles(picked, OPTS);
  expect(results.map((r) => r.file)).toEqual(picked.map((f) => f.name));
  expect(results[5]).toEqual({ ok: false, file: 'gone.xlsx', reason: tp.unreadableFile });
  expect(results.filter((r) => r.ok).length).toBe((await intakeFiles(files, OPTS)).results.filter((r) => r.ok).length);
});

test('a file larger than the reader accepts is refused with that reason, unread', async () => {
  const huge = new File([new Uint8Array(8)], 'huge.xlsx');
  Object.defineProperty(huge, 'size', { value: DEFAULT_READ_LIMITS.maxFileBytes + 1 });
  Object.defineProperty(huge, 'arrayBuffer', { value: () => Promise.reject(new Error('must not be read')) });
  const { results } = await intakeFiles([huge], { asOf: '2019-05-01', stage: 'committee' });
  expect(results[0]).toMatchObject({ ok: false, file: 'huge.xlsx' });
  expect(!results[0].ok && results[0].reason).toMatch(/^文件过大（100(\.0)? MB，上限 100(\.0)? MB）/);
});

test('files read on the page (readOnPage): the same results as read here; never a file too large; a failed read is done here', async () => {
  const files = await mixedFiles(80);
  const huge = new File([new Uint8Array(8)], 'huge.xlsx');
  Object.defineProperty(huge, 'size', { value: DEFAULT_READ_LIMITS.maxFileBytes + 1 });
  const picked = [...files.slice(0, 40), huge, ...files.slice(40)];
  const here = await intakeFiles(picked, OPTS);
  const asked: number[][] = [];
  // The page reads the files at the indices asked, as one run of bytes (client.ts: one Blob of them).
  const readOnPage = async (indices: readonly number[]) => {
    asked.push([...indices]);
    return new Uint8Array(await new Blob(indices.map((i) => picked[i])).arrayBuffer());
  };
  const onPage = await intakeFiles(picked, OPTS, { readOnPage });
  expect(onPage.results).toEqual(here.results);
  expect(asked.flat().sort((a, b) => a - b)).toEqual(picked.map((_, i) => i).filter((i) => i !== 40));
  expect(onPage.results[40]).toMatchObject({ ok: false, file: 'huge.xlsx' });
  // The page could not read a batch (or read it short): those files are read here, one by one.
  let calls = 0;
  const failing = async (indices: readonly number[]) => {
    calls++;
    if (calls === 2) throw new Error('NotReadableError');
    const bytes = await readOnPage(indices);
    return calls === 3 ? bytes.subarray(1) : bytes;
  };
  expect((await intakeFiles(picked, OPTS, { readOnPage: failing })).results).toEqual(here.results);
  expect(calls).toBeGreaterThanOrEqual(3);
});

test('results made ahead (known): taken as they are, only the other files read (on the page, or by the second worker), the same results in order', async () => {
  const files = await mixedFiles(120);
  const here = await intakeFiles(files, OPTS);
  // Made ahead: the first 40 and every third after; a merge on another date or stage finds none.
  const madeAt = new Set(files.map((_, i) => i).filter((i) => i < 40 || i % 3 === 0));
  const byFile = new Map(files.map((f, i) => [f, here.results[i]]));
  const known = (f: File, o: IntakeOptions) => (o.asOf === OPTS.asOf && o.stage === OPTS.stage && madeAt.has(files.indexOf(f)) ? byFile.get(f) : undefined);
  const asked: number[] = [];
  const readOnPage = async (indices: readonly number[]) => {
    asked.push(...indices);
    return new Uint8Array(await new Blob(indices.map((i) => files[i])).arrayBuffer());
  };
  const seen: MergeProgress[] = [];
  const got = await intakeFiles(files, OPTS, { known, readOnPage, onProgress: (p) => seen.push(p) });
  expect(got.results).toEqual(here.results);
  expect(got.results.filter((_, i) => madeAt.has(i)).every((r, k) => r === here.results[[...madeAt][k]])).toBe(true); // the very objects
  // One file alone in a batch is read by the worker itself (readFiles), never asked of the page.
  expect(asked.every((i) => !madeAt.has(i))).toBe(true);
  expect(asked.length).toBeGreaterThan(0);
  expect(seen.at(-1)).toEqual({ done: 120, total: 120 });

  // With the second worker: a batch made ahead whole is not sent to it.
  const sent: string[] = [];
  const peer: Peer = { intake: async (fs, o) => (sent.push(...fs.map((f) => f.name)), intakeBatch(fs, o)) };
  const all = (f: File, o: IntakeOptions) => (o.asOf === OPTS.asOf ? byFile.get(f) : undefined);
  expect((await intakeFiles(files, OPTS, { known: all, peer })).results).toEqual(here.results);
  expect(sent).toEqual([]);
  // Made for another date: everything read again.
  const other = await intakeFiles(files, { ...OPTS, asOf: '2019-06-01' }, { known: all, peer });
  expect(other.results.map((r) => r.file)).toEqual(files.map((f) => f.name));
  expect(sent.length).toBeGreaterThan(0);
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
