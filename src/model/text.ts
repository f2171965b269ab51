/** Text folding shared by the reader, the parsers and the merge. */

/** NFKC (full-width → half-width) and trimmed; CRLF folded to LF. */
export function foldText(s: string): string {
  return s.normalize('NFKC').replace(/\r\n?/g, '\n').trim();
}

/**
 * A label as compared: folded, without any white space, colons, or the
 * brackets clerks put around a label ("党 员\n人 数：" → "党员人数").
 */
export function compactLabel(s: string): string {
  return foldText(s).replace(/[\s\u3000:：*＊【】\[\]]/g, '');
}

/** "年 月 日" as printed on paper, with no digit written into it: an empty date. */
export function isBlankDateTemplate(s: string): boolean {
  const t = foldText(s).replace(/\s/g, '');
  return t === '' || t === '年月日';
}

/** A text that Excel would take for a formula if it were typed in. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@]/.test(s);
}
