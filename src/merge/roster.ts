/**
 * The roster (名册) as a table (DOMAIN.md "Obligations and the roster"): a header row
 * recognised by its labels — 党支部名称 (required), 上级党组织, 类别, 书记, 联系电话,
 * 成立日期, 达标情况, 已有示范点 — any subset of them, in any order; or, without such a
 * header, a plain list of names (one a line, or the column that holds branch names).
 *
 * Pure: rows of cells in (from a workbook, CSV, tab-separated paste or plain text),
 * entries out. Nothing is dropped silently: columns it does not know are named
 * (ignored), and every row it cannot use or value it cannot read is named with its
 * row number (the row is kept when it has a name; the unreadable value is left out).
 */

import { rosterTemplateZh } from '../i18n/committee';
import { rosterZh } from '../i18n/merge';
import { parseDate } from '../model/parse';
import { compactLabel } from '../model/text';
import type { GridCell } from '../model/types';
import { branchKey, displayName } from './branch';
import type { BranchCategory, BranchStatus, RosterEntry } from './types';

/** The roster's columns, in the order of the template. */
export const ROSTER_COLUMNS = ['name', 'parent', 'category', 'secretary', 'phone', 'founded', 'status', 'hasDemo'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

/** Header labels (compared after compactLabel: no spaces, brackets or asterisks). */
const LABELS: Record<RosterColumn, string[]> = {
  name: ['党支部名称', '支部名称', '党组织名称', '党支部', '党支部全称', '名称'],
  parent: ['上级党组织', '上级党委', '上级党组织名称', '所属党组织', '所属党委', '上级党委党总支'],
  category: ['类别', '党支部类别', '支部类别', '类型'],
  secretary: ['书记', '书记姓名', '党支部书记', '支部书记'],
  phone: ['联系电话', '联系方式', '电话', '手机', '书记联系电话'],
  founded: ['成立日期', '成立时间', '成立年月'],
  status: ['达标情况', '五化达标情况', '五化建设达标情况', '往年达标情况', '达标'],
  hasDemo: ['已有示范点', '有无示范点', '是否已有示范点', '已有示范点是否', '已有示范点是否'],
};
/** Columns a roster often has that carry nothing for us and need no mention. */
const QUIET = new Set(['序号', '编号']);
const FOOTER = /^(?:注[:：]|备注[:：]|合计|共计|总计|填表人|制表)/;

/** One cell of a roster row (a workbook cell, or a CSV/text field as a string cell). */
export type RosterCell = GridCell | null;

export interface RosterRow {
  cells: RosterCell[];
  /** Where the row is, for messages: "名册.xlsx 工作表“名册”第3行". */
  where: string;
  /** Where one cell is, for an entry's source ("名册.xlsx（工作表：名册，单元格 B3）"). */
  cellWhere(col: number): string;
}

export interface ParsedRoster {
  entries: RosterEntry[];
  /** True when a header row was recognised (a table, not a plain list). */
  structured: boolean;
  /** Recognised columns, in the roster's order. */
  columns: RosterColumn[];
  /** Header labels not recognised: their columns were not read. */
  ignored: string[];
  /** Rows and values that could not be used, each naming its row. */
  problems: string[];
}

function cellText(c: RosterCell): string {
  if (c == null) return '';
  if (typeof c.v === 'boolean') return c.v ? 'TRUE' : 'FALSE';
  return String(c.v).replace(/\u3000/g, ' ').trim();
}

/** The column a header label names, null when unknown. */
export function rosterColumnOf(label: string): RosterColumn | null {
  const l = compactLabel(label).replace(/[:：]$/, '');
  for (const col of ROSTER_COLUMNS) if (LABELS[col].includes(l)) return col;
  return null;
}

/** A header row: one naming 党支部名称 (or a synonym) and no data-like name. */
function headerOf(row: RosterRow): Map<number, RosterColumn> | null {
  const map = new Map<number, RosterColumn>();
  row.cells.forEach((c, i) => {
    const col = rosterColumnOf(cellText(c));
    if (col && ![...map.values()].includes(col)) map.set(i, col);
  });
  return [...map.values()].includes('name') ? map : null;
}

export function parseCategory(s: string): BranchCategory | null {
  const t = s.normalize('NFKC').replace(/\s/g, '');
  if (/^(在职|在职人员|在职党支部|在职支部)$/.test(t)) return '在职';
  if (/^(离退休|退休|离休|离退休人员|离退休党支部|退休党支部)$/.test(t)) return '离退休';
  return null;
}

export function parseStatus(s: string): BranchStatus | null {
  const t = s.normalize('NFKC').replace(/\s/g, '');
  if (/^(已达标|达标|是)$/.test(t)) return '已达标';
  if (/^(未达标|不达标|否)$/.test(t)) return '未达标';
  if (/^(未申报|没有申报|未参加)$/.test(t)) return '未申报';
  return null;
}

export function parseYesNo(s: string): boolean | null {
  const t = s.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (/^(是|有|已有|√|✓|Y|YES|TRUE)$/.test(t)) return true;
  if (/^(否|无|没有|×|✗|N|NO|FALSE)$/.test(t)) return false;
  return null;
}

const NUMBERING = /^(?:[(（]\s*[0-9０-９一二三四五六七八九十]+\s*[)）]|[0-9０-９]+\s*(?:[.．、,，)）:：]|\t|\s)|[一二三四五六七八九十]+\s*[、.．])\s*/;
const PLAIN_HEADER = /^(?:序号|编号)?\s*(?:党支部|支部|单位|党组织)?\s*(?:名称|名单|全称)$|^名册$|^序号$/;
/** What a branch name usually contains (used to find the name column of a plain workbook list). */
export const LOOKS_LIKE_BRANCH = /支部|总支|党委|党组|委员会/;

/** A plain-list line or cell → the name, or null when it holds none (blank, header, footer, comment). */
export function rosterName(raw: string): string | null {
  let s = raw.replace(/^\ufeff/, '').replace(/[\u3000\u00a0]/g, ' ').trim();
  s = s.replace(NUMBERING, '').trim();
  if (s === '' || /^[0-9０-９]+$/.test(s) || PLAIN_HEADER.test(s.replace(/\s+/g, '')) || FOOTER.test(s) || s.startsWith('#')) return null;
  return s;
}

/** Rows with a header row among the first ones → a structured roster; null when no header is found. */
export function parseRosterTable(rows: readonly RosterRow[], minColumns = 1): ParsedRoster | null {
  const at = rows.slice(0, 20).findIndex((r) => r.cells.length >= minColumns && headerOf(r) !== null);
  if (at < 0) return null;
  const header = headerOf(rows[at])!;
  const ignored: string[] = [];
  rows[at].cells.forEach((c, i) => {
    const label = cellText(c);
    if (label !== '' && !header.has(i) && !QUIET.has(compactLabel(label))) ignored.push(label);
  });
  const colIndex = new Map<RosterColumn, number>();
  for (const [i, col] of header) colIndex.set(col, i);

  const entries: RosterEntry[] = [];
  const problems: string[] = [];
  const firstRow = new Map<string, string>();
  for (const row of rows.slice(at + 1)) {
    const texts = row.cells.map(cellText);
    if (texts.every((t) => t === '')) continue;
    if (texts.some((t) => FOOTER.test(t))) break; // a 合计 / 注： row ends the table
    const get = (col: RosterColumn): string => {
      const i = colIndex.get(col);
      return i === undefined ? '' : (texts[i] ?? '');
    };
    const nameCol = colIndex.get('name')!;
    const name = displayName(get('name').replace(NUMBERING, ''));
    if (name === '') {
      problems.push(rosterZh.rowWithoutName(row.where));
      continue;
    }
    if (name === rosterTemplateZh.example[0]) {
      problems.push(rosterZh.exampleRow(row.where));
      continue;
    }
    const key = branchKey(name);
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      problems.push(rosterZh.duplicateRow(row.where, name, earlier));
      continue;
    }
    firstRow.set(key, row.where);
    const e: RosterEntry = { name, source: row.cellWhere(nameCol) };
    const parent = displayName(get('parent'));
    if (parent) e.parent = parent;
    const category = get('category');
    if (category) {
      const v = parseCategory(category);
      if (v) e.category = v;
      else problems.push(rosterZh.badValue(row.where, '类别', category, '在职、离退休'));
    }
    const secretary = get('secretary');
    if (secretary) e.secretary = secretary;
    const phone = get('phone');
    if (phone) e.phone = phone;
    const foundedCell = colIndex.has('founded') ? (row.cells[colIndex.get('founded')!] ?? null) : null;
    if (cellText(foundedCell) !== '') {
      const d = parseDate(foundedCell);
      if (d.value && !d.error) e.founded = d.precision === 'month' ? `${d.value}-01` : d.value;
      else problems.push(rosterZh.badValue(row.where, '成立日期', cellText(foundedCell), '如 2019年4月15日 或 2019-04-15'));
    }
    const status = get('status');
    if (status) {
      const v = parseStatus(status);
      if (v) e.status = v;
      else problems.push(rosterZh.badValue(row.where, '达标情况', status, '已达标、未达标、未申报'));
    }
    const demo = get('hasDemo');
    if (demo) {
      const v = parseYesNo(demo);
      if (v !== null) e.hasDemo = v;
      else problems.push(rosterZh.badValue(row.where, '已有示范点', demo, '是、否'));
    }
    entries.push(e);
  }
  const columns = [...header.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  return { entries, structured: true, columns, ignored, problems };
}

/** A plain list: every line (or cell of the chosen column) that holds a name. */
export function plainRoster(items: readonly { text: string; source: string }[]): ParsedRoster {
  const entries: RosterEntry[] = [];
  for (const it of items) {
    const name = rosterName(it.text);
    if (name) entries.push({ name, source: it.source });
  }
  return { entries, structured: false, columns: ['name'], ignored: [], problems: [] };
}

/** One CSV line's fields (RFC 4180 quotes, "" inside quotes); a quoted field may span lines. */
export function csvRows(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Text (a .txt/.csv file, or text pasted into the pane — from Excel it comes tab
 * separated): a table when a header row is found with tabs or commas, else a plain list.
 */
export function parseRosterLines(text: string, file: string): ParsedRoster {
  const clean = text.replace(/^\ufeff/, '');
  const lines = clean.split(/\r\n|\r|\n/);
  for (const sep of ['\t', ',', '，']) {
    if (!lines.slice(0, 20).some((l) => l.includes(sep))) continue;
    const rows = csvRows(clean, sep).map((cells, i): RosterRow => ({
      cells: cells.map((t) => (t.trim() === '' ? null : { v: t })),
      where: rosterZh.line(file, i + 1),
      cellWhere: () => rosterZh.line(file, i + 1),
    }));
    const table = parseRosterTable(rows, 2); // a header line of one label is a plain list's heading
    if (table) return table;
  }
  return plainRoster(lines.map((text, i) => ({ text, source: rosterZh.line(file, i + 1) })));
}

/** The header label the template and a pasted table use for each column. */
export const ROSTER_HEADERS: Record<RosterColumn, string> = {
  name: '党支部名称',
  parent: '上级党组织',
  category: '类别',
  secretary: '书记',
  phone: '联系电话',
  founded: '成立日期',
  status: '达标情况',
  hasDemo: '已有示范点',
};

/** An entry's value of one column as a person would type it. */
export function rosterValue(e: RosterEntry, col: RosterColumn): string {
  switch (col) {
    case 'hasDemo':
      return e.hasDemo === undefined ? '' : e.hasDemo ? '是' : '否';
    default:
      return e[col] ?? '';
  }
}

/** A structured roster as tab-separated text with its header (what the pane's roster box holds; it reads back the same). */
export function rosterToTsv(entries: readonly RosterEntry[], columns: readonly RosterColumn[]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  const lines = [columns.map((c) => ROSTER_HEADERS[c]).join('\t')];
  for (const e of entries) lines.push(columns.map((c) => clean(rosterValue(e, c))).join('\t'));
  return lines.join('\n');
}
