/** Text folding shared by the reader, the parsers and the merge. */

/**
 * String.prototype.charCodeAt, for `charCodeAt.call(s, i)` in loops over texts of every
 * kind (cell values, messages, names). V8 gives each kind of string a map of its own (one-
 * or two-byte, flat, sliced, joined, internalized); where `s.charCodeAt(i)` has met more
 * than four, the optimised code looks the method up in V8's megamorphic cache for every
 * character. Writing a 10,000-file summary made ~4.5 million such look-ups in encodeUtf8
 * and ~3.6 million measuring widths, ~0.9 G instructions (callgrind); called through the
 * function itself, the optimiser makes it a plain character load (a loop over short texts
 * of eight kinds: 3 × faster).
 */
export const charCodeAt = String.prototype.charCodeAt;

/**
 * A copy of the string that holds nothing else. A string cut out of a workbook's XML can be
 * a V8 "sliced string" that keeps the whole XML text alive; ten thousand kept submissions
 * would hold ten thousand sheets. Short strings are always copied by V8, so only long ones
 * go through JSON. Measured (the merge): heap after 10,000 files 190 MB → 39 MB, about 6 µs each.
 */
export function fresh(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** The last part of a path, "/" or "\\" separated: what splitting at /[\\/]/ and taking the last piece gives, without the pieces. */
export function fileBaseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** NFKC (full-width → half-width) and trimmed; CRLF folded to LF. */
export function foldText(s: string): string {
  return lineFeeds(s.normalize('NFKC')).trim();
}

/** CRLF and a lone CR as LF; the text itself when it has no CR (most texts: no regular expression run over them). */
export function lineFeeds(s: string): string {
  return s.indexOf('\r') < 0 ? s : s.replace(/\r\n?/g, '\n');
}

/**
 * Marks clerks put in and around a label that do not change it: asterisks, brackets,
 * quotes and the enumeration comma — "机关事业单位党委、党总支部意见" and
 * "机关事业单位党委（党总支部）意见" are one label. (The inside of a RegExp class.)
 */
export const LABEL_MARKS = '*＊【】\\[\\]()（）、“”"\'‘’';
/** Compared without white space, colons and the marks. */
const IGNORABLE_RE = new RegExp(`[\\s\\u3000:：${LABEL_MARKS}]`, 'g');

/** A label as compared: folded, without white space, colons and marks ("党 员\n人 数：" → "党员人数"). */
export function compactLabel(s: string): string {
  return foldText(s).replace(IGNORABLE_RE, '');
}

/** "年 月 日" as printed on paper, with no digit written into it: an empty date. */
export function isBlankDateTemplate(s: string): boolean {
  // Most texts show at once that they are neither: an ASCII character other than white space,
  // or a CJK ideograph other than 年, 月, 日, is kept as it is by NFKC (and may only be
  // composed into another character that is neither), so the folded text cannot be "" or
  // "年月日". Every cell value a form reads is asked this; folding a long text was a
  // tenth of normalising a form.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 ? c !== 32 && (c < 9 || c > 13) : c >= 0x4e00 && c <= 0x9fff && c !== 0x5e74 && c !== 0x6708 && c !== 0x65e5) return false;
  }
  const t = foldText(s).replace(/\s/g, '');
  return t === '' || t === '年月日';
}

const DATE_DIGIT = '[0-9〇零○Oo一二两三四五六七八九十]';
const DATE_LINE = new RegExp(`^${DATE_DIGIT}*年(?:${DATE_DIGIT}*月)?(?:${DATE_DIGIT}*[日号])?$`);
const NUMERIC_DATE_LINE = /^\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}$/;

/** A line that is only a date as clerks write it ("2019年4月25日", "二〇一九年四月", "2019.4.25"), or the paper's empty "年 月 日". */
export function isDateLine(s: string): boolean {
  const t = foldText(s).replace(/\s/g, '');
  return DATE_LINE.test(t) || NUMERIC_DATE_LINE.test(t);
}

/** The stamp note of an opinion: "（盖章）", "(单位盖章)", "签章", "（签字）". */
export const STAMP_TOKEN = /[(（]?\s*(?:单位|党委|党组织|党总支部?|支部)?\s*(?:盖\s*章|签\s*章|公\s*章|签\s*字|签\s*名)\s*[)）]?/g;

/** A line that is only the stamp note under an opinion. */
export function isStampLine(line: string): boolean {
  const t = foldText(line);
  return t !== '' && t.replace(STAMP_TOKEN, '').trim() === '';
}

/** A text that Excel would take for a formula if it were typed in. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

/** Width of one character (a code point) in Excel's character units: CJK and full-width characters count 2. */
export function charWidth(c: number): number {
  return c >= 0x1100 &&
    (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000)
    ? 2
    : 1;
}

/**
 * Calls `each` with the width of every line of `s`, in one pass by char codes (not
 * `for…of`, not a search per line): the summary measures every cell of every row, and a
 * string per character once made this the writer's hottest function.
 */
function eachLineWidth(s: string, each: (width: number) => void): void {
  let w = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = charCodeAt.call(s, i);
    if (c === 10 /* \n */) {
      each(w);
      w = 0;
    } else if (c < 0x1100) w += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const low = charCodeAt.call(s, i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        w += charWidth(((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        i++;
      } else w += charWidth(c);
    } else w += charWidth(c);
  }
  each(w);
}

/** Display width of a text (its widest line) in Excel character units. */
export function displayWidth(s: string): number {
  let max = 0;
  eachLineWidth(s, (w) => {
    if (w > max) max = w;
  });
  return max;
}

/** Lines a text takes when wrapped at `room` character units (each line break starts one; an empty text is one line). */
export function wrappedLines(s: string, room: number): number {
  const r = Math.max(1, room);
  let lines = 0;
  eachLineWidth(s, (w) => {
    lines += Math.max(1, Math.ceil(w / r));
  });
  return lines;
}
