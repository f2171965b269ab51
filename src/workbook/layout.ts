/**
 * What a FormSpec looks like on a worksheet, as plain data: the fixed texts with their
 * fonts and alignment, the input cells with their formats, prompts and checks, merges,
 * borders, sizes, print area, defined names and protection. Both renderers draw exactly
 * this — the template files (xlsx/template.ts, exceljs) and the add-in's inserted sheets
 * (excel/insertForm.ts, Office.js) — so a form looks and behaves the same either way.
 * Everything is read from the FormSpec; no address of a form is written here.
 */
import { fieldName, tagName } from '../forms';
import { cellAddress, columnNumber, firstCell, isMerged, parseRange, rangeAddress, type RangeRef } from '../forms/address';
import type { FieldSpec, FontSpec, FormSpec, PrintSpec } from '../forms/types';
import { countAlert, dateAlert, fieldPrompt, monthLabel, monthPrompt, opinionDatePrompt, type PromptText } from '../i18n/form';
import { compactLabel } from '../model/text';

export type HAlign = 'Left' | 'Center' | 'Right';
export type VAlign = 'Top' | 'Center';

/** A fixed text: title, "附件N", label, stamp, month-table header or month label. */
export interface TextBlock {
  /** Range; merged when it spans several cells. */
  address: string;
  text: string;
  font: FontSpec;
  hAlign: HAlign;
  /** Indent from the aligned edge, in Excel's indent steps (the stamp stands off the right edge). */
  indent?: number;
}

/** Excel's own check of an input (data validation), with its error box. */
export interface InputCheck {
  kind: 'count' | 'date';
  /** count: 0..max whole numbers; date: an ISO date range. */
  min: number | string;
  max: number | string;
  /** 'stop' refuses the entry; 'warning' lets the clerk keep it (a date typed as text is read by the checker). */
  style: 'stop' | 'warning';
  alert: PromptText;
}

/** A cell the clerk fills in: unlocked, shaded, with a prompt. */
export interface InputBlock {
  address: string;
  /** Field id, or "months.N.goal" for 附件3's table. */
  key: string;
  /** Shown in the empty input ("年 月 日"); reads as empty. */
  placeholder?: string;
  numberFormat: string;
  hAlign: HAlign;
  vAlign: VAlign;
  indent?: number;
  /** The font its value prints in (附件3's month cells are smaller than the body). */
  font: FontSpec;
  /** One line: a longer value prints smaller (Excel's shrink to fit) instead of wrapping. */
  shrinkToFit: boolean;
  prompt: PromptText;
  check: InputCheck | null;
  /** Written on a line, as on paper (inputs above the table). */
  underline: boolean;
}

export interface FormLayout {
  /** The font of every cell not given another. */
  bodyFont: FontSpec;
  texts: TextBlock[];
  inputs: InputBlock[];
  /** Every range to merge. */
  merges: string[];
  /** Ranges framed by a thin outline. */
  outlines: string[];
  /** Ranges with every inner line too (附件3's month table). */
  grids: string[];
  /** Column widths in points, from column A. */
  columnWidths: number[];
  /** [row, height in points]. */
  rowHeights: [number, number][];
  /** The whole form: what prints on one A4 page. */
  printArea: string;
  print: PrintSpec;
  /** The tag (first, on A1) and one name per field on its input's top-left cell. */
  names: { name: string; address: string }[];
  /** Shade of every input cell. */
  inputFill: string;
  protection: typeof PROTECTION;
}

/** Text cells: '@' keeps "0746…" and "=…" as typed. Dates show and print "2019年4月3日". */
export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
export const GENERAL_FORMAT = 'General';
/** Shows a clerk where to type (print setup prints black and white, so paper stays white). */
export const INPUT_FILL = '#FFFBE8';
/** Highest count Excel accepts in a count input. */
export const COUNT_MAX = 10000;
export const DATE_MIN = '1990-01-01';
export const DATE_MAX = '2099-12-31';
/** The stamp line's distance from the right edge, in indent steps. */
const STAMP_INDENT = 8;

/** Sheet protection (no password): labels cannot be overwritten; formatting stays free (problem marks are formats). */
export const PROTECTION = { formatCells: true, formatColumns: true, formatRows: true } as const;

const ALIGN: Record<'left' | 'center' | 'right', HAlign> = { left: 'Left', center: 'Center', right: 'Right' };

const inside = (outer: RangeRef, a1: string) => {
  const r = parseRange(a1);
  return r.top >= outer.top && r.bottom <= outer.bottom && r.left >= outer.left && r.right <= outer.right;
};

function checkOf(field: FieldSpec, label: string): InputCheck | null {
  if (field.kind === 'count') return { kind: 'count', min: 0, max: COUNT_MAX, style: 'stop', alert: countAlert(label, COUNT_MAX) };
  if (field.kind === 'date') return { kind: 'date', min: DATE_MIN, max: DATE_MAX, style: 'warning', alert: dateAlert(label) };
  return null;
}

function inputOf(form: FormSpec, field: FieldSpec, table: RangeRef): InputBlock {
  const long = field.kind === 'longText' || field.kind === 'opinion';
  const opinion = field.dateOf ? form.fields.find((f) => f.id === field.dateOf) : undefined;
  const label = compactLabel(field.label?.text ?? opinion?.label?.text ?? field.id);
  const hAlign = ALIGN[field.align ?? 'left'];
  return {
    address: field.cell,
    key: field.id,
    placeholder: field.placeholder,
    numberFormat: field.kind === 'date' ? DATE_FORMAT : field.kind === 'count' ? GENERAL_FORMAT : TEXT_FORMAT,
    hAlign,
    vAlign: long ? 'Top' : 'Center',
    // Text set against an edge stands off it by one indent step (about one character).
    ...(hAlign !== 'Center' ? { indent: 1 } : {}),
    font: form.fonts.body,
    shrinkToFit: field.shrinkToFit ?? false,
    prompt: field.dateOf ? opinionDatePrompt(label) : fieldPrompt(field.kind, label),
    check: checkOf(field, label),
    underline: !inside(table, field.cell),
  };
}

/** Bounding range of several ranges. */
function boundingRange(addresses: string[]): string {
  const rs = addresses.map(parseRange);
  return rangeAddress({
    top: Math.min(...rs.map((r) => r.top)),
    left: Math.min(...rs.map((r) => r.left)),
    bottom: Math.max(...rs.map((r) => r.bottom)),
    right: Math.max(...rs.map((r) => r.right)),
  });
}

export function formLayout(form: FormSpec): FormLayout {
  const body = form.fonts.body;
  const table = parseRange(form.tableRange);
  const texts: TextBlock[] = [{ address: form.titleCell, text: form.title, font: form.fonts.title, hAlign: 'Center' }];
  for (const t of form.texts) {
    if (t.role === 'attachment') texts.push({ address: t.cell, text: t.text, font: form.fonts.attachment, hAlign: 'Left' });
    else if (t.role === 'stamp') texts.push({ address: t.cell, text: t.text, font: body, hAlign: 'Right', indent: STAMP_INDENT });
    else texts.push({ address: t.cell, text: t.text, font: body, hAlign: 'Center' });
  }
  const inputs: InputBlock[] = [];
  const outlines: string[] = [form.tableRange];
  for (const f of form.fields) {
    if (f.label) {
      const inTable = inside(table, f.label.cell);
      // Labels in the table are centred in their box; a label on the line above it leads into its input.
      texts.push({ address: f.label.cell, text: f.label.text, font: body, hAlign: inTable ? 'Center' : 'Right' });
      if (inTable) outlines.push(f.label.cell);
    }
    inputs.push(inputOf(form, f, table));
    if (f.kind === 'opinion') {
      // An opinion, its stamp line and its date line are one box on paper.
      const date = form.fields.find((d) => d.dateOf === f.id);
      outlines.push(boundingRange(date ? [f.cell, date.cell] : [f.cell]));
    } else if (!f.dateOf && inside(table, f.cell)) {
      outlines.push(f.cell);
    }
  }

  const grids: string[] = [];
  const rowHeights = new Map<number, number>(Object.entries(form.rowHeights).map(([r, h]) => [Number(r), h]));
  const m = form.months;
  if (m) {
    const lastRow = m.firstRow + 11;
    const columns = [m.monthColumn, ...m.columns.map((c) => c.column)].map(columnNumber);
    grids.push(rangeAddress({ top: m.headerRow, bottom: lastRow, left: Math.min(...columns), right: Math.max(...columns) }));
    texts.push({ address: `${m.monthColumn}${m.headerRow}`, text: m.monthHeader, font: body, hAlign: 'Center' });
    for (const c of m.columns) texts.push({ address: `${c.column}${m.headerRow}`, text: c.header, font: body, hAlign: 'Center' });
    for (let month = 1; month <= 12; month++) {
      const row = m.firstRow + month - 1;
      rowHeights.set(row, m.rowHeight);
      texts.push({ address: `${m.monthColumn}${row}`, text: monthLabel(month), font: body, hAlign: 'Center' });
      for (const c of m.columns) {
        inputs.push({
          address: `${c.column}${row}`,
          key: `months.${month}.${c.key}`,
          numberFormat: TEXT_FORMAT,
          hAlign: 'Left',
          vAlign: 'Top',
          indent: 1,
          font: { ...body, size: m.fontSize },
          shrinkToFit: false,
          prompt: monthPrompt(month, c.header),
          check: null,
          underline: false,
        });
      }
    }
  }

  const all = [...texts.map((t) => t.address), ...inputs.map((i) => i.address), form.tableRange, ...grids];
  const lastRow = Math.max(...all.map((a) => parseRange(a).bottom), ...rowHeights.keys());
  const names = [{ name: tagName(form), address: 'A1' }, ...form.fields.map((f) => ({ name: fieldName(form, f.id), address: firstCell(f.cell) }))];
  return {
    bodyFont: body,
    texts,
    inputs,
    merges: [...texts, ...inputs].map((b) => b.address).filter(isMerged),
    outlines,
    grids,
    columnWidths: form.columnWidths,
    rowHeights: [...rowHeights.entries()].sort((a, b) => a[0] - b[0]),
    printArea: `A1:${cellAddress(lastRow, form.columnWidths.length)}`,
    print: form.print,
    names,
    inputFill: INPUT_FILL,
    protection: PROTECTION,
  };
}
