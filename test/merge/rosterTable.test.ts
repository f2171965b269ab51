import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { ROSTER_COLUMNS, ROSTER_HEADERS, rosterToTsv, type RosterColumn } from '../../src/merge/roster';
import type { RosterEntry } from '../../src/merge/types';
import { parseRoster, parseRosterText } from '../../src/workbook/xlsx/roster';

const enc = (s: string) => new TextEncoder().encode(s);

/** A full row per column, and what it reads as. */
const FULL: Record<RosterColumn, { typed: string; read: Partial<RosterEntry> }> = {
  name: { typed: '中共市财政局第一党支部', read: { name: '中共市财政局第一党支部' } },
  parent: { typed: '中共市财政局机关委员会', read: { parent: '中共市财政局机关委员会' } },
  category: { typed: '在职', read: { category: '在职' } },
  secretary: { typed: '张三', read: { secretary: '张三' } },
  phone: { typed: '0746-8221234', read: { phone: '0746-8221234' } },
  founded: { typed: '2019年4月15日', read: { founded: '2019-04-15' } },
  status: { typed: '未达标', read: { status: '未达标' } },
  hasDemo: { typed: '否', read: { hasDemo: false } },
};

/** Every subset of the seven optional columns, with 党支部名称 always there (2^7 = 128 tables). */
function subsets(): RosterColumn[][] {
  const optional = ROSTER_COLUMNS.filter((c) => c !== 'name');
  const out: RosterColumn[][] = [];
  for (let mask = 0; mask < 1 << optional.length; mask++) {
    const cols = optional.filter((_, i) => mask & (1 << i));
    // 党支部名称 moves around: first, in the middle, last.
    const at = mask % (cols.length + 1);
    out.push([...cols.slice(0, at), 'name', ...cols.slice(at)]);
  }
  return out;
}

describe('a roster table with any subset of columns', () => {
  test.each([
    ['tab-separated (pasted from Excel)', '\t'],
    ['comma-separated (.csv)', ','],
  ])('%s: every subset of columns reads its values and nothing else', (_label, sep) => {
    for (const cols of subsets()) {
      const text = [cols.map((c) => ROSTER_HEADERS[c]).join(sep), cols.map((c) => FULL[c].typed).join(sep)].join('\r\n');
      const r = parseRosterText(text, '名册.csv');
      const expected = Object.assign({}, ...cols.map((c) => FULL[c].read));
      expect(r.ok && { ...r.entries[0], source: undefined }).toEqual({ ...expected, source: undefined });
      // 党支部名称 alone is a plain list with a heading line.
      expect(r.ok && [r.structured, r.columns, r.problems, r.ignored]).toEqual([cols.length > 1, cols, [], []]);
    }
  });

  test('header synonyms and spacing: 序号 is quiet, unknown columns are named and ignored', () => {
    const text = '序号,支部名称,所属党委,支 部 类 别,书记姓名,联系方式,成立时间,五化达标情况,有无示范点,备注,党员数\n1,甲局党支部,甲局机关党委,离退休,李四,13907461234,2018/12/1,已达标,是,新调整,30\n';
    const r = parseRosterText(text, '名册.csv');
    expect(r.ok && r.entries).toEqual([
      { name: '甲局党支部', parent: '甲局机关党委', category: '离退休', secretary: '李四', phone: '13907461234', founded: '2018-12-01', status: '已达标', hasDemo: true, source: '名册.csv 第2行' },
    ]);
    expect(r.ok && r.ignored).toEqual(['备注', '党员数']);
  });

  test('bad rows are named with their row number and never dropped silently', () => {
    const text = [
      '党支部名称,类别,成立日期,达标情况,已有示范点',
      '甲支部,在职,2019-04-15,未达标,否',
      ',在职,,,', // no name
      '乙支部,退伍,2019-13-45,优秀,也许', // four bad values: the row stays, the values are left out
      '甲 支部,在职,,,', // the same branch again
      '丙支部,,,,',
      '合计,3,,,',
      '丁支部,在职,,,', // after the 合计 row: not read
    ].join('\n');
    const r = parseRosterText(text, 'd/名册.csv');
    expect(r.ok && r.entries.map((e) => e.name)).toEqual(['甲支部', '乙支部', '丙支部']);
    expect(r.ok && r.entries[1]).toEqual({ name: '乙支部', source: '名册.csv 第4行' });
    expect(r.ok && r.problems).toEqual([
      '名册.csv 第3行有内容但没有填写党支部名称，未计入名册',
      '名册.csv 第4行的类别“退伍”无法识别（应为在职、离退休），该项按未填写处理',
      '名册.csv 第4行的成立日期“2019-13-45”无法识别（应为如 2019年4月15日 或 2019-04-15），该项按未填写处理',
      '名册.csv 第4行的达标情况“优秀”无法识别（应为已达标、未达标、未申报），该项按未填写处理',
      '名册.csv 第4行的已有示范点“也许”无法识别（应为是、否），该项按未填写处理',
      '名册.csv 第5行的“甲 支部”与名册.csv 第2行重复，只按前一行计入',
    ]);
  });

  test('quoted CSV fields hold commas and quotes', () => {
    const r = parseRosterText('党支部名称,书记\n"甲局第一党支部","王""五"",赵六"\n', '名册.csv');
    expect(r.ok && r.entries[0]).toMatchObject({ name: '甲局第一党支部', secretary: '王"五",赵六' });
  });

  test('a plain list (one name a line) still works, a heading line included', () => {
    const r = parseRosterText('党支部名称\n甲局党支部\n乙局党支部\n', '名册.txt');
    expect(r.ok && [r.structured, r.entries.map((e) => e.name)]).toEqual([false, ['甲局党支部', '乙局党支部']]);
  });

  test('the tab-separated text the pane keeps reads back the same entries', () => {
    const entries: RosterEntry[] = [
      { name: '甲支部', parent: '甲委', category: '在职', founded: '2019-04-15', status: '未申报', hasDemo: true },
      { name: '乙支部', parent: '工委直辖', category: '离退休' },
    ];
    const cols: RosterColumn[] = ['name', 'parent', 'category', 'founded', 'status', 'hasDemo'];
    const r = parseRosterText(rosterToTsv(entries, cols), '粘贴的名册');
    expect(r.ok && r.entries.map(({ source: _s, ...e }) => e)).toEqual(entries);
  });
});

describe('roster files', () => {
  const CSV = '党支部名称,上级党组织,类别\r\n中共甲局第一党支部,中共甲局机关委员会,在职\r\n中共乙局退休支部,工委直辖,离退休\r\n';
  /** GB18030 bytes of the CSV, as Excel in China saves "CSV (逗号分隔)". */
  function gbk(s: string): Uint8Array {
    // Build the GBK encoding by searching the decoder (Node has no GBK encoder): every char here is in GB2312.
    const dec = new TextDecoder('gbk');
    const table = new Map<string, number[]>();
    for (let hi = 0xb0; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) table.set(dec.decode(Uint8Array.from([hi, lo])), [hi, lo]);
    const out: number[] = [];
    for (const ch of s) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!));
    return Uint8Array.from(out);
  }

  test.each([
    ['UTF-8', enc(CSV)],
    ['UTF-8 with BOM', enc('\ufeff' + CSV)],
    ['GBK', gbk(CSV)],
  ])('.csv in %s', async (_label, bytes) => {
    const r = await parseRoster(bytes, '名册.csv');
    expect(r.ok && r.entries.map((e) => [e.name, e.parent, e.category])).toEqual([
      ['中共甲局第一党支部', '中共甲局机关委员会', '在职'],
      ['中共乙局退休支部', '工委直辖', '离退休'],
    ]);
  });

  test('.xlsx: a header below a title, a date cell, numbers as text; read with our own reader', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    ws.addRow(['市直机关党支部名册（2019年）']);
    ws.addRow(['序号', '党支部名称', '上级党组织', '联系电话', '成立日期', '已有示范点']);
    ws.addRow([1, '中共甲局第一党支部', '中共甲局机关委员会', 13907461234, new Date(Date.UTC(2019, 3, 15)), '是']);
    const r = await parseRoster(new Uint8Array(await wb.xlsx.writeBuffer()), 'x/名册.xlsx');
    expect(r.ok && r.entries).toEqual([
      { name: '中共甲局第一党支部', parent: '中共甲局机关委员会', phone: '13907461234', founded: '2019-04-15', hasDemo: true, source: '名册.xlsx（工作表：名册，单元格 B3）' },
    ]);
  });

  test('a zip bomb given as a roster is refused with a Chinese reason, not an exception', async () => {
    const huge = new Uint8Array(20 * 1024 * 1024); // 20 MB of zeros deflate to ~20 KB: a ratio no workbook has
    const bomb = zipSync({ '[Content_Types].xml': enc('<Types/>'), 'xl/workbook.xml': huge }, { level: 9 });
    const r = await parseRoster(bomb, '名册.xlsx');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/^名册无法读取：[\u4e00-\u9fff]/);
  });

  test('text in neither UTF-8 nor GBK is refused with a reason', async () => {
    const r = await parseRoster(Uint8Array.from([0xff, 0xff, 0xff, 0x81, 0x20]), '名册.txt');
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('编码') });
  });
});

describe('the roster template', () => {
  test('has every column, list validation on 类别/达标情况/已有示范点, and its example row is not read as a branch', async () => {
    const { rosterTemplateBytes } = await import('../../src/workbook/xlsx/rosterTemplate');
    const bytes = await rosterTemplateBytes();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('名册')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(ROSTER_COLUMNS.map((c) => ROSTER_HEADERS[c]));
    const xml = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    const lists = [...xml.matchAll(/type="list"[^>]*sqref="(\w+):\w+"><formula1>&quot;([^&]*)&quot;/g)].map((m) => [m[1], m[2]]);
    expect(lists).toEqual([['C2', '在职,离退休'], ['G2', '已达标,未达标,未申报'], ['H2', '是,否']]);
    expect(xml).toMatch(/type="date"[^>]*sqref="F2:F501"/);
    const r = await parseRoster(bytes, '名册.xlsx');
    expect(r.ok).toBe(false); // only the example row: no branch
    // Filled in: the example row is skipped and said, the new row read.
    ws.getRow(3).values = ['中共甲局党支部', '工委直辖', '离退休'];
    const filled = await parseRoster(new Uint8Array(await wb.xlsx.writeBuffer()), '名册.xlsx');
    expect(filled.ok && filled.entries.map((e) => [e.name, e.parent, e.category])).toEqual([['中共甲局党支部', '工委直辖', '离退休']]);
    expect(filled.ok && filled.problems).toEqual(['名册.xlsx（工作表：名册）第2行是名册模板的示例行，未计入名册']);
  });
});
