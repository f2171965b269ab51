import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { mergeCommand, reportChunks } from '../../src/cli/merge';
import { mergeSubmissions } from '../../src/merge';
import { buildReport } from '../../src/model/report';
import { bad, months, okOne, sub } from './helpers';
import { bufferIo } from '../../src/cli/io';
import { outputThatIsInput } from '../../src/cli/files';
import { filledBytes } from './files';
import { readWorkbook } from '../../src/workbook/xlsx/read';
import { spawnSync } from 'child_process';
import { strFromU8, unzipSync } from 'fflate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'merge-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const demo = (branchName: string, date: string, extra: Record<string, string | number> = {}) =>
  filledBytes('demonstration', {
    branchName,
    date,
    memberCount: 12,
    committeeCount: 5,
    secretaryName: '张三',
    contact: '13800000000',
    basicWork: '基础工作',
    highlights: '特色亮点',
    partyCommitteeOpinion: '同意',
    partyCommitteeOpinionDate: date,
    ...extra,
  });

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A folder as a committee receives it: good files, resubmissions, junk. */
async function inbox(): Promise<string> {
  const inDir = join(dir, '收件箱');
  mkdirSync(join(inDir, '四月', '补报'), { recursive: true });
  writeFileSync(join(inDir, '财政局一支部.xlsx'), await demo('中共永州市财政局第一党支部', '2019-04-03'));
  writeFileSync(join(inDir, '四月', '税务局.xlsx'), await demo('中国共产党永州市税务局党支部', '2019-04-10', { secretaryName: '=HYPERLINK("x")' }));
  writeFileSync(join(inDir, '四月', '补报', '财政局一支部（修改）.xlsx'), await demo('中共永州市财政局 第一支部', '2019-04-20', { memberCount: 13 }));
  writeFileSync(
    join(inDir, '四月', '进度.xlsx'),
    await filledBytes('progress', { branchName: '中共永州市财政局第一党支部' }, [
      { goal: '学习', owner: '书记', status: '已完成' },
      { goal: '党日', owner: '书记', status: '未完成' },
    ]),
  );
  writeFileSync(join(inDir, '说明.txt'), '这不是表格');
  writeFileSync(join(inDir, '损坏.xlsx'), Buffer.from('PK\u0003\u0004broken'));
  writeFileSync(join(inDir, '~$财政局一支部.xlsx'), Buffer.from('lock'));
  writeFileSync(join(inDir, '空.xlsx'), Buffer.alloc(0));
  return inDir;
}

describe('wuhua merge', () => {
  test('a folder with bad files still yields a summary of all good ones; every file is accounted for', async () => {
    const inDir = await inbox();
    const out = join(dir, '汇总.xlsx');
    const json = join(dir, 'report.json');
    const io = bufferIo();
    const code = await mergeCommand([inDir, '-o', out, '--json', json, '--as-of', '2019-05-01'], io);
    expect(code).toBe(0);
    const wb = await readBack(out);
    const rows = wb.getWorksheet('汇总')!;
    // form number, then branch key (code-unit order: 税 U+7A0E before 财 U+8D22)
    expect([2, 3, 4].map((r) => rows.getCell(`B${r}`).value)).toEqual(['中国共产党永州市税务局党支部', '中共永州市财政局 第一支部', '中共永州市财政局第一党支部']);
    expect(rows.getCell('E3').value).toBe(13); // the resubmission with the later 申报时间
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const files = [...report.submissions.map((s: { file: string }) => s.file), ...report.rejected.map((r: { file: string }) => r.file)];
    expect(files.sort()).toEqual(
      ['财政局一支部.xlsx', '四月/税务局.xlsx', '四月/补报/财政局一支部（修改）.xlsx', '四月/进度.xlsx', '说明.txt', '损坏.xlsx', '~$财政局一支部.xlsx', '空.xlsx']
        .map((f) => join(inDir, f))
        .sort(),
    );
    expect(report.rejected).toHaveLength(4);
    for (const r of report.rejected) expect(r.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(report.duplicates).toEqual([
      { branch: '中共永州市财政局 第一支部', form: 'demonstration', kept: join(inDir, '四月', '补报', '财政局一支部（修改）.xlsx'), superseded: [join(inDir, '财政局一支部.xlsx')] },
    ]);
    expect(report.submissions.find((s: { file: string }) => s.file.endsWith('/财政局一支部.xlsx')).latest).toBe(false);
    expect(report.missing).toEqual([]);
    // closing summary in Chinese on stdout, progress on stderr
    expect(io.out()).toContain('共读取 8 个文件：4 份报送（计入汇总 3 份，涉及 2 个党支部），未受理 4 个文件');
    expect(io.out()).toContain('损坏.xlsx');
    expect(io.err()).toContain('已处理 8/8 个文件');
    // the problem list names rejected and superseded files
    const problems = wb.getWorksheet('问题清单')!;
    const listed = (problems.getColumn(11).values as unknown[]).filter((v) => typeof v === 'string'); // the full path (on screen)
    expect(listed).toEqual(expect.arrayContaining([join(inDir, '损坏.xlsx'), join(inDir, '财政局一支部.xlsx')]));
    // no temporary file left next to the outputs
    expect(readdirSync(dir).sort()).toEqual(['report.json', '收件箱', '汇总.xlsx'].sort());
  });

  test('formula-looking text from a branch file is a string cell in the summary', async () => {
    const inDir = await inbox();
    const out = join(dir, 's.xlsx');
    expect(await mergeCommand([inDir, '-o', out, '--as-of', '2019-05-01'], bufferIo())).toBe(0);
    const cell = (await readBack(out)).getWorksheet('汇总')!.getCell('G2');
    expect(cell.value).toBe('=HYPERLINK("x")');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });

  test('same 申报时间: the file modified later wins', async () => {
    const a = join(dir, 'a.xlsx');
    const b = join(dir, 'b.xlsx');
    writeFileSync(a, await demo('中共甲局党支部', '2019-04-03', { memberCount: 10 }));
    writeFileSync(b, await demo('中共甲局党支部', '2019-04-03', { memberCount: 20 }));
    utimesSync(a, new Date('2019-04-05T10:00:00Z'), new Date('2019-04-05T10:00:00Z'));
    utimesSync(b, new Date('2019-04-04T10:00:00Z'), new Date('2019-04-04T10:00:00Z'));
    const json = join(dir, 'r.json');
    expect(await mergeCommand([b, a, '-o', join(dir, 'out.xlsx'), '--json', json, '--as-of', '2019-05-01'], bufferIo())).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.duplicates[0]).toMatchObject({ kept: a, superseded: [b] });
    expect(report.submissions.map((s: { file: string; latest: boolean }) => [s.file, s.latest])).toEqual([
      [a, true],
      [b, false],
    ]);
  });

  test('--roster: 未报送 sheet, missing in the report and the closing summary, not-on-roster warnings', async () => {
    const inDir = await inbox();
    const roster = join(dir, '名册.txt');
    writeFileSync(roster, '\ufeff1. 中共永州市财政局第一支部\r\n2. 中共永州市教育局党支部\r\n');
    const out = join(dir, 's.xlsx');
    const json = join(dir, 'r.json');
    const io = bufferIo();
    expect(await mergeCommand([inDir, '-o', out, '--json', json, '--roster', roster, '--as-of', '2019-05-01'], io)).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.missing).toEqual(['中共永州市教育局党支部']);
    const tax = report.submissions.find((s: { branch: string }) => s.branch === '中国共产党永州市税务局党支部');
    expect(tax.issues.map((i: { rule: string }) => i.rule)).toContain('not-on-roster');
    const missing = (await readBack(out)).getWorksheet('未报送')!;
    expect(missing.getCell('B2').value).toBe('中共永州市教育局党支部');
    expect(missing.getCell('C2').value).toBe('名册.txt 第2行');
    expect(io.out()).toContain('名册中未报送的党支部：1 个');
  });

  test('--print-pack writes one sheet per kept submission', async () => {
    const inDir = await inbox();
    const pack = join(dir, 'pack.xlsx');
    expect(await mergeCommand([inDir, '-o', join(dir, 's.xlsx'), '--print-pack', pack, '--as-of', '2019-05-01'], bufferIo())).toBe(0);
    expect((await readBack(pack)).worksheets.map((w) => w.name)).toEqual([
      '中国共产党永州市税务局党支部 附件1',
      '中共永州市财政局 第一支部 附件1',
      '中共永州市财政局第一党支部 附件3',
    ]);
  });

  test('input files are never modified', async () => {
    const inDir = await inbox();
    const before = readFileSync(join(inDir, '四月', '税务局.xlsx'));
    await mergeCommand([inDir, '-o', join(dir, 's.xlsx'), '--as-of', '2019-05-01'], bufferIo());
    expect(readFileSync(join(inDir, '四月', '税务局.xlsx')).equals(before)).toBe(true);
  });

  describe('a failed write leaves no output file (exit 1)', () => {
    test('-o into a folder that does not exist', async () => {
      const inDir = await inbox();
      const io = bufferIo();
      const out = join(dir, '没有这个文件夹', 's.xlsx');
      expect(await mergeCommand([inDir, '-o', out], io)).toBe(1);
      expect(existsSync(join(dir, '没有这个文件夹'))).toBe(false);
      expect(io.err()).toContain('无法写入');
    });

    test('-o naming an existing folder', async () => {
      const inDir = await inbox();
      mkdirSync(join(dir, 'x.xlsx'));
      expect(await mergeCommand([inDir, '-o', join(dir, 'x.xlsx')], bufferIo())).toBe(1);
      expect(readdirSync(join(dir, 'x.xlsx'))).toEqual([]);
    });

    test('--json not writable: neither the summary nor the report is written', async () => {
      const inDir = await inbox();
      const out = join(dir, 's.xlsx');
      expect(await mergeCommand([inDir, '-o', out, '--json', join(dir, 'nope', 'r.json')], bufferIo())).toBe(1);
      expect(existsSync(out)).toBe(false);
    });

    test('a folder that refuses files (/proc): nothing is left behind', async () => {
      const inDir = await inbox();
      const out = '/proc/wuhua-merge-summary.xlsx';
      expect(await mergeCommand([inDir, '-o', out, '--as-of', '2019-05-01'], bufferIo())).toBe(1);
      expect(readdirSync('/proc').filter((f) => f.includes('wuhua'))).toEqual([]);
    });
  });

  describe('usage errors exit 2', () => {
    test.each([
      ['no -o', (d: string) => [d]],
      ['no input', () => ['-o', 'x.xlsx']],
      ['bad --as-of', (d: string) => [d, '-o', join(d, '..', 'x.xlsx'), '--as-of', '2019-02-30']],
      ['-o not .xlsx', (d: string) => [d, '-o', join(d, '..', 'x.csv')]],
      ['unknown option', (d: string) => [d, '-o', join(d, '..', 'x.xlsx'), '--fast']],
      ['roster missing', (d: string) => [d, '-o', join(d, '..', 'x.xlsx'), '--roster', join(d, 'none.txt')]],
    ])('%s', async (_why, argv) => {
      const inDir = join(dir, 'in');
      mkdirSync(inDir);
      writeFileSync(join(inDir, 'a.xlsx'), await demo('中共甲局党支部', '2019-04-03'));
      const io = bufferIo();
      expect(await mergeCommand(argv(inDir), io)).toBe(2);
      expect(io.err()).toContain('用法');
      expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    });

    test('-o naming one of the inputs would overwrite it: refused', async () => {
      const a = join(dir, 'a.xlsx');
      writeFileSync(a, await demo('中共甲局党支部', '2019-04-03'));
      const before = readFileSync(a);
      expect(await mergeCommand([dir, '-o', a], bufferIo())).toBe(2);
      expect(readFileSync(a).equals(before)).toBe(true);
    });
  });

  describe('an output never replaces an input, however it is named (exit 2, the input unchanged)', () => {
    async function oneInput(): Promise<{ inDir: string; a: string; before: Buffer }> {
      const inDir = join(dir, 'in');
      mkdirSync(inDir);
      const a = join(inDir, 'a.xlsx');
      writeFileSync(a, await demo('中共甲局党支部', '2019-04-03'));
      return { inDir, a, before: readFileSync(a) };
    }

    async function rosterXlsx(file: string): Promise<void> {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('名册').getCell('A1').value = '中共甲局党支部';
      writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    }

    test.each([
      ['-o', 'roster.xlsx'],
      ['--print-pack', 'roster.xlsx'],
      ['--json', 'roster.txt'],
    ])('%s naming the --roster file (%s): the roster counts as an input', async (opt, name) => {
      const { inDir } = await oneInput();
      const roster = join(dir, name);
      if (name.endsWith('.xlsx')) await rosterXlsx(roster);
      else writeFileSync(roster, '中共甲局党支部\n');
      const before = readFileSync(roster);
      const argv = opt === '-o' ? [inDir, '-o', roster] : [inDir, '-o', join(dir, 's.xlsx'), opt, roster];
      const io = bufferIo();
      expect(await mergeCommand([...argv, '--roster', roster, '--as-of', '2019-05-01'], io)).toBe(2);
      expect(io.err()).toContain('是一个输入文件');
      expect(readFileSync(roster).equals(before)).toBe(true);
      expect(existsSync(join(dir, 's.xlsx'))).toBe(false);
    });

    test('the output named first is the one reported, whatever the order of the inputs it would replace', () => {
      const x = join(dir, 'x.xlsx');
      const y = join(dir, 'y.json');
      const inputs = [y, x].map((file) => ({ file, ok: true as const }));
      expect(outputThatIsInput([x, y], inputs)).toBe(x);
      expect(outputThatIsInput([y, x], inputs)).toBe(y);
      expect(outputThatIsInput([join(dir, 'z.xlsx'), y], inputs.slice(1))).toBeNull();
      expect(outputThatIsInput([join(dir, 'z.xlsx'), y], inputs.slice(1), [y])).toBe(y); // the roster counts as an input
    });

    test('-o through a symlinked folder onto an input: refused (paths differ, the file is the same)', async () => {
      const { inDir, a, before } = await oneInput();
      symlinkSync(inDir, join(dir, 'lnk'));
      const io = bufferIo();
      expect(await mergeCommand([inDir, '-o', join(dir, 'lnk', 'a.xlsx'), '--as-of', '2019-05-01'], io)).toBe(2);
      expect(io.err()).toContain('是一个输入文件');
      expect(readFileSync(a).equals(before)).toBe(true);
    });

    test('inputs read through a symlinked folder, -o onto the real file: refused', async () => {
      const { inDir, a, before } = await oneInput();
      symlinkSync(inDir, join(dir, 'lnk'));
      expect(await mergeCommand([join(dir, 'lnk'), '-o', a, '--as-of', '2019-05-01'], bufferIo())).toBe(2);
      expect(await mergeCommand([join(dir, 'lnk', 'a.xlsx'), '-o', a, '--as-of', '2019-05-01'], bufferIo())).toBe(2);
      expect(readFileSync(a).equals(before)).toBe(true);
    });

    test('--json through a symlinked folder onto the roster: refused', async () => {
      const { inDir } = await oneInput();
      const roster = join(inDir, '..', 'r.txt');
      writeFileSync(roster, '中共甲局党支部\n');
      symlinkSync(dir, join(inDir, 'up'));
      const io = bufferIo();
      expect(await mergeCommand([join(inDir, 'a.xlsx'), '-o', join(dir, 's.xlsx'), '--json', join(inDir, 'up', 'r.txt'), '--roster', roster], io)).toBe(2);
      expect(readFileSync(roster, 'utf8')).toBe('中共甲局党支部\n');
    });

    test('two outputs that are one file through a symlinked folder: refused before anything is written', async () => {
      const { inDir } = await oneInput();
      mkdirSync(join(dir, 'out'));
      symlinkSync(join(dir, 'out'), join(dir, 'lnk'));
      const io = bufferIo();
      expect(await mergeCommand([inDir, '-o', join(dir, 'out', 's.xlsx'), '--print-pack', join(dir, 'lnk', 's.xlsx')], io)).toBe(2);
      expect(io.err()).toContain('被指定为两种输出');
      expect(readdirSync(join(dir, 'out'))).toEqual([]);
    });

    test('an output next to the inputs, through the link, under a new name: allowed', async () => {
      const { inDir, a, before } = await oneInput();
      symlinkSync(inDir, join(dir, 'lnk'));
      expect(await mergeCommand([inDir, '-o', join(dir, 'lnk', '汇总.xlsx'), '--as-of', '2019-05-01'], bufferIo())).toBe(0);
      expect(existsSync(join(inDir, '汇总.xlsx'))).toBe(true);
      expect(readFileSync(a).equals(before)).toBe(true);
    });
  });

  describe('reasons name what is missing', () => {
    test('a missing roster FILE: 文件不存在, not 文件夹不存在', async () => {
      const io = bufferIo();
      mkdirSync(join(dir, 'in'));
      writeFileSync(join(dir, 'in', 'a.xlsx'), await demo('中共甲局党支部', '2019-04-03'));
      expect(await mergeCommand([join(dir, 'in'), '-o', join(dir, 's.xlsx'), '--roster', join(dir, '名册.txt')], io)).toBe(2);
      expect(io.err()).toContain('文件不存在（ENOENT）');
      expect(io.err()).not.toContain('文件夹不存在');
    });

    test('a folder that exists but refuses new files (/proc): 不能新建文件, not 文件夹不存在', async () => {
      const inDir = await inbox();
      const io = bufferIo();
      expect(await mergeCommand([inDir, '-o', '/proc/wuhua-s.xlsx', '--as-of', '2019-05-01'], io)).toBe(1);
      expect(io.err()).toContain('该文件夹中不能新建文件（ENOENT）');
      expect(io.err()).not.toContain('文件夹不存在');
    });

    test('-o into a folder that does not exist: 要写入的文件夹不存在', async () => {
      const inDir = await inbox();
      const io = bufferIo();
      expect(await mergeCommand([inDir, '-o', join(dir, 'nope', 's.xlsx')], io)).toBe(1);
      expect(io.err()).toContain('要写入的文件夹不存在（ENOENT）');
    });
  });

  test('the same inputs merged twice, an hour apart: summary and print pack byte-for-byte identical, and they still open', async () => {
    const inDir = await inbox();
    const run = async (now: string, tag: string) => {
      jest.useFakeTimers({ now: new Date(now), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask'] });
      try {
        const out = join(dir, `s-${tag}.xlsx`);
        const pack = join(dir, `p-${tag}.xlsx`);
        expect(await mergeCommand([inDir, '-o', out, '--print-pack', pack, '--as-of', '2019-05-01'], bufferIo())).toBe(0);
        return { out: readFileSync(out), pack: readFileSync(pack) };
      } finally {
        jest.useRealTimers();
      }
    };
    const a = await run('2024-03-01T08:00:00Z', 'a');
    const b = await run('2024-03-01T09:00:01Z', 'b');
    expect(a.out.equals(b.out)).toBe(true);
    expect(a.pack.equals(b.pack)).toBe(true);
    for (const bytes of [a.out, a.pack]) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      expect(wb.worksheets.length).toBeGreaterThan(0);
      expect(readWorkbook(new Uint8Array(bytes), 'x.xlsx').ok).toBe(true);
    }
    expect((await readBack(join(dir, 's-a.xlsx'))).getWorksheet('汇总')!.getCell('B2').value).toBe('中国共产党永州市税务局党支部');
  });

  test('bin/wuhua (Node\'s zlib) writes the summary the in-process merge (fflate, as the page) writes: other bytes, the same parts', async () => {
    const inDir = await inbox();
    const here = join(dir, 'here.xlsx');
    const there = join(dir, 'there.xlsx');
    expect(await mergeCommand([inDir, '-o', here, '--as-of', '2019-05-01'], bufferIo())).toBe(0);
    const r = spawnSync(process.execPath, [join(__dirname, '..', '..', 'bin', 'wuhua'), 'merge', inDir, '-o', there, '--as-of', '2019-05-01'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const a = readFileSync(here);
    const b = readFileSync(there);
    expect(a.equals(b)).toBe(false);
    const parts = (bytes: Buffer) => Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, data]) => [name, strFromU8(data)]);
    expect(parts(b)).toEqual(parts(a));
    expect(readWorkbook(new Uint8Array(b), 'there.xlsx').ok).toBe(true);
    expect((await readBack(there)).getWorksheet('汇总')!.getCell('B2').value).toBe('中国共产党永州市税务局党支部');
  });

  test('a form without a branch name is not counted as a branch in the closing summary, but named beside it', async () => {
    const inDir = join(dir, 'in');
    mkdirSync(inDir);
    writeFileSync(join(inDir, 'a.xlsx'), await demo('中共甲局党支部', '2019-04-03'));
    writeFileSync(join(inDir, 'b.xlsx'), await demo('', '2019-04-04'));
    writeFileSync(join(inDir, 'c.xlsx'), await demo('', '2019-04-05'));
    const io = bufferIo();
    expect(await mergeCommand([inDir, '-o', join(dir, 's.xlsx'), '--as-of', '2019-05-01'], io)).toBe(0);
    expect(io.out()).toContain('计入汇总 3 份，涉及 1 个党支部，另有 2 份未填党支部名称）');
  });

  describe('the JSON report is written in pieces', () => {
    test.each([
      ['with submissions', true],
      ['with none', false],
    ])('%s: the same text as JSON.stringify(report, null, 2)', (_why, some) => {
      const results = some
        ? [
            okOne(sub('application', '中共甲局党支部', 'a.xlsx', { date: '2019-04-01', plan: '一\n二' })),
            okOne(sub('application', '中共甲局支部', 'b.xlsx', { date: '2019-04-02' })),
            okOne(sub('progress', '中共乙局党支部', 'p.xlsx', {}, { months: months(['已完成']) })),
            bad('x.txt'),
          ]
        : [bad('x.txt')];
      const s = mergeSubmissions(results, { asOf: '2019-05-01', roster: ['中共丙局党支部'] });
      const whole = JSON.stringify(buildReport({ submissions: s.submissions, rejected: s.rejected, duplicates: s.duplicates, missing: s.missing }), null, 2) + '\n';
      expect([...reportChunks(s)].join('')).toBe(whole);
    });
  });
});
