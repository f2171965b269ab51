/**
 * Generates N filled branch workbooks fast: a handful of base workbooks are made once
 * with exceljs (our three templates via templateBytes, and hand-made layouts typed the
 * way clerks copy the paper form), then each file is a copy of one base with its input
 * cells patched in the sheet XML (inline strings, numbers, date serials) and zipped
 * again. Fast enough for a province (100,000 files in a few minutes): each base's sheet
 * is cut once at its input cells (fill joins the pieces with the values), its other
 * parts are deflated once and reused as they are, and only the sheet is deflated per
 * file (Node's zlib; this is dev-time code). Every file is still distinct. Values vary: branch names and their spellings, counts (some out of
 * range), dates (some late, some as text), phones, text lengths, month statuses,
 * resubmissions of the same branch, and a few files that are not workbooks at all.
 */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { crc32, deflateRawSync } from 'zlib';
import { FORMS, getForm } from '../src/forms';
import { firstCell } from '../src/forms/address';
import type { FieldId, FormId } from '../src/forms/types';
import { templateBytes } from '../src/workbook/xlsx/template';

/** Deterministic PRNG (mulberry32), so runs are comparable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Value = string | number;

/** A base workbook and where each of its inputs is. */
interface Base {
  name: string;
  form: FormId;
  parts: Record<string, Uint8Array>;
  sheetPath: string;
  fields: Partial<Record<FieldId, string>>;
  /** 附件3: the cells of month m's goal / owner / status (m 1..12). */
  monthCells?: (m: number) => { goal: string; owner: string; status: string };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

async function templateBase(form: FormId): Promise<Base> {
  const spec = getForm(form);
  const parts = unzipSync(await templateBytes(spec));
  const fields: Partial<Record<FieldId, string>> = {};
  for (const f of spec.fields) fields[f.id] = firstCell(f.cell);
  const base: Base = { name: `template-${form}`, form, parts, sheetPath: 'xl/worksheets/sheet1.xml', fields };
  if (spec.months) {
    const mt = spec.months;
    const col = (k: string) => mt.columns.find((c) => c.key === k)!.column;
    base.monthCells = (m) => ({ goal: `${col('goal')}${mt.firstRow + m - 1}`, owner: `${col('owner')}${mt.firstRow + m - 1}`, status: `${col('status')}${mt.firstRow + m - 1}` });
  }
  return base;
}

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** 附件1 typed by hand: title in row 1, labels with spaces, one row lower and one column to the right. */
async function handmadeDemonstration(): Promise<Base> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('B1').value = '附件1';
  ws.mergeCells('B2:I2');
  ws.getCell('B2').value = '市直机关党支部“五化”建设示范点创建申报表';
  ws.getCell('B4').value = '申报党支部名称：';
  ws.getCell('G4').value = '申报时间：';
  const labels: [string, string][] = [['B5', '党 员\n人 数'], ['D5', '支委人数'], ['F5', '书记姓名'], ['H5', '联系电话'], ['B6', '基础工作情况'], ['B7', '特色亮点做法'], ['B8', '机关事业单位党委、党总支部意见'], ['B10', '市直工委意见']];
  for (const [a, t] of labels) ws.getCell(a).value = t;
  ws.mergeCells('C6:I6');
  ws.mergeCells('C7:I7');
  ws.mergeCells('C8:I8');
  ws.mergeCells('C10:I10');
  const fields: Partial<Record<FieldId, string>> = {
    branchName: 'C4', date: 'H4', memberCount: 'C5', committeeCount: 'E5', secretaryName: 'G5', contact: 'I5',
    basicWork: 'C6', highlights: 'C7', partyCommitteeOpinion: 'C8', workCommitteeOpinion: 'C10',
  };
  for (const a of Object.values(fields)) {
    ws.getCell(a!).value = ' ';
    ws.getCell(a!).border = THIN;
  }
  return { name: 'handmade-demonstration', form: 'demonstration', parts: unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)), sheetPath: 'xl/worksheets/sheet1.xml', fields };
}

/** 附件2 typed by hand: no 附件 line, the title first, labels with full-width colons. */
async function handmadeApplication(): Promise<Base> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('申报表');
  ws.mergeCells('A1:F1');
  ws.getCell('A1').value = '市直机关党支部“五化”建设申报表';
  ws.getCell('A2').value = '党支部名称：';
  ws.getCell('E2').value = '申报时间：';
  ws.getCell('A3').value = '党员人数';
  ws.getCell('C3').value = '支委人数';
  ws.getCell('E3').value = '申报时间';
  ws.getCell('A4').value = '创建计划';
  ws.getCell('A5').value = '机关事业单位党委、党总支部意见';
  ws.getCell('A6').value = '市直工委意见';
  ws.mergeCells('B4:F4');
  ws.mergeCells('B5:F5');
  ws.mergeCells('B6:F6');
  const fields: Partial<Record<FieldId, string>> = {
    branchName: 'B2', date: 'F2', memberCount: 'B3', committeeCount: 'D3', tableDate: 'F3', plan: 'B4', partyCommitteeOpinion: 'B5', workCommitteeOpinion: 'B6',
  };
  for (const a of Object.values(fields)) ws.getCell(a!).value = ' ';
  return { name: 'handmade-application', form: 'application', parts: unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)), sheetPath: 'xl/worksheets/sheet1.xml', fields };
}

/** 附件3 typed by hand: header aliases, month labels 一月…十二月, a blank column A. */
async function handmadeProgress(): Promise<Base> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('进度表');
  ws.mergeCells('B1:F1');
  ws.getCell('B1').value = '市直机关党支部“五化”建设创建进度表';
  ws.getCell('B2').value = '党支部名称：';
  const heads = ['时间', '工作目标', '问题短板', '责任人', '完成情况'];
  heads.forEach((h, i) => (ws.getCell(3, 2 + i).value = h));
  const zh = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
  for (let m = 1; m <= 12; m++) {
    ws.getCell(3 + m, 2).value = `${zh[m - 1]}月`;
    for (let c = 3; c <= 6; c++) ws.getCell(3 + m, c).value = ' ';
  }
  ws.getCell('C2').value = ' ';
  return {
    name: 'handmade-progress',
    form: 'progress',
    parts: unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)),
    sheetPath: 'xl/worksheets/sheet1.xml',
    fields: { branchName: 'C2' },
    monthCells: (m) => ({ goal: `C${3 + m}`, owner: `E${3 + m}`, status: `F${3 + m}` }),
  };
}

export async function makeBases(): Promise<Base[]> {
  const bases: Base[] = [];
  for (const f of FORMS) bases.push(await templateBase(f.id));
  bases.push(await handmadeDemonstration(), await handmadeApplication(), await handmadeProgress());
  return bases;
}

const UNITS = ['财政局', '税务局', '教育局', '卫生健康委员会', '公安局', '人力资源和社会保障局', '自然资源和规划局', '住房和城乡建设局', '交通运输局', '农业农村局', '商务局', '文化旅游广电体育局', '审计局', '统计局', '市场监督管理局', '生态环境局', '水利局', '林业局', '民政局', '司法局'];
const SENTENCES = ['支部组织健全，按期换届，“三会一课”制度落实到位。', '坚持每月开展主题党日活动，党员参与率达到百分之百。', '建立党员积分管理台账，定期公示。', '围绕中心工作设立党员先锋岗，服务群众满意度高。', '规范发展党员程序，严格落实“五个规范”。'];
const STATUSES = ['已完成', '完成', '基本完成', '未完成', '进行中', '', '已召开支部党员大会，完成换届选举'];
const ZH_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function branchName(i: number, r: () => number): string {
  const unit = UNITS[i % UNITS.length];
  const n = Math.floor(i / UNITS.length) + 1;
  const ordinal = n <= 10 ? ZH_NUM[n - 1] : String(n);
  const prefix = r() < 0.3 ? '中国共产党永州市' : r() < 0.1 ? '中共永州市 ' : '中共永州市';
  const suffix = r() < 0.15 ? '支部' : '党支部';
  return `${prefix}${unit}机关第${ordinal}${suffix}`;
}

function excelSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** A part as stored in a zip: deflated once, with what its headers need. */
interface StoredPart {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer;
}

function storedPart(name: string, data: Uint8Array): StoredPart {
  return { name: Buffer.from(name, 'utf8'), crc: crc32(data), size: data.length, data: deflateRawSync(data, { level: 6 }) };
}

/** 2019-05-01 00:00 as a DOS date and time: every entry's time, so a file's bytes depend only on its values. */
const DOS_DATE = ((2019 - 1980) << 9) | (5 << 5) | 1;

/** A zip of stored parts (deflated), in order: local headers and data, central directory, end record. */
function zipParts(parts: readonly StoredPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(p.name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(DOS_DATE, 14);
    dir.writeUInt32LE(p.crc, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(p.size, 24);
    dir.writeUInt16LE(p.name.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, p.name, p.data);
    central.push(dir, p.name);
    offset += 30 + p.name.length + p.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, dirBytes, end]);
}

/** A base's sheet cut at its input cells: pieces[i] comes before cells[i]; the cell's attributes and original text kept. */
interface CutSheet {
  pieces: string[];
  cells: { addr: string; attrs: string; original: string }[];
  /** The base's parts, the sheet left out (undefined at its place), deflated once. */
  parts: (StoredPart | undefined)[];
  sheetName: string;
}

const cuts = new WeakMap<Base, CutSheet>();

function cutSheet(base: Base): CutSheet {
  const known = cuts.get(base);
  if (known) return known;
  const xml = strFromU8(base.parts[base.sheetPath]);
  const addrs = new Set<string>(Object.values(base.fields) as string[]);
  if (base.monthCells) for (let m = 1; m <= 12; m++) for (const a of Object.values(base.monthCells(m))) addrs.add(a);
  const found = [...addrs].map((addr) => {
    const m = new RegExp(`<c r="${addr}"((?: [a-z]+="[^"]*")*?)(?:/>|>.*?</c>)`).exec(xml);
    if (!m) throw new Error(`bench: cell ${addr} not in base sheet`);
    return { addr, at: m.index, end: m.index + m[0].length, attrs: m[1].replace(/ t="[^"]*"/, ''), original: m[0] };
  });
  found.sort((a, b) => a.at - b.at);
  const pieces: string[] = [];
  let from = 0;
  for (const f of found) {
    pieces.push(xml.slice(from, f.at));
    from = f.end;
  }
  pieces.push(xml.slice(from));
  const parts = Object.entries(base.parts).map(([name, data]) => (name === base.sheetPath ? undefined : storedPart(name, data)));
  const cut: CutSheet = { pieces, cells: found.map(({ addr, attrs, original }) => ({ addr, attrs, original })), parts, sheetName: base.sheetPath };
  cuts.set(base, cut);
  return cut;
}

function cellXml(addr: string, attrs: string, value: Value): string {
  return typeof value === 'number'
    ? `<c r="${addr}"${attrs}><v>${value}</v></c>`
    : `<c r="${addr}"${attrs} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

function fill(base: Base, branch: number, r: () => number, day: number): Uint8Array {
  const values = new Map<string, Value>();
  const set = (field: FieldId, v: Value) => {
    const a = base.fields[field];
    if (a) values.set(a, v);
  };
  set('branchName', branchName(branch, r));
  const date: Value = r() < 0.7 ? excelSerial(2019, 4, day) : `2019年4月${day}日`;
  set('date', date);
  if (base.form !== 'progress') {
    const members = r() < 0.05 ? 2 : r() < 0.05 ? 55 + Math.floor(r() * 20) : 3 + Math.floor(r() * 45);
    set('memberCount', r() < 0.1 ? `${members}人` : members);
    set('committeeCount', Math.min(9, 1 + Math.floor(r() * 7)));
    set('partyCommitteeOpinion', r() < 0.8 ? `同意推荐。\n2019年4月${Math.min(30, day + 2)}日` : '');
    set('workCommitteeOpinion', '');
  }
  const long = () => Array.from({ length: 1 + Math.floor(r() * 6) }, () => pick(r, SENTENCES)).join('\n');
  if (base.form === 'demonstration') {
    set('secretaryName', pick(r, ['张三', '李四', '王五', '赵六', '=孙七', '周 八']));
    set('contact', r() < 0.8 ? `13${Math.floor(100000000 + r() * 899999999)}` : r() < 0.5 ? '0746-8221234' : '电话待定');
    set('basicWork', long());
    set('highlights', long());
  }
  if (base.form === 'application') {
    set('tableDate', date);
    set('plan', long());
  }
  if (base.monthCells) {
    for (let m = 1; m <= 12; m++) {
      const c = base.monthCells(m);
      values.set(c.goal, `${m}月：${pick(r, SENTENCES)}`);
      values.set(c.owner, pick(r, ['组织委员', '宣传委员', '支部书记', '纪检委员']));
      values.set(c.status, m <= 5 ? pick(r, STATUSES) : '');
    }
  }
  const cut = cutSheet(base);
  let xml = cut.pieces[0];
  cut.cells.forEach((c, i) => {
    const v = values.get(c.addr);
    xml += (v === undefined ? c.original : cellXml(c.addr, c.attrs, v)) + cut.pieces[i + 1];
  });
  const sheet = storedPart(cut.sheetName, strToU8(xml));
  return zipParts(cut.parts.map((p) => p ?? sheet));
}

export interface Generated {
  dir: string;
  files: number;
  bytes: number;
  bad: number;
  resubmissions: number;
}

/**
 * Writes `n` files into `dir` (in sub-folders of 500, as a committee's inbox might be):
 * ~86% template files, ~12% hand-made layouts, ~1% resubmissions, ~1% bad files.
 */
export async function generate(dir: string, n: number, seed = 20190501): Promise<Generated> {
  const r = rng(seed);
  const bases = await makeBases();
  const templates = bases.filter((b) => b.name.startsWith('template-'));
  const handmade = bases.filter((b) => b.name.startsWith('handmade-'));
  let bytes = 0;
  let bad = 0;
  let resubmissions = 0;
  let branch = 0;
  const sent: { branch: number; base: Base }[] = [];
  for (let i = 0; i < n; i++) {
    const sub = join(dir, `batch-${String(Math.floor(i / 500)).padStart(3, '0')}`);
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    const roll = r();
    let data: Uint8Array;
    let name: string;
    if (roll < 0.01) {
      bad++;
      name = `file-${i}.xlsx`;
      data = roll < 0.005 ? strToU8('这不是工作簿，只是一段文字。') : zipSync({ 'hello.txt': strToU8('not a workbook') });
    } else if (roll < 0.02 && sent.length > 0) {
      // A resubmission: the same branch and form, a later date.
      resubmissions++;
      const prev = sent[Math.floor(r() * sent.length)];
      name = `file-${i}-resubmitted.xlsx`;
      data = fill(prev.base, prev.branch, r, 28 + Math.floor(r() * 3));
    } else {
      const base = roll < 0.14 ? pick(r, handmade) : pick(r, templates);
      const b = branch++;
      sent.push({ branch: b, base });
      name = `file-${i}.xlsx`;
      data = fill(base, b, r, 1 + Math.floor(r() * 27));
    }
    writeFileSync(join(sub, name), data);
    bytes += data.length;
  }
  return { dir, files: n, bytes, bad, resubmissions };
}
