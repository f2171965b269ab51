/**
 * Each template prints on exactly one A4 page (GB/T 9704 habit: one form, one sheet of paper),
 * in the form's orientation. Measured with LibreOffice's PDF export and pdfinfo.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FORMS } from '../../src/forms';
import { templateBytes } from '../../src/workbook/xlsx/template';
import { pdfPages } from '../fixtures/libreoffice';

const A4 = { short: 595.3, long: 841.9 };
const near = (a: number, b: number) => Math.abs(a - b) <= 2;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-print-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each(FORMS.map((f) => [f.attachment, f.print.orientation, f] as const))('%s template prints on exactly one A4 %s page', async (_n, orientation, form) => {
  const xlsx = join(dir, `${form.id}.xlsx`);
  writeFileSync(xlsx, await templateBytes(form));
  const { pages, sizes } = pdfPages(xlsx);
  const info = { pages, ...sizes[0] };
  expect(info.pages).toBe(1);
  const [w, h] = orientation === 'portrait' ? [A4.short, A4.long] : [A4.long, A4.short];
  expect([info.width, info.height, near(info.width, w) && near(info.height, h)]).toEqual([info.width, info.height, true]);
});
