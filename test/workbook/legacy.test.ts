/**
 * Legacy formats: the same forms, written by LibreOffice as .xls (BIFF8) and .ods, read
 * exactly like their .xlsx originals — fields, months, raw cells (date cells included),
 * merges, defined names, hidden sheets — and a damaged or encrypted .xls is refused with
 * a Chinese reason.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as XLSX from '@e965/xlsx';
import { extractForms } from '../../src/model/extract';
import type { IntakeResult, WorkbookGrid } from '../../src/model/types';
import { readCfb } from '../../src/workbook/xlsx/cfb';
import { intakeBytes, readAnyWorkbook } from '../../src/workbook/xlsx/intake';
import { readLegacy } from '../../src/workbook/xlsx/legacy';
import { readWorkbook } from '../../src/workbook/xlsx/read';
import { HANDMADE_VARIANTS, handmadeWorkbook } from '../fixtures/handmade';
import { convert } from '../fixtures/libreoffice';
import { filledBytes } from '../merge/files';

const OPTS = { asOf: '2019-05-10', stage: 'committee' as const };
let dir: string;
/** name → { xlsx, xls, ods } paths. */
const files = new Map<string, Record<'xlsx' | 'xls' | 'ods', string>>();

async function originals(): Promise<[string, Uint8Array][]> {
  const out: [string, Uint8Array][] = [];
  out.push([
    'tpl-demonstration',
    await filledBytes('demonstration', {
      branchName: '中共永州市住房和城乡建设局机关第一支部委员会',
      date: '2019-04-20',
      memberCount: 23,
      committeeCount: 5,
      secretaryName: '李明',
      contact: '0746-8223344',
      basicWork: '一、组织建设：支部按期换届。\n二、制度建设：“三会一课”记录齐全。',
      highlights: '党建+业务 “双融合”',
      partyCommitteeOpinion: '同意推荐。',
      partyCommitteeOpinionDate: '2019-04-25',
    }),
  ]);
  out.push(['tpl-application', await filledBytes('application', { branchName: '市财政局机关第二党支部', date: '2019-04-18', memberCount: 12, committeeCount: 3, plan: '按“五化”标准逐项落实。\n=1+1 不是公式' })]);
  out.push([
    'tpl-progress',
    await filledBytes('progress', { branchName: '市教育局机关党支部' }, [
      { goal: '制定全年计划', owner: '组织委员', status: '已完成' },
      { goal: '开展学习', problem: '参与率低', owner: '宣传委员', status: '进行中' },
    ]),
  ]);
  for (const v of HANDMADE_VARIANTS) {
    const wb = await handmadeWorkbook(v);
    out.push([v, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)]);
  }
  // A form on a hidden sheet beside a visible one.
  const hidden = await handmadeWorkbook('two-sheets');
  hidden.worksheets[1].state = 'hidden';
  out.push(['hidden-sheet', new Uint8Array((await hidden.xlsx.writeBuffer()) as ArrayBuffer)]);
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-legacy-'));
  const src = join(dir, 'xlsx');
  mkdirSync(src);
  const made = await originals();
  for (const [name, bytes] of made) writeFileSync(join(src, `${name}.xlsx`), bytes);
  const paths = made.map(([name]) => join(src, `${name}.xlsx`));
  const xls = convert(paths, 'xls', join(dir, 'xls'));
  const ods = convert(paths, 'ods', join(dir, 'ods'));
  made.forEach(([name], i) => files.set(name, { xlsx: paths[i], xls: xls[i], ods: ods[i] }));
}, 300000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytesOf = (p: string) => new Uint8Array(readFileSync(p));

async function grid(p: string): Promise<WorkbookGrid> {
  const r = await readAnyWorkbook(bytesOf(p), p);
  if (!r.ok) throw new Error(`${p}: ${r.reason}`);
  return r.grid;
}

/** What a check reports, without the file name: forms, normalised fields, months, issues. */
function reported(r: IntakeResult) {
  if (!r.ok) return { rejected: r.reason };
  return r.submissions.map((s) => ({ form: s.form, via: s.via, sheet: s.sheet, fields: s.fields, cells: s.cells, months: s.months, issues: s.issues.map((i) => `${i.rule}@${i.cell}`) }));
}

const NAMES = () => ['tpl-demonstration', 'tpl-application', 'tpl-progress', ...HANDMADE_VARIANTS, 'hidden-sheet'];

describe.each(['xls', 'ods'] as const)('%s written by LibreOffice reads like the .xlsx original', (fmt) => {
  test.each(NAMES())('%s: the same forms, fields, months and issues', async (name) => {
    const f = files.get(name)!;
    const original = reported(await intakeBytes(bytesOf(f.xlsx), f.xlsx, OPTS));
    const legacy = reported(await intakeBytes(bytesOf(f[fmt]), f[fmt], OPTS));
    expect(legacy).toEqual(original);
  });

  test.each(NAMES())('%s: the same raw values (date cells as dates), merges and defined names', async (name) => {
    const f = files.get(name)!;
    const [a, b] = [await grid(f.xlsx), await grid(f[fmt])];
    expect(extractForms(b)).toEqual(extractForms(a));
    expect(b.sheets.map((s) => [s.name, [...s.merges].sort()])).toEqual(a.sheets.map((s) => [s.name, [...s.merges].sort()]));
    // Only the second sheet of 'hidden-sheet' is hidden (the .xlsx reader marks hidden sheets once the hidden-sheet rule lands).
    expect(b.sheets.map((s) => s.hidden ?? false)).toEqual(a.sheets.map((_s, i) => name === 'hidden-sheet' && i === 1));
    const names = (g: WorkbookGrid) => g.names.filter((n) => !n.name.startsWith('_xlnm.')).map((n) => `${n.scope ?? ''}|${n.name}|${n.ref}`).sort();
    expect(names(b)).toEqual(names(a));
  });
});

test('the fixtures are what they claim: real BIFF8 in a compound file, real ODF; date cells and merged cells present', async () => {
  const f = files.get('tpl-demonstration')!;
  const cfb = readCfb(bytesOf(f.xls));
  expect(cfb.ok && cfb.value.entries.map((e) => e.name)).toContain('Workbook');
  expect(readWorkbook(bytesOf(f.xls), f.xls)).toMatchObject({ ok: false, legacy: 'xls' });
  expect(readWorkbook(bytesOf(f.ods), f.ods)).toMatchObject({ ok: false, legacy: 'ods' });
  const g = await grid(files.get('demo-inline')!.xls);
  expect(g.sheets[0].merges.length).toBeGreaterThan(0);
  const t = await grid(f.xls);
  expect([...t.sheets[0].cells.values()].some((c) => c.date === true)).toBe(true);
  const hidden = await grid(files.get('hidden-sheet')!.xls);
  expect(hidden.sheets.map((s) => s.hidden ?? false)).toEqual([false, true]);
});

describe('an .et / .xls that is really something else is read as what it is', () => {
  test('an .xlsx renamed to .et (or .xls) is read as .xlsx', async () => {
    const f = files.get('tpl-application')!;
    for (const ext of ['et', 'xls']) {
      const p = join(dir, `renamed.${ext}`);
      copyFileSync(f.xlsx, p);
      expect(reported(await intakeBytes(bytesOf(p), p, OPTS))).toEqual(reported(await intakeBytes(bytesOf(f.xlsx), f.xlsx, OPTS)));
    }
  });
  test('an .xls renamed to .et (WPS) is read', async () => {
    const f = files.get('tpl-application')!;
    const p = join(dir, 'wps.et');
    copyFileSync(f.xls, p);
    const r = await intakeBytes(bytesOf(p), p, OPTS);
    expect(r.ok && r.submissions.map((s) => s.fields.branchName)).toEqual(['市财政局机关第二党支部']);
  });
});

/** The workbook stream of a real .xls with a FILEPASS record (RC4, as Excel writes for "password to open") after its BOF, in a new compound file. */
function encryptedXls(xls: Uint8Array): Uint8Array {
  const container = XLSX.CFB.read(xls, { type: 'array' });
  const entry = XLSX.CFB.find(container, 'Workbook')!;
  const s = Uint8Array.from(entry.content as ArrayLike<number>);
  const bofLen = 4 + (s[2] | (s[3] << 8));
  const filepass = new Uint8Array(4 + 54);
  filepass.set([0x2f, 0x00, 54, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00]);
  for (let i = 10; i < filepass.length; i++) filepass[i] = (i * 37) & 0xff; // salt, verifier, verifier hash
  const out = new Uint8Array(s.length + filepass.length);
  out.set(s.subarray(0, bofLen));
  out.set(filepass, bofLen);
  out.set(s.subarray(bofLen), bofLen + filepass.length);
  const fresh = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(fresh, 'Workbook', out);
  return Uint8Array.from(XLSX.CFB.write(fresh, { type: 'array' }) as ArrayLike<number>);
}

describe('damaged and protected .xls are refused with a Chinese reason, never thrown', () => {
  test('encrypted (FILEPASS): says it has a password and how to remove it', async () => {
    const bytes = encryptedXls(bytesOf(files.get('tpl-demonstration')!.xls));
    expect(readCfb(bytes).ok).toBe(true);
    const r = await intakeBytes(bytes, 'secret.xls', OPTS);
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/已加密.*去掉密码/) });
  });

  test('truncated anywhere (10 % … 95 %): 不完整, never a crash or a half-read form', async () => {
    const full = bytesOf(files.get('tpl-progress')!.xls);
    for (const cut of [0.1, 0.3, 0.5, 0.7, 0.9, 0.95]) {
      const r = await intakeBytes(full.subarray(0, Math.floor(full.length * cut)), 'cut.xls', OPTS);
      expect([cut, r.ok ? 'read' : r.reason]).toEqual([cut, expect.stringMatching(/不完整|已损坏/)]);
    }
  });

  test('a workbook stream cut inside the compound file (directory intact): 不完整', () => {
    const container = XLSX.CFB.read(bytesOf(files.get('tpl-demonstration')!.xls), { type: 'array' });
    const s = Uint8Array.from(XLSX.CFB.find(container, 'Workbook')!.content as ArrayLike<number>);
    const fresh = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(fresh, 'Workbook', s.subarray(0, 700));
    const bytes = Uint8Array.from(XLSX.CFB.write(fresh, { type: 'array' }) as ArrayLike<number>);
    expect(readLegacy(bytes, 'xls')).toEqual({ ok: false, reason: expect.stringMatching(/不完整/) });
  });

  test('a looping sector chain is refused as damaged (no hang)', () => {
    const bytes = bytesOf(files.get('tpl-demonstration')!.xls).slice();
    const c = readCfb(bytes);
    expect(c.ok).toBe(true);
    // Point the first FAT entry of the directory chain at itself.
    const dv = new DataView(bytes.buffer);
    const firstDir = dv.getUint32(0x30, true);
    const fatSector = dv.getUint32(0x4c, true);
    dv.setUint32((fatSector + 1) * 512 + 4 * firstDir, firstDir, true);
    expect(readCfb(bytes)).toEqual({ ok: false, error: { kind: 'corrupt' } });
    expect(readLegacy(bytes, 'xls')).toEqual({ ok: false, reason: expect.stringMatching(/已损坏/) });
  });

  test('limits are checked before parsing: a workbook stream over the limit, too many cells, over the time budget', () => {
    const bytes = bytesOf(files.get('tpl-progress')!.xls);
    expect(readLegacy(bytes, 'xls', { maxStreamBytes: 1024 })).toEqual({ ok: false, reason: expect.stringMatching(/过大/) });
    expect(readLegacy(bytes, 'xls', { maxCells: 10 })).toEqual({ ok: false, reason: expect.stringMatching(/单元格超过 10 个/) });
    let t = 0;
    expect(readLegacy(bytes, 'xls', { timeBudgetMs: 1000 }, () => (t += 5000))).toEqual({ ok: false, reason: expect.stringMatching(/超过 1 秒/) });
    expect(readLegacy(bytesOf(files.get('tpl-progress')!.ods), 'ods', { maxPartBytes: 1024 })).toEqual({ ok: false, reason: expect.stringMatching(/上限|压缩炸弹/) });
  });

  test('an .ods saved with a password is refused as encrypted', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const bytes = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'META-INF/manifest.xml': strToU8('<manifest:manifest><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>'),
      'content.xml': new Uint8Array([1, 2, 3, 4]),
    });
    expect(await intakeBytes(bytes, 'secret.ods', OPTS)).toMatchObject({ ok: false, reason: expect.stringMatching(/已加密/) });
  });
});

test('bin/wuhua check reads an .xls, and loads SheetJS for it only (a real process, the modules it loaded)', () => {
  const ROOT = join(__dirname, '..', '..');
  const run = (file: string) => {
    const list = join(dir, `modules-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
    const r = spawnSync(process.execPath, ['--require', join(ROOT, 'test', 'cli', 'loadedModules.cjs'), join(ROOT, 'bin', 'wuhua'), 'check', file, '--as-of', '2019-05-10'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, WUHUA_LOADED_MODULES: list },
    });
    const sheetjs = readFileSync(list, 'utf8').split('\n').some((m) => /[\\/]node_modules[\\/]@e965[\\/]xlsx[\\/]/.test(m));
    return { status: r.status, stdout: r.stdout, sheetjs };
  };
  const f = files.get('tpl-application')!;
  const xlsx = run(f.xlsx);
  expect([xlsx.status, xlsx.sheetjs]).toEqual([0, false]);
  const xls = run(f.xls);
  expect([xls.status, xls.sheetjs]).toEqual([0, true]);
  expect(xls.stdout).toMatch(/市财政局机关第二党支部/);
  expect(xls.stdout).toMatch(/找到表单 1 份/);
});
