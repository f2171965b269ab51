import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { FORMS, fieldName, getForm, tagName } from '../../src/forms';
import { cellAddress, parseCell, parseRange } from '../../src/forms/address';
import type { FieldId, FormSpec } from '../../src/forms/types';
import { extractForms, parseNameRef } from '../../src/model/extract';
import { cellKey, type DefinedName, type ExtractedForm, type GridCell, type WorkbookGrid } from '../../src/model/types';
import { readWorkbook } from '../../src/workbook/xlsx/read';
import { HANDMADE_VARIANTS, handmadeBytes, SAMPLE, writeHandmade, type HandmadeVariant } from '../fixtures/handmade';
import { hasLibreOffice, throughLibreOffice } from '../fixtures/libreoffice';

function grid(bytes: Uint8Array): WorkbookGrid {
  const r = readWorkbook(bytes, 'x.xlsx');
  if (!r.ok) throw new Error(r.reason);
  return r.grid;
}
async function extract(variant: HandmadeVariant, values = {}): Promise<ExtractedForm[]> {
  return extractForms(grid(await handmadeBytes(variant, values)));
}
/** Field → [cell, raw value] for compact comparison. */
function flat(x: ExtractedForm): Record<string, [string, GridCell['v'] | null]> {
  const out: Record<string, [string, GridCell['v'] | null]> = {};
  for (const [k, f] of Object.entries(x.fields)) out[k] = [f!.cell, f!.raw ? f!.raw.v : null];
  return out;
}
function months(x: ExtractedForm): [number, string | null, string, string | null][] {
  return (x.months ?? []).map((m) => [m.row, m.label ? String(m.label.v) : null, m.values.goal.cell, m.values.goal.raw ? String(m.values.goal.raw.v) : null]);
}
const basicWork = SAMPLE.basicWork.join('\n');

describe('extractForms on hand-made files (found by title and labels)', () => {
  test('demo-spaced: labels with spaces, line breaks, CRLF and colons; opinion rows give text and date', async () => {
    const xs = await extract('demo-spaced');
    expect(xs.map((x) => [x.form, x.sheet, x.via])).toEqual([['demonstration', 'Sheet1', 'labels']]);
    expect(flat(xs[0])).toEqual({
      branchName: ['C3', SAMPLE.branchName],
      date: ['G3', '2019年4月20日'],
      memberCount: ['B4', 23],
      committeeCount: ['D4', 5],
      secretaryName: ['F4', '张 三'],
      contact: ['H4', '13800138000'],
      basicWork: ['B5', basicWork],
      highlights: ['B6', SAMPLE.highlights],
      partyCommitteeOpinion: ['B7', '同意推荐。\n（盖章）'],
      partyCommitteeOpinionDate: ['B9', '2019年4月25日'],
      workCommitteeOpinion: ['B10', '（盖章）'],
      workCommitteeOpinionDate: ['B12', '年    月    日'],
    });
  });

  test('demo-inline: two-cell title, "label：value" in one cell, blank column and rows, text over three rows, stamp+date in the opinion cell', async () => {
    const xs = await extract('demo-inline');
    expect(xs).toHaveLength(1);
    expect(flat(xs[0])).toEqual({
      branchName: ['B5', SAMPLE.branchName],
      date: ['G5', '2019年4月20日'],
      memberCount: ['C7', '23人'],
      committeeCount: ['E7', 5],
      secretaryName: ['G7', '张 三'],
      contact: ['I7', '13800138000'],
      basicWork: ['C8', basicWork],
      highlights: ['C11', SAMPLE.highlights],
      partyCommitteeOpinion: ['C12', '同意推荐。\n            （盖章）\n     2019年4月25日'],
      workCommitteeOpinion: ['C13', '\n（盖章）\n年   月   日'],
    });
  });

  test('demo-below: values under their labels, aliases, long texts under their label, rows in another order', async () => {
    const xs = await extract('demo-below');
    expect(flat(xs[0])).toEqual({
      branchName: ['B2', SAMPLE.branchName],
      date: ['B3', '2019年4月20日'],
      memberCount: ['A5', 23],
      committeeCount: ['B5', 5],
      secretaryName: ['C5', '张 三'],
      contact: ['D5', '13800138000'],
      basicWork: ['A9', basicWork],
      highlights: ['A7', SAMPLE.highlights],
    });
  });

  test('formula-looking texts come back exactly as typed', async () => {
    const f = flat((await extract('demo-formula-text'))[0]);
    expect([f.branchName[1], f.secretaryName[1], f.contact[1], f.highlights[1]]).toEqual(['=1+1', '-', '+86 138 0013 8000', '@x']);
  });

  test('app-basic: 申报时间 twice — the header one is date (occurrence 0), the table one tableDate (occurrence 1); a real date cell', async () => {
    const xs = await extract('app-basic', { date: new Date(Date.UTC(2019, 3, 20)) });
    expect(xs.map((x) => x.form)).toEqual(['application']);
    expect(flat(xs[0])).toEqual({
      branchName: ['C3', SAMPLE.branchName],
      date: ['F3', 43575],
      memberCount: ['B4', 23],
      committeeCount: ['D4', 5],
      tableDate: ['F4', '2019年4月22日'],
      plan: ['B5', SAMPLE.plan.join('\n')],
      partyCommitteeOpinion: ['B6', '同意推荐。\n（盖章）'],
      partyCommitteeOpinionDate: ['B8', '2019年4月25日'],
      workCommitteeOpinion: ['B9', '（盖章）'],
      workCommitteeOpinionDate: ['B11', '年   月   日'],
    });
    expect(xs[0].fields.date!.raw).toEqual({ v: 43575, date: true });
  });

  test('progress-months: header aliases, 一月/2月/03月 labels, 5月 missing, 7月 twice, rows out of order kept in sheet order, footer excluded', async () => {
    const [x] = await extract('progress-months');
    expect(x.form).toBe('progress');
    expect(flat(x)).toEqual({ branchName: ['B3', SAMPLE.branchName] });
    expect(months(x)).toEqual([
      [5, '一月', 'B5', '制定全年计划'],
      [6, '2月', 'B6', '开展学习'],
      [7, '03月', 'B7', '民主评议'],
      [8, '4月份', 'B8', '主题党日'],
      [10, '8月份', 'B10', '八月目标'],
      [11, '6月份', 'B11', '六月目标'],
      [12, '7月份', 'B12', '七月目标'],
      [13, '7月份', 'B13', '七月目标（重复）'],
      [14, '9月份', 'B14', null],
      [15, '10月份', 'B15', null],
      [16, '十一月', 'B16', null],
      [17, '12月份', 'B17', null],
    ]);
    const first = x.months![0].values;
    expect([first.problem.cell, first.problem.raw, first.owner.cell, first.owner.raw, first.status.cell, first.status.raw]).toEqual([
      'C5', { v: '计划不细' }, 'D5', { v: '组织委员' }, 'E5', { v: '已完成' },
    ]);
    expect(x.months![11].values.status.raw).toEqual({ v: '=SUM(1)' });
  });

  test('two-sheets: one submission per sheet', async () => {
    const xs = await extract('two-sheets');
    expect(xs.map((x) => [x.form, x.sheet])).toEqual([['demonstration', '示范点'], ['progress', '进度表']]);
    expect(months(xs[1]).map((m) => m[1])).toEqual(['一月', '2月', '03月', '4月份']);
  });

  test('stacked: two forms on one sheet are split at their titles', async () => {
    const xs = await extract('stacked');
    expect(xs.map((x) => [x.form, x.sheet])).toEqual([['application', 'Sheet1'], ['progress', 'Sheet1']]);
    expect(xs[0].fields.workCommitteeOpinionDate?.cell).toBe('B11');
    expect(xs[1].fields.branchName).toEqual({ raw: { v: SAMPLE.branchName }, cell: 'B16' });
    expect(months(xs[1]).map((m) => m[0])).toEqual([18, 19, 20, 21]);
  });

  test('no-form: a list of names yields nothing', async () => {
    expect(await extract('no-form')).toEqual([]);
  });

  test('an empty value leaves the field with no raw value, at the input cell right of its label', async () => {
    const f = flat((await extract('demo-spaced', { memberCount: '', secretaryName: '' }))[0]);
    expect([f.memberCount, f.secretaryName]).toEqual([['B4', null], ['F4', null]]);
  });

  test('a title quoted in a list (no labels under it) is not a form', () => {
    const cells = new Map<number, GridCell>([[16384 * 1 + 1, { v: '附件1 示范点创建申报表' }], [16384 * 2 + 1, { v: '附件3 创建进度表' }]]);
    expect(extractForms({ sheets: [{ name: 'S', cells, merges: [], maxRow: 2, maxCol: 1 }], names: [] })).toEqual([]);
  });
});

// ---------------------------------------------------------------- tagged sheets (our template's layout, written here by hand)

const VALUES: Partial<Record<FieldId, string | number>> = {
  branchName: '第二党支部',
  date: '2019年5月8日',
  memberCount: 12,
  committeeCount: 3,
  secretaryName: '李四',
  contact: '0898-66668888',
  basicWork: '基础工作',
  highlights: '亮点',
  tableDate: '2019年5月9日',
  plan: '计划',
  partyCommitteeOpinion: '同意',
  partyCommitteeOpinionDate: '2019年5月10日',
};

/** The FormSpec layout moved down by `shift` rows, with the tag and (optionally) field names. */
function specSheet(wb: ExcelJS.Workbook, form: FormSpec, opts: { shift?: number; fieldNames?: boolean; tag?: boolean; sheetName?: string } = {}): ExcelJS.Worksheet {
  const shift = opts.shift ?? 0;
  const sheetName = opts.sheetName ?? form.sheetName;
  const ws = wb.addWorksheet(sheetName);
  const move = (a1: string) => {
    const r = parseRange(a1);
    const tl = cellAddress(r.top + shift, r.left);
    const br = cellAddress(r.bottom + shift, r.right);
    return { tl, range: tl === br ? tl : `${tl}:${br}` };
  };
  const write = (a1: string, v: ExcelJS.CellValue) => {
    const m = move(a1);
    ws.getCell(m.tl).value = v;
    if (m.range.includes(':')) ws.mergeCells(m.range);
  };
  write(form.titleCell, form.title);
  for (const t of form.texts) write(t.cell, t.text);
  for (const f of form.fields) {
    if (f.label) write(f.label.cell, f.label.text);
    write(f.cell, VALUES[f.id] ?? null);
    if (opts.fieldNames) wb.definedNames.add(`'${sheetName}'!$${move(f.cell).tl.replace(/(\d+)/, '$$$1')}`, fieldName(form, f.id));
  }
  const m = form.months;
  if (m) {
    ws.getCell(`${m.monthColumn}${m.headerRow + shift}`).value = m.monthHeader;
    for (const c of m.columns) ws.getCell(`${c.column}${m.headerRow + shift}`).value = c.header;
    for (let i = 0; i < 12; i++) {
      ws.getCell(`${m.monthColumn}${m.firstRow + i + shift}`).value = `${i + 1}月份`;
      ws.getCell(`${m.columns[0].column}${m.firstRow + i + shift}`).value = `目标${i + 1}`;
    }
  }
  if (opts.tag !== false) wb.definedNames.add(`'${sheetName}'!$A$1`, tagName(form));
  return ws;
}

async function tagged(forms: FormSpec[], opts: { shift?: number; fieldNames?: boolean; tag?: boolean } = {}): Promise<ExtractedForm[]> {
  const wb = new ExcelJS.Workbook();
  for (const f of forms) specSheet(wb, f, opts);
  return extractForms(grid(new Uint8Array(await wb.xlsx.writeBuffer())));
}

describe('extractForms on tagged sheets', () => {
  test.each(FORMS.map((f) => [f.attachment, f] as const))('%s: tag, no field names, labels in place → read by the spec cells', async (_a, form) => {
    const [x] = await tagged([form]);
    expect([x.form, x.via, x.templateVersion, x.sheet]).toEqual([form.id, 'tag', form.templateVersion, form.sheetName]);
    for (const f of form.fields) {
      const cell = f.cell.split(':')[0];
      expect([f.id, x.fields[f.id]]).toEqual([f.id, { raw: VALUES[f.id] !== undefined ? { v: VALUES[f.id] } : null, cell }]);
    }
    if (form.months) {
      expect(x.months!.map((m) => [m.row, m.label?.v, m.values.goal.raw?.v])).toEqual(
        Array.from({ length: 12 }, (_v, i) => [form.months!.firstRow + i, `${i + 1}月份`, `目标${i + 1}`]),
      );
    }
  });

  test('field names win over the spec cells (rows inserted above the form)', async () => {
    const form = getForm('demonstration');
    const [x] = await tagged([form], { shift: 3, fieldNames: true });
    expect(x.via).toBe('tag');
    expect(x.fields.memberCount).toEqual({ raw: { v: 12 }, cell: 'B8' });
    expect(x.fields.partyCommitteeOpinionDate).toEqual({ raw: { v: '2019年5月10日' }, cell: 'B13' });
  });

  test('one form on two sheets: workbook-level names listing both sheets ("\'A\'!$B$5,\'B\'!$B$5") are read per sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const form = getForm('demonstration');
    specSheet(wb, form, { sheetName: '一支部', fieldNames: true });
    specSheet(wb, form, { sheetName: '二支部', fieldNames: true, shift: 1 }).getCell('B6').value = 30;
    const g = grid(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(g.names.find((n) => n.name === tagName(form))?.ref).toContain(',');
    const xs = extractForms(g);
    expect(xs.map((x) => [x.sheet, x.via, x.fields.memberCount])).toEqual([
      ['一支部', 'tag', { raw: { v: 12 }, cell: 'B5' }],
      ['二支部', 'tag', { raw: { v: 30 }, cell: 'B6' }],
    ]);
  });

  test('tag present but the form moved and no field names → read by labels', async () => {
    const form = getForm('application');
    const [x] = await tagged([form], { shift: 2 });
    expect([x.form, x.via]).toEqual(['application', 'labels']);
    expect(flat(x)).toMatchObject({ branchName: ['B5', '第二党支部'], date: ['F5', '2019年5月8日'], tableDate: ['F6', '2019年5月9日'], memberCount: ['B6', 12] });
  });

  test('progress moved under its tag: the month table is found by its header', async () => {
    const [x] = await tagged([getForm('progress')], { shift: 4 });
    expect(x.months!.map((m) => m.row)).toEqual(Array.from({ length: 12 }, (_v, i) => 9 + i));
  });

  test('the same layout without a tag is found by its title and labels, values identical', async () => {
    for (const form of FORMS) {
      const [a] = await tagged([form]);
      const [b] = await tagged([form], { tag: false });
      expect(b.via).toBe('labels');
      // Label search gives an opinion's whole block (the stamp line too, which normalising strips); all else equals the tagged read.
      for (const [k, v] of Object.entries(b.fields)) {
        const spec = form.fields.find((f) => f.id === k)!;
        const want = a.fields[k as FieldId]!;
        if (spec.kind === 'opinion') expect([k, v]).toEqual([k, { raw: { v: want.raw ? `${want.raw.v}\n（盖章）` : '（盖章）' }, cell: want.cell }]);
        else expect([form.id, k, v]).toEqual([form.id, k, want]);
      }
      expect(Object.keys(b.fields).length).toBeGreaterThanOrEqual(form.fields.filter((f) => f.label).length);
    }
  });

  test('a list of names read before (the next file of a template) is read again per file: its own sheets and values; a list differing in one name is its own', () => {
    const form = getForm('demonstration');
    const taggedGrid = (sheet: string, names: { sheet: string; shift: number; scope?: string }, tag = 'v'): WorkbookGrid => {
      const cells = new Map<number, GridCell>();
      const list: DefinedName[] = [{ name: tagName(form), ref: `'${names.sheet}'!$A$1`, ...(names.scope !== undefined ? { scope: names.scope } : {}) }];
      for (const f of form.fields) {
        const { row, col } = parseCell(f.cell.split(':')[0]);
        cells.set(cellKey(row + names.shift, col), { v: `${f.id}@${tag}` });
        // Fresh strings each time, as each file's reader makes them.
        list.push({ name: [...fieldName(form, f.id)].join(''), ref: `'${names.sheet}'!${cellAddress(row + names.shift, col)}` });
      }
      return { sheets: [{ name: sheet, cells, merges: [], maxRow: 60, maxCol: 12 }], names: list };
    };
    const read = (g: WorkbookGrid) => extractForms(g).map((x) => [x.sheet, x.via, x.fields.memberCount, x.fields.contact]);
    const spec = (id: FieldId, shift = 0) => {
      const { row, col } = parseCell(form.fields.find((f) => f.id === id)!.cell.split(':')[0]);
      return cellAddress(row + shift, col);
    };
    const at = (id: FieldId, tag: string, shift = 0) => ({ raw: { v: `${id}@${tag}` }, cell: spec(id, shift) });
    expect(read(taggedGrid('一支部', { sheet: '一支部', shift: 0 }, 'a'))).toEqual([['一支部', 'tag', at('memberCount', 'a'), at('contact', 'a')]]);
    // Same names, another file: its own values.
    expect(read(taggedGrid('一支部', { sheet: '一支部', shift: 0 }, 'b'))).toEqual([['一支部', 'tag', at('memberCount', 'b'), at('contact', 'b')]]);
    // Same names, but the file has no sheet of that name: no tag (read by labels, and there are none).
    expect(read(taggedGrid('二支部', { sheet: '一支部', shift: 0 }, 'c'))).toEqual([]);
    // Names pointing two rows lower: read there.
    expect(read(taggedGrid('一支部', { sheet: '一支部', shift: 2 }, 'd'))).toEqual([['一支部', 'tag', at('memberCount', 'd', 2), at('contact', 'd', 2)]]);
    // The tag scoped to the sheet instead of the workbook: a list of its own, read the same.
    expect(read(taggedGrid('一支部', { sheet: '一支部', shift: 0, scope: '一支部' }, 'e'))).toEqual([['一支部', 'tag', at('memberCount', 'e'), at('contact', 'e')]]);
    // Back to the first list.
    expect(read(taggedGrid('一支部', { sheet: '一支部', shift: 0 }, 'f'))).toEqual([['一支部', 'tag', at('memberCount', 'f'), at('contact', 'f')]]);
  });

  test('parseNameRef: quoted sheet names with quotes, ranges, absolute markers', () => {
    expect(parseNameRef("'O''Brien 表'!$B$5:$H$5")).toEqual({ sheet: "O'Brien 表", cell: 'B5' });
    expect(parseNameRef('Sheet1!A1')).toEqual({ sheet: 'Sheet1', cell: 'A1' });
    expect(parseNameRef('$C$4')).toEqual({ cell: 'C4' });
    expect(parseNameRef('"v1"')).toEqual({});
  });
});

// ---------------------------------------------------------------- LibreOffice's XML flavour

const LO_VARIANTS: HandmadeVariant[] = ['demo-spaced', 'demo-inline', 'app-basic', 'progress-months', 'two-sheets'];
(hasLibreOffice() ? describe : describe.skip)('hand-made files saved again by LibreOffice read the same', () => {
  let pairs: { variant: HandmadeVariant; original: ExtractedForm[]; converted: ExtractedForm[] }[] = [];
  let taggedPair: { original: ExtractedForm[]; converted: ExtractedForm[] } | undefined;
  beforeAll(async () => {
    const files: string[] = [];
    for (const v of LO_VARIANTS) files.push(await writeHandmade(v, v === 'app-basic' ? { date: new Date(Date.UTC(2019, 3, 20)) } : {}));
    // Our template's layout with its tag and field names (rows inserted above): names must survive LibreOffice.
    const wb = new ExcelJS.Workbook();
    specSheet(wb, getForm('demonstration'), { shift: 3, fieldNames: true });
    const taggedPath = join(dirname(files[0]), 'tagged.xlsx');
    writeFileSync(taggedPath, new Uint8Array(await wb.xlsx.writeBuffer()));
    const converted = throughLibreOffice([...files, taggedPath]);
    taggedPair = {
      original: extractForms(grid(new Uint8Array(readFileSync(taggedPath)))),
      converted: extractForms(grid(new Uint8Array(readFileSync(converted[files.length])))),
    };
    pairs = await Promise.all(
      LO_VARIANTS.map(async (variant, i) => ({
        variant,
        original: extractForms(grid(new Uint8Array(readFileSync(files[i])))),
        converted: extractForms(grid(new Uint8Array(readFileSync(converted[i])))),
      })),
    );
  }, 240000);

  test.each(LO_VARIANTS.map((v) => [v]))('%s', (variant) => {
    const p = pairs.find((x) => x.variant === variant)!;
    expect(p.converted.length).toBeGreaterThan(0);
    expect(p.converted).toEqual(p.original);
  });

  test('a tagged sheet with field names keeps its tag and names through LibreOffice', () => {
    expect(taggedPair!.converted.map((x) => x.via)).toEqual(['tag']);
    expect(taggedPair!.converted).toEqual(taggedPair!.original);
  });
});

test('every hand-made variant reads (fixture generator sanity)', async () => {
  for (const v of HANDMADE_VARIANTS) expect([v, readWorkbook(await handmadeBytes(v), `${v}.xlsx`).ok]).toEqual([v, true]);
  expect(parseCell('B5')).toEqual({ row: 5, col: 2 });
});
