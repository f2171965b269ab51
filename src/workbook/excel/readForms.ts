import { parseRange } from '../../forms/address';
import { extractForms } from '../../model/extract';
import { isDateFormat } from '../../model/numberFormat';
import { cellKey, type DefinedName, type ExtractedForm, type GridCell, type SheetGrid, type WorkbookGrid } from '../../model/types';
import { localAddress, runExcel } from './run';

export interface ReadOptions {
  /** Only these sheets (e.g. the one that just changed); default every worksheet. */
  sheets?: readonly string[];
  /** Sheets not read (checking forms skips the summary sheets the add-in writes). */
  exclude?: readonly string[];
}

/**
 * What is read of each sheet: the cells of this window that are in use. A form (ours or
 * typed by hand) fits in a few dozen rows and columns; the window keeps a large data
 * sheet (a 20,000-row 问题清单, a member list) from making the response exceed Excel on
 * the web's 5 MB limit: a sheet costs at most 40 × 500 cells' values and formats.
 */
export const READ_WINDOW = 'A1:AN500';

/** "'附件1 …'!$A$2:$H$3, '附件1 …'!$C$4:$E$4" → ["A2:H3", "C4:E4"]. Sheet names may hold commas. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted; // '' inside a quoted name toggles twice
    else if ((ch === ',' || ch === undefined) && !quoted) {
      const part = address.slice(start, i).trim();
      if (part) out.push(localAddress(part));
      start = i + 1;
    }
  }
  return out;
}

/** A used range's values + number formats → the non-empty cells of a SheetGrid. */
export function gridFromValues(name: string, address: string | null, values: unknown[][], formats: unknown[][], merges: string[]): SheetGrid {
  const cells = new Map<number, GridCell>();
  if (address === null) return { name, cells, merges, maxRow: 0, maxCol: 0 };
  const r = parseRange(localAddress(address));
  values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v === '' || v === null || v === undefined) return;
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return;
      const cell: GridCell = { v };
      if (typeof v === 'number' && isDateFormat(String(formats[i]?.[j] ?? ''))) cell.date = true;
      cells.set(cellKey(r.top + i, r.left + j), cell);
    }),
  );
  return { name, cells, merges, maxRow: r.bottom, maxCol: r.right };
}

function definedName(item: Excel.NamedItem, scope?: string): DefinedName {
  return { name: item.name, scope, ref: item.formula.replace(/^=/, '') };
}

/**
 * Reads the workbook (or some sheets) into a WorkbookGrid: the values and number
 * formats of the used cells inside READ_WINDOW of each sheet (dates are known by their
 * format), merged areas where the host has ExcelApi 1.13 (else none: the engine reads
 * across merges by position), and the defined names, workbook- and sheet-scoped.
 *
 * Syncs: 2 (sheet list and workbook names; every sheet's window and names), whatever
 * the number of sheets. When that batch fails for any reason (the sheets together over
 * Excel on the web's response limit, a sheet with more than 512 merged areas, a
 * GeneralException), each sheet is read in a sync of its own, and a sheet whose merged
 * areas cannot be read is read again without them.
 */
export async function readWorkbookGrid(opts: ReadOptions = {}): Promise<WorkbookGrid> {
  return runExcel('readForms', { background: true }, (context) => loadWorkbookGrid(context, opts));
}

interface SheetRead {
  name: string;
  used: Excel.Range;
  names: Excel.NamedItemCollection;
  merged: Excel.RangeAreas | null;
}

/** Queues the read of one sheet (no sync). */
function queueSheetRead(sheet: Excel.Worksheet, withMerges: boolean): SheetRead {
  const window = sheet.getRange(READ_WINDOW);
  // Range.getUsedRangeOrNullObject (ExcelApi 1.4): the used cells inside the window, a
  // null object when there are none. Called on a real range, never on a null object.
  const used = window.getUsedRangeOrNullObject(true);
  used.load('address,values,numberFormat');
  const names = sheet.names;
  // NamedItem.scope (1.4): on the web sheet.names also lists the workbook's names
  // (https://github.com/OfficeDev/office-js/issues/1011); only Worksheet ones are the sheet's.
  names.load('items/name,items/formula,items/type,items/scope');
  let merged: Excel.RangeAreas | null = null;
  // Merged areas: ExcelApi 1.13.
  if (withMerges && Office.context.requirements.isSetSupported('ExcelApi', '1.13')) {
    // Over the window (not the possibly-null used range): a merged block may be empty.
    // "If the merged areas count in this range is more than 512, then this method will
    // fail" (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)).
    merged = window.getMergedAreasOrNullObject();
    merged.load('address');
  }
  return { name: sheet.name, used, names, merged };
}

/**
 * One sheet in a sync of its own; if that fails and merges were asked for, once more
 * without them (more than 512 merged areas). A sheet gone meanwhile is skipped (null).
 * Syncs: 1, or 2 on failure.
 */
async function readOneSheet(context: Excel.RequestContext, sheet: Excel.Worksheet, withMerges: boolean): Promise<SheetRead | null> {
  try {
    const read = queueSheetRead(sheet, withMerges);
    await context.sync();
    return read;
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ItemNotFound') return null;
    if (!withMerges) throw e;
    return readOneSheet(context, sheet, false);
  }
}

/** readWorkbookGrid inside an Excel.run of another operation. Syncs: 2. */
export async function loadWorkbookGrid(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<WorkbookGrid> {
  const sheets = context.workbook.worksheets;
  // Worksheet.visibility, readable from ExcelApi 1.1: Visible, Hidden or VeryHidden
  // (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member).
  // Loaded in the same sync as the names: still 2 syncs.
  sheets.load('items/name,items/visibility');
  const bookNames = context.workbook.names;
  bookNames.load('items/name,items/formula,items/type');
  await context.sync();

  const wanted = opts.sheets ? new Set(opts.sheets) : null;
  const excluded = new Set(opts.exclude ?? []);
  const chosen = sheets.items.filter((s) => (!wanted || wanted.has(s.name)) && !excluded.has(s.name));
  const hidden = new Set(chosen.filter((s) => s.visibility !== 'Visible').map((s) => s.name));
  let reads: SheetRead[] = chosen.map((sheet) => queueSheetRead(sheet, true));
  try {
    await context.sync();
  } catch {
    // Whatever failed (one sheet's merges, the response size, an internal error on the
    // web), one sheet per sync: a single sheet is bounded by the window.
    reads = [];
    for (const sheet of chosen) {
      const read = await readOneSheet(context, sheet, true);
      if (read) reads.push(read);
    }
  }

  const grid: WorkbookGrid = { sheets: [], names: [] };
  for (const item of bookNames.items) if (item.type === 'Range') grid.names.push(definedName(item));
  const canReadMerges = Office.context.requirements.isSetSupported('ExcelApi', '1.13');
  for (const read of reads) {
    let merges: string[] = [];
    if (canReadMerges && read.merged && !read.merged.isNullObject) merges = splitAreas(read.merged.address);
    const sheet = read.used.isNullObject
      ? gridFromValues(read.name, null, [], [], merges)
      : gridFromValues(read.name, read.used.address, read.used.values, read.used.numberFormat, merges);
    if (hidden.has(read.name)) sheet.hidden = true;
    grid.sheets.push(sheet);
    for (const item of read.names.items) if (item.type === 'Range' && item.scope === 'Worksheet') grid.names.push(definedName(item, read.name));
  }
  return grid;
}

/**
 * Every form found in the workbook (ours by tag, others by title and labels): the
 * engine's extractForms over readWorkbookGrid. Normalising and checking is the
 * caller's (normaliseForm, checkSubmission). Syncs: 2.
 */
export async function readForms(opts: ReadOptions = {}): Promise<ExtractedForm[]> {
  return extractForms(await readWorkbookGrid(opts));
}
