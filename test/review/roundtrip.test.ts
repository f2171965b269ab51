/**
 * The three levels of the notice: branches → 党委 A and 党委 B each `review` → the
 * 市直工委 merges both 报送包 with two 工委直辖 branches' own files (and one branch's
 * file that also came directly), then reviews them itself and merges its own pack.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import type { JsonReport } from '../../src/model/report';
import { branchFolders } from './fixtures';

jest.setTimeout(120000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'review-rt-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function wuhua(...argv: string[]) {
  const io = bufferIo();
  const code = await run(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const OPINION_A = '经初核，情况属实，同意上报。';
const OPINION_B = '经党委初核，同意上报。';
const OPINION_W = '经市直工委审核，同意。';

test('branches → 党委 A and B → 市直工委: every form once, opinions and dates intact, provenance names both levels', async () => {
  const { a, b, direct } = await branchFolders(dir);
  const packA = join(dir, '党委A报送包.xlsx');
  const packB = join(dir, '党委B报送包.xlsx');

  const ra = await wuhua('review', a, '--as', '党委', '--opinion', OPINION_A, '--date', '2019-04-28', '--by', '财政局机关党委', '-o', packA, '--returns', join(dir, '退回A.xlsx'));
  expect(ra.err).toContain('已写入报送包');
  expect(ra.code).toBe(0);
  // 4 forms kept; the third branch (2 members) goes back; the second's 附件1 keeps its opinion.
  expect(ra.out).toContain('报送包收入 3 份：新写入意见 2 份，替换原意见 0 份，原已有意见未改动 1 份');
  expect(ra.out).toContain('退回 1 份');
  expect(ra.out).toContain('中共永州市财政局第三党支部：');
  expect(ra.out).toMatch(/单元格 B4：.*党员人数/);

  const rb = await wuhua('review', b, '--as', '党委', '--opinion', OPINION_B, '--date', '2019-04-29', '--by', '教育局机关党委', '-o', packB);
  expect(rb.code).toBe(0);
  expect(rb.out).toContain('报送包收入 3 份：新写入意见 2 份');

  // The 市直工委 merges both packs, the 工委直辖 files, and 财政局一支部's own file that also came directly.
  const inbox = join(dir, '工委收件');
  require('fs').mkdirSync(inbox);
  copyFileSync(packA, join(inbox, '党委A报送包.xlsx'));
  copyFileSync(packB, join(inbox, '党委B报送包.xlsx'));
  for (const f of ['档案馆支部-附件2.xlsx', '史志办支部-附件2.xlsx']) copyFileSync(join(direct, f), join(inbox, f));
  copyFileSync(join(a, '财政局一支部-附件2.xlsx'), join(inbox, '财政局一支部-直报.xlsx'));
  const json = join(dir, '工委汇总.json');
  const summaryFile = join(dir, '工委汇总.xlsx');
  const m = await wuhua('merge', inbox, '-o', summaryFile, '--json', json, '--as-of', '2019-05-06');
  expect(m.code).toBe(0);
  const report = JSON.parse(readFileSync(json, 'utf8')) as JsonReport;
  const kept = report.submissions.filter((s) => s.latest !== false);
  const keys = kept.map((s) => `${s.branch}/${s.form}`).sort();
  expect(keys).toEqual(
    [
      '中共永州市史志办党支部/application',
      '中共永州市教育局机关党支部/application',
      '中共永州市教育局离退休党支部/application',
      '中共永州市教育局离退休党支部/progress',
      '中共永州市档案馆党支部/application',
      '中共永州市财政局第一党支部/application',
      '中共永州市财政局第二党支部/application',
      '中共永州市财政局第二党支部/demonstration',
    ].sort(),
  );
  // The copy inside the pack (with the opinion) wins over the direct one, silently: no 问题清单 line.
  const first = kept.find((s) => s.branch === '中共永州市财政局第一党支部')!;
  expect(first.file).toContain('党委A报送包.xlsx');
  expect(first.fields.partyCommitteeOpinion).toBe(OPINION_A);
  expect(first.fields.partyCommitteeOpinionDate).toBe('2019-04-28');
  expect(first.origin).toEqual({ file: '财政局一支部-附件2.xlsx', sheet: '附件2 五化建设申报表', chain: ['财政局机关党委于2019年4月28日初核（党委A报送包.xlsx）'], parent: '财政局机关党委' });
  expect(report.duplicates).toHaveLength(1);
  const demo = kept.find((s) => s.form === 'demonstration')!;
  expect(demo.fields.partyCommitteeOpinion).toBe('同意推荐为示范点。'); // left alone
  expect(demo.fields.partyCommitteeOpinionDate).toBe('2019-04-25');
  const edu = kept.find((s) => s.branch === '中共永州市教育局机关党支部')!;
  expect([edu.fields.partyCommitteeOpinion, edu.fields.partyCommitteeOpinionDate]).toEqual([OPINION_B, '2019-04-29']);
  // Nothing in a pack was edited after review.
  expect(kept.flatMap((s) => s.issues).filter((i) => i.rule === 'edited-after-review')).toEqual([]);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(summaryFile);
  const rows = wb.getWorksheet('汇总')!;
  const sources: string[] = [];
  rows.eachRow((r) => sources.push(String(r.getCell(14).value ?? ''))); // the full source, after the printed columns
  expect(sources.some((s) => s.includes('党委A报送包.xlsx') && s.includes('→ 财政局一支部-附件2.xlsx（工作表：附件2 五化建设申报表）'))).toBe(true);
  const problems = wb.getWorksheet('问题清单')!;
  const problemText: string[] = [];
  problems.eachRow((r) => problemText.push(r.values!.toString()));
  expect(problemText.join('\n')).not.toContain('财政局一支部-直报.xlsx');

  // The 市直工委 writes its own opinion the same way and merges its own pack: both levels on every form.
  const final = join(dir, '工委报送包.xlsx');
  const rw = await wuhua('review', inbox, '--as', '工委', '--opinion', OPINION_W, '--date', '2019-05-10', '-o', final);
  expect(rw.code).toBe(0);
  expect(rw.out).toContain('报送包收入 8 份：新写入意见 7 份');
  const json2 = join(dir, '终.json');
  expect((await wuhua('merge', final, '-o', join(dir, '终.xlsx'), '--json', json2, '--as-of', '2019-05-10')).code).toBe(0);
  const report2 = JSON.parse(readFileSync(json2, 'utf8')) as JsonReport;
  expect(report2.submissions).toHaveLength(8);
  const f2 = report2.submissions.find((s) => s.branch === '中共永州市财政局第一党支部')!;
  expect(f2.fields).toMatchObject({ partyCommitteeOpinion: OPINION_A, partyCommitteeOpinionDate: '2019-04-28', workCommitteeOpinion: OPINION_W, workCommitteeOpinionDate: '2019-05-10' });
  expect(f2.origin!.file).toBe('财政局一支部-附件2.xlsx');
  expect(f2.origin!.chain).toEqual(['财政局机关党委于2019年4月28日初核（党委A报送包.xlsx）', '市直工委于2019年5月10日初核（工委报送包.xlsx）']);
  const direct2 = report2.submissions.find((s) => s.branch === '中共永州市档案馆党支部')!;
  expect(direct2.fields.partyCommitteeOpinion).toBeNull(); // 工委直辖: no 党委 between
  expect(direct2.fields.workCommitteeOpinion).toBe(OPINION_W);
  expect(direct2.origin!.file).toBe('档案馆支部-附件2.xlsx');
});
