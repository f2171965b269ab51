/** Batch 初核: errors held back, --replace, per-branch tables (our own 汇总 among them), bad input. */
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { mergeSubmissions } from '../../src/merge';
import type { JsonReport } from '../../src/model/report';
import { blockingErrors, reviewSummary } from '../../src/review/review';
import { sha256 } from '../../src/review/sha256';
import { createHash } from 'crypto';
import { issue, okOne, sub } from '../merge/helpers';
import { application, demonstration } from './fixtures';

jest.setTimeout(60000);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'review-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function wuhua(...argv: string[]) {
  const io = bufferIo();
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

async function readJson(pack: string): Promise<JsonReport> {
  const json = join(dir, `${Date.now()}-${Math.random()}.json`);
  const io = bufferIo();
  expect(await run(['check', pack, '--json', json, '--as-of', '2019-06-01'], io)).toBe(0);
  return JSON.parse(readFileSync(json, 'utf8')) as JsonReport;
}

describe('sha256', () => {
  test.each(['', 'abc', '经初核，情况属实，同意上报。', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), 'w'.repeat(1000)])('matches Node crypto for %#', (s) => {
    expect(sha256(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
  });
});

describe('reviewSummary (pure)', () => {
  const summary = () =>
    mergeSubmissions(
      [
        okOne(sub('application', '一支部', 'a.xlsx', { date: '2019-04-20' }, { issues: [issue('opinion-missing', 'error', 'partyCommitteeOpinion', 'B6')] })),
        okOne(sub('application', '二支部', 'b.xlsx', { date: '2019-04-20' }, { issues: [issue('member-count-min', 'error')] })),
        okOne(sub('application', '三支部', 'c.xlsx', { date: '2019-04-20', partyCommitteeOpinion: '原意见', partyCommitteeOpinionDate: '2019-04-21' })),
        okOne(sub('progress', '三支部', 'd.xlsx')),
      ],
      { asOf: '2019-04-28' },
    );

  test('the opinion being written is no error; other errors hold a form back', () => {
    expect(blockingErrors([issue('opinion-missing', 'error'), issue('date-late', 'warning')])).toEqual([]);
    const r = reviewSummary(summary(), { level: 'party', opinion: '同意', date: '2019-04-28', reviewer: '机关党委' });
    expect(r.forms.map((f) => [f.row.branch, f.row.form, f.action])).toEqual([
      ['一支部', 'application', 'written'],
      ['三支部', 'application', 'kept'],
      ['三支部', 'progress', 'progress'],
    ]);
    expect(r.returned.map((x) => x.row.branch)).toEqual(['二支部']);
    expect(r.returned[0].message).toContain('单元格 B5');
    expect(r.counts).toMatchObject({ written: 1, kept: 1, replaced: 0, progress: 1 });
    expect(r.forms[0].submission.fields).toMatchObject({ partyCommitteeOpinion: '同意', partyCommitteeOpinionDate: '2019-04-28' });
  });

  test('--replace overwrites; --include-errors sends the form up with its opinion; the input is not changed', () => {
    const s = summary();
    const r = reviewSummary(s, { level: 'party', opinion: '同意', date: '2019-04-28', reviewer: '机关党委', replace: true, includeErrors: true });
    expect(r.returned).toEqual([]);
    expect(r.counts).toMatchObject({ written: 2, replaced: 1 });
    expect(r.forms.find((f) => f.row.branch === '二支部')!.withErrors).toBe(true);
    expect(s.rows.find((x) => x.branch === '三支部' && x.form === 'application')!.submission.fields.partyCommitteeOpinion).toBe('原意见');
  });

  test('the 工委 writes its own opinion and leaves the 党委 one alone', () => {
    const r = reviewSummary(summary(), { level: 'work', opinion: '同意', date: '2019-05-10', reviewer: '市直工委' });
    const third = r.forms.find((f) => f.row.branch === '三支部' && f.row.form === 'application')!;
    expect(third.action).toBe('written');
    expect(third.submission.fields).toMatchObject({ partyCommitteeOpinion: '原意见', workCommitteeOpinion: '同意', workCommitteeOpinionDate: '2019-05-10' });
  });
});

describe('bin/wuhua review', () => {
  async function inbox(): Promise<string> {
    const d = join(dir, '收件');
    mkdirSync(d);
    writeFileSync(join(d, '一支部.xlsx'), await application('中共永州市财政局第一党支部'));
    writeFileSync(join(d, '二支部.xlsx'), await application('中共永州市财政局第二党支部', { partyCommitteeOpinion: '原来的意见', partyCommitteeOpinionDate: '2019-04-21' }));
    writeFileSync(join(d, '二支部附件1.xlsx'), await demonstration('中共永州市财政局第二党支部'));
    writeFileSync(join(d, '三支部.xlsx'), await application('中共永州市财政局第三党支部', { memberCount: '若干' }));
    return d;
  }

  test('errors are held back, existing opinions left alone and counted; inputs untouched', async () => {
    const d = await inbox();
    const before = readFileSync(join(d, '二支部.xlsx'));
    const mtime = statSync(join(d, '二支部.xlsx')).mtimeMs;
    const pack = join(dir, '报送包.xlsx');
    const r = await wuhua('review', d, '--as', '党委', '--opinion', '同意上报。', '--date', '2019-04-28', '-o', pack);
    expect(r.code).toBe(0);
    expect(r.out).toContain('新写入意见 2 份，替换原意见 0 份，原已有意见未改动 1 份（如需改写请加 --replace）');
    expect(r.out).toContain('退回 1 份');
    expect(r.out).toContain('“若干”');
    expect(readFileSync(join(d, '二支部.xlsx')).equals(before)).toBe(true);
    expect(statSync(join(d, '二支部.xlsx')).mtimeMs).toBe(mtime);
    const report = await readJson(pack);
    expect(report.submissions.map((s) => [s.branch, s.form, s.fields.partyCommitteeOpinion])).toEqual([
      ['中共永州市财政局第一党支部', 'application', '同意上报。'],
      ['中共永州市财政局第二党支部', 'demonstration', '同意上报。'],
      ['中共永州市财政局第二党支部', 'application', '原来的意见'],
    ]);
  });

  test('--replace rewrites an existing opinion and its date; --include-errors sends the erroneous one up', async () => {
    const d = await inbox();
    const pack = join(dir, '报送包.xlsx');
    const r = await wuhua('review', d, '--as', '党委', '--opinion', '同意上报。', '--date', '2019-04-28', '--replace', '--include-errors', '-o', pack);
    expect(r.code).toBe(0);
    expect(r.out).toContain('新写入意见 3 份，替换原意见 1 份');
    const report = await readJson(pack);
    expect(report.submissions).toHaveLength(4);
    const second = report.submissions.find((s) => s.branch === '中共永州市财政局第二党支部' && s.form === 'application')!;
    expect([second.fields.partyCommitteeOpinion, second.fields.partyCommitteeOpinionDate]).toEqual(['同意上报。', '2019-04-28']);
  });

  test('per-branch opinions from a table (name → opinion, date), the default for the rest', async () => {
    const d = await inbox();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('意见');
    ws.addRow(['党支部名称', '意见', '意见日期']);
    ws.addRow(['中国共产党永州市财政局 第一支部', '同意，建议作为示范点培育。', '2019年4月27日']);
    ws.addRow(['中共永州市财政局第二党支部', '=同意', null]);
    const table = join(dir, '意见.xlsx');
    await wb.xlsx.writeFile(table);
    const pack = join(dir, '报送包.xlsx');
    const r = await wuhua('review', d, '--as', '党委', '--opinion', '同意上报。', '--date', '2019-04-28', '--opinions', table, '-o', pack);
    expect(r.code).toBe(0);
    const report = await readJson(pack);
    const by = (b: string, f: string) => report.submissions.find((s) => s.branch === b && s.form === f)!.fields;
    expect(by('中共永州市财政局第一党支部', 'application')).toMatchObject({ partyCommitteeOpinion: '同意，建议作为示范点培育。', partyCommitteeOpinionDate: '2019-04-27' });
    // A formula-looking opinion stays text, the table's empty date falls back to --date.
    expect(by('中共永州市财政局第二党支部', 'demonstration')).toMatchObject({ partyCommitteeOpinion: '=同意', partyCommitteeOpinionDate: '2019-04-28' });
  });

  test('our own 汇总, its opinion column edited, is such a table', async () => {
    const d = await inbox();
    const summary = join(dir, '汇总.xlsx');
    expect((await wuhua('merge', d, '-o', summary, '--as-of', '2019-04-28')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(summary);
    const ws = wb.getWorksheet('汇总')!;
    let edited = 0;
    ws.eachRow((row) => {
      if (row.getCell(2).value === '中共永州市财政局第一党支部') {
        row.getCell(9).value = '经初核，同意上报（汇总表中填写）。';
        edited++;
      }
    });
    expect(edited).toBe(1);
    const table = join(dir, '汇总-已填意见.xlsx');
    await wb.xlsx.writeFile(table);
    const pack = join(dir, '报送包.xlsx');
    const r = await wuhua('review', d, '--as', '党委', '--opinion', '同意上报。', '--date', '2019-04-28', '--opinions', table, '-o', pack);
    expect(r.err).not.toContain('无法使用');
    expect(r.code).toBe(0);
    const report = await readJson(pack);
    const first = report.submissions.find((s) => s.branch === '中共永州市财政局第一党支部')!;
    expect(first.fields.partyCommitteeOpinion).toBe('经初核，同意上报（汇总表中填写）。');
    const second = report.submissions.find((s) => s.branch === '中共永州市财政局第二党支部' && s.form === 'application')!;
    expect(second.fields.partyCommitteeOpinion).toBe('原来的意见');
  });

  test.each([
    [['--as', '党委', '--opinion', '同意', '--date', '2019-02-30'], '--date 的“2019-02-30”不是有效日期'],
    [['--as', '党委', '--opinion', '同意', '--date', '明天'], '--date 的“明天”不是有效日期'],
    [['--as', '支部', '--opinion', '同意'], '--as 的取值“支部”无效'],
    [['--opinion', '同意'], '缺少 --as'],
    [['--as', '工委'], '缺少 --opinion'],
    [['--as', '工委', '--opinion', '  '], '意见文字是空的'],
  ])('bad input %j → exit 2 with a Chinese message', async (extra, message) => {
    const d = await inbox();
    const r = await wuhua('review', d, ...extra, '-o', join(dir, 'p.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain('用法：bin/wuhua review');
  });

  test('a table naming branches not in the review → exit 2 naming them, nothing written', async () => {
    const d = await inbox();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('意见');
    ws.addRow(['党支部名称', '党委意见']);
    ws.addRow(['中共永州市财政局第一党支部', '同意']);
    ws.addRow(['中共永州市不存在局党支部', '同意']);
    const table = join(dir, '意见.xlsx');
    await wb.xlsx.writeFile(table);
    const pack = join(dir, '报送包.xlsx');
    const r = await wuhua('review', d, '--as', '党委', '--opinions', table, '-o', pack);
    expect(r.code).toBe(2);
    expect(r.err).toContain('意见表中有 1 个党支部不在本次初核的报送中：中共永州市不存在局党支部');
    expect(() => statSync(pack)).toThrow();
  });

  test('a table with a date that is not a date, or without an opinion column → exit 2', async () => {
    const d = await inbox();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('意见');
    ws.addRow(['党支部名称', '意见', '日期']);
    ws.addRow(['中共永州市财政局第一党支部', '同意', '四月底']);
    const table = join(dir, '意见.xlsx');
    await wb.xlsx.writeFile(table);
    const r = await wuhua('review', d, '--as', '党委', '--opinions', table, '-o', join(dir, 'p.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('的日期“四月底”不是有效日期');
    expect(r.err).toContain('单元格 C2');

    const wb2 = new ExcelJS.Workbook();
    wb2.addWorksheet('x').addRow(['党支部名称', '备注']);
    await wb2.xlsx.writeFile(table);
    const r2 = await wuhua('review', d, '--as', '党委', '--opinions', table, '-o', join(dir, 'p.xlsx'));
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('没有找到上级党委（党总支）的意见列');
  });

  test('the output may not be an input (the table included)', async () => {
    const d = await inbox();
    const r = await wuhua('review', d, '--as', '党委', '--opinion', '同意', '-o', join(d, '一支部.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('是一个输入文件');
  });

  test('--help prints the full Chinese help', async () => {
    const r = await wuhua('review', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--include-errors');
    expect(r.out).toContain('退出码');
  });
});
