/** The tag must survive an office suite saving the file: LibreOffice opens our template and saves it as .xlsx again. */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FORMS, fieldName, tagName } from '../../src/forms';
import { firstCell } from '../../src/forms/address';
import { intakeBytes } from '../../src/workbook/xlsx/intake';
import { sheetRef, templateBytes } from '../../src/workbook/xlsx/template';
import { convert } from '../fixtures/libreoffice';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-lo-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each(FORMS.map((f) => [f.attachment, f] as const))('%s: tag and field names, protection and validation survive a LibreOffice save', async (_n, form) => {
  const src = join(dir, `${form.id}.xlsx`);
  writeFileSync(src, await templateBytes(form));
  const outDir = join(dir, `${form.id}-saved`);
  mkdirSync(outDir);
  const [saved] = convert([src], 'xlsx', outDir);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
  const names = new Map(wb.definedNames.model.map((n: { name: string; ranges: string[] }) => [n.name, n.ranges]));
  expect(names.get(tagName(form))).toEqual([sheetRef(form.sheetName, 'A1')]);
  for (const f of form.fields) expect([f.id, names.get(fieldName(form, f.id))]).toEqual([f.id, [sheetRef(form.sheetName, firstCell(f.cell))]]);
  const ws = wb.worksheets[0];
  // exceljs reads only sheet="1"; LibreOffice writes sheet="true": look at the XML itself.
  const sheetXml = strFromU8(unzipSync(new Uint8Array(readFileSync(saved)))['xl/worksheets/sheet1.xml']);
  expect(sheetXml).toMatch(/<sheetProtection [^>]*sheet="(1|true)"/);
  expect(sheetXml).not.toMatch(/<sheetProtection [^>]*hashValue/);
  const count = form.fields.find((f) => f.kind === 'count');
  if (count) expect(ws.getCell(firstCell(count.cell)).dataValidation).toMatchObject({ type: 'whole', errorStyle: 'stop' });
  // Same for locked="false": find the input cell's style in cellXfs.
  const stylesXml = strFromU8(unzipSync(new Uint8Array(readFileSync(saved)))['xl/styles.xml']);
  const xfs = (/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '').match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [];
  const styleOf = (a1: string) => xfs[Number(new RegExp(`<c r="${a1}" s="(\\d+)"`).exec(sheetXml)?.[1] ?? -1)] ?? '';
  for (const f of form.fields) expect([f.id, /locked="(0|false)"/.test(styleOf(firstCell(f.cell)))]).toEqual([f.id, true]);
  expect(styleOf('A1')).not.toMatch(/locked="(0|false)"/);
  // And our own intake still recognises the saved file by its tag, not by guessing from labels.
  const intake = await intakeBytes(new Uint8Array(readFileSync(saved)), saved, { asOf: '2019-05-10', stage: 'committee' });
  expect(intake.ok && intake.submissions.map((s) => [s.form, s.via, s.templateVersion])).toEqual([[form.id, 'tag', form.templateVersion]]);
});
