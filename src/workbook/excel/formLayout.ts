import { fieldName, tagName } from '../../forms';
import { cellAddress, columnNumber, firstCell, isMerged, parseRange, rangeAddress } from '../../forms/address';
import type { FieldSpec, FontSpec, FormSpec } from '../../forms/types';
import { fieldPrompt, monthLabel, monthPrompt, opinionDatePrompt, type PromptText } from '../../i18n/excel';
import { compactLabel } from '../../model/text';

/**
 * What a FormSpec looks like on a worksheet, as plain data: the Office.js renderer
 * (render.ts) turns this into commands. Everything here is read from the FormSpec; no
 * address of a form is written in this file.
 */

export type HAlign = 'Left' | 'Center' | 'Right';
export type VAlign = 'Top' | 'Center';

/** A fixed text: title, "附件N", label, stamp, month-table header or month label. */
export interface TextBlock {
  /** Range; merged when it spans several cells. */
  address: string;
  text: string;
  font: FontSpec;
  hAlign: HAlign;
}

export type InputValidation = 'count' | 'date' | null;

/** A cell the clerk fills in: unlocked, with a prompt. */
export interface InputBlock {
  address: string;
  /** Field id, or "months.N.goal" for 附件3's table. */
  key: string;
  /** Shown in the empty input ("年 月 日"); reads as empty. */
  placeholder?: string;
  numberFormat: string;
  hAlign: HAlign;
  vAlign: VAlign;
  prompt: PromptText;
  validation: InputValidation;
}

export interface FormLayout {
  texts: TextBlock[];
  inputs: InputBlock[];
  /** Every range to merge. */
  merges: string[];
  /** Ranges framed by a thin outline. */
  outlines: string[];
  /** Ranges with every inner line too (附件3's month table). */
  grids: string[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** [row, height in points]. */
  rowHeights: [number, number][];
  /** The whole form: what prints on one A4 page. */
  printArea: string;
  /** Worksheet-scoped defined names: the tag (first) and one per field. */
  names: { name: string; address: string }[];
}

/** Text cells: '@' keeps "0371…" and "=…" as typed. Dates get a Chinese date format. */
export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
export const GENERAL_FORMAT = 'General';

const ALIGN: Record<'left' | 'center' | 'right', HAlign> = { left: 'Left', center: 'Center', right: 'Right' };

function inputOf(form: FormSpec, field: FieldSpec): InputBlock {
  const long = field.kind === 'longText' || field.kind === 'opinion';
  const opinion = field.dateOf ? form.fields.find((f) => f.id === field.dateOf) : undefined;
  const label = compactLabel(field.label?.text ?? opinion?.label?.text ?? field.id);
  return {
    address: field.cell,
    key: field.id,
    placeholder: field.placeholder,
    numberFormat: field.kind === 'date' ? DATE_FORMAT : field.kind === 'count' ? GENERAL_FORMAT : TEXT_FORMAT,
    hAlign: ALIGN[field.align ?? (long ? 'left' : 'center')],
    vAlign: long ? 'Top' : 'Center',
    prompt: field.dateOf ? opinionDatePrompt(label) : fieldPrompt(field.kind, label),
    validation: field.kind === 'count' ? 'count' : field.kind === 'date' ? 'date' : null,
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
  const texts: TextBlock[] = [{ address: form.titleCell, text: form.title, font: form.fonts.title, hAlign: 'Center' }];
  for (const t of form.texts) {
    const font = t.role === 'attachment' ? form.fonts.attachment : body;
    texts.push({ address: t.cell, text: t.text, font, hAlign: t.role === 'attachment' ? 'Left' : t.role === 'stamp' ? 'Right' : 'Center' });
  }
  const inputs: InputBlock[] = [];
  const outlines: string[] = [form.tableRange];
  const table = parseRange(form.tableRange);
  const inTable = (a: string) => {
    const r = parseRange(a);
    return r.top >= table.top && r.bottom <= table.bottom && r.left >= table.left && r.right <= table.right;
  };
  for (const f of form.fields) {
    if (f.label) {
      texts.push({ address: f.label.cell, text: f.label.text, font: body, hAlign: 'Center' });
      if (inTable(f.label.cell)) outlines.push(f.label.cell);
    }
    inputs.push(inputOf(form, f));
    if (f.kind === 'opinion') {
      // An opinion, its stamp line and its date line are one box on paper.
      const date = form.fields.find((d) => d.dateOf === f.id);
      outlines.push(boundingRange(date ? [f.cell, date.cell] : [f.cell]));
    } else if (!f.dateOf && inTable(f.cell)) {
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
          prompt: monthPrompt(month, c.header),
          validation: null,
        });
      }
    }
  }

  const all = [...texts.map((t) => t.address), ...inputs.map((i) => i.address), form.tableRange, ...grids];
  const lastRow = Math.max(...all.map((a) => parseRange(a).bottom), ...rowHeights.keys());
  const lastCol = form.columnWidths.length;
  // As the .xlsx template writes them (src/workbook/xlsx/template.ts): the tag on A1,
  // each field's name on the top-left cell of its input.
  const names = [{ name: tagName(form), address: 'A1' }, ...form.fields.map((f) => ({ name: fieldName(form, f.id), address: firstCell(f.cell) }))];
  return {
    texts,
    inputs,
    merges: all.filter((a, i) => isMerged(a) && i < texts.length + inputs.length),
    outlines,
    grids,
    columnWidths: form.columnWidths,
    rowHeights: [...rowHeights.entries()].sort((a, b) => a[0] - b[0]),
    printArea: `A1:${cellAddress(lastRow, lastCol)}`,
    names,
  };
}
