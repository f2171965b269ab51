/**
 * One layout, two renderers: a form inserted by the add-in (Office.js, here the strict
 * test double) and the same form's template file (exceljs) must be the same sheet —
 * cell for cell the same texts, merges, inputs, formats, fills, locks, alignment, indents,
 * wrapping, shrink to fit, fonts and lines — so a clerk gets the same form whichever way it reached them.
 */
import ExcelJS from 'exceljs';
import { FORMS } from '../../src/forms';
import { cellAddress, parseRange } from '../../src/forms/address';
import { insertForm } from '../../src/workbook/excel';
import { formLayout } from '../../src/workbook/layout';
import { templateBytes } from '../../src/workbook/xlsx/template';
import type { CellModel } from './fakeExcel';
import { useFakeExcel } from './useFake';

const excel = useFakeExcel();

interface Drawn {
  value: string;
  numberFormat: string;
  fill: boolean;
  locked: boolean;
  hAlign: string;
  indent: number;
  wrap: boolean;
  shrink: boolean;
  font: string;
  lines: string;
}

const SIDES = ['top', 'bottom', 'left', 'right'] as const;

function fromOffice(c: CellModel | undefined): Drawn {
  return {
    value: c ? String(c.value) : '',
    numberFormat: c?.numberFormat ?? 'General',
    fill: Boolean(c?.fill),
    locked: c?.locked ?? true,
    hAlign: (c?.hAlign ?? 'General').toLowerCase(),
    indent: c?.indent ?? 0,
    wrap: c?.wrap ?? false,
    shrink: c?.shrink ?? false,
    font: c ? `${c.fontName} ${c.fontSize}${c.bold ? ' bold' : ''}` : '',
    lines: SIDES.filter((s) => c?.borders[s]).join(' '),
  };
}

function fromExceljs(c: ExcelJS.Cell, isMergedSlave: boolean): Drawn {
  const fill = c.fill as ExcelJS.FillPattern | undefined;
  return {
    value: isMergedSlave || c.value === null || c.value === undefined ? '' : String(c.value),
    numberFormat: c.numFmt || 'General',
    fill: Boolean(fill?.fgColor?.argb),
    locked: c.protection?.locked !== false,
    hAlign: c.alignment?.horizontal ?? 'general',
    indent: c.alignment?.indent ?? 0,
    wrap: c.alignment?.wrapText ?? false,
    shrink: c.alignment?.shrinkToFit ?? false,
    font: `${c.font?.name} ${c.font?.size}${c.font?.bold ? ' bold' : ''}`,
    lines: SIDES.filter((s) => c.border?.[s]?.style).join(' '),
  };
}

test.each(FORMS.map((f) => [f.attachment, f] as const))('%s: the inserted sheet and the template file are drawn alike', async (_n, form) => {
  await insertForm(form.id);
  const office = excel.fake.workbook.sheet(form.sheetName);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await templateBytes(form)) as unknown as ArrayBuffer);
  const file = wb.worksheets[0];

  const merges = (file.model as unknown as { merges: string[] }).merges.map((m) => JSON.stringify(parseRange(m))).sort();
  expect(office.merges.map((m) => JSON.stringify(m)).sort()).toEqual(merges);

  const area = parseRange(formLayout(form).printArea);
  for (let row = area.top; row <= area.bottom; row++) {
    for (let col = area.left; col <= area.right; col++) {
      const a1 = cellAddress(row, col);
      const cell = file.getCell(row, col);
      const slave = cell.isMerged && cell.master.address !== cell.address;
      expect([a1, fromOffice(office.cell(a1))]).toEqual([a1, fromExceljs(cell, slave)]);
    }
  }
});
