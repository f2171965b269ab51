/**
 * Value parsing: what clerks type into the paper form's cells, turned into
 * numbers, ISO dates, phone numbers and month numbers. Pure; no exceptions for
 * bad input — a value that cannot be read comes back with an `error`.
 */
import { foldText, isBlankDateTemplate, lineFeeds } from './text';
import type { GridCell } from './types';

export interface CountResult {
  value: number | null;
  error?: 'not-number';
}

export interface DateResult {
  value: string | null;
  precision?: 'day' | 'month';
  error?: 'invalid';
}

export interface PhoneResult {
  /** What was typed (trimmed), or null when empty. */
  value: string | null;
  /** The number's digits without separators, country code or extension. */
  digits: string;
  kind: 'mobile' | 'landline' | null;
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, O: 0, o: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A Chinese numeral below 10000 ("二十三", "十二", "一百零五") → its value;
 * null when the text is not a well-formed numeral ("二三", "若干").
 */
export function chineseNumber(s: string): number | null {
  if (s === '') return null;
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  let zeroSeen = false;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      const d = CN_DIGITS[ch];
      if (d === 0) {
        // 零 only between units: "一百零五".
        if (zeroSeen || digit !== null || total === 0) return null;
        zeroSeen = true;
        continue;
      }
      if (digit !== null) return null;
      digit = d;
    } else if (ch in CN_UNITS) {
      const unit = CN_UNITS[ch];
      if (unit >= lastUnit) return null;
      if (digit === null && !(unit === 10 && total === 0)) return null;
      total += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
      zeroSeen = false;
    } else {
      return null;
    }
  }
  if (digit !== null) total += digit;
  else if (zeroSeen) return null;
  return total;
}

function cellString(raw: GridCell): string {
  return typeof raw.v === 'string' ? raw.v : String(raw.v);
}

/**
 * 23, "23", "23人", "23名", "２３", "二十三", "二十三人", "一百零五", "共23人", "23人（含预备党员2人）" → the count.
 * Anything else ("含预备党员3人", "若干", -3, 3.5) is not a count.
 */
export function parseCount(raw: GridCell | null): CountResult {
  if (raw === null) return { value: null };
  if (typeof raw.v === 'number') {
    if (raw.date || !Number.isInteger(raw.v) || raw.v < 0) return { value: null, error: 'not-number' };
    return { value: raw.v };
  }
  if (typeof raw.v === 'boolean') return { value: null, error: 'not-number' };
  const s = foldText(raw.v).replace(/\s/g, '');
  if (s === '') return { value: null };
  // "23人（含预备党员2人）": the count, then a note in brackets.
  const body = s
    .replace(/^(.+?)[(][^()]*[)]$/, '$1')
    .replace(/^(?:共计|合计|共|计)/, '')
    .replace(/(?:人|名|个)$/, '');
  if (/^\d+$/.test(body)) return { value: Number(body) };
  const cn = chineseNumber(body);
  if (cn !== null) return { value: cn };
  return { value: null, error: 'not-number' };
}

const DAY_MS = 86400000;

/**
 * Each whole serial's ISO date once (a Date and its ISO text were made for every date cell of
 * every form; the forms of a batch carry a few hundred distinct dates). Bounded: cleared past LIMIT.
 */
const isoOfDays: [Map<number, string>, Map<number, string>] = [new Map(), new Map()];
const ISO_MEMO_LIMIT = 4096;

/** An Excel serial (1900 or 1904 date system) → "YYYY-MM-DD"; the time of day is dropped. */
export function serialToIso(serial: number, date1904 = false): string {
  const days = Math.floor(serial);
  const memo = isoOfDays[date1904 ? 1 : 0];
  let iso = memo.get(days);
  if (iso === undefined) {
    iso = isoOf(days, date1904);
    if (memo.size >= ISO_MEMO_LIMIT) memo.clear();
    memo.set(days, iso);
  }
  return iso;
}

function isoOf(days: number, date1904: boolean): string {
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  // Excel counts a 29 February 1900 that never was: serials from 61 on are one day ahead.
  else epoch = days >= 61 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  return new Date(epoch + (days === 60 && !date1904 ? 59 : days) * DAY_MS).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Year, month and (optionally) day → a DateResult, checking the calendar. */
function ymd(year: number, month: number, day: number | null): DateResult {
  if (year < 1900 || year > 2199 || month < 1 || month > 12) return { value: null, error: 'invalid' };
  if (day === null) return { value: `${year}-${pad2(month)}`, precision: 'month' };
  if (day < 1 || day > daysInMonth(year, month)) return { value: null, error: 'invalid' };
  return { value: `${year}-${pad2(month)}-${pad2(day)}`, precision: 'day' };
}

/** Serial numbers Excel gives to dates from 1950 to 2099: a bare number in that range in a date field is a date. */
const SERIAL_MIN = 18264;
const SERIAL_MAX = 73050;

/** "二〇一九" → 2019 (digit by digit), "四" / "十二" / "二十五" → the numeral. */
function numeralPart(s: string, digitWise: boolean): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (digitWise) {
    let out = '';
    for (const ch of s) {
      if (!(ch in CN_DIGITS)) return null;
      out += String(CN_DIGITS[ch]);
    }
    return out === '' ? null : Number(out);
  }
  return chineseNumber(s);
}

const NUM = '[0-9〇零○Oo一二两三四五六七八九十]';
const ZH_DATE = new RegExp(`^(${NUM}{4})年(${NUM}{1,3})月(${NUM}{1,3})?[日号]?$`);
const SEP_DATE = /^(\d{4})([.\-/])(\d{1,2})\2(\d{1,2})$/;
const SEP_MONTH = /^(\d{4})[.\-/](\d{1,2})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A date as clerks write it → "YYYY-MM-DD" ("YYYY-MM" with precision 'month' for "2019年4月").
 * Excel serials (date cells, or a bare number in the serial range), 2019年4月3日, 2019.4.3,
 * 2019-04-03, 2019/4/3, 二〇一九年四月三日, ISO with a time. The paper's empty "年 月 日" is null.
 */
export function parseDate(raw: GridCell | null, date1904 = false): DateResult {
  if (raw === null) return { value: null };
  if (typeof raw.v === 'boolean') return { value: null, error: 'invalid' };
  if (typeof raw.v === 'number') return numberDate(raw.v, Boolean(raw.date), date1904);
  if (isBlankDateTemplate(raw.v)) return { value: null };
  const folded = foldText(raw.v);
  let m = ISO_TIME.exec(folded);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  const s = folded.replace(/\s/g, '');
  m = ZH_DATE.exec(s);
  if (m) {
    const year = numeralPart(m[1], true);
    const month = numeralPart(m[2], false);
    const day = m[3] === undefined ? null : numeralPart(m[3], false);
    if (year === null || month === null || (m[3] !== undefined && day === null)) return { value: null, error: 'invalid' };
    return ymd(year, month, day);
  }
  if ((m = SEP_DATE.exec(s))) return ymd(Number(m[1]), Number(m[3]), Number(m[4]));
  if ((m = SEP_MONTH.exec(s))) return ymd(Number(m[1]), Number(m[2]), null);
  if ((m = COMPACT.exec(s))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d+(\.\d+)?$/.test(s)) return numberDate(Number(s), false, date1904);
  return { value: null, error: 'invalid' };
}

function numberDate(n: number, isDateCell: boolean, date1904: boolean): DateResult {
  if (!Number.isFinite(n) || n < 1) return { value: null, error: 'invalid' };
  // "2019.4" typed into a number cell: a year and a month (2019.1 is January; October would be 2019.10 as text).
  const yearMonth = isDateCell ? null : /^(\d{4})\.(\d{1,2})$/.exec(String(n));
  if (yearMonth) return ymd(Number(yearMonth[1]), Number(yearMonth[2]), null);
  if (!isDateCell && Number.isInteger(n) && n >= 19000101 && n <= 21991231) {
    const s = String(n);
    return ymd(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));
  }
  if (isDateCell || (n >= SERIAL_MIN && n <= SERIAL_MAX)) {
    const iso = serialToIso(n, date1904);
    return ymd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  }
  return { value: null, error: 'invalid' };
}

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}\d{7,8}$/;

function phoneKind(digits: string): 'mobile' | 'landline' | null {
  if (MOBILE.test(digits)) return 'mobile';
  if (LANDLINE.test(digits)) return 'landline';
  return null;
}

/** One number as typed → its digits and kind; an extension ("转123", "-123") is allowed after a landline. */
function onePhone(part: string): { digits: string; kind: 'mobile' | 'landline' | null } {
  // Notes around the number: "手机：", "13812345678（手机）", "办公室 0746-8221234".
  let s = part.replace(/[(（][^()（）\d]*[)）]/g, '').replace(/^[^\d+]*/, '').replace(/[^\d)）]*$/, '');
  s = s.replace(/(?:转|分机|ext\.?|x)\s*\d{1,6}$/i, '');
  const international = /^(?:\+\s*86|0086)/.test(s);
  s = s.replace(/[\s()（）[\]【】]/g, '').replace(/^(?:\+86|0086|\+?86-)/, '');
  const digitsOf = (t: string) => t.replace(/[-—–.]/g, '');
  let digits = digitsOf(s);
  let kind = /^\d+$/.test(digits) ? phoneKind(digits) : null;
  if (kind === null) {
    // "0746-8221234-123": the last dash-separated group may be an extension.
    const ext = /^(.*\d)-\d{1,6}$/.exec(s);
    if (ext && phoneKind(digitsOf(ext[1])) === 'landline') {
      digits = digitsOf(ext[1]);
      kind = 'landline';
    }
  }
  if (kind === null && /^86(1[3-9]\d{9})$/.test(digits)) {
    digits = digits.slice(2);
    kind = 'mobile';
  }
  // "+86-746-8221234": a landline written internationally drops the area code's 0.
  if (kind === null && international && LANDLINE.test(`0${digits}`)) {
    digits = `0${digits}`;
    kind = 'landline';
  }
  return { digits: kind ? digits : digits.replace(/\D/g, ''), kind };
}

/**
 * A contact number: mobile 1[3-9]xxxxxxxxx or landline with area code (0746…), with or
 * without spaces, dashes, +86, brackets and an extension. Several numbers separated by
 * "/", "、", "," → the first one that is valid.
 */
export function parsePhone(raw: GridCell | null): PhoneResult {
  if (raw === null) return { value: null, digits: '', kind: null };
  const typed = cellString(raw).trim();
  if (typed === '') return { value: null, digits: '', kind: null };
  if (typeof raw.v === 'number') {
    const digits = Number.isInteger(raw.v) ? String(raw.v) : '';
    const kind = phoneKind(digits);
    // A landline typed into a number cell loses its leading 0 (7468221234).
    if (kind === null && LANDLINE.test(`0${digits}`)) return { value: typed, digits: `0${digits}`, kind: 'landline' };
    return { value: typed, digits, kind };
  }
  const parts = foldText(typed).split(/[/,;、，；\n]+/).filter((p) => p.trim() !== '');
  const results = parts.map(onePhone);
  const good = results.find((r) => r.kind !== null);
  const first = good ?? results[0] ?? { digits: '', kind: null };
  return { value: typed, digits: first.digits, kind: first.kind };
}

const MONTH_LABEL = /^(?:\d{4}年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月份?$/;

/** "1月份", "1月", "一月", "01月", "十二月份", 1 → the month 1..12; null for anything else. */
export function parseMonthLabel(raw: GridCell | null): number | null {
  if (raw === null) return null;
  if (typeof raw.v === 'boolean') return null;
  if (typeof raw.v === 'number') {
    if (raw.date) return Number(serialToIso(raw.v).slice(5, 7));
    return Number.isInteger(raw.v) && raw.v >= 1 && raw.v <= 12 ? raw.v : null;
  }
  const plain = plainMonthLabel(raw.v);
  return plain !== undefined ? plain : monthOfText(raw.v);
}

/** A month label's text as MONTH_LABEL reads it, folded and without white space. */
export function monthOfText(text: string): number | null {
  const s = foldText(text).replace(/\s/g, '');
  const m = MONTH_LABEL.exec(s) ?? /^(\d{1,2})$/.exec(s);
  if (!m) return null;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
  return n !== null && n >= 1 && n <= 12 ? n : null;
}

/**
 * "4月", "04月份", "12": one or two ASCII digits, then 月 or 月份 or nothing — the way
 * nearly every month row is labelled — read as monthOfText reads them (NFKC keeps these
 * characters, and there is no white space to drop), without folding the text or a
 * regular expression. Undefined for any other text: monthOfText reads it.
 */
function plainMonthLabel(s: string): number | null | undefined {
  let i = 0;
  while (i < 2 && i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === 0) return undefined;
  const rest = s.length - i;
  const shaped = rest === 0 || (s.charCodeAt(i) === 0x6708 /* 月 */ && (rest === 1 || (rest === 2 && s.charCodeAt(i + 1) === 0x4efd /* 份 */)));
  if (!shaped) return undefined;
  const n = Number(s.slice(0, i));
  return n >= 1 && n <= 12 ? n : null;
}

/**
 * A cell's text as typed: trimmed, line breaks kept (CRLF → LF), nothing else changed —
 * "=SUM(A1)" stays that text. The paper's empty "年 月 日" and blank text are null.
 */
export function cellText(raw: GridCell | null): string | null {
  if (raw === null) return null;
  if (typeof raw.v === 'boolean') return raw.v ? 'TRUE' : 'FALSE';
  if (typeof raw.v === 'number') return raw.date ? formatDateZh(serialToIso(raw.v)) : String(raw.v);
  const s = lineFeeds(raw.v).trim();
  return isBlankDateTemplate(s) ? null : s;
}

/** "2019-04-03" → "2019年4月3日"; "2019-04" → "2019年4月"; anything else unchanged. */
export function formatDateZh(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${m[3] === undefined ? '' : `${Number(m[3])}日`}`;
}
