/** Defined names: our template's tag per sheet, and the cell each field's name points at. */
import { fieldName, parseTagName } from '../../forms';
import type { FieldId, FormId, FormSpec } from '../../forms/types';
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

/** A defined name that tags a sheet: its tag and the sheets it names. */
interface TagName {
  tag: NonNullable<ReturnType<typeof parseTagName>>;
  /** The sheet it is scoped to, else the sheets its reference names (undefined: a reference without a sheet). */
  sheets: readonly (string | undefined)[];
}

/**
 * What a workbook's defined names say, read once per distinct list: every file made from
 * one template carries the same names, and each file's tags, name index and named cells
 * were made again from them (names hashed, lower-cased and looked up for every field of
 * every tagged sheet). Holds fresh copies only (the names given may be slices of
 * workbook.xml, which a kept reference would keep alive).
 */
export class WorkbookNames {
  /** The names that tag a sheet, in workbook order. */
  readonly tagNames: readonly TagName[];
  private index: NameIndex | undefined;
  /** Each sheet's named cells, by form. */
  private readonly cells = new Map<string, Map<FormSpec, ReadonlyMap<FieldId, string>>>();

  constructor(readonly names: readonly DefinedName[]) {
    const tagNames: TagName[] = [];
    for (let i = 0; i < names.length; i++) {
      const n = names[i];
      const tag = tagOf(n.name);
      if (tag) tagNames.push({ tag, sheets: n.scope !== undefined ? [n.scope] : refsOf(n.ref).map((r) => r.sheet) });
    }
    this.tagNames = tagNames;
  }

  /** Each field's cell on `sheet` by its defined name (only the fields that have one). */
  namedCells(form: FormSpec, sheet: string): ReadonlyMap<FieldId, string> {
    let bySheet = this.cells.get(sheet);
    const known = bySheet?.get(form);
    if (known) return known;
    const index = (this.index ??= indexNames(this.names));
    const keys = nameKeysOf(form);
    const named = new Map<FieldId, string>();
    for (const f of form.fields) {
      const cell = namedCell(index, keys.get(f.id)!, sheet);
      if (cell) named.set(f.id, cell);
    }
    if (!bySheet) {
      // A list's tagged sheets are the ones its names name, but a name without a sheet tags whatever a one-sheet file calls its sheet.
      if (this.cells.size >= MEMO_MAX) this.cells.clear();
      this.cells.set(fresh(sheet), (bySheet = new Map()));
    }
    bySheet.set(form, named);
    return named;
  }
}

/** The last few distinct lists of names read, most recent first: a merge's files come from a few templates. */
const recentNames: WorkbookNames[] = [];
const RECENT_NAMES = 8;

function sameNames(a: readonly DefinedName[], b: readonly DefinedName[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.name !== y.name || x.ref !== y.ref || x.scope !== y.scope) return false;
  }
  return true;
}

/** The workbook's names as read before (compared name by name, no hashing), or read now. */
export function workbookNames(names: readonly DefinedName[]): WorkbookNames {
  for (let i = 0; i < recentNames.length; i++) {
    const known = recentNames[i];
    if (!sameNames(known.names, names)) continue;
    if (i > 0) {
      recentNames.splice(i, 1);
      recentNames.unshift(known);
    }
    return known;
  }
  const copies = names.map((n): DefinedName => (n.scope === undefined ? { name: fresh(n.name), ref: fresh(n.ref) } : { name: fresh(n.name), scope: fresh(n.scope), ref: fresh(n.ref) }));
  const read = new WorkbookNames(copies);
  recentNames.unshift(read);
  if (recentNames.length > RECENT_NAMES) recentNames.pop();
  return read;
}

/** The sheets our template tagged (WUHUA_<form>_v<n>), by sheet name. */
export function findTags(grid: WorkbookGrid, names: WorkbookNames): SheetTags {
  const tags: SheetTags = new Map();
  const tagNames = names.tagNames;
  for (let i = 0; i < tagNames.length; i++) {
    const tag = tagNames[i].tag;
    let sheets = tagNames[i].sheets;
    if (!sheets.length || sheets.every((s) => s === undefined)) {
      if (grid.sheets.length === 1) sheets = [grid.sheets[0].name];
    }
    for (let k = 0; k < sheets.length; k++) {
      const sheet = sheets[k];
      if (sheet !== undefined && !tags.has(sheet) && hasSheet(grid, sheet)) tags.set(sheet, tag);
    }
  }
  return tags;
}

function hasSheet(grid: WorkbookGrid, name: string): boolean {
  for (let i = 0; i < grid.sheets.length; i++) if (grid.sheets[i].name === name) return true;
  return false;
}

/** Each field's defined name as NameIndex keys it (lower case), by form: a form's names are fixed. */
const nameKeys = new Map<FormSpec, ReadonlyMap<FieldId, string>>();
function nameKeysOf(form: FormSpec): ReadonlyMap<FieldId, string> {
  let keys = nameKeys.get(form);
  if (!keys) nameKeys.set(form, (keys = new Map(form.fields.map((f) => [f.id, fieldName(form, f.id).toLowerCase()]))));
  return keys;
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
function indexNames(names: readonly DefinedName[]): NameIndex {
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
function namedCell(names: NameIndex, key: string, sheet: string): string | undefined {
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
