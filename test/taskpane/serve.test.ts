/**
 * The worker's side of the page's messages (src/taskpane/work/serve.ts), driven as worker.ts
 * drives it: a merge's summary kept, and 汇总.xlsx written ahead when the page asks (`prepare`,
 * once it has drawn the results) — handed over on 下载汇总表 only while it is exactly what the
 * click would write (the same bytes), dropped when the page's results are gone, another job
 * is given the summary, or a newer merge starts.
 */
import { JOBS } from '../../src/taskpane/work/jobs';
import type { FromWorker, JobName, ToWorker } from '../../src/taskpane/work/protocol';
import { serveJobs } from '../../src/taskpane/work/serve';
import { handmadeBytes, HANDMADE_VARIANTS } from '../fixtures/handmade';

let files: File[];
let otherFiles: File[];
beforeAll(async () => {
  const bytes = await Promise.all(HANDMADE_VARIANTS.map((v, i) => handmadeBytes(v, { branchName: `第${i % 3}党支部`, memberCount: 10 + i })));
  files = bytes.map((b, i) => new File([b as BlobPart], `f${i}.xlsx`, { lastModified: 1_556_668_800_000 + i * 60_000 }));
  otherFiles = files.slice(0, 2);
});

/** A worker in this process: the messages it posts, the summary files it wrote. */
function worker(extra: Partial<Record<JobName, unknown>> = {}) {
  const posted: FromWorker[] = [];
  const writes: unknown[] = [];
  const others: unknown[] = [];
  const jobs: Record<JobName, unknown> = {
    ...JOBS,
    ...extra,
    summaryFile: async (summary: Parameters<typeof JOBS.summaryFile>[0]) => {
      writes.push(summary);
      return JOBS.summaryFile(summary);
    },
    summaryTables: async (summary: unknown) => {
      others.push(summary);
      return { sheets: [] };
    },
  };
  const served = serveJobs(jobs, (m) => posted.push(m));
  const answer = async (id: number): Promise<FromWorker> => {
    for (let i = 0; i < 2000; i++) {
      const m = posted.find((p) => p.id === id && p.type !== 'progress');
      if (m) return m;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`no answer to ${id}`);
  };
  const run = async (msg: ToWorker & { type: 'run' }) => {
    served.handle(msg);
    return answer(msg.id);
  };
  /** The page's `prepare` for the kept summary `key`. */
  const prepare = (key: number) => served.handle({ type: 'prepare', kept: key });
  return { served, posted, writes, others, run, answer, prepare };
}

const merge = (id: number, fs: File[]): ToWorker & { type: 'run' } => ({ type: 'run', id, job: 'merge', arg: { files: fs, asOf: '2019-05-01', prepareSummaryFile: true } });
const bytesOf = (m: FromWorker) => {
  if (m.type !== 'done') throw new Error(`job failed: ${JSON.stringify(m)}`);
  return Buffer.from((m.value as { bytes: Uint8Array }).bytes);
};

test('汇总.xlsx written ahead is handed over on the click, the same bytes as writing it then', async () => {
  // Written on the click, as before.
  const a = worker();
  expect(await a.run(merge(1, files))).toMatchObject({ type: 'done', kept: 1 });
  expect(a.served.preparedKey).toBeUndefined(); // not before the page asks
  const onClick = bytesOf(await a.run({ type: 'run', id: 2, job: 'summaryFile', kept: 1 }));
  expect(a.writes).toHaveLength(1);

  // Written ahead, when the page asks.
  const b = worker();
  expect(await b.run(merge(1, files))).toMatchObject({ type: 'done', kept: 1 });
  expect(b.writes).toHaveLength(0);
  b.prepare(1);
  expect(b.served.preparedKey).toBe(1);
  expect(b.writes).toHaveLength(1);
  const ahead = bytesOf(await b.run({ type: 'run', id: 2, job: 'summaryFile', kept: 1 }));
  expect(b.writes).toHaveLength(1); // the click wrote nothing
  expect(ahead.equals(onClick)).toBe(true);
  expect(b.served.preparedKey).toBeUndefined(); // moved to the page

  // A second click writes again: the same bytes.
  const again = bytesOf(await b.run({ type: 'run', id: 3, job: 'summaryFile', kept: 1 }));
  expect(b.writes).toHaveLength(2);
  expect(again.equals(onClick)).toBe(true);
});

test('the click while the file is still being written waits for it, and writes nothing itself', async () => {
  const w = worker();
  await w.run(merge(1, files));
  w.prepare(1);
  w.served.handle({ type: 'run', id: 2, job: 'summaryFile', kept: 1 }); // at once: the write ahead has not finished
  expect(w.served.preparedKey).toBeUndefined(); // taken by the click
  const bytes = bytesOf(await w.answer(2));
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(w.writes).toHaveLength(1);
});

test('the page\'s results gone (inputs changed): the file written ahead is dropped, the click writes it', async () => {
  const w = worker();
  await w.run(merge(1, files));
  w.prepare(1);
  expect(w.served.preparedKey).toBe(1);
  w.served.handle({ type: 'drop' });
  expect(w.served.preparedKey).toBeUndefined();
  await w.run({ type: 'run', id: 2, job: 'summaryFile', kept: 1 });
  expect(w.writes).toHaveLength(2);

  // Asked for after the click (the page was busy until then): not written a second time.
  const v = worker();
  await v.run(merge(1, files));
  await v.run({ type: 'run', id: 2, job: 'summaryFile', kept: 1 });
  v.prepare(1);
  expect(v.served.preparedKey).toBeUndefined();
  expect(v.writes).toHaveLength(1);
});

test('another job given the kept summary, or a newer merge, drops the file written ahead', async () => {
  const w = worker();
  await w.run(merge(1, files));
  w.prepare(1);
  await w.run({ type: 'run', id: 2, job: 'summaryTables', kept: 1 });
  expect(w.others).toHaveLength(1);
  expect(w.served.preparedKey).toBeUndefined();

  const v = worker();
  await v.run(merge(1, files));
  v.prepare(1);
  expect(v.served.preparedKey).toBe(1);
  const second = await v.run(merge(2, otherFiles));
  expect(second).toMatchObject({ type: 'done', kept: 2 });
  v.prepare(2);
  expect(v.served.preparedKey).toBe(2);
  // The first merge's summary is still kept: its file is written on the click, from that summary.
  const first = bytesOf(await v.run({ type: 'run', id: 3, job: 'summaryFile', kept: 1 }));
  const latest = bytesOf(await v.run({ type: 'run', id: 4, job: 'summaryFile', kept: 2 }));
  expect(first.equals(latest)).toBe(false);
  expect(v.writes).toHaveLength(3); // 2 ahead, 1 written on the click, 2 handed over
});

test('the page reads the files when the run says so: asked by index, the bytes it moves over read as read here; none back, read here', async () => {
  const here = worker();
  const own = await here.run(merge(1, files));
  for (const answer of ['bytes', 'none'] as const) {
    const w = worker();
    const msg = { ...merge(1, files), readsOnPage: true };
    w.served.handle(msg);
    const asked: number[] = [];
    for (let i = 0; i < 2000 && !w.posted.some((p) => p.type === 'done'); i++) {
      for (const p of w.posted.splice(0)) {
        if (p.type === 'done') w.posted.push(p);
        if (p.type !== 'read') continue;
        asked.push(...p.indices);
        const bytes = answer === 'bytes' ? await new Blob(p.indices.map((k) => files[k])).arrayBuffer() : null;
        w.served.handle({ type: 'bytes', id: p.id, seq: p.seq, bytes });
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(asked.sort((a, b) => a - b)).toEqual(files.map((_, k) => k));
    expect(await w.answer(1)).toEqual(own);
  }
});

/**
 * A merge run with `readsOnPage`, its reads answered with the files' bytes as client.ts does:
 * the answer, and the indices of the files the worker asked the page for.
 */
async function mergeReadingOnPage(w: ReturnType<typeof worker>, id: number, fs: File[], asOf = '2019-05-01') {
  w.served.handle({ type: 'run', id, job: 'merge', arg: { files: fs, asOf }, readsOnPage: true });
  const asked: number[] = [];
  for (let i = 0; i < 2000 && !w.posted.some((p) => p.id === id && p.type === 'done'); i++) {
    for (const p of w.posted.splice(0)) {
      if (p.type !== 'read') {
        w.posted.push(p);
        continue;
      }
      asked.push(...p.indices);
      w.served.handle({ type: 'bytes', id: p.id, seq: p.seq, bytes: await new Blob(p.indices.map((k) => fs[k])).arrayBuffer() });
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return { answer: await w.answer(id), asked: asked.sort((a, b) => a - b) };
}

describe('reading ahead the files just picked', () => {
  /**
   * A worker whose reading ahead is watched: the files it was given each time, and when it ends;
   * `slow`: each file it checks takes 10 ms more (a message can come in between).
   */
  function watched(slow = false) {
    const given: string[][] = [];
    let ended = 0;
    const w = worker({
      readAhead: async (...[fs, opts, keep, stop]: Parameters<typeof JOBS.readAhead>) => {
        given.push(fs.map((f) => f.name));
        await JOBS.readAhead(fs, opts, (f, r) => {
          keep(f, r);
          for (const until = Date.now() + (slow ? 10 : 0); Date.now() < until; );
        }, stop);
        ended++;
      },
    });
    const settled = async (n: number) => {
      for (let i = 0; i < 2000 && ended < n; i++) await new Promise((r) => setTimeout(r, 5));
      expect(ended).toBe(n);
    };
    return { ...w, given, settled };
  }

  test('every picked file is read and checked ahead; a merge of them on that date reads none again, and answers as without', async () => {
    const without = worker();
    const plain = await mergeReadingOnPage(without, 1, files);
    expect(plain.asked).toEqual(files.map((_, k) => k));

    const w = watched();
    w.served.handle({ type: 'warm', files, asOf: '2019-05-01' });
    await w.settled(1);
    expect(w.given).toEqual([files.map((f) => f.name)]);
    expect(w.posted).toEqual([]); // nothing said to the page
    const ahead = await mergeReadingOnPage(w, 1, files);
    expect(ahead.asked).toEqual([]);
    expect(ahead.answer).toEqual(plain.answer);
    // The same 汇总.xlsx.
    expect(bytesOf(await w.run({ type: 'run', id: 2, job: 'summaryFile', kept: 1 })).equals(bytesOf(await without.run({ type: 'run', id: 2, job: 'summaryFile', kept: 1 })))).toBe(true);
    // And again (the roster edited, say): still nothing read.
    expect((await mergeReadingOnPage(w, 3, files)).asked).toEqual([]);
  });

  test('made for another date, or for other files, nothing made ahead is used', async () => {
    const w = watched();
    w.served.handle({ type: 'warm', files, asOf: '2019-04-30' });
    await w.settled(1);
    expect((await mergeReadingOnPage(w, 1, files)).asked).toEqual(files.map((_, k) => k));

    // A file picked again after it changed (another time): read again; the others are not.
    const v = watched();
    v.served.handle({ type: 'warm', files, asOf: '2019-05-01' });
    await v.settled(1);
    const changed = new File([files[1]], files[1].name, { lastModified: files[1].lastModified + 1000 });
    const picked = [files[0], changed, ...files.slice(2)];
    const { answer, asked } = await mergeReadingOnPage(v, 1, picked);
    expect(asked).toEqual([]); // one file: read by the worker itself (readFiles), not asked of the page
    const results = (answer as { value: { results: Array<{ fileTime?: number }> } }).value.results;
    expect(results[1].fileTime).toBe(changed.lastModified); // read again: the new time
    expect(results[0].fileTime).toBe(files[0].lastModified);
  });

  test('picking more reads only the new files; the list emptied forgets them', async () => {
    const w = watched();
    w.served.handle({ type: 'warm', files: files.slice(0, 2), asOf: '2019-05-01' });
    await w.settled(1);
    w.served.handle({ type: 'warm', files, asOf: '2019-05-01' });
    await w.settled(2);
    expect(w.given).toEqual([files.slice(0, 2).map((f) => f.name), files.slice(2).map((f) => f.name)]);
    expect((await mergeReadingOnPage(w, 1, files)).asked).toEqual([]);

    w.served.handle({ type: 'warm', files: [], asOf: '2019-05-01' });
    expect((await mergeReadingOnPage(w, 2, files)).asked).toEqual(files.map((_, k) => k));
  });

  test('a merge clicked meanwhile stops it between two files and reads the rest itself, in order; the same answer', async () => {
    const without = await mergeReadingOnPage(worker(), 1, files);
    const w = watched(true);
    w.served.handle({ type: 'warm', files, asOf: '2019-05-01' });
    // Clicked while it reads (it lets messages in every few milliseconds).
    await new Promise((r) => setTimeout(r, 25));
    const { answer, asked } = await mergeReadingOnPage(w, 1, files);
    expect(answer).toEqual(without.answer);
    await w.settled(1);
    // It had made the first files, not all: the merge read the others, in one read, in order.
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThan(files.length);
    expect(asked).toEqual(files.map((_, k) => k).slice(files.length - asked.length));
    // Not resumed after the merge: it read what was left.
    await new Promise((r) => setTimeout(r, 50));
    expect(w.given).toHaveLength(1);
  });

  test('another job (a roster read) pauses it; it goes on after', async () => {
    const w = watched();
    w.served.handle({ type: 'warm', files, asOf: '2019-05-01' });
    w.served.handle({ type: 'run', id: 1, job: 'templateFile', arg: 'application' });
    await w.answer(1);
    await w.settled(w.given.length); // the run it was in ended
    for (let i = 0; i < 400 && w.given.flat().length < files.length; i++) await new Promise((r) => setTimeout(r, 5));
    await w.settled(w.given.length);
    expect(new Set(w.given.flat())).toEqual(new Set(files.map((f) => f.name)));
    expect((await mergeReadingOnPage(w, 2, files)).asked).toEqual([]);
  });
});
