/** Defined names: our template's tag per sheet, and the cell each field's name points at. */
import { parseTagName } from '../../forms';
import type { FormId } from '../../forms/types';
import { fresh } from '../text';
import type { DefinedName, WorkbookGrid } from '../types';

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

type NameRef = ReturnType<typeof parseNameRef>;

/**
 * `read(text)`, remembered by the text (up to MEMO_MAX texts, then forgotten all at once): a
 * template's names and references are the same in every file made from it, and were read
 * by regular expressions for every field of every tagged sheet. Read from, and keyed by, a
 * fresh copy: the text given may be a slice of workbook.xml, which the key and the sheet
 * names cut from it would keep alive.
 */
function remembered<T>(memo: Map<string, T>, text: string, read: (text: string) => T): T {
  const known = memo.get(text);
  if (known !== undefined || memo.has(text)) return known as T;
  const own = fresh(text);
  const value = read(own);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(own, value);
  return value;
}
const MEMO_MAX = 4096;

/** A reference list's parts ("'附件2 五化建设申报表'!$B$3"), each as parseNameRef reads it (read-only: shared). */
const refsOf = (ref: string): readonly NameRef[] => remembered(refMemo, ref, readRefs);
const readRefs = (ref: string): readonly NameRef[] => splitRefs(ref).map(parseNameRef);
const refMemo = new Map<string, readonly NameRef[]>();

/** parseTagName of a defined name: every file made from the template has the same dozen names. */
const tagOf = (name: string): ReturnType<typeof parseTagName> => remembered(tagMemo, name, parseTagName);
const tagMemo = new Map<string, ReturnType<typeof parseTagName>>();

export type SheetTags = Map<string, { form: FormId; version: number }>;

/** The sheets our template tagged (WUHUA_<form>_v<n>), by sheet name. */
export function findTags(grid: WorkbookGrid): SheetTags {
  const tags: SheetTags = new Map();
  for (let i = 0; i < grid.names.length; i++) {
    const n = grid.names[i];
    const t = tagOf(n.name);
    if (!t) continue;
    const sheets = n.scope !== undefined ? [n.scope] : refsOf(n.ref).map((r) => r.sheet);
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
export type NameIndex = Map<string, DefinedName[]>;
export function indexNames(names: DefinedName[]): NameIndex {
  const byName: NameIndex = new Map();
  for (let i = 0; i < names.length; i++) {
    const n = names[i];
    const k = n.name.toLowerCase();
    const list = byName.get(k);
    if (list) list.push(n);
    else byName.set(k, [n]);
  }
  return byName;
}

/**
 * The cell a field's defined name points at on this sheet (a sheet-scoped name first).
 * `key` is the name lower-cased, as NameIndex keys it (a form's keys are made once: this
 * runs for every field of every tagged sheet).
 */
export function namedCell(names: NameIndex, key: string, sheet: string): string | undefined {
  const candidates = names.get(key);
  if (!candidates) return undefined;
  return cellOnSheet(candidates, sheet, sheet) ?? cellOnSheet(candidates, sheet, undefined);
}

/** The first cell on `sheet` that a name of this scope (a sheet's, or undefined: the workbook's) points at. */
function cellOnSheet(candidates: readonly DefinedName[], sheet: string, scope: string | undefined): string | undefined {
  for (let i = 0; i < candidates.length; i++) {
    const n = candidates[i];
    if (n.scope !== scope) continue;
    const parts = refsOf(n.ref);
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k];
      if (p.cell && (p.sheet ?? n.scope) === sheet) return p.cell;
    }
  }
  return undefined;
}
