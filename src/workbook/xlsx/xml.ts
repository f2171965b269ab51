/**
 * Just enough XML for SpreadsheetML parts, by hand: attribute lists, entity
 * decoding and the text of rich-text string items. No DOM parser (slow, and not
 * available in every runtime we target). Element names may carry a namespace
 * prefix ("x:c"): some writers use one.
 */

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function codePoint(n: number, whole: string): string {
  return Number.isFinite(n) && n >= 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : whole;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Decodes the five named entities and numeric character references; anything else is left as written.
 * A hand-written scan (this runs for every attribute and string of every file): the same as replacing
 * /&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, several times faster than a replace callback.
 */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    let i = amp + 1;
    let value: string | undefined;
    if (s.charCodeAt(i) === 35 /* # */) {
      const hex = s.charCodeAt(i + 1) === 120 || s.charCodeAt(i + 1) === 88; /* x X */
      const start = hex ? i + 2 : i + 1;
      i = start;
      while (i < s.length && (hex ? isHex(s.charCodeAt(i)) : isDigit(s.charCodeAt(i)))) i++;
      if (i > start && s.charCodeAt(i) === 59 /* ; */) value = codePoint(parseInt(s.slice(start, i), hex ? 16 : 10), s.slice(amp, i + 1));
    } else {
      while (i < s.length && isLetter(s.charCodeAt(i))) i++;
      if (i > amp + 1 && s.charCodeAt(i) === 59) {
        const name = s.slice(amp + 1, i);
        value = Object.prototype.hasOwnProperty.call(NAMED, name) ? NAMED[name] : s.slice(amp, i + 1);
      }
    }
    if (value === undefined) {
      amp = s.indexOf('&', amp + 1);
      continue;
    }
    out += s.slice(from, amp) + value;
    from = i + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

/**
 * OOXML's own escape for characters XML cannot carry: "_x000D_" is a carriage
 * return, "_x005F_" a literal underscore (so "_x005F_x000D_" stays "_x000D_").
 */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_w, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Text content of an element as stored: entities and OOXML escapes decoded. */
export function decodeText(s: string): string {
  return decodeOoxmlEscapes(decodeEntities(s));
}

/** Attributes of a start tag's attribute text, keyed by their qualified name ("r:id"). */
export function parseAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out[m[1]] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

/** One attribute by qualified name, without building the whole map (hot path). */
export function attr(s: string, name: string): string | undefined {
  let i = 0;
  for (;;) {
    i = s.indexOf(name, i);
    if (i < 0) return undefined;
    const before = i === 0 ? ' ' : s[i - 1];
    let j = i + name.length;
    while (s[j] === ' ') j++;
    if ((before === ' ' || before === '\t' || before === '\n' || before === '\r') && s[j] === '=') {
      j++;
      while (s[j] === ' ') j++;
      const q = s[j];
      if (q === '"' || q === "'") {
        const end = s.indexOf(q, j + 1);
        if (end < 0) return undefined;
        return decodeEntities(s.slice(j + 1, end));
      }
    }
    i += name.length;
  }
}

/** The value of the first attribute whose local name is `local` under any prefix ("r:id", "ns1:id"). */
export function prefixedAttr(s: string, local: string): string | undefined {
  const rx = re(`pa:${local}`, () => new RegExp(`(?:^|\\s)[A-Za-z_][\\w.-]*:${local}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`));
  const m = rx.exec(s);
  return m ? decodeEntities(m[1] ?? m[2] ?? '') : undefined;
}

const RPH = /<(?:[A-Za-z_][\w.-]*:)?rPh\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?rPh>)/g;
const T = /<(?:[A-Za-z_][\w.-]*:)?t(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?t>)/g;

/**
 * The text of a string item (<si> or <is>): a plain <t>, or the runs <r><t> of
 * rich text concatenated. Phonetic runs (<rPh>, furigana) are not part of the text.
 */
export function richText(inner: string): string {
  if (!plainRuns(inner)) return richTextByRegex(inner);
  return decodeText(runTexts(inner, 0, inner.length));
}

/** richText by its regular expressions: for text with phonetic runs or prefixed <x:t> elements. */
function richTextByRegex(inner: string): string {
  let s = inner;
  if (s.indexOf('rPh') >= 0) s = s.replace(RPH, '');
  let out = '';
  T.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = T.exec(s))) if (m[1]) out += m[1];
  return decodeText(out);
}

/**
 * True when `xml` has no phonetic runs and no prefixed text element with content
 * ("</x:t>"): every string item in it can be read by runTexts. Asked once per part, not
 * per item (a search per item would run to the end of the part each time).
 */
export function plainRuns(xml: string): boolean {
  return xml.indexOf('rPh') < 0 && xml.indexOf(':t>') < 0;
}

/**
 * Searches of one text, range after range, with the native indexOf (memchr on one-byte
 * text, the byte-wise worksheet: ZipCodec.bytewise). A plain indexOf searches on to the
 * text's end when the needle is not in the range, and a part with many such ranges would
 * take quadratic time; so each needle's last search is remembered (where it started, where
 * it found the needle), and while the ranges move forward no stretch of the text is
 * searched twice for one needle. indexIn's loop by hand was ~6 % of a merge's instructions;
 * the native search has a fixed cost per call, so the gain is a third of that.
 */
export class Finder {
  private readonly last = new Map<string, { from: number; at: number }>();
  constructor(readonly text: string) {}
  /** text.indexOf(needle, from) if the whole needle is in text[from, to), else -1. */
  in(needle: string, from: number, to: number): number {
    let m = this.last.get(needle);
    if (!m) this.last.set(needle, (m = { from: -1, at: -1 }));
    // The memo answers when the needle's first place at or after m.from is known to be the first at or after `from` too.
    if (from < m.from || m.from < 0 || (m.at >= 0 && m.at < from)) {
      m.from = from;
      m.at = this.text.indexOf(needle, from);
    }
    return m.at >= 0 && m.at + needle.length <= to ? m.at : -1;
  }
}

/**
 * s.indexOf(needle, from) within s[from, to): -1 unless the whole needle is in the range.
 * With `find` (a Finder of s), natively; else by hand inside a part (the ranges are short):
 * a plain indexOf would search on to the end of the part each time it is absent, and a part
 * with many such ranges would take quadratic time.
 */
export function indexIn(s: string, needle: string, from: number, to: number, find?: Finder): number {
  if (find) return find.in(needle, from, to);
  if (to >= s.length) return s.indexOf(needle, from);
  const first = needle.charCodeAt(0);
  for (let i = from, last = to - needle.length; i <= last; i++) if (s.charCodeAt(i) === first && s.startsWith(needle, i)) return i;
  return -1;
}

/** JavaScript's \s (a tag's name ends at one). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

/**
 * The text of the <t> elements in s[from, to) joined, entities not yet decoded: what the
 * matches of T give, found by hand in text that plainRuns accepts (no prefixed element
 * with content, so every end tag is a plain "</t>"). T's match arrays and the slices of
 * every run were most of what reading a string item allocated.
 */
export function runTexts(s: string, from: number, to: number, find?: Finder): string {
  let out = '';
  let noEnd = false; // no "</t>" after some point: no element with content can match after it either
  for (let lt = indexIn(s, '<t', from, to, find); lt >= 0; lt = indexIn(s, '<t', lt + 1, to, find)) {
    const c = lt + 2 < to ? s.charCodeAt(lt + 2) : NaN;
    let gt: number;
    if (c === 62 /* > */) gt = lt + 2;
    else if (c === 47 /* / */) {
      if (lt + 3 < to && s.charCodeAt(lt + 3) === 62) lt += 3; // <t/>: no text
      continue;
    } else if (isSpace(c)) {
      gt = indexIn(s, '>', lt + 3, to, find);
      if (gt < 0) break; // no tag ends in the range: nothing more matches
      if (s.charCodeAt(gt - 1) === 47 && gt - 1 > lt + 2) {
        lt = gt; // <t …/>: no text
        continue;
      }
    } else continue; // <tab>, <text>: not a <t>
    if (noEnd) continue;
    const end = indexIn(s, '</t>', gt + 1, to, find);
    if (end < 0) {
      noEnd = true;
      continue;
    }
    if (end > gt + 1) out += s.slice(gt + 1, end);
    lt = end + 3;
  }
  return out;
}

const cache = new Map<string, RegExp>();
/** Compiled once per pattern: these run for every part of every file. */
function re(key: string, make: () => RegExp): RegExp {
  let r = cache.get(key);
  if (!r) cache.set(key, (r = make()));
  r.lastIndex = 0;
  return r;
}

/** [A-Za-z0-9_]: what ends a name for \b. */
export const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * Every element `<name …/>` or `<name …>…</name>` of xml, in document order, found by hand
 * as the regular expression of elements() finds it: `each` gets where its attributes are,
 * [attrsFrom, attrsTo), and its content, [innerFrom, innerTo) (empty when self-closed),
 * and returns true to stop. Only for xml without a prefixed name (":name", which
 * unprefixed() tells): a regex's match arrays and the whole match cut out for each element
 * were most of what reading workbook.xml and shared strings allocated.
 */
export function eachElement(xml: string, name: string, each: (attrsFrom: number, attrsTo: number, innerFrom: number, innerTo: number) => boolean | void): void {
  const open = `<${name}`;
  const close = `</${name}>`;
  let noEnd = false; // no end tag after some point: only self-closed elements can match after it
  for (let lt = xml.indexOf(open); lt >= 0; lt = xml.indexOf(open, lt + 1)) {
    const nameEnd = lt + open.length;
    if (isWordChar(xml.charCodeAt(nameEnd))) continue; // a longer name (the regex's \b); NaN at the end is not a word character
    const gt = xml.indexOf('>', nameEnd);
    if (gt < 0) return; // no tag ends: nothing more matches
    if (xml.charCodeAt(gt - 1) === 47 /* / */ && gt - 1 >= nameEnd) {
      if (each(nameEnd, gt - 1, gt + 1, gt + 1)) return;
      lt = gt;
      continue;
    }
    if (noEnd) continue;
    const end = xml.indexOf(close, gt + 1);
    if (end < 0) {
      noEnd = true;
      continue;
    }
    if (each(nameEnd, gt, gt + 1, end)) return;
    lt = end + close.length - 1;
  }
}

/** True when no element of this name in xml can carry a prefix: eachElement and startTagsIn then find them all. */
export function unprefixed(xml: string, name: string): boolean {
  return xml.indexOf(`:${name}`) < 0;
}

/** Inner text of every element `<name ...>inner</name>` (prefix allowed), in document order. */
export function elements(xml: string, name: string): { attrs: string; inner: string }[] {
  const out: { attrs: string; inner: string }[] = [];
  if (unprefixed(xml, name)) {
    eachElement(xml, name, (a, b, c, d) => {
      out.push({ attrs: xml.slice(a, b), inner: xml.slice(c, d) });
    });
    return out;
  }
  const rx = re(`el:${name}`, () => new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/(?:[A-Za-z_][\\w.-]*:)?${name}>)`, 'g'));
  let m: RegExpExecArray | null;
  while ((m = rx.exec(xml))) out.push({ attrs: m[1], inner: m[2] ?? '' });
  return out;
}

/** Start tags (self-closing or not) of every `<name ...>`, attribute text only. */
export function startTags(xml: string, name: string): string[] {
  const out: string[] = [];
  if (unprefixed(xml, name)) {
    // By hand, as the regex finds them: its attribute text ends before "/>" or ">".
    const open = `<${name}`;
    for (let lt = xml.indexOf(open); lt >= 0; lt = xml.indexOf(open, lt + 1)) {
      const nameEnd = lt + open.length;
      if (isWordChar(xml.charCodeAt(nameEnd))) continue;
      const gt = xml.indexOf('>', nameEnd);
      if (gt < 0) break;
      out.push(xml.slice(nameEnd, xml.charCodeAt(gt - 1) === 47 && gt - 1 >= nameEnd ? gt - 1 : gt));
      lt = gt;
    }
    return out;
  }
  const rx = re(`st:${name}`, () => new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}\\b([^>]*?)\\/?>`, 'g'));
  let m: RegExpExecArray | null;
  while ((m = rx.exec(xml))) out.push(m[1]);
  return out;
}

/** The inner text of the first `<name>…</name>`, or '' when absent or self-closed. */
export function section(xml: string, name: string): string {
  if (unprefixed(xml, name)) {
    let inner = '';
    eachElement(xml, name, (_a, _b, from, to) => {
      inner = xml.slice(from, to);
      return true;
    });
    return inner;
  }
  const rx = re(`sec:${name}`, () => new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/(?:[A-Za-z_][\\w.-]*:)?${name}>)`));
  const m = rx.exec(xml);
  return m ? (m[1] ?? '') : '';
}
