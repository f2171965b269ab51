import ExcelJS from 'exceljs';
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { strFromU8, unzipSync } from 'fflate';
import { tmpdir } from 'os';
import { join } from 'path';
import { mergeSubmissions } from '../../src/merge';
import { printPack, printPackBytes, rosterParents, sheetName } from '../../src/workbook/xlsx/printPack';
import { months, okOne, sub } from './helpers';
import { convert, pdfPages, pdfWords } from '../fixtures/libreoffice';

describe('print pack sheet names (Excel rules)', () => {
  test('forbidden characters replaced, at most 31 characters, the suffix kept whole', () => {
    const taken = new Set<string>();
    const name = sheetName('中共[永州]市:财政*局?机关/第一\\党支部委员会很长很长很长很长很长', ' 附件1', taken);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
    expect([...name].length).toBeLessThanOrEqual(31);
    expect(name.endsWith(' 附件1')).toBe(true);
  });

  test('unique ignoring case; a repeated name gets (2), (3)', () => {
    const taken = new Set<string>();
    expect(sheetName('AB支部', ' 附件1', taken)).toBe('AB支部 附件1');
    expect(sheetName('ab支部', ' 附件1', taken)).toBe('ab支部 附件1(2)');
    expect(sheetName('AB支部', ' 附件1', taken)).toBe('AB支部 附件1(3)');
  });

  test('leading/trailing apostrophes and an empty name are made valid', () => {
    const taken = new Set<string>();
    expect(sheetName("'x'", '', taken)).toBe('x');
    expect(sheetName('', '', taken)).toBe('Sheet1');
    expect(sheetName('History', '', new Set())).toBe('Sheet1');
  });
});

describe('print pack sheet names: apostrophes and long names', () => {
  const LONG1 = '中共永州市人民政府办公室机关综合科室与后勤服务中心联合第一党支部';
  const LONG2 = '中共永州市人民政府办公室机关综合科室与后勤服务中心联合第二党支部';

  test('no apostrophe is left (exceljs writes the print area as \'name\'! without doubling one): inner ones become ’', () => {
    const name = sheetName("'中共永州市'水利局党支部'", ' 附件2', new Set());
    expect(name).toBe('中共永州市’水利局党支部 附件2');
    expect(sheetName("a''b", '', new Set())).toBe('a’’b');
  });

  test('two long names that differ only at the end stay apart: cut from the middle, start and end kept with …', () => {
    const taken = new Set<string>();
    const a = sheetName(LONG1, ' 附件2', taken);
    const b = sheetName(LONG2, ' 附件2', taken);
    expect(a).not.toBe(b);
    for (const [name, long] of [[a, LONG1], [b, LONG2]]) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name.endsWith(' 附件2')).toBe(true);
      expect(name).toContain('…');
      const [head, tail] = name.slice(0, -' 附件2'.length).split('…');
      expect(long.startsWith(head)).toBe(true);
      expect(long.endsWith(tail)).toBe(true);
      expect(head.length).toBeGreaterThanOrEqual(10);
    }
    expect(a).toContain('第一党支部');
    expect(b).toContain('第二党支部');
  });

  test('a name that fits is not cut; one unit over is; the (n) suffix still fits in 31', () => {
    const taken = new Set<string>();
    const fits = '甲'.repeat(27);
    expect(sheetName(fits, ' 附件1', taken)).toBe(`${fits} 附件1`);
    const over = sheetName('乙'.repeat(28), ' 附件1', taken);
    expect(over.length).toBe(31);
    expect(over).toContain('…');
    const again = sheetName('乙'.repeat(28), ' 附件1', taken);
    expect(again.endsWith(' 附件1(2)')).toBe(true);
    expect(again.length).toBeLessThanOrEqual(31);
  });

  test('31 counts UTF-16 units (what Excel and exceljs count); a character outside the BMP is never split', () => {
    const name = sheetName('𠀀'.repeat(20), ' 附件1', new Set());
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  test('every print area of the pack is a well-formed quoted sheet reference, and LibreOffice keeps it', async () => {
    const s = mergeSubmissions(
      [okOne(sub('application', "'中共永州市'水利局党支部'", 'h.xlsx', { date: '2019-04-03', memberCount: 8, committeeCount: 3, plan: '很长的计划。'.repeat(300) }))],
      { asOf: '2019-05-01' },
    );
    const { bytes } = await printPackBytes(s);
    const workbookXml = strFromU8(unzipSync(bytes)['xl/workbook.xml']).replace(/&apos;/g, "'");
    const areas = [...workbookXml.matchAll(/<definedName name="_xlnm\.Print_Area"[^>]*>([^<]*)<\/definedName>/g)].map((m) => m[1]);
    expect(areas).toHaveLength(1);
    expect(areas[0]).toMatch(/^'(?:[^']|'')+'!\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+$/);
    const dir = mkdtempSync(join(tmpdir(), 'pack-apos-'));
    try {
      const file = join(dir, 'pack.xlsx');
      writeFileSync(file, bytes);
      const [resaved] = convert([file], 'xlsx', join(dir, 'lo'));
      const saved = strFromU8(unzipSync(new Uint8Array(readFileSync(resaved)))['xl/workbook.xml']);
      // LibreOffice writes back a print area it understood as a reference ($A1:$F11); one it
      // could not parse stays as text, lower-cased ($a1:$f11), and is not applied.
      expect(saved).toMatch(/name="_xlnm\.Print_Area"[^>]*>&apos;[^<]*水利局党支部 附件2&apos;!\$A\$?1:\$F\$?11<\/definedName>/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function sample() {
  const long = '开展“三会一课”，落实主题党日。'.repeat(30);
  return mergeSubmissions(
    [
      okOne(
        sub('demonstration', '中共永州市财政局机关第一党支部', 'd.xlsx', {
          date: '2019-04-03',
          memberCount: 12,
          committeeCount: 5,
          secretaryName: '=张三',
          contact: '13800000000',
          basicWork: long,
          highlights: long,
          partyCommitteeOpinion: '同意推荐',
        }),
      ),
      okOne(sub('application', '中共永州市财政局机关第一党支部', 'a.xlsx', { date: '2019-04-10', memberCount: 12, committeeCount: 5, plan: long })),
      okOne(sub('application', '中共永州市[税务]局党支部', 't.xlsx', { date: '2019-04-12', memberCount: 30, committeeCount: 5, plan: '@计划' })),
      okOne(sub('application', '中共永州市[税务]局党支部', 't0.xlsx', { date: '2019-04-01', memberCount: 30, committeeCount: 5, plan: '旧计划' })),
      okOne(sub('progress', '中共永州市财政局机关第一党支部', 'p.xlsx', {}, { months: months(['已完成', '=未完成']) })),
    ],
    { asOf: '2019-05-01' },
  );
}

describe('print pack', () => {
  test('one sheet per kept submission, named after the branch, values written as text', async () => {
    const wb = printPack(sample()).workbook;
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '中共永州市 税务 局党支部 附件2', // branch key order: "[" sorts before "财"
      '中共永州市财政局机关第一党支部 附件1', // a branch's forms together, 附件1 to 附件3
      '中共永州市财政局机关第一党支部 附件2',
      '中共永州市财政局机关第一党支部 附件3',
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const d = back.worksheets[1];
    const secretary = d.getCell('F5');
    expect(secretary.value).toBe('=张三');
    expect(secretary.type).toBe(ExcelJS.ValueType.String);
    expect(back.worksheets[3].getCell('E6').value).toBe('=未完成');
    expect(back.worksheets[3].getCell('E6').type).toBe(ExcelJS.ValueType.String);
    // the superseded plan is not in the pack
    expect(back.worksheets[0].getCell('B5').value).toBe('@计划');
  });

  test('grouped by 上级党组织 when given (roster order; spelling variants match; branches without one after them)', () => {
    const s = mergeSubmissions(
      [
        okOne(sub('application', '中共甲局党支部', 'a.xlsx', { date: '2019-04-03' })),
        okOne(sub('progress', '中共甲局党支部', 'a3.xlsx', {}, { months: months([]) })),
        okOne(sub('application', '中共乙局党支部', 'b.xlsx', { date: '2019-04-03' })),
        okOne(sub('application', '中共丙局党支部', 'c.xlsx', { date: '2019-04-03' })),
        okOne(sub('demonstration', '中共丙局党支部', 'c1.xlsx', { date: '2019-04-03' })),
      ],
      { asOf: '2019-05-01' },
    );
    const parents = new Map([
      ['中国共产党 丙局支部委员会', '丙局机关党委'],
      ['中共乙局党支部', '工委直辖'],
    ]);
    expect(printPack(s, { parents }).workbook.worksheets.map((w) => w.name)).toEqual([
      '中共丙局党支部 附件1',
      '中共丙局党支部 附件2',
      '中共乙局党支部 附件2',
      '中共甲局党支部 附件2',
      '中共甲局党支部 附件3',
    ]);
  });

  test('without a parents map, the merge\'s roster groups the pack by 上级党组织 (what merge --print-pack, the page and the review\'s 报送包 get)', async () => {
    const s = mergeSubmissions(
      [
        okOne(sub('application', '中共甲局党支部', 'a.xlsx', { date: '2019-04-03' })),
        okOne(sub('application', '中共乙局党支部', 'b.xlsx', { date: '2019-04-03' })),
        okOne(sub('application', '中共丙局党支部', 'c.xlsx', { date: '2019-04-03' })),
      ],
      { asOf: '2019-05-01', roster: [{ name: '中共丙局党支部', parent: '丙局机关党委' }, { name: '中共甲局党支部', parent: '工委直辖' }, { name: '中共乙局党支部', parent: '丙局机关党委' }] },
    );
    expect(rosterParents(s.obligations)).toEqual(new Map([['中共丙局党支部', '丙局机关党委'], ['中共乙局党支部', '丙局机关党委'], ['中共甲局党支部', '工委直辖']]));
    expect(printPack(s).workbook.worksheets.map((w) => w.name)).toEqual(['中共丙局党支部 附件2', '中共乙局党支部 附件2', '中共甲局党支部 附件2']);
    // A plain list names no 上级党组织: the summary's order.
    const plain = mergeSubmissions(s.rows.map((r) => okOne(r.submission)), { asOf: '2019-05-01', roster: ['中共丙局党支部'] });
    expect(rosterParents(plain.obligations)).toBeUndefined();
  });

  test('a plan three times longer than its box prints whole on one page (its last words are in the PDF)', async () => {
    const long = `${'坚持学习制度，落实三会一课，'.repeat(120)}计划到此结束`;
    const s = mergeSubmissions([okOne(sub('application', '中共某局机关党支部', 'a.xlsx', { date: '2019-04-03', memberCount: 8, committeeCount: 3, plan: long }))], { asOf: '2019-05-01' });
    const pack = printPack(s);
    expect(pack.overflow).toEqual([]);
    const dir = mkdtempSync(join(tmpdir(), 'pack-long-'));
    try {
      const file = join(dir, 'pack.xlsx');
      writeFileSync(file, new Uint8Array((await pack.workbook.xlsx.writeBuffer()) as ArrayBuffer));
      const { pdf, pages } = pdfPages(file);
      expect(pages).toBe(1);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s/g, '');
      expect(text).toContain('计划到此结束');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the page as a whole, measured in the PDF: no word below 7 pt after page scaling, one page a form, what cannot fit is named', async () => {
    const longMonths = months(Array.from({ length: 12 }, () => '已完成。'.repeat(50))).map((m, i) => ({ ...m, goal: `第${i + 1}月目标：${'落实三会一课，'.repeat(12)}` }));
    const basicWork = `${'开展学习。'.repeat(239)}情况到此结束`;
    const s = mergeSubmissions(
      [
        okOne(sub('progress', '中共某局机关党支部', 'p.xlsx', {}, { months: longMonths })),
        okOne(sub('demonstration', '中共某局机关党支部', 'd.xlsx', { date: '2019-04-03', memberCount: 8, committeeCount: 3, basicWork })),
      ],
      { asOf: '2019-05-01' },
    );
    const { bytes, overflow } = await printPackBytes(s);
    expect(overflow.every((o) => o.form === 'progress' && o.field.startsWith('months.'))).toBe(true);
    expect(overflow.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'pack-page-'));
    try {
      const file = join(dir, 'pack.xlsx');
      writeFileSync(file, bytes);
      const [pdf] = convert([file], 'pdf', join(dir, 'out'));
      const { words, pages } = pdfWords(pdf);
      expect(pages.length).toBe(2);
      const smallest = Math.min(...words.map((w) => w.size));
      expect([smallest, smallest >= 6.9]).toEqual([smallest, true]);
      // 附件1's 1,200 characters print whole (the empty 特色亮点做法 gave up room, then a smaller font).
      expect(words.filter((w) => w.page === 1).map((w) => w.text).join('')).toContain('情况到此结束');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a value too long to print is named in overflow with its branch and sheet', () => {
    const s = mergeSubmissions([okOne(sub('application', '中共某局机关党支部', 'a.xlsx', { date: '2019-04-03', plan: '字'.repeat(20000) }))], { asOf: '2019-05-01' });
    expect(printPack(s).overflow).toEqual([{ branch: '中共某局机关党支部', form: 'application', sheet: '中共某局机关党支部 附件2', field: 'plan' }]);
  });

  test('an empty merge gives a one-sheet workbook saying so', () => {
    const wb = printPack(mergeSubmissions([], { asOf: '2019-05-01' })).workbook;
    expect(wb.worksheets).toHaveLength(1);
  });

  test('LibreOffice prints each sheet on exactly one A4 page (pages = sheets)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-'));
    try {
      const wb = printPack(sample()).workbook;
      const file = join(dir, 'pack.xlsx');
      writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
      const { pages, sizes } = pdfPages(file);
      expect(pages).toBe(wb.worksheets.length);
      for (const s of sizes) expect([Math.round(s.width), Math.round(s.height)].sort()).toEqual([595, 842]);
      for (const s of sizes) expect(s.width).toBeLessThan(s.height); // all portrait, 附件3 too
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
