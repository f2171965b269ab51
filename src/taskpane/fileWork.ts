/**
 * Everything the pane does with .xlsx bytes, in one module that index.tsx never imports
 * statically: hosts load it with `import()`, so exceljs (≈250 KB gzipped) and the reader
 * arrive only when the user first downloads, checks or merges — not at first render.
 */
export { intakeBytes } from '../workbook/xlsx/intake';
export { mergeSubmissions } from '../merge';
export { templateBytes } from '../workbook/xlsx/template';
export { summaryBytes, workbookBytes } from '../workbook/xlsx/summary';
export { printPackBytes } from '../workbook/xlsx/printPack';
export { parseRoster, parseRosterText } from '../workbook/xlsx/roster';
export { summaryTables } from './summaryTables';
