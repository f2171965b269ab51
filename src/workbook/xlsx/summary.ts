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
 */

import ExcelJS from 'exceljs';
import { getForm, MAX_ROW_HEIGHT } from '../../forms';
import type { FieldId, FormId } from '../../forms/types';
import { mergeZh, severityZh, summaryZh } from '../../i18n/merge';
import { distinctBranches, progressTotals, unnamedForms } from '../../merge';
import type { FormTotals, Summary, SummaryRow } from '../../merge/types';
import { displayWidth, wrappedLines } from '../../model/text';
import { withFixedZipTimes } from './zipTimes';

const MAX_CELL = 32767;
/** One line of 11-pt 宋体 (Excel's own row height for it is 14.25 pt), and a little room above and below. */
const LINE_PT = 15;
const ROW_PAD_PT = 3;
const HEADER_PT = 24;
const A4 = 9;
const MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const NOT_DONE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFA6A6A6' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
const BOLD: Partial<ExcelJS.Font> = { ...FONT, bold: true };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: BOLD,
  fill: HEADER_FILL,
  border: BORDER,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};

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
  values.forEach((v, i) => {
    if (wrap[i] && typeof v === 'string' && v !== '') lines = Math.max(lines, wrappedLines(v, widths[i] - 1)); // less the cell's padding
  });
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_PT + ROW_PAD_PT) : undefined;
}

type CellValue = string | number | Date | null;

interface ColumnDef {
  header: string;
  /** Widest a column grows (characters); longer text wraps. */
  max: number;
  min?: number;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  numFmt?: string;
}

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

function zhDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A sheet's content: header, body rows, then rows at the foot (outside the filter range). */
interface Table {
  name: string;
  title: string;
  columns: ColumnDef[];
  rows: CellValue[][];
  feet?: CellValue[][];
  /** A fill for one body cell (row and column 0-based), e.g. a month not done. */
  fill?: (row: number, col: number) => ExcelJS.Fill | undefined;
}

/**
 * Adds a sheet with a styled, frozen, filtered header and A4 landscape print setup.
 * Works on an in-memory workbook and on exceljs' streaming WorkbookWriter alike:
 * columns are set before the first row, and each row is committed once written
 * (a no-op in memory; in the stream writer it is serialised and released).
 */
function addTable(wb: ExcelJS.Workbook, t: Table): void {
  const { columns, rows } = t;
  const feet = t.feet ?? [];
  const ws = wb.addWorksheet(t.name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: MARGINS,
      printTitlesRow: '1:1',
    },
    headerFooter: { oddHeader: `&C&12${t.title.replace(/&/g, '&&')}`, oddFooter: `&C${summaryZh.footer}` },
  });

  const content = columns.map((c) => Math.max(c.min ?? 4, displayWidth(c.header)));
  for (const values of [...rows, ...feet]) {
    values.forEach((v, i) => {
      const w = v instanceof Date ? 16 : typeof v === 'number' ? String(v).length : v ? displayWidth(v) : 0;
      if (w > content[i]) content[i] = w;
    });
  }
  const widths = columns.map((c, i) => Math.min(c.max, content[i] + 2));
  const wrap = columns.map((c) => c.wrap ?? false);
  ws.columns = widths.map((width) => ({ width }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };

  const header = ws.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = HEADER_STYLE;
  });
  // Header cells always wrap: a header wider than its column's cap takes two lines.
  header.height = Math.max(HEADER_PT, rowHeight(columns.map((c) => c.header), widths, columns.map(() => true)) ?? 0);
  header.commit();

  // One style object per column (and per fill): exceljs dedupes styles by content, and
  // shared objects keep ten thousand rows from carrying ten thousand copies.
  const bodyStyles = columns.map(
    (c): Partial<ExcelJS.Style> => ({
      font: FONT,
      border: BORDER,
      alignment: { horizontal: c.align ?? 'left', vertical: 'top', wrapText: c.wrap ?? false },
      ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    }),
  );
  const footStyles = columns.map(
    (c): Partial<ExcelJS.Style> => ({
      font: BOLD,
      fill: TOTAL_FILL,
      border: BORDER,
      alignment: { horizontal: c.align ?? 'left', vertical: 'top', wrapText: c.wrap ?? false },
      ...(c.numFmt ? { numFmt: c.numFmt } : {}),
    }),
  );
  rows.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    const height = rowHeight(values, widths, wrap);
    if (height !== undefined) row.height = height;
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      if (v !== null && v !== '') cell.value = typeof v === 'string' ? cellText(v) : v;
      const fill = t.fill?.(r, i);
      cell.style = fill ? { ...bodyStyles[i], fill } : bodyStyles[i];
    });
    row.commit();
  });
  feet.forEach((values, k) => {
    const row = ws.getRow(rows.length + 2 + k);
    const height = rowHeight(values, widths, wrap);
    if (height !== undefined) row.height = height;
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      if (v !== null) cell.value = v;
      cell.style = footStyles[i];
    });
    row.commit();
  });
  ws.commit?.();
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

function summaryRowValues(r: SummaryRow, n: number): CellValue[] {
  const f = r.submission.fields;
  const values: CellValue[] = [n, r.branch, formLabel(r.form)];
  for (const { field, kind } of ROW_FIELDS) {
    const v = f[field];
    values.push(kind === 'date' ? dateCell(v) : kind === 'count' ? count(v) : text(v));
  }
  const source = summaryZh.source(r.submission.file, r.submission.sheet, r.submission.cells.branchName);
  const origin = r.submission.origin; // read from a 报送包: the chain to the branch's own file
  values.push(r.errors, r.warnings, origin ? mergeZh.viaPack(source, origin.file, origin.sheet) : source);
  return values;
}

/** A foot row of 汇总. `counts: false` leaves 党员人数 and 支委人数 blank (附件3 has no such fields). */
function totalValues(label: string, t: Omit<FormTotals, 'form'>, unnamed: number, counts = true): CellValue[] {
  const branches = summaryZh.branchesWithUnnamed(t.branches, unnamed);
  return [null, label, branches, null, counts ? t.members : null, counts ? t.committeeMembers : null, null, null, null, null, t.errors, t.warnings, null];
}

function addRowsSheet(wb: ExcelJS.Workbook, summary: Summary, title: string): void {
  const h = summaryZh.rowHeaders;
  // Caps sum to 181 characters (was 288), so fit to width on A4 landscape keeps the text
  // readable (measured in LibreOffice: 5.1 → 6.8 pt; Excel's narrower unit gives ~8.8 pt);
  // longer text wraps and the row grows.
  const columns: ColumnDef[] = [
    { header: h[0], max: 6, align: 'center' },
    { header: h[1], max: 22, wrap: true },
    { header: h[2], max: 12, wrap: true },
    { header: h[3], max: 15, min: 14, align: 'center', numFmt: 'yyyy"年"m"月"d"日"' },
    { header: h[4], max: 10, align: 'right' },
    { header: h[5], max: 10, align: 'right' },
    { header: h[6], max: 10, wrap: true },
    { header: h[7], max: 14, wrap: true },
    { header: h[8], max: 20, wrap: true },
    { header: h[9], max: 18, wrap: true },
    { header: h[10], max: 8, align: 'right' },
    { header: h[11], max: 8, align: 'right' },
    { header: h[12], max: 28, wrap: true },
  ];
  const rows = summary.rows.map((r, i) => summaryRowValues(r, i + 1));
  // Totals at the foot, outside the filter range: one per form present, then the grand total.
  const feet: CellValue[][] = summary.totals
    .filter((t) => t.branches > 0 || unnamedForms(summary.rows, t.form) > 0)
    .map((t) => totalValues(summaryZh.formTotal(getForm(t.form).attachment), t, unnamedForms(summary.rows, t.form), t.form !== 'progress'));
  const grand = totalValues(summaryZh.grandTotal, summary.total, unnamedForms(summary.rows));
  grand[2] = summaryZh.branchesWithUnnamed(distinctBranches(summary.rows), unnamedForms(summary.rows));
  feet.push(grand);
  addTable(wb, { name: summaryZh.sheets.rows, title, columns, rows, feet });
}

function addProgressSheet(wb: ExcelJS.Workbook, summary: Summary, title: string): void {
  const headers = summaryZh.progressHeaders();
  const columns: ColumnDef[] = headers.map((header, i) => {
    if (i === 0) return { header, max: 6, align: 'center' };
    if (i === 1) return { header, max: 20, wrap: true };
    if (i < 14) return { header, max: 10, min: 6, wrap: true };
    if (i === 14) return { header, max: 15, align: 'center' };
    if (i === 15) return { header, max: 8, align: 'right', numFmt: '0%' };
    return { header, max: 24, wrap: true };
  });
  const rows: CellValue[][] = summary.progress.map((p, i) => [
    i + 1,
    p.branch,
    ...p.statuses.map((s) => text(s)),
    p.due > 0 ? `${p.doneCount}/${p.due}` : '0/0',
    p.share,
    summaryZh.source(p.file, p.sheet, p.cell),
  ]);
  // All branches together, outside the filter range: due months done over due months.
  const t = progressTotals(summary.progress);
  const foot: CellValue[] = [null, summaryZh.progressFoot(t.branches, t.unnamed), ...new Array<CellValue>(12).fill(null), `${t.doneCount}/${t.due}`, t.share, null];
  // Due months not done, shaded so a reviewer sees the gaps at a glance.
  const fill = (r: number, col: number): ExcelJS.Fill | undefined => {
    const p = summary.progress[r];
    const m = col - 2;
    return m >= 0 && m < p.due && !p.done[m] ? NOT_DONE_FILL : undefined;
  };
  addTable(wb, { name: summaryZh.sheets.progress, title, columns, rows, feet: [foot], fill });
}

function addProblemsSheet(wb: ExcelJS.Workbook, summary: Summary, title: string): void {
  const h = summaryZh.problemHeaders;
  const columns: ColumnDef[] = [
    { header: h[0], max: 6, align: 'center' },
    { header: h[1], max: 28, wrap: true },
    { header: h[2], max: 16, wrap: true },
    { header: h[3], max: 8, align: 'center' },
    { header: h[4], max: 20, wrap: true },
    { header: h[5], max: 8 },
    { header: h[6], max: 20, wrap: true },
    { header: h[7], max: 6, align: 'center' },
    { header: h[8], max: 50, wrap: true },
  ];
  const rows: CellValue[][] = summary.problems.map((p, i) => [
    i + 1,
    p.file,
    p.sheet,
    p.cell,
    p.branch,
    p.form ? formLabel(p.form) : null,
    p.rule,
    severityZh[p.severity],
    p.message,
  ]);
  const by = (sev: 'error' | 'warning' | 'info') => summary.problems.filter((p) => p.severity === sev).length;
  const foot: CellValue[] = [null, summaryZh.problemsFoot(summary.problems.length), null, null, null, null, null, null, summaryZh.problemsBySeverity(by('error'), by('warning'), by('info'))];
  addTable(wb, { name: summaryZh.sheets.problems, title, columns, rows, feet: [foot] });
}

function addMissingSheet(wb: ExcelJS.Workbook, summary: Summary, title: string): void {
  const h = summaryZh.missingHeaders;
  const columns: ColumnDef[] = [
    { header: h[0], max: 6, align: 'center' },
    { header: h[1], max: 40, wrap: true },
    { header: h[2], max: 40, wrap: true },
  ];
  const rows: CellValue[][] = summary.missing.map((m, i) => [i + 1, m.name, m.source ?? null]);
  addTable(wb, { name: summaryZh.sheets.missing, title, columns, rows });
}

function writeSheets(wb: ExcelJS.Workbook, summary: Summary): void {
  const asOf = zhDate(summary.asOf);
  addRowsSheet(wb, summary, summaryZh.title(summaryZh.sheets.rows, asOf));
  addProgressSheet(wb, summary, summaryZh.title(summaryZh.sheets.progress, asOf));
  addProblemsSheet(wb, summary, summaryZh.title(summaryZh.sheets.problems, asOf));
  if (summary.hasRoster) addMissingSheet(wb, summary, summaryZh.title(summaryZh.sheets.missing, asOf));
}

/** The summary as an in-memory exceljs workbook (task pane, tests, small merges). */
export function summaryWorkbook(summary: Summary): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'wuhua';
  // Fixed timestamps: the same summary gives the same workbook.
  wb.created = new Date(`${summary.asOf}T00:00:00Z`);
  wb.modified = wb.created;
  writeSheets(wb, summary);
  return wb;
}

/**
 * A workbook's bytes, its zip entries dated at the workbook's `created` time (the
 * as-of date for the summary and the print pack) instead of the time of writing, so
 * the same workbook gives the same bytes.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
  return withFixedZipTimes(bytes, wb.created ?? new Date(0));
}

export async function summaryBytes(summary: Summary): Promise<Uint8Array> {
  return workbookBytes(summaryWorkbook(summary));
}

/**
 * The same workbook through exceljs' streaming writer: each row is serialised when
 * committed, so memory does not hold a cell model of ten thousand rows, and it is
 * several times faster. Node only (the writer zips with archiver); the command line
 * uses it. The bytes are kept in memory (the zipped summary is small).
 */
export async function summaryBytesStreaming(summary: Summary): Promise<Uint8Array> {
  const created = new Date(`${summary.asOf}T00:00:00Z`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ useStyles: true, useSharedStrings: false, created, modified: created, creator: 'wuhua' } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  writeSheets(wb, summary);
  await wb.commit();
  const stream = (wb as unknown as { stream: { toBuffer(): Uint8Array } }).stream;
  return withFixedZipTimes(new Uint8Array(stream.toBuffer()), created);
}
