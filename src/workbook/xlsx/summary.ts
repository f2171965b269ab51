/**
 * The summary workbook of a merge (DESIGN.md "Summary workbook"): 汇总, 进度, 问题清单,
 * and 未报送 when a roster was given. Browser-safe (exceljs only): the command line
 * writes the bytes to disk, the task pane offers them as a download.
 *
 * Every text that came from a submitted file is written as a plain string cell, so a
 * value like "=1+1" or "@SUM(A1)" stays text (exceljs only writes a formula for a
 * { formula } value). exceljs 4.4.0 cannot write the quotePrefix style, so such a cell
 * is not protected against being retyped into a formula in Excel. Characters XML cannot
 * hold are dropped and cells are cut at Excel's 32,767 characters.
 *
 * Rows of wrapped text are given the height of their lines (rowHeight), and the zip
 * entries are dated at the as-of date (workbookBytes): the same summary, the same bytes.
 *
 * The sheets are data (summarySheets: columns, rows, feet, fills, print setup), written
 * by two writers: exceljs in memory (summaryWorkbook.ts: the task pane reads its cells
 * back), and the streaming SpreadsheetWriter (writeSummary: the command line and the
 * page's download, which never load exceljs for it: nothing here imports it at run time).
 */

import type ExcelJS from 'exceljs';
import { getForm, MAX_ROW_HEIGHT } from '../../forms';
import type { FieldId, FormId } from '../../forms/types';
import { mergeZh, severityZh, summaryZh } from '../../i18n/merge';
import { ruleName } from '../../i18n/rules';
import { overallTotals, progressTotals } from '../../merge';
import type { FormTotals, ProgressRow, Summary, SummaryRow } from '../../merge/types';
import { displayWidth, wrappedLines } from '../../model/text';
import { collectBytes, columnLetters, SpreadsheetWriter, type XDataBar, type XPage, type XStyle } from './sheetWriter';
import { withFixedZipTimes } from './zipTimes';
import { withNormalFont } from './normalFont';
import { groupedRows, parentGrouping, reminderTable, statusTable, type ParentGrouping } from './committeeSheets';
import { committeeSheetsZh, committeeZh } from '../../i18n/committee';

const MAX_CELL = 32767;
/** One line of 11-pt 宋体 (Excel's own row height for it is 14.25 pt), and a little room above and below. */
const LINE_PT = 15;
const ROW_PAD_PT = 3;
const HEADER_PT = 24;

/** Every sheet's print setup: A4 landscape, fit to one page wide, centred. */
const PAGE: XPage = {
  paperSize: 9,
  orientation: 'landscape',
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
};
const FONT = { name: '宋体', size: 11 };
const BORDER_ARGB = 'FFA6A6A6';
const HEADER_FILL = 'FFD9E1F2';
const TOTAL_FILL = 'FFF2F2F2';
const NOT_DONE_FILL = 'FFFCE4D6';

/** The header cells' look. */
const HEADER_STYLE: XStyle = { font: { ...FONT, bold: true }, fill: HEADER_FILL, border: BORDER_ARGB, horizontal: 'center', vertical: 'middle', wrap: true };

/** A body (or, `foot`, total) cell of a column, with an optional fill. */
function cellStyle(c: ColumnDef, foot: boolean, fill?: string): XStyle {
  const s: XStyle = { font: foot ? { ...FONT, bold: true } : FONT, border: BORDER_ARGB, horizontal: c.align ?? 'left', vertical: 'top', wrap: c.wrap ?? false };
  const f = foot ? TOTAL_FILL : fill;
  if (f) s.fill = f;
  if (c.numFmt) s.numFmt = c.numFmt;
  return s;
}

/** Text safe for a cell: no XML-invalid control characters, at most Excel's cell limit. */
export function cellText(s: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return clean.length > MAX_CELL ? clean.slice(0, MAX_CELL) : clean;
}

/**
 * A row's height for its wrapped cells: LibreOffice (and Excel when printing) does not
 * grow a row to fit, so a row of long text would print one line and cut the rest.
 * Undefined for a row of one line (the default height); at most Excel's 409 pt.
 */
export function rowHeight(values: readonly CellValue[], widths: readonly number[], wrap: readonly boolean[]): number | undefined {
  let lines = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!wrap[i] || typeof v !== 'string' || v === '') continue;
    const room = widths[i] - 1; // less the cell's padding
    // One line for sure (no character is wider than 2 units): not measured.
    if (v.length * 2 <= room && v.indexOf('\n') < 0) continue;
    lines = Math.max(lines, wrappedLines(v, room));
  }
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_PT + ROW_PAD_PT) : undefined;
}

export type CellValue = string | number | Date | null;

export interface ColumnDef {
  header: string;
  /** Widest a column grows (characters); longer text wraps. */
  max: number;
  min?: number;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  numFmt?: string;
  /** False: on screen, not on paper (after the printed columns, outside the print area), e.g. a full path. */
  print?: false;
  /** A data bar over the body and foot: a share from 0 (no bar) to 1 (full), e.g. 报送率. */
  dataBar?: true;
}

/** Excel's own data bar blue. */
const DATA_BAR_ARGB = 'FF638EC6';

/** The short name ("附件1"): what the committee calls the forms, and it keeps the column narrow. */
function formLabel(form: FormId): string {
  return getForm(form).attachment;
}

function text(v: unknown): string | null {
  if (v == null) return null;
  const s = cellText(String(v));
  return s === '' ? null : s;
}

/** 申报时间: a real date cell for a full date, the text "2019年4月" for a month-only one. */
function dateCell(v: unknown): CellValue {
  if (typeof v !== 'string') return v == null ? null : text(v);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  const month = /^(\d{4})-(\d{2})$/.exec(v);
  if (month) return `${Number(month[1])}年${Number(month[2])}月`;
  return text(v);
}

function count(v: unknown): CellValue {
  return typeof v === 'number' ? v : text(v);
}

export function zhDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A sheet's content: header, body rows, then rows at the foot (outside the filter range). */
export interface Table {
  name: string;
  title: string;
  columns: ColumnDef[];
  /** Body rows; iterated twice (widths, then writing), so an array or a re-iterable view (rowsOf). */
  rows: RowList;
  feet?: CellValue[][];
  /** A fill (ARGB) for one body cell (row and column 0-based), e.g. a month not done. */
  fill?: (row: number, col: number) => string | undefined;
}

/** The grey of the foot rows, for subtotal rows inside a body. */
export const SUBTOTAL_FILL = TOTAL_FILL;

/** Rows, and how many: an array, or a view (rowsOf). */
export type RowList = Iterable<CellValue[]> & { readonly length: number };

/** A re-iterable view of `list` as rows: each row is made when written, not kept. */
export function rowsOf<T>(list: readonly T[], row: (item: T, i: number) => CellValue[]): RowList {
  return {
    length: list.length,
    *[Symbol.iterator]() {
      for (let i = 0; i < list.length; i++) yield row(list[i], i);
    },
  };
}

/** What both writers need beyond the table: column widths (characters), which wrap, the header's height, the body's length, the print area. */
interface Layout {
  widths: number[];
  wrap: boolean[];
  headerHeight: number;
  bodyRows: number;
  /** "A1:M70": the printed columns (those before the first `print: false` one), header to foot. */
  printArea: string;
  dataBars: XDataBar[];
}

/**
 * A table's column widths in characters: each column's widest text (header, body and foot)
 * and a margin, within its cap. exceljs leaves out a column of its default width 9 (the
 * reader then takes its own default, 8.43), so such a column is made a hair wider, the same
 * in both writers.
 */
export function columnWidths(t: Pick<Table, 'columns' | 'rows' | 'feet'>): number[] {
  const { columns } = t;
  const content = columns.map((c) => Math.max(c.min ?? 4, displayWidth(c.header)));
  // A column at its cap cannot widen: its values are not measured, and once every column is
  // at its cap the rest of the rows are not made (most of a summary's texts are a full path
  // or a message, as wide as their column allows after a few rows).
  const capped = columns.map((c, i) => content[i] + 2 >= c.max);
  let open = capped.filter((c) => !c).length;
  const widen = (values: CellValue[]) => {
    for (let i = 0; i < values.length; i++) {
      if (capped[i]) continue;
      const v = values[i];
      // Text no wider than the column so far is not measured (no character is wider than 2 units).
      const w = v instanceof Date ? 16 : typeof v === 'number' ? String(v).length : v && v.length * 2 > content[i] ? displayWidth(v) : 0;
      if (w <= content[i]) continue;
      content[i] = w;
      if (w + 2 >= columns[i].max) {
        capped[i] = true;
        open--;
      }
    }
  };
  for (const values of t.feet ?? []) widen(values);
  for (const values of t.rows) {
    if (open === 0) break;
    widen(values);
  }
  return columns.map((c, i) => Math.min(c.max, content[i] + 2)).map((w) => (w === 9 ? 9.1 : w));
}

function layoutOf(t: Table): Layout {
  const { columns } = t;
  const widths = columnWidths(t);
  const wrap = columns.map((c) => c.wrap ?? false);
  // Header cells always wrap: a header wider than its column's cap takes two lines.
  const headerHeight = Math.max(HEADER_PT, rowHeight(columns.map((c) => c.header), widths, columns.map(() => true)) ?? 0);
  const firstHidden = columns.findIndex((c) => c.print === false);
  const printed = firstHidden < 0 ? columns.length : firstHidden;
  const bodyRows = t.rows.length;
  const lastRow = 1 + bodyRows + (t.feet?.length ?? 0);
  const printArea = `A1:${columnLetters(Math.max(0, printed - 1))}${lastRow}`;
  const dataBars = columns.flatMap((c, i) => (c.dataBar && lastRow > 1 ? [{ ref: `${columnLetters(i)}2:${columnLetters(i)}${lastRow}`, min: 0, max: 1, color: DATA_BAR_ARGB }] : []));
  return { widths, wrap, headerHeight, bodyRows, printArea, dataBars };
}

/**
 * Short names for the printed source column: a file's name, or its last folder and name
 * when another source has the same name (every branch sends "附件2.xlsx"). The full
 * path stays in the workbook, in a column after the printed ones.
 */
export function shortPaths(files: Iterable<string>): (file: string) => string {
  // Per name, its first path, or true once another path has it: no set of paths per name
  // (a province's 100,000 files would make 100,000 sets).
  const byName = new Map<string, string | true>();
  for (const f of files) {
    const end = segmentEnd(f, f.length);
    const name = end === 0 ? f : f.slice(segmentStart(f, end), end);
    const seen = byName.get(name);
    if (seen === undefined) byName.set(name, f);
    else if (seen !== true && seen !== f) byName.set(name, true);
  }
  return (f) => {
    const end = segmentEnd(f, f.length);
    if (end === 0) return f;
    const start = segmentStart(f, end);
    const name = f.slice(start, end);
    if (byName.get(name) !== true) return name;
    const folderEnd = segmentEnd(f, start);
    return folderEnd === 0 ? name : `${f.slice(segmentStart(f, folderEnd), folderEnd)}/${name}`;
  };
}

// A path's segments read from its end, by char codes: splitting every path of a
// 10,000-file summary (twice) was a sixth of writing it. Either separator; a run of them is one.
const isSeparator = (c: number) => c === 47 || c === 92; // '/', '\\'
/** The end of the last segment before `end` (0: none). */
function segmentEnd(f: string, end: number): number {
  while (end > 0 && isSeparator(f.charCodeAt(end - 1))) end--;
  return end;
}
/** The start of the segment that ends at `end`. */
function segmentStart(f: string, end: number): number {
  while (end > 0 && !isSeparator(f.charCodeAt(end - 1))) end--;
  return end;
}

const headerText = (t: Table) => `&C&12${t.title.replace(/&/g, '&&')}`;
const footerText = () => `&C${summaryZh.footer}`;

/** A body value as written: text made cell-safe, empty text as no value. */
function bodyValue(v: CellValue): CellValue {
  return v === '' ? null : typeof v === 'string' ? cellText(v) : v;
}

function exceljsStyle(s: XStyle): Partial<ExcelJS.Style> {
  const side: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: s.border } };
  return {
    font: s.font.bold ? { ...s.font, bold: true } : { ...s.font },
    ...(s.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: s.fill } } } : {}),
    ...(s.border ? { border: { top: side, left: side, bottom: side, right: side } } : {}),
    alignment: { horizontal: s.horizontal, vertical: s.vertical, wrapText: s.wrap ?? false },
    ...(s.numFmt ? { numFmt: s.numFmt } : {}),
  };
}

/** Adds a table to an in-memory exceljs workbook: styled, frozen, filtered header and A4 landscape print setup. */
export function addTable(wb: ExcelJS.Workbook, t: Table): void {
  const { columns } = t;
  const feet = t.feet ?? [];
  const { widths, wrap, headerHeight, bodyRows, printArea, dataBars } = layoutOf(t);
  const ws = wb.addWorksheet(t.name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }],
    // exceljs writes the print area as '$' + first + ':$' + last: "A$1" makes it absolute ($A$1), which LibreOffice applies ($A1 it does not).
    pageSetup: { ...PAGE, fitToPage: true, printTitlesRow: '1:1', printArea: printArea.replace(/([A-Z]+)(\d+)/g, '$1$$$2') },
    headerFooter: { oddHeader: headerText(t), oddFooter: footerText() },
  });
  ws.columns = widths.map((width) => ({ width }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, bodyRows + 1), column: columns.length } };
  // gradient: true keeps exceljs to the ECMA-376 data bar (its Excel 2010 extension carries a
  // random GUID: the same summary would not give the same bytes); workbookBytes drops the
  // empty reference to that extension exceljs still writes.
  for (const [i, d] of dataBars.entries()) {
    ws.addConditionalFormatting({ ref: d.ref, rules: [{ type: 'dataBar', priority: i + 1, gradient: true, cfvo: [{ type: 'num', value: d.min }, { type: 'num', value: d.max }], color: { argb: d.color } } as ExcelJS.ConditionalFormattingRule] });
  }

  const header = ws.getRow(1);
  const headerStyle = exceljsStyle(HEADER_STYLE);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = headerStyle;
  });
  header.height = headerHeight;

  // One style object per column (and per fill): exceljs dedupes styles by content, and
  // shared objects keep ten thousand rows from carrying ten thousand copies.
  const bodyStyles = columns.map((c) => exceljsStyle(cellStyle(c, false)));
  const footStyles = columns.map((c) => exceljsStyle(cellStyle(c, true)));
  let r = 0;
  for (const values of t.rows) {
    const row = ws.getRow(r + 2);
    const height = rowHeight(values, widths, wrap);
    if (height !== undefined) row.height = height;
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      const value = bodyValue(v);
      if (value !== null) cell.value = value;
      const fill = t.fill?.(r, i);
      cell.style = fill ? exceljsStyle(cellStyle(columns[i], false, fill)) : bodyStyles[i];
    });
    r++;
  }
  feet.forEach((values, k) => {
    const row = ws.getRow(bodyRows + 2 + k);
    const height = rowHeight(values, widths, wrap);
    if (height !== undefined) row.height = height;
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      if (v !== null) cell.value = v;
      cell.style = footStyles[i];
    });
  });
}

/** Streams a table into a SpreadsheetWriter: the same cells, styles and setup as addTable. */
function streamTable(w: SpreadsheetWriter, t: Table): void {
  const { columns } = t;
  const { widths, wrap, headerHeight, bodyRows, printArea, dataBars } = layoutOf(t);
  const headerStyles = columns.map(() => w.style(HEADER_STYLE));
  const bodyStyles = columns.map((c) => w.style(cellStyle(c, false)));
  const footStyles = columns.map((c) => w.style(cellStyle(c, true)));
  const filledStyles = new Map<string, number>();
  const filled = (col: number, fill: string) => {
    const key = `${col} ${fill}`;
    let id = filledStyles.get(key);
    if (id === undefined) filledStyles.set(key, (id = w.style(cellStyle(columns[col], false, fill))));
    return id;
  };
  function* rows() {
    yield { height: headerHeight, values: columns.map((c) => c.header), styles: headerStyles };
    let r = 0;
    for (const raw of t.rows) {
      const values = raw.map(bodyValue);
      let styles = bodyStyles;
      if (t.fill) {
        for (let i = 0; i < columns.length; i++) {
          const fill = t.fill(r, i);
          if (fill === undefined) continue;
          if (styles === bodyStyles) styles = bodyStyles.slice();
          styles[i] = filled(i, fill);
        }
      }
      yield { height: rowHeight(raw, widths, wrap), values, styles };
      r++;
    }
    for (const values of t.feet ?? []) yield { height: rowHeight(values, widths, wrap), values, styles: footStyles };
  }
  w.addSheet({ name: t.name, widths, headerRows: 1, filterRows: Math.max(1, bodyRows + 1), printArea, dataBars, page: PAGE, header: headerText(t), footer: footerText() }, rows());
}

const ROW_FIELDS: { field: FieldId; kind: 'date' | 'count' | 'text' }[] = [
  { field: 'date', kind: 'date' },
  { field: 'memberCount', kind: 'count' },
  { field: 'committeeCount', kind: 'count' },
  { field: 'secretaryName', kind: 'text' },
  { field: 'contact', kind: 'text' },
  { field: 'partyCommitteeOpinion', kind: 'text' },
  { field: 'workCommitteeOpinion', kind: 'text' },
];

function summaryRowValues(r: SummaryRow, n: number, short: (file: string) => string): CellValue[] {
  const f = r.submission.fields;
  const values: CellValue[] = [n, r.branch, formLabel(r.form)];
  for (const { field, kind } of ROW_FIELDS) {
    const v = f[field];
    values.push(kind === 'date' ? dateCell(v) : kind === 'count' ? count(v) : text(v));
  }
  const source = summaryZh.source(r.submission.file, r.submission.sheet, r.submission.cells.branchName);
  const origin = r.submission.origin; // read from a 报送包: the chain to the branch's own file
  values.push(r.errors, r.warnings, short(r.submission.file), origin ? mergeZh.viaPack(source, origin.file, origin.sheet) : source);
  return values;
}

/** A foot row of 汇总. `counts: false` leaves 党员人数 and 支委人数 blank (附件3 has no such fields). */
function totalValues(label: string, t: Omit<FormTotals, 'form'>, counts = true): CellValue[] {
  const branches = summaryZh.branchesApart(t.branches, t.organisations, t.unnamed);
  return [null, label, branches, null, counts ? t.members : null, counts ? t.committeeMembers : null, null, null, null, null, t.errors, t.warnings, null, null];
}

function rowsSheet(summary: Summary, title: string, short: (file: string) => string, groups: ParentGrouping | null): Table {
  const h = summaryZh.rowHeaders;
  // Caps sum to 134 printed characters (was 181, and 288 before; 146 grouped): on A4
  // landscape after fit to width every word prints at 9 pt or more (test/print/summary.test.ts);
  // longer text wraps and the row grows. The full source is on screen only, after the printed columns.
  const columns: ColumnDef[] = [
    { header: h[0], max: 5, align: 'center' },
    { header: h[1], max: 22, wrap: true },
    { header: h[2], max: 7, wrap: true },
    // A date cell never wraps: too narrow and it prints as ###. 16 holds 2019年12月31日 in
    // LibreOffice's fallback fonts (13 printed ### from 4月16日 on).
    { header: h[3], max: 16, min: 16, align: 'center', numFmt: 'yyyy"年"m"月"d"日"' },
    { header: h[4], max: 6, align: 'right' },
    { header: h[5], max: 6, align: 'right' },
    { header: h[6], max: 9, wrap: true },
    { header: h[7], max: 13, wrap: true },
    { header: h[8], max: 12, wrap: true },
    { header: h[9], max: 12, wrap: true },
    { header: h[10], max: 5, align: 'right' },
    { header: h[11], max: 5, align: 'right' },
    { header: h[12], max: 16, wrap: true },
    { header: summaryZh.fullSource, max: 60, wrap: true, print: false },
  ];
  // Totals at the foot, outside the filter range: one per form present, then the grand total.
  // Branch counts and member sums cover branches only; 总计 counts each branch once (see overallTotals).
  const feet: CellValue[][] = summary.totals
    .filter((t) => t.branches + t.organisations + t.unnamed > 0)
    .map((t) => totalValues(summaryZh.formTotal(getForm(t.form).attachment), t, t.form !== 'progress'));
  feet.push(totalValues(summaryZh.grandTotal, summary.total));
  if (!groups) {
    const rows = rowsOf(summary.rows, (r, i) => summaryRowValues(r, i + 1, short));
    return { name: summaryZh.sheets.rows, title, columns, rows, feet };
  }
  // Grouped: 上级党组织 after 序号; each group's subtotal counts its branches once and their members once.
  const rows: CellValue[][] = [];
  const subtotals = new Set<number>();
  let n = 0;
  for (const g of groupedRows(summary.rows, (r) => groups.of(r.kind, r.branchKey), groups.labels.length)) {
    const label = groups.labels[g.group];
    for (const r of g.items) rows.push(withParent(summaryRowValues(r, ++n, short), label));
    subtotals.add(rows.length);
    rows.push(groupedFoot(totalValues(committeeSheetsZh.subtotal(label), overallTotals(g.items))));
  }
  columns.splice(1, 0, { header: committeeZh.parentHeader, max: 12, wrap: true });
  return { name: summaryZh.sheets.rows, title, columns, rows, feet: feet.map(groupedFoot), fill: (r) => (subtotals.has(r) ? SUBTOTAL_FILL : undefined) };
}

/** A row with its 上级党组织 after 序号. */
function withParent(values: CellValue[], parent: string): CellValue[] {
  return [values[0], parent, ...values.slice(1)];
}

/** A foot row of a grouped sheet: its label under 上级党组织, the count text under 党支部名称, the rest one column on. */
function groupedFoot(values: CellValue[]): CellValue[] {
  return [values[0], values[1], values[2], null, ...values.slice(3)];
}

function progressSheet(summary: Summary, title: string, short: (file: string) => string, groups: ParentGrouping | null): Table {
  const headers = summaryZh.progressHeaders();
  const columns: ColumnDef[] = headers.map((header, i) => {
    if (i === 0) return { header, max: 5, align: 'center' };
    if (i === 1) return { header, max: 20, wrap: true };
    if (i < 14) return { header, max: 6, min: 5, wrap: true };
    if (i === 14) return { header, max: 9, align: 'center', wrap: true }; // "144/150" on one line
    if (i === 15) return { header, max: 6, align: 'right', numFmt: '0%' };
    return { header, max: 16, wrap: true };
  });
  columns.push({ header: summaryZh.fullSource, max: 60, wrap: true, print: false });
  const values = (p: ProgressRow, n: number): CellValue[] => [
    n,
    p.branch,
    ...p.statuses.map((s) => text(s)),
    p.due > 0 ? `${p.doneCount}/${p.due}` : '0/0',
    p.share,
    short(p.file),
    summaryZh.source(p.file, p.sheet, p.cell),
  ];
  // All branches together, outside the filter range: due months done over due months.
  const t = progressTotals(summary.progress);
  const foot: CellValue[] = [null, summaryZh.progressFoot(t.branches, t.organisations, t.unnamed), ...new Array<CellValue>(12).fill(null), `${t.doneCount}/${t.due}`, t.share, null, null];
  // Due months not done, shaded so a reviewer sees the gaps at a glance.
  const notDone = (p: ProgressRow, m: number) => (m >= 0 && m < p.due && !p.done[m] ? NOT_DONE_FILL : undefined);
  if (!groups) {
    const rows = rowsOf(summary.progress, (p, i) => values(p, i + 1));
    return { name: summaryZh.sheets.progress, title, columns, rows, feet: [foot], fill: (r, col) => notDone(summary.progress[r], col - 2) };
  }
  const rows: CellValue[][] = [];
  const byRow: (ProgressRow | null)[] = []; // null: a subtotal row
  let n = 0;
  for (const g of groupedRows(summary.progress, (p) => groups.of(p.kind, p.branchKey), groups.labels.length)) {
    const label = groups.labels[g.group];
    for (const p of g.items) {
      rows.push(withParent(values(p, ++n), label));
      byRow.push(p);
    }
    const st = progressTotals(g.items);
    rows.push([null, committeeSheetsZh.subtotal(label), summaryZh.branchesApart(st.branches, st.organisations, st.unnamed), ...new Array<CellValue>(12).fill(null), `${st.doneCount}/${st.due}`, st.share, null, null]);
    byRow.push(null);
  }
  columns.splice(1, 0, { header: committeeZh.parentHeader, max: 12, wrap: true });
  const fill = (r: number, col: number) => {
    const p = byRow[r];
    return p ? notDone(p, col - 3) : SUBTOTAL_FILL;
  };
  return { name: summaryZh.sheets.progress, title, columns, rows, feet: [[null, foot[1], null, ...foot.slice(2)]], fill };
}

function problemsSheet(summary: Summary, title: string, short: (file: string) => string): Table {
  const h = summaryZh.problemHeaders;
  // The rule's id and the full path are for filtering and finding on screen, not for paper.
  const columns: ColumnDef[] = [
    { header: h[0], max: 5, align: 'center' },
    { header: h[1], max: 16, wrap: true },
    { header: h[2], max: 10, wrap: true },
    { header: h[3], max: 6, align: 'center' },
    { header: h[4], max: 18, wrap: true },
    { header: h[5], max: 6, wrap: true },
    { header: h[6], max: 12, wrap: true },
    { header: h[7], max: 5, align: 'center' },
    { header: h[8], max: 44, wrap: true },
    { header: h[9], max: 14, print: false },
    { header: summaryZh.fullSource, max: 60, wrap: true, print: false },
  ];
  const rows = rowsOf(summary.problems, (p, i) => [
    i + 1,
    short(p.file),
    p.sheet,
    p.cell,
    p.branch,
    p.form ? formLabel(p.form) : null,
    ruleName(p.rule),
    severityZh[p.severity],
    p.message,
    p.rule,
    p.file,
  ]);
  const by = (sev: 'error' | 'warning' | 'info') => summary.problems.reduce((n, p) => (p.severity === sev ? n + 1 : n), 0);
  const foot: CellValue[] = [null, summaryZh.problemsFoot(summary.problems.length), null, null, null, null, null, null, summaryZh.problemsBySeverity(by('error'), by('warning'), by('info')), null, null];
  return { name: summaryZh.sheets.problems, title, columns, rows, feet: [foot] };
}

function missingSheet(summary: Summary, title: string): Table {
  const h = summaryZh.missingHeaders;
  const columns: ColumnDef[] = [
    { header: h[0], max: 6, align: 'center' },
    { header: h[1], max: 40, wrap: true },
    { header: h[2], max: 40, wrap: true },
  ];
  const rows = rowsOf(summary.missing, (m, i) => [i + 1, m.name, m.source ?? null]);
  return { name: summaryZh.sheets.missing, title, columns, rows };
}

/** The summary's sheets, in order, as data: what both writers write. */
export function summarySheets(summary: Summary): Table[] {
  const asOf = zhDate(summary.asOf);
  const short = summaryShortPaths(summary);
  const groups = parentGrouping(summary.obligations);
  const sheets = [
    rowsSheet(summary, summaryZh.title(summaryZh.sheets.rows, asOf), short, groups),
    progressSheet(summary, summaryZh.title(summaryZh.sheets.progress, asOf), short, groups),
    problemsSheet(summary, summaryZh.title(summaryZh.sheets.problems, asOf), short),
  ];
  if (summary.hasRoster) sheets.push(missingSheet(summary, summaryZh.title(summaryZh.sheets.missing, asOf)));
  if (summary.obligations) {
    sheets.push(statusTable(summary.obligations, summaryZh.title(committeeSheetsZh.status, asOf), short));
    sheets.push(reminderTable(summary.obligations, summaryZh.title(committeeSheetsZh.reminders, asOf)));
  }
  return sheets;
}

/** Short names of the files a summary names (shortPaths over all of them). */
export function summaryShortPaths(summary: Summary): (file: string) => string {
  return shortPaths(
    (function* () {
      for (const r of summary.rows) yield r.submission.file;
      for (const p of summary.progress) yield p.file;
      for (const p of summary.problems) yield p.file;
    })(),
  );
}

/** The as-of date, midnight UTC: the workbook's created/modified time and its zip entries' time. */
export const createdAt = (summary: Summary) => new Date(`${summary.asOf}T00:00:00Z`);

/**
 * A workbook's bytes: Arial as the Normal font (withNormalFont: column widths come out
 * the same in Excel and LibreOffice, as the streaming writer's do), zip entries dated at
 * the workbook's `created` time (the as-of date for the summary and the packs) instead
 * of the time of writing, so the same workbook gives the same bytes.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
  return withFixedZipTimes(withNormalFont(bytes, (xml) => xml.replace(EMPTY_X14_REFERENCE, '')), wb.created ?? new Date(0));
}

/** What exceljs writes in a gradient data bar's rule: a reference to an Excel 2010 extension it does not write (an empty id). */
const EMPTY_X14_REFERENCE = /<extLst><ext uri="\{B025F937-C7B1-47D3-B67F-A62EFF666E3E\}"[^>]*><x14:id\/><\/ext><\/extLst>/g;

/**
 * Streams the summary workbook to `sink` (zip bytes as they are made): rows are
 * serialised as they are written and never held, so memory stays flat however many
 * rows there are. Synchronous; no exceljs. What `wuhua merge` writes.
 */
export function writeSummary(summary: Summary, sink: (chunk: Uint8Array, final: boolean) => void): void {
  const w = new SpreadsheetWriter(sink, { created: createdAt(summary), creator: 'wuhua' });
  for (const t of summarySheets(summary)) streamTable(w, t);
  w.finish();
}

/** writeSummary's bytes in memory (tests, the browser page). */
export async function summaryBytesStreaming(summary: Summary): Promise<Uint8Array> {
  return collectBytes((sink) => writeSummary(summary, sink));
}
