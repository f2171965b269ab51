/**
 * A streaming .xlsx writer for plain tables (the summary): SpreadsheetML written row by
 * row straight into a deflating zip, so a sheet of a hundred thousand rows never sits
 * whole in memory, and no exceljs is loaded to write it. Browser-safe (no node built-ins).
 *
 * It writes what the summary needs and nothing more: styled cells (font, solid fill,
 * thin border, alignment, number format), column widths, row heights, a frozen header,
 * an autofilter, A4 print setup with print titles, header and footer. Text is always an
 * inline string (t="inlineStr"), never a formula. Entries are dated `created`, so the
 * same tables give the same bytes (with the same codec: ./codec; the command line deflates
 * with Node's zlib, the browser with fflate, so their bytes differ, their parts do not).
 */
import { Zip } from 'fflate';
import { zipCodec, type DeflatingEntry } from './codec';
import { charCodeAt } from '../../model/text';
import { NORMAL_FONT } from './normalFont';

export type XValue = string | number | Date | null;

/** A cell's look. Objects equal in content share one style record. */
export interface XStyle {
  font: { name: string; size: number; bold?: boolean };
  /** Solid fill, ARGB ("FFD9E1F2"). */
  fill?: string;
  /** Thin border on all four sides in this ARGB colour. */
  border?: string;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** A number format code ("0%", 'yyyy"年"m"月"d"日"'). */
  numFmt?: string;
}

export interface XPage {
  paperSize: number;
  orientation: 'portrait' | 'landscape';
  fitToWidth: number;
  /** 0: as many pages down as needed. */
  fitToHeight: number;
  horizontalCentered?: boolean;
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export interface XSheet {
  name: string;
  /** Column widths in characters, from column A. */
  widths: readonly number[];
  /** Rows frozen at the top (and repeated on every printed page). */
  headerRows: number;
  /** Rows under the autofilter, header included (from row 1); 0 for none. */
  filterRows: number;
  /** The printed range ("A1:M70"); the whole sheet when absent. */
  printArea?: string;
  /** Data bars (conditional formatting): over `ref` ("M2:M48"), a bar from `min` (none) to `max` (full), in ARGB `color`. */
  dataBars?: readonly XDataBar[];
  page: XPage;
  /** Header and footer codes (&C…), as Excel stores them. */
  header?: string;
  footer?: string;
}

/**
 * A data bar in the ECMA-376 form (18.3.1.28 dataBar), without the Excel 2010 extension:
 * that one is tied to its rule by a GUID, which would change the bytes from run to run.
 * Excel and LibreOffice draw it (a gradient bar, its length in proportion between min and max).
 */
export interface XDataBar {
  ref: string;
  min: number;
  max: number;
  color: string;
}

/** One row: its height in points (undefined: the default) and its cells from column A. */
export interface XRow {
  height?: number;
  values: readonly XValue[];
  /** Style ids (from `style`), parallel to values. */
  styles: readonly number[];
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Deflated per this many bytes of XML: large enough to compress well, small enough to stay flat. */
const FLUSH_BYTES = 1 << 17;
const DAY_MS = 86400000;
/** Days from Excel's day 0 (1899-12-30, 1900 date system) to 1970-01-01. */
const EPOCH_1970 = 25569;

function escapeXml(s: string): string {
  return s.replace(/[&<>"\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#13;'));
}

/** "A", "B", … "Z", "AA": the letters of column `i` (0-based). */
export function columnLetters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name as a reference in a defined name: always quoted, apostrophes doubled. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Writes `s` as UTF-8 into `buf` at `at` (room for 3 bytes a UTF-16 unit is the caller's
 * care); returns where it ended. The bytes of TextEncoder.encodeInto, a lone surrogate
 * as U+FFFD included, by hand: the summary writes one short text per cell, and in
 * Chromium each encodeInto call (a binding into Blink, and a subarray to write into)
 * cost microseconds — ~0.8 s of a 1,000-file summary in the page's worker (traced), a
 * hand loop a tenth of that.
 */
export function encodeUtf8(s: string, buf: Uint8Array, at: number): number {
  let u = at;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    let c = charCodeAt.call(s, i);
    if (c < 0x80) buf[u++] = c;
    else if (c < 0x800) {
      buf[u++] = 0xc0 | (c >> 6);
      buf[u++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = c <= 0xdbff && i + 1 < n ? charCodeAt.call(s, i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
          buf[u++] = 0xf0 | (c >> 18);
          buf[u++] = 0x80 | ((c >> 12) & 63);
          buf[u++] = 0x80 | ((c >> 6) & 63);
          buf[u++] = 0x80 | (c & 63);
          continue;
        }
        c = 0xfffd; // a lone surrogate
      }
      buf[u++] = 0xe0 | (c >> 12);
      buf[u++] = 0x80 | ((c >> 6) & 63);
      buf[u++] = 0x80 | (c & 63);
    }
  }
  return u;
}

/** The bytes of ASCII text (markup, numbers). */
function ascii(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** A value's text needs escaping (escapeXml) before it goes into XML. */
const NEEDS_ESCAPE = /[&<>"\r]/;

/**
 * Whether `s` starts or ends with white space (JavaScript's \s), which XML would drop
 * without xml:space="preserve". By char codes: the same as /^\s|\s$/, without a regular
 * expression run for every cell.
 */
export function edgeSpace(s: string): boolean {
  const n = s.length;
  return n > 0 && (isSpace(charCodeAt.call(s, 0)) || isSpace(charCodeAt.call(s, n - 1)));
}

function isSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * One zip entry, fed in pieces: text is encoded and markup copied into one reused buffer
 * as it comes, deflated every FLUSH_BYTES. A row goes in as bytes, not as a string of
 * its XML: building each row's string (a rope of small strings), then encoding it, made
 * the sheet writer allocate several times the XML it wrote.
 */
class Entry {
  private readonly file: DeflatingEntry;
  private buf = new Uint8Array(FLUSH_BYTES * 2);
  private used = 0;
  constructor(zip: Zip, name: string, mtime: Date) {
    this.file = zipCodec().deflateEntry(name);
    this.file.file.mtime = mtime;
    zip.add(this.file.file);
  }
  /** Room for `n` more bytes. */
  private room(n: number): void {
    if (this.used + n <= this.buf.length) return;
    if (this.used > 0) this.flush(false);
    if (n > this.buf.length) this.buf = new Uint8Array(n);
  }
  /** Text, UTF-8 encoded (by hand: see encodeUtf8). */
  write(s: string): void {
    this.room(s.length * 3); // UTF-8 bytes of a UTF-16 unit, at most
    this.used = encodeUtf8(s, this.buf, this.used);
  }
  /** Bytes copied by hand: most pieces of markup are a few bytes long, where a set() call costs more than the copy. */
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    const buf = this.buf;
    let u = this.used;
    for (let i = 0; i < n; i++) buf[u++] = b[i];
    this.used = u;
  }
  /** A number as `${n}` writes it. */
  number(n: number): void {
    if (!(n >= 0 && n < 0x7fffffff && n === (n | 0))) return this.bytes(ascii(String(n)));
    this.room(10);
    let digits = 1;
    for (let m = n; m >= 10; m = (m / 10) | 0) digits++;
    const buf = this.buf;
    let u = this.used + digits;
    this.used = u;
    do {
      buf[--u] = 48 + (n % 10);
      n = (n / 10) | 0;
    } while (n > 0);
  }
  /** Deflates what has been written once it is FLUSH_BYTES or more. */
  maybeFlush(): void {
    if (this.used >= FLUSH_BYTES) this.flush(false);
  }
  private flush(final: boolean): void {
    this.file.push(this.buf.subarray(0, this.used), final);
    this.used = 0;
  }
  end(): void {
    this.flush(true);
  }
}

const ROW_OPEN = ascii('<row r="');
const ROW_HEIGHT = ascii('" ht="');
const ROW_CUSTOM_HEIGHT = ascii('" customHeight="1">');
const QUOTE_CLOSE = ascii('">');
const QUOTE = ascii('"');
const ROW_CLOSE = ascii('</row>');
const EMPTY_CELL_CLOSE = ascii('/>');
const NUMBER_OPEN = ascii('><v>');
const NUMBER_CLOSE = ascii('</v></c>');
const TEXT_OPEN = ascii(' t="inlineStr"><is><t>');
const TEXT_OPEN_PRESERVE = ascii(' t="inlineStr"><is><t xml:space="preserve">');
const TEXT_CLOSE = ascii('</t></is></c>');

/**
 * Writes a workbook of plain tables to `sink` as it goes: add each sheet (its rows are
 * consumed once, in order), then finish. Synchronous; the sink receives zip bytes.
 */
export class SpreadsheetWriter {
  private readonly zip: Zip;
  private readonly mtime: Date;
  private readonly sheets: XSheet[] = [];
  private readonly styleIds = new Map<string, number>();
  private readonly xfs: string[] = [];
  private readonly fonts: string[] = [];
  private readonly fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders: string[] = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly numFmts: string[] = [];
  private readonly created: Date;
  private readonly creator: string;

  constructor(sink: (chunk: Uint8Array, final: boolean) => void, opts: { created: Date; creator: string }) {
    this.created = opts.created;
    this.creator = opts.creator;
    // DOS times start in 1980; the as-of date is the entries' time (fixed, so the bytes are too).
    this.mtime = opts.created.getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : new Date(opts.created.getTime() + opts.created.getTimezoneOffset() * 60000);
    this.zip = new Zip((err, data, final) => {
      if (err) throw err;
      sink(data, final);
    });
    this.style({ font: { name: NORMAL_FONT, size: 11 } }); // xf 0: the default style, its font the unit of column widths
  }

  /** The id of a style, for XRow.styles. */
  style(s: XStyle): number {
    const key = JSON.stringify([s.font.name, s.font.size, !!s.font.bold, s.fill, s.border, s.horizontal, s.vertical, !!s.wrap, s.numFmt]);
    const known = this.styleIds.get(key);
    if (known !== undefined) return known;
    // A Chinese face carries the GB2312 charset, so a computer without it falls back to another Chinese font.
    const charset = /[^\x00-\x7f]/.test(s.font.name) ? '<charset val="134"/>' : '';
    const font = `<font>${s.font.bold ? '<b/>' : ''}<sz val="${s.font.size}"/><name val="${escapeXml(s.font.name)}"/><family val="2"/>${charset}</font>`;
    const fill = s.fill ? `<fill><patternFill patternType="solid"><fgColor rgb="${s.fill}"/></patternFill></fill>` : undefined;
    const side = (n: string) => `<${n} style="thin"><color rgb="${s.border}"/></${n}>`;
    const border = s.border ? `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>` : undefined;
    const fontId = indexIn(this.fonts, font);
    const fillId = fill ? indexIn(this.fills, fill) : 0;
    const borderId = border ? indexIn(this.borders, border) : 0;
    const numFmtId = s.numFmt ? builtinNumFmt(s.numFmt) ?? 164 + indexIn(this.numFmts, s.numFmt) : 0;
    const align =
      s.horizontal || s.vertical || s.wrap
        ? `<alignment${s.horizontal ? ` horizontal="${s.horizontal}"` : ''}${s.vertical ? ` vertical="${s.vertical === 'middle' ? 'center' : s.vertical}"` : ''}${s.wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const applied = `${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${numFmtId ? ' applyNumberFormat="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}${align ? `>${align}</xf>` : '/>'}`;
    const id = this.xfs.length;
    this.xfs.push(xf);
    this.styleIds.set(key, id);
    return id;
  }

  /** Writes one sheet: its rows are serialised as they come and not kept. */
  addSheet(sheet: XSheet, rows: Iterable<XRow>): void {
    this.sheets.push(sheet);
    const n = this.sheets.length;
    const out = new Entry(this.zip, `xl/worksheets/sheet${n}.xml`, this.mtime);
    const letters = sheet.widths.map((_, i) => columnLetters(i));
    const last = letters[letters.length - 1] ?? 'A';
    const top = `A${sheet.headerRows + 1}`;
    out.write(
      `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${NS_R}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
        `<sheetViews><sheetView workbookViewId="0"${n === 1 ? ' tabSelected="1"' : ''}>` +
        (sheet.headerRows > 0
          ? `<pane ySplit="${sheet.headerRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>`
          : '') +
        `</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>` +
        sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('') +
        `</cols><sheetData>`,
    );
    // Each row as bytes, in the order of `<row r="…" ht="…" customHeight="1"><c r="A1" s="…" t="inlineStr"><is><t>…</t></is></c>…</row>`.
    const cellOpen = letters.map((l) => ascii(`<c r="${l}`));
    const styleAttr: Uint8Array[] = [];
    let r = 0;
    for (const row of rows) {
      r++;
      out.bytes(ROW_OPEN);
      out.number(r);
      if (row.height !== undefined) {
        out.bytes(ROW_HEIGHT);
        out.bytes(ascii(String(row.height)));
        out.bytes(ROW_CUSTOM_HEIGHT);
      } else out.bytes(QUOTE_CLOSE);
      const { values, styles } = row;
      for (let c = 0; c < values.length; c++) {
        const v = values[c];
        out.bytes(cellOpen[c] ?? ascii(`<c r="${columnLetters(c)}`));
        out.number(r);
        out.bytes(QUOTE);
        const style = styles[c];
        if (style) out.bytes((styleAttr[style] ??= ascii(` s="${style}"`)));
        if (v === null || v === '') out.bytes(EMPTY_CELL_CLOSE);
        else if (typeof v === 'number' || v instanceof Date) {
          out.bytes(NUMBER_OPEN);
          out.number(typeof v === 'number' ? v : v.getTime() / DAY_MS + EPOCH_1970);
          out.bytes(NUMBER_CLOSE);
        } else {
          out.bytes(edgeSpace(v) ? TEXT_OPEN_PRESERVE : TEXT_OPEN);
          out.write(NEEDS_ESCAPE.test(v) ? escapeXml(v) : v);
          out.bytes(TEXT_CLOSE);
        }
      }
      out.bytes(ROW_CLOSE);
      out.maybeFlush();
    }
    const p = sheet.page;
    const m = p.margins;
    out.write(
      `</sheetData>` +
        (sheet.filterRows > 0 ? `<autoFilter ref="A1:${last}${sheet.filterRows}"/>` : '') +
        (sheet.dataBars ?? [])
          .map(
            (d, i) =>
              `<conditionalFormatting sqref="${d.ref}"><cfRule type="dataBar" priority="${i + 1}"><dataBar>` +
              `<cfvo type="num" val="${d.min}"/><cfvo type="num" val="${d.max}"/><color rgb="${d.color}"/></dataBar></cfRule></conditionalFormatting>`,
          )
          .join('') +
        (p.horizontalCentered ? '<printOptions horizontalCentered="1"/>' : '') +
        `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
        `<pageSetup paperSize="${p.paperSize}" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"/>` +
        (sheet.header || sheet.footer
          ? `<headerFooter>${sheet.header ? `<oddHeader>${escapeXml(sheet.header)}</oddHeader>` : ''}${sheet.footer ? `<oddFooter>${escapeXml(sheet.footer)}</oddFooter>` : ''}</headerFooter>`
          : '') +
        `</worksheet>`,
    );
    out.end();
  }

  /** Writes the workbook, styles and package parts, and ends the zip. */
  finish(): void {
    const part = (name: string, xml: string) => {
      const e = new Entry(this.zip, name, this.mtime);
      e.write(XML_HEAD + xml);
      e.end();
    };
    const sheets = this.sheets;
    part(
      '[Content_Types].xml',
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
        `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    );
    part(
      '_rels/.rels',
      `<Relationships xmlns="${NS_PKG}"><Relationship Id="rId1" Type="${NS_R}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
        `<Relationship Id="rId3" Type="${NS_R}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    );
    const iso = this.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
    part(
      'docProps/core.xml',
      `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${escapeXml(this.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`,
    );
    part('docProps/app.xml', `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`);
    part(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${NS_PKG}">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${sheets.length + 1}" Type="${NS_R}/styles" Target="styles.xml"/></Relationships>`,
    );
    const names: string[] = [];
    sheets.forEach((s, i) => {
      const last = columnLetters(Math.max(0, s.widths.length - 1));
      if (s.filterRows > 0) names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(quotedSheet(s.name))}!$A$1:$${last}$${s.filterRows}</definedName>`);
      if (s.printArea) names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeXml(quotedSheet(s.name))}!${s.printArea.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}</definedName>`);
      if (s.headerRows > 0) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(quotedSheet(s.name))}!$1:$${s.headerRows}</definedName>`);
    });
    part(
      'xl/workbook.xml',
      `<workbook xmlns="${NS}" xmlns:r="${NS_R}"><workbookPr defaultThemeVersion="164011"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000"/></bookViews><sheets>` +
        sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        `</sheets>${names.length ? `<definedNames>${names.join('')}</definedNames>` : ''}<calcPr calcId="171027"/></workbook>`,
    );
    const numFmts = this.numFmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(f)}"/>`).join('');
    part(
      'xl/styles.xml',
      `<styleSheet xmlns="${NS}">${numFmts ? `<numFmts count="${this.numFmts.length}">${numFmts}</numFmts>` : ''}` +
        `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts><fills count="${this.fills.length}">${this.fills.join('')}</fills>` +
        `<borders count="${this.borders.length}">${this.borders.join('')}</borders>` +
        `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
        `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
        `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>`,
    );
    this.zip.end();
  }
}

function indexIn(list: string[], item: string): number {
  const i = list.indexOf(item);
  if (i >= 0) return i;
  list.push(item);
  return list.length - 1;
}

/** Excel's built-in number formats the summary uses (custom ones get ids from 164). */
function builtinNumFmt(code: string): number | undefined {
  return ({ '0': 1, '0.00': 2, '0%': 9, '0.00%': 10, '@': 49 } as Record<string, number>)[code];
}

/**
 * The whole workbook in memory (tests, the page's download); the command line streams to
 * a file instead. Resolves with the zip's last chunk: a codec may deflate asynchronously
 * (the page's CompressionStream, ./codec), so the zip can end after `write` returns.
 */
export function collectBytes(write: (sink: (chunk: Uint8Array, final: boolean) => void) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      write((chunk, final) => {
        chunks.push(chunk);
        size += chunk.length;
        if (!final) return;
        const out = new Uint8Array(size);
        let o = 0;
        for (const c of chunks) {
          out.set(c, o);
          o += c.length;
        }
        resolve(out);
      });
    } catch (e) {
      reject(e);
    }
  });
}
