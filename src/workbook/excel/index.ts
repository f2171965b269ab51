/**
 * The Office.js adapter: the only code of the project that names `Excel` or `Office`.
 * One operation per function, each one Excel.run with its syncs counted in its doc
 * comment; every failure is an ExcelOperationError with a Chinese message and what to do.
 *
 * Requirement sets. The manifest declares ExcelApi 1.7, the minimum this adapter truly
 * needs unguarded: worksheet onChanged / worksheets.onAdded and freezePanes (1.7),
 * worksheet-scoped names and getUsedRangeOrNullObject / getItemOrNullObject (1.4),
 * conditional formats for problem marks (1.6), NamedItem.formula (1.7). Newer sets are
 * used only behind Office.context.requirements.isSetSupported, in the function that
 * uses them: data validation prompts and Excel.createWorkbook (1.8), page layout, print titles and autofilter
 * (1.9), merged areas when reading (1.13), the change event's triggerSource (1.14).
 * Excel 2019 (1.8) thus gets everything but print setup; Microsoft 365 and Excel on
 * the web get everything. Checked by scripts/office-apiset-audit.cjs in
 * test/manifest.
 */
export { insertForm, uniqueSheetName, type InsertFormOptions, type InsertedForm } from './insertForm';
export { readForms, readWorkbookGrid, READ_WINDOW, type ReadOptions } from './readForms';
export { openAsNewWorkbook, toBase64 } from './openWorkbook';
export { markProblems, markProblemsOnSheets, marksFor, MARK_STYLE, type MarkState } from './markProblems';
export { selectCell } from './selectCell';
export { watchForms, DEFAULT_DEBOUNCE_MS, type WatchOptions } from './watchForms';
export { writeSummary, planChunks, prepareTable, CHUNK_BYTES, REQUEST_LIMIT_BYTES, type SummaryTable, type WrittenSummary } from './writeSummary';
export { applyPrintSetup, type PrintSetupResult } from './applyPrintSetup';
export { hostInfo, type HostInfo } from './hostInfo';
export { ExcelOperationError, toExcelOperationError } from './run';
export { startCommandsPage } from './commands';
