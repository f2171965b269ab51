import { columnWidthUnits } from '../../src/workbook/xlsx/normalFont';
import ExcelJS from 'exceljs';
import { FORMS, fieldName, getForm, tagName } from '../../src/forms';
import { columnNumber, firstCell, parseRange, rangeAddress } from '../../src/forms/address';
import type { FormSpec } from '../../src/forms/types';
import type { Submission } from '../../src/model/types';
import { DATE_FORMAT, formLayout, INPUT_FILL, TEXT_FORMAT } from '../../src/workbook/layout';
import { addFormSheet, sheetRef, templateBytes } from '../../src/workbook/xlsx/template';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function namesOf(wb: ExcelJS.Workbook): Map<string, string[]> {
  return new Map(wb.definedNames.model.map((n: { name: string; ranges: string[] }) => [n.name, n.ranges]));
}

const sheetProtection = (ws: ExcelJS.Worksheet) => (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;

describe.each(FORMS.map((f) => [f.attachment, f] as const))('%s template read back with exceljs', (_n, form: FormSpec) => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    wb = await readBack(await templateBytes(form));
    ws = wb.worksheets[0];
  });

  test('one sheet named after the form, 附件N at A1 in the attachment font, title merged and centred', () => {
    expect(wb.worksheets).toHaveLength(1);
    expect(ws.name).toBe(form.sheetName);
    const a1 = ws.getCell('A1');
    expect(a1.value).toBe(form.attachment);
    expect(a1.font.name).toBe(form.fonts.attachment.name);
    const title = ws.getCell(firstCell(form.titleCell));
    expect(title.value).toBe(form.title);
    expect(title.font).toMatchObject({ name: form.fonts.title.name, size: form.fonts.title.size });
    expect(title.font?.bold ?? false).toBe(false); // 小标宋 is heavy by itself
    expect(title.alignment).toMatchObject({ horizontal: 'center', wrapText: true });
  });

  test('every multi-cell range of the FormSpec is merged, and nothing else', () => {
    const expected = [form.titleCell, ...form.texts.map((t) => t.cell), ...form.fields.flatMap((f) => [f.cell, f.label?.cell ?? ''])]
      .filter((a) => a.includes(':'))
      .map((a) => rangeAddress(parseRange(a)))
      .sort();
    const merges = ((ws.model as unknown as { merges: string[] }).merges ?? []).slice().sort();
    expect(merges).toEqual(expected);
  });

  test('labels as on paper, locked; labels inside the table centred', () => {
    const table = parseRange(form.tableRange);
    for (const f of form.fields) {
      if (!f.label) continue;
      const c = ws.getCell(firstCell(f.label.cell));
      expect([f.id, c.value]).toEqual([f.id, f.label.text]);
      expect(c.protection?.locked).not.toBe(false);
      const { row, col } = { row: c.row as unknown as number, col: c.col as unknown as number };
      const inTable = Number(row) >= table.top && Number(row) <= table.bottom && Number(col) >= table.left && Number(col) <= table.right;
      if (inTable) expect([f.id, c.alignment?.horizontal]).toEqual([f.id, 'center']);
      expect(c.alignment?.wrapText).toBe(true);
    }
  });

  test('inputs unlocked and filled; every cell of an input range unlocked', () => {
    for (const f of form.fields) {
      const r = parseRange(f.cell);
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const c = ws.getCell(row, col);
          expect([f.id, row, col, c.protection?.locked]).toEqual([f.id, row, col, false]);
          expect((c.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${INPUT_FILL.slice(1)}`);
        }
      }
    }
  });

  test('long text and opinions top-left wrapped; date inputs show the placeholder and the Chinese date format; phones are text cells', () => {
    for (const f of form.fields) {
      const c = ws.getCell(firstCell(f.cell));
      if (f.kind === 'longText' || f.kind === 'opinion') expect([f.id, c.alignment]).toEqual([f.id, expect.objectContaining({ horizontal: 'left', vertical: 'top', wrapText: true })]);
      if (f.kind === 'date') {
        expect([f.id, c.numFmt]).toEqual([f.id, DATE_FORMAT]);
        expect([f.id, c.value]).toEqual([f.id, f.placeholder]);
      } else {
        expect([f.id, c.value]).toEqual([f.id, null]);
      }
      // Text inputs are text cells: a landline keeps its 0, and "=同意" typed in Excel stays text.
      if (f.kind !== 'date' && f.kind !== 'count') expect([f.id, c.numFmt]).toEqual([f.id, TEXT_FORMAT]);
    }
  });

  test('inputs above the table are written on a line, as on paper', () => {
    const table = parseRange(form.tableRange);
    for (const f of form.fields.filter((x) => parseRange(x.cell).bottom < table.top)) {
      const r = parseRange(f.cell);
      for (let col = r.left; col <= r.right; col++) expect([f.id, col, ws.getCell(r.bottom, col).border?.bottom?.style]).toEqual([f.id, col, 'thin']);
    }
  });

  test('thin borders on the outer edges of the table range', () => {
    const t = parseRange(form.tableRange);
    for (let col = t.left; col <= t.right; col++) {
      expect(ws.getCell(t.top, col).border?.top?.style).toBe('thin');
      expect(ws.getCell(t.bottom, col).border?.bottom?.style).toBe('thin');
    }
    for (let row = t.top; row <= t.bottom; row++) {
      expect(ws.getCell(row, t.left).border?.left?.style).toBe('thin');
      expect(ws.getCell(row, t.right).border?.right?.style).toBe('thin');
    }
  });

  test('column widths and row heights from the FormSpec', () => {
    form.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(columnWidthUnits(w)));
    for (const [row, h] of Object.entries(form.rowHeights)) expect(ws.getRow(Number(row)).height).toBe(h);
  });

  test('tag name → A1 and one defined name per field → its input top-left cell', () => {
    const names = namesOf(wb);
    expect(names.get(tagName(form))).toEqual([sheetRef(form.sheetName, 'A1')]);
    expect(sheetRef(form.sheetName, 'A1')).toBe(`'${form.sheetName}'!$A$1`);
    for (const f of form.fields) expect([f.id, names.get(fieldName(form, f.id))]).toEqual([f.id, [sheetRef(form.sheetName, firstCell(f.cell))]]);
  });

  test('data validation: counts whole 0–10000 stop, dates warning-style date validation, all with Chinese prompts', () => {
    for (const f of form.fields) {
      const dv = ws.getCell(firstCell(f.cell)).dataValidation;
      expect([f.id, Boolean(dv?.showInputMessage && dv.prompt && dv.promptTitle)]).toEqual([f.id, true]);
      expect(dv.promptTitle!.length).toBeLessThanOrEqual(32);
      expect(dv.prompt!.length).toBeLessThanOrEqual(255);
      if (f.kind === 'count') {
        expect(dv).toMatchObject({ type: 'whole', errorStyle: 'stop', showErrorMessage: true, formulae: [0, 10000] });
        expect(dv.error).toMatch(/整数/);
      }
      if (f.kind === 'date') {
        expect(dv).toMatchObject({ type: 'date', errorStyle: 'warning', showErrorMessage: true });
        expect(dv.errorTitle).toMatch(/日期/);
      }
    }
  });

  test('sheet protection without a password; rows and columns may be resized', () => {
    const p = sheetProtection(ws);
    expect(p).toMatchObject({ sheet: true, formatRows: true, formatColumns: true });
    expect(p?.hashValue).toBeUndefined();
    expect(p?.selectLockedCells).not.toBe(false);
  });

  test('print: A4, the form orientation and margins, centred, one page, black and white, print area = used range', () => {
    const ps = ws.pageSetup;
    expect(ps).toMatchObject({
      paperSize: 9,
      orientation: form.print.orientation,
      horizontalCentered: true,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      blackAndWhite: true,
      margins: form.print.margins,
    });
    const used = parseRange(formLayout(form).printArea);
    expect(parseRange(String(ps.printArea).replace(/\$/g, ''))).toEqual(used);
    expect(used.right).toBe(form.columnWidths.length);
  });
});

describe('附件3 month table', () => {
  const form = getForm('progress');
  const m = form.months!;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = (await readBack(await templateBytes(form))).worksheets[0];
  });

  test('header row 时间 目标任务 问题短板 责任部门或人员 完成情况', () => {
    expect(ws.getCell(`${m.monthColumn}${m.headerRow}`).value).toBe('时间');
    for (const c of m.columns) expect(ws.getCell(`${c.column}${m.headerRow}`).value).toBe(c.header);
  });

  test('twelve rows 1月份..12月份, labels locked, inputs unlocked, row height from the spec', () => {
    for (let month = 1; month <= 12; month++) {
      const row = m.firstRow + month - 1;
      const label = ws.getCell(`${m.monthColumn}${row}`);
      expect(label.value).toBe(`${month}月份`);
      expect(label.protection?.locked).not.toBe(false);
      expect(ws.getRow(row).height).toBe(m.rowHeight);
      for (const c of m.columns) expect(ws.getCell(row, columnNumber(c.column)).protection?.locked).toBe(false);
    }
    expect(ws.getCell(`${m.monthColumn}${m.firstRow + 12}`).value).toBeNull();
  });
});

describe('addFormSheet with values (print pack)', () => {
  const form = getForm('demonstration');
  const sub: Submission = {
    file: 'a.xlsx', sheet: 's', form: 'demonstration', via: 'tag', parseIssues: [], cells: {},
    fields: { branchName: '中共某局机关第一支部委员会', date: '2019-04-03', memberCount: 23, committeeCount: 5, secretaryName: '=1+1', contact: '0746-8888888', basicWork: '第一行\n第二行', partyCommitteeOpinionDate: '2019-05' },
  };

  test('values land as values: text stays text ("=1+1" is a string, not a formula), counts numbers, dates real dates', async () => {
    const wb = new ExcelJS.Workbook();
    addFormSheet(wb, form, { values: sub, sheetName: '第 1 份', protect: false });
    const back = await readBack(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const ws = back.getWorksheet('第 1 份')!;
    const at = (id: string) => ws.getCell(firstCell(form.fields.find((f) => f.id === id)!.cell));
    expect(at('secretaryName').value).toBe('=1+1');
    expect(at('secretaryName').type).toBe(ExcelJS.ValueType.String);
    expect(at('memberCount').value).toBe(23);
    expect(at('date').value).toEqual(new Date(Date.UTC(2019, 3, 3)));
    expect(at('date').numFmt).toBe(DATE_FORMAT);
    expect(at('basicWork').value).toBe('第一行\n第二行');
    expect(at('partyCommitteeOpinionDate').value).toBe('2019年5月');
    expect(at('workCommitteeOpinionDate').value).toBe(form.fields.find((f) => f.id === 'workCommitteeOpinionDate')!.placeholder);
    expect(sheetProtection(ws)).toBeFalsy();
    expect(namesOf(back).get(tagName(form))).toEqual(["'第 1 份'!$A$1"]);
  });

  test('附件3 month values go to the row of their month, whatever their order', async () => {
    const p = getForm('progress');
    const mk = (month: number) => ({ month, goal: `目标${month}`, problem: null, owner: '办公室', status: month === 4 ? '=SUM(A1)' : null, row: 0, cells: { goal: '', problem: '', owner: '', status: '' } });
    const wb = new ExcelJS.Workbook();
    addFormSheet(wb, p, { values: { file: 'p', sheet: 's', form: 'progress', via: 'labels', parseIssues: [], cells: {}, fields: { branchName: '某支部' }, months: [mk(4), mk(1), mk(12)] } });
    const ws = (await readBack(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer))).worksheets[0];
    const m = p.months!;
    const col = (k: string) => m.columns.find((c) => c.key === k)!.column;
    expect(ws.getCell(`${col('goal')}${m.firstRow}`).value).toBe('目标1');
    expect(ws.getCell(`${col('goal')}${m.firstRow + 3}`).value).toBe('目标4');
    expect(ws.getCell(`${col('status')}${m.firstRow + 3}`).value).toBe('=SUM(A1)');
    expect(ws.getCell(`${col('goal')}${m.firstRow + 11}`).value).toBe('目标12');
    expect(ws.getCell(`${col('goal')}${m.firstRow + 1}`).value).toBeNull();
  });

  test('several forms in one workbook keep their own names', async () => {
    const wb = new ExcelJS.Workbook();
    for (const f of FORMS) addFormSheet(wb, f);
    const names = namesOf(await readBack(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)));
    for (const f of FORMS) expect(names.get(tagName(f))).toEqual([sheetRef(f.sheetName, 'A1')]);
  });
});
