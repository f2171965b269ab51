/** A block's labels: where each field's label is, and which cells end a value's search. */
import type { RangeRef } from '../../forms/address';
import type { FieldId, FieldSpec, FormId, FormSpec } from '../../forms/types';
import { colOf, labelMatcher, rowOf, textOf, type LabelMatcher, type SheetIndex } from '../locate';
import { compactLabel } from '../text';
import { cellKey } from '../types';
import type { Block } from './blocks';
import { labelsOf } from './cells';

export interface LabelHit {
  row: number;
  col: number;
  area: RangeRef;
  /** Keys (field ids) this label names. */
  keys: FieldId[];
  /** The value typed in the label's own cell after a colon; undefined for a bare label. */
  inline?: string;
}

/** Whether a cell of the sheet is a label (ours, a title, "附件N"): a value's search stops there. */
export type IsLabel = (row: number, col: number) => boolean;

const matchers = new Map<FormId, LabelMatcher<FieldId>>();
function matcherOf(form: FormSpec): LabelMatcher<FieldId> {
  let m = matchers.get(form.id);
  if (!m) matchers.set(form.id, (m = labelMatcher<FieldId>(form.fields.filter((f) => f.label).map((f) => ({ key: f.id, labels: labelsOf(f) })))));
  return m;
}

/** The labels of the block's form inside the block, in reading order. */
export function labelHits(index: SheetIndex, block: Block): LabelHit[] {
  const matcher = matcherOf(block.form);
  const hits: LabelHit[] = [];
  const keys = index.keys;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const row = rowOf(key);
    if (row < block.from) continue;
    if (row > block.to) break;
    const col = colOf(key);
    if (col < block.left || col > block.right) continue;
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

/** The hit for a field: the first label naming it, or its nth among the labels it shares (FieldSpec.occurrence). */
export function pickHit(form: FormSpec, f: FieldSpec, hits: LabelHit[], used: Set<LabelHit>): LabelHit | undefined {
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
export function isStopText(index: SheetIndex, block: Block, row: number, col: number): boolean {
  const c = index.compact(row, col);
  if (!c) return false;
  return /^附件\d$/.test(c) || block.titleCells.has(cellKey(row, col));
}
