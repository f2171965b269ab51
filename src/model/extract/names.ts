/** Defined names: our template's tag per sheet, and the cell each field's name points at. */
import { parseTagName } from '../../forms';
import type { FormId } from '../../forms/types';
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

export type SheetTags = Map<string, { form: FormId; version: number }>;

/** The sheets our template tagged (WUHUA_<form>_v<n>), by sheet name. */
export function findTags(grid: WorkbookGrid): SheetTags {
  const tags: SheetTags = new Map();
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
export type NameIndex = Map<string, DefinedName[]>;
export function indexNames(names: DefinedName[]): NameIndex {
  const byName: NameIndex = new Map();
  for (const n of names) {
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
  for (const n of candidates) {
    if (n.scope !== scope) continue;
    for (const part of splitRefs(n.ref)) {
      const p = parseNameRef(part);
      if (p.cell && (p.sheet ?? n.scope) === sheet) return p.cell;
    }
  }
  return undefined;
}
