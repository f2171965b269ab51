/**
 * 附件3's month table: its header row (found by its column headings) and the month
 * rows under it, read within the columns of the form's block.
 */
import { cellAddress } from '../../forms/address';
import type { FormId, FormSpec, MonthKey } from '../../forms/types';
import { isEmptyCell, labelMatcher, rowOf, type LabelMatcher, type SheetIndex } from '../locate';
import { parseMonthLabel } from '../parse';
import type { FoundMonthRow, FoundValue } from '../types';
import { foundAt, MONTH_KEYS, partText } from './cells';

/** Other headings clerks give the month column. */
const MONTH_HEADER_ALIASES = ['月份', '时间（月份）', '月度', '日期'];

export interface MonthHeader {
  row: number;
  monthCol: number;
  cols: Partial<Record<MonthKey, number>>;
}

/** Columns a month table may use: the block's. */
export interface ColumnSpan {
  left: number;
  right: number;
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
export function headerAt(index: SheetIndex, form: FormSpec, row: number, span: ColumnSpan = { left: 1, right: index.sheet.maxCol }): MonthHeader | null {
  const matcher = monthMatcher(form);
  const cols: Partial<Record<MonthKey, number>> = {};
  let monthCol = 0;
  for (let col = span.left; col <= span.right; col++) {
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
    monthCol = Math.max(span.left, first - 1);
  }
  return { row, monthCol, cols };
}

/** The first month header between rows `from` and `to` (within `span`). */
export function findHeader(index: SheetIndex, form: FormSpec, from: number, to: number, span?: ColumnSpan): MonthHeader | null {
  const rows = new Set<number>();
  const keys = index.keys;
  for (let i = 0; i < keys.length; i++) {
    const r = rowOf(keys[i]);
    if (r >= from && r <= to) rows.add(r);
  }
  for (const r of [...rows].sort((a, b) => a - b)) {
    const h = headerAt(index, form, r, span);
    if (h) return h;
  }
  return null;
}

export function monthRow(index: SheetIndex, h: MonthHeader, row: number): FoundMonthRow {
  const labelCell = cellAddress(row, h.monthCol);
  const label = index.get(row, h.monthCol);
  const { goal, problem, owner, status } = h.cols;
  // Each key written out, as in normalise's monthEntry: one shape, no keyed stores.
  const values: Record<MonthKey, FoundValue> = {
    goal: goal ? foundAt(index, row, goal) : { raw: null, cell: '' },
    problem: problem ? foundAt(index, row, problem) : { raw: null, cell: '' },
    owner: owner ? foundAt(index, row, owner) : { raw: null, cell: '' },
    status: status ? foundAt(index, row, status) : { raw: null, cell: '' },
  };
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
export function readMonthRows(index: SheetIndex, form: FormSpec, h: MonthHeader, to: number, span?: ColumnSpan): FoundMonthRow[] {
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
    if (headerAt(index, form, row, span)) continue;
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
