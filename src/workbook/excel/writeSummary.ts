import { columnLetters } from '../../forms/address';
import { asideSheetName } from '../../i18n/excel';
import { GENERAL_FORMAT, TEXT_FORMAT } from '../layout';
import { uniqueSheetName } from './insertForm';
import { setSummaryAutoFilter, setSummaryPageLayout } from './pageLayout';
import { charsToPoints } from '../../forms';
import { runExcel } from './run';

/** One summary sheet as a plain table (the merge's Summary is turned into these by the caller). */
export interface SummaryTable {
  name: string;
  header: string[];
  rows: (string | number | null)[][];
  /** Column widths in characters. */
  widths?: number[];
  /** Print landscape (wide tables). */
  landscape?: boolean;
}

export interface WrittenSummary {
  sheets: string[];
  /** Requests the rows were split into (one sync each). */
  chunks: number;
  /** False when the host lacks ExcelApi 1.9: no autofilter, print titles or page setup. */
  printSetupApplied: boolean;
}

/** Excel on the web rejects a request above 5 MB (RequestPayloadSizeLimitExceeded). */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** Rows per request: below the limit, with room for the other commands of the same sync. */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** Excel's limit of characters in one cell. */
export const MAX_CELL_CHARS = 32767;

type Cell = string | number;

/** What a cell becomes: text stays text ('@' is set before the value, so "=1+1" or "-3" is not evaluated). */
export function cellOf(v: string | number | null | undefined): { value: Cell; format: string } {
  if (v === null || v === undefined) return { value: '', format: GENERAL_FORMAT };
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v, format: GENERAL_FORMAT } : { value: String(v), format: TEXT_FORMAT };
  const text = v.length > MAX_CELL_CHARS ? `${v.slice(0, MAX_CELL_CHARS - 1)}…` : v;
  return { value: text, format: TEXT_FORMAT };
}

const encoder = new TextEncoder();

/** Estimated request bytes of one row: its values and number formats as JSON, UTF-8. */
export function rowBytes(values: Cell[], formats: string[]): number {
  return encoder.encode(JSON.stringify(values)).length + encoder.encode(JSON.stringify(formats)).length + 2;
}

/** Consecutive rows of one table written by one command. */
export interface RowSegment {
  table: number;
  /** Index into the table's rows. */
  first: number;
  count: number;
}

export interface PreparedTable {
  name: string;
  width: number;
  values: Cell[][];
  formats: string[][];
  bytes: number[];
}

export function prepareTable(t: SummaryTable): PreparedTable {
  const width = Math.max(1, t.header.length, ...t.rows.map((r) => r.length));
  const values: Cell[][] = [];
  const formats: string[][] = [];
  const bytes: number[] = [];
  for (const row of t.rows) {
    const cells = Array.from({ length: width }, (_, j) => cellOf(row[j]));
    values.push(cells.map((c) => c.value));
    formats.push(cells.map((c) => c.format));
    bytes.push(rowBytes(values[values.length - 1], formats[formats.length - 1]));
  }
  return { name: t.name, width, values, formats, bytes };
}

/**
 * Splits all tables' rows into requests of at most `limit` estimated bytes, in order
 * (a request may hold the end of one table and the start of the next). Always at least
 * one (possibly empty) chunk.
 */
export function planChunks(tables: PreparedTable[], limit = CHUNK_BYTES): RowSegment[][] {
  const chunks: RowSegment[][] = [[]];
  let size = 0;
  tables.forEach((t, table) => {
    t.bytes.forEach((b, i) => {
      let chunk = chunks[chunks.length - 1];
      if (size > 0 && size + b > limit) {
        chunk = [];
        chunks.push(chunk);
        size = 0;
      }
      const last = chunk[chunk.length - 1];
      if (last && last.table === table && last.first + last.count === i) last.count++;
      else chunk.push({ table, first: i, count: 1 });
      size += b;
    });
  });
  return chunks;
}

/**
 * Writes the summary sheets (汇总/进度/问题清单/未报送 …), each replacing an existing sheet
 * of the same name at the same position: header row bold and frozen, autofilter,
 * submitted text as text (never a formula), widths, and A4 printing with the header
 * repeated, fitted to the page width.
 *
 * Syncs: 1 (existing sheets) + one per chunk of rows of ≤ 4 MB (CHUNK_BYTES); the
 * sheets' set-up rides with the first chunk and the finishing touches with the last,
 * so a small summary takes 2.
 */
export async function writeSummary(tables: SummaryTable[]): Promise<WrittenSummary> {
  const prepared = tables.map(prepareTable);
  const chunks = planChunks(prepared);
  return runExcel('writeSummary', true, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/position');
    await context.sync();

    const existing = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
    const allNames = sheets.items.map((s) => s.name);
    const old: Excel.Worksheet[] = [];
    const moves: { sheet: Excel.Worksheet; position: number }[] = [];
    const created = tables.map((t, i) => {
      const previous = existing.get(t.name.toLowerCase());
      if (previous) {
        // Renamed out of the way now, deleted last: the workbook never runs out of sheets.
        const aside = uniqueSheetName(asideSheetName(t.name), allNames);
        allNames.push(aside);
        previous.name = aside;
        old.push(previous);
      }
      const sheet = sheets.add(t.name);
      if (previous) moves.push({ sheet, position: previous.position });
      const p = prepared[i];
      const last = columnLetters(p.width);
      const header = sheet.getRange(`A1:${last}1`);
      header.numberFormat = [Array.from({ length: p.width }, () => TEXT_FORMAT)];
      header.values = [Array.from({ length: p.width }, (_, j) => cellOf(t.header[j]).value)];
      header.format.font.bold = true;
      header.format.fill.color = '#F2F2F2';
      header.format.wrapText = true;
      header.format.verticalAlignment = 'Center';
      t.widths?.forEach((chars, j) => {
        const letter = columnLetters(j + 1);
        sheet.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(chars);
      });
      sheet.freezePanes.freezeRows(1);
      return sheet;
    });
    // Each new sheet goes just before the one it replaces; every earlier move shifts the
    // later old sheets one place right, so moves go in order of position.
    moves
      .sort((a, b) => a.position - b.position)
      .forEach((move, k) => {
        move.sheet.position = move.position + k;
      });

    let printSetupApplied = true;
    for (const [n, chunk] of chunks.entries()) {
      for (const seg of chunk) {
        const p = prepared[seg.table];
        const top = seg.first + 2;
        const range = created[seg.table].getRange(`A${top}:${columnLetters(p.width)}${top + seg.count - 1}`);
        range.numberFormat = p.formats.slice(seg.first, seg.first + seg.count);
        range.values = p.values.slice(seg.first, seg.first + seg.count);
      }
      if (n === chunks.length - 1) {
        created.forEach((sheet, i) => {
          const p = prepared[i];
          const table = `A1:${columnLetters(p.width)}${p.values.length + 1}`;
          const filtered = setSummaryAutoFilter(sheet, table);
          const laidOut = setSummaryPageLayout(sheet, tables[i].landscape ?? p.width > 6);
          printSetupApplied = printSetupApplied && filtered && laidOut;
        });
        for (const sheet of old) sheet.delete();
        if (created.length) created[0].activate();
      }
      await context.sync();
    }
    return { sheets: tables.map((t) => t.name), chunks: chunks.length, printSetupApplied };
  });
}
