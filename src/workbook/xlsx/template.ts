/**
 * Print-ready template files: a FormSpec rendered into an exceljs worksheet that
 * looks like the paper form, carries its tag (defined names), guards its inputs
 * (sheet protection without password, native data validation) and prints on one
 * A4 page. Every address comes from the FormSpec; none is written here.
 */
import ExcelJS from 'exceljs';
import { fieldName, tagName } from '../../forms';
import { columnLetters, columnNumber, firstCell, isMerged, parseCell, parseRange, rangeAddress, type RangeRef } from '../../forms/address';
import type { FieldSpec, FontSpec, FormSpec, MonthKey } from '../../forms/types';
import { compactLabel } from '../../model/text';
import type { FieldValue, Submission } from '../../model/types';
import { templateText } from '../../i18n/template';
import type { Box, Fit } from './fit';

export interface FormSheetOptions {
  /** Defaults to the form's sheetName. */
  sheetName?: string;
  /** Values to write into the inputs (the print pack); always as values, never formulas. */
  values?: Submission;
  /** Sheet protection without password: labels locked, inputs free. Default true. */
  protect?: boolean;
  /** Taller rows and smaller fonts so long values print whole (see fit.ts, valueBoxes). */
  fit?: Fit;
}

/** Shows a clerk where to type; pageSetup.blackAndWhite keeps it off paper. */
export const INPUT_FILL = 'FFFFFBE8';
/** Date inputs show and print "2019年4月3日" whatever the clerk typed the date as. */
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
export const COUNT_MAX = 10000;

type Style = Partial<ExcelJS.Style>;

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };

function font(spec: FontSpec): Partial<ExcelJS.Font> {
  return { name: spec.name, size: spec.size, bold: spec.bold ?? false, charset: 134 };
}

function* cellsOf(r: RangeRef): Generator<{ row: number; col: number }> {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) yield { row, col };
}

const inside = (r: RangeRef, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/** The whole used range of a form: A1 to its last row and last column with a width. */
export function usedRange(form: FormSpec): RangeRef {
  let bottom = 1;
  const grow = (a1: string) => {
    bottom = Math.max(bottom, parseRange(a1).bottom);
  };
  grow(form.titleCell);
  grow(form.tableRange);
  form.texts.forEach((t) => grow(t.cell));
  form.fields.forEach((f) => {
    grow(f.cell);
    if (f.label) grow(f.label.cell);
  });
  if (form.months) bottom = Math.max(bottom, form.months.firstRow + 11);
  return { top: 1, left: 1, bottom, right: form.columnWidths.length };
}

/** An opinion, its 盖章 line and its date line form one box on paper: no lines inside it. */
function opinionBoxes(form: FormSpec): RangeRef[] {
  const boxes: RangeRef[] = [];
  for (const date of form.fields.filter((f) => f.dateOf)) {
    const opinion = form.fields.find((f) => f.id === date.dateOf);
    if (!opinion) continue;
    const a = parseRange(opinion.cell);
    const b = parseRange(date.cell);
    boxes.push({ top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) });
  }
  return boxes;
}

/** Label shown in prompts: the paper label without spaces, line breaks and colons. */
export function fieldLabel(form: FormSpec, field: FieldSpec): string {
  if (field.label) return compactLabel(field.label.text);
  const owner = form.fields.find((f) => f.id === field.dateOf);
  return templateText.dateOf(owner?.label ? compactLabel(owner.label.text) : '');
}

function validationFor(form: FormSpec, field: FieldSpec): ExcelJS.DataValidation | undefined {
  const title = fieldLabel(form, field).slice(0, 32);
  switch (field.kind) {
    case 'count':
      return {
        type: 'whole', operator: 'between', formulae: [0, COUNT_MAX], allowBlank: true,
        showInputMessage: true, promptTitle: title, prompt: templateText.countPrompt,
        showErrorMessage: true, errorStyle: 'stop', errorTitle: templateText.countErrorTitle, error: templateText.countError(title),
      };
    case 'date':
      // 'warning': a date typed as text ("2019年4月20日") is still allowed; the checker parses it.
      return {
        type: 'date', operator: 'between', formulae: [new Date(Date.UTC(1990, 0, 1)), new Date(Date.UTC(2100, 11, 31))], allowBlank: true,
        showInputMessage: true, promptTitle: title, prompt: templateText.datePrompt,
        showErrorMessage: true, errorStyle: 'warning', errorTitle: templateText.dateErrorTitle, error: templateText.dateError(title),
      };
    case 'phone':
      return promptOnly(title, templateText.phonePrompt);
    case 'text':
      return promptOnly(title, templateText.textPrompt);
    case 'longText':
      return promptOnly(title, templateText.longTextPrompt);
    case 'opinion':
      return promptOnly(title, templateText.opinionPrompt);
  }
}

/** A validation of type "any": only an input message, nothing refused. */
function promptOnly(title: string, prompt: string): ExcelJS.DataValidation {
  return { type: 'any', formulae: [], showInputMessage: true, promptTitle: title, prompt } as unknown as ExcelJS.DataValidation;
}

/** Excel's sheet name quoting for a reference: always quoted, inner quotes doubled. */
export function sheetRef(sheetName: string, a1: string): string {
  const abs = a1
    .split(':')
    .map((c) => {
      const { row, col } = parseCell(c);
      return `$${columnLetters(col)}$${row}`;
    })
    .join(':');
  return `'${sheetName.replace(/'/g, "''")}'!${abs}`;
}

function isoToUtcDate(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]) ? d : undefined;
}

/** The value an input cell gets: real dates for full dates, numbers for counts, text otherwise (never a formula). */
function cellValue(field: FieldSpec, v: FieldValue | undefined): ExcelJS.CellValue | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (field.kind === 'date' && typeof v === 'string') {
    const d = isoToUtcDate(v);
    if (d) return d;
    const m = /^(\d{4})-(\d{2})$/.exec(v);
    if (m) return `${Number(m[1])}年${Number(m[2])}月`;
    return v;
  }
  if (typeof v === 'number') return field.kind === 'count' ? v : String(v);
  return v;
}

/** The values of a submission as they print in the form's boxes (fields, then month cells). */
export function valueBoxes(form: FormSpec, values: Submission): Box[] {
  const boxes: Box[] = [];
  for (const field of form.fields) {
    const v = cellValue(field, values.fields[field.id]);
    if (typeof v === 'string') boxes.push({ cell: field.cell, text: v, key: field.id });
  }
  const m = form.months;
  const seen = new Set<number>();
  for (const entry of values.months ?? []) {
    if (!m || entry.month === null || seen.has(entry.month)) continue;
    seen.add(entry.month);
    for (const c of m.columns) {
      const text = entry[c.key];
      if (text) boxes.push({ cell: `${c.column}${m.firstRow + entry.month - 1}`, text, key: `months.${entry.month}.${c.key}` });
    }
  }
  return boxes;
}

/** Renders one form into a new worksheet of `wb`. */
export function addFormSheet(wb: ExcelJS.Workbook, form: FormSpec, opts: FormSheetOptions = {}): ExcelJS.Worksheet {
  const sheetName = opts.sheetName ?? form.sheetName;
  const used = usedRange(form);
  const table = parseRange(form.tableRange);
  const boxes = opinionBoxes(form);
  const months = form.months;
  const values = opts.values;
  const protect = opts.protect ?? true;

  const ws = wb.addWorksheet(sheetName, {
    views: [{ showGridLines: false, zoomScale: 100 }],
    properties: { defaultRowHeight: 20 },
  });

  form.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [row, h] of Object.entries(form.rowHeights)) ws.getRow(Number(row)).height = h;
  if (months) for (let i = 0; i < 12; i++) ws.getRow(months.firstRow + i).height = months.rowHeight;

  // Every cell of the used range gets its own fresh style object (exceljs shares a
  // merge master's style with its other cells, so styles are assigned last).
  const styles = new Map<string, Style>();
  const styleAt = (row: number, col: number): Style => {
    const key = `${row},${col}`;
    let s = styles.get(key);
    if (!s) {
      s = { font: font(form.fonts.body), alignment: { vertical: 'middle', wrapText: true }, protection: { locked: true } };
      styles.set(key, s);
    }
    return s;
  };
  const styleRange = (a1: string, f: (s: Style) => void) => {
    for (const { row, col } of cellsOf(parseRange(a1))) f(styleAt(row, col));
  };
  for (const { row, col } of cellsOf(used)) styleAt(row, col);

  const merges: string[] = [];
  const put = (a1: string, value: ExcelJS.CellValue) => {
    if (isMerged(a1)) merges.push(a1);
    if (value !== undefined && value !== null) ws.getCell(firstCell(a1)).value = value;
  };

  // 附件N, the title, fixed texts.
  put(form.titleCell, form.title);
  styleRange(form.titleCell, (s) => {
    s.font = font(form.fonts.title);
    s.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  for (const t of form.texts) {
    put(t.cell, t.text);
    styleRange(t.cell, (s) => {
      if (t.role === 'attachment') {
        s.font = font(form.fonts.attachment);
        s.alignment = { horizontal: 'left', vertical: 'middle' };
      } else if (t.role === 'title') {
        s.font = font(form.fonts.title);
        s.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      } else if (t.role === 'stamp') {
        s.alignment = { horizontal: 'right', vertical: 'middle', indent: 8 };
      } else {
        s.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      }
    });
  }

  // Labels and inputs.
  for (const field of form.fields) {
    if (field.label) {
      const label = field.label;
      put(label.cell, label.text);
      const inTable = inside(table, parseCell(firstCell(label.cell)).row, parseCell(firstCell(label.cell)).col);
      styleRange(label.cell, (s) => {
        s.alignment = { horizontal: inTable ? 'center' : 'right', vertical: 'middle', wrapText: true };
      });
    }
    const value = values ? cellValue(field, values.fields[field.id]) : undefined;
    put(field.cell, value ?? field.placeholder ?? null);
    const r = parseRange(field.cell);
    const inTable = inside(table, r.top, r.left);
    const align = field.align ?? 'left';
    const multiLine = field.kind === 'longText' || field.kind === 'opinion';
    styleRange(field.cell, (s) => {
      s.protection = { locked: false };
      s.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
      s.alignment = {
        horizontal: align,
        vertical: multiLine ? 'top' : 'middle',
        wrapText: true,
        ...(align === 'right' ? { indent: 1 } : {}),
      };
      if (field.kind === 'date') s.numFmt = DATE_FORMAT;
      // Text format: a landline typed as 07468223344 keeps its leading 0.
      if (field.kind === 'phone') s.numFmt = '@';
      // Inputs above the table are written on a line, as on paper.
      if (!inTable) s.border = { bottom: THIN };
    });
    const dv = validationFor(form, field);
    if (dv) for (const { row, col } of cellsOf(r)) ws.getCell(row, col).dataValidation = dv;
  }

  // 附件3: header row and the twelve month rows.
  if (months) {
    const monthCol = columnNumber(months.monthColumn);
    put(`${months.monthColumn}${months.headerRow}`, months.monthHeader);
    styleAt(months.headerRow, monthCol).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (const c of months.columns) {
      put(`${c.column}${months.headerRow}`, c.header);
      styleAt(months.headerRow, columnNumber(c.column)).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
    const byMonth = new Map<number, Record<MonthKey, string | null>>();
    for (const m of values?.months ?? []) if (m.month !== null && !byMonth.has(m.month)) byMonth.set(m.month, m);
    for (let month = 1; month <= 12; month++) {
      const row = months.firstRow + month - 1;
      put(`${months.monthColumn}${row}`, `${month}月份`);
      styleAt(row, monthCol).alignment = { horizontal: 'center', vertical: 'middle' };
      for (const c of months.columns) {
        const col = columnNumber(c.column);
        const v = byMonth.get(month)?.[c.key];
        if (v) ws.getCell(row, col).value = v;
        const s = styleAt(row, col);
        s.protection = { locked: false };
        s.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
        s.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
        ws.getCell(row, col).dataValidation = promptOnly(`${month}月份 ${c.header}`.slice(0, 32), templateText.monthPrompt(month, c.header));
      }
    }
  }

  // Thin lines on every cell of the table, except inside an opinion box.
  for (const { row, col } of cellsOf(table)) {
    const box = boxes.find((b) => inside(b, row, col));
    const s = styleAt(row, col);
    s.border = {
      left: THIN,
      right: THIN,
      top: box && row > box.top ? undefined : THIN,
      bottom: box && row < box.bottom ? undefined : THIN,
    };
  }

  for (const [row, height] of opts.fit?.rowHeights ?? []) ws.getRow(row).height = height;
  for (const [a1, size] of opts.fit?.fontSizes ?? []) {
    const { row, col } = parseCell(a1);
    const s = styleAt(row, col);
    s.font = { ...s.font, size };
  }

  for (const m of merges) ws.mergeCellsWithoutStyle(m);
  for (const [key, s] of styles) {
    const [row, col] = key.split(',').map(Number);
    ws.getCell(row, col).style = s as ExcelJS.Style;
  }

  // Tag: the workbook knows which form this sheet is, and where each input is.
  wb.definedNames.add(sheetRef(sheetName, 'A1'), tagName(form));
  for (const field of form.fields) wb.definedNames.add(sheetRef(sheetName, firstCell(field.cell)), fieldName(form, field.id));

  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: form.print.orientation,
    margins: { ...form.print.margins },
    horizontalCentered: form.print.horizontalCentered,
    verticalCentered: false,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
    blackAndWhite: true,
    printArea: rangeAddress(used),
  };

  if (protect) {
    // No password: the protection stops a label from being overwritten by accident, nothing more.
    (ws as unknown as { sheetProtection: Record<string, boolean> }).sheetProtection = {
      sheet: true,
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
    };
  }
  return ws;
}

/** A new workbook holding one blank form. */
export function templateWorkbook(form: FormSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '五化建设表单助手';
  wb.title = form.title.replace(/\n/g, '');
  addFormSheet(wb, form);
  return wb;
}

export async function templateBytes(form: FormSpec): Promise<Uint8Array> {
  const buf = await templateWorkbook(form).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
