import ExcelJS from 'exceljs';
import { mergeSubmissions } from '../../src/merge';
import { parseRoster, rosterName } from '../../src/workbook/xlsx/roster';
import { okOne, sub } from './helpers';

const enc = (s: string) => new TextEncoder().encode(s);

describe('roster from text', () => {
  test('BOM, CRLF, blank lines, numbering "1. / 2、/ (3) / 4<tab>" and a header line are tolerated', async () => {
    const text = '\ufeff党支部名称\r\n1. 中共甲局党支部\r\n\r\n2、中共乙局支部\r\n(3) 中共丙局党支部\r\n4\t中共丁局党支部\r\n   \r\n中共戊局党支部\r\n';
    const r = await parseRoster(enc(text), 'dir/名册.txt');
    expect(r.ok && r.entries).toEqual([
      { name: '中共甲局党支部', source: '名册.txt 第2行' },
      { name: '中共乙局支部', source: '名册.txt 第4行' },
      { name: '中共丙局党支部', source: '名册.txt 第5行' },
      { name: '中共丁局党支部', source: '名册.txt 第6行' },
      { name: '中共戊局党支部', source: '名册.txt 第8行' },
    ]);
  });

  test('a name that starts with 第一 or a year is not taken for numbering', () => {
    expect(rosterName('第一党支部')).toBe('第一党支部');
    expect(rosterName('2019年新成立党支部')).toBe('2019年新成立党支部');
    expect(rosterName('一、机关第一党支部')).toBe('机关第一党支部');
  });

  test('GBK text (Windows Notepad "ANSI") is read too', async () => {
    // "中共甲局党支部\r\n" in GBK
    const gbk = Uint8Array.from([0xd6, 0xd0, 0xb9, 0xb2, 0xbc, 0xd7, 0xbe, 0xd6, 0xb5, 0xb3, 0xd6, 0xa7, 0xb2, 0xbf, 0x0d, 0x0a]);
    const r = await parseRoster(gbk, '名册.txt');
    expect(r.ok && r.entries.map((e) => e.name)).toEqual(['中共甲局党支部']);
  });

  test('an empty roster is refused with a reason', async () => {
    const r = await parseRoster(enc('\r\n  \r\n'), '名册.txt');
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('没有找到') });
  });
});

describe('roster from a workbook', () => {
  async function xlsx(rows: (string | number | null)[][], sheets = 1): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    for (let i = 1; i < sheets; i++) wb.addWorksheet(`说明${i}`).getCell('A1').value = '本表为名册';
    const ws = wb.addWorksheet('名册');
    rows.forEach((r) => ws.addRow(r));
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  test('the first column of branch names is taken, the title and header rows and the 合计 row skipped', async () => {
    const bytes = await xlsx([
      ['市直机关党支部名册', null, null],
      ['序号', '党支部名称', '书记'],
      [1, '中共甲局党支部', '张三'],
      [2, '中共乙局机关支部委员会', '李四'],
      [3, '市档案馆', '王五'],
      ['合计', '3个', null],
    ], 2);
    const r = await parseRoster(bytes, 'x/名册.xlsx');
    expect(r.ok && r.entries).toEqual([
      { name: '中共甲局党支部', secretary: '张三', source: '名册.xlsx（工作表：名册，单元格 B3）' },
      { name: '中共乙局机关支部委员会', secretary: '李四', source: '名册.xlsx（工作表：名册，单元格 B4）' },
      { name: '市档案馆', secretary: '王五', source: '名册.xlsx（工作表：名册，单元格 B5）' },
    ]); // a header row makes it a table (书记 read too); the 合计 row ends it
  });

  test('a workbook without a name column is refused with a reason', async () => {
    const r = await parseRoster(await xlsx([['a', 'b'], [1, 2]]), '名册.xlsx');
    expect(r.ok).toBe(false);
  });

  test('a broken zip is refused with a reason, not thrown', async () => {
    const r = await parseRoster(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 0]), '名册.xlsx');
    expect(r.ok).toBe(false);
  });
});

test('roster names match submissions across 中国共产党/中共, spaces, full width and 党支部/支部', async () => {
  const r = await parseRoster(enc('中国共产党 永州市财政局第一支部\n中共永州市ＸＸ中心党支部委员会\n中共永州市教育局党支部\n'), '名册.txt');
  if (!r.ok) throw new Error(r.reason);
  const s = mergeSubmissions(
    [okOne(sub('application', '中共永州市财政局第一党支部', 'a.xlsx')), okOne(sub('progress', '中共永州市XX中心支部', 'b.xlsx'))],
    { asOf: '2019-05-01', roster: r.entries },
  );
  expect(s.missing).toEqual([{ name: '中共永州市教育局党支部', source: '名册.txt 第3行' }]);
  expect(s.submissions.flatMap((x) => x.issues.filter((i) => i.rule === 'not-on-roster'))).toEqual([]); // matched: no not-on-roster
});
