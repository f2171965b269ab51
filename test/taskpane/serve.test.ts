/**
 * The worker's side of the page's messages (src/taskpane/work/serve.ts), driven as worker.ts
 * drives it: a merge's summary kept, and 汇总.xlsx written ahead when the page asks (`prepare`,
 * once it has drawn the results) — handed over on 下载汇总表 only while it is exactly what the
 * click would write (the same bytes), dropped when the page's results are gone, another job
 * is given the summary, or a newer merge starts.
 */
import { JOBS } from '../../src/taskpane/work/jobs';
import { WARM_FILES, type FromWorker, type JobName, type ToWorker } from '../../src/taskpane/work/protocol';
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
function worker() {
  const posted: FromWorker[] = [];
  const writes: unknown[] = [];
  const others: unknown[] = [];
  const jobs: Record<JobName, unknown> = {
    ...JOBS,
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

describe('warming up on files just picked', () => {
  /** A worker whose warm-up steps are counted and wait until released. */
  function warming() {
    const steps: number[] = [];
    let release: () => void = () => undefined;
    const jobs: Record<JobName, unknown> = {
      ...JOBS,
      warmUp: (fs: readonly File[]) => {
        steps.push(fs.length);
        return new Promise<void>((r) => (release = r));
      },
    };
    const posted: FromWorker[] = [];
    const served = serveJobs(jobs, (m) => posted.push(m));
    const next = async () => {
      release();
      await new Promise((r) => setTimeout(r, 0));
    };
    return { served, steps, posted, next };
  }
  const picked = (n: number) => Array.from({ length: n }, (_x, i) => files[i % files.length]);

  test('reads the files a few at a time, at most WARM_FILES, posts nothing, and only once', async () => {
    const w = warming();
    w.served.handle({ type: 'warm', files: picked(10) });
    for (let i = 0; i < 4; i++) await w.next();
    expect(w.steps).toEqual([4, 4, 2]);
    w.served.handle({ type: 'warm', files: picked(10) });
    await w.next();
    expect(w.steps).toEqual([4, 4, 2]);
    expect(w.posted).toEqual([]);
    const many = warming();
    many.served.handle({ type: 'warm', files: picked(WARM_FILES + 10) });
    for (let i = 0; i < WARM_FILES; i++) await many.next();
    expect(many.steps.reduce((a, b) => a + b, 0)).toBe(WARM_FILES);
  });

  test('a job stops it after the step it is in; the job runs at once and is answered', async () => {
    const w = warming();
    w.served.handle({ type: 'warm', files: picked(40) });
    await w.next();
    expect(w.steps).toEqual([4, 4]);
    w.served.handle(merge(1, files));
    for (let i = 0; i < 3; i++) await w.next();
    expect(w.steps).toEqual([4, 4]);
    for (let i = 0; i < 400 && !w.posted.some((m) => m.id === 1 && m.type === 'done'); i++) await new Promise((r) => setTimeout(r, 5));
    expect(w.posted.find((m) => m.id === 1 && m.type !== 'progress')?.type).toBe('done');
  });

  test('the real warm-up reads and checks the files without a word to the page', async () => {
    const posted: FromWorker[] = [];
    await JOBS.warmUp(files);
    const served = serveJobs(JOBS, (m) => posted.push(m));
    served.handle({ type: 'warm', files });
    await new Promise((r) => setTimeout(r, 200));
    expect(posted).toEqual([]);
  });
});
