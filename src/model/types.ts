import type { FieldId, FormId, MonthKey } from '../forms/types';

/**
 * The plain records every layer shares. A workbook, whatever read it (our .xlsx
 * reader, Office.js), becomes a WorkbookGrid; a form found in it becomes an
 * ExtractedForm (raw values and where they were); normalising that gives a
 * Submission, which the rules check and the merge consolidates.
 */

/** One non-empty cell. Dates are Excel serials with `date: true`. */
export interface GridCell {
  v: string | number | boolean;
  date?: boolean;
}

export interface SheetGrid {
  name: string;
  /** Keyed by `cellKey(row, col)`. */
  cells: Map<number, GridCell>;
  /** Merged areas, A1 ranges ("A8:A10"). */
  merges: string[];
  maxRow: number;
  maxCol: number;
  /** The sheet is hidden (Excel's "hidden" or "veryHidden"): its forms are read, and marked. */
  hidden?: boolean;
}

export interface DefinedName {
  name: string;
  /** Sheet the name is local to; undefined for a workbook-level name. */
  scope?: string;
  /** Formula text as stored, e.g. "'附件1 示范点创建申报表'!$B$5". */
  ref: string;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  names: DefinedName[];
  /** The workbook uses the 1904 date system (old Mac files). */
  date1904?: boolean;
}

export const MAX_COLS = 16384;
export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

/** A raw value found for a field, and the cell (A1) it came from. */
export interface FoundValue {
  raw: GridCell | null;
  cell: string;
}

export interface FoundMonthRow {
  /** The month label as typed ("1月份"), its row and cell. */
  label: GridCell | null;
  labelCell: string;
  row: number;
  values: Record<MonthKey, FoundValue>;
}

export interface ExtractedForm {
  form: FormId;
  sheet: string;
  /** How the form was found: our template's tag, or its title and labels. */
  via: 'tag' | 'labels';
  templateVersion?: number;
  fields: Partial<Record<FieldId, FoundValue>>;
  months?: FoundMonthRow[];
  /** The form sits on a hidden sheet. */
  hiddenSheet?: true;
  /**
   * Other forms whose labels sit inside this form's part of the sheet without a title or
   * an empty column to bound them: not read, so reported (form-unread) — never lost unsaid.
   */
  unreadBeside?: { form: FormId; cell: string }[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Issue {
  rule: string;
  severity: Severity;
  /** A field id, "months", or "months.N.goal" etc. */
  field: string;
  cell?: string;
  message: string;
}

export type FieldValue = string | number | null;

export interface MonthEntry {
  /** 1..12, or null when the label is not a month. */
  month: number | null;
  goal: string | null;
  problem: string | null;
  owner: string | null;
  status: string | null;
  row: number;
  cells: Record<MonthKey, string>;
  /** Cell of the month label ("1月份"), where month-level problems point. */
  labelCell?: string;
}

export interface Submission {
  file: string;
  sheet: string;
  form: FormId;
  via: 'tag' | 'labels';
  templateVersion?: number;
  /** The form sits on a hidden sheet (rule hidden-sheet; a visible copy in the same file wins the merge). */
  hiddenSheet?: true;
  /** Normalised: counts integers, dates "YYYY-MM-DD" (or "YYYY-MM" when only the month is known), text as typed, empty null. */
  fields: Partial<Record<FieldId, FieldValue>>;
  /** Where each field's value is (A1), for messages and marking cells. */
  cells: Partial<Record<FieldId, string>>;
  months?: MonthEntry[];
  /** Problems found while normalising values (count-not-number, date-invalid, date-incomplete). */
  parseIssues: Issue[];
  /** Set when the form was read from a 报送包: where it came from, as the pack records it (display only). */
  origin?: PackOrigin;
}

/** A form's origin as a 报送包's provenance sheet records it (src/review): never trusted beyond display. */
export interface PackOrigin {
  /** The branch's own file and sheet. */
  file: string;
  sheet: string;
  /** Every review on the way, oldest first ("机关党委于2019年4月28日初核（报送包A.xlsx）"). */
  chain: string[];
  /** The branch's 上级党组织 as the pack names it (the organisation that reviewed it first), when named. */
  parent?: string;
}

/** The stage a check runs in: a branch still filling in, or the committee receiving it. */
export type Stage = 'filling' | 'committee';

export interface CheckOptions {
  /** "YYYY-MM-DD": what "today" is for deadlines and months done. */
  asOf: string;
  stage: Stage;
}

/** A file that held no usable form, with a Chinese reason. */
export interface Rejected {
  file: string;
  reason: string;
}

/** A submission with the problems the rules found in it (parse problems included). */
export interface CheckedSubmission extends Submission {
  issues: Issue[];
}

/** What one input file gave: its forms, or the reason it was rejected. */
export type IntakeResult =
  | { ok: true; file: string; submissions: CheckedSubmission[]; fileTime?: number }
  | { ok: false; file: string; reason: string };
