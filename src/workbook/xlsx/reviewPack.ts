/**
 * The 报送包 a level sends up (bin/wuhua review, the pane's 生成报送包): the print pack
 * of the reviewed forms, opinions filled in, one A4 page each, grouped by branch; then
 * the hidden provenance sheet (see src/review/provenance.ts). Printing the workbook
 * prints the forms only; 取消隐藏 shows the record. Also the 退回清单 workbook.
 * Browser-safe.
 */
import ExcelJS from 'exceljs';
import { getForm } from '../../forms';
import { reviewZh } from '../../i18n/review';
import type { Summary } from '../../merge/types';
import { fileBaseName } from '../../model/text';
import { PROVENANCE_SHEET, provenanceRows, provenanceTable } from '../../review/provenance';
import type { ReviewLevel, ReviewResult } from '../../review/types';
import { printPack, rosterParents, type PackOverflow } from './printPack';
import { cellText, workbookBytes } from './summary';

export interface PackContext {
  level: ReviewLevel;
  /** The reviewing organisation as it signs (may be the level's name). */
  reviewer: string;
  date: string;
  /** SHA-256 of each input file, by the path the submissions name. */
  fileHashes: ReadonlyMap<string, string>;
}

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  bottom: { style: 'thin' },
  left: { style: 'thin' },
  right: { style: 'thin' },
};

/** A plain table sheet: title, bold header, wrapped text cells (always values, never formulas), A4 landscape. */
function tableSheet(wb: ExcelJS.Workbook, name: string, title: string, table: string[][], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { name: '黑体', size: 14, bold: true };
  table.forEach((values, r) => {
    values.forEach((v, c) => {
      const cell = ws.getCell(r + 2, c + 1);
      if (v !== '') cell.value = cellText(v);
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = BORDER;
      cell.font = { name: '宋体', size: 10, bold: r === 0 };
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' };
  return ws;
}

export interface ReviewPack {
  workbook: ExcelJS.Workbook;
  overflow: PackOverflow[];
}

export function reviewPack(summary: Summary, review: ReviewResult, ctx: PackContext): ReviewPack {
  const rows = review.forms.map((f) => ({ ...f.row, submission: f.submission }));
  // Grouped by 上级党组织 from the roster, like the print pack; Arial as the Normal font (workbookBytes).
  const pack = printPack({ ...summary, rows }, { parents: rosterParents(summary.obligations) });
  const wb = pack.workbook;
  const records = provenanceRows(review.forms, pack.sheets, ctx);
  const ws = tableSheet(wb, PROVENANCE_SHEET, reviewZh.provenanceTitle, provenanceTable(records), [6, 22, 24, 8, 24, 22, 30, 24, 22, 16, 16, 12, 14, 30, 40, 40, 20]);
  ws.state = 'hidden';
  return { workbook: wb, overflow: pack.overflow };
}

export async function reviewPackBytes(summary: Summary, review: ReviewResult, ctx: PackContext): Promise<{ bytes: Uint8Array; overflow: PackOverflow[] }> {
  const pack = reviewPack(summary, review, ctx);
  return { bytes: await workbookBytes(pack.workbook), overflow: pack.overflow };
}

/** The 退回清单: one row per error of a held-back form, the form's ready-to-send message beside its first row. */
export function returnsWorkbook(review: ReviewResult, ctx: { levelName: string; date: string }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'wuhua';
  const table: string[][] = [reviewZh.returnsHeaders];
  let n = 0;
  for (const r of review.returned) {
    r.errors.forEach((e, i) => {
      table.push([
        String(++n),
        r.row.branch,
        getForm(r.row.form).attachment,
        fileBaseName(r.row.submission.file),
        r.row.submission.sheet,
        e.cell ?? '',
        e.message,
        i === 0 ? r.message : '',
      ]);
    });
  }
  tableSheet(wb, reviewZh.returnsSheet, reviewZh.returnsTitle(ctx.levelName, ctx.date), table, [6, 24, 8, 22, 20, 8, 48, 60]);
  return wb;
}

export async function returnsBytes(review: ReviewResult, ctx: { levelName: string; date: string }): Promise<Uint8Array> {
  return workbookBytes(returnsWorkbook(review, ctx));
}
