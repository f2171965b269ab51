/**
 * The summary as an in-memory exceljs workbook: the task pane reads its cells back
 * (summaryTables), tests compare it with the streaming writer's. A module of its own so
 * that summary.ts never refers to exceljs: the page's 下载汇总表 loads the streaming
 * writer's chunk only, not exceljs's (≈940 KB of script for a worker to load and compile).
 */
import ExcelJS from 'exceljs';
import type { Summary } from '../../merge/types';
import { addTable, createdAt, summarySheets, workbookBytes } from './summary';

export function summaryWorkbook(summary: Summary): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'wuhua';
  // Fixed timestamps: the same summary gives the same workbook.
  wb.created = createdAt(summary);
  wb.modified = wb.created;
  for (const t of summarySheets(summary)) addTable(wb, t);
  return wb;
}

export async function summaryBytes(summary: Summary): Promise<Uint8Array> {
  return workbookBytes(summaryWorkbook(summary));
}
