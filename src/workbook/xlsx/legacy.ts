/**
 * Legacy spreadsheets — Excel 97–2003 .xls (BIFF8, also what WPS's .et and older 政务
 * systems save) and OpenDocument .ods — read into the same WorkbookGrid as an .xlsx, so
 * extraction and rules run unchanged. Excel 5.0/95 .xls (BIFF5) keeps its text in the
 * file's code page (GBK for Chinese), which SheetJS decodes only with its code page
 * tables: its CommonJS build (Node: the command line) loads them itself, its ES module
 * build (webpack: the page and pane) does not, so there a BIFF5 file is refused with a
 * Chinese reason (save it as .xlsx) instead of being read as mojibake (hasCodePages).
 *
 * The parser is SheetJS (`@e965/xlsx` 0.20.3, see README "Why these libraries"). This
 * module is the only one that imports it, and nothing imports this module statically:
 * `readLegacyWorkbook` in ./intake loads it with import(), so webpack puts it in a chunk
 * of its own and Node requires it only when such a file appears.
 *
 * SheetJS never sees an untrusted container. For .xls we walk the compound file
 * ourselves (./cfb: bounded chains, no loops, no sector outside the file) and hand it
 * only the workbook stream; for .ods we inflate the four parts it reads through our own
 * zip reader (sizes and ratios checked on the bytes produced, as for .xlsx) and hand it a
 * fresh stored zip of those. Limits are checked before parsing; an encrypted file
 * (FILEPASS record, EncryptionInfo stream, ODF encryption-data) or a truncated one is
 * refused with a Chinese reason. Never throws.
 */
import * as XLSX from '@e965/xlsx';
import { zipSync } from 'fflate';
import { cellAddress } from '../../forms/address';
import { READER } from '../../i18n/reader';
import { cellKey, type DefinedName, type GridCell, type SheetGrid, type WorkbookGrid } from '../../model/types';
import { readCfb, type CfbError } from './cfb';
import { decodeEntities } from './xml';
import type { LegacyFormat } from './sniff';
import { DEFAULT_READ_LIMITS, isDateFormatCode, zipReason, type ReadLimits, type ReadResult } from './read';
import { InflateBudget, checkDeclared, inflateEntry, readCentralDirectory } from './zip';

/**
 * Limits beyond the .xlsx ones (ReadLimits: file size, inflated parts, ratio):
 * - maxStreamBytes 32 MB: the workbook stream of an .xls. A filled form is 6–20 KB;
 *   the largest .xls Excel can write holds 65,536 rows × 256 columns, and 32 MB is
 *   ~1.5 million cells. SheetJS parses ~20 MB/s here, so this bounds its time too.
 * - maxCells 2,000,000: cells kept from one file (the grid's memory).
 * - timeBudgetMs 20 s: checked between the steps we control (after parsing, while
 *   converting each sheet): a file that has taken longer is refused rather than
 *   holding up a merge of a thousand others. SheetJS's parse itself runs to its end;
 *   the byte limits above are what keep that short.
 */
export interface LegacyLimits extends ReadLimits {
  maxStreamBytes: number;
  maxCells: number;
  timeBudgetMs: number;
}

export const DEFAULT_LEGACY_LIMITS: LegacyLimits = {
  ...DEFAULT_READ_LIMITS,
  maxStreamBytes: 32 * 1024 * 1024,
  maxCells: 2_000_000,
  timeBudgetMs: 20_000,
};

const fail = (reason: string): ReadResult => ({ ok: false, reason });

export function readLegacy(bytes: Uint8Array, format: LegacyFormat, limits?: Partial<LegacyLimits>, now: () => number = Date.now, codePages?: boolean): ReadResult {
  const l = { ...DEFAULT_LEGACY_LIMITS, ...limits };
  const started = now();
  try {
    if (bytes.length > l.maxFileBytes) return fail(READER.fileTooLarge(bytes.length, l.maxFileBytes));
    const input = format === 'xls' ? xlsStream(bytes, l, codePages) : odsPackage(bytes, l);
    if (!input.ok) return input;
    const wb = quietly(() => XLSX.read(input.value, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellText: false,
      bookVBA: false,
      WTF: false,
    }));
    return toGrid(wb, l, () => now() - started > l.timeBudgetMs, input.hidden);
  } catch (e) {
    if (e instanceof TooMany) return fail(READER.tooManyCells(l.maxCells));
    if (e instanceof TooSlow) return fail(READER.tooSlow(l.timeBudgetMs));
    // SheetJS throws on what it cannot parse (a damaged record, an unknown variant).
    return fail(format === 'xls' ? READER.legacyCorrupt : READER.odsCorrupt);
  }
}

/** What SheetJS is given; `hidden`: sheets known hidden that it does not report itself (.ods). */
type Input = { ok: true; value: Uint8Array; hidden?: ReadonlySet<string> } | { ok: false; reason: string };

/** SheetJS reports oddities it works around on console.error ("ODS number format may be incorrect"): not for the user's terminal. */
function quietly<T>(f: () => T): T {
  const { error, warn, log } = console;
  console.error = console.warn = console.log = () => {};
  try {
    return f();
  } finally {
    Object.assign(console, { error, warn, log });
  }
}

// ---------------------------------------------------------------- .xls

function cfbReason(e: CfbError, limits: LegacyLimits): string {
  if (e.kind === 'truncated') return READER.legacyTruncated;
  if (e.kind === 'too-large') return READER.fileTooLarge(e.size, limits.maxStreamBytes);
  return READER.legacyCorrupt;
}

/**
 * Whether this SheetJS can decode a code page (GBK "你" from the bytes C4 E3): true where
 * its code page tables are loaded (Node's CommonJS build), false in the ES module build.
 */
export function hasCodePages(): boolean {
  if (codePagesKnown === undefined) {
    try {
      // A "binary" string of the two bytes, read as text in code page 936 (the ES module build also warns on the console: kept quiet).
      const wb = quietly(() => XLSX.read('\xc4\xe3\n', { type: 'binary', codepage: 936 }));
      const sheet = wb.Sheets[wb.SheetNames[0]] as unknown as Record<string, { v?: unknown }>;
      codePagesKnown = sheet?.A1?.v === '你';
    } catch {
      codePagesKnown = false;
    }
  }
  return codePagesKnown;
}
let codePagesKnown: boolean | undefined;

/** BIFF5/7 (Excel 5.0/95): the BOF record's version field is 0x0500 (BIFF8: 0x0600). */
const BIFF5_VERSION = 0x0500;

const BIFF_BOF = 0x0809;
const BIFF_EOF = 0x000a;
const BIFF_FILEPASS = 0x002f;

/** The workbook stream of a compound file, checked: bounded, complete, not encrypted. */
function xlsStream(bytes: Uint8Array, limits: LegacyLimits, codePages?: boolean): Input {
  const cfb = readCfb(bytes);
  if (!cfb.ok) return { ok: false, reason: cfbReason(cfb.error, limits) };
  const names = new Set(cfb.value.entries.map((e) => e.name.toLowerCase()));
  if (names.has('encryptioninfo')) return { ok: false, reason: READER.encrypted };
  const stream = cfb.value.stream('Workbook', limits.maxStreamBytes) ?? cfb.value.stream('Book', limits.maxStreamBytes);
  if (!stream) return { ok: false, reason: READER.legacyCorrupt };
  if (!stream.ok) return { ok: false, reason: cfbReason(stream.error, limits) };
  const s = stream.value;
  // The globals substream: BOF first; FILEPASS, if present, comes before the first EOF.
  if (s.length < 6 || (s[0] | (s[1] << 8)) !== BIFF_BOF) return { ok: false, reason: READER.legacyCorrupt };
  if ((s[4] | (s[5] << 8)) === BIFF5_VERSION && !(codePages ?? hasCodePages())) return { ok: false, reason: READER.biff5Unreadable };
  let o = 0;
  while (o + 4 <= s.length) {
    const type = s[o] | (s[o + 1] << 8);
    const len = s[o + 2] | (s[o + 3] << 8);
    if (type === BIFF_FILEPASS) return { ok: false, reason: READER.encrypted };
    if (o + 4 + len > s.length) return { ok: false, reason: READER.legacyTruncated };
    o += 4 + len;
    if (type === BIFF_EOF) return { ok: true, value: s };
  }
  return { ok: false, reason: READER.legacyTruncated };
}

// ---------------------------------------------------------------- .ods

const ODS_PARTS = ['mimetype', 'META-INF/manifest.xml', 'content.xml', 'styles.xml', 'settings.xml'];

/** The parts of an .ods SheetJS reads, inflated within the limits and repacked (stored) so it sees nothing else. */
function odsPackage(bytes: Uint8Array, limits: LegacyLimits): Input {
  const cd = readCentralDirectory(bytes, limits.maxEntries);
  if (!cd.ok) return { ok: false, reason: zipReason(cd.error, READER.odsCorrupt) };
  const budget = new InflateBudget(limits);
  const parts: Record<string, Uint8Array> = {};
  for (const name of ODS_PARTS) {
    const e = cd.value.get(name);
    if (!e) continue;
    const declared = checkDeclared(e, limits);
    if (declared) return { ok: false, reason: zipReason(declared, READER.odsCorrupt) };
    const r = inflateEntry(bytes, e, budget);
    if (!r.ok) return { ok: false, reason: zipReason(r.error, READER.odsCorrupt) };
    parts[name] = r.value;
  }
  const manifest = parts['META-INF/manifest.xml'];
  // An .ods saved with a password: its parts are encrypted, the manifest says so.
  if (manifest && new TextDecoder().decode(manifest).includes('encryption-data')) return { ok: false, reason: READER.encrypted };
  const content = parts['content.xml'];
  if (!content) return { ok: false, reason: READER.odsCorrupt };
  const text = new TextDecoder().decode(content);
  parts['content.xml'] = new TextEncoder().encode(odsContentForSheetJs(text));
  return { ok: true, value: zipSync(parts, { level: 0 }), hidden: odsHiddenTables(text) };
}

const TEXT_P = /(<text:p\b[^>]*>)([\s\S]*?)(<\/text:p>)/g;
const EMPTY_P = /<text:p\b[^>]*\/>/g;
const SPANNED_EMPTY_CELL = /<table:table-cell\b([^>]*?-spanned="[^>]*?)\/>/g;
const space = (n: number) => (n > 0 ? `<text:s text:c="${n}"/>` : '');
/** Stands for an empty paragraph while SheetJS parses (a private-use character), removed from every text after. */
const EMPTY_LINE = '\uE000';

/**
 * content.xml as LibreOffice means it, spelled so SheetJS reads it the same way:
 * - a run of spaces in a cell ("年   月   日", an indented （盖章）) is literal spaces in
 *   <text:p>, which LibreOffice reads back as typed and SheetJS folds to one (ODF 6.1.2):
 *   spelled <text:s text:c="n"/>, both read n spaces;
 * - an empty line (<text:p/>) SheetJS counts twice: it holds a placeholder while parsing;
 * - an empty merged cell (<table:table-cell table:number-columns-spanned="7"/>) loses its
 *   merge in SheetJS unless written with an end tag.
 */
export function odsContentForSheetJs(xml: string): string {
  return xml
    .replace(SPANNED_EMPTY_CELL, '<table:table-cell$1></table:table-cell>')
    .replace(EMPTY_P, `<text:p>${EMPTY_LINE}</text:p>`)
    .replace(TEXT_P, (_m, open: string, body: string, close: string) => {
      const parts = body.split(/(<[^>]*>)/);
      const last = parts.length - 1;
      const out = parts.map((t, i) => {
        if (i % 2 === 1 || t.indexOf(' ') < 0) return t;
        let s = t.replace(/ {2,}/g, (run) => ' ' + space(run.length - 1));
        if (i === 0) s = s.replace(/^ +/, (run) => space(run.length));
        if (i === last) s = s.replace(/ +$/, (run) => space(run.length));
        return s;
      });
      return open + out.join('') + close;
    });
}

/** Names of the tables of an .ods that are hidden (their table style says table:display="false"). */
export function odsHiddenTables(xml: string): Set<string> {
  const hiddenStyles = new Set<string>();
  for (const m of xml.matchAll(/<style:style\b([^>]*)>([\s\S]*?)<\/style:style>/g)) {
    if (!/style:family="table"/.test(m[1]) || !/table:display="false"/.test(m[2])) continue;
    const name = /style:name="([^"]*)"/.exec(m[1]);
    if (name) hiddenStyles.add(decodeEntities(name[1]));
  }
  const out = new Set<string>();
  if (hiddenStyles.size === 0) return out;
  for (const m of xml.matchAll(/<table:table\b([^>]*)>/g)) {
    const style = /table:style-name="([^"]*)"/.exec(m[1]);
    const name = /table:name="([^"]*)"/.exec(m[1]);
    if (style && name && hiddenStyles.has(decodeEntities(style[1]))) out.add(decodeEntities(name[1]));
  }
  return out;
}

// ---------------------------------------------------------------- to WorkbookGrid

/** Days since 1899-12-30 (or 1904-01-01), as Excel stores dates. */
function dateToSerial(d: Date, date1904: boolean): number {
  const serial = (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
  return date1904 ? serial - 1462 : serial;
}

function gridCell(c: XLSX.CellObject, date1904: boolean): GridCell | null {
  switch (c.t) {
    case 's': {
      let v = c.v === undefined || c.v === null ? '' : String(c.v);
      if (v.indexOf(EMPTY_LINE) >= 0) v = v.split(EMPTY_LINE).join('');
      return v === '' ? null : { v };
    }
    case 'n': {
      const n = Number(c.v);
      if (!Number.isFinite(n)) return null;
      // A number shown with a date format is a date cell, as in the .xlsx reader (same verdict, same cache).
      return typeof c.z === 'string' && isDateFormatCode(c.z) ? { v: n, date: true } : { v: n };
    }
    case 'b':
      return { v: Boolean(c.v) };
    case 'd': {
      const d = c.v instanceof Date ? c.v : new Date(String(c.v));
      return Number.isFinite(d.getTime()) ? { v: dateToSerial(d, date1904), date: true } : null;
    }
    default:
      return null; // 'e' (an error such as #DIV/0!) and 'z' (an empty styled cell) carry no value
  }
}

function toGrid(wb: XLSX.WorkBook, limits: LegacyLimits, overTime: () => boolean, hidden?: ReadonlySet<string>): ReadResult {
  if (overTime()) return fail(READER.tooSlow(limits.timeBudgetMs));
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const props = wb.Workbook?.Sheets ?? [];
  const sheets: SheetGrid[] = [];
  let total = 0;
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    if (!ws || (ws['!type'] && ws['!type'] !== 'sheet')) return; // chartsheets, dialog and macro sheets hold no cells
    const cells = new Map<number, GridCell>();
    let maxRow = 0;
    let maxCol = 0;
    const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c] ? gridCell(row[c]!, date1904) : null;
        if (!cell) continue;
        cells.set(cellKey(r + 1, c + 1), cell);
        if (r + 1 > maxRow) maxRow = r + 1;
        if (c + 1 > maxCol) maxCol = c + 1;
      }
      total += row.length;
      if (total > limits.maxCells) throw new TooMany();
      if ((r & 1023) === 1023 && overTime()) throw new TooSlow();
    }
    const merges: string[] = [];
    for (const m of ws['!merges'] ?? []) {
      if (m.s.r === m.e.r && m.s.c === m.e.c) continue;
      merges.push(`${cellAddress(m.s.r + 1, m.s.c + 1)}:${cellAddress(m.e.r + 1, m.e.c + 1)}`);
      if (m.e.r + 1 > maxRow) maxRow = m.e.r + 1;
      if (m.e.c + 1 > maxCol) maxCol = m.e.c + 1;
    }
    const sheet: SheetGrid = { name, cells, merges, maxRow, maxCol };
    if (props[i]?.Hidden || hidden?.has(name)) sheet.hidden = true;
    sheets.push(sheet);
  });
  if (sheets.length === 0) return fail(READER.noSheets);
  const names: DefinedName[] = (wb.Workbook?.Names ?? []).map((n) => {
    const scope = n.Sheet !== undefined ? wb.SheetNames[n.Sheet] : undefined;
    const ref = decodeEntities(n.Ref); // SheetJS leaves .ods names' &apos; as they are
    return scope !== undefined ? { name: n.Name, scope, ref } : { name: n.Name, ref };
  });
  const grid: WorkbookGrid = { sheets, names };
  if (date1904) grid.date1904 = true;
  return { ok: true, grid };
}

class TooMany extends Error {}
class TooSlow extends Error {}
