/**
 * The roster template (名册.xlsx): the columns the roster reader recognises, Excel's
 * data validation on the closed lists (类别, 达标情况, 已有示范点) and the date, a
 * filled example row, and a sheet of instructions. Printed on A4 landscape.
 */
import ExcelJS from 'exceljs';
import { columnLetters } from '../../forms/address';
import { rosterTemplateZh as z } from '../../i18n/committee';
import { ROSTER_COLUMNS, ROSTER_HEADERS, type RosterColumn } from '../../merge/roster';

/** Rows that carry the validation (the example row and below). */
const ROWS = 500;
const WIDTHS: Record<RosterColumn, number> = { name: 40, parent: 32, category: 10, secretary: 10, phone: 16, founded: 14, status: 12, hasDemo: 12 };
const LISTS: Partial<Record<RosterColumn, string[]>> = { category: ['在职', '离退休'], status: ['已达标', '未达标', '未申报'], hasDemo: ['是', '否'] };

export function rosterTemplateWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '五化建设表单助手';
  wb.title = z.title;
  const ws = wb.addWorksheet(z.sheet, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: '1:1' },
    headerFooter: { oddHeader: `&C&12${z.title}`, oddFooter: '&C第 &P 页，共 &N 页' },
  });
  ws.columns = ROSTER_COLUMNS.map((c) => ({ width: WIDTHS[c] }));
  const header = ws.getRow(1);
  ROSTER_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = ROSTER_HEADERS[c];
    cell.font = { name: '宋体', size: 11, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.height = 24;
  const example = ws.getRow(2);
  z.example.forEach((v, i) => {
    const cell = example.getCell(i + 1);
    cell.value = v; // text, the date too: "2016-03-01" reads back as a date and stays as typed
    cell.font = { name: '宋体', size: 11, italic: true, color: { argb: 'FF7F7F7F' } };
  });
  ws.getCell(`${columnLetters(ROSTER_COLUMNS.length + 1)}2`).value = z.exampleNote;

  ROSTER_COLUMNS.forEach((c, i) => {
    const col = columnLetters(i + 1);
    const list = LISTS[c];
    const prompt = { showInputMessage: true, promptTitle: ROSTER_HEADERS[c], prompt: z.prompts[c] };
    let v: ExcelJS.DataValidation;
    if (list) v = { type: 'list', allowBlank: true, formulae: [`"${list.join(',')}"`], showErrorMessage: true, errorStyle: 'warning', errorTitle: ROSTER_HEADERS[c], error: z.badValue(list.join('、')), ...prompt };
    else if (c === 'founded')
      v = { type: 'date', operator: 'between', allowBlank: true, formulae: [new Date(Date.UTC(1949, 9, 1)), new Date(Date.UTC(2100, 0, 1))], showErrorMessage: true, errorStyle: 'warning', errorTitle: ROSTER_HEADERS[c], error: z.badDate, ...prompt };
    else v = { type: 'any', formulae: [], ...prompt } as unknown as ExcelJS.DataValidation;
    // One rule over the whole column range (exceljs writes one <dataValidation> per address; a range keeps the file small).
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${col}2:${col}${ROWS + 1}`, v);
    if (c === 'phone' || c === 'name' || c === 'parent') for (let r = 2; r <= ROWS + 1; r++) ws.getCell(`${col}${r}`).numFmt = '@';
  });

  const guide = wb.addWorksheet(z.guideSheet, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  guide.getColumn(1).width = 100;
  z.guide.forEach((line, i) => {
    const cell = guide.getCell(`A${i + 1}`);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: 'top' };
    cell.font = { name: '宋体', size: 11 };
  });
  return wb;
}

export async function rosterTemplateBytes(): Promise<Uint8Array> {
  const buf = await rosterTemplateWorkbook().xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
