/**
 * Finds the forms in a workbook (pure): WorkbookGrid → ExtractedForm[].
 *
 * 1. A sheet made from our template is tagged by a defined name (parseTagName):
 *    fields are read by their own defined names (which survive row inserts), else
 *    by the FormSpec's cells — unless the labels are no longer where the spec puts
 *    them, in which case the sheet is read like a hand-made one.
 * 2. Any other sheet is searched for each form's title and labels (tolerant of
 *    spaces and line breaks inside labels, full-width characters, colons and
 *    aliases); each value is read right of its label (or below it), across merges.
 * A sheet may hold several forms stacked under their titles; a sheet with no form
 * yields nothing.
 */
import { FORMS, fieldName, parseTagName } from '../forms';
import { cellAddress, firstCell, parseCell, type RangeRef } from '../forms/address';
import type { FieldId, FieldSpec, FormId, FormSpec, MonthKey } from '../forms/types';
import { colOf, isEmptyCell, labelMatcher, rowOf, SheetIndex, textOf, type LabelMatcher } from './locate';
import { formatDateZh, parseDate, parseMonthLabel, serialToIso } from './parse';
import { compactLabel, foldText, isDateLine, isStampLine } from './text';
import { cellKey, type DefinedName, type ExtractedForm, type FoundMonthRow, type FoundValue, type GridCell, type WorkbookGrid } from './types';

const MONTH_KEYS: MonthKey[] = ['goal', 'problem', 'owner', 'status'];
/** Other headings clerks give the month column. */
const MONTH_HEADER_ALIASES = ['月份', '时间（月份）', '月度', '日期'];
/** Every form's title keys, compacted once. */
const TITLE_KEYS = FORMS.flatMap((form) => form.titleKeys.map((k) => ({ form, key: compactLabel(k) })));
const DISTINCTIVE = FORMS.flatMap((form) => form.distinctiveLabels.map((l) => ({ form, label: compactLabel(l) })));
/** A title or label is short; a long text that mentions a title is a value, not a title. */
const MAX_TITLE_CHARS = 60;
/** Sentence punctuation and 《》 (after NFKC): a cell that has them quotes a title in a text ("上报《创建进度表》。"). */
const NOT_A_TITLE = /[,。;!?、《》]/;

/**
 * The form whose title this cell holds, if it holds one: a short line without sentence
 * punctuation that ends with one of the form's title keys ("市直机关党支部“五化”建设申报表",
 * "示范点创建申报表", "附件3：…创建进度表（2019年）"). A text that merely mentions a form
 * ("按照示范点创建申报表要求开展创建") is not a title.
 */
function titleFormOf(text: string, compact: string, forms: readonly FormSpec[]): FormSpec | undefined {
  if (compact.length > MAX_TITLE_CHARS || !TITLE_KEYS.some((k) => compact.includes(k.key))) return undefined; // the cheap test first
  const folded = foldText(text).replace(/\([^()]*\)$/, ''); // a bracketed note after the title: "（2019年）"
  if (NOT_A_TITLE.test(folded)) return undefined;
  const c = compactLabel(folded);
  return TITLE_KEYS.find((k) => forms.includes(k.form) && c.endsWith(k.key))?.form;
}

export function extractForms(grid: WorkbookGrid): ExtractedForm[] {
  const tags = findTags(grid);
  let names: NameIndex | undefined;
  const out: ExtractedForm[] = [];
  for (const sheet of grid.sheets) {
    const index = new SheetIndex(sheet);
    const tag = tags.get(sheet.name);
    if (tag) {
      const form = FORMS.find((f) => f.id === tag.form);
      if (form) {
        const tagged = form.templateVersion === tag.version ? readTagged(index, form, (names ??= indexNames(grid.names)), tag.version) : null;
        if (tagged) {
          out.push(tagged);
          continue;
        }
        const found = searchForms(index, [form]);
        if (found.length) {
          out.push(...found);
          continue;
        }
      }
    }
    out.push(...searchForms(index, FORMS));
  }
  return out;
}

// ---------------------------------------------------------------- defined names

/** Sheet name and top-left cell of a defined name's reference ("'附件1 x'!$B$5:$H$5"). */
export function parseNameRef(ref: string): { sheet?: string; cell?: string } {
  const r = ref.trim().replace(/^=/, '');
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.exec(r);
  if (m) return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], cell: `${m[3].toUpperCase()}${m[4]}` };
  const local = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.exec(r);
  if (local) return { cell: `${local[1].toUpperCase()}${local[2]}` };
  const sheetOnly = /^(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(r);
  if (sheetOnly) return { sheet: sheetOnly[1] !== undefined ? sheetOnly[1].replace(/''/g, "'") : sheetOnly[2] };
  return {};
}

function findTags(grid: WorkbookGrid): Map<string, { form: FormId; version: number }> {
  const tags = new Map<string, { form: FormId; version: number }>();
  for (const n of grid.names) {
    const t = parseTagName(n.name);
    if (!t) continue;
    const sheets = n.scope !== undefined ? [n.scope] : splitRefs(n.ref).map((r) => parseNameRef(r).sheet);
    if (!sheets.length || sheets.every((s) => s === undefined)) {
      if (grid.sheets.length === 1) sheets.splice(0, sheets.length, grid.sheets[0].name);
    }
    for (const sheet of sheets) if (sheet !== undefined && grid.sheets.some((s) => s.name === sheet) && !tags.has(sheet)) tags.set(sheet, t);
  }
  return tags;
}

/** A reference list "'A'!$B$5,'B'!$B$5" (exceljs joins a name given twice) split at commas outside quotes. */
function splitRefs(ref: string): string[] {
  if (ref.indexOf(',') < 0) {
    const one = ref.trim();
    return one ? [one] : [];
  }
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of ref) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((r) => r.trim()).filter(Boolean);
}

/** Defined names by lower-cased name (names are case-insensitive), in workbook order; built once per workbook. */
type NameIndex = Map<string, DefinedName[]>;
function indexNames(names: DefinedName[]): NameIndex {
  const byName: NameIndex = new Map();
  for (const n of names) {
    const k = n.name.toLowerCase();
    const list = byName.get(k);
    if (list) list.push(n);
    else byName.set(k, [n]);
  }
  return byName;
}

/** The cell a field's defined name points at on this sheet (a sheet-scoped name first). */
function namedCell(names: NameIndex, name: string, sheet: string): string | undefined {
  const candidates = names.get(name.toLowerCase()) ?? [];
  const ordered = [...candidates.filter((n) => n.scope === sheet), ...candidates.filter((n) => n.scope === undefined)];
  for (const n of ordered) {
    for (const part of splitRefs(n.ref)) {
      const p = parseNameRef(part);
      if (p.cell && (p.sheet ?? n.scope) === sheet) return p.cell;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- tagged sheets

function labelsOf(f: FieldSpec): string[] {
  return f.label ? [f.label.text, ...(f.aliases ?? [])] : [];
}

function found(index: SheetIndex, a1: string): FoundValue {
  const { row, col } = parseCell(a1);
  return foundAt(index, row, col, a1);
}

function foundAt(index: SheetIndex, row: number, col: number, a1 = cellAddress(row, col)): FoundValue {
  const raw = index.get(row, col);
  return { raw: isEmptyCell(raw) ? null : raw!, cell: a1 };
}

function readTagged(index: SheetIndex, form: FormSpec, names: NameIndex, version: number): ExtractedForm | null {
  const sheet = index.sheet.name;
  const named = new Map<FieldId, string>();
  for (const f of form.fields) {
    const cell = namedCell(names, fieldName(form, f.id), sheet);
    if (cell) named.set(f.id, cell);
  }
  const byNames = named.size >= Math.ceil(form.fields.length / 2);
  if (!byNames) {
    // Without names, the spec's cells are right only if the labels are still where the spec puts them.
    const labelled = form.fields.filter((f) => f.label);
    const matching = labelled.filter((f) => {
      const { row, col } = parseCell(firstCell(f.label!.cell));
      const c = index.compact(row, col);
      return labelsOf(f).some((l) => compactLabel(l) === c);
    });
    if (matching.length < Math.ceil(labelled.length * 0.75)) return null;
  }
  const fields: ExtractedForm['fields'] = {};
  for (const f of form.fields) fields[f.id] = found(index, named.get(f.id) ?? firstCell(f.cell));
  const x: ExtractedForm = { form: form.id, sheet, via: 'tag', templateVersion: version, fields };
  if (form.months) {
    const m = form.months;
    const header = headerAt(index, form, m.headerRow);
    let months: FoundMonthRow[] | null = null;
    if (header) {
      months = [];
      for (let i = 0; i < 12; i++) months.push(monthRow(index, header, m.firstRow + i));
    } else {
      const h = findHeader(index, form, 1, index.sheet.maxRow);
      if (h) months = readMonthRows(index, form, h, index.sheet.maxRow);
    }
    if (!months) return null;
    x.months = months;
  }
  return x;
}

// ---------------------------------------------------------------- month table

interface MonthHeader {
  row: number;
  monthCol: number;
  cols: Partial<Record<MonthKey, number>>;
}

const monthMatchers = new Map<FormId, LabelMatcher<MonthKey | 'month'>>();
function monthMatcher(form: FormSpec): LabelMatcher<MonthKey | 'month'> {
  let mm = monthMatchers.get(form.id);
  if (!mm) monthMatchers.set(form.id, (mm = buildMonthMatcher(form)));
  return mm;
}

function buildMonthMatcher(form: FormSpec): LabelMatcher<MonthKey | 'month'> {
  const m = form.months!;
  return labelMatcher<MonthKey | 'month'>([
    { key: 'month', labels: [m.monthHeader, ...MONTH_HEADER_ALIASES] },
    ...m.columns.map((c) => ({ key: c.key, labels: [c.header, ...(c.aliases ?? [])] })),
  ]);
}

/** The month table's header in `row`, when at least two column headings are there. */
function headerAt(index: SheetIndex, form: FormSpec, row: number): MonthHeader | null {
  const matcher = monthMatcher(form);
  const cols: Partial<Record<MonthKey, number>> = {};
  let monthCol = 0;
  for (let col = 1; col <= index.sheet.maxCol; col++) {
    const keys = matcher.exact(index.compact(row, col));
    if (!keys) continue;
    const k = keys[0];
    if (k === 'month') {
      if (!monthCol) monthCol = col;
    } else if (cols[k] === undefined) cols[k] = col;
  }
  const n = Object.keys(cols).length;
  if (n < 2) return null;
  if (!monthCol) {
    const first = Math.min(...Object.values(cols).map(Number));
    monthCol = Math.max(1, first - 1);
  }
  return { row, monthCol, cols };
}

function findHeader(index: SheetIndex, form: FormSpec, from: number, to: number): MonthHeader | null {
  const rows = new Set<number>();
  for (const k of index.keys) {
    const r = rowOf(k);
    if (r >= from && r <= to) rows.add(r);
  }
  for (const r of [...rows].sort((a, b) => a - b)) {
    const h = headerAt(index, form, r);
    if (h) return h;
  }
  return null;
}

function monthRow(index: SheetIndex, h: MonthHeader, row: number): FoundMonthRow {
  const labelCell = cellAddress(row, h.monthCol);
  const label = index.get(row, h.monthCol);
  const values = {} as Record<MonthKey, FoundValue>;
  for (const key of MONTH_KEYS) {
    const col = h.cols[key];
    values[key] = col ? foundAt(index, row, col) : { raw: null, cell: '' };
  }
  return { label: isEmptyCell(label) ? null : label!, labelCell, row, values };
}

/** Rows under the month table that end it: "备注", "填表人", "审核人" … */
const TABLE_FOOTER = /^(?:备注|说明|填表|填报|审核|制表|联系人|负责人)/;

/**
 * The month rows under a header: rows whose month cell is a month label or whose
 * value cells are not empty, in sheet order (duplicates kept), until the table
 * ends (three empty rows, a line with a colon such as "填表人：", a footer such as
 * "备注", or the block's end). The header repeated (a second printed page) is
 * skipped; rows under a month label merged over several rows continue that month.
 */
function readMonthRows(index: SheetIndex, form: FormSpec, h: MonthHeader, to: number): FoundMonthRow[] {
  const out: FoundMonthRow[] = [];
  const cols = [h.monthCol, ...MONTH_KEYS.map((k) => h.cols[k]).filter((c): c is number => c !== undefined)];
  let empty = 0;
  for (let row = h.row + 1; row <= to; row++) {
    const label = index.get(row, h.monthCol);
    const anyValue = cols.some((c) => !isEmptyCell(index.get(row, c)));
    if (!anyValue) {
      if (++empty >= 3) break;
      continue;
    }
    empty = 0;
    if (parseMonthLabel(label ?? null) === null && typeof label?.v === 'string' && (/[:：]/.test(label.v) || TABLE_FOOTER.test(index.compact(row, h.monthCol)))) break;
    if (headerAt(index, form, row)) continue;
    const found = monthRow(index, h, row);
    const area = index.areaOf(row, h.monthCol);
    const prev = out[out.length - 1];
    if (isEmptyCell(label) && area.top < row && prev && prev.row >= area.top) continueMonth(prev, found);
    else out.push(found);
  }
  return out;
}

/** Appends a row's values to the month above it (its label merged over both rows). */
function continueMonth(month: FoundMonthRow, next: FoundMonthRow): void {
  for (const key of MONTH_KEYS) {
    const add = next.values[key];
    if (add.raw === null) continue;
    const had = month.values[key];
    month.values[key] = had.raw === null ? add : { raw: { v: `${partText(had.raw)}\n${partText(add.raw)}` }, cell: had.cell };
  }
}

// ---------------------------------------------------------------- hand-made sheets

interface LabelHit {
  row: number;
  col: number;
  area: RangeRef;
  /** Keys (field ids) this label names. */
  keys: FieldId[];
  /** The value typed in the label's own cell after a colon; undefined for a bare label. */
  inline?: string;
}

interface Block {
  form: FormSpec;
  from: number;
  to: number;
  /** Cells (cellKey) of the sheet that hold a form title: they end a value's search like a label. */
  titleCells: ReadonlySet<number>;
}

function fieldMatcher(form: FormSpec): LabelMatcher<FieldId> {
  return labelMatcher<FieldId>(form.fields.filter((f) => f.label).map((f) => ({ key: f.id, labels: labelsOf(f) })));
}

const matchers = new Map<FormId, LabelMatcher<FieldId>>();
function matcherOf(form: FormSpec): LabelMatcher<FieldId> {
  let m = matchers.get(form.id);
  if (!m) matchers.set(form.id, (m = fieldMatcher(form)));
  return m;
}

/** Finds the forms on a sheet by their titles (or, without a title, their distinctive labels). */
function searchForms(index: SheetIndex, forms: readonly FormSpec[]): ExtractedForm[] {
  const titles: { row: number; form: FormSpec }[] = [];
  const titleCells = new Set<number>();
  const distinctive = new Map<FormId, number>();
  for (const key of index.keys) {
    const row = rowOf(key);
    const col = colOf(key);
    const c = index.compact(row, col);
    if (!c) continue;
    const titled = titleFormOf(textOf(index.get(row, col)), c, FORMS);
    if (titled) {
      titleCells.add(key);
      if (forms.includes(titled) && !titles.some((t) => t.row === row)) titles.push({ row, form: titled });
    }
    for (const d of DISTINCTIVE) if (d.label === c && forms.includes(d.form)) distinctive.set(d.form.id, (distinctive.get(d.form.id) ?? 0) + 1);
  }
  const blocks: Block[] = [];
  const maxRow = index.sheet.maxRow;
  if (titles.length) {
    titles.sort((a, b) => a.row - b.row);
    titles.forEach((t, i) => blocks.push({ form: t.form, from: i === 0 ? 1 : t.row, to: i + 1 < titles.length ? titles[i + 1].row - 1 : maxRow, titleCells }));
  } else if (distinctive.size) {
    const best = [...distinctive.entries()].sort((a, b) => b[1] - a[1])[0][0];
    blocks.push({ form: forms.find((f) => f.id === best)!, from: 1, to: maxRow, titleCells });
  }
  const out: ExtractedForm[] = [];
  for (const b of blocks) {
    const x = readBlock(index, b);
    if (x) out.push(x);
  }
  return out;
}

function labelHits(index: SheetIndex, form: FormSpec, from: number, to: number): LabelHit[] {
  const matcher = matcherOf(form);
  const hits: LabelHit[] = [];
  for (const key of index.keys) {
    const row = rowOf(key);
    if (row < from) continue;
    if (row > to) break;
    const col = colOf(key);
    const c = index.compact(row, col);
    if (!c) continue;
    const exact = matcher.exact(c);
    if (exact) {
      hits.push({ row, col, area: index.areaOf(row, col), keys: exact });
      continue;
    }
    const inline = matcher.inline(textOf(index.get(row, col)));
    if (!inline) continue;
    // One cell may carry several "label：value" pairs: one hit per pair, same cell.
    for (const p of inline) hits.push({ row, col, area: index.areaOf(row, col), keys: p.keys, inline: p.value });
  }
  return hits;
}

function readBlock(index: SheetIndex, block: Block): ExtractedForm | null {
  const { form } = block;
  const hits = labelHits(index, form, block.from, block.to);
  const header = form.months ? findHeader(index, form, block.from, block.to) : null;
  const distinctFields = new Set(hits.flatMap((h) => h.keys));
  const headerCount = header ? Object.keys(header.cols).length : 0;
  // A title alone (or a title quoted in a list) is not a form: at least two of its labels must be there.
  if (distinctFields.size + headerCount < 2) return null;

  const labelCells = new Set(hits.map((h) => `${h.row}:${h.col}`));
  if (header) {
    labelCells.add(`${header.row}:${header.monthCol}`);
    for (const k of MONTH_KEYS) if (header.cols[k]) labelCells.add(`${header.row}:${header.cols[k]}`);
  }
  const isLabel = (row: number, col: number) => labelCells.has(`${row}:${col}`) || isStopText(index, block, row, col);

  const fields: ExtractedForm['fields'] = {};
  const usedHits = new Set<LabelHit>();
  for (const f of form.fields) {
    if (!f.label) continue;
    const hit = pickHit(form, f, hits, usedHits);
    if (!hit) continue;
    usedHits.add(hit);
    if (hit.inline) {
      // "申报党支部名称：XX党支部": the value is in the label's own cell.
      fields[f.id] = { raw: { v: hit.inline }, cell: cellAddress(hit.row, hit.col) };
      continue;
    }
    if (f.kind !== 'longText' && f.kind !== 'opinion') {
      fields[f.id] = readShort(index, hit, block, isLabel, f.kind === 'date');
      continue;
    }
    const dateField = f.kind === 'opinion' ? form.fields.find((d) => d.dateOf === f.id) : undefined;
    const v = readLong(index, hit, block, isLabel, dateField !== undefined);
    fields[f.id] = v.value;
    if (dateField && v.date) fields[dateField.id] = v.date;
  }
  const x: ExtractedForm = { form: form.id, sheet: index.sheet.name, via: 'labels', fields };
  if (form.months) x.months = header ? readMonthRows(index, form, header, block.to) : [];
  return x;
}

/** The hit for a field: the first label naming it, or its nth among the labels it shares (FieldSpec.occurrence). */
function pickHit(form: FormSpec, f: FieldSpec, hits: LabelHit[], used: Set<LabelHit>): LabelHit | undefined {
  if (f.occurrence === undefined) return hits.find((h) => h.keys.includes(f.id) && !used.has(h));
  const group = form.fields.filter((g) => g.occurrence !== undefined && (g.id === f.id || shareALabel(g, f)));
  const ids = new Set(group.map((g) => g.id));
  const list = hits.filter((h) => h.keys.some((k) => ids.has(k)));
  return list[f.occurrence];
}

/** Two fields share a label spelling. */
function shareALabel(a: FieldSpec, b: FieldSpec): boolean {
  const la = new Set(labelsOf(a).map(compactLabel));
  return labelsOf(b).some((l) => la.has(compactLabel(l)));
}

/** "附件1" and the title lines: fixed texts that end a value's search like a label does. */
function isStopText(index: SheetIndex, block: Block, row: number, col: number): boolean {
  const c = index.compact(row, col);
  if (!c) return false;
  return /^附件\d$/.test(c) || block.titleCells.has(cellKey(row, col));
}

/**
 * Value right of the label (skipping its merged area and empty cells, up to the next
 * label), else below it. Not below when an empty merged input slot lies right of the
 * label (the value is that empty slot), and never a cell that belongs to a label on its
 * left (the value of the next field down). A date typed in pieces as on paper
 * ("2019" "年" "4" "月" "20" "日") is read as the pieces of its row joined.
 */
function readShort(index: SheetIndex, hit: LabelHit, block: Block, isLabel: (r: number, c: number) => boolean, isDate: boolean): FoundValue {
  const a = hit.area;
  const maxCol = index.sheet.maxCol;
  for (let col = a.right + 1; col <= maxCol; col++) {
    if (isLabel(a.top, col)) break;
    const cell = index.get(a.top, col);
    if (!isEmptyCell(cell)) return isDate ? datePieces(index, a.top, col, isLabel) : { raw: cell!, cell: cellAddress(a.top, col) };
  }
  const empty: FoundValue = { raw: null, cell: cellAddress(a.top, a.right + 1) };
  const slot = index.areaOf(a.top, a.right + 1);
  if (slot.left === a.right + 1 && (slot.right > slot.left || slot.bottom > slot.top) && !isLabel(slot.top, slot.left)) return empty;
  const ownedByLabelLeft = (row: number, col: number) => {
    const left = index.areaOf(row, index.areaOf(row, col).left - 1);
    return left.left >= 1 && isLabel(left.top, left.left);
  };
  // Below: the next non-empty row (up to two blank rows) under the label's columns.
  for (let row = a.bottom + 1; row <= Math.min(block.to, a.bottom + 3); row++) {
    for (let col = a.left; col <= a.right; col++) {
      if (isLabel(row, col)) return empty;
      const cell = index.get(row, col);
      if (isEmptyCell(cell)) continue;
      return ownedByLabelLeft(row, col) ? empty : { raw: cell!, cell: cellAddress(row, col) };
    }
  }
  return empty;
}

/** A piece of a date typed into its own cell: "2019", "2019年", "年", "4月", "20日". */
const DATE_PIECE = /^[0-9〇零○一二两三四五六七八九十]{0,4}[年月日号]?$/;

/**
 * The date starting at (row, col): the cell itself when it holds a whole date, else the
 * date pieces that follow it on the row, joined, when they make one.
 */
function datePieces(index: SheetIndex, row: number, col: number, isLabel: (r: number, c: number) => boolean): FoundValue {
  const first: FoundValue = { raw: index.get(row, col)!, cell: cellAddress(row, col) };
  if (parseDate(first.raw).precision === 'day') return first;
  let joined = '';
  for (let c = col; c <= index.sheet.maxCol && c < col + 8; c++) {
    const cell = index.get(row, c);
    if (isEmptyCell(cell)) continue;
    if (isLabel(row, c) || cell!.date) break;
    const piece = foldText(textOf(cell)).replace(/\s/g, '');
    if (!DATE_PIECE.test(piece)) break;
    joined += piece;
  }
  return parseDate({ v: joined }).precision === 'day' ? { raw: { v: joined }, cell: first.cell } : first;
}

/**
 * A long text or opinion: all value cells right of the label in the rows its block
 * covers — its merged area, or down to the next row that has anything in the label's
 * columns (or a label), joined with line breaks. `withDate` (an opinion): a separate
 * date cell at the bottom of the block, above or below its （盖章）, is its date.
 */
function readLong(
  index: SheetIndex,
  hit: LabelHit,
  block: Block,
  isLabel: (r: number, c: number) => boolean,
  withDate: boolean,
): { value: FoundValue; date?: FoundValue } {
  const a = hit.area;
  const maxCol = index.sheet.maxCol;
  let last = a.bottom;
  // The first row's value may itself be merged over several rows.
  for (let col = a.right + 1; col <= maxCol; col++) {
    const area = index.areaOf(a.top, col);
    if (area.top === a.top && area.left === col) last = Math.max(last, area.bottom);
  }
  if (a.bottom === a.top) {
    for (let row = a.top + 1; row <= block.to; row++) {
      let stop = false;
      for (let col = 1; col <= maxCol && !stop; col++) {
        if (isLabel(row, col)) stop = true;
        else if (col <= a.right && !isEmptyCell(index.get(row, col))) stop = true;
      }
      // A cell merged down from the label's column also ends it (another label's area).
      if (!stop) {
        const area = index.areaOf(row, a.left);
        if (area.top < row && area.top !== a.top) stop = true;
      }
      if (stop) break;
      last = Math.max(last, row);
    }
  }
  const parts: { row: number; col: number; cell: GridCell }[] = [];
  for (let row = a.top; row <= last; row++) {
    for (let col = a.right + 1; col <= maxCol; col++) {
      if (isLabel(row, col) && !(row === a.top && col <= a.right)) {
        if (row === a.top) break;
        continue;
      }
      const cell = index.get(row, col);
      if (!isEmptyCell(cell)) parts.push({ row, col, cell: cell! });
    }
  }
  const defaultCell = cellAddress(a.top, a.right + 1);
  if (!parts.length) parts.push(...longBelow(index, hit, block, isLabel));
  const first = parts[0];
  if (!first) return { value: { raw: null, cell: defaultCell } };
  let date: FoundValue | undefined;
  if (withDate && parts.length > 1) {
    // The last part that is not a stamp note ("（盖章）" may stand under the date line too).
    let k = parts.length - 1;
    while (k > 0 && isStampLine(textOf(parts[k].cell))) k--;
    const tail = parts[k];
    if (k > 0 && tail.row > first.row && (tail.cell.date === true || (typeof tail.cell.v === 'string' && isDateLine(tail.cell.v)))) {
      date = { raw: tail.cell, cell: cellAddress(tail.row, tail.col) };
      parts.splice(k, 1);
    }
  }
  // Where the value is (or should be typed): the first value cell on the label's row or below it, else right of the label.
  const cell = first.row === a.top || first.row > a.bottom ? cellAddress(first.row, first.col) : defaultCell;
  let raw: GridCell | null = null;
  if (parts.length === 1) raw = parts[0].cell;
  else if (parts.length > 1) raw = { v: parts.map((p) => partText(p.cell)).join('\n') };
  return { value: { raw, cell }, date };
}

/** A cell as a line of a text joined from several cells: a date cell reads as its date ("2019年4月25日"), not its serial. */
function partText(cell: GridCell): string {
  return cell.date && typeof cell.v === 'number' ? formatDateZh(serialToIso(cell.v)) : textOf(cell);
}

/** A long text typed in the rows under its label (nothing right of it): those rows, up to a blank row or the next label. */
function longBelow(
  index: SheetIndex,
  hit: LabelHit,
  block: Block,
  isLabel: (r: number, c: number) => boolean,
): { row: number; col: number; cell: GridCell }[] {
  const a = hit.area;
  const maxCol = index.sheet.maxCol;
  const out: { row: number; col: number; cell: GridCell }[] = [];
  for (let row = a.bottom + 1; row <= block.to; row++) {
    const inRow: { row: number; col: number; cell: GridCell }[] = [];
    let label = false;
    for (let col = a.left; col <= maxCol; col++) {
      if (isLabel(row, col)) {
        label = true;
        break;
      }
      const cell = index.get(row, col);
      if (!isEmptyCell(cell)) inRow.push({ row, col, cell: cell! });
    }
    if (label) break;
    if (!inRow.length) {
      if (out.length || row > a.bottom + 2) break;
      continue;
    }
    out.push(...inRow);
  }
  return out;
}
