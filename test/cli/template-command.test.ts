import { execFileSync, spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { templateFileName } from '../../src/cli/template';
import { FORMS, getForm, tagName } from '../../src/forms';

const ROOT = join(__dirname, '..', '..');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-cli-t-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function tagOf(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb.definedNames.model.map((n: { name: string }) => n.name).filter((n: string) => /_v\d+$/.test(n));
}

test.each([
  ['1', 'demonstration'],
  ['2', 'application'],
  ['3', 'progress'],
  ['demonstration', 'demonstration'],
  ['附件2', 'application'],
  ['progress', 'progress'],
] as const)('template %s writes the %s template (tagged) and exits 0', async (name, id) => {
  const io = bufferIo();
  const out = join(dir, 'out.xlsx');
  expect(await run(['template', name, '-o', out], io)).toBe(0);
  expect(await tagOf(out)).toEqual([tagName(getForm(id))]);
  expect(io.out()).toContain(getForm(id).attachment);
  expect(readdirSync(dir)).toEqual(['out.xlsx']); // the temporary file was renamed, nothing left behind
});

test('template --all -o DIR creates the folder and writes all three forms', async () => {
  const out = join(dir, 'new', 'templates');
  expect(await run(['template', '--all', '-o', out], bufferIo())).toBe(0);
  expect(readdirSync(out).sort()).toEqual(FORMS.map(templateFileName).sort());
  for (const f of FORMS) expect(await tagOf(join(out, templateFileName(f)))).toEqual([tagName(f)]);
});

test('template 1 -o EXISTING_DIR puts the file inside the folder under the form name', async () => {
  expect(await run(['template', '1', '-o', dir], bufferIo())).toBe(0);
  expect(existsSync(join(dir, templateFileName(getForm('demonstration'))))).toBe(true);
});

test('template over an existing file replaces it', async () => {
  const out = join(dir, 't.xlsx');
  writeFileSync(out, 'old');
  expect(await run(['template', '3', '-o', out], bufferIo())).toBe(0);
  expect(await tagOf(out)).toEqual([tagName(getForm('progress'))]);
});

describe('usage errors exit 2 with a Chinese message on stderr and nothing written', () => {
  test.each([
    [['template'], '请说明要生成哪一张表'],
    [['template', '4', '-o', 'x.xlsx'], '没有名为“4”的表单'],
    [['template', '1'], '请用 -o 指定输出文件'],
    [['template', '1', '2', '-o', 'x.xlsx'], '一次只能指定一张表'],
    [['template', '1', '-o'], '选项“-o”后面缺少取值'],
    [['template', '1', '-o', 'x.txt'], '应以 .xlsx 结尾'],
    [['template', '--all'], '-o 应为一个文件夹'],
    [['template', '1', '--color', '-o', 'x.xlsx'], '不认识的选项“--color”'],
    [['frobnicate'], '未知命令“frobnicate”'],
    [[], '缺少命令'],
  ])('%j', async (argv, message) => {
    const io = bufferIo();
    const cwdArgs = argv.map((a) => (a.endsWith('.xlsx') || a.endsWith('.txt') ? join(dir, a) : a));
    expect(await run(cwdArgs, io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.err()).toContain('用法');
    expect(io.out()).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });
});

test('an output folder that does not exist: exit 1 with the reason', async () => {
  const io = bufferIo();
  expect(await run(['template', '1', '-o', join(dir, 'missing', 'x.xlsx')], io)).toBe(1);
  expect(io.err()).toContain('无法写入');
  expect(io.err()).toContain('ENOENT');
});

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
(isRoot ? test.skip : test)('a read-only output folder: exit 1 (not run as root, who may write anyway)', async () => {
  const ro = join(dir, 'ro');
  mkdirSync(ro);
  chmodSync(ro, 0o500);
  const io = bufferIo();
  expect(await run(['template', '1', '-o', join(ro, 'x.xlsx')], io)).toBe(1);
  chmodSync(ro, 0o700);
  expect(readdirSync(ro)).toEqual([]);
});

test('--help prints the Chinese usage on stdout and exits 0', async () => {
  const io = bufferIo();
  expect(await run(['--help'], io)).toBe(0);
  expect(io.out()).toContain('用法');
  expect(io.out()).toContain('附件3');
  expect(io.out()).toContain('退出码');
});

test('bin/wuhua as a process: template 2 writes the file, exit codes 0 and 2', async () => {
  const out = join(dir, 'b.xlsx');
  const ok = spawnSync(process.execPath, [join(ROOT, 'bin', 'wuhua'), 'template', '2', '-o', out], { cwd: ROOT, encoding: 'utf8' });
  expect([ok.status, ok.stderr]).toEqual([0, '']);
  expect(ok.stdout).toContain('附件2');
  expect(await tagOf(out)).toEqual([tagName(getForm('application'))]);
  const bad = spawnSync(process.execPath, [join(ROOT, 'bin', 'wuhua'), 'template'], { cwd: ROOT, encoding: 'utf8' });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('用法');
  expect(execFileSync(process.execPath, [join(ROOT, 'bin', 'wuhua'), '--help'], { cwd: ROOT, encoding: 'utf8' })).toContain('bin/wuhua check');
});

test('merge is dispatched to the merge command (its usage errors exit 2)', async () => {
  const io = bufferIo();
  expect(await run(['merge'], io)).toBe(2);
  expect(io.err()).not.toContain('未知命令');
  expect(io.err()).toContain('merge');
});

describe('template roster', () => {
  test('writes the roster template (into a folder as 名册.xlsx too); --help is Chinese and names it', async () => {
    const io = bufferIo();
    expect(await run(['template', 'roster', '-o', join(dir, 'r.xlsx')], io)).toBe(0);
    expect(io.out()).toContain('名册模板');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'r.xlsx')) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('名册')!.getCell('A1').value).toBe('党支部名称');
    expect(await run(['template', 'roster', '-o', dir], bufferIo())).toBe(0);
    expect(existsSync(join(dir, '名册.xlsx'))).toBe(true);
    const help = bufferIo();
    expect(await run(['template', '--help'], help)).toBe(0);
    expect(help.out()).toMatch(/template roster -o 名册\.xlsx[\s\S]*达标情况/);
    expect(await run(['template', 'roster', '-o', join(dir, 'r.txt')], bufferIo())).toBe(2);
  });
});
