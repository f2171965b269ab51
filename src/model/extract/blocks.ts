/**
 * Locating the forms of a hand-made sheet: each form's title (or, without one, its
 * distinctive labels) gives a block — the rows and columns that belong to that form.
 *
 * Forms stacked on one sheet are split at their titles; forms side by side (titles on
 * about the same rows, in different columns) at the empty column between them, so no
 * value of one form is ever read into the other.
 */
import { FORMS } from '../../forms';
import type { RangeRef } from '../../forms/address';
import type { FormId, FormSpec } from '../../forms/types';
import { colOf, rowOf, textOf, type SheetIndex } from '../locate';
import { compactLabel, foldText } from '../text';

/** The part of a sheet that holds one form. */
export interface Block {
  form: FormSpec;
  /** Rows from..to and columns left..right (1-based, inclusive). */
  from: number;
  to: number;
  left: number;
  right: number;
  /** Cells (cellKey) of the sheet that hold a form title: they end a value's search like a label. */
  titleCells: ReadonlySet<number>;
  /** Another form's distinctive labels inside the block that could not be bounded as a form of their own. */
  foreign?: { form: FormSpec; row: number; col: number }[];
}

/** Every form's title keys, compacted once. */
const TITLE_KEYS = FORMS.flatMap((form) => form.titleKeys.map((k) => ({ form, key: compactLabel(k) })));
const DISTINCTIVE = FORMS.flatMap((form) => form.distinctiveLabels.map((l) => ({ form, label: compactLabel(l) })));
/** A title or label is short; a long text that mentions a title is a value, not a title. */
const MAX_TITLE_CHARS = 60;
/** Sentence punctuation and 《》 (after NFKC): a cell that has them quotes a title in a text ("上报《创建进度表》。"). */
const NOT_A_TITLE = /[,。;!?、《》]/;
/**
 * Titles this many rows apart or fewer, in other columns, are of forms side by side
 * (附件1's title takes two lines where 附件2's takes one).
 */
const SIDE_BY_SIDE_ROWS = 3;

/**
 * The form whose title this cell holds, if it holds one: a short line without sentence
 * punctuation that ends with one of the form's title keys ("市直机关党支部“五化”建设申报表",
 * "示范点创建申报表", "附件3：…创建进度表（2019年）"). A text that merely mentions a form
 * ("按照示范点创建申报表要求开展创建") is not a title.
 */
function titleFormOf(text: string, compact: string): FormSpec | undefined {
  if (compact.length > MAX_TITLE_CHARS || !TITLE_KEYS.some((k) => compact.includes(k.key))) return undefined; // the cheap test first
  const folded = foldText(text).replace(/\([^()]*\)$/, ''); // a bracketed note after the title: "（2019年）"
  if (NOT_A_TITLE.test(folded)) return undefined;
  const c = compactLabel(folded);
  return TITLE_KEYS.find((k) => c.endsWith(k.key))?.form;
}

interface Title {
  form: FormSpec;
  row: number;
  area: RangeRef;
}

/** The blocks of the forms on a sheet (only of `forms`), top to bottom, left to right. */
export function findBlocks(index: SheetIndex, forms: readonly FormSpec[]): Block[] {
  const titles: Title[] = [];
  const titleCells = new Set<number>();
  const distinctive = new Map<FormId, number>();
  const marks: Mark[] = [];
  const keys = index.keys;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const row = rowOf(key);
    const col = colOf(key);
    const c = index.compact(row, col);
    if (!c) continue;
    const titled = titleFormOf(textOf(index.get(row, col)), c);
    if (titled) {
      titleCells.add(key);
      const area = index.areaOf(row, col);
      // Title cells touching on one row are one title; apart, they are forms side by side.
      if (forms.includes(titled) && !titles.some((t) => t.row === row && t.area.left <= area.right + 1 && area.left <= t.area.right + 1)) titles.push({ form: titled, row, area });
    }
    for (let i = 0; i < DISTINCTIVE.length; i++) {
      const d = DISTINCTIVE[i];
      if (d.label !== c || !forms.includes(d.form)) continue;
      distinctive.set(d.form.id, (distinctive.get(d.form.id) ?? 0) + 1);
      marks.push({ form: d.form, row, col });
    }
  }
  const { maxRow, maxCol } = index.sheet;
  if (titles.length) return withUntitled(index, titledBlocks(index, titles, titleCells), titles, marks);
  if (distinctive.size) {
    const best = [...distinctive.entries()].sort((a, b) => b[1] - a[1])[0][0];
    return [{ form: forms.find((f) => f.id === best)!, from: 1, to: maxRow, left: 1, right: maxCol, titleCells }];
  }
  return [];
}

/** A cell holding one of a form's distinctive labels (基础工作情况, 创建计划, 目标任务 …). */
interface Mark {
  form: FormSpec;
  row: number;
  col: number;
}

/**
 * An untitled form beside a titled one (issue 8 §1): the titled form's block ends at the
 * first empty column after (or before) its title, when beyond that column the rows of the
 * block hold another form's distinctive labels; those columns are that form's block,
 * read like any other. Without such a column the other form cannot be bounded, and the
 * titled form is read as before.
 */
function withUntitled(index: SheetIndex, blocks: Block[], titles: readonly Title[], marks: readonly Mark[]): Block[] {
  const out: Block[] = [];
  blocks.forEach((b, i) => {
    const t = titles[i];
    const inRows = marks.filter((m) => m.row >= b.from && m.row <= b.to);
    const right = firstEmptyColumn(index, t.area.right + 1, b.right, b.from, b.to, 1);
    const left = firstEmptyColumn(index, t.area.left - 1, b.left, b.from, b.to, -1);
    const side = (from: number, to: number) => {
      const found = inRows.filter((m) => m.col >= from && m.col <= to);
      if (!found.length) return undefined;
      const count = new Map<FormSpec, number>();
      for (const m of found) count.set(m.form, (count.get(m.form) ?? 0) + 1);
      const form = [...count.entries()].sort((x, y) => y[1] - x[1])[0][0];
      return { form, from: b.from, to: b.to, left: from, right: to, titleCells: b.titleCells };
    };
    // The titled form's own labels beyond an empty column of its own are not another form (unless it keeps one of them too).
    const other = (x: Block | undefined, keep: [number, number]) =>
      x && (x.form !== t.form || inRows.some((m) => m.form === t.form && m.col >= keep[0] && m.col <= keep[1])) ? x : undefined;
    const before = left !== undefined ? other(side(b.left, left - 1), [left + 1, b.right]) : undefined;
    const after = right !== undefined ? other(side(right + 1, b.right), [b.left, right - 1]) : undefined;
    if (before) out.push(before);
    const own: Block = { ...b, left: before ? left! + 1 : b.left, right: after ? right! - 1 : b.right };
    const foreign = inRows.filter((m) => m.form !== t.form && m.col >= own.left && m.col <= own.right);
    if (foreign.length) own.foreign = foreign;
    out.push(own);
    if (after) out.push(after);
  });
  return out;
}

/** The first column from `start` towards `end` (step ±1) that no cell or merged area uses in rows from..to. */
function firstEmptyColumn(index: SheetIndex, start: number, end: number, from: number, to: number, step: 1 | -1): number | undefined {
  if (step === 1 ? start > end : start < end) return undefined;
  const [lo, hi] = step === 1 ? [start, end] : [end, start];
  const used = new Set<number>();
  const keys = index.keys;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const row = rowOf(key);
    if (row < from) continue;
    if (row > to) break;
    const a = index.areaOf(row, colOf(key));
    for (let c = Math.max(lo, a.left); c <= Math.min(hi, a.right); c++) used.add(c);
  }
  for (let c = start; step === 1 ? c <= end : c >= end; c += step) if (!used.has(c)) return c;
  return undefined;
}

function overlaps(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right;
}

const beside = (a: Title, b: Title) => a !== b && Math.abs(a.row - b.row) <= SIDE_BY_SIDE_ROWS && !overlaps(a.area, b.area);

/**
 * Blocks from titles. Columns: a title's block reaches to the titles beside it (first
 * roughly, by their cells; then exactly, at the empty column between the two forms).
 * Rows: from the title (from row 1 for the top form, so "附件N" above it is inside) to
 * the row before the next title below whose columns meet it.
 */
function titledBlocks(index: SheetIndex, titles: Title[], titleCells: ReadonlySet<number>): Block[] {
  const { maxRow, maxCol } = index.sheet;
  titles.sort((a, b) => a.row - b.row || a.area.left - b.area.left);
  const spans = titles.map((t) => {
    const left = titles.filter((o) => beside(o, t) && o.area.right < t.area.left);
    const right = titles.filter((o) => beside(o, t) && o.area.left > t.area.right);
    return {
      left: left.length ? Math.max(...left.map((o) => o.area.right)) + 1 : 1,
      right: right.length ? Math.min(...right.map((o) => o.area.left)) - 1 : maxCol,
    };
  });
  const blocks: Block[] = titles.map((t, i) => {
    const meets = (j: number) => spans[j].left <= spans[i].right && spans[i].left <= spans[j].right;
    const above = titles.some((o, j) => o.row < t.row - SIDE_BY_SIDE_ROWS && meets(j));
    const below = titles.map((o, j) => ({ o, j })).filter(({ o, j }) => o.row > t.row + SIDE_BY_SIDE_ROWS && meets(j));
    return {
      form: t.form,
      from: above ? t.row : 1,
      to: below.length ? Math.min(...below.map(({ o }) => o.row)) - 1 : maxRow,
      left: spans[i].left,
      right: spans[i].right,
      titleCells,
    };
  });
  // Exact columns: between two forms side by side, a column nothing of either uses.
  for (let i = 0; i < titles.length; i++) {
    for (let j = 0; j < titles.length; j++) {
      if (!beside(titles[i], titles[j]) || titles[j].area.left <= titles[i].area.right) continue;
      const from = Math.min(blocks[i].from, blocks[j].from);
      const to = Math.min(blocks[i].to, blocks[j].to);
      const gap = emptyColumn(index, titles[i].area.right + 1, titles[j].area.left - 1, from, to);
      const cut = gap ?? titles[j].area.left - 1;
      blocks[i].right = Math.min(blocks[i].right, cut - (gap === undefined ? 0 : 1));
      blocks[j].left = Math.max(blocks[j].left, cut + 1);
    }
  }
  return blocks;
}

/** The last column in left..right that no cell (nor merged area) uses in rows from..to. */
function emptyColumn(index: SheetIndex, left: number, right: number, from: number, to: number): number | undefined {
  if (left > right) return undefined;
  const used = new Set<number>();
  const keys = index.keys;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const row = rowOf(key);
    if (row < from) continue;
    if (row > to) break;
    const col = colOf(key);
    const a = index.areaOf(row, col);
    if (a.right < left || a.left > right) continue;
    for (let c = Math.max(left, a.left); c <= Math.min(right, a.right); c++) used.add(c);
  }
  // The last one: a blank column at the start of the right-hand form is harmless, one inside the left-hand form is not.
  for (let c = right; c >= left; c--) if (!used.has(c)) return c;
  return undefined;
}
