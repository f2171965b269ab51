/**
 * What a file that is not an .xlsx is, by its content (magic bytes, zip entries, compound
 * file stream names), never by its extension alone: a Word document renamed to .xlsx is
 * still a Word document. Each answer is a Chinese reason that says what the file is and
 * what to do, or a legacy spreadsheet format that ./legacy reads. Browser-safe, never throws.
 */
import { READER, WHAT_IT_IS } from '../../i18n/reader';
import { readCfb } from './cfb';

/** The legacy spreadsheet formats ./legacy reads. */
export type LegacyFormat = 'xls' | 'ods';

export type Sniffed = { reason: string; legacy?: LegacyFormat };

const utf8 = new TextDecoder('utf-8');

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Whether UTF-16LE `name` occurs in `b` (a compound file's directory that we could not parse). */
function hasUtf16(b: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i + name.length * 2 <= b.length; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    for (let k = 1; k < name.length; k++) if (b[i + 2 * k] !== name.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** A compound file (OLE2): an .xls/.et, a Word .doc/.wps, a password-protected .xlsx, a PowerPoint .ppt … */
export function sniffCfb(b: Uint8Array, fileName?: string): Sniffed {
  const cfb = readCfb(b);
  const has = cfb.ok
    ? ((names) => (n: string) => names.has(n.toLowerCase()))(new Set(cfb.value.entries.map((e) => e.name.toLowerCase())))
    : (n: string) => hasUtf16(b, n); // a damaged directory: its names are still there to see
  if (has('EncryptionInfo')) return { reason: READER.encrypted };
  if (has('Workbook') || has('Book')) return { reason: READER.xls, legacy: 'xls' };
  if (has('WordDocument')) return { reason: WHAT_IT_IS.word('doc', fileName) };
  if (has('PowerPoint Document')) return { reason: WHAT_IT_IS.powerpoint(fileName) };
  if (!cfb.ok && cfb.error.kind === 'truncated') return { reason: READER.legacyTruncated };
  return { reason: WHAT_IT_IS.otherOffice };
}

/** A zip that is not an .xlsx workbook: an .ods, a Word .docx, a PowerPoint, an OFD … (`names`: its entries). */
export function sniffZip(has: (name: string) => boolean, mimetype: string | undefined, fileName?: string): Sniffed | null {
  const mt = (mimetype ?? '').trim();
  if (mt === 'application/vnd.oasis.opendocument.spreadsheet' || (!mt && has('content.xml') && has('META-INF/manifest.xml')))
    return { reason: READER.ods, legacy: 'ods' };
  if (mt.startsWith('application/vnd.oasis.opendocument.text')) return { reason: WHAT_IT_IS.word('odt', fileName) };
  if (has('word/document.xml')) return { reason: WHAT_IT_IS.word('docx', fileName) };
  if (has('ppt/presentation.xml')) return { reason: WHAT_IT_IS.powerpoint(fileName) };
  if (has('OFD.xml')) return { reason: WHAT_IT_IS.ofd };
  return null;
}

/** Anything else: PDF, images, RTF, text (CSV), web pages, unknown binary. */
export function sniffOther(b: Uint8Array, fileName?: string): string {
  if (startsWith(b, ascii('%PDF'))) return WHAT_IT_IS.pdf;
  const image = imageKind(b);
  if (image) return WHAT_IT_IS.image(image);
  if (startsWith(b, ascii('{\\rtf'))) return WHAT_IT_IS.word('rtf', fileName);
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return READER.csv; // UTF-16 "Unicode text"
  const start = startsWith(b, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  const end = Math.min(b.length, start + 4096);
  let control = 0;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c === 0) return READER.notZip;
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  if (control > (end - start) / 100) return READER.notZip;
  const head = utf8.decode(b.subarray(start, end)).trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith('<')) return READER.html;
  return READER.csv;
}

function imageKind(b: Uint8Array): string | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'PNG';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'JPEG';
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'GIF';
  if (startsWith(b, ascii('II*\0')) || startsWith(b, ascii('MM\0*'))) return 'TIFF';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'WebP';
  if (startsWith(b, ascii('ftyp'), 4) && ['heic', 'heix', 'mif1', 'msf1', 'avif'].some((t) => startsWith(b, ascii(t), 8))) return 'HEIC';
  // BMP: "BM", then the file size as stored, then reserved zeros — "BM" alone is too common a start of text.
  if (startsWith(b, ascii('BM')) && b.length >= 14 && b[6] === 0 && b[7] === 0 && b[8] === 0 && b[9] === 0) return 'BMP';
  return null;
}
