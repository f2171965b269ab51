/**
 * The merge's intake in worker threads (src/cli/pool.ts) changes nothing but the time:
 * bin/wuhua merge gives the same summary bytes, JSON report and closing summary with
 * workers as on the main thread alone, over good, hand-made, legacy, bad and duplicate
 * files; a worker that dies on a file costs that file only (rejected, with a Chinese
 * reason) and no worker outlives the run.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as XLSX from '@e965/xlsx';
import { generate } from '../../bench/generate';
import { collectInputs, fileId, LISTED_BATCH, type InputFile } from '../../src/cli/files';
import { intakeInOrder, IntakeWorkers, poolWorkers, POOL_MAX_WORKERS, POOL_MIN_FILES, READ_AHEAD, startEarly } from '../../src/cli/pool';
import { getForm } from '../../src/forms';
import type { IntakeResult } from '../../src/model/types';
import { templateBytes } from '../../src/workbook/xlsx/template';
import { badInputs } from '../fixtures/bad';

const ROOT = join(__dirname, '..', '..');
const OPTS = { asOf: '2019-05-01', stage: 'committee' as const };
let dir: string;
let inbox: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-pool-'));
  inbox = join(dir, '收件箱');
  // Template-made and hand-made forms, resubmissions and a few files that are not workbooks …
  await generate(inbox, 240, 12);
  // … every kind of bad input, a file sent twice under two names (an exact duplicate) …
  mkdirSync(join(inbox, '其他'));
  for (const b of badInputs()) writeFileSync(join(inbox, '其他', b.fileName), b.bytes);
  copyFileSync(join(inbox, 'batch-000', 'file-3.xlsx'), join(inbox, '其他', '重复发送.xlsx'));
  // … and an Excel 97-2003 .xls, read by the legacy reader (its own lazy require in a worker).
  const template = XLSX.read(await templateBytes(getForm('application')), { type: 'array' });
  writeFileSync(join(inbox, '其他', '旧版.xls'), XLSX.write(template, { type: 'buffer', bookType: 'xls' }));
}, 120000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** bin/wuhua merge as a user runs it, with WUHUA_THREADS set. */
function merge(threads: string, name: string, extra: string[] = []) {
  const out = join(dir, `${name}.xlsx`);
  const json = join(dir, `${name}.json`);
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'wuhua'), 'merge', inbox, '-o', out, '--json', json, '--as-of', OPTS.asOf, ...extra], {
    encoding: 'utf8',
    env: { ...process.env, WUHUA_THREADS: threads },
    timeout: 60000,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(out), json: readFileSync(json, 'utf8') };
}

test('a merge in worker threads writes the same bytes as one on the main thread', () => {
  const roster = join(dir, '名册.txt');
  writeFileSync(roster, ['中共永州市财政局第一党支部', '中共永州市教育局党支部', '中共永州市不存在局党支部'].join('\n'));
  // Inputs refused when listed (a path that does not exist, an empty folder): a worker posts
  // no result for them, and the main thread rejects them with its own list's reason.
  const refused = [join(dir, '不存在.xlsx'), join(dir, '空文件夹')];
  mkdirSync(refused[1], { recursive: true });
  for (const extra of [[], ['--roster', roster], refused]) {
    const alone = merge('0', 'alone', extra);
    const pooled = merge('3', 'pooled', extra); // more workers than cores: files come back out of order
    expect(alone.status).toBe(0);
    expect(pooled.status).toBe(0); // and the process ended: no worker kept it alive
    expect(pooled.signal).toBeNull();
    expect(pooled.stdout).toBe(alone.stdout);
    expect(pooled.json).toBe(alone.json);
    expect(Buffer.compare(pooled.summary, alone.summary)).toBe(0);
    const report = JSON.parse(pooled.json);
    expect(report.rejected.length).toBeGreaterThanOrEqual(badInputs().length);
    expect(report.duplicates.length).toBeGreaterThan(0);
    expect(report.submissions.some((s: { file: string }) => s.file.endsWith('旧版.xls'))).toBe(true);
    expect(pooled.stderr).toMatch(/已处理 \d+\/\d+ 个文件/);
    if (extra === refused) {
      const reasons = report.rejected.filter((r: { file: string }) => refused.includes(r.file)).map((r: { reason: string }) => r.reason);
      expect(reasons).toHaveLength(2);
      for (const reason of reasons) expect(reason).toMatch(/[\u4e00-\u9fff]/);
    }
  }
});

describe('the outputs are checked against every file read', () => {
  test('each file read is told once with its identity, by the main thread or a worker', async () => {
    const inputs = await collectInputs([inbox], { statFiles: false });
    expect(inputs.some((i) => i.ok && i.id !== undefined)).toBe(false); // none stat'ed when listed
    const want = inputs.flatMap((i) => (i.ok ? [fileId(statSync(i.file))!] : [])).sort();
    for (const run of [{ workers: 0 }, { workers: 2, mainReads: false }, { workers: 2 }]) {
      const seen: string[] = [];
      await intakeInOrder(inputs, OPTS, () => undefined, { ...run, onRead: (id) => seen.push(id) });
      expect(seen.sort()).toEqual(want);
    }
  });

  test('an output that is an input under another name (a hard link: found only by reading it) is refused, nothing written', () => {
    const first = readdirSync(join(inbox, 'batch-000')).sort()[0];
    const target = join(dir, '链接.xlsx');
    linkSync(join(inbox, 'batch-000', first), target);
    const before = readFileSync(target);
    try {
      for (const threads of ['0', '3']) {
        const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'wuhua'), 'merge', inbox, '-o', target, '--as-of', OPTS.asOf], {
          encoding: 'utf8',
          env: { ...process.env, WUHUA_THREADS: threads },
          timeout: 60000,
        });
        expect(r.status).toBe(2);
        expect(r.stderr).toContain('是一个输入文件');
        expect(r.stdout).toBe(''); // no closing summary: the run stopped before merging
        expect(readFileSync(target).equals(before)).toBe(true);
      }
    } finally {
      rmSync(target);
    }
  });
});

/** What the main thread alone gives, to compare with. */
async function inThread(inputs: InputFile[]): Promise<IntakeResult[]> {
  const out: IntakeResult[] = [];
  await intakeInOrder(inputs, OPTS, (r) => out.push(r), { workers: 0 });
  return out;
}

describe('a worker that dies on a file', () => {
  const crashing = join(__dirname, 'crashingWorker.cjs');

  test.each([
    ['throws', '崩溃-抛出'],
    ['exits', '崩溃-退出'],
  ])('%s: that file is rejected with a Chinese reason, every other file is read, in order', async (_how, mark) => {
    const inputs = await collectInputs([join(inbox, 'batch-000')]);
    // Crash on three files, one of them early and two adjacent, all after the workers have loaded.
    const victims = new Set([60, 61, 150]);
    const renamed = inputs.map((f, i) => {
      if (!victims.has(i) || !f.ok) return f;
      const copy = join(dir, `${mark}-${i}.xlsx`);
      copyFileSync(f.file, copy);
      return { ...f, file: copy };
    });
    const expected = await inThread(renamed);
    const got: IntakeResult[] = [];
    const order: number[] = [];
    // Only the workers read, so each marked file does reach one.
    await intakeInOrder(renamed, OPTS, (r, n) => (got.push(r), order.push(n)), { workers: 2, script: crashing, mainReads: false });
    expect(order).toEqual(renamed.map((_f, i) => i));
    for (let i = 0; i < renamed.length; i++) {
      if (!victims.has(i)) continue;
      const r = got[i];
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toMatch(/读取该文件时后台读取线程意外终止（.+），文件未计入汇总/);
      expect(r.file).toBe(renamed[i].file);
    }
    const others = (rs: IntakeResult[]) => rs.filter((_r, i) => !victims.has(i));
    expect(JSON.stringify(others(got))).toBe(JSON.stringify(others(expected)));
  });

  test('a worker that cannot start leaves the files to the main thread', async () => {
    const inputs = (await collectInputs([join(inbox, 'batch-000')])).slice(0, 40);
    const got: IntakeResult[] = [];
    await intakeInOrder(inputs, OPTS, (r) => got.push(r), { workers: 2, script: join(dir, 'no-such-worker.js') });
    expect(JSON.stringify(got)).toBe(JSON.stringify(await inThread(inputs)));
  });

  test('an error in the merge stops the run with that error, workers ended', async () => {
    const inputs = await collectInputs([join(inbox, 'batch-000')]);
    let seen = 0;
    const run = intakeInOrder(
      inputs,
      OPTS,
      (_r, n) => {
        seen++;
        if (n === 100) throw new Error('merge failed');
      },
      { workers: 1 },
    );
    await expect(run).rejects.toThrow('merge failed');
    expect(seen).toBe(101);
  });
});

describe('workers started before the inputs are listed', () => {
  test('the listing calls back every LISTED_BATCH inputs (the merge sets its heap flags there)', async () => {
    let calls = 0;
    const inputs = await collectInputs([inbox], { onListed: () => calls++ });
    expect(inputs.length).toBeGreaterThan(LISTED_BATCH);
    expect(calls).toBe(Math.floor(inputs.length / LISTED_BATCH));
  });

  test('are started for a long run only, and end when closed', async () => {
    expect(startEarly([join(inbox, 'batch-000')], OPTS)).toBeUndefined(); // 240 files: not worth a worker
    const early = startEarly(Array.from({ length: POOL_MIN_FILES }, (_x, i) => join(dir, `无-${i}.xlsx`)), OPTS);
    expect(early?.count ?? 0).toBe(poolWorkers(Number.MAX_SAFE_INTEGER));
    await early?.close();
    expect(early?.size ?? 0).toBe(0);
  });

  test('call onWorkerOnline as each one runs (V8 has reset the flags by then), and keep waiting for the run', async () => {
    let seen = 0;
    let online: () => void = () => undefined;
    const both = new Promise<void>((r) => (online = r));
    const early = new IntakeWorkers(2, OPTS, {
      onWorkerOnline: () => {
        if (++seen === 2) online();
      },
    });
    await both;
    expect(early.size).toBe(2); // still there, for the run
    const inputs = await collectInputs([join(inbox, 'batch-000')]);
    const got: IntakeResult[] = [];
    await intakeInOrder(inputs.slice(0, 20), OPTS, (r) => got.push(r), { workers: early, mainReads: false });
    expect(got.map((r) => r.file)).toEqual(inputs.slice(0, 20).map((i) => i.file));
    expect(seen).toBe(2);
  });

  test('wait, loaded, for the run, then read as workers started with it do', async () => {
    const inputs = await collectInputs([join(inbox, 'batch-000')]);
    const early = new IntakeWorkers(2, OPTS);
    await new Promise((r) => setTimeout(r, 500)); // listing the inputs
    const got: IntakeResult[] = [];
    await intakeInOrder(inputs, OPTS, (r) => got.push(r), { workers: early, mainReads: false });
    expect(JSON.stringify(got)).toBe(JSON.stringify(await inThread(inputs)));
    expect(early.size).toBe(0);
  });
});

test('how many workers: none for a short run or one core, one less than the cores, capped, or WUHUA_THREADS', () => {
  expect(poolWorkers(POOL_MIN_FILES - 1, {}, 8)).toBe(0);
  expect(poolWorkers(10000, {}, 1)).toBe(0);
  expect(poolWorkers(10000, {}, 2)).toBe(1);
  expect(poolWorkers(10000, {}, 64)).toBe(POOL_MAX_WORKERS);
  expect(poolWorkers(5, { WUHUA_THREADS: '2' }, 1)).toBe(2);
  expect(poolWorkers(10000, { WUHUA_THREADS: '0' }, 8)).toBe(0);
  expect(poolWorkers(10000, { WUHUA_THREADS: 'many' }, 2)).toBe(1);
  expect(READ_AHEAD).toBeGreaterThan(0);
});

test('the worker bundle holds the reader, not the merge or the writers', () => {
  const worker = readFileSync(join(ROOT, 'build', 'intake-worker.js'), 'utf8');
  expect(worker).toContain('intakeBytes');
  expect(worker).not.toMatch(/require\("exceljs"\)/);
  expect(worker).not.toContain('class Merger');
  expect(worker).not.toContain('writeSummary');
});
