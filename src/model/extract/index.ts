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
 * A sheet may hold several forms; a sheet with no form yields nothing. Hidden sheets
 * are read like the others, and their forms marked.
 */
import { FORMS } from '../../forms';
import { SheetIndex } from '../locate';
import type { ExtractedForm, SheetGrid, WorkbookGrid } from '../types';
import { searchForms } from './byLabels';
import { findTags, workbookNames, type SheetTags, type WorkbookNames } from './names';
import { readTagged } from './tagged';

export { parseNameRef } from './names';

export function extractForms(grid: WorkbookGrid): ExtractedForm[] {
  const names = workbookNames(grid.names);
  const tags = findTags(grid, names);
  const out: ExtractedForm[] = [];
  for (let i = 0; i < grid.sheets.length; i++) {
    const sheet = grid.sheets[i];
    const found = readSheet(sheet, tags, names);
    // A form on a hidden sheet is read all the same (nothing is lost), and marked.
    if (sheet.hidden) for (const x of found) x.hiddenSheet = true;
    out.push(...found);
  }
  return out;
}

function readSheet(sheet: SheetGrid, tags: SheetTags, names: WorkbookNames): ExtractedForm[] {
  const index = new SheetIndex(sheet);
  const tag = tags.get(sheet.name);
  const form = tag && FORMS.find((f) => f.id === tag.form);
  if (tag && form) {
    const tagged = form.templateVersion === tag.version ? readTagged(index, form, names.namedCells(form, sheet.name), tag.version) : null;
    if (tagged) return [tagged];
    const found = searchForms(index, [form]);
    if (found.length) return found;
  }
  return searchForms(index, FORMS);
}
