/**
 * Helpers for finding a form's labels and values in a SheetGrid: cell lookup
 * with merged areas, label matching tolerant of spaces, line breaks, full-width
 * characters and colons, and "label：value" inside one cell.
 */
import { cellAddress, parseRange, type RangeRef } from '../forms/address';
import { cellKey, MAX_COLS, type GridCell, type SheetGrid } from './types';
import { compactLabel, LABEL_MARKS, lineFeeds } from './text';

export class SheetIndex {
  private sortedKeys: number[] | undefined;
  private merges: RangeRef[] | undefined;
  private readonly mergeByTopLeft = new Map<number, RangeRef>();
  private readonly compactCache = new Map<number, string>();

  constructor(readonly sheet: SheetGrid) {}

  /**
   * Keys of non-empty cells in reading order (row by row, left to right). Made when first
   * asked, as are the merged areas: a sheet of our template is read by its defined names
   * and asks for neither.
   */
  get keys(): number[] {
    if (this.sortedKeys === undefined) {
      const keys = Array.from(this.sheet.cells.keys());
      // A reader adds cells in reading order (row by row, left to right): sorted only when not.
      if (!ascending(keys)) keys.sort((a, b) => a - b);
      this.sortedKeys = keys;
    }
    return this.sortedKeys;
  }

  get(row: number, col: number): GridCell | undefined {
    return this.sheet.cells.get(cellKey(row, col));
  }

  /** The merged area a cell belongs to, or the cell itself. */
  areaOf(row: number, col: number): RangeRef {
    const merges = this.merges ?? this.parseMerges();
    const tl = this.mergeByTopLeft.get(cellKey(row, col));
    if (tl) return tl;
    for (let i = 0; i < merges.length; i++) {
      const m = merges[i];
      if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
    }
    return { top: row, left: col, bottom: row, right: col };
  }

  private parseMerges(): RangeRef[] {
    const merges: RangeRef[] = [];
    for (const m of this.sheet.merges) {
      try {
        const r = parseRange(m);
        merges.push(r);
        this.mergeByTopLeft.set(cellKey(r.top, r.left), r);
      } catch {
        // a malformed merge reference is ignored, as Excel would repair it away
      }
    }
    return (this.merges = merges);
  }

  /** A cell's compact label form ('' for non-strings). */
  compact(row: number, col: number): string {
    const key = cellKey(row, col);
    let c = this.compactCache.get(key);
    if (c === undefined) {
      const v = this.sheet.cells.get(key)?.v;
      c = typeof v === 'string' ? compactLabel(v) : '';
      this.compactCache.set(key, c);
    }
    return c;
  }
}

function ascending(list: readonly number[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1] > list[i]) return false;
  return true;
}

export const rowOf = (key: number) => Math.floor(key / MAX_COLS);
export const colOf = (key: number) => key % MAX_COLS;
export const addressOfKey = (key: number) => cellAddress(rowOf(key), colOf(key));

/** A cell's value as text: strings as typed, numbers in their shortest form. */
export function textOf(cell: GridCell | undefined | null): string {
  if (!cell) return '';
  return typeof cell.v === 'string' ? cell.v : String(cell.v);
}

export function isEmptyCell(cell: GridCell | undefined | null): boolean {
  return !cell || (typeof cell.v === 'string' && cell.v.trim() === '');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What may stand between a label's characters in folded text: white space and the label marks (not a colon). */
const BETWEEN = `[\\s${LABEL_MARKS}]*`;

/** A stamp note inside a label, "申报单位（盖章）：": the label without it is the label. */
const STAMP_IN_LABEL = /(?:盖章|签章|公章)$/;
const STAMP_BEFORE_COLON = `(?:盖${BETWEEN}章|签${BETWEEN}章|公${BETWEEN}章)?${BETWEEN}`;

/** A candidate label → pattern matching it (in folded text) with ignorable characters (and a stamp note) between its characters, then a colon. */
function labelWithColon(compact: string): RegExp {
  return new RegExp([...compact].map(escapeRe).join(BETWEEN) + BETWEEN + STAMP_BEFORE_COLON + '\\s*:', 'g');
}

/** A short line that starts with a label of no field ("联系人：王芳　联系电话：…"): our labels may follow in it. */
const OTHER_LABEL_START = /^\s*\p{Script=Han}{2,8}\s*[:：︰﹕]/u;
const MAX_LINE_CHARS = 100;

/**
 * The text folded (NFKC, CRLF → LF) one character at a time, and for each folded
 * position the position in the text it came from: a label is found in the folded
 * text, its value is cut from the text as typed (full-width punctuation kept).
 */
function foldWithOrigins(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = ch === '\r' ? (text[i + 1] === '\n' ? '' : '\n') : ch.normalize('NFKC');
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

export interface LabelMatcher<K extends string> {
  /** The keys whose label is exactly this compact text. */
  exact(compact: string): K[] | undefined;
  /**
   * "label：value label2：value2" in one cell (starting with a label): each key's value.
   * Also "label\nvalue" (label alone on the first line). Undefined when the text does not start with a label.
   */
  inline(text: string): { keys: K[]; value: string }[] | undefined;
}

/** Enough of a cell's start to hold any label with the spaces clerks put in it. */
const HEAD_CHARS = 64;

export function labelMatcher<K extends string>(candidates: { key: K; labels: string[] }[]): LabelMatcher<K> {
  const byCompact = new Map<string, K[]>();
  for (const c of candidates) {
    for (const l of c.labels) {
      const k = compactLabel(l);
      if (!k) continue;
      const list = byCompact.get(k) ?? [];
      if (!list.includes(c.key)) list.push(c.key);
      byCompact.set(k, list);
    }
  }
  const patterns = [...byCompact.entries()].map(([compact, keys]) => ({ re: labelWithColon(compact), keys, len: compact.length }));
  const starts = [...byCompact.keys()];
  return {
    exact: (compact) => byCompact.get(compact) ?? (compact.endsWith('章') && STAMP_IN_LABEL.test(compact) ? byCompact.get(compact.replace(STAMP_IN_LABEL, '')) : undefined),
    inline(text) {
      // Only "label：value" or "label\nvalue" can hold a value, and only when it begins with a label: most cells are neither.
      if (!/[:：︰﹕\n\r]/.test(text)) return undefined;
      const head = compactLabel(text.slice(0, HEAD_CHARS));
      const otherFirst = !starts.some((k) => head.startsWith(k));
      if (otherFirst && (!OTHER_LABEL_START.test(text) || text.length > MAX_LINE_CHARS || /[\n\r]/.test(text.trim()))) return undefined;
      const typed = lineFeeds(text).trim();
      const { folded: s, origin } = foldWithOrigins(typed);
      if (!s) return undefined;
      const cut = (from: number, to: number) => typed.slice(origin[from], origin[to]).trim();
      const found: { start: number; end: number; keys: K[]; len: number }[] = [];
      for (const p of patterns) {
        p.re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = p.re.exec(s))) {
          found.push({ start: m.index, end: m.index + m[0].length, keys: p.keys, len: p.len });
          if (m[0].length === 0) p.re.lastIndex++;
        }
      }
      found.sort((a, b) => a.start - b.start || b.len - a.len);
      const chosen: typeof found = [];
      for (const f of found) if (!chosen.length || f.start >= chosen[chosen.length - 1].end) chosen.push(f);
      if (chosen.length && (chosen[0].start === 0 || otherFirst)) {
        return chosen.map((c, i) => ({ keys: c.keys, value: cut(c.end, i + 1 < chosen.length ? chosen[i + 1].start : s.length) }));
      }
      if (otherFirst) return undefined;
      // "市直工委意见\n同意。" — the label alone on the first line, the value below it in the same cell.
      const nl = s.indexOf('\n');
      if (nl > 0) {
        const keys = byCompact.get(compactLabel(s.slice(0, nl)));
        if (keys) return [{ keys, value: cut(nl + 1, s.length) }];
      }
      return undefined;
    },
  };
}
