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
 * A reference list's parts, each as parseNameRef reads it (read-only: shared). Remembered by
 * its text: a template's names point at the same sheets and cells in every file made from
 * it ("'附件2 五化建设申报表'!$B$3"), and each was split and read by regular expressions for
 * every field of every tagged sheet.
 */
function refsOf(ref: string): readonly NameRef[] {
  let parts = refMemo.get(ref);
  if (parts === undefined) {
    // Read from a fresh copy: the text given may be a slice of workbook.xml, which the key and the sheet names cut from it would keep alive.
    const own = fresh(ref);
    parts = splitRefs(own).map(parseNameRef);
    if (refMemo.size >= MEMO_MAX) refMemo.clear();
    refMemo.set(own, parts);
  }
  return parts;
}
const refMemo = new Map<string, readonly NameRef[]>();
const MEMO_MAX = 4096;

/** parseTagName, remembered by name: every file made from the template has the same dozen names. */
function tagOf(name: string): ReturnType<typeof parseTagName> {
  let tag = tagMemo.get(name);
  if (tag === undefined && !tagMemo.has(name)) {
    const own = fresh(name); // as in refsOf
    tag = parseTagName(own);
    if (tagMemo.size >= MEMO_MAX) tagMemo.clear();
    tagMemo.set(own, tag);
  }
  return tag;
}
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
