/**
 * The 抽查名单 workbook: the drawn branches with the seed, the method, the population
 * and the rate printed above them (a 纪检 reviewer can redo the draw), and the whole
 * ranked population on a second sheet. Browser-safe.
 */
import ExcelJS from 'exceljs';
import { sampleZh } from '../../i18n/review';
import type { Draw, SampleSize } from '../../review/sample';
import { cellText, workbookBytes } from './summary';

const BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };

function writeTable(ws: ExcelJS.Worksheet, top: number, headers: string[], rows: (string | number)[][]): void {
  [headers, ...rows].forEach((values, r) => {
    values.forEach((v, c) => {
      const cell = ws.getCell(top + r, c + 1);
      cell.value = typeof v === 'string' ? cellText(v) : v; // text stays text, never a formula
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.font = { name: '宋体', size: 10, bold: r === 0 };
    });
  });
}

function page(ws: ExcelJS.Worksheet, headerRow: number): void {
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` };
}

export function sampleWorkbook(draw: Draw, meta: { seed: string; size: SampleSize; asOf: string }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'wuhua';
  wb.created = new Date(`${meta.asOf}T00:00:00Z`);
  wb.modified = wb.created;
  const ws = wb.addWorksheet(sampleZh.sheet);
  [6, 26, 30, 8, 10, 10, 36, 24, 36].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell('A1').value = sampleZh.title;
  ws.getCell('A1').font = { name: '黑体', size: 14, bold: true };
  const lines: [string, string][] = [
    [sampleZh.meta.seed, meta.seed],
    [sampleZh.meta.method, sampleZh.methodText],
    [sampleZh.meta.population, sampleZh.population(draw.population, draw.strata.length)],
    [sampleZh.meta.size, sampleZh.size(meta.size)],
    [sampleZh.meta.drawn, sampleZh.drawn(draw.drawn)],
  ];
  lines.forEach(([label, value], i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = label;
    row.getCell(1).font = { name: '宋体', size: 10, bold: true };
    ws.mergeCells(i + 2, 2, i + 2, 9);
    row.getCell(2).value = cellText(value);
    row.getCell(2).alignment = { vertical: 'top', wrapText: true };
    row.getCell(2).font = { name: '宋体', size: 10 };
    if (label === sampleZh.meta.method) row.height = 58;
  });
  ws.getColumn(1).width = 14;
  const top = lines.length + 3;
  const drawn = draw.strata.flatMap((s) => s.candidates.filter((c) => c.drawn).map((c) => ({ s, c })));
  writeTable(ws, top, sampleZh.headers, drawn.map(({ s, c }, i) => [i + 1, s.name, c.branch, c.rank, s.candidates.length, s.k, c.hash, c.key, c.source]));
  page(ws, top);

  const all = wb.addWorksheet(sampleZh.populationSheet);
  [6, 26, 30, 8, 8, 36, 24, 36].forEach((w, i) => (all.getColumn(i + 1).width = w));
  const everyone = draw.strata.flatMap((s) => s.candidates.map((c) => ({ s, c })));
  writeTable(all, 1, sampleZh.populationHeaders, everyone.map(({ s, c }, i) => [i + 1, s.name, c.branch, c.rank, c.drawn ? sampleZh.yes : sampleZh.no, c.hash, c.key, c.source]));
  page(all, 1);
  return wb;
}

export async function sampleBytes(draw: Draw, meta: { seed: string; size: SampleSize; asOf: string }): Promise<Uint8Array> {
  return workbookBytes(sampleWorkbook(draw, meta));
}
