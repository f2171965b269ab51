/** Year-end 抽查: reproducible, stratified by 上级党组织, the rate rounded up per stratum, the method redoable. */
import ExcelJS from 'exceljs';
import { createHash } from 'crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { branchKey } from '../../src/merge/branch';
import { drawSample, parseRate, stratumSize, type SampleCandidate } from '../../src/review/sample';
import { application, progress } from './fixtures';

jest.setTimeout(60000);

const PARENTS = ['财政局机关党委', '教育局机关党委', '工委直辖'];
/** 23 branches: 11, 9 and 3 in the three strata. */
const population: SampleCandidate[] = Array.from({ length: 23 }, (_, i) => {
  const branch = `中共永州市第${i + 1}党支部`;
  return { branch, key: branchKey(branch), stratum: PARENTS[i < 11 ? 0 : i < 20 ? 1 : 2], source: `${i}.xlsx` };
});
const drawn = (d: ReturnType<typeof drawSample>) => d.strata.flatMap((s) => s.candidates.filter((c) => c.drawn).map((c) => c.branch));

describe('drawSample', () => {
  test('the rate rounds up per stratum, at least one each', () => {
    expect([stratumSize(11, { rate: 0.1 }), stratumSize(9, { rate: 0.1 }), stratumSize(3, { rate: 0.1 }), stratumSize(0, { rate: 0.1 })]).toEqual([2, 1, 1, 0]);
    expect([stratumSize(30, { rate: 0.1 }), stratumSize(31, { rate: 0.1 }), stratumSize(10, { rate: 1 })]).toEqual([3, 4, 10]);
    expect([stratumSize(3, { count: 2 }), stratumSize(1, { count: 2 })]).toEqual([2, 1]);
    const d = drawSample(population, '2019年机关党建调研', { rate: 0.1 });
    expect(d.strata.map((s) => [s.name, s.candidates.length, s.k])).toEqual([
      ['工委直辖', 3, 1],
      ['教育局机关党委', 9, 1],
      ['财政局机关党委', 11, 2],
    ]);
    expect(d.drawn).toBe(4);
  });

  test('reproducible whatever the input order; another seed gives another list', () => {
    const a = drawSample(population, '2019年机关党建调研', { rate: 0.2 });
    const b = drawSample([...population].reverse(), '2019年机关党建调研', { rate: 0.2 });
    expect(drawn(a)).toEqual(drawn(b));
    const c = drawSample(population, '2019年机关党建调研（复核）', { rate: 0.2 });
    expect(drawn(c)).not.toEqual(drawn(a));
  });

  test('the method as documented: SHA-256 of seed|normalised name, smallest first within a stratum', () => {
    const d = drawSample(population, 'S', { count: 1 });
    for (const s of d.strata) {
      const hashes = population.filter((p) => p.stratum === s.name).map((p) => ({ b: p.branch, h: createHash('sha256').update(`S|${p.key}`, 'utf8').digest('hex') }));
      hashes.sort((x, y) => (x.h < y.h ? -1 : 1));
      expect(s.candidates.find((c) => c.drawn)!.branch).toBe(hashes[0].b);
    }
    expect(branchKey('中国共产党 永州市第１党支部')).toBe('中共永州市第1');
  });

  test('rates as typed', () => {
    expect([parseRate('10%'), parseRate('10'), parseRate('12.5％'), parseRate('0'), parseRate('101%'), parseRate('十')]).toEqual([0.1, 0.1, 0.125, null, null, null]);
  });
});

describe('bin/wuhua sample', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sample-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function wuhua(...argv: string[]) {
    const io = bufferIo();
    const code = await run(argv, io);
    return { code, out: io.out(), err: io.err() };
  }

  async function setUp(): Promise<{ inbox: string; roster: string }> {
    const inbox = join(dir, '收件');
    mkdirSync(inbox);
    for (let i = 0; i < 7; i++) writeFileSync(join(inbox, `${i}.xlsx`), await application(`中共永州市第${i + 1}党支部`));
    writeFileSync(join(inbox, '进度.xlsx'), await progress('中共永州市第8党支部')); // sent only 附件3: did not apply
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(['序号', '党支部名称', '上级党组织', '类别']);
    for (let i = 0; i < 8; i++) ws.addRow([i + 1, `中共永州市第${i + 1}党支部`, i < 5 ? '财政局机关党委' : '工委直辖', '在职']);
    const roster = join(dir, '名册.xlsx');
    await wb.xlsx.writeFile(roster);
    return { inbox, roster };
  }

  test('draws per 上级党组织 from the roster and prints seed, method, population and rate', async () => {
    const { inbox, roster } = await setUp();
    const out = join(dir, '抽查名单.xlsx');
    const r = await wuhua('sample', inbox, '--roster', roster, '--rate', '10%', '--seed', '2019年机关党建调研', '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('抽样总体：7 个申报党支部（2 个上级党组织）；按种子“2019年机关党建调研”抽取 2 个。');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('抽查名单')!;
    const text: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => text.push(String(c.value))));
    const all = text.join('\n');
    for (const s of ['2019年机关党建调研', 'SHA-256', '7 个申报党支部，分属 2 个上级党组织', '10%（每个上级党组织按申报支部数向上取整，至少 1 个）', '财政局机关党委', '工委直辖']) expect(all).toContain(s);
    expect(all).not.toContain('第8党支部');

    // The same draw from a merge --json report; a different seed, a different list.
    const json = join(dir, 'r.json');
    expect((await wuhua('merge', inbox, '-o', join(dir, 's.xlsx'), '--json', json)).code).toBe(0);
    const again = await wuhua('sample', json, '--roster', roster, '--rate', '10%', '--seed', '2019年机关党建调研', '-o', join(dir, 'b.xlsx'));
    expect(again.out).toBe(r.out);
    const other = await wuhua('sample', json, '--roster', roster, '--count', '2', '--seed', '另一个种子', '-o', join(dir, 'c.xlsx'));
    expect(other.out).toContain('抽取 4 个');
  });

  test('the roster is read by the structured roster reader: a .csv in GBK with a synonym header stratifies the same; a plain list says it gives no strata; an unreadable one is refused', async () => {
    const { inbox, roster } = await setUp();
    const first = await wuhua('sample', inbox, '--roster', roster, '--rate', '10%', '--seed', 'S', '-o', join(dir, 'a.xlsx'));
    const lines = ['编号,支部名称,所属党委', ...Array.from({ length: 8 }, (_, i) => `${i + 1},中共永州市第${i + 1}党支部,${i < 5 ? '财政局机关党委' : '工委直辖'}`)];
    const csv = join(dir, '名册.csv');
    writeFileSync(csv, new Uint8Array(new TextEncoder().encode('\ufeff' + lines.join('\r\n'))));
    const fromCsv = await wuhua('sample', inbox, '--roster', csv, '--rate', '10%', '--seed', 'S', '-o', join(dir, 'b.xlsx'));
    expect([fromCsv.code, fromCsv.out]).toEqual([0, first.out]);
    expect(first.out).toContain('2 个上级党组织');

    const plain = join(dir, '名单.txt');
    writeFileSync(plain, '中共永州市第1党支部\n中共永州市第2党支部\n');
    const p = await wuhua('sample', inbox, '--roster', plain, '--rate', '10%', '--seed', 'S', '-o', join(dir, 'c.xlsx'));
    expect(p.code).toBe(0);
    expect(p.err).toContain('没有填写“上级党组织”');
    expect(p.out).toContain('1 个上级党组织');

    const bomb = join(dir, '坏名册.xlsx');
    writeFileSync(bomb, Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0]));
    const b = await wuhua('sample', inbox, '--roster', bomb, '--rate', '10%', '--seed', 'S', '-o', join(dir, 'd.xlsx'));
    expect(b.code).toBe(2);
    expect(b.err).toContain('名册“');
  });

  test.each([
    [['--rate', '10%'], '缺少 --seed'],
    [['--seed', 'x'], '--rate（如 10%）或 --count'],
    [['--seed', 'x', '--rate', '150%'], '--rate 的“150%”无效'],
    [['--seed', 'x', '--count', '0'], '--count 的“0”无效'],
    [['--seed', 'x', '--rate', '10%', '--count', '2'], '只能给一个'],
  ])('bad input %j → exit 2', async (extra, message) => {
    const r = await wuhua('sample', dir, ...extra, '-o', join(dir, 'o.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  test('a report that is not one → exit 2', async () => {
    const bad = join(dir, 'r.json');
    writeFileSync(bad, '{"x": 1}');
    const r = await wuhua('sample', bad, '--seed', 'x', '--rate', '10%', '-o', join(dir, 'o.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('其中没有 submissions 列表');
  });
});
