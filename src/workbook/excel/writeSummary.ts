import { columnLetters } from '../../forms/address';
import { asideSheetName } from '../../i18n/excel';
import { GENERAL_FORMAT, TEXT_FORMAT } from '../layout';
import { uniqueSheetName } from './insertForm';
import { fitsToPages, setSummaryAutoFilter, setSummaryPageLayout } from './pageLayout';
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
  /** Columns printed, from A (the rest, e.g. full paths, are for the screen); all when absent. */
  printColumns?: number;
  /** Columns (0-based) of shares from 0 to 1 that get a data bar over all rows, e.g. 报送率. */
  dataBars?: number[];
}

export interface WrittenSummary {
  sheets: string[];
  /** Requests the rows were written in (one sync each), after any halving. */
  chunks: number;
  /** False when the host lacks ExcelApi 1.9: no autofilter, print titles or page setup. */
  printSetupApplied: boolean;
  /** Sheets whose fit-to-width zoom the host did not keep (office-js issue #1860). */
  notFitted: string[];
  /** False when freezing the header row failed (it does on some Excel 2019 builds); the sheets are written anyway. */
  frozen: boolean;
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

/** Two halves of a chunk, by rows (a segment may be cut in two). */
export function halveChunk(chunk: readonly RowSegment[]): [RowSegment[], RowSegment[]] {
  const total = chunk.reduce((n, seg) => n + seg.count, 0);
  let left = Math.ceil(total / 2);
  const first: RowSegment[] = [];
  const second: RowSegment[] = [];
  for (const seg of chunk) {
    if (left >= seg.count) {
      first.push(seg);
      left -= seg.count;
    } else if (left > 0) {
      first.push({ ...seg, count: left });
      second.push({ table: seg.table, first: seg.first + left, count: seg.count - left });
      left = 0;
    } else second.push(seg);
  }
  return [first, second];
}

/**
 * A request Excel refused for its size: RequestPayloadSizeLimitExceeded, or on the web
 * sometimes only GeneralException ("An internal error has occurred" for a large write,
 * https://github.com/OfficeDev/office-js/issues/1314,
 * https://github.com/OfficeDev/office-js-docs-reference/issues/354).
 */
function isTooLarge(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'GeneralException';
}

/**
 * Writes the summary sheets (汇总/进度/问题清单/未报送 …), each replacing an existing sheet
 * of the same name at the same position: header row bold and frozen, autofilter,
 * submitted text as text (never a formula), widths, and A4 printing with the header
 * repeated, fitted to the page width.
 *
 * Rows go in requests of ≤ 4 MB by their measured JSON size (CHUNK_BYTES); a request
 * Excel still refuses for its size is halved and sent again (writing the same cells
 * twice is harmless), down to one row. freezeRows runs in a sync of its own and may fail
 * (GeneralException on some Excel 2019 builds, https://github.com/OfficeDev/office-js/issues/2196):
 * the summary is complete without it and `frozen` says so. Any other failure leaves the
 * workbook as it was: the new sheets are deleted and the old ones get their names back
 * (they are renamed aside, never moved, and deleted only in the last batch).
 *
 * Syncs: 4 + one per chunk of rows (existing sheets; new sheets and headers; the rows;
 * print setup, old sheets deleted and the zoom read back; the frozen header row), so a
 * small summary takes 5; each halving adds one. On failure, 2 more to roll back.
 */
export async function writeSummary(tables: SummaryTable[]): Promise<WrittenSummary> {
  const prepared = tables.map(prepareTable);
  const planned = planChunks(prepared);
  /** Set before the new sheets are added, cleared once the old ones are gone: what a rollback must undo. */
  let pending: Pending[] | null = null;
  try {
    return await runExcel('writeSummary', { raisesChanges: true }, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/position');
      await context.sync();

      const existing = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
      const allNames = sheets.items.map((s) => s.name);
      const old: Excel.Worksheet[] = [];
      const replaced: Pending[] = [];
      const moves: { sheet: Excel.Worksheet; position: number }[] = [];
      const created = tables.map((t, i) => {
        const previous = existing.get(t.name.toLowerCase());
        if (previous) {
          // Renamed out of the way now, deleted last: the workbook never runs out of sheets.
          const aside = uniqueSheetName(asideSheetName(t.name), allNames);
          allNames.push(aside);
          replaced.push({ name: t.name, aside, previous: previous.name });
          previous.name = aside;
          old.push(previous);
        }
        if (!previous) replaced.push({ name: t.name });
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
        return sheet;
      });
      // Each new sheet goes just before the one it replaces; every earlier move shifts the
      // later old sheets one place right, so moves go in order of position.
      moves
        .sort((a, b) => a.position - b.position)
        .forEach((move, k) => {
          move.sheet.position = move.position + k;
        });
      pending = replaced;
      await context.sync();

      let chunks = 0;
      const writeChunk = async (chunk: RowSegment[]): Promise<void> => {
        for (const seg of chunk) {
          const p = prepared[seg.table];
          const top = seg.first + 2;
          const range = created[seg.table].getRange(`A${top}:${columnLetters(p.width)}${top + seg.count - 1}`);
          range.numberFormat = p.formats.slice(seg.first, seg.first + seg.count);
          range.values = p.values.slice(seg.first, seg.first + seg.count);
        }
        try {
          await context.sync();
          chunks++;
        } catch (e) {
          const rows = chunk.reduce((n, seg) => n + seg.count, 0);
          if (!isTooLarge(e) || rows < 2) throw e;
          for (const half of halveChunk(chunk)) await writeChunk(half);
        }
      };
      for (const chunk of planned) if (chunk.length > 0) await writeChunk(chunk);

      let printSetupApplied = true;
      const layouts = created.map((sheet, i) => {
        const p = prepared[i];
        const table = `A1:${columnLetters(p.width)}${p.values.length + 1}`;
        const filtered = setSummaryAutoFilter(sheet, table);
        // Its zoom is read back after the setters ran: a host may not keep fit-to-page (issue #1860).
        const printed = Math.min(p.width, tables[i].printColumns ?? p.width);
        const printArea = printed < p.width ? `A1:${columnLetters(printed)}${p.values.length + 1}` : undefined;
        const layout = setSummaryPageLayout(sheet, tables[i].landscape ?? p.width > 6, printArea);
        printSetupApplied = printSetupApplied && filtered && layout !== null;
        for (const col of tables[i].dataBars ?? []) addDataBar(sheet.getRange(`${columnLetters(col + 1)}2:${columnLetters(col + 1)}${Math.max(2, p.values.length + 1)}`));
        return layout;
      });
      for (const sheet of old) sheet.delete();
      if (created.length) created[0].activate();
      await context.sync();
      pending = null;
      const notFitted = tables.filter((_, i) => layouts[i] !== null && !fitsToPages(layouts[i], false)).map((t) => t.name);

      let frozen = true;
      try {
        for (const sheet of created) sheet.freezePanes.freezeRows(1);
        await context.sync();
      } catch {
        frozen = false;
      }
      return { sheets: tables.map((t) => t.name), chunks, printSetupApplied, notFitted, frozen };
    });
  } catch (e) {
    if (pending) await rollBack(pending);
    throw e;
  }
}

/**
 * A data bar from 0 (no bar) to 1 (a full cell), in Excel's own blue, queued in the
 * caller's batch: ConditionalFormatCollection.add(Excel.ConditionalFormatType.dataBar) and
 * DataBarConditionalFormat (ExcelApi 1.6, below the manifest's 1.7: no guard;
 * https://learn.microsoft.com/javascript/api/excel/excel.databarconditionalformat — the
 * bound rules "must be set as a JSON object").
 */
function addDataBar(range: Excel.Range): void {
  const bar = range.conditionalFormats.add('DataBar').dataBar;
  bar.lowerBoundRule = { type: 'Number', formula: '0' };
  bar.upperBoundRule = { type: 'Number', formula: '1' };
  bar.positiveFormat.fillColor = '#638EC6';
}

/** A summary sheet being written: its name, and where the sheet it replaces was put aside. */
interface Pending {
  name: string;
  aside?: string;
  /** The old sheet's own name (its case may differ from `name`). */
  previous?: string;
}

/**
 * Puts the workbook back as it was before a failed writeSummary: the new sheets deleted,
 * the old ones renamed back. A sheet whose old one was never renamed aside (the batch
 * stopped before) is that old sheet and stays. Best effort, in an Excel.run of its own
 * (the failed one's objects are gone); the caller throws the original error. Syncs: 2.
 */
async function rollBack(pending: readonly Pending[]): Promise<void> {
  try {
    await runExcel('writeSummary', { raisesChanges: true }, async (context) => {
      const sheets = context.workbook.worksheets;
      const found = pending.map((p) => ({
        p,
        sheet: sheets.getItemOrNullObject(p.name).load('name'),
        aside: p.aside ? sheets.getItemOrNullObject(p.aside).load('name') : null,
      }));
      await context.sync();
      for (const { p, sheet, aside } of found) {
        if (p.aside && (aside === null || aside.isNullObject)) continue; // never renamed: `sheet` is the old one
        if (!sheet.isNullObject) sheet.delete();
        if (aside && !aside.isNullObject) aside.name = p.previous ?? p.name;
      }
      await context.sync();
    });
  } catch {
    // Nothing more the add-in can do; the original error is what the user sees.
  }
}
