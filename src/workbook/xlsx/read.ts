/**
 * Reads any .xlsx into a WorkbookGrid — browser-safe (fflate + TextDecoder, no
 * node built-ins) and never throws: a file we cannot read is `{ ok: false, reason }`
 * with a Chinese reason that says what to do.
 *
 * Why our own reader rather than exceljs: the merge reads thousands of files and
 * must stay within a small factor of "unzip + scan the XML" (exceljs is 10–20×
 * slower), and we need to control inflation to refuse zip bombs before they cost
 * memory. The XML is scanned with regular expressions over the few elements that
 * carry values; no DOM is built.
 *
 * Legacy .xls/.et/.ods are not read here: they are recognised (by content, see
 * ./sniff) and answered with `legacy`, which intake hands to ./legacy, loaded only then.
 */
import { cellAddress } from '../../forms/address';
import { READER } from '../../i18n/reader';
import { isDateFormat } from '../../model/numberFormat';
import { fileBaseName } from '../../model/text';
import { cellKey, MAX_COLS, type DefinedName, type GridCell, type SheetGrid, type WorkbookGrid } from '../../model/types';
import { attr, decodeEntities, decodeText, eachElement, elements, Finder, indexIn, isWordChar, plainRuns, prefixedAttr, richText, runTexts, section, startTags, unprefixed } from './xml';
import { isCfb } from './cfb';
import { zipCodec } from './codec';
import { sniffCfb, sniffOther, sniffZip, type LegacyFormat } from './sniff';
import { checkDeclared, entryData, inflateData, inflateEntry, InflateBudget, inflatesInOneCall, looksLikeZip, readDirectory, takeInflated, type InflateLimits, type ZipDirectory, type ZipEntry, type ZipError } from './zip';

/**
 * Limits (all inflated sizes are enforced on the bytes actually produced, not only on
 * what the zip headers claim):
 * - maxFileBytes 100 MB: a filled form is ~10–30 KB; a photo-laden workbook stays far below.
 * - maxPartBytes 64 MB: one sheet's XML; ~500,000 filled cells.
 * - maxTotalBytes 256 MB: all parts read from one file together.
 * - maxRatio 200 for parts above 1 MB: real sheet XML compresses 5–30:1 (exceljs,
 *   Excel, LibreOffice; at most ~100:1 for a sheet of empty styled rows), a bomb 1000:1.
 * - maxEntries 10,000 parts in the central directory.
 */
export interface ReadLimits extends InflateLimits {
  maxFileBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  ratioMinBytes: 1024 * 1024,
  maxEntries: 10000,
};

/** `legacy`: the file is an .xls/.et or .ods, which ./legacy reads; `reason` is what a caller that takes only .xlsx says. */
export type ReadResult = { ok: true; grid: WorkbookGrid } | { ok: false; reason: string; legacy?: LegacyFormat };

const MAX_ROWS = 1048576;
const utf8 = new TextDecoder('utf-8');

export function readWorkbook(bytes: Uint8Array, fileName?: string, limits?: Partial<ReadLimits>): ReadResult {
  try {
    return read(bytes, fileName, { ...DEFAULT_READ_LIMITS, ...limits });
  } catch {
    // Every expected failure is handled below; this is the last guard for "never throws".
    return { ok: false, reason: READER.corrupt };
  }
}

/** Office/WPS lock files: "~$name.xlsx" (and WPS's ".~name.xlsx"). */
export function isLockFileName(fileName: string): boolean {
  const base = fileBaseName(fileName);
  return base.startsWith('~$') || /^\.~.+#?$/.test(base);
}

function fail(reason: string): ReadResult {
  return { ok: false, reason };
}

function read(bytes: Uint8Array, fileName: string | undefined, limits: ReadLimits): ReadResult {
  if (fileName && isLockFileName(fileName)) return fail(READER.lockFile);
  if (bytes.length === 0) return fail(READER.empty);
  if (bytes.length > limits.maxFileBytes) return fail(READER.fileTooLarge(bytes.length, limits.maxFileBytes));
  if (isCfb(bytes)) return { ok: false, ...sniffCfb(bytes, fileName) };
  const cd = readDirectory(bytes, limits.maxEntries);
  if (!cd.ok) {
    if (cd.error.kind === 'not-zip') return fail(looksLikeZip(bytes) ? READER.truncated : sniffOther(bytes, fileName));
    return fail(zipReason(cd.error));
  }
  return readZip(bytes, cd.value, limits, fileName);
}

/**
 * The Chinese reason for a zip the reader refused. `damaged`, when given, replaces the
 * generic not-a-zip / corrupt / unsupported-method wording (legacy.ts: "this .ods is damaged").
 */
export function zipReason(e: ZipError, damaged?: string): string {
  switch (e.kind) {
    case 'not-zip':
      return damaged ?? READER.notZip;
    case 'truncated':
      return READER.truncated;
    case 'corrupt':
      return damaged ?? READER.corrupt;
    case 'encrypted-entry':
      return READER.encryptedZip;
    case 'unsupported-method':
      return damaged ?? READER.unsupportedMethod;
    case 'too-large':
    case 'total-too-large':
      return READER.zipBomb(e.limit);
    case 'ratio':
      return READER.zipRatio(e.ratio, e.limit);
    case 'too-many-entries':
      return READER.tooManyEntries(e.count);
  }
}

// ---------------------------------------------------------------- package

interface Rel {
  id: string;
  type: string;
  target: string;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** Resolves a relationship target against the folder of its source part. */
function resolveTarget(baseDir: string, target: string): string {
  const raw = target.replace(/\\/g, '/');
  const joined = raw.startsWith('/') ? raw.slice(1) : baseDir + raw;
  // Nothing to resolve ("xl/" + "worksheets/sheet1.xml", as nearly every writer has it): no
  // "." or ".." segment, no empty one. The parts of every file are looked up this way.
  if (joined.indexOf('./') < 0 && joined.indexOf('//') < 0 && !joined.endsWith('.') && !joined.startsWith('/') && !joined.endsWith('/')) return joined;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function relsPathOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;
}

function parseRels(xml: string): Rel[] {
  return startTags(xml, 'Relationship')
    .map((a) => ({ id: attr(a, 'Id') ?? '', type: attr(a, 'Type') ?? '', target: attr(a, 'Target') ?? '', mode: attr(a, 'TargetMode') }))
    .filter((r) => r.mode !== 'External')
    .map(({ id, type, target }) => ({ id, type, target }));
}

/** As the package's root relationships were read: an empty part has none. */
const parseRelsText = (xml: string): Rel[] | undefined => (xml ? parseRels(xml) : undefined);
/** As styles were read: an empty part has no date styles. */
const parseDateStylesText = (xml: string): ReadonlySet<number> => (xml ? parseDateStyles(xml) : new Set<number>());
/** As shared strings were read: an empty part has none. */
const parseSharedStringsText = (xml: string): readonly string[] => (xml ? parseSharedStrings(xml) : []);

const typeIs = (r: Rel, suffix: string) => r.type.endsWith(`/${suffix}`);

/** The relationship with this id (the last, when several have it). */
function relById(rels: readonly Rel[], id: string): Rel | undefined {
  for (let i = rels.length - 1; i >= 0; i--) if (rels[i].id === id) return rels[i];
  return undefined;
}

class Package {
  readonly budget: InflateBudget;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: ZipDirectory,
    limits: InflateLimits,
  ) {
    this.budget = new InflateBudget(limits);
  }
  /**
   * Part names are case-insensitive in OPC; writers disagree on case. Most lookups hit the
   * exact name; on a miss (every file is asked for parts of other kinds it does not have:
   * mimetype, word/document.xml …), the last entry whose name matches ignoring case.
   */
  entry(name: string): ZipEntry | undefined {
    return this.entries.find(name.charCodeAt(0) === 47 /* / */ ? name.slice(1) : name, true);
  }
  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }
  /** An entry's stored bytes (declared sizes and local header checked). */
  stored(e: ZipEntry) {
    return entryData(this.bytes, e, this.budget.limits);
  }
  /** The part as text; undefined when absent. */
  text(name: string): { ok: true; text: string | undefined } | { ok: false; error: ZipError } {
    const e = this.entry(name);
    if (!e) return { ok: true, text: undefined };
    const r = inflateEntry(this.bytes, e, this.budget, true); // decoded at once
    if (!r.ok) return r;
    return { ok: true, text: utf8.decode(r.value) };
  }
  /**
   * A worksheet's text as parseSheet reads it: from its <sheetData> on (sheetDataStart), else
   * whole; byte-wise where the codec can (`asUtf8` then decodes the values parseSheet takes).
   */
  sheetText(name: string): { ok: true; text: string | undefined; asUtf8?: (raw: string) => string } | { ok: false; error: ZipError } {
    const e = this.entry(name);
    if (!e) return { ok: true, text: undefined };
    const r = inflateEntry(this.bytes, e, this.budget, true); // decoded at once
    if (!r.ok) return r;
    const from = sheetDataStart(r.value);
    const bytes = from > 0 ? r.value.subarray(from) : r.value;
    const bytewise = zipCodec().bytewise;
    return bytewise ? { ok: true, text: bytewise.text(bytes), asUtf8: bytewise.utf8 } : { ok: true, text: utf8.decode(bytes) };
  }
}

/**
 * Parsed package parts that repeat byte for byte across the files of a batch: the
 * relationship parts (every writer emits the same few), styles.xml (the same for files
 * made from one template by one writer), and workbook.xml and shared strings where
 * copies of one template keep them (the sheets, defined names and labels; a workbook
 * whose window was moved or whose typed text went to shared strings differs, and is
 * read as before: a miss costs a length or a byte compared with a few remembered parts
 * and one copy of the stored bytes, ≤ 16 KB). A part whose stored (compressed) bytes
 * equal a remembered one's is not inflated and parsed again: equal bytes inflate to
 * the same text, which parses to the same (read-only) value, and the inflated size
 * remembered is counted against the limits exactly as inflating would count it.
 * Worksheets differ from file to file and are always read.
 */
type MemoKind = 'rels' | 'styles' | 'workbook' | 'sst';
interface Memo {
  stored: Uint8Array;
  method: number;
  inflated: number;
  value: unknown;
}
const MEMO_MAX_STORED = 16 * 1024;
const MEMO_PER_KIND = 8;
const memos: Record<MemoKind, Memo[]> = { rels: [], styles: [], workbook: [], sst: [] };

/** Whether a and b hold the same bytes: the codec's native compare when it has one (~7× fewer instructions a byte than this loop). */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  const n = a.length;
  if (n !== b.length) return false;
  const equal = zipCodec().equal;
  if (equal) return equal(a, b);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A part parsed by `parse` (a pure function of its text), through the memo; undefined when absent. */
function parsedPart<T>(pkg: Package, name: string, kind: MemoKind, parse: (text: string) => T): { ok: true; value: T | undefined } | { ok: false; error: ZipError } {
  const e = pkg.entry(name);
  if (!e) return { ok: true, value: undefined };
  const stored = pkg.stored(e);
  if (!stored.ok) return stored;
  const memoable = stored.value.length <= MEMO_MAX_STORED && inflatesInOneCall(e, pkg.budget);
  if (memoable) {
    const list = memos[kind];
    for (let i = 0; i < list.length; i++) {
      const m = list[i];
      if (m.method !== e.method || !sameBytes(m.stored, stored.value)) continue;
      const over = takeInflated(e, m.inflated, pkg.budget);
      if (over) return { ok: false, error: over };
      return { ok: true, value: m.value as T };
    }
  }
  const out = inflateData(stored.value, e, pkg.budget, true); // decoded at once
  if (!out.ok) return out;
  const value = parse(utf8.decode(out.value));
  if (memoable) {
    const list = memos[kind];
    if (list.length >= MEMO_PER_KIND) list.shift();
    // A copy (a Buffer's slice() is a view): the file's bytes may be in a buffer read into again.
    list.push({ stored: new Uint8Array(stored.value), method: e.method, inflated: out.value.length, value });
  }
  return { ok: true, value };
}

const asIs = (s: string) => s;

function readZip(bytes: Uint8Array, entries: ZipDirectory, limits: ReadLimits, fileName?: string): ReadResult {
  const pkg = new Package(bytes, entries, limits);

  /** An .ods, a Word or PowerPoint file, an OFD …, by its entries: what it is, or null for a workbook. */
  const other = () => {
    const m = pkg.has('mimetype') ? pkg.text('mimetype') : undefined;
    const sniffed = sniffZip((n) => pkg.has(n), m?.ok ? m.text : undefined, fileName);
    return sniffed && { ok: false as const, ...sniffed };
  };
  const notWorkbook = other();
  if (notWorkbook) return notWorkbook;

  const rootRels = parsedPart(pkg, '_rels/.rels', 'rels', parseRelsText);
  if (!rootRels.ok) return fail(zipReason(rootRels.error));
  const office = rootRels.value ? rootRels.value.find((r) => typeIs(r, 'officeDocument')) : undefined;
  const wbPath = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  if (!pkg.has(wbPath) || !wbPath.toLowerCase().endsWith('.xml')) {
    if (pkg.has('xl/workbook.bin') || wbPath.toLowerCase().endsWith('.bin')) return fail(READER.xlsb);
    return fail(READER.notWorkbook);
  }

  const wbPart = parsedPart(pkg, wbPath, 'workbook', parseWorkbookXml);
  if (!wbPart.ok) return fail(zipReason(wbPart.error));
  const wbRels = parsedPart(pkg, relsPathOf(wbPath), 'rels', parseRels);
  if (!wbRels.ok) return fail(zipReason(wbRels.error));
  const wb = wbPart.value ?? parseWorkbookXml('');
  const rels = wbRels.value ?? [];
  const wbDir = dirOf(wbPath);

  const sstRel = rels.find((r) => typeIs(r, 'sharedStrings'));
  const stylesRel = rels.find((r) => typeIs(r, 'styles'));
  const sstPath = sstRel ? resolveTarget(wbDir, sstRel.target) : `${wbDir}sharedStrings.xml`;
  const stylesPath = stylesRel ? resolveTarget(wbDir, stylesRel.target) : `${wbDir}styles.xml`;

  const sheetParts: { name: string; path: string; hidden: boolean }[] = [];
  // Indexed loops, here and below: an iterator's results were objects made for each step (V8 inlines no calls here: bin/wuhua).
  for (let i = 0; i < wb.sheets.length; i++) {
    const s = wb.sheets[i];
    const rel = s.rid ? relById(rels, s.rid) : undefined;
    if (!rel || !typeIs(rel, 'worksheet')) continue; // chartsheets, dialog and macro sheets hold no cells
    const path = resolveTarget(wbDir, rel.target);
    // state="hidden" (Format ▸ Hide) or "veryHidden" (only VBA shows it again): read, and marked.
    if (pkg.has(path)) sheetParts.push({ name: s.name, path, hidden: s.state === 'hidden' || s.state === 'veryHidden' });
  }
  if (sheetParts.length === 0) return fail(READER.noSheets);

  // Refuse on declared sizes before inflating any of the big parts.
  let declaredTotal = pkg.budget.used;
  for (let i = -2; i < sheetParts.length; i++) {
    const e = pkg.entry(i === -2 ? sstPath : i === -1 ? stylesPath : sheetParts[i].path);
    if (!e) continue;
    const err = checkDeclared(e, limits);
    if (err) return fail(zipReason(err));
    declaredTotal += e.uncompressedSize;
  }
  if (declaredTotal > limits.maxTotalBytes) return fail(READER.zipBomb(limits.maxTotalBytes));

  const sstPart = parsedPart(pkg, sstPath, 'sst', parseSharedStringsText);
  if (!sstPart.ok) return fail(zipReason(sstPart.error));
  const styles = parsedPart(pkg, stylesPath, 'styles', parseDateStylesText);
  if (!styles.ok) return fail(zipReason(styles.error));
  const sst = sstPart.value ?? [];
  const dateStyles = styles.value ?? new Set<number>();

  const sheets: SheetGrid[] = [];
  for (let i = 0; i < sheetParts.length; i++) {
    const part = sheetParts[i];
    const t = pkg.sheetText(part.path);
    if (!t.ok) return fail(zipReason(t.error));
    const sheet = parseSheet(t.text ?? '', part.name, sst, dateStyles, wb.date1904, t.asUtf8);
    if (part.hidden) sheet.hidden = true;
    sheets.push(sheet);
  }

  const names: DefinedName[] = wb.names.map((n) => {
    const scope = n.localSheetId !== undefined ? wb.sheets[n.localSheetId]?.name : undefined;
    return scope !== undefined ? { name: n.name, scope, ref: n.ref } : { name: n.name, ref: n.ref };
  });
  const grid: WorkbookGrid = { sheets, names };
  if (wb.date1904) grid.date1904 = true;
  return { ok: true, grid };
}

// ---------------------------------------------------------------- workbook.xml

interface WorkbookXml {
  sheets: { name: string; rid?: string; state?: string }[];
  names: { name: string; localSheetId?: number; ref: string }[];
  date1904: boolean;
}

export function parseWorkbookXml(xml: string): WorkbookXml {
  const sheets = startTags(section(xml, 'sheets'), 'sheet').map((a) => ({
    name: attr(a, 'name') ?? '',
    rid: prefixedAttr(a, 'id'),
    state: attr(a, 'state'),
  }));
  const names = elements(section(xml, 'definedNames'), 'definedName').map((d) => {
    const local = attr(d.attrs, 'localSheetId');
    const n = local !== undefined && /^\d+$/.test(local) ? Number(local) : undefined;
    return { name: attr(d.attrs, 'name') ?? '', localSheetId: n, ref: decodeEntities(d.inner).trim() };
  });
  const pr = startTags(xml, 'workbookPr')[0];
  const d = pr ? attr(pr, 'date1904') : undefined;
  return { sheets, names, date1904: d === '1' || d === 'true' };
}

// ---------------------------------------------------------------- sharedStrings / styles

export function parseSharedStrings(xml: string): string[] {
  if (!unprefixed(xml, 'si') || !plainRuns(xml)) return sharedStringsByRegex(xml);
  // No prefixed <x:si>, no phonetic runs, no prefixed <x:t>: each item's text is read in
  // place (the regular expression's match arrays and an item's slice were most of what
  // reading shared strings allocated). The same items as SI's matches, in order.
  const out: string[] = [];
  const find = new Finder(xml);
  eachElement(xml, 'si', (_a, _b, from, to) => {
    out.push(to > from ? decodeText(runTexts(xml, from, to, find)) : '');
  });
  return out;
}

const SI = /<(?:[A-Za-z_][\w.-]*:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?si>)/g;

/** parseSharedStrings by its regular expression: for parts with prefixed elements or phonetic runs. */
export function sharedStringsByRegex(xml: string): string[] {
  const out: string[] = [];
  SI.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SI.exec(xml))) out.push(m[1] ? richText(m[1]) : '');
  return out;
}

/** Built-in number formats that show a date or time (incl. the CJK-locale ids 27–36, 50–58). */
function isBuiltinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A custom format's verdict (isDateFormat), remembered: format codes repeat across files (each writer has its few). */
export function isDateFormatCode(code: string): boolean {
  let known = dateCodeCache.get(code);
  if (known === undefined) {
    known = isDateFormat(code);
    if (dateCodeCache.size >= 1024) dateCodeCache.clear();
    dateCodeCache.set(code, known);
  }
  return known;
}
const dateCodeCache = new Map<string, boolean>();

/** Indexes of cellXfs whose number format shows a date. */
export function parseDateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const a of startTags(section(xml, 'numFmts'), 'numFmt')) {
    const id = Number(attr(a, 'numFmtId'));
    if (Number.isFinite(id)) custom.set(id, attr(a, 'formatCode') ?? '');
  }
  const out = new Set<number>();
  startTags(section(xml, 'cellXfs'), 'xf').forEach((a, i) => {
    const id = Number(attr(a, 'numFmtId') ?? '0');
    const code = custom.get(id);
    if (code !== undefined ? isDateFormatCode(code) : isBuiltinDate(id)) out.add(i);
  });
  return out;
}

// ---------------------------------------------------------------- worksheets

const SHEET_DATA = /<(?:[A-Za-z_][\w.-]*:)?sheetData\b[^>]*?(\/?)>/;

/** [A-Za-z_] */
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;

/**
 * Where, in a worksheet's UTF-8 bytes, SHEET_DATA's first match in their text starts, when
 * it is a start tag that is not self-closed ("<sheetData>", "<x:sheetData …>"); 0 otherwise.
 * parseSheet reads nothing before that match then (it reads the rest of the text from there
 * on, and its tail, where merged cells are, after it), so the text before need not be
 * decoded: the namespaces, sheet views and columns, ~15 % of a worksheet, as two bytes a
 * character once any cell holds Chinese. The pattern is ASCII, and a UTF-8 character never
 * holds an ASCII byte, so it matches the bytes as it matches the text, and the text decoded
 * from its "<" on is the rest of the whole text.
 */
export function sheetDataStart(b: Uint8Array): number {
  // "sheetData" found by its D, a byte rare before it.
  for (let d = b.indexOf(68 /* D */, 5); d >= 0; d = b.indexOf(68, d + 1)) {
    if (b[d - 5] !== 115 || b[d - 4] !== 104 || b[d - 3] !== 101 || b[d - 2] !== 101 || b[d - 1] !== 116) continue; // "sheet"
    if (b[d + 1] !== 97 || b[d + 2] !== 116 || b[d + 3] !== 97) continue; // "ata"
    const nameEnd = d + 4;
    if (nameEnd < b.length && isWordChar(b[nameEnd])) continue; // the regex's \b
    let lt = d - 6;
    if (b[lt] === 58 /* : */) {
      // A prefix: the name characters back to its "<", the first a letter or "_".
      let i = lt - 1;
      while (i >= 0 && isNameChar(b[i])) i--;
      if (i < 0 || !isNameStart(b[i + 1])) continue; // (b[lt] itself when there is none)
      lt = i;
    }
    if (lt < 0 || b[lt] !== 60 /* < */) continue;
    const gt = b.indexOf(62 /* > */, nameEnd);
    if (gt < 0) return 0; // no tag ends: the pattern matches nowhere
    return b[gt - 1] === 47 /* / */ ? 0 : lt; // self-closed: parseSheet reads the whole text
  }
  return 0;
}
const SHEET_DATA_END = /<\/(?:[A-Za-z_][\w.-]*:)?sheetData>/g;

/** [\w.-] */
const isNameChar = (c: number) => isWordChar(c) || c === 46 || c === 45;

/** The start tag nextCellOrRow found. */
export interface Tag {
  row: boolean;
  /** Its attribute text is s[attrsFrom, attrsTo) (not cut out: most of it is never read). */
  attrsFrom: number;
  attrsTo: number;
  selfClosing: boolean;
  /** Index just past its ">". */
  end: number;
}

/** 1 for "row", 2 for "c" at `at` when a non-word character follows; 0 otherwise. */
function rowOrCell(s: string, at: number): number {
  if (s.charCodeAt(at) === 99 /* c */) return isWordChar(s.charCodeAt(at + 1)) ? 0 : 2;
  return s.startsWith('row', at) && !isWordChar(s.charCodeAt(at + 3)) ? 1 : 0;
}

/**
 * The next <row …> or <c …> start tag (a namespace prefix allowed) from `from`, into
 * `tag`; false when there is none. The regular expression
 * /<(?:[A-Za-z_][\w.-]*:)?(row|c)\b([^>]*?)(\/?)>/g, matched by hand: it ran for every
 * row and cell of every sheet, and its match arrays were a sixth of what intake allocated.
 */
export function nextCellOrRow(s: string, from: number, tag: Tag): boolean {
  for (let lt = s.indexOf('<', from); lt >= 0; lt = s.indexOf('<', lt + 1)) {
    const i = lt + 1;
    let kind = 0;
    let nameEnd = 0;
    const c0 = s.charCodeAt(i);
    if ((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || c0 === 95) {
      // With a prefix: the name characters run up to its ":".
      let j = i + 1;
      while (isNameChar(s.charCodeAt(j))) j++;
      if (s.charCodeAt(j) === 58 /* : */) {
        kind = rowOrCell(s, j + 1);
        nameEnd = j + 1 + (kind === 1 ? 3 : 1);
      }
    }
    if (kind === 0) {
      kind = rowOrCell(s, i);
      nameEnd = i + (kind === 1 ? 3 : 1);
    }
    if (kind === 0) continue;
    const gt = s.indexOf('>', nameEnd);
    if (gt < 0) return false;
    tag.row = kind === 1;
    tag.selfClosing = gt > nameEnd && s.charCodeAt(gt - 1) === 47; /* / */
    tag.attrsFrom = nameEnd;
    tag.attrsTo = tag.selfClosing ? gt - 1 : gt;
    tag.end = gt + 1;
    return true;
  }
  return false;
}
const CELL_END = /<\/(?:[A-Za-z_][\w.-]*:)?c>/g;
const V = /<(?:[A-Za-z_][\w.-]*:)?v(?:\s[^>]*?)?>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?v>/;
const IS = /<(?:[A-Za-z_][\w.-]*:)?is\b[^>]*?>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?is>/;
const RANGE = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/;

interface CellRef {
  row: number;
  col: number;
}

/** "AB12" in s[from, to) → `out` (row and column); false when it is not a cell reference. */
function parseRef(s: string, from: number, to: number, out: CellRef): boolean {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const c = s.charCodeAt(i) | 0x20; // lower-case letters
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === from || i === to) return false;
  let row = 0;
  for (; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  out.row = row;
  out.col = col;
  return true;
}

/** One end of a merged range, RANGE's letters and digits ("AB", "12"), read as parseRef reads "AB12". */
function rangeEnd(letters: string, digits: string, out: CellRef): void {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  let row = 0;
  for (let i = 0; i < digits.length; i++) row = row * 10 + (digits.charCodeAt(i) - 48);
  out.row = row;
  out.col = col;
}

/** Where an attribute's value is: s[from, to). */
export interface Span {
  from: number;
  to: number;
}

/**
 * Attribute `name` of the attribute text s[from, to) (a start tag's, as nextCellOrRow
 * gives it): true with its value's place in `value`, entities not decoded. Matched as
 * xml.ts's attr() matches it, but nothing is cut out of the sheet: parseSheet reads a
 * cell's r, t and s in place, for every cell of every sheet.
 */
export function findAttr(s: string, from: number, to: number, name: string, value: Span, find?: Finder): boolean {
  for (let i = indexIn(s, name, from, to, find); i >= 0; i = indexIn(s, name, i + name.length, to, find)) {
    const before = i === from ? 32 : s.charCodeAt(i - 1);
    let j = i + name.length;
    while (j < to && s.charCodeAt(j) === 32) j++;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && j < to && s.charCodeAt(j) === 61 /* = */) {
      j++;
      while (j < to && s.charCodeAt(j) === 32) j++;
      const q = j < to ? s.charCodeAt(j) : 0;
      if (q === 34 || q === 39 /* " ' */) {
        const end = indexIn(s, q === 34 ? '"' : "'", j + 1, to, find);
        if (end < 0) return false;
        value.from = j + 1;
        value.to = end;
        return true;
      }
    }
  }
  return false;
}

/** The value at `v` as attr() gives it: entities decoded. */
const spanText = (s: string, v: Span) => decodeEntities(s.slice(v.from, v.to));

/** The digits s[from, to) as a number; -1 when empty, longer than 9 digits or not all digits (the caller then reads the text). */
function digitsIn(s: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Whether the cell's style (its s, an index of cellXfs) shows a date. */
function isDateStyled(s: string, attrsFrom: number, attrsTo: number, value: Span, dateStyles: ReadonlySet<number>, find: Finder): boolean {
  if (!findAttr(s, attrsFrom, attrsTo, 's', value, find)) return false;
  const n = digitsIn(s, value.from, value.to);
  return dateStyles.has(n >= 0 ? n : Number(spanText(s, value)));
}

/** A cell's t as attr() gives it; the usual values without a string made for each cell. */
function cellType(s: string, v: Span): string {
  const len = v.to - v.from;
  if (len === 1) {
    const c = s.charCodeAt(v.from);
    if (c === 115) return 's';
    if (c === 110) return 'n';
    if (c === 98) return 'b';
    if (c === 100) return 'd';
    if (c === 101) return 'e';
  } else if (len === 3 && s.startsWith('str', v.from)) return 'str';
  else if (len === 9 && s.startsWith('inlineStr', v.from)) return 'inlineStr';
  return spanText(s, v);
}

function isoToSerial(s: string, date1904: boolean): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(s.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0) + Number(m[6] ?? 0) * 1000;
  const serial = (ms - Date.UTC(1899, 11, 30)) / 86400000;
  return date1904 ? serial - 1462 : serial;
}

/**
 * `asUtf8`: given when `xml` is the sheet's bytes one character each (ZipCodec.bytewise):
 * the markup is ASCII and read as it is; each value taken is decoded as UTF-8 first, before
 * its entities (an entity's character is not a byte) and any trim (a NBSP is two bytes).
 */
export function parseSheet(xml: string, name: string, sst: readonly string[], dateStyles: ReadonlySet<number>, date1904 = false, asUtf8: (raw: string) => string = asIs): SheetGrid {
  const cells = new Map<number, GridCell>();
  let maxRow = 0;
  let maxCol = 0;
  const sd = SHEET_DATA.exec(xml);
  let tail = xml;
  if (sd && sd[1] !== '/') {
    const bodyStart = sd.index + sd[0].length;
    // The first closing tag, prefixed or not: a plain search when no prefixed one follows.
    let bodyEnd = xml.indexOf(':sheetData>', bodyStart) < 0 ? xml.indexOf('</sheetData>', bodyStart) : -1;
    if (bodyEnd < 0) {
      SHEET_DATA_END.lastIndex = bodyStart;
      const endMatch = SHEET_DATA_END.exec(xml);
      bodyEnd = endMatch ? endMatch.index : xml.length;
    }
    const body = xml.slice(bodyStart, bodyEnd);
    tail = xml.slice(bodyEnd);

    // No "x:c>" or "x:v>" anywhere (true of every writer but a few): end tags are searched as plain text.
    const plainTags = body.indexOf(':c>') < 0 && body.indexOf(':v>') < 0;
    // No prefixed <x:is>, <x:t> and no phonetic runs: an inline string's text is read in place.
    const plainInline = plainTags && body.indexOf(':is>') < 0 && plainRuns(body);
    const find = new Finder(body); // every search below moves forward through the body
    let row = 0;
    let col = 0;
    // Reused for every cell: a cell's attributes and reference are read in place, nothing is cut out for them.
    const tag: Tag = { row: false, attrsFrom: 0, attrsTo: 0, selfClosing: false, end: 0 };
    const value: Span = { from: 0, to: 0 };
    const ref: CellRef = { row: 0, col: 0 };
    let at = 0;
    while (nextCellOrRow(body, at, tag)) {
      at = tag.end;
      const { attrsFrom, attrsTo } = tag;
      if (tag.row) {
        const digits = findAttr(body, attrsFrom, attrsTo, 'r', value, find) ? digitsIn(body, value.from, value.to) : -1;
        if (digits >= 0) row = digits;
        else {
          const r = findAttr(body, attrsFrom, attrsTo, 'r', value, find) ? spanText(body, value) : undefined;
          row = r !== undefined && /^\d+$/.test(r) ? Number(r) : row + 1;
        }
        col = 0;
        continue;
      }
      // a cell
      let hasRef = false;
      if (findAttr(body, attrsFrom, attrsTo, 'r', value, find)) {
        if (indexIn(body, '&', value.from, value.to, find) < 0) hasRef = parseRef(body, value.from, value.to, ref);
        else {
          const r = spanText(body, value); // a reference written with entities: read decoded, as any attribute
          hasRef = parseRef(r, 0, r.length, ref);
        }
      }
      if (hasRef) {
        row = ref.row;
        col = ref.col;
      } else {
        if (row === 0) row = 1;
        col++;
      }
      const cellRow = row;
      // The cell's content is body[innerFrom, innerTo).
      let innerFrom = at;
      let innerTo = at;
      if (!tag.selfClosing) {
        // Without prefixed tags the first end tag is a plain "</c>": found without the regex.
        const plain = plainTags ? body.indexOf('</c>', at) : -1;
        if (plain >= 0) {
          innerTo = plain;
          at = plain + 4;
        } else {
          CELL_END.lastIndex = at;
          const end = CELL_END.exec(body);
          innerTo = end ? end.index : body.length;
          at = end ? end.index + end[0].length : body.length;
        }
      }
      if (innerFrom === innerTo || cellRow < 1 || cellRow > MAX_ROWS || col < 1 || col > MAX_COLS) continue;
      const t = findAttr(body, attrsFrom, attrsTo, 't', value, find) ? cellType(body, value) : 'n';
      let cell: GridCell | null = null;
      if (t === 'inlineStr') {
        // "<is>…</is>" first in the cell (the usual case): its runs read in place, else by the regex.
        const isEnd = plainInline && body.startsWith('<is>', innerFrom) ? indexIn(body, '</is>', innerFrom + 4, innerTo, find) : -1;
        let text: string;
        if (isEnd >= 0) text = decodeText(asUtf8(runTexts(body, innerFrom + 4, isEnd, find)));
        else {
          const is = IS.exec(body.slice(innerFrom, innerTo));
          text = is ? richText(asUtf8(is[1])) : '';
        }
        if (text !== '') cell = { v: text };
      } else {
        // "<v>…</v>" first in the cell (the usual case): found in place, else by the regex.
        // Either way the value's text is src[vFrom, vTo).
        const vEnd = plainTags && body.startsWith('<v>', innerFrom) ? indexIn(body, '</v>', innerFrom + 3, innerTo, find) : -1;
        let src = body;
        let vFrom = innerFrom + 3;
        let vTo = vEnd;
        if (vEnd < 0) {
          const vm = V.exec(body.slice(innerFrom, innerTo));
          if (!vm) continue;
          src = vm[1];
          vFrom = 0;
          vTo = src.length;
        }
        if (t === 's') {
          // A shared string's index: its digits read in place (any other text as Number reads it).
          const n = digitsIn(src, vFrom, vTo);
          const text = sst[n >= 0 ? n : Number(asUtf8(src.slice(vFrom, vTo)))];
          if (text) cell = { v: text };
        } else {
          const v = asUtf8(src.slice(vFrom, vTo));
          if (t === 'str') {
            const text = decodeText(v);
            if (text !== '') cell = { v: text };
          } else if (t === 'b') {
            cell = { v: v.trim() === '1' || v.trim() === 'true' };
          } else if (t === 'd') {
            const serial = isoToSerial(decodeEntities(v), date1904);
            if (serial !== null) cell = { v: serial, date: true };
          } else if (t === 'n') {
            const trimmed = v.trim();
            const n = trimmed === '' ? NaN : Number(trimmed);
            if (Number.isFinite(n)) cell = isDateStyled(body, attrsFrom, attrsTo, value, dateStyles, find) ? { v: n, date: true } : { v: n };
          }
        }
        // t="e" (an error such as #DIV/0!) carries no value a form could use.
      }
      if (!cell) continue;
      cells.set(cellKey(cellRow, col), cell);
      if (cellRow > maxRow) maxRow = cellRow;
      if (col > maxCol) maxCol = col;
    }
  }

  const merges: string[] = [];
  const a1: CellRef = { row: 0, col: 0 };
  const b1: CellRef = { row: 0, col: 0 };
  for (const a of startTags(section(tail, 'mergeCells'), 'mergeCell')) {
    const ref = attr(asUtf8(a), 'ref');
    const rm = ref ? RANGE.exec(ref.trim()) : null;
    if (!rm) continue;
    rangeEnd(rm[1], rm[2], a1);
    if (rm[3]) rangeEnd(rm[3], rm[4], b1);
    else (b1.row = a1.row), (b1.col = a1.col);
    const top = Math.min(a1.row, b1.row);
    const bottom = Math.max(a1.row, b1.row);
    const left = Math.min(a1.col, b1.col);
    const right = Math.max(a1.col, b1.col);
    if (top < 1 || left < 1 || bottom > MAX_ROWS || right > MAX_COLS) continue;
    if (top === bottom && left === right) continue;
    merges.push(`${cellAddress(top, left)}:${cellAddress(bottom, right)}`);
    if (bottom > maxRow) maxRow = bottom;
    if (right > maxCol) maxCol = right;
  }
  return { name, cells, merges, maxRow, maxCol };
}
