/**
 * Per-branch opinions from a table: 党支部名称 → 意见 [, 日期] [, 表单]. Any sheet with
 * such a header row will do — a list typed by hand, or the 汇总 sheet of our own summary
 * with its opinion column edited (its foot rows are skipped). Pure: a WorkbookGrid in.
 */
import { cellAddress } from '../forms/address';
import type { FormId } from '../forms/types';
import { opinionTableZh } from '../i18n/review';
import { branchKey, displayName } from '../merge/branch';
import { cellText, parseDate } from '../model/parse';
import { compactLabel } from '../model/text';
import { cellKey, type SheetGrid, type WorkbookGrid } from '../model/types';
import type { ReviewLevel } from './types';

export interface TableOpinion {
  /** The branch as written in the table, and its matching key. */
  name: string;
  key: string;
  /** Only when the table has a 表单 column. */
  form?: FormId;
  /** Null when the cell is empty (the default opinion applies). */
  opinion: string | null;
  /** "YYYY-MM-DD", null when not given. */
  date: string | null;
  /** Where it was written. */
  where: string;
}

export type OpinionTableResult = { ok: true; rows: TableOpinion[] } | { ok: false; reason: string };

const HEADER_ROWS = 12;
const NAME_HEADER = /^(?:申报)?(?:党支部|支部|党组织)名称$|^党支部$/;
/** Foot rows of our 汇总 ("附件1合计", "总计") and notes under a table. */
const FOOT = /合计|总计|^注[:：]|^备注/;

function formOf(s: string): FormId | undefined | null {
  const t = compactLabel(s);
  if (t === '') return undefined;
  if (/附件1|示范点/.test(t)) return 'demonstration';
  if (/附件2|五化建设申报表|^申报表$/.test(t)) return 'application';
  if (/附件3|进度/.test(t)) return 'progress';
  return null;
}

interface Columns {
  headerRow: number;
  name: number;
  opinion: number;
  date?: number;
  form?: number;
}

/** The header row of a sheet and the columns it names, or a reason why not. */
function findColumns(sheet: SheetGrid, level: ReviewLevel): Columns | 'no-header' | 'no-opinion' {
  const last = Math.min(sheet.maxRow, HEADER_ROWS);
  for (let row = 1; row <= last; row++) {
    let name: number | undefined;
    const opinions: { col: number; text: string }[] = [];
    let date: number | undefined;
    let form: number | undefined;
    for (let col = 1; col <= sheet.maxCol; col++) {
      const c = sheet.cells.get(cellKey(row, col));
      if (!c || typeof c.v !== 'string') continue;
      const t = compactLabel(c.v);
      if (name === undefined && NAME_HEADER.test(t)) name = col;
      else if (/意见$/.test(t)) opinions.push({ col, text: t });
      else if (/(?:日期|时间)$/.test(t) && !/申报|填报/.test(t)) date ??= col;
      else if (t === '表单' || t === '表名' || t === '表单名称') form ??= col;
    }
    if (name === undefined) continue;
    if (opinions.length === 0) return 'no-opinion';
    const mine = level === 'party' ? opinions.filter((o) => /党委|党总支/.test(o.text) && !/工委/.test(o.text)) : opinions.filter((o) => /工委/.test(o.text));
    const chosen = mine[0] ?? (opinions.length === 1 ? opinions[0] : undefined);
    if (!chosen) return 'no-opinion';
    return { headerRow: row, name, opinion: chosen.col, date, form };
  }
  return 'no-header';
}

export function readOpinionTable(grid: WorkbookGrid, level: ReviewLevel, levelName: string): OpinionTableResult {
  let noOpinion = false;
  // Our own summary's 汇总 first, then the other sheets in order.
  const sheets = [...grid.sheets].sort((a, b) => Number(b.name === '汇总') - Number(a.name === '汇总'));
  for (const sheet of sheets) {
    const cols = findColumns(sheet, level);
    if (cols === 'no-header') continue;
    if (cols === 'no-opinion') {
      noOpinion = true;
      continue;
    }
    const rows: TableOpinion[] = [];
    const text = (row: number, col: number | undefined) => {
      if (col === undefined) return null;
      const c = sheet.cells.get(cellKey(row, col));
      return c ? cellText(c) : null;
    };
    for (let row = cols.headerRow + 1; row <= sheet.maxRow; row++) {
      const rawName = text(row, cols.name);
      if (rawName === null || FOOT.test(rawName) || /^另有|个党支部/.test(rawName)) continue;
      const name = displayName(rawName);
      const where = opinionTableZh.cell(sheet.name, cellAddress(row, cols.name));
      const entry: TableOpinion = { name, key: branchKey(name), opinion: text(row, cols.opinion), date: null, where };
      if (cols.date !== undefined) {
        const raw = sheet.cells.get(cellKey(row, cols.date)) ?? null;
        const d = parseDate(raw, grid.date1904);
        if (d.error || (d.value !== null && !/^\d{4}-\d{2}-\d{2}$/.test(d.value))) {
          return { ok: false, reason: opinionTableZh.badDate(opinionTableZh.cell(sheet.name, cellAddress(row, cols.date)), String(raw?.v ?? '')) };
        }
        entry.date = d.value;
      }
      if (cols.form !== undefined) {
        const typed = text(row, cols.form) ?? '';
        const form = formOf(typed);
        if (form === null) return { ok: false, reason: opinionTableZh.badForm(opinionTableZh.cell(sheet.name, cellAddress(row, cols.form)), typed) };
        if (form) entry.form = form;
      }
      rows.push(entry);
    }
    return { ok: true, rows };
  }
  return { ok: false, reason: noOpinion ? opinionTableZh.noOpinionColumn(levelName) : opinionTableZh.noHeader };
}
