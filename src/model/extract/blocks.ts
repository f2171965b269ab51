/**
 * Locating the forms of a hand-made sheet: each form's title (or, without one, its
 * distinctive labels) gives a block — the rows and columns that belong to that form.
 */
import { FORMS } from '../../forms';
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
}

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
function titleFormOf(text: string, compact: string): FormSpec | undefined {
  if (compact.length > MAX_TITLE_CHARS || !TITLE_KEYS.some((k) => compact.includes(k.key))) return undefined; // the cheap test first
  const folded = foldText(text).replace(/\([^()]*\)$/, ''); // a bracketed note after the title: "（2019年）"
  if (NOT_A_TITLE.test(folded)) return undefined;
  const c = compactLabel(folded);
  return TITLE_KEYS.find((k) => c.endsWith(k.key))?.form;
}

/** The blocks of the forms on a sheet (only of `forms`), top to bottom. */
export function findBlocks(index: SheetIndex, forms: readonly FormSpec[]): Block[] {
  const titles: { row: number; form: FormSpec }[] = [];
  const titleCells = new Set<number>();
  const distinctive = new Map<FormId, number>();
  for (const key of index.keys) {
    const row = rowOf(key);
    const col = colOf(key);
    const c = index.compact(row, col);
    if (!c) continue;
    const titled = titleFormOf(textOf(index.get(row, col)), c);
    if (titled) {
      titleCells.add(key);
      if (forms.includes(titled) && !titles.some((t) => t.row === row)) titles.push({ row, form: titled });
    }
    for (const d of DISTINCTIVE) if (d.label === c && forms.includes(d.form)) distinctive.set(d.form.id, (distinctive.get(d.form.id) ?? 0) + 1);
  }
  const blocks: Block[] = [];
  const { maxRow, maxCol } = index.sheet;
  if (titles.length) {
    titles.sort((a, b) => a.row - b.row);
    titles.forEach((t, i) =>
      blocks.push({ form: t.form, from: i === 0 ? 1 : t.row, to: i + 1 < titles.length ? titles[i + 1].row - 1 : maxRow, left: 1, right: maxCol, titleCells }),
    );
  } else if (distinctive.size) {
    const best = [...distinctive.entries()].sort((a, b) => b[1] - a[1])[0][0];
    blocks.push({ form: forms.find((f) => f.id === best)!, from: 1, to: maxRow, left: 1, right: maxCol, titleCells });
  }
  return blocks;
}
