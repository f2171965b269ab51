import type ExcelJS from 'exceljs';
import type { Summary } from '../merge/types';
import type { SummaryTable } from '../workbook/excel';
import { summaryWorkbook } from '../workbook/xlsx/summaryWorkbook';
import { columnNumber } from '../forms/address';

/** "2019年4月3日": how a date reads in a cell written as a value (the adapter writes text and numbers). */
function zhDate(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

function plain(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return zhDate(v);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v && typeof v.text === 'string') return v.text;
  if (typeof v === 'object' && 'result' in v) return plain((v.result ?? null) as ExcelJS.CellValue);
  return String(v);
}

/**
 * The summary sheets as plain tables for the Excel adapter's writeSummary: the very
 * sheets of the downloadable 汇总.xlsx (same columns, order, totals), read back from
 * helper D's workbook so the two never drift apart.
 */
export function summaryTables(summary: Summary): SummaryTable[] {
  return summaryWorkbook(summary).worksheets.map((ws) => {
    const width = ws.columnCount;
    const row = (r: number) => Array.from({ length: width }, (_, c) => plain(ws.getRow(r).getCell(c + 1).value));
    const header = row(1).map((v) => (v === null ? '' : String(v)));
    const rows: (string | number | null)[][] = [];
    for (let r = 2; r <= ws.rowCount; r++) rows.push(row(r));
    // The print area's last column ("A$1:M$70" as summary.ts gives it to exceljs): the columns after it are for the screen.
    const last = /:\$?([A-Z]+)/.exec(ws.pageSetup.printArea ?? '')?.[1];
    // Data bars (报送率): the columns of summary.ts's data bar rules.
    // exceljs keeps them as `conditionalFormattings`, which its typings leave out.
    const formats = (ws as unknown as { conditionalFormattings?: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings ?? [];
    const bars = formats.filter((cf) => cf.rules.some((r) => r.type === 'dataBar')).map((cf) => columnNumber(/^[A-Z]+/.exec(cf.ref)![0]) - 1);
    return {
      name: ws.name,
      header,
      rows,
      widths: Array.from({ length: width }, (_, c) => ws.getColumn(c + 1).width ?? 10),
      landscape: ws.pageSetup.orientation === 'landscape',
      ...(last ? { printColumns: columnNumber(last) } : {}),
      ...(bars.length ? { dataBars: bars } : {}),
    };
  });
}
