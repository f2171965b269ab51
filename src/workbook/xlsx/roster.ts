/**
 * The roster (名册) of branches expected to report, from a text file (one name a line)
 * or a workbook (the first column that holds branch names). Browser-safe: bytes in,
 * entries out; a roster that cannot be used is a value with a Chinese reason.
 *
 * Text: UTF-8 with or without BOM, or GB18030/GBK (what Windows Notepad saves as
 * "ANSI" on a Chinese system); CRLF, blank lines, numbering ("1. ", "2、", "(3)",
 * "4\t") and a header line ("党支部名称") are tolerated.
 */

import ExcelJS from 'exceljs';
import { rosterZh } from '../../i18n/merge';
import type { RosterEntry } from '../../merge/types';

export type RosterResult = { ok: true; entries: RosterEntry[] } | { ok: false; reason: string };

const NUMBERING = /^(?:[(（]\s*[0-9０-９一二三四五六七八九十]+\s*[)）]|[0-9０-９]+\s*(?:[.．、,，)）:：]|\t|\s)|[一二三四五六七八九十]+\s*[、.．])\s*/;
const HEADER = /^(?:序号|编号)?\s*(?:党支部|支部|单位|党组织)?\s*(?:名称|名单|全称)$|^名册$|^序号$/;
const FOOTER = /^(?:注[:：]|备注|合计|共计|总计|填表人|制表)/;
/** What a branch name usually contains (used to find the name column of a workbook). */
const LOOKS_LIKE_BRANCH = /支部|总支|党委|党组|委员会/;

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '');
}

function decodeText(bytes: Uint8Array): string | null {
  let b = bytes;
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    // not UTF-8: Chinese Windows' "ANSI"
  }
  try {
    return new TextDecoder('gb18030', { fatal: true }).decode(b);
  } catch {
    return null;
  }
}

/** A roster line or cell → the name, or null when it holds none (blank, header, footer). */
export function rosterName(raw: string): string | null {
  let s = raw.replace(/^\ufeff/, '').replace(/[\u3000\u00a0]/g, ' ').trim();
  s = s.replace(NUMBERING, '').trim();
  if (s === '' || /^[0-9０-９]+$/.test(s) || HEADER.test(s.replace(/\s+/g, '')) || FOOTER.test(s) || s.startsWith('#')) return null;
  return s;
}

export function parseRosterText(text: string, file: string): RosterResult {
  const entries: RosterEntry[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const name = rosterName(line);
    if (name) entries.push({ name, source: rosterZh.line(baseName(file), i + 1) });
  });
  return entries.length ? { ok: true, entries } : { ok: false, reason: rosterZh.empty };
}

function cellString(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return cell.text ?? '';
}

/** The first sheet and column (left to right) holding the most branch-like names. */
export async function parseRosterWorkbook(bytes: Uint8Array, file: string): Promise<RosterResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, reason: rosterZh.unreadable(e instanceof Error ? e.message : String(e)) };
  }
  for (const ws of wb.worksheets) {
    const columns = new Map<number, { row: number; text: string; cell: string }[]>();
    let end = Infinity; // a 合计/注： row ends the list
    ws.eachRow((row, r) => {
      if (r >= end) return;
      row.eachCell((cell) => {
        if (FOOTER.test(cellString(cell).trim())) end = Math.min(end, r);
      });
      if (r >= end) return;
      row.eachCell((cell, c) => {
        const text = cellString(cell).trim();
        if (!text) return;
        let list = columns.get(c);
        if (!list) columns.set(c, (list = []));
        list.push({ row: r, text, cell: cell.address });
      });
    });
    let best: { col: number; hits: number } | null = null;
    for (const [col, cells] of [...columns.entries()].sort((a, b) => a[0] - b[0])) {
      const hits = cells.filter((c) => LOOKS_LIKE_BRANCH.test(c.text) && rosterName(c.text) !== null).length;
      if (hits > 0 && (!best || hits > best.hits)) best = { col, hits };
    }
    if (!best) continue;
    const cells = columns.get(best.col)!;
    // Skip the title and header rows above the first name.
    const first = cells.findIndex((c) => LOOKS_LIKE_BRANCH.test(c.text) && rosterName(c.text) !== null);
    const entries: RosterEntry[] = [];
    for (const c of cells.slice(first)) {
      const name = rosterName(c.text);
      if (name) entries.push({ name, source: rosterZh.cell(baseName(file), ws.name, c.cell) });
    }
    return { ok: true, entries };
  }
  return { ok: false, reason: rosterZh.noNameColumn };
}

/** A roster file's bytes → its entries: .xlsx/.xlsm by content (a zip), anything else as text. */
export async function parseRoster(bytes: Uint8Array, file: string): Promise<RosterResult> {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) return parseRosterWorkbook(bytes, file);
  const text = decodeText(bytes);
  if (text === null) return { ok: false, reason: rosterZh.notText };
  return parseRosterText(text, file);
}
