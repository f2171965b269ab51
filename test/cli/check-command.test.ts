import ExcelJS from 'exceljs';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { FORMS, getForm } from '../../src/forms';
import { firstCell } from '../../src/forms/address';
import type { FormId } from '../../src/forms/types';
import type { JsonReport } from '../../src/model/report';
import { addFormSheet, templateBytes } from '../../src/workbook/xlsx/template';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-cli-c-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

async function writeTemplate(name: string, id: FormId = 'demonstration'): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, await templateBytes(getForm(id)));
  return file;
}

async function check(argv: string[]): Promise<{ code: number; out: string; err: string; report?: JsonReport }> {
  const io = bufferIo();
  const json = join(dir, 'report.json');
  const code = await run(['check', ...argv, '--json', json, '--as-of', '2019-05-10'], io);
  let report: JsonReport | undefined;
  try {
    report = JSON.parse(readFileSync(json, 'utf8'));
  } catch {
    report = undefined;
  }
  return { code, out: io.out(), err: io.err(), report };
}

test.each(FORMS.map((f) => [f.attachment, f] as const))('a blank %s template: named, every required field listed as missing (rule "required")', async (_n, form) => {
  const file = join(dir, `${form.id}.xlsx`);
  writeFileSync(file, await templateBytes(form));
  const { code, out, report } = await check([file]);
  expect(code).toBe(0);
  expect(out).toContain(`表单：${form.attachment} ${form.title.replace(/\n/g, '')}`);
  expect(out).toContain('党支部：（未填写）');
  const sub = report!.submissions[0];
  expect(sub).toMatchObject({ file, form: form.id, sheet: form.sheetName, branch: null });
  const required = form.fields.filter((f) => f.required);
  expect(sub.issues.filter((i) => i.rule === 'required').map((i) => [i.field, i.cell, i.severity])).toEqual(required.map((f) => [f.id, firstCell(f.cell), 'error']));
  for (const f of required) expect(out).toContain(`[错误] 单元格 ${firstCell(f.cell)}：`);
  // Placeholders ("年 月 日") read as empty, never as a bad date.
  expect(sub.issues.filter((i) => i.rule === 'date-invalid')).toEqual([]);
  for (const f of form.fields) expect([f.id, sub.fields[f.id]]).toEqual([f.id, null]);
  expect(out).toMatch(/共检查 1 个文件：找到表单 1 份，未受理文件 0 个；错误 \d+ 条/);
});

test('JSON report shape: exactly submissions, rejected, duplicates, missing; months only for 附件3; no latest in check', async () => {
  await writeTemplate('a.xlsx');
  await writeTemplate('c.xlsx', 'progress');
  const { report } = await check([dir]);
  expect(Object.keys(report!)).toEqual(['submissions', 'rejected', 'duplicates', 'missing']);
  expect(report!.duplicates).toEqual([]);
  expect(report!.missing).toEqual([]);
  const [a, c] = report!.submissions;
  expect(Object.keys(a)).toEqual(['file', 'sheet', 'form', 'branch', 'fields', 'issues']);
  expect(Object.keys(c)).toEqual(['file', 'sheet', 'form', 'branch', 'fields', 'months', 'issues']);
  expect(c.months).toHaveLength(12);
  expect(c.months![0]).toEqual({ month: 1, goal: null, problem: null, owner: null, status: null });
  expect(Object.keys(a.issues[0])).toEqual(['rule', 'severity', 'field', 'cell', 'message']);
});

test('inputs are never modified: bytes and modification time unchanged', async () => {
  const file = await writeTemplate('a.xlsx');
  const past = new Date('2019-04-01T08:00:00Z');
  utimesSync(file, past, past);
  const before = { bytes: readFileSync(file), mtime: statSync(file).mtimeMs };
  const { code } = await check([file]);
  expect(code).toBe(0);
  expect(readFileSync(file).equals(before.bytes)).toBe(true);
  expect(statSync(file).mtimeMs).toBe(before.mtime);
});

test('directories are read recursively; every file appears once, submitted or rejected with a reason', async () => {
  mkdirSync(join(dir, 'in', '机关一支部'), { recursive: true });
  await writeTemplate(join('in', '机关一支部', '附件1.xlsx'));
  await writeTemplate(join('in', '附件2.xlsx'), 'application');
  writeFileSync(join(dir, 'in', '~$附件2.xlsx'), 'lock');
  writeFileSync(join(dir, 'in', '说明.txt'), '请于4月30日前报送');
  const notForm = new ExcelJS.Workbook();
  notForm.addWorksheet('Sheet1').getCell('A1').value = '通讯录';
  notForm.getWorksheet('Sheet1')!.getCell('B2').value = '张三';
  writeFileSync(join(dir, 'in', '通讯录.xlsx'), new Uint8Array((await notForm.xlsx.writeBuffer()) as ArrayBuffer));
  const { code, out, report } = await check([join(dir, 'in'), join(dir, 'in', '附件2.xlsx'), join(dir, 'nowhere.xlsx')]);
  expect(code).toBe(0);
  const r = report!;
  expect(r.submissions.map((s) => [s.file, s.form])).toEqual([
    [join(dir, 'in', '机关一支部', '附件1.xlsx'), 'demonstration'],
    [join(dir, 'in', '附件2.xlsx'), 'application'],
  ]);
  const rejected = Object.fromEntries(r.rejected.map((x) => [x.file, x.reason]));
  expect(Object.keys(rejected).sort()).toEqual([join(dir, 'in', '~$附件2.xlsx'), join(dir, 'in', '说明.txt'), join(dir, 'in', '通讯录.xlsx'), join(dir, 'nowhere.xlsx')].sort());
  expect(rejected[join(dir, 'in', '~$附件2.xlsx')]).toContain('~$');
  expect(rejected[join(dir, 'in', '通讯录.xlsx')]).toMatch(/^未找到.*表单/);
  expect(rejected[join(dir, 'nowhere.xlsx')]).toContain('找不到');
  expect(out).toContain('未受理：');
  expect(out).toMatch(/共检查 6 个文件：找到表单 2 份，未受理文件 4 个/);
});

test('a text that looks like a formula is printed as it is', async () => {
  const form = getForm('demonstration');
  const wb = new ExcelJS.Workbook();
  addFormSheet(wb, form, {
    values: { file: '', sheet: '', form: 'demonstration', via: 'tag', parseIssues: [], cells: {}, fields: { branchName: '=HYPERLINK("http://x","点我")', memberCount: 2 } },
  });
  const file = join(dir, 'f.xlsx');
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const { out, report } = await check([file]);
  expect(out).toContain('党支部：=HYPERLINK("http://x","点我")');
  expect(report!.submissions[0].fields.branchName).toBe('=HYPERLINK("http://x","点我")');
  expect(report!.submissions[0].issues.map((i) => i.rule)).toContain('member-count-min');
});

test('--stage filling turns a missing 党委意见 into a hint; committee (the default) makes it an error', async () => {
  const file = await writeTemplate('a.xlsx');
  const severityOf = (r: JsonReport) => r.submissions[0].issues.find((i) => i.rule === 'opinion-missing')?.severity;
  expect(severityOf((await check([file])).report!)).toBe('error');
  expect(severityOf((await check([file, '--stage', 'filling'])).report!)).toBe('info');
});

test('progress goes to stderr when many files are checked, and never to stdout', async () => {
  const one = await writeTemplate('x.xlsx', 'progress');
  for (let i = 0; i < 20; i++) copyFileSync(one, join(dir, `b${String(i).padStart(2, '0')}.xlsx`));
  const { err, out } = await check([dir]);
  expect(err).toContain('已检查 21/21 个文件');
  expect(out).not.toContain('已检查');
});

describe('exit codes', () => {
  test('--json into a folder that does not exist: 1, before any file is read', async () => {
    const file = await writeTemplate('a.xlsx');
    const io = bufferIo();
    expect(await run(['check', file, '--json', join(dir, 'no', 'r.json')], io)).toBe(1);
    expect(io.err()).toContain('无法写入');
    expect(io.out()).toBe('');
  });

  test('--json onto an existing folder: 1', async () => {
    const file = await writeTemplate('a.xlsx');
    mkdirSync(join(dir, 'r.json'));
    expect(await run(['check', file, '--json', join(dir, 'r.json')], bufferIo())).toBe(1);
  });

  test('--json naming one of the inputs: 2, and the input is untouched', async () => {
    const file = await writeTemplate('a.xlsx');
    const bytes = readFileSync(file);
    const io = bufferIo();
    expect(await run(['check', file, '--json', file], io)).toBe(2);
    expect(io.err()).toContain('是一个输入文件');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  test('--json naming an input through a symlinked folder: 2 (the same file, another path), the input untouched', async () => {
    const file = await writeTemplate('a.xlsx');
    const bytes = readFileSync(file);
    symlinkSync(dir, join(dir, 'lnk'));
    const io = bufferIo();
    expect(await run(['check', file, '--json', join(dir, 'lnk', 'a.xlsx')], io)).toBe(2);
    expect(io.err()).toContain('是一个输入文件');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  test('--json into a folder that does not exist says the folder is missing', async () => {
    const file = await writeTemplate('a.xlsx');
    const io = bufferIo();
    expect(await run(['check', file, '--json', join(dir, 'no', 'r.json')], io)).toBe(1);
    expect(io.err()).toContain('要写入的文件夹不存在（ENOENT）');
  });

  test.each([
    [['check'], '请给出要检查的文件或文件夹'],
    [['check', 'a.xlsx', '--as-of', '2019-02-30'], '--as-of 的日期“2019-02-30”无效'],
    [['check', 'a.xlsx', '--as-of', '2019/5/1'], '--as-of 的日期'],
    [['check', 'a.xlsx', '--stage', 'draft'], '--stage 的取值“draft”无效'],
    [['check', 'a.xlsx', '--json'], '选项“--json”后面缺少取值'],
  ])('usage error %j: 2', async (argv, message) => {
    const io = bufferIo();
    expect(await run(argv, io)).toBe(2);
    expect(io.err()).toContain(message);
  });

  test('problems and rejected files are not failures: 0', async () => {
    writeFileSync(join(dir, 'bad.xlsx'), 'not a workbook');
    const io = bufferIo();
    expect(await run(['check', join(dir, 'bad.xlsx')], io)).toBe(0);
    expect(io.out()).toContain('未受理');
  });
});

test('one workbook holding all three forms gives three submissions, each from its own sheet', async () => {
  const wb = new ExcelJS.Workbook();
  for (const f of FORMS) addFormSheet(wb, f);
  const file = join(dir, 'all.xlsx');
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const { report, out } = await check([file]);
  expect(report!.submissions.map((s) => [s.form, s.sheet])).toEqual(FORMS.map((f) => [f.id, f.sheetName]));
  expect(out).toMatch(/找到表单 3 份/);
});
