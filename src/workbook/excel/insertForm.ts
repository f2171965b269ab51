import { getForm } from '../../forms';
import { columnLetters, firstCell, parseRange } from '../../forms/address';
import type { FormId } from '../../forms/types';
import { FIELD_NAME_COMMENT, TAG_NAME_COMMENT } from '../../i18n/form';
import { formLayout, type FormLayout, type InputBlock } from '../layout';
import { fitsToPages, setFormPageLayout } from './pageLayout';
import { matrix, runExcel } from './run';

export interface InsertFormOptions {
  /** Sheet name to use instead of FormSpec.sheetName; made unique either way. */
  sheetName?: string;
  /** Make the new sheet the active one (default true). */
  activate?: boolean;
}

export interface InsertedForm {
  form: FormId;
  /** The name the new worksheet got. */
  sheetName: string;
  /** False when the host lacks ExcelApi 1.9: the sheet then has no one-page print setup. */
  pageLayoutApplied: boolean;
  /** False when the host did not keep the fit-to-one-page zoom it was given (office-js issue #1860). */
  fitToPageApplied: boolean;
  /** False when the host lacks ExcelApi 1.8: inputs then have no prompts. */
  validationApplied: boolean;
}

/** Characters Excel does not allow in a sheet name, and its length limit. */
const BAD_SHEET_CHARS = /[\\/?*[\]:]/g;
const MAX_SHEET_NAME = 31;

/** "附件1 示范点创建申报表", then "附件1 示范点创建申报表 (2)", … — compared case-insensitively as Excel does. */
export function uniqueSheetName(wanted: string, existing: string[]): string {
  const base = wanted.replace(BAD_SHEET_CHARS, ' ').replace(/^'+|'+$/g, '').trim().slice(0, MAX_SHEET_NAME) || 'Sheet';
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Input prompts and count/date checks on the inputs. DataValidation is ExcelApi 1.8. */
function setInputValidation(sheet: Excel.Worksheet, inputs: InputBlock[]): boolean {
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.8')) return false;
  for (const input of inputs) {
    const validation = sheet.getRange(input.address).dataValidation;
    validation.prompt = { showPrompt: true, title: input.prompt.title, message: input.prompt.message };
    const c = input.check;
    if (!c) continue;
    validation.rule =
      c.kind === 'count'
        ? { wholeNumber: { formula1: c.min, formula2: c.max, operator: 'Between' } }
        : { date: { formula1: String(c.min), formula2: String(c.max), operator: 'Between' } };
    validation.errorAlert = { showAlert: true, style: c.style === 'stop' ? 'Stop' : 'Warning', title: c.alert.title, message: c.alert.message };
  }
  return true;
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
const INSIDE = ['InsideHorizontal', 'InsideVertical'] as const;

function line(range: Excel.Range, edges: readonly Excel.BorderIndex[] | readonly string[]): void {
  for (const edge of edges) {
    const border = range.format.borders.getItem(edge as Excel.BorderIndex);
    border.style = 'Continuous';
    border.weight = 'Thin';
    border.color = '#000000';
  }
}

/** Queues everything a form sheet is made of (no sync). */
function renderForm(sheet: Excel.Worksheet, layout: FormLayout): void {
  // RangeFormat.indentLevel and shrinkToFit are ExcelApi 1.9
  // (https://learn.microsoft.com/javascript/api/excel/excel.rangeformat); below it text is
  // flush against its edge and a long branch name wraps instead of printing smaller.
  const canIndent = Office.context.requirements.isSetSupported('ExcelApi', '1.9');
  const whole = sheet.getRange(layout.printArea);
  whole.format.font.name = layout.bodyFont.name;
  whole.format.font.size = layout.bodyFont.size;
  whole.format.verticalAlignment = 'Center';
  whole.format.wrapText = true;

  layout.columnWidths.forEach((points, i) => {
    const letter = columnLetters(i + 1);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = points;
  });
  for (const [row, points] of layout.rowHeights) sheet.getRange(`${row}:${row}`).format.rowHeight = points;

  for (const address of layout.merges) sheet.getRange(address).merge(false);

  for (const t of layout.texts) {
    const range = sheet.getRange(t.address);
    range.format.horizontalAlignment = t.hAlign;
    if (canIndent && t.indent) range.format.indentLevel = t.indent;
    range.format.font.name = t.font.name;
    range.format.font.size = t.font.size;
    range.format.font.bold = Boolean(t.font.bold);
    sheet.getRange(firstCell(t.address)).values = [[t.text]];
  }

  for (const input of layout.inputs) {
    const range = sheet.getRange(input.address);
    const r = parseRange(input.address);
    // Format before the value: a placeholder or a later "=…" stays text in '@' cells.
    range.numberFormat = matrix(r.bottom - r.top + 1, r.right - r.left + 1, input.numberFormat);
    range.format.horizontalAlignment = input.hAlign;
    range.format.verticalAlignment = input.vAlign;
    if (canIndent && input.indent) range.format.indentLevel = input.indent;
    if (canIndent && input.shrinkToFit) {
      range.format.wrapText = false;
      range.format.shrinkToFit = true;
    }
    if (input.font.size !== layout.bodyFont.size) range.format.font.size = input.font.size;
    range.format.fill.color = layout.inputFill;
    range.format.protection.locked = false;
    if (input.underline) line(range, ['EdgeBottom']);
    if (input.placeholder) sheet.getRange(firstCell(input.address)).values = [[input.placeholder]];
  }

  for (const address of layout.outlines) line(sheet.getRange(address), EDGES);
  for (const address of layout.grids) line(sheet.getRange(address), [...EDGES, ...INSIDE]);

  layout.names.forEach(({ name, address }, i) => {
    sheet.names.add(name, sheet.getRange(address), i === 0 ? TAG_NAME_COMMENT : FIELD_NAME_COMMENT);
  });
}

/** Labels and texts are locked; inputs were unlocked above. No password: a clerk may lift it. */
function protectForm(sheet: Excel.Worksheet, layout: FormLayout): void {
  sheet.protection.protect({
    allowFormatCells: layout.protection.formatCells,
    allowFormatColumns: layout.protection.formatColumns,
    allowFormatRows: layout.protection.formatRows,
    allowEditObjects: true,
  });
}

/**
 * Inserts a new worksheet with the form `formId`, ready to fill in: the paper form's
 * texts, merges, borders, fonts, sizes, inputs unlocked with prompts, the sheet
 * protected without password, the tag and field names (worksheet-scoped), and the
 * page set up for one A4 page.
 *
 * Office.js batches are not transactions: when the second sync fails, the commands
 * before the failing one have run and a half-built, unprotected sheet would be left.
 * It is deleted (in an Excel.run of its own) before the error is rethrown.
 *
 * Syncs: 2 (existing sheet names; everything else); on failure 2 more to delete the sheet.
 */
export async function insertForm(formId: FormId, opts: InsertFormOptions = {}): Promise<InsertedForm> {
  const form = getForm(formId);
  const layout = formLayout(form);
  let added: string | null = null;
  try {
    return await runExcel('insertForm', { raisesChanges: true }, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();

      const sheetName = uniqueSheetName(opts.sheetName ?? form.sheetName, sheets.items.map((s) => s.name));
      const sheet = sheets.add(sheetName);
      renderForm(sheet, layout);
      const validationApplied = setInputValidation(sheet, layout.inputs);
      // Its zoom is read back after the setters ran: a host may not keep fit-to-page (issue #1860).
      const pageLayout = setFormPageLayout(sheet, form, layout.printArea);
      protectForm(sheet, layout);
      if (opts.activate !== false) {
        sheet.activate();
        sheet.getRange(firstCell(layout.inputs[0].address)).select();
      }
      added = sheetName;
      await context.sync();
      added = null;
      const fitToPageApplied = pageLayout !== null && fitsToPages(pageLayout, true);
      return { form: form.id, sheetName, pageLayoutApplied: pageLayout !== null, fitToPageApplied, validationApplied };
    });
  } catch (e) {
    if (added !== null) await removeSheet(added);
    throw e;
  }
}

/**
 * Deletes the sheet a failed insertForm left behind, if it exists. Best effort: the
 * caller rethrows the error that made the insert fail, which is what the user must see.
 * Syncs: 2.
 */
async function removeSheet(sheetName: string): Promise<void> {
  try {
    await runExcel('insertForm', {}, async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
      sheet.load('name');
      await context.sync();
      if (sheet.isNullObject) return;
      sheet.delete();
      await context.sync();
    });
  } catch {
    // Nothing more to do: the original error is thrown by the caller.
  }
}
