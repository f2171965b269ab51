/**
 * A realistic committee run: 42 branches under three 党委 and 工委直辖, some owing, some
 * late, one 党委 (教育局) without any 附件1. Every figure of 报送情况, 汇总, 进度,
 * 问题清单, 未报送 and 催报 is held against the hand count written beside it.
 */
import ExcelJS from 'exceljs';
import { mergeSubmissions, reminders } from '../../src/merge';
import { summaryBytes } from '../../src/workbook/xlsx/summaryWorkbook';
import { AS_OF, committeeFixture, DIRECT, P1, P2, P3 } from './committeeFixture';

const { all: ALL, inputs, roster } = committeeFixture();
const summary = mergeSubmissions(inputs, { asOf: AS_OF, roster });

async function sheets() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await summaryBytes(summary)) as unknown as ArrayBuffer);
  return wb;
}
const values = (ws: ExcelJS.Worksheet, r: number) => Array.from({ length: ws.columnCount }, (_, c) => ws.getRow(r).getCell(c + 1).value ?? null);

test('the fixture is realistic: 42 branches, three 党委 and 工委直辖', () => {
  expect(ALL).toHaveLength(42);
  expect(summary.obligations!.groups.map((g) => [g.parent, g.branches.length])).toEqual([
    [P1, 12],
    [P2, 12],
    [P3, 10],
    [DIRECT, 8],
  ]);
});

test('报送情况 subtotals per 上级党组织 and the total match the hand count', async () => {
  const g = Object.fromEntries(summary.obligations!.groups.map((x) => [x.parent, x.tally]));
  // 财政局: 8 owe (12 − 2 离退休 − 2 已达标). 附件2: 5 + only2 on time = 6, late 1, missing 1 (none). 附件3: 5 on time, 1 late, 2 missing (only2, none).
  expect(g[P1].application).toEqual({ owed: 8, sent: 6, late: 1, missing: 1, rate: 7 / 8 });
  expect(g[P1].progress).toEqual({ owed: 8, sent: 5, late: 1, missing: 2, rate: 6 / 8 });
  expect(g[P1].demonstration).toEqual({ owed: 1, sent: 1, late: 0, missing: 0, rate: 1 });
  // 教育局: 11 owe. 7 on time, 2 late, 2 missing, both forms; 附件1 owed and missing.
  expect(g[P2].application).toEqual({ owed: 11, sent: 7, late: 2, missing: 2, rate: 9 / 11 });
  expect(g[P2].progress).toEqual({ owed: 11, sent: 7, late: 2, missing: 2, rate: 9 / 11 });
  expect(g[P2].demonstration).toEqual({ owed: 1, sent: 0, late: 0, missing: 1, rate: 0 });
  // 中心医院: 10 owe, 9 on time (the branch founded 4-20 is due 5-20), 1 missing; has a 示范点: owes no 附件1.
  expect(g[P3].application).toEqual({ owed: 10, sent: 9, late: 0, missing: 1, rate: 9 / 10 });
  expect(g[P3].demonstration).toEqual({ owed: 0, sent: 0, late: 0, missing: 0, rate: null });
  // 工委直辖: 7 owe, 6 on time, 1 missing; its 附件1 is voluntary.
  expect(g[DIRECT].progress).toEqual({ owed: 7, sent: 6, late: 0, missing: 1, rate: 6 / 7 });
  // All: 附件2 owed 36 = 28 on time + 3 late + 5 missing; 附件3 owed 36 = 27 + 3 + 6.
  expect(summary.obligations!.tally.application).toEqual({ owed: 36, sent: 28, late: 3, missing: 5, rate: 31 / 36 });
  expect(summary.obligations!.tally.progress).toEqual({ owed: 36, sent: 27, late: 3, missing: 6, rate: 30 / 36 });

  const ws = (await sheets()).getWorksheet('报送情况')!;
  // 42 branch rows + 4 subtotal rows, then the total: row 1 header, rows 2..47, foot 48.
  expect(ws.rowCount).toBe(48);
  const sub1 = values(ws, 14); // after 财政局's 12 branches
  expect(sub1.slice(1, 3)).toEqual([`小计：${P1}`, '12个党支部']);
  // owed 8 + 8 + 1 = 17; on time 6 + 5 + 1 = 12; late 1 + 1 = 2; missing 1 + 2 = 3; rate 14/17.
  expect(sub1.slice(8, 13)).toEqual([17, 12, 2, 3, 14 / 17]);
  const sub2 = values(ws, 27);
  expect(sub2.slice(1, 2).concat(sub2.slice(8, 13))).toEqual([`小计：${P2}`, 23, 14, 4, 5, 18 / 23]);
  const foot = values(ws, 48);
  // 36 + 36 + 2 (附件1 owed by 财政局 and 教育局) = 74; on time 28 + 27 + 1 = 56; late 6; missing 5 + 6 + 1 = 12.
  expect(foot.slice(1, 3).concat(foot.slice(8, 13))).toEqual(['合计', '42个党支部', 74, 56, 6, 12, 62 / 74]);
  expect(values(ws, 9).slice(2, 8)).toEqual(['财政局机关第8党支部', null, null, '不需报送', '未报送\n（已逾期41天）', '未报送\n（已逾期41天）']);
  expect(values(ws, 7).slice(6, 8)).toEqual(['逾期报送\n2019年5月6日', '逾期报送\n2019年5月6日']);
});

test('汇总: branches once, members once per branch, the 党委 and the unnamed form apart', async () => {
  // Branches that sent anything: 财政局 7, 教育局 9, 中心医院 9, 工委直辖 6 = 31; each 20 members in 附件2 (and the same in 附件1).
  expect(summary.total).toMatchObject({ branches: 31, organisations: 1, unnamed: 1, members: 31 * 20, committeeMembers: 31 * 5 });
  expect(summary.totals.map((t) => [t.form, t.branches, t.members])).toEqual([
    ['demonstration', 2, 40],
    ['application', 31, 620],
    ['progress', 30, 0],
  ]);
  const ws = (await sheets()).getWorksheet('汇总')!;
  const last = ws.rowCount;
  // Grouped by 上级党组织: the foot keeps its figures, one column on (上级党组织 after 序号).
  expect(values(ws, last).slice(1, 7)).toEqual(['总计', '31个党支部；另有1份为党委/党总支的表、1份未填党支部名称', null, null, 620, 155]);
});

test('汇总 grouped by 上级党组织: each group’s rows then its subtotal, branches once, members once per branch; the 党委’s own form in its group, the unnamed one apart', async () => {
  const ws = (await sheets()).getWorksheet('汇总')!;
  expect(values(ws, 1).slice(0, 4)).toEqual(['序号', '上级党组织', '党支部名称', '表单']);
  // 财政局: 附件1 of 第1, 附件2 of 第1–7, 附件3 of 第1–6, and the 党委’s own 附件2: 15 rows (2..16), subtotal on 17.
  expect(values(ws, 2).slice(0, 4)).toEqual([1, P1, '财政局机关第1党支部', '附件1']);
  expect(values(ws, 16)[1]).toBe(P1);
  const sub = (r: number) => [values(ws, r)[1], values(ws, r)[2], values(ws, r)[5], values(ws, r)[6]];
  // 7 branches × 20 members once each (the 党委’s 260 apart).
  expect(sub(17)).toEqual([`小计：${P1}`, '7个党支部；另有1份为党委/党总支的表', 140, 35]);
  // 教育局: 9 branches, 附件2 and 附件3 each: 18 rows (18..35), subtotal 36.
  expect(sub(36)).toEqual([`小计：${P2}`, '9个党支部', 180, 45]);
  // 中心医院: 9 branches, 18 rows (37..54), subtotal 55.
  expect(sub(55)).toEqual([`小计：${P3}`, '9个党支部', 180, 45]);
  // 工委直辖: 6 branches (第1 sent 附件1 too, counted once): 13 rows (56..68), subtotal 69.
  expect(sub(69)).toEqual([`小计：${DIRECT}`, '6个党支部', 120, 30]);
  // The form without a branch name, apart: row 70, subtotal 71; 序号 runs on to 65.
  expect(values(ws, 70).slice(0, 3)).toEqual([65, '（其他：名册外党委/党总支的表、未填党支部名称的表）', '（未填写党支部名称）']);
  expect(sub(71)).toEqual(['小计：（其他：名册外党委/党总支的表、未填党支部名称的表）', '0个党支部；另有1份未填党支部名称', 0, 0]);
  // The subtotals add up to 总计: 140 + 180 + 180 + 120 = 620 members.
  expect(ws.rowCount).toBe(1 + 65 + 5 + 4);
  expect(ws.getCell('B17').fill).toMatchObject({ fgColor: { argb: 'FFF2F2F2' } });
});

test('进度: 30 branches; as of June five months are due; the 3 late branches did 3 of them: 27×5 + 3×3 = 144 of 150', async () => {
  const ws = (await sheets()).getWorksheet('进度')!;
  // Grouped: 30 rows and 4 subtotals (财政局 6 rows, 教育局 9, 中心医院 9, 工委直辖 6), then the foot.
  expect(ws.rowCount).toBe(1 + 30 + 4 + 1);
  const sub = (r: number) => [values(ws, r)[1], values(ws, r)[2], values(ws, r)[15], values(ws, r)[16]];
  expect(sub(8)).toEqual([`小计：${P1}`, '6个党支部', '28/30', 28 / 30]); // 5 × 5 + the late one’s 3
  expect(sub(18)).toEqual([`小计：${P2}`, '9个党支部', '41/45', 41 / 45]); // 7 × 5 + 2 × 3
  expect(sub(28)).toEqual([`小计：${P3}`, '9个党支部', '45/45', 1]);
  expect(sub(35)).toEqual([`小计：${DIRECT}`, '6个党支部', '30/30', 1]);
  expect(values(ws, 36).slice(1, 2).concat(values(ws, 36).slice(15, 17))).toEqual(['合计（30个党支部）', '144/150', 144 / 150]);
  // A due month not done is still shaded, one column on: 财政局第6 (late) did 3 of 5; its 4月 is column G.
  expect(values(ws, 7).slice(0, 3)).toEqual([6, P1, '财政局机关第6党支部']);
  expect(ws.getCell('G7').fill).toMatchObject({ fgColor: { argb: 'FFFCE4D6' } });
});

test('问题清单: form-missing (财政局第7), not-on-roster (the 党委’s own form), demonstration-missing (教育局, past 5月31日)', async () => {
  expect(summary.problems.map((p) => [p.rule, p.severity, p.branch])).toEqual([
    ['not-on-roster', 'warning', P1],
    ['form-missing', 'error', '财政局机关第7党支部'],
    ['demonstration-missing', 'error', P2],
  ]);
  const ws = (await sheets()).getWorksheet('问题清单')!;
  expect(values(ws, ws.rowCount)[8]).toBe('错误 2 条，警告 1 条，提示 0 条');
});

test('未报送: the five branches that owe and sent nothing (not 离退休, not 已达标)', () => {
  expect(summary.missing.map((m) => m.name)).toEqual(['财政局机关第8党支部', '教育局机关第10党支部', '教育局机关第11党支部', '中心医院第10党支部', '市档案馆第7党支部']);
});

test('催报: six branches, three letters to 党委 (none to 工委直辖), 教育局’s names its missing 附件1', async () => {
  const list = reminders(summary.obligations!);
  expect(list.map((p) => [p.parent, p.branches.map((b) => `${b.branch}:${b.forms.join('+')}`), p.demonstration !== null, p.message !== null])).toEqual([
    [P1, ['财政局机关第7党支部:progress', '财政局机关第8党支部:application+progress'], false, true],
    [P2, ['教育局机关第10党支部:application+progress', '教育局机关第11党支部:application+progress'], true, true],
    [P3, ['中心医院第10党支部:application+progress'], false, true],
    [DIRECT, ['市档案馆第7党支部:application+progress'], false, false],
  ]);
  expect(list[1].message).toMatch(/至今未报送附件1《市直机关党支部“五化”建设示范点创建申报表》（截止日期2019年5月31日，已逾期10天）/);
  expect(list[0].branches[1].message).toMatch(/^财政局机关第8党支部：\n.*须于2019年4月30日前.*附件2《市直机关党支部“五化”建设申报表》和附件3《市直机关党支部“五化”建设创建进度表》.*已逾期41天/s);
  const ws = (await sheets()).getWorksheet('催报')!;
  expect(ws.rowCount).toBe(1 + 3 + 6);
});

describe('bin/wuhua remind', () => {
  test('writes 催报.xlsx and 催报.txt from real files and a roster; --help is Chinese; usage errors exit 2; inputs are never outputs', async () => {
    const { mkdtempSync, writeFileSync, readFileSync, rmSync, mkdirSync } = await import('fs');
    const { join } = await import('path');
    const { tmpdir } = await import('os');
    const { bufferIo } = await import('../../src/cli/io');
    const { run } = await import('../../src/cli/main');
    const { filledBytes } = await import('./files');
    const dir = mkdtempSync(join(tmpdir(), 'wuhua-remind-'));
    try {
      mkdirSync(join(dir, 'in'));
      writeFileSync(join(dir, 'in', 'a2.xlsx'), await filledBytes('application', { branchName: '中共甲局第一党支部', date: '2019-04-20', memberCount: 12, committeeCount: 3 }));
      writeFileSync(join(dir, '名册.csv'), '党支部名称,上级党组织,书记,联系电话\n中共甲局第一党支部,中共甲局机关委员会,张三,13907461234\n中共甲局第二党支部,中共甲局机关委员会,李四,0746-8221234\n');
      const io = bufferIo();
      const code = await run(['remind', join(dir, 'in'), '--roster', join(dir, '名册.csv'), '--as-of', '2019-05-10', '-o', join(dir, '催报.xlsx'), '--text', join(dir, '催报.txt')], io);
      expect([code, io.err()]).toEqual([0, expect.stringContaining('已写入催报工作簿')]);
      expect(io.out()).toContain('1 个上级党组织、2 个党支部尚有应报未报的表单（共 4 份）');
      const text = readFileSync(join(dir, '催报.txt'), 'utf8');
      expect(text).toMatch(/中共甲局机关委员会：[\s\S]*中共甲局第一党支部：未报送附件3（截止日期2019年4月30日，已逾期10天）；书记 张三 13907461234/);
      expect(text).toMatch(/中共甲局第二党支部：\n[\s\S]*尚未报送附件2《市直机关党支部“五化”建设申报表》和附件3/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(join(dir, '催报.xlsx')) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['催报', '报送情况']);
      const help = bufferIo();
      expect(await run(['remind', '--help'], help)).toBe(0);
      expect(help.out()).toMatch(/用法：bin\/wuhua remind[\s\S]*退出码/);
      expect(await run(['remind', join(dir, 'in'), '-o', join(dir, 'x.xlsx')], bufferIo())).toBe(2); // no roster
      expect(await run(['remind', join(dir, 'in'), '--roster', join(dir, '名册.csv'), '-o', join(dir, 'in', 'a2.xlsx')], bufferIo())).toBe(2); // an input
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
