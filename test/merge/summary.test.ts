import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { mergeSubmissions } from '../../src/merge';
import { summaryBytes, summaryBytesStreaming, summaryWorkbook, displayWidth, cellText } from '../../src/workbook/xlsx/summary';
import { bad, issue, months, okOne, sub } from './helpers';
import { pdfPages } from './office';

const FORMULA_LIKE = ['=1+1', '+86 138', '-5', '@SUM(A1)', '=HYPERLINK("http://x","点我")'];

function sample(roster?: string[]) {
  return mergeSubmissions(
    [
      okOne(
        sub(
          'demonstration',
          FORMULA_LIKE[0],
          'in/d1.xlsx',
          {
            date: '2019-04-03',
            memberCount: 12,
            committeeCount: 5,
            secretaryName: FORMULA_LIKE[4],
            contact: FORMULA_LIKE[1],
            partyCommitteeOpinion: FORMULA_LIKE[2],
            workCommitteeOpinion: FORMULA_LIKE[3],
          },
          { issues: [{ rule: 'required', severity: 'error', field: 'highlights', cell: 'B7', message: '=特色亮点做法 未填写' }] },
        ),
      ),
      okOne(sub('application', '中共乙局党支部', 'in/a1.xlsx', { date: '2019-04', memberCount: 8, committeeCount: 3 }, { issues: [issue('r', 'warning')] })),
      okOne(sub('application', '中共乙局党支部', 'in/a0.xlsx', { date: '2019-03-01', memberCount: 8, committeeCount: 3 })),
      okOne(sub('progress', '中共乙局党支部', 'in/p.xlsx', {}, { months: months(['已完成', '@完成', '未完成']) })),
      bad('in/bad.xls', '这是旧版 .xls 文件'),
    ],
    { asOf: '2019-05-01', roster },
  );
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function rowValues(ws: ExcelJS.Worksheet, r: number): unknown[] {
  return (ws.getRow(r).values as unknown[]).slice(1);
}

describe('summary workbook', () => {
  test('sheets 汇总, 进度, 问题清单, and 未报送 only with a roster', async () => {
    expect((await readBack(await summaryBytes(sample()))).worksheets.map((w) => w.name)).toEqual(['汇总', '进度', '问题清单']);
    expect((await readBack(await summaryBytes(sample(['中共乙局支部', '中共丙局党支部'])))).worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '进度',
      '问题清单',
      '未报送',
    ]);
  });

  test('汇总 has the DESIGN.md columns, one row per kept submission, and totals at the foot', async () => {
    const ws = (await readBack(await summaryBytes(sample()))).getWorksheet('汇总')!;
    expect(rowValues(ws, 1)).toEqual([
      '序号', '党支部名称', '表单', '申报时间', '党员人数', '支委人数', '书记姓名', '联系方式', '党委(党总支)意见', '市直工委意见', '错误数', '警告数', '来源文件/工作表',
    ]);
    expect(ws.getCell('B2').value).toBe('=1+1');
    expect(ws.getCell('C2').value).toBe('附件1 示范点创建申报表');
    expect((ws.getCell('D2').value as Date).toISOString()).toBe('2019-04-03T00:00:00.000Z');
    expect(ws.getCell('M2').value).toBe('in/d1.xlsx（工作表：附件）');
    expect(ws.getCell('D3').value).toBe('2019年4月'); // month-only date stays text
    expect(ws.getCell('M3').value).toBe('in/a1.xlsx（工作表：附件）'); // the later 申报时间, not a0
    expect(ws.getCell('B4').value).toBe('中共乙局党支部');
    // feet: 附件1合计, 附件2合计, 附件3合计, 总计
    expect([5, 6, 7, 8].map((r) => ws.getCell(`B${r}`).value)).toEqual(['附件1合计', '附件2合计', '附件3合计', '总计']);
    expect(rowValues(ws, 8)).toEqual([undefined, '总计', '2个党支部', undefined, 20, 8, undefined, undefined, undefined, undefined, 1, 1]);
    expect(ws.getCell('E6').value).toBe(8);
  });

  test('text from submitted files that looks like a formula is written as a string cell', async () => {
    const wb = await readBack(await summaryBytes(sample()));
    const ws = wb.getWorksheet('汇总')!;
    for (const a of ['B2', 'G2', 'H2', 'I2', 'J2']) {
      const cell = ws.getCell(a);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    expect([ws.getCell('B2').value, ws.getCell('G2').value, ws.getCell('H2').value, ws.getCell('I2').value, ws.getCell('J2').value]).toEqual([
      FORMULA_LIKE[0], FORMULA_LIKE[4], FORMULA_LIKE[1], FORMULA_LIKE[2], FORMULA_LIKE[3],
    ]);
    const problems = wb.getWorksheet('问题清单')!;
    const message = problems.getColumn(9).values.find((v) => v === '=特色亮点做法 未填写');
    expect(message).toBeDefined();
    const progress = wb.getWorksheet('进度')!;
    expect(progress.getCell('D2').type).toBe(ExcelJS.ValueType.String);
    expect(progress.getCell('D2').value).toBe('@完成');
  });

  test('no formula anywhere in the written XML', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(await summaryBytes(sample()));
    for (const [name, data] of Object.entries(files)) if (name.endsWith('.xml')) expect(strFromU8(data)).not.toContain('<f>');
  });

  test('every sheet: frozen header row, autofilter over header and data, A4 landscape fit to width, header row repeated', async () => {
    const wb = await readBack(await summaryBytes(sample(['中共丙局党支部'])));
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeDefined();
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
      expect(ws.getRow(1).font?.bold ?? ws.getCell('A1').font.bold).toBe(true);
    }
    expect(wb.getWorksheet('汇总')!.autoFilter).toBe('A1:M4'); // data rows only: the totals stay put
  });

  test('进度: statuses, done/due and share as a percentage; 问题清单: superseded and rejected rows name their file', async () => {
    const wb = await readBack(await summaryBytes(sample()));
    const progress = wb.getWorksheet('进度')!;
    expect(rowValues(progress, 1).slice(0, 4)).toEqual(['序号', '党支部名称', '1月', '2月']);
    expect(progress.getCell('C2').value).toBe('已完成');
    expect(progress.getCell('O2').value).toBe('2/4');
    expect(progress.getCell('P2').value).toBe(0.5);
    expect(progress.getCell('P2').numFmt).toBe('0%');
    const problems = wb.getWorksheet('问题清单')!;
    const rows = problems.getSheetValues().slice(2) as unknown[][];
    const superseded = rows.find((r) => r[7] === 'superseded')!;
    expect(superseded[2]).toBe('in/a0.xlsx');
    expect(superseded[9]).toContain('in/a1.xlsx');
    const rejected = rows.find((r) => r[7] === 'rejected')!;
    expect(rejected.slice(2, 3)).toEqual(['in/bad.xls']);
    expect(rejected[8]).toBe('错误');
    expect(rejected[9]).toBe('这是旧版 .xls 文件');
  });

  test('未报送 lists roster names with no submission and where they were written', async () => {
    const s = mergeSubmissions([okOne(sub('application', '中共乙局党支部', 'a.xlsx'))], {
      asOf: '2019-05-01',
      roster: [{ name: '中共乙局支部', source: '名册.txt 第1行' }, { name: '中共丙局党支部', source: '名册.txt 第2行' }],
    });
    const ws = summaryWorkbook(s).getWorksheet('未报送')!;
    expect(rowValues(ws, 1)).toEqual(['序号', '党支部名称（名册）', '名册来源']);
    expect(rowValues(ws, 2)).toEqual([1, '中共丙局党支部', '名册.txt 第2行']);
    expect(ws.rowCount).toBe(2);
  });

  test('column widths fit CJK text (counted double) within a cap', () => {
    expect(displayWidth('中共ab')).toBe(6);
    expect(displayWidth('短\n长一点的行')).toBe(10);
    const ws = summaryWorkbook(sample()).getWorksheet('汇总')!;
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(displayWidth('中共乙局党支部'));
    expect(ws.getColumn(13).width).toBeLessThanOrEqual(60);
  });

  test('XML-invalid control characters are dropped and over-long text is cut at 32,767', () => {
    expect(cellText('a\u0001b\u000bc\nd\te')).toBe('abc\nd\te');
    expect(cellText('字'.repeat(40000))).toHaveLength(32767);
  });

  test('an empty merge still gives a valid workbook with headers and a zero total', async () => {
    const wb = await readBack(await summaryBytes(mergeSubmissions([], { asOf: '2019-05-01' })));
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.getCell('B2').value).toBe('总计');
    expect(ws.getCell('C2').value).toBe('0个党支部');
  });

  test('the same summary gives the same workbook contents (every XML part equal)', async () => {
    const { unzipSync } = await import('fflate');
    const a = unzipSync(await summaryBytes(sample(['x党支部'])));
    const b = unzipSync(await summaryBytes(sample(['x党支部'])));
    expect(Object.keys(a)).toEqual(Object.keys(b));
    for (const k of Object.keys(a)) expect(Buffer.from(a[k]).equals(Buffer.from(b[k]))).toBe(true);
  });

  test('LibreOffice opens it and prints every sheet on A4 landscape pages, the header row repeated on each page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-'));
    try {
      const many = Array.from({ length: 120 }, (_, i) =>
        okOne(sub('application', `中共测试局第${i + 1}党支部`, `in/b${String(i).padStart(3, '0')}.xlsx`, { date: '2019-04-01', memberCount: 9, committeeCount: 3 })),
      );
      const s = mergeSubmissions(many, { asOf: '2019-05-01', roster: ['中共丙局党支部'] });
      const file = join(dir, 'summary.xlsx');
      writeFileSync(file, await summaryBytes(s));
      const { pages, sizes } = pdfPages(file);
      expect(pages).toBeGreaterThanOrEqual(5); // 汇总 on 2+ pages, then 进度, 问题清单, 未报送
      for (const p of sizes) {
        expect(p.width).toBeGreaterThan(p.height);
        expect(Math.round(p.width)).toBe(842); // A4 long side in points
      }
      const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', join(dir, 'out', 'summary.pdf'), '-'], { encoding: 'utf8' });
      expect(page2).toContain('来源文件/工作表');
      expect(page2).toContain('中共测试局第');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('the streaming writer (what `wuhua merge` writes)', () => {
    test('gives the same sheets, cells, types and styles as the in-memory workbook', async () => {
      const summary = sample(['中共丙局党支部']);
      const a = await readBack(await summaryBytes(summary));
      const b = await readBack(await summaryBytesStreaming(summary));
      expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
      for (const wa of a.worksheets) {
        const wb = b.getWorksheet(wa.name)!;
        expect(wb.rowCount).toBe(wa.rowCount);
        expect(wb.columns.map((c) => c.width)).toEqual(wa.columns.map((c) => c.width));
        expect(wb.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
        expect(wb.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(wb.autoFilter).toEqual(wa.autoFilter);
        expect(wb.headerFooter.oddHeader).toBe(wa.headerFooter.oddHeader);
        wa.eachRow({ includeEmpty: true }, (row, r) => {
          row.eachCell({ includeEmpty: true }, (cell, c) => {
            const other = wb.getCell(r, c);
            expect([cell.address, other.type, other.value]).toEqual([cell.address, cell.type, cell.value]);
            expect(other.fill).toEqual(cell.fill);
            expect(other.font?.bold).toEqual(cell.font?.bold);
          });
        });
      }
      const g2 = b.getWorksheet('汇总')!.getCell('G2');
      expect(g2.value).toBe(FORMULA_LIKE[4]);
      expect(g2.type).toBe(ExcelJS.ValueType.String);
    });

    test('LibreOffice opens it: A4 landscape pages', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'summary-stream-'));
      try {
        const file = join(dir, 'summary.xlsx');
        writeFileSync(file, await summaryBytesStreaming(sample(['中共丙局党支部'])));
        const { pages, sizes } = pdfPages(file);
        expect(pages).toBeGreaterThanOrEqual(4);
        for (const p of sizes) expect([Math.round(p.width), Math.round(p.height)]).toEqual([842, 595]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
