import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { mergeSubmissions } from '../../src/merge';
import { displayWidth, wrappedLines } from '../../src/model/text';
import { summaryBytesStreaming, cellText, columnWidths, rowHeight, shortPaths, type CellValue } from '../../src/workbook/xlsx/summary';
import { summaryBytes, summaryWorkbook } from '../../src/workbook/xlsx/summaryWorkbook';
import { bad, issue, months, okOne, sub } from './helpers';
import { pdfPages } from '../fixtures/libreoffice';

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
      '报送情况',
      '催报',
    ]);
  });

  test('汇总 has the DESIGN.md columns, one row per kept submission, and totals at the foot', async () => {
    const ws = (await readBack(await summaryBytes(sample()))).getWorksheet('汇总')!;
    expect(rowValues(ws, 1)).toEqual([
      '序号', '党支部名称', '表单', '申报时间', '党员人数', '支委人数', '书记姓名', '联系方式', '党委(党总支)意见', '市直工委意见', '错误数', '警告数', '来源文件', '完整来源（屏幕查看，不打印）',
    ]);
    expect(ws.getCell('B2').value).toBe('=1+1');
    expect(ws.getCell('C2').value).toBe('附件1'); // the short name keeps the column narrow
    expect((ws.getCell('D2').value as Date).toISOString()).toBe('2019-04-03T00:00:00.000Z');
    expect(ws.getCell('M2').value).toBe('d1.xlsx'); // printed: the file's name (unique here)
    expect(ws.getCell('N2').value).toBe('in/d1.xlsx（工作表：附件，单元格 C4）'); // on screen: file, sheet and the branch name's cell
    expect(ws.getCell('D3').value).toBe('2019年4月'); // month-only date stays text
    expect(ws.getCell('N3').value).toBe('in/a1.xlsx（工作表：附件，单元格 C3）'); // the later 申报时间, not a0
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
    expect(wb.getWorksheet('汇总')!.autoFilter).toBe('A1:N4'); // data rows only: the totals stay put
    // Printed: up to the short source (M); the full source (N) is on screen only.
    expect(wb.getWorksheet('汇总')!.pageSetup.printArea).toBe('A1:M8');
    expect(wb.getWorksheet('问题清单')!.pageSetup.printArea).toMatch(/^A1:I\d+$/);
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
    const superseded = rows.find((r) => r[10] === 'superseded')!;
    // 规则 in Chinese; the id in a column of its own.
    expect(superseded[7]).toBe('已被新报送取代');
    expect(superseded[2]).toBe('a0.xlsx');
    expect(superseded[11]).toBe('in/a0.xlsx');
    expect(superseded[9]).toContain('in/a1.xlsx');
    const rejected = rows.find((r) => r[10] === 'rejected')!;
    expect(rejected[7]).toBe('文件未受理');
    expect([rejected[2], rejected[11]]).toEqual(['bad.xls', 'in/bad.xls']);
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
      expect(page2).toContain('来源文件');
      expect(page2).not.toContain('完整来源'); // on screen only
      expect(page2).toContain('中共测试局第');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('printing: wrapped text gets its row height, 汇总 fits A4 landscape at a readable scale', () => {
    test('wrappedLines: each line of the text wraps at its room (CJK counts 2); an empty line takes one', () => {
      expect(wrappedLines('短', 9)).toBe(1);
      expect(wrappedLines('字'.repeat(9), 9)).toBe(2); // 18 over 9
      expect(wrappedLines('一\n\n三', 9)).toBe(3);
      expect(wrappedLines('a'.repeat(27), 9)).toBe(3);
    });

    test('columnWidths: the widest text of header, body and foot plus 2, within the cap, as measuring every cell gives', () => {
      // Random tables: texts (CJK, line breaks), numbers, dates and empty cells, caps from 5 to 60,
      // columns that reach their cap at once, late, or never (a body longer than the rows that cap).
      let seed = 11;
      const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
      const pieces = ['a', '字', '中共', '\n', ' ', '第12党支部', 'x'.repeat(30)];
      const value = (): CellValue => {
        const k = next() % 10;
        if (k === 0) return null;
        if (k === 1) return next() % 100000;
        if (k === 2) return new Date(Date.UTC(2019, next() % 12, 1));
        let v = '';
        for (let n = next() % 12; n > 0; n--) v += pieces[next() % pieces.length];
        return v;
      };
      for (let trial = 0; trial < 300; trial++) {
        const columns = Array.from({ length: 1 + (next() % 6) }, () => ({ header: '表头'.repeat(next() % 4), max: 5 + (next() % 56), min: next() % 3 === 0 ? 6 : undefined }));
        const rows = Array.from({ length: next() % 40 }, () => columns.map(() => value()));
        const feet = next() % 2 ? [columns.map(() => value())] : undefined;
        const naive = columns.map((c, i) => {
          let w = Math.max(c.min ?? 4, displayWidth(c.header));
          for (const r of [...rows, ...(feet ?? [])]) {
            const v = r[i];
            w = Math.max(w, v instanceof Date ? 16 : typeof v === 'number' ? String(v).length : v ? displayWidth(v) : 0);
          }
          const width = Math.min(c.max, w + 2);
          return width === 9 ? 9.1 : width;
        });
        expect(columnWidths({ columns, rows, feet })).toEqual(naive);
      }
    });

    test('rowHeight: 15 pt a line + 3, only wrapped columns count, one line keeps the default, at most 409 pt (Excel)', () => {
      expect(rowHeight(['短', '字'.repeat(9)], [10, 10], [true, true])).toBe(2 * 15 + 3);
      expect(rowHeight(['字'.repeat(90), '短'], [10, 10], [false, true])).toBeUndefined(); // not wrapped: one line
      expect(rowHeight(['字'.repeat(5000)], [10], [true])).toBe(409);
      expect(rowHeight([1, null, '短'], [10, 10, 10], [true, true, true])).toBeUndefined();
    });

    test('a long 问题说明 row is as high as its wrapped lines; a short row keeps the default height', () => {
      const long = '这是一条很长的问题说明，'.repeat(12);
      const s = mergeSubmissions(
        [
          okOne(sub('application', '中共甲局党支部', 'a.xlsx', {}, { issues: [{ rule: 'r', severity: 'error', field: 'plan', cell: 'B5', message: long }] })),
          okOne(sub('application', '中共乙局党支部', 'b.xlsx', {}, { issues: [{ rule: 'r', severity: 'error', field: 'plan', cell: 'B5', message: '短' }] })),
        ],
        { asOf: '2019-05-01' },
      );
      const ws = summaryWorkbook(s).getWorksheet('问题清单')!;
      const width = ws.getColumn(9).width!;
      const rowOf = (message: string) => [2, 3, 4, 5].find((r) => ws.getCell(`I${r}`).value === message)!; // form-missing rows too (附件2 without 附件3)
      expect(ws.getRow(rowOf(long)).height).toBe(wrappedLines(long, width - 1) * 15 + 3);
      expect(wrappedLines(long, width - 1)).toBeGreaterThan(4);
      expect(ws.getRow(rowOf('短')).height ?? 15).toBeLessThanOrEqual(15);
    });

    test('汇总 at its widest (every column at its cap) prints 125–135 characters wide (was 181, and 288 before)', () => {
      const wide = '很长的文字'.repeat(40);
      const s = mergeSubmissions(
        [
          okOne(
            sub('demonstration', wide, `${'很长的文件夹/'.repeat(20)}a.xlsx`, {
              date: '2019-04-03',
              memberCount: 1234567890123,
              committeeCount: 1234567890123,
              secretaryName: wide,
              contact: wide,
              partyCommitteeOpinion: wide,
              workCommitteeOpinion: wide,
            }, { issues: Array.from({ length: 3 }, () => issue('r', 'error')) }),
          ),
        ],
        { asOf: '2019-05-01' },
      );
      const ws = summaryWorkbook(s).getWorksheet('汇总')!;
      const total = ws.columns.slice(0, 13).reduce((n, c) => n + (c.width ?? 0), 0); // the printed columns A:M
      expect(ws.pageSetup.printArea).toBe('A$1:M$4'); // exceljs's spelling of $A$1:$M$4
      expect(total).toBeGreaterThanOrEqual(125);
      expect(total).toBeLessThanOrEqual(135);
      expect(ws.getRow(2).height).toBeGreaterThan(15); // the long texts wrap and the row grows
    });

    test('LibreOffice prints long 问题说明 and branch names whole (their last words are on the page), 汇总 at 9 pt or larger', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'summary-wrap-'));
      try {
        const long = `${'材料中的党员人数与花名册不一致，请逐一核对后重新报送，'.repeat(8)}ENDOFMESSAGE`;
        const branch = '中共永州市人民政府办公室机关综合科室与后勤服务中心联合第一党支部LASTWORD';
        const s = mergeSubmissions(
          [okOne(sub('application', branch, 'in/a.xlsx', { date: '2019-04-03', memberCount: 9, committeeCount: 3 }, { issues: [{ rule: 'r', severity: 'error', field: 'plan', cell: 'B5', message: long }] }))],
          { asOf: '2019-05-01' },
        );
        const file = join(dir, 'summary.xlsx');
        writeFileSync(file, await summaryBytes(s));
        pdfPages(file);
        const pdf = join(dir, 'out', 'summary.pdf');
        const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
        expect(text.split('ENDOFMESSAGE').length - 1).toBe(1);
        expect(text.split('LASTWORD').length - 1).toBeGreaterThanOrEqual(2); // 汇总 and 问题清单
        // The printed font size of 汇总 after fit-to-width: a CJK glyph is 1 em wide, so the
        // header "党支部名称" (11 pt, 5 glyphs) is 5 × the size. 288 characters printed it at 5.1 pt, 181 at 6.6 pt.
        const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
        const word = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">党支部名称<\/word>/.exec(bbox)!;
        expect((Number(word[2]) - Number(word[1])) / 5).toBeGreaterThanOrEqual(9);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('feet: totals outside the filter range', () => {
    test('附件3合计 leaves 党员人数 and 支委人数 blank (the form has no such fields)', async () => {
      const ws = (await readBack(await summaryBytes(sample()))).getWorksheet('汇总')!;
      expect(ws.getCell('B7').value).toBe('附件3合计');
      expect([ws.getCell('E7').value, ws.getCell('F7').value]).toEqual([null, null]);
      expect(ws.getCell('E6').value).toBe(8); // 附件2合计 keeps its sums
    });

    test('forms without a branch name are not branches in the 合计 counts; they are counted beside them', async () => {
      const s = mergeSubmissions(
        [
          okOne(sub('application', '中共甲局党支部', 'a.xlsx', { memberCount: 9 })),
          okOne(sub('application', null, 'u1.xlsx', { memberCount: 5 })),
          okOne(sub('demonstration', null, 'u2.xlsx')),
        ],
        { asOf: '2019-05-01' },
      );
      expect(s.totals.map((t) => t.branches)).toEqual([0, 1, 0]);
      expect(s.total).toMatchObject({ branches: 1, unnamed: 2, members: 9 });
      const ws = (await readBack(await summaryBytes(s))).getWorksheet('汇总')!;
      const feet = [5, 6, 7].map((r) => [ws.getCell(`B${r}`).value, ws.getCell(`C${r}`).value]);
      expect(feet).toEqual([
        ['附件1合计', '0个党支部；另有1份未填党支部名称'],
        ['附件2合计', '1个党支部；另有1份未填党支部名称'],
        ['总计', '1个党支部；另有2份未填党支部名称'],
      ]);
      expect(ws.getCell('E6').value).toBe(9); // branches only: the unnamed form's 5 members are not a branch's
      expect(ws.getCell('E7').value).toBe(9); // 总计: once per branch
    });

    test('进度: a foot row with all due months done over all due, the share and the number of branches', async () => {
      const s = mergeSubmissions(
        [
          okOne(sub('progress', '中共甲局党支部', 'p1.xlsx', {}, { months: months(['已完成', '已完成', '已完成', '未完成']) })),
          okOne(sub('progress', '中共乙局党支部', 'p2.xlsx', {}, { months: months([]) })),
          okOne(sub('progress', null, 'p3.xlsx', {}, { months: months(['已完成']) })),
        ],
        { asOf: '2019-05-01' },
      );
      const ws = (await readBack(await summaryBytes(s))).getWorksheet('进度')!;
      expect(ws.autoFilter).toBe('A1:R4'); // header and data only
      expect(ws.getCell('B5').value).toBe('合计（2个党支部；另有1份未填党支部名称）');
      expect(ws.getCell('O5').value).toBe('4/12');
      expect(ws.getCell('P5').value).toBeCloseTo(4 / 12);
      expect(ws.getCell('P5').numFmt).toBe('0%');
      expect(ws.rowCount).toBe(5);
    });

    test('问题清单: a foot row counting the rows by severity', async () => {
      const ws = (await readBack(await summaryBytes(sample()))).getWorksheet('问题清单')!;
      const rows = (ws.getSheetValues().slice(2) as unknown[][]).filter((r) => typeof r[1] === 'number');
      const count = (sev: string) => rows.filter((r) => r[8] === sev).length;
      const foot = ws.rowCount;
      expect(ws.getCell(`B${foot}`).value).toBe(`合计 ${rows.length} 条`);
      expect(ws.getCell(`I${foot}`).value).toBe(`错误 ${count('错误')} 条，警告 ${count('警告')} 条，提示 ${count('提示')} 条`);
      expect(count('提示')).toBe(1); // the superseded a0
      expect(ws.autoFilter).toBe(`A1:K${foot - 1}`);
    });
  });

  test('汇总 and 进度 rows name the file, the sheet and the branch name\'s cell (on screen, after the printed columns)', async () => {
    const wb = await readBack(await summaryBytes(sample()));
    expect(wb.getWorksheet('汇总')!.getCell('N4').value).toBe('in/p.xlsx（工作表：附件，单元格 C3）');
    expect(wb.getWorksheet('进度')!.getCell('R2').value).toBe('in/p.xlsx（工作表：附件，单元格 C3）');
    expect(wb.getWorksheet('进度')!.getCell('Q2').value).toBe('p.xlsx');
  });

  test('shortPaths: the file name when it is unique, else the last folder and the name; both separators', () => {
    // 'x/唯一.xlsx' twice: one file with two forms is still one file of that name.
    const short = shortPaths(['D:\\收件\\财政局\\附件2.xlsx', '/home/a/教育局/附件2.xlsx', 'x/唯一.xlsx', '附件3.xlsx', 'x/唯一.xlsx']);
    expect(short('D:\\收件\\财政局\\附件2.xlsx')).toBe('财政局/附件2.xlsx');
    expect(short('/home/a/教育局/附件2.xlsx')).toBe('教育局/附件2.xlsx');
    expect(short('x/唯一.xlsx')).toBe('唯一.xlsx');
    expect(short('附件3.xlsx')).toBe('附件3.xlsx');
  });

  test('shortPaths reads a path from its end as splitting it on separators would (random paths)', () => {
    // The rule spelled out: segments between runs of separators, the last one, and the one before it when another file has that name.
    const parts = (f: string) => f.split(/[\\/]+/).filter((p) => p !== '');
    const pieces = ['', '/', '\\', '//', 'a', '财政局', '附件2.xlsx', 'x.y', ' '];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % pieces.length;
    const files = Array.from({ length: 3000 }, () => Array.from({ length: 1 + (next() % 6) }, () => pieces[next()]).join(''));
    const short = shortPaths(files);
    const names = new Map<string, Set<string>>();
    for (const f of files) names.set(parts(f).pop() ?? f, (names.get(parts(f).pop() ?? f) ?? new Set()).add(f));
    for (const f of files) {
      const p = parts(f);
      const name = p[p.length - 1] ?? f;
      expect(short(f)).toBe(names.get(name)!.size > 1 && p.length > 1 ? `${p[p.length - 2]}/${name}` : name);
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
            expect([cell.address, other.numFmt, other.alignment]).toEqual([cell.address, cell.numFmt, cell.alignment]);
          });
          expect([r, wb.getRow(r).height]).toEqual([r, row.height]);
        });
      }
      const g2 = b.getWorksheet('汇总')!.getCell('G2');
      expect(g2.value).toBe(FORMULA_LIKE[4]);
      expect(g2.type).toBe(ExcelJS.ValueType.String);
    });

    test('text stays text: formula-like values, markup, spaces and line breaks come back as written; no <f> anywhere', async () => {
      const { unzipSync, strFromU8 } = await import('fflate');
      const tricky = ['=SUM(A1:A3)', '<b>&amp;</b> & "q"', '  lead and trail  ', 'two\nlines\r\nthree', '@x', '-1+2'];
      const summary = mergeSubmissions(
        tricky.map((t, i) => okOne(sub('application', `支部${i}`, `in/${i}.xlsx`, { secretaryName: t }))),
        { asOf: '2019-05-01' },
      );
      const bytes = await summaryBytesStreaming(summary);
      for (const [name, data] of Object.entries(unzipSync(bytes))) if (name.endsWith('.xml')) expect(strFromU8(data)).not.toContain('<f>');
      const ws = (await readBack(bytes)).getWorksheet('汇总')!;
      const written = tricky.map((_, i) => ws.getCell(`G${i + 2}`));
      expect(written.map((c) => c.type)).toEqual(tricky.map(() => ExcelJS.ValueType.String));
      expect(written.map((c) => c.value)).toEqual(tricky);
    });

    test('报送情况\'s 报送率 has the same data bar in both writers: the ECMA-376 rule from 0 to 1, no Excel 2010 extension and so no GUID', async () => {
      const { unzipSync, strFromU8 } = await import('fflate');
      const summary = sample(['中共乙局党支部', '中共丙局党支部']);
      const cf = async (bytes: Uint8Array) => {
        const files = unzipSync(bytes);
        const xml = Object.keys(files).filter((k) => k.startsWith('xl/worksheets/sheet')).map((k) => strFromU8(files[k])).join('');
        expect(xml).not.toMatch(/x14:|\{[0-9A-F]{8}-/);
        return xml.match(/<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g);
      };
      const a = await cf(await summaryBytes(summary));
      expect(a).toEqual(['<conditionalFormatting sqref="M2:M7"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="FF638EC6"/></dataBar></cfRule></conditionalFormatting>']);
      expect(await cf(await summaryBytesStreaming(summary))).toEqual(a);
      const status = (await readBack(await summaryBytes(summary))).getWorksheet('报送情况')!;
      expect(status.getCell('M1').value).toBe('报送率');
    });

    test('the same summary gives the same bytes', async () => {
      const a = await summaryBytesStreaming(sample(['x党支部']));
      const b = await summaryBytesStreaming(sample(['x党支部']));
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
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
