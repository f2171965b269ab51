/**
 * A sheet made from our template (tagged by a defined name): fields are read by their
 * own defined names (which survive row inserts), else by the FormSpec's cells — unless
 * the labels are no longer where the spec puts them (null: read it like a hand-made one).
 */
import { firstCell, parseCell } from '../../forms/address';
import type { FieldId, FormSpec } from '../../forms/types';
import type { SheetIndex } from '../locate';
import { compactLabel } from '../text';
import type { ExtractedForm, FoundMonthRow, FoundValue } from '../types';
import { foundAt, labelsOf } from './cells';
import { findHeader, headerAt, monthRow, readMonthRows } from './months';

function found(index: SheetIndex, a1: string): FoundValue {
  const { row, col } = parseCell(a1);
  return foundAt(index, row, col, a1);
}

/** `named`: each field's cell by its defined name on this sheet (WorkbookNames.namedCells). */
export function readTagged(index: SheetIndex, form: FormSpec, named: ReadonlyMap<FieldId, string>, version: number): ExtractedForm | null {
  const sheet = index.sheet.name;
  const byNames = named.size >= Math.ceil(form.fields.length / 2);
  if (!byNames) {
    // Without names, the spec's cells are right only if the labels are still where the spec puts them.
    const labelled = form.fields.filter((f) => f.label);
    const matching = labelled.filter((f) => {
      const { row, col } = parseCell(firstCell(f.label!.cell));
      const c = index.compact(row, col);
      return labelsOf(f).some((l) => compactLabel(l) === c);
    });
    if (matching.length < Math.ceil(labelled.length * 0.75)) return null;
  }
  const fields: ExtractedForm['fields'] = {};
  for (let i = 0; i < form.fields.length; i++) {
    const f = form.fields[i];
    fields[f.id] = found(index, named.get(f.id) ?? firstCell(f.cell));
  }
  const x: ExtractedForm = { form: form.id, sheet, via: 'tag', templateVersion: version, fields };
  if (form.months) {
    const m = form.months;
    const header = headerAt(index, form, m.headerRow);
    let months: FoundMonthRow[] | null = null;
    if (header) {
      months = [];
      for (let i = 0; i < 12; i++) months.push(monthRow(index, header, m.firstRow + i));
    } else {
      const h = findHeader(index, form, 1, index.sheet.maxRow);
      if (h) months = readMonthRows(index, form, h, index.sheet.maxRow);
    }
    if (!months) return null;
    x.months = months;
  }
  return x;
}
