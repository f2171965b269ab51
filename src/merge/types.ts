import type { FormId } from '../forms/types';
import type { Obligations } from './obligations';
import type { CheckedSubmission, Rejected, Severity, Submission } from '../model/types';

export type BranchCategory = '在职' | '离退休';
export type BranchStatus = '已达标' | '未达标' | '未申报';

/**
 * One roster name and where it was written (file and line or cell), for the 未报送
 * sheet; with a structured roster (名册) also what the notice's obligations turn on.
 */
export interface RosterEntry {
  name: string;
  source?: string;
  /** 上级党组织: a 机关党委 / 事业单位党委 / 工委直辖党总支, or 工委直辖. */
  parent?: string;
  /** 类别; a roster without it means 在职. */
  category?: BranchCategory;
  secretary?: string;
  phone?: string;
  /** 成立日期, "YYYY-MM-DD". */
  founded?: string;
  /** 达标情况; a roster without it means not 已达标 (the notice's 往年未申报). */
  status?: BranchStatus;
  /** 已有示范点 of its 上级党组织 (是 on any of its rows counts). */
  hasDemo?: boolean;
}

export interface MergeOptions {
  /** "YYYY-MM-DD": months strictly before this month count as due in the progress matrix. */
  asOf: string;
  /** Names of the branches expected to report (plain names or entries with their source). */
  roster?: readonly (string | RosterEntry)[];
  /**
   * Keep of each submission only what the summary sheets, the totals, the obligations
   * and the problem list read (see COMPACT_FIELDS), so memory stays flat in N (the
   * command line's merge). The rest goes to `spill` when one is given and comes back
   * through Merger.whole (the JSON report); without a spill it is dropped. Not for a
   * Summary that is printed or reviewed (those read every field).
   */
  compact?: { spill?: MergeSpill };
}

/** What a compact merge does not keep of a submission in memory (the JSON report reads it back). */
export type SpilledPart = Pick<Submission, 'fields' | 'cells' | 'months'>;

/**
 * Where a compact merge puts what must wait for the end (the command line: a temporary
 * file; see src/cli/spill.ts). The core stays pure: it only hands records over.
 */
export interface MergeSpill {
  /** Keeps a record; returns the ticket that gets it back. */
  put(part: SpilledPart): number;
  /** The record given to put, as it was. */
  get(ticket: number): SpilledPart;
}

/** A submission as merged: its branch key and whether it is the one counted. */
export interface MergedSubmission extends CheckedSubmission {
  /** False when a later submission of the same branch and form superseded this one. */
  latest: boolean;
  /** Branch name as written (display form), or null when the form has none. */
  branch: string | null;
  /** Matching key (see branchKey); "" when the form has no branch name. */
  branchKey: string;
  /** File modification time (ms since epoch) when known. */
  fileTime?: number;
  /** Superseded by a copy of the same form that differs only in having more opinions filled (e.g. inside a 报送包): not a problem. */
  sameContent?: boolean;
  /** A compact merge: a digest of the values other than the opinions, taken while the submission was whole. */
  contentKey?: number;
  /** A compact merge with a spill: the ticket of the submission's spilled part. */
  spilled?: number;
}

/**
 * What a kept form's name says it is: a 党支部, a 党委/党总支 (its name ends so, see
 * branch-name-kind), or nothing (no name). Only branches are counted as branches.
 */
export type RowKind = 'branch' | 'organisation' | 'unnamed';

/** One row of 汇总: a kept submission. */
export interface SummaryRow {
  /** Branch name as written, or the "no name" placeholder. */
  branch: string;
  branchKey: string;
  kind: RowKind;
  form: FormId;
  submission: MergedSubmission;
  errors: number;
  warnings: number;
  /** Files (and sheets) of the submissions this one superseded. */
  superseded: { file: string; sheet: string }[];
}

export interface Duplicate {
  branch: string;
  form: FormId;
  kept: string;
  superseded: string[];
  /** Sheets, parallel to kept / superseded (a workbook may hold several forms). */
  keptSheet: string;
  supersededSheets: string[];
}

/** 进度: one kept 附件3 per branch, its twelve month statuses and the share done. */
export interface ProgressRow {
  branch: string;
  branchKey: string;
  kind: RowKind;
  file: string;
  sheet: string;
  /** Cell of the branch name, when known. */
  cell: string | null;
  /** Index 0 = 1月. The status as written, null when empty or the month row is missing. */
  statuses: (string | null)[];
  /** Cell of each month's 完成情况 when the row exists. */
  statusCells: (string | null)[];
  /** Whether each month counts as done (see isMonthDone). */
  done: boolean[];
  /** Months due at the as-of date (1 .. as-of month − 1). */
  due: number;
  /** Due months that are done. */
  doneCount: number;
  /** doneCount / due, or null when no month is due yet (as-of in January). */
  share: number | null;
}

export interface FormTotals {
  form: FormId;
  /** Kept submissions of branches, one per branch (a 党委/党总支's form or a form without a name is none). */
  branches: number;
  /** Kept forms whose name is a 党委/党总支's: counted apart. */
  organisations: number;
  /** Kept forms without a branch name: counted apart. */
  unnamed: number;
  /** Submissions superseded by later ones. */
  superseded: number;
  /**
   * Sums over the branches' kept forms whose count is known. In `total` each branch
   * counts once: its 附件2 figure, else its 附件1 figure (never summed across forms).
   */
  members: number;
  committeeMembers: number;
  errors: number;
  warnings: number;
}

/** 'obligation': what a 上级党组织 owes and did not send (demonstration-missing); file is the roster. */
export type ProblemKind = 'issue' | 'rejected' | 'superseded' | 'obligation';

/** 问题清单: one row per problem, each naming where to look. */
export interface Problem {
  kind: ProblemKind;
  file: string;
  sheet: string | null;
  cell: string | null;
  branch: string | null;
  form: FormId | null;
  /** Rule id for issues; "superseded" / "rejected" otherwise. */
  rule: string;
  severity: Severity;
  field: string | null;
  message: string;
}

export interface Summary {
  asOf: string;
  /** 汇总: kept submissions, ordered by form number, branch key, file. */
  rows: SummaryRow[];
  /** Every submission found (kept and superseded), same order: what --json lists. */
  submissions: MergedSubmission[];
  rejected: Rejected[];
  duplicates: Duplicate[];
  /** True when a roster was given (then missing and not-on-roster apply). */
  hasRoster: boolean;
  /** Roster entries that owe 附件2/附件3 and sent no form at all, in roster order. */
  missing: RosterEntry[];
  /** Who owes which form and what came in, grouped by 上级党组织 (with a roster). */
  obligations: Obligations | null;
  /** What could not be judged, and what was assumed, for want of a roster or of its columns (Chinese sentences). */
  notJudged: string[];
  progress: ProgressRow[];
  /** One per form, in the notice's order, then the totals over all forms. */
  totals: FormTotals[];
  total: Omit<FormTotals, 'form'>;
  /** Errors and warnings of kept submissions, superseded submissions, rejected files. */
  problems: Problem[];
  /** Number of input files (submitting or rejected). */
  files: number;
}

/** 进度 at the foot: the branches listed and their due months done, together. */
export interface ProgressTotals {
  /** Rows that name a branch (one per branch). */
  branches: number;
  /** Rows of a 党委/党总支. */
  organisations: number;
  /** Rows without a branch name. */
  unnamed: number;
  doneCount: number;
  due: number;
  /** doneCount / due, or null when no month is due. */
  share: number | null;
}
