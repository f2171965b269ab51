/** What writes workbooks (exceljs): one chunk, loaded by jobs.ts when a workbook is first written. */
export { printPackBytes } from '../../workbook/xlsx/printPack';
export { templateBytes } from '../../workbook/xlsx/template';
export { summaryTables } from '../summaryTables';
export { returnsBytes, reviewPackBytes } from '../../workbook/xlsx/reviewPack';
export { sampleBytes } from '../../workbook/xlsx/sampleSheet';
export { dispatchZipBytes } from '../../workbook/xlsx/dispatch';
export { rosterTemplateBytes } from '../../workbook/xlsx/rosterTemplate';
