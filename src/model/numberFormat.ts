/**
 * Whether an Excel number format shows a date or time: a date/time code (y m d h s, 年月日,
 * aaa for the weekday) in its first section, outside quoted literals, [brackets]
 * (colours, locales, elapsed time) and escapes. "General", "0.00", "@", "0\"人\"" and
 * "[h]" are not. Both readers (.xlsx files, Office.js) tell date cells by it.
 */
export function isDateFormat(code: string): boolean {
  const bare = (code.split(';')[0] ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '');
  return /[ymdhs年月日]|aaa/i.test(bare);
}
