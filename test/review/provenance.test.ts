/** A 报送包 read by the next level: provenance is display only, an edit after review is told (info), never rejected. */
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import type { JsonReport } from '../../src/model/report';
import { readWorkbook } from '../../src/workbook/xlsx/read';
import { application } from './fixtures';

jest.setTimeout(60000);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'prov-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function wuhua(...argv: string[]) {
  const io = bufferIo();
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

async function pack(): Promise<string> {
  const d = join(dir, '收件');
  mkdirSync(d);
  writeFileSync(join(d, '=HYPERLINK("x").xlsx'), await application('中共永州市财政局第一党支部'));
  writeFileSync(join(d, '二支部.xlsx'), await application('中共永州市财政局第二党支部'));
  const out = join(dir, '报送包.xlsx');
  expect((await wuhua('review', d, '--as', '党委', '--opinion', '同意上报。', '--date', '2019-04-28', '--by', '+机关党委', '-o', out)).code).toBe(0);
  return out;
}

async function check(file: string): Promise<JsonReport> {
  const json = join(dir, 'r.json');
  expect((await wuhua('check', file, '--json', json, '--as-of', '2019-05-01')).code).toBe(0);
  return JSON.parse(readFileSync(json, 'utf8')) as JsonReport;
}

test('formula-looking names in the provenance stay text; the record sheet is hidden and holds no form', async () => {
  const file = await pack();
  const grid = readWorkbook(new Uint8Array(readFileSync(file)), file);
  expect(grid.ok).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('报送来源')!;
  expect(ws.state).toBe('hidden');
  const values: unknown[] = [];
  ws.eachRow((r) => r.eachCell((c) => values.push(c.value)));
  expect(values).toContain('=HYPERLINK("x").xlsx');
  expect(values).toContain('+机关党委');
  expect(values.every((v) => typeof v === 'string' || typeof v === 'number')).toBe(true);
  const report = await check(file);
  expect(report.submissions).toHaveLength(2);
  expect(report.submissions[0].origin).toMatchObject({ file: '=HYPERLINK("x").xlsx', parent: '+机关党委' });
});

test('a form changed after the review: an info issue naming the changed fields, the form still accepted', async () => {
  const file = await pack();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets.find((w) => w.name.includes('第二'))!;
  ws.getCell('B4').value = 30; // 党员人数
  ws.getCell('C3').value = '中共永州市财政局第二党支部';
  const edited = join(dir, '改过的报送包.xlsx');
  await wb.xlsx.writeFile(edited);
  const report = await check(edited);
  expect(report.submissions).toHaveLength(2);
  const second = report.submissions.find((s) => s.branch === '中共永州市财政局第二党支部')!;
  const info = second.issues.filter((i) => i.rule === 'edited-after-review');
  expect(info).toHaveLength(1);
  expect(info[0].severity).toBe('info');
  expect(info[0].message).toContain('改动的栏目：党员人数');
  expect(info[0].message).not.toContain('党支部名称');
  const first = report.submissions.find((s) => s.branch === '中共永州市财政局第一党支部')!;
  expect(first.issues.some((i) => i.rule === 'edited-after-review')).toBe(false);
});

test('provenance cells are never trusted: a forged branch name there changes nothing', async () => {
  const file = await pack();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('报送来源')!;
  ws.getCell('C3').value = '伪造的党支部';
  ws.getCell('D3').value = '附件1';
  const forged = join(dir, '伪造.xlsx');
  await wb.xlsx.writeFile(forged);
  const report = await check(forged);
  expect(report.submissions.map((s) => [s.branch, s.form])).toEqual([
    ['中共永州市财政局第一党支部', 'application'],
    ['中共永州市财政局第二党支部', 'application'],
  ]);
});
