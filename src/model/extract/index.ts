/**
 * Finds the forms in a workbook (pure): WorkbookGrid → ExtractedForm[].
 *
 * 1. A sheet made from our template is tagged by a defined name (names.ts, tagged.ts):
 *    fields are read by their own defined names, else by the FormSpec's cells — unless
 *    the labels are no longer where the spec puts them, in which case the sheet is read
 *    like a hand-made one.
 * 2. Any other sheet is searched for each form's title and labels (byLabels.ts): each
 *    form's block is located (blocks.ts), then each value read right of its label or
 *    below it (short.ts, long.ts), the month table by its header (months.ts).
 * A sheet may hold several forms; a sheet with no form yields nothing.
 */
import { FORMS } from '../../forms';
import { SheetIndex } from '../locate';
import type { ExtractedForm, WorkbookGrid } from '../types';
import { searchForms } from './byLabels';
import { findTags, indexNames, type NameIndex } from './names';
import { readTagged } from './tagged';

export { parseNameRef } from './names';

export function extractForms(grid: WorkbookGrid): ExtractedForm[] {
  const tags = findTags(grid);
  let names: NameIndex | undefined;
  const out: ExtractedForm[] = [];
  for (const sheet of grid.sheets) {
    const index = new SheetIndex(sheet);
    const tag = tags.get(sheet.name);
    if (tag) {
      const form = FORMS.find((f) => f.id === tag.form);
      if (form) {
        const tagged = form.templateVersion === tag.version ? readTagged(index, form, (names ??= indexNames(grid.names)), tag.version) : null;
        if (tagged) {
          out.push(tagged);
          continue;
        }
        const found = searchForms(index, [form]);
        if (found.length) {
          out.push(...found);
          continue;
        }
      }
    }
    out.push(...searchForms(index, FORMS));
  }
  return out;
}
