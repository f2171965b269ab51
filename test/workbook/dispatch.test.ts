/**
 * 下发's fast path: a prefilled copy is the blank template with texts put into its input
 * cells' XML. It must read exactly like the same values written by exceljs (the print
 * pack's path), keep each cell's style (shading, unlocked, font), and stay text whatever
 * the text looks like.
 */
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { firstCell, parseCell } from '../../src/forms/address';
import { getForm } from '../../src/forms';
import type { FieldId, FormId } from '../../src/forms/types';
import type { DispatchFile } from '../../src/merge/dispatch';
import { cellKey, type WorkbookGrid } from '../../src/model/types';
import { dispatchWriter, fillCells } from '../../src/workbook/xlsx/dispatch';
import { readWorkbook } from '../../src/workbook/xlsx/read';
import { templateBytes } from '../../src/workbook/xlsx/template';

const ODD = ' =HYPERLINK("http://x","点我")&<b>\u0001第一党支部 ';
const cases: [FormId, Partial<Record<FieldId, string>>][] = [
  ['application', { branchName: '中共永州市财政局第一党支部' }],
  ['progress', { branchName: ODD }],
  ['demonstration', { branchName: '+中共永州市气象局党支部', secretaryName: '@李四', contact: '0746-8221234' }],
];

function grid(bytes: Uint8Array): WorkbookGrid {
  const r = readWorkbook(bytes, 'x.xlsx');
  if (!r.ok) throw new Error(r.reason);
  return r.grid;
}
const cells = (g: WorkbookGrid) => [...g.sheets[0].cells.entries()].sort((a, b) => a[0] - b[0]);

test.each(cases)('%s: the prefilled copy reads like exceljs writing the same values, cell for cell', async (form, values) => {
  const file: DispatchFile = { form, parent: '', folder: '', name: 'x.xlsx', path: 'x.xlsx', branch: null, values };
  const fast = await dispatchWriter()(file);
  const reference = await templateBytes(getForm(form), { fields: values });
  const a = grid(fast);
  const b = grid(reference);
  // exceljs drops the control character and writes the rest; ours does the same.
  expect(cells(a)).toEqual(cells(b));
  expect(a.names).toEqual(b.names);
  expect(a.sheets[0].merges.sort()).toEqual(b.sheets[0].merges.sort());
  const name = getForm(form).fields.find((f) => f.id === 'branchName')!;
  const { row, col } = parseCell(firstCell(name.cell));
  const v = a.sheets[0].cells.get(cellKey(row, col))!.v;
  expect(v).toBe(values.branchName!.replace('\u0001', ''));
});

test('the filled cell keeps its style: shaded, unlocked, its font; as text, never a formula', async () => {
  const form = getForm('progress');
  const fast = await dispatchWriter()({ form: 'progress', parent: '', folder: '', name: 'x', path: 'x', branch: null, values: { branchName: '=SUM(A1)' } });
  const blank = await templateBytes(form);
  const load = async (b: Uint8Array) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(b as unknown as ArrayBuffer);
    return wb.worksheets[0];
  };
  const at = firstCell(form.fields.find((f) => f.id === 'branchName')!.cell);
  const [filled, empty] = [await load(fast), await load(blank)];
  expect(filled.getCell(at).value).toBe('=SUM(A1)');
  expect(filled.getCell(at).type).toBe(ExcelJS.ValueType.String);
  expect(filled.getCell(at).style).toEqual(empty.getCell(at).style);
  const xml = strFromU8(unzipSync(fast)['xl/worksheets/sheet1.xml']);
  expect(xml).not.toContain('<f>');
});

test('fillCells: replaces an empty or valued cell whole, keeps its style attribute, not a longer reference', () => {
  const xml = '<row r="3"><c r="B3" s="5"/><c r="B30" s="6"/><c r="C3" s="7" t="s"><v>4</v></c></row>';
  expect(fillCells(xml, new Map([['B3', 'a&b'], ['C3', '<x>']]))).toBe(
    '<row r="3"><c r="B3" s="5" t="inlineStr"><is><t xml:space="preserve">a&amp;b</t></is></c><c r="B30" s="6"/><c r="C3" s="7" t="inlineStr"><is><t xml:space="preserve">&lt;x&gt;</t></is></c></row>',
  );
  expect(() => fillCells(xml, new Map([['D9', 'x']]))).toThrow('D9');
});
