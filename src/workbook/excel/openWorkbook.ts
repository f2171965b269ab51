import { assertInExcel, toExcelOperationError } from './run';

/** Base64 of bytes, in slices (String.fromCharCode with a whole file as arguments overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(binary);
}

/**
 * Opens an .xlsx file (a template, the print pack) as a new, unsaved workbook in a new
 * Excel window, where the user saves it: the Office way of handing a workbook over.
 * A download link does nothing in some hosts (Excel for Mac's WKWebView ignores it).
 *
 * Excel.createWorkbook needs ExcelApi 1.8: on older hosts this returns false without
 * doing anything, and the caller falls back to a download. Syncs: 0 (not an Excel.run).
 */
export async function openAsNewWorkbook(bytes: Uint8Array): Promise<boolean> {
  assertInExcel('openWorkbook');
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.8')) return false;
  try {
    await Excel.createWorkbook(toBase64(bytes));
  } catch (e) {
    throw toExcelOperationError('openWorkbook', e);
  }
  return true;
}
