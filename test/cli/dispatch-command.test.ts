/**
 * bin/wuhua template … --roster (下发): a roster workbook as a clerk keeps it in, a folder
 * per 上级党组织 (or one zip) of prefilled templates out — read back by our own reader
 * like any typed form, the name as given, no problem a blank template does not have.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { getForm } from '../../src/forms';
import type { FormId } from '../../src/forms/types';
import type { CheckedSubmission } from '../../src/model/types';
import { intakeBytes } from '../../src/workbook/xlsx/intake';
import { templateBytes } from '../../src/workbook/xlsx/template';

jest.setTimeout(60000);

const P1 = '中共永州市财政局机关委员会';
const DIRECT = '工委直辖';
/** Header and rows as a clerk types them (a 序号 column, an unknown 备注 column). */
const ROWS: (string | number)[][] = [
  ['序号', '党支部名称', '上级党组织', '类别', '书记', '联系电话', '达标情况', '已有示范点', '备注'],
  [1, '中共永州市财政局第一党支部', P1, '在职', '张三', '13907460001', '未达标', '否', ''],
  [2, '中共永州市财政局第二党支部', P1, '在职', '李四', '0746-8221234', '未申报', '否', ''],
  [3, '中共永州市财政局离退休党支部', P1, '离退休', '王五', '', '', '否', ''],
  [4, '=HYPERLINK("http://x","点我")党支部', P1, '在职', '', '', '', '', '公式样的名称'],
  [5, '中共永州市档案馆党支部', DIRECT, '在职', '赵六', '13907460002', '', '', ''],
];

let dir: string;
let roster: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-dispatch-'));
  roster = join(dir, '名册.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  for (const r of ROWS) ws.addRow(r);
  writeFileSync(roster, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function readForm(bytes: Uint8Array, file: string): Promise<CheckedSubmission> {
  const r = await intakeBytes(bytes, file, { asOf: '2019-04-10', stage: 'filling' });
  if (!r.ok) throw new Error(r.reason);
  expect(r.submissions).toHaveLength(1);
  return r.submissions[0];
}

/** What a blank template of the form reads as: the rules it breaks just by being empty. */
const blankRules = new Map<FormId, Promise<Set<string>>>();
function blankIssues(form: FormId): Promise<Set<string>> {
  if (!blankRules.has(form)) {
    blankRules.set(form, templateBytes(getForm(form)).then(async (b) => new Set((await readForm(b, 'blank.xlsx')).issues.map((i) => `${i.rule}:${i.field ?? ''}`))));
  }
  return blankRules.get(form)!;
}

/** A prefilled file read back: its form, its branch name as typed, nothing wrong a blank one is not. */
async function expectPrefilled(bytes: Uint8Array, file: string, form: FormId, name: string) {
  const s = await readForm(bytes, file);
  expect(s.form).toBe(form);
  expect(s.via).toBe('tag');
  expect(s.fields.branchName).toBe(name);
  const blank = await blankIssues(form);
  const extra = s.issues.filter((i) => !blank.has(`${i.rule}:${i.field ?? ''}`));
  expect(extra).toEqual([]);
  expect(s.issues.some((i) => i.field === 'branchName')).toBe(false);
  return s;
}

const tree = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name).slice(root.length + 1))
    .sort();

test('template 2 3 --roster -o 下发/: one folder per 上级党组织, a file per owing branch and form, read back like typed values', async () => {
  const out = join(dir, '下发');
  const io = bufferIo();
  const before = readFileSync(roster);
  expect(await run(['template', '2', '3', '--roster', roster, '-o', out], io)).toBe(0);
  const formula = '=HYPERLINK(＂http：／／x＂,＂点我＂)党支部';
  expect(tree(out)).toEqual(
    [
      `${P1}/附件2-中共永州市财政局第一党支部.xlsx`,
      `${P1}/附件3-中共永州市财政局第一党支部.xlsx`,
      `${P1}/附件2-中共永州市财政局第二党支部.xlsx`,
      `${P1}/附件3-中共永州市财政局第二党支部.xlsx`,
      `${P1}/附件2-${formula}.xlsx`,
      `${P1}/附件3-${formula}.xlsx`,
      `${DIRECT}/附件2-中共永州市档案馆党支部.xlsx`,
      `${DIRECT}/附件3-中共永州市档案馆党支部.xlsx`,
    ].sort(),
  );
  expect(readFileSync(roster).equals(before)).toBe(true); // the roster is only read
  expect(io.out()).toContain('1 个党支部不需报送附件2、附件3（离退休或已达标');
  expect(io.out()).toContain(`  ${P1}：6 个\n  ${DIRECT}：2 个\n共生成 8 个预填模板，分 2 个上级党组织文件夹：${out}\n`);
  expect(io.err()).toContain('已生成 8/8');
  expect(io.err()).toContain('备注'); // the unknown column is named

  await expectPrefilled(readFileSync(join(out, P1, '附件2-中共永州市财政局第一党支部.xlsx')), 'a.xlsx', 'application', '中共永州市财政局第一党支部');
  await expectPrefilled(readFileSync(join(out, DIRECT, '附件3-中共永州市档案馆党支部.xlsx')), 'b.xlsx', 'progress', '中共永州市档案馆党支部');
  // A name that looks like a formula lands as text, and reads back as typed.
  const f = join(out, P1, `附件2-${formula}.xlsx`);
  await expectPrefilled(readFileSync(f), 'c.xlsx', 'application', '=HYPERLINK("http://x","点我")党支部');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const cell = ws.getCell(getForm('application').fields.find((x) => x.id === 'branchName')!.cell.split(':')[0]);
  expect(cell.type).toBe(ExcelJS.ValueType.String);
  expect(cell.formula).toBeUndefined();
});

test('附件1 (template 1 --roster): 书记 and 联系方式 prefilled when the 上级党组织 has one branch; a blank one per 上级党组织 with several; 工委直辖 none', async () => {
  const one = join(dir, '一个.csv');
  writeFileSync(one, `党支部名称,上级党组织,书记,联系电话\n中共永州市气象局党支部,中共永州市气象局机关委员会,李四,0746-8221234\n甲党支部,${P1},,\n乙党支部,${P1},,\n丙党支部,${DIRECT},,\n`);
  const out = join(dir, 'o');
  const io = bufferIo();
  expect(await run(['template', '1', '--roster', one, '-o', out], io)).toBe(0);
  expect(tree(out)).toEqual([`${P1}/附件1-${P1}.xlsx`, '中共永州市气象局机关委员会/附件1-中共永州市气象局党支部.xlsx'].sort());
  const s = await expectPrefilled(readFileSync(join(out, '中共永州市气象局机关委员会', '附件1-中共永州市气象局党支部.xlsx')), 'd.xlsx', 'demonstration', '中共永州市气象局党支部');
  expect([s.fields.secretaryName, s.fields.contact]).toEqual(['李四', '0746-8221234']);
  const blank = await readForm(readFileSync(join(out, P1, `附件1-${P1}.xlsx`)), 'e.xlsx');
  expect(blank.fields.branchName).toBeNull();
  expect(io.out()).toContain('工委直辖的党支部可自愿申报示范点');
});

test('-o 下发.zip (or --zip): one zip with the same folders and files, names in UTF-8', async () => {
  const zip = join(dir, '下发.zip');
  const io = bufferIo();
  expect(await run(['template', '--all', '--roster', roster, '-o', zip], io)).toBe(0);
  expect(readdirSync(dir).sort()).toEqual(['下发.zip', '名册.xlsx']);
  const bytes = new Uint8Array(readFileSync(zip));
  const entries = unzipSync(bytes);
  expect(Object.keys(entries)).toContain(`${P1}/附件1-${P1}.xlsx`);
  expect(Object.keys(entries)).toContain(`${DIRECT}/附件2-中共永州市档案馆党支部.xlsx`);
  expect(Object.keys(entries)).toHaveLength(9);
  // The UTF-8 flag (general purpose bit 11) of the first local header: Windows shows the names right.
  expect(bytes[6] | (bytes[7] << 8)).toBe(0x800);
  await expectPrefilled(entries[`${P1}/附件2-中共永州市财政局第二党支部.xlsx`], 'f.xlsx', 'application', '中共永州市财政局第二党支部');

  // A folder and a zip at once.
  const both = bufferIo();
  expect(await run(['template', '2', '--roster', roster, '-o', join(dir, 'd'), '--zip', join(dir, 'z.zip')], both)).toBe(0);
  expect(Object.keys(unzipSync(new Uint8Array(readFileSync(join(dir, 'z.zip'))))).sort()).toEqual(tree(join(dir, 'd')));
  expect(tree(join(dir, 'd'))).toHaveLength(4);
});

test('existing files are never replaced without --force: nothing is written, the files are named; --force replaces them', async () => {
  const out = join(dir, '下发');
  mkdirSync(join(out, DIRECT), { recursive: true });
  const mine = join(out, DIRECT, '附件2-中共永州市档案馆党支部.xlsx');
  writeFileSync(mine, 'a clerk began to fill this');
  const io = bufferIo();
  expect(await run(['template', '2', '3', '--roster', roster, '-o', out], io)).toBe(1);
  expect(io.err()).toContain('已存在，未覆盖（共 1 个）');
  expect(io.err()).toContain('--force');
  expect(readFileSync(mine, 'utf8')).toBe('a clerk began to fill this');
  expect(tree(out)).toEqual([`${DIRECT}/附件2-中共永州市档案馆党支部.xlsx`]); // nothing else written either

  const zip = join(dir, 'z.zip');
  writeFileSync(zip, 'old');
  expect(await run(['template', '2', '--roster', roster, '--zip', zip], bufferIo())).toBe(1);
  expect(readFileSync(zip, 'utf8')).toBe('old');

  expect(await run(['template', '2', '3', '--roster', roster, '-o', out, '--force'], bufferIo())).toBe(0);
  await expectPrefilled(readFileSync(mine), 'g.xlsx', 'application', '中共永州市档案馆党支部');
  expect(await run(['template', '2', '--roster', roster, '--zip', zip, '--force'], bufferIo())).toBe(0);
  expect(statSync(zip).size).toBeGreaterThan(1000);
});

test('the roster itself is never an output, even with --force', async () => {
  const io = bufferIo();
  expect(await run(['template', '2', '--roster', roster, '--zip', roster.replace(/\.xlsx$/, '.zip')], bufferIo())).toBe(0);
  const asZip = join(dir, '名册.zip');
  writeFileSync(asZip, new Uint8Array(readFileSync(roster)));
  expect(await run(['template', '2', '--roster', asZip, '-o', asZip, '--force'], io)).toBe(2);
  expect(io.err()).toContain('名册不会被修改');
});

describe('usage errors exit 2 and write nothing', () => {
  test.each([
    [['template', '2', '--roster', '名册.xlsx'], '请用 -o 指定输出文件夹'],
    [['template', '--roster', '名册.xlsx', '-o', 'o'], '请说明要生成哪一张表'],
    [['template', 'roster', '--roster', '名册.xlsx', '-o', 'o'], '不能与 --roster 同用'],
    [['template', '9', '--roster', '名册.xlsx', '-o', 'o'], '没有名为“9”的表单'],
    [['template', '2', '--roster', '名册.xlsx', '--zip', 'x.rar'], '应以 .zip 结尾'],
    [['template', '2', '--roster', '名册.xlsx', '-o', 'a.zip', '--zip', 'b.zip'], '-o 不能再是 .zip'],
    [['template', '2', '--roster', '名册.xlsx', '-o', 'o', '--as-of', '2019-02-30'], '--as-of 的日期'],
    [['template', '2', '--roster', '没有.xlsx', '-o', 'o'], '没有.xlsx”无法使用'],
    [['template', '2', '--zip', 'x.zip'], '只用于按名册下发'],
    [['template', '2', '-o', 'x.xlsx', '--force'], '只用于按名册下发'],
  ])('%j', async (argv, message) => {
    const io = bufferIo();
    const args = argv.map((a) => (/\.(xlsx|zip|rar)$|^o$/.test(a) ? join(dir, a) : a));
    expect(await run(args, io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(readdirSync(dir)).toEqual(['名册.xlsx']);
  });
});

test('the Chinese help describes 下发', async () => {
  const io = bufferIo();
  expect(await run(['template', '--help'], io)).toBe(0);
  expect(io.out()).toMatch(/--roster 名册\.xlsx -o 下发\/[\s\S]*--force/);
  expect(existsSync(join(dir, '下发'))).toBe(false);
});
