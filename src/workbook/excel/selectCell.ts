import { runExcel } from './run';

/** Shows `cell` (A1, or a range) of `sheetName` to the user: activates the sheet and selects it. Syncs: 1. */
export async function selectCell(sheetName: string, cell: string): Promise<void> {
  return runExcel('selectCell', {}, async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(cell).select();
    await context.sync();
  });
}
