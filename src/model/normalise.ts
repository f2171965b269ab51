/**
 * ExtractedForm (raw cells found in a sheet) → Submission (normalised values).
 * Walks the FormSpec's fields; every value that cannot be read becomes a parse
 * issue on its field instead of a value.
 */
import { getForm } from '../forms';
import type { FieldId, FieldSpec } from '../forms/types';
import { ruleMessages } from '../i18n/rules';
import { cellText, parseCount, parseDate, parseMonthLabel, parsePhone, type DateResult } from './parse';
import { foldText, isDateLine, isStampLine, STAMP_TOKEN } from './text';
import type { ExtractedForm, FieldValue, FoundMonthRow, GridCell, Issue, MonthEntry, Submission } from './types';

/** A date at the end of an opinion's last line, after the text or its stamp ("同意推荐。（盖章）2019年5月21日"). */
const TRAILING_DATE = /^(.*?[。！!.，,;；\s)）章])\s*((?:[0-9０-９]{4}|[〇零○一二三四五六七八九]{4})年[0-9０-９〇零○一二两三四五六七八九十]{1,3}月[0-9０-９〇零○一二两三四五六七八九十]{1,3}[日号])\s*$/;

export interface OpinionParts {
  /** The opinion without its stamp and date lines; null when nothing else was written. */
  text: string | null;
  /** The trailing date line, when it had digits: its text as typed. */
  dateText: string | null;
}

/**
 * Splits an opinion cell typed as on paper ("同意申报。\n（盖章）\n2019年4月25日"):
 * drops lines that are only the stamp note and a trailing date line (also the empty
 * "年 月 日"), and returns the date line's text when it held a date.
 */
export function splitOpinion(text: string | null): OpinionParts {
  if (text === null) return { text: null, dateText: null };
  const lines = text.split('\n');
  let dateText: string | null = null;
  // The last line that is neither blank nor only the stamp note (which may stand under the date) may be the date.
  let last = lines.length - 1;
  while (last >= 0 && (lines[last].trim() === '' || isStampLine(lines[last]))) last--;
  if (last >= 0) {
    const candidate = lines[last].replace(STAMP_TOKEN, '');
    const trailing = TRAILING_DATE.exec(lines[last]);
    if (isDateLine(candidate)) {
      if (/[0-9一二两三四五六七八九十〇零○]/.test(foldText(candidate))) dateText = candidate.trim();
      lines.splice(last, 1);
    } else if (trailing) {
      dateText = trailing[2];
      lines[last] = trailing[1].replace(STAMP_TOKEN, '').trimEnd();
    }
  }
  const kept = lines.filter((l) => !isStampLine(l));
  const joined = kept.join('\n').trim();
  return { text: joined === '' ? null : joined, dateText };
}

/** Stamp marks at the end of a name: "XX党支部（盖章）", "XX党支部 (公章)". */
const TRAILING_STAMP = new RegExp(`(?:\\s*(?:${STAMP_TOKEN.source}))+\\s*$`);

/** A name without the stamp marks after it; null when nothing else was written. */
function withoutStamp(name: string | null): string | null {
  if (name === null) return null;
  const t = name.replace(TRAILING_STAMP, '').trim();
  return t === '' ? null : t;
}

function rawText(raw: GridCell | null): string {
  return raw === null ? '' : String(raw.v).trim();
}

/**
 * One month row's values. Every key written out (not a loop of keyed stores over the four keys
 * into objects that grow key by key): V8 makes each entry and its cells in one shape, and the
 * loop's stores were the most of normalising a 附件3 (same keys, same order).
 */
function monthEntry(row: FoundMonthRow): MonthEntry {
  const { goal, problem, owner, status } = row.values;
  return {
    month: parseMonthLabel(row.label),
    goal: cellText(goal?.raw ?? null),
    problem: cellText(problem?.raw ?? null),
    owner: cellText(owner?.raw ?? null),
    status: cellText(status?.raw ?? null),
    row: row.row,
    cells: { goal: goal?.cell ?? '', problem: problem?.cell ?? '', owner: owner?.cell ?? '', status: status?.cell ?? '' },
    labelCell: row.labelCell || undefined,
  };
}

/**
 * Normalises one extracted form: counts to integers, dates to "YYYY-MM-DD" ("YYYY-MM"
 * when only the month is known), text as typed (trimmed, line breaks kept), empty → null.
 * Opinions lose their stamp and date lines; that date fills the opinion's date field
 * when it is empty.
 */
export function normaliseForm(x: ExtractedForm, file: string, opts: { date1904?: boolean } = {}): Submission {
  const form = getForm(x.form);
  const fields: Partial<Record<FieldId, FieldValue>> = {};
  const cells: Partial<Record<FieldId, string>> = {};
  const parseIssues: Issue[] = [];
  const opinionDates: { spec: FieldSpec; dateText: string; cell: string }[] = [];

  const takeDate = (spec: FieldSpec, result: DateResult, typed: string, cell: string | undefined) => {
    if (result.error) {
      parseIssues.push({ rule: 'date-invalid', severity: 'error', field: spec.id, cell, message: ruleMessages.dateInvalid(spec.id, typed) });
      fields[spec.id] = null;
      return;
    }
    fields[spec.id] = result.value;
    if (result.value !== null && result.precision === 'month') {
      parseIssues.push({ rule: 'date-incomplete', severity: 'warning', field: spec.id, cell, message: ruleMessages.dateIncomplete(spec.id, result.value) });
    }
  };

  const specs = form.fields;
  for (let s = 0; s < specs.length; s++) {
    const spec = specs[s];
    const found = x.fields[spec.id];
    const raw = found?.raw ?? null;
    const cell = found?.cell;
    if (cell !== undefined) cells[spec.id] = cell;
    switch (spec.kind) {
      case 'text':
        // "…党支部（盖章）": the stamp mark is where the seal goes, not part of the name.
        fields[spec.id] = spec.id === 'branchName' ? withoutStamp(cellText(raw)) : cellText(raw);
        break;
      case 'longText':
        fields[spec.id] = cellText(raw);
        break;
      case 'phone': {
        // A landline typed into a number cell lost its leading 0 (7468221234): the number is 07468221234.
        const phone = raw !== null && typeof raw.v === 'number' ? parsePhone(raw) : null;
        fields[spec.id] = phone?.kind === 'landline' && phone.digits !== String(raw!.v) ? phone.digits : cellText(raw);
        break;
      }
      case 'count': {
        const r = parseCount(raw);
        fields[spec.id] = r.value;
        if (r.error) parseIssues.push({ rule: 'count-not-number', severity: 'error', field: spec.id, cell, message: ruleMessages.countNotNumber(spec.id, rawText(raw)) });
        break;
      }
      case 'date':
        takeDate(spec, parseDate(raw, opts.date1904), rawText(raw), cell);
        break;
      case 'opinion': {
        const parts = splitOpinion(cellText(raw));
        fields[spec.id] = parts.text;
        if (parts.dateText !== null) opinionDates.push({ spec, dateText: parts.dateText, cell: cell ?? '' });
        break;
      }
    }
  }

  // An opinion's date written inside the opinion cell fills its empty date field.
  for (const { spec, dateText, cell } of opinionDates) {
    const dateSpec = form.fields.find((f) => f.dateOf === spec.id);
    if (!dateSpec) continue;
    const alreadyFilled = fields[dateSpec.id] !== null && fields[dateSpec.id] !== undefined;
    const alreadyReported = parseIssues.some((i) => i.field === dateSpec.id);
    if (alreadyFilled || alreadyReported) continue;
    if (cell !== '') cells[dateSpec.id] = cell;
    takeDate(dateSpec, parseDate({ v: dateText }, opts.date1904), dateText, cell === '' ? undefined : cell);
  }

  const sub: Submission = { file, sheet: x.sheet, form: x.form, via: x.via, fields, cells, parseIssues };
  if (x.templateVersion !== undefined) sub.templateVersion = x.templateVersion;
  if (x.hiddenSheet) sub.hiddenSheet = true;
  for (const u of x.unreadBeside ?? []) parseIssues.push({ rule: 'form-unread', severity: 'warning', field: 'sheet', cell: u.cell, message: ruleMessages.formUnread(x.sheet, getForm(u.form).attachment, u.cell) });
  if (form.months) sub.months = (x.months ?? []).map(monthEntry);
  return sub;
}
