/**
 * Print-ready template files: the form's layout (../layout.ts) drawn with exceljs — the
 * paper form's texts, merges, borders and sizes, inputs shaded and unlocked with Excel's
 * own prompts and checks, the sheet protected without password, its tag and field names,
 * and one A4 page. The add-in draws the same layout with Office.js.
 */
import ExcelJS from 'exceljs';
import { columnLetters, firstCell, parseCell, parseRange, type RangeRef } from '../../forms/address';
import type { FieldSpec, FontSpec, FormSpec } from '../../forms/types';
import type { FieldValue, Submission } from '../../model/types';
import { formLayout, type HAlign, type InputBlock, type VAlign } from '../layout';
import type { Box, Fit } from './fit';
import { columnWidthUnits, withNormalFont } from './normalFont';

export interface FormSheetOptions {
  /** Defaults to the form's sheetName. */
  sheetName?: string;
  /** Values to write into the inputs (the print pack, 下发's prefill); always as values, never formulas. */
  values?: FormValues;
  /** Sheet protection without password: labels locked, inputs free. Default true. */
  protect?: boolean;
  /** Taller rows and smaller fonts so long values print whole (see fit.ts, valueBoxes). */
  fit?: Fit;
}

/** What a sheet can be filled with: a submission's fields and months. */
export type FormValues = Pick<Submission, 'fields' | 'months'> & Partial<Submission>;

type Style = Partial<ExcelJS.Style>;

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };
const H: Record<HAlign, ExcelJS.Alignment['horizontal']> = { Left: 'left', Center: 'center', Right: 'right' };
const V: Record<VAlign, ExcelJS.Alignment['vertical']> = { Top: 'top', Center: 'middle' };

/** "#FFFBE8" → exceljs' "FFFFFBE8". */
const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

/** Family (1 serif, 2 sans) and character set 134 (GB2312): what picks a substitute when the font is missing. */
function font(spec: FontSpec): Partial<ExcelJS.Font> {
  return { name: spec.name, size: spec.size, bold: spec.bold ?? false, family: spec.fallback === 'sans' ? 2 : 1, charset: 134 };
}

function* cellsOf(r: RangeRef): Generator<{ row: number; col: number }> {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) yield { row, col };
}

/** Excel's data validation for an input: its check with the error box, or only its prompt. */
function validationOf(input: InputBlock): ExcelJS.DataValidation {
  const prompt = { showInputMessage: true, promptTitle: input.prompt.title, prompt: input.prompt.message };
  const c = input.check;
  if (!c) return { type: 'any', formulae: [], ...prompt } as unknown as ExcelJS.DataValidation;
  const alert = { showErrorMessage: true, errorStyle: c.style, errorTitle: c.alert.title, error: c.alert.message };
  const bound = (v: number | string) => (typeof v === 'number' ? v : new Date(`${v}T00:00:00Z`));
  return { type: c.kind === 'count' ? 'whole' : 'date', operator: 'between', formulae: [bound(c.min), bound(c.max)], allowBlank: true, ...prompt, ...alert };
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

/** A submission's value for one input of the layout (a field id or "months.N.goal"). */
function inputValue(form: FormSpec, key: string, values: FormValues): ExcelJS.CellValue | undefined {
  const month = /^months\.(\d+)\.(goal|problem|owner|status)$/.exec(key);
  if (month) {
    const entry = values.months?.find((m) => m.month === Number(month[1])); // a doubled month: its first row
    return entry?.[month[2] as 'goal'] ?? undefined;
  }
  const field = form.fields.find((f) => f.id === key);
  return field ? cellValue(field, values.fields[field.id]) : undefined;
}

/** The values of a submission as they print in the form's boxes (fields, then month cells). */
export function valueBoxes(form: FormSpec, values: FormValues): Box[] {
  return formLayout(form).inputs.flatMap((input) => {
    const v = inputValue(form, input.key, values);
    return typeof v === 'string' ? [{ cell: input.address, text: v, key: input.key }] : [];
  });
}

/** Renders one form into a new worksheet of `wb`. */
export function addFormSheet(wb: ExcelJS.Workbook, form: FormSpec, opts: FormSheetOptions = {}): ExcelJS.Worksheet {
  const layout = formLayout(form);
  const sheetName = opts.sheetName ?? form.sheetName;
  const values = opts.values;
  const ws = wb.addWorksheet(sheetName, { views: [{ showGridLines: false, zoomScale: 100 }], properties: { defaultRowHeight: 20 } });

  layout.columnWidths.forEach((points, i) => {
    ws.getColumn(i + 1).width = columnWidthUnits(points);
  });
  for (const [row, h] of layout.rowHeights) ws.getRow(row).height = h;
  for (const [row, h] of opts.fit?.rowHeights ?? []) ws.getRow(row).height = h;

  // Every cell of the form gets its own style object, assigned last: exceljs shares a
  // merge master's style with the merged cells.
  const styles = new Map<string, Style>();
  const styleAt = (row: number, col: number): Style => {
    const key = `${row},${col}`;
    let st = styles.get(key);
    if (!st) {
      st = { font: font(layout.bodyFont), alignment: { vertical: 'middle', wrapText: true }, protection: { locked: true } };
      styles.set(key, st);
    }
    return st;
  };
  const each = (a1: string, f: (st: Style) => void) => {
    for (const { row, col } of cellsOf(parseRange(a1))) f(styleAt(row, col));
  };
  each(layout.printArea, () => undefined);

  for (const t of layout.texts) {
    ws.getCell(firstCell(t.address)).value = t.text;
    each(t.address, (st) => {
      st.font = font(t.font);
      st.alignment = { horizontal: H[t.hAlign], vertical: 'middle', wrapText: true, ...(t.indent ? { indent: t.indent } : {}) };
    });
  }

  for (const input of layout.inputs) {
    const value = (values && inputValue(form, input.key, values)) ?? input.placeholder;
    if (value !== undefined) ws.getCell(firstCell(input.address)).value = value;
    each(input.address, (st) => {
      st.protection = { locked: false };
      st.font = font(input.font);
      st.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(layout.inputFill) } };
      st.alignment = {
        horizontal: H[input.hAlign],
        vertical: V[input.vAlign],
        ...(input.shrinkToFit ? { shrinkToFit: true } : { wrapText: true }),
        ...(input.indent ? { indent: input.indent } : {}),
      };
      st.numFmt = input.numberFormat;
      if (input.underline) st.border = { ...st.border, bottom: THIN };
    });
    const dv = validationOf(input);
    for (const { row, col } of cellsOf(parseRange(input.address))) ws.getCell(row, col).dataValidation = dv;
  }

  for (const [a1, size] of opts.fit?.fontSizes ?? []) {
    const { row, col } = parseCell(a1);
    const st = styleAt(row, col);
    st.font = { ...st.font, size };
  }

  // Outlines frame a box; grids line every cell of theirs.
  const frame = (a1: string, inner: boolean) => {
    const r = parseRange(a1);
    for (const { row, col } of cellsOf(r)) {
      const st = styleAt(row, col);
      const b = { ...st.border };
      if (inner || row === r.top) b.top = THIN;
      if (inner || row === r.bottom) b.bottom = THIN;
      if (inner || col === r.left) b.left = THIN;
      if (inner || col === r.right) b.right = THIN;
      st.border = b;
    }
  };
  for (const a1 of layout.outlines) frame(a1, false);
  for (const a1 of layout.grids) frame(a1, true);

  for (const a1 of layout.merges) ws.mergeCellsWithoutStyle(a1);
  for (const [key, st] of styles) {
    const [row, col] = key.split(',').map(Number);
    ws.getCell(row, col).style = st as ExcelJS.Style;
  }

  // Tag: the workbook knows which form this sheet is, and where each input is.
  for (const n of layout.names) wb.definedNames.add(sheetRef(sheetName, n.address), n.name);

  const print = layout.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: print.orientation,
    margins: { ...print.margins },
    horizontalCentered: print.horizontalCentered,
    verticalCentered: false,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 1,
    blackAndWhite: true,
    printArea: layout.printArea,
  };

  if (opts.protect ?? true) {
    // No password: the protection stops a label from being overwritten by accident, nothing more.
    (ws as unknown as { sheetProtection: Record<string, boolean> }).sheetProtection = {
      sheet: true,
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatCells: layout.protection.formatCells,
      formatColumns: layout.protection.formatColumns,
      formatRows: layout.protection.formatRows,
    };
  }
  return ws;
}

/** A new workbook holding one form: blank, or with `values` already in its inputs (下发's prefill). */
export function templateWorkbook(form: FormSpec, values?: FormValues): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '五化建设表单助手';
  wb.title = form.title.replace(/\n/g, '');
  addFormSheet(wb, form, values ? { values } : {});
  return wb;
}

export async function templateBytes(form: FormSpec, values?: FormValues): Promise<Uint8Array> {
  const buf = await templateWorkbook(form, values).xlsx.writeBuffer();
  return withNormalFont(new Uint8Array(buf as ArrayBuffer));
}
