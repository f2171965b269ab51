/**
 * The roster (名册) file: bytes in, entries out (the table itself is parsed by
 * src/merge/roster.ts). Browser-safe; a roster that cannot be used is a value with a
 * Chinese reason, never an exception.
 *
 * - .xlsx/.xlsm: read with the project's own reader (readWorkbook: size, entry-count
 *   and compression-ratio limits, so a zip bomb is refused with a Chinese reason);
 *   .xls/.et/.ods through the legacy reader (readAnyWorkbook loads it only then).
 *   A sheet with a header row (党支部名称 …) is a table; otherwise the first column
 *   holding branch-like names is a plain list.
 * - .csv / .txt / pasted text: UTF-8 with or without BOM, or GB18030/GBK (what Excel
 *   and Notepad save as "CSV"/"ANSI" on a Chinese Windows); comma or tab separated
 *   with a header row, or one name a line.
 */

import { rosterZh } from '../../i18n/merge';
import { LOOKS_LIKE_BRANCH, parseRosterLines, parseRosterTable, plainRoster, rosterName, type ParsedRoster, type RosterRow } from '../../merge/roster';
import { cellAddress } from '../../forms/address';
import { fileBaseName } from '../../model/text';
import { cellKey, type SheetGrid, type WorkbookGrid } from '../../model/types';
import { readAnyWorkbook } from './intake';

export { rosterName } from '../../merge/roster';

export type RosterResult = ({ ok: true } & ParsedRoster) | { ok: false; reason: string };

/** UTF-8 (BOM or not), else GB18030 (a superset of GBK); null when neither decodes. */
export function decodeText(bytes: Uint8Array): string | null {
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

function withEntries(r: ParsedRoster): RosterResult {
  return r.entries.length > 0 ? { ok: true, ...r } : { ok: false, reason: r.problems.length ? `${rosterZh.empty}（${r.problems.join('；')}）` : rosterZh.empty };
}

/** Text (file or paste) → entries. */
export function parseRosterText(text: string, file: string): RosterResult {
  return withEntries(parseRosterLines(text, fileBaseName(file)));
}

function sheetRows(sheet: SheetGrid, file: string): RosterRow[] {
  const rows: RosterRow[] = [];
  for (let r = 1; r <= sheet.maxRow; r++) {
    const cells = Array.from({ length: sheet.maxCol }, (_, c) => sheet.cells.get(cellKey(r, c + 1)) ?? null);
    rows.push({
      cells,
      where: rosterZh.sheetRow(file, sheet.name, r),
      cellWhere: (col: number) => rosterZh.cell(file, sheet.name, cellAddress(r, col + 1)),
    });
  }
  return rows;
}

/** The first column (left to right) holding the most branch-like names, as a plain list. */
function plainColumn(rows: readonly RosterRow[]): ParsedRoster | null {
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  let best: { col: number; hits: number } | null = null;
  const text = (r: RosterRow, c: number) => {
    const v = r.cells[c]?.v;
    return v == null ? '' : String(v).trim();
  };
  const end = rows.findIndex((r) => r.cells.some((_, c) => /^(?:注[:：]|备注|合计|共计|总计|填表人|制表)/.test(text(r, c))));
  const body = end < 0 ? rows : rows.slice(0, end);
  for (let c = 0; c < width; c++) {
    const hits = body.filter((r) => LOOKS_LIKE_BRANCH.test(text(r, c)) && rosterName(text(r, c)) !== null).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { col: c, hits };
  }
  if (!best) return null;
  const col = best.col;
  const first = body.findIndex((r) => LOOKS_LIKE_BRANCH.test(text(r, col)) && rosterName(text(r, col)) !== null);
  return plainRoster(body.slice(first).map((r) => ({ text: text(r, col), source: r.cellWhere(col) })));
}

/** A workbook's grid (from our reader, or the legacy .xls reader) → entries: the first sheet with a header row, else the first with names. */
export function parseRosterGrid(grid: WorkbookGrid, file: string): RosterResult {
  const name = fileBaseName(file);
  const sheets = grid.sheets.map((s) => sheetRows(s, name));
  const tables = sheets.map((rows) => parseRosterTable(rows));
  const filled = tables.find((t) => t !== null && t.entries.length > 0);
  if (filled) return { ok: true, ...filled };
  const empty = tables.find((t) => t !== null);
  if (empty) return withEntries(empty); // a header and no branch (the blank template): refused, its rows said
  for (const rows of sheets) {
    const plain = plainColumn(rows);
    if (plain && plain.entries.length > 0) return { ok: true, ...plain };
  }
  return { ok: false, reason: rosterZh.noNameColumn };
}

/** A roster file's bytes → its entries: a workbook by content (a zip), anything else as text. */
export async function parseRoster(bytes: Uint8Array, file: string): Promise<RosterResult> {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isCfb = bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isZip || isCfb) {
    const read = await readAnyWorkbook(bytes, fileBaseName(file));
    if (!read.ok) return { ok: false, reason: rosterZh.unreadable(read.reason) };
    return parseRosterGrid(read.grid, file);
  }
  const text = decodeText(bytes);
  if (text === null) return { ok: false, reason: rosterZh.notText };
  return parseRosterText(text, file);
}
