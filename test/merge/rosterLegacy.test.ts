/**
 * A roster kept as .xls (Excel 97–2003, what many 政务 systems still export), .et or .ods
 * reads like its .xlsx: converted here by LibreOffice, read through the legacy reader.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseRoster } from '../../src/workbook/xlsx/roster';
import { convert, hasLibreOffice } from '../fixtures/libreoffice';

jest.setTimeout(180000);

const ROWS = [
  ['序号', '党支部名称', '上级党组织', '类别', '书记', '联系电话', '成立日期', '达标情况', '已有示范点'],
  [1, '中共永州市财政局第一党支部', '中共永州市财政局机关委员会', '在职', '张三', '13907460001', new Date(Date.UTC(2019, 5, 15)), '未达标', '否'],
  [2, '中共永州市财政局离退休党支部', '中共永州市财政局机关委员会', '离退休', '李四', '0746-8221234', null, '已达标', '否'],
  [3, '', '工委直辖', '在职', '', '', null, '', ''],
  [4, '中共永州市档案馆党支部', '工委直辖', '退役', '', '', null, '', ''],
];

(hasLibreOffice() ? describe : describe.skip)('rosters saved by LibreOffice as .xls and .ods', () => {
  let dir: string;
  let xlsx: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wuhua-roster-lo-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    for (const r of ROWS) ws.addRow(r);
    ws.getColumn(7).numFmt = 'yyyy"年"m"月"d"日"';
    xlsx = join(dir, '名册.xlsx');
    writeFileSync(xlsx, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    convert([xlsx], 'xls', join(dir, 'out'));
    convert([xlsx], 'ods', join(dir, 'out'));
    copyFileSync(join(dir, 'out', '名册.xls'), join(dir, 'out', '名册.et')); // WPS's .et is the same BIFF8 file
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(['名册.xls', '名册.et', '名册.ods'])('%s reads like the .xlsx: entries, bad rows and values named by row', async (name) => {
    const original = await parseRoster(new Uint8Array(readFileSync(xlsx)), '名册.xlsx');
    const legacy = await parseRoster(new Uint8Array(readFileSync(join(dir, 'out', name))), name);
    if (!original.ok || !legacy.ok) throw new Error(`not read: ${JSON.stringify([original, legacy])}`);
    expect(legacy.structured).toBe(true);
    expect(legacy.columns).toEqual(['name', 'parent', 'category', 'secretary', 'phone', 'founded', 'status', 'hasDemo']);
    const strip = (es: typeof legacy.entries) => es.map(({ source: _source, ...e }) => e);
    expect(strip(legacy.entries)).toEqual(strip(original.entries));
    expect(strip(legacy.entries)).toEqual([
      { name: '中共永州市财政局第一党支部', parent: '中共永州市财政局机关委员会', category: '在职', secretary: '张三', phone: '13907460001', founded: '2019-06-15', status: '未达标', hasDemo: false },
      { name: '中共永州市财政局离退休党支部', parent: '中共永州市财政局机关委员会', category: '离退休', secretary: '李四', phone: '0746-8221234', status: '已达标', hasDemo: false },
      { name: '中共永州市档案馆党支部', parent: '工委直辖' },
    ]);
    expect(legacy.entries[0].source).toContain(name);
    expect(legacy.problems.map((p) => p.replace(name, 'F'))).toEqual(original.problems.map((p) => p.replace('名册.xlsx', 'F')));
    expect(legacy.problems).toHaveLength(2); // row 4 without a name, row 5's 类别 “退役”
  });
});
