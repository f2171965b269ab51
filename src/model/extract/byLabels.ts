/**
 * A hand-made sheet: its forms located by their titles (blocks.ts), each field read
 * right of its label or below it (short.ts, long.ts), the month table by its header
 * (months.ts), all within the form's block.
 */
import { cellAddress } from '../../forms/address';
import type { FormId, FormSpec } from '../../forms/types';
import type { SheetIndex } from '../locate';
import { cellKey, MAX_COLS, type ExtractedForm } from '../types';
import { findBlocks, type Block } from './blocks';
import { MONTH_KEYS } from './cells';
import { isStopText, labelHits, pickHit, type LabelHit } from './labels';
import { readLong } from './long';
import { findHeader, readMonthRows } from './months';
import { endOfShortValue, readShort } from './short';

/** Finds the forms on a sheet by their titles (or, without a title, their distinctive labels). */
export function searchForms(index: SheetIndex, forms: readonly FormSpec[]): ExtractedForm[] {
  const out: ExtractedForm[] = [];
  for (const b of findBlocks(index, forms)) {
    const x = readBlock(index, b);
    if (x) out.push(x);
  }
  return out;
}

function readBlock(index: SheetIndex, block: Block): ExtractedForm | null {
  const { form } = block;
  const hits = labelHits(index, block);
  const header = form.months ? findHeader(index, form, block.from, block.to, block) : null;
  const distinctFields = new Set(hits.flatMap((h) => h.keys));
  const headerCount = header ? Object.keys(header.cols).length : 0;
  // A title alone (or a title quoted in a list) is not a form: at least two of its labels must be there.
  if (distinctFields.size + headerCount < 2) return null;

  // Keyed by cellKey, not by a "row:col" string: isLabel is asked for every cell a value's search passes.
  const labelCells = new Set(hits.map((h) => cellKey(h.row, h.col)));
  if (header) {
    labelCells.add(cellKey(header.row, header.monthCol));
    for (const k of MONTH_KEYS) if (header.cols[k]) labelCells.add(cellKey(header.row, header.cols[k]!));
  }
  const isLabel = (row: number, col: number) => (col >= 1 && col <= MAX_COLS && labelCells.has(cellKey(row, col))) || isStopText(index, block, row, col);

  const fields: ExtractedForm['fields'] = {};
  const usedHits = new Set<LabelHit>();
  for (let i = 0; i < form.fields.length; i++) {
    const f = form.fields[i];
    if (!f.label) continue;
    const hit = pickHit(form, f, hits, usedHits);
    if (!hit) continue;
    usedHits.add(hit);
    const short = f.kind !== 'longText' && f.kind !== 'opinion';
    if (hit.inline) {
      // "申报党支部名称：XX党支部": the value is in the label's own cell (a short one up to the next label there).
      fields[f.id] = { raw: { v: short ? endOfShortValue(hit.inline) : hit.inline }, cell: cellAddress(hit.row, hit.col) };
      continue;
    }
    if (short) {
      fields[f.id] = readShort(index, hit, block, isLabel, f.kind === 'date');
      continue;
    }
    const dateField = f.kind === 'opinion' ? form.fields.find((d) => d.dateOf === f.id) : undefined;
    const v = readLong(index, hit, block, isLabel, dateField !== undefined);
    fields[f.id] = v.value;
    if (dateField && v.date) fields[dateField.id] = v.date;
  }
  const x: ExtractedForm = { form: form.id, sheet: index.sheet.name, via: 'labels', fields };
  // Another form's labels in this block, unbounded: said, one line per form (its first label's cell).
  const unread = new Map<string, string>();
  for (const m of block.foreign ?? []) if (!unread.has(m.form.id)) unread.set(m.form.id, cellAddress(m.row, m.col));
  if (unread.size) x.unreadBeside = [...unread].map(([f, cell]) => ({ form: f as FormId, cell }));
  if (form.months) x.months = header ? readMonthRows(index, form, header, block.to, block) : [];
  return x;
}
