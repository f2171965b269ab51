/**
 * Excel 5.0/95 .xls (BIFF5): read where SheetJS has its code page tables (Node, the
 * command line), refused with a Chinese reason where it has none (the ES module build in
 * the page and pane), never read as mojibake.
 */
import * as XLSX from '@e965/xlsx';
import { hasCodePages, readLegacy } from '../../src/workbook/xlsx/legacy';
import { READER } from '../../src/i18n/reader';

/** A BIFF5 .xls as SheetJS writes it (a "Book" stream, BOF version 0x0500), ASCII text. */
function biff5(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['name', 'count'], ['branch', 23]]), 'S1');
  return new Uint8Array(XLSX.write(wb, { bookType: 'biff5', type: 'array' }) as ArrayBuffer);
}

test('Node’s SheetJS (CommonJS) has its code page tables: GBK bytes decode', () => {
  expect(hasCodePages()).toBe(true);
});

test('a BIFF5 .xls is read where code pages decode', () => {
  const r = readLegacy(biff5(), 'xls');
  expect(r.ok).toBe(true);
  if (r.ok) expect([...r.grid.sheets[0].cells.values()].map((c) => c.v)).toEqual(['name', 'count', 'branch', 23]);
});

test('without code page tables (the page and pane) a BIFF5 .xls is refused in Chinese, not read as mojibake; a BIFF8 .xls is still read', () => {
  expect(readLegacy(biff5(), 'xls', undefined, Date.now, false)).toEqual({ ok: false, reason: READER.biff5Unreadable });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['党支部名称']]), 'S1');
  const biff8 = new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'array' }) as ArrayBuffer);
  const r = readLegacy(biff8, 'xls', undefined, Date.now, false);
  expect(r.ok && r.grid.sheets[0].cells.size).toBe(1);
});
