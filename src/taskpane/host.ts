/**
 * What the task pane needs from where it runs. Inside Excel the host is the Office.js
 * adapter (src/workbook/excel); in a plain browser (or for WPS users) it works on files
 * and downloads instead of writing into a workbook. Components only ever see this
 * interface, so they are tested with an in-memory host.
 *
 * Failures the user must act on are thrown as Errors with a Chinese message; expected
 * outcomes (a rejected file, a cancelled merge) are values.
 */

import type { FormId } from '../forms/types';
import type { Summary } from '../merge/types';
import type { CheckedSubmission, IntakeResult, Rejected, Stage } from '../model/types';
import type { OpinionWrite } from '../workbook/excel/writeOpinions';

export type HostKind = 'excel' | 'standalone';

/**
 * What an action did, for the confirmation the pane shows. `notes`: what it could not do
 * here and what to do instead (Chinese, e.g. no print setup on Excel 2019).
 */
export type ActionResult = (
  | { kind: 'inserted'; sheet: string }
  | { kind: 'downloaded'; fileName: string }
  /** Excel: the file was opened as a new, unsaved workbook (Excel.createWorkbook). */
  | { kind: 'opened'; fileName: string }
  | { kind: 'written'; sheets: string[] }
  | { kind: 'printSetup'; sheets: number }
) & { notes?: string[] };

export interface CheckRequest {
  stage: Stage;
  /** "YYYY-MM-DD" */
  asOf: string;
  /** Standalone: the files to check. Excel checks the workbook's own sheets and ignores this. */
  files?: readonly File[];
  /**
   * Excel: only these sheets (the live re-check after an edit); the result then holds
   * the forms of these sheets only, and the caller replaces theirs. Default: every sheet.
   */
  sheets?: readonly string[];
}

export interface CheckResult {
  /** One per form found (a workbook may hold several), in sheet order. */
  submissions: CheckedSubmission[];
  /** Files that held no readable form (standalone only). */
  rejected: Rejected[];
  /** Failures that did not stop the check (Excel: marking problem cells), shown to the user. */
  failures?: unknown[];
  /** What the user should know about how Excel treated the check (Chinese; e.g. Undo cleared once). */
  notes?: string[];
}

export interface MergeProgress {
  /** Files finished so far. */
  done: number;
  total: number;
  /** The file being read now. */
  current?: string;
}

export interface MergeRequest {
  files: readonly File[];
  /** The roster as pasted or loaded (one branch a line; numbering and a header line are tolerated). */
  rosterText?: string;
  /** Where the roster came from, as 未报送 names it (the imported file); default: pasted. */
  rosterSource?: string;
  asOf: string;
  /** Excel: also merge the form sheets of this workbook. */
  includeWorkbook?: boolean;
  onProgress?: (p: MergeProgress) => void;
  signal?: AbortSignal;
}

export type MergeOutcome =
  | { cancelled: false; results: IntakeResult[]; summary: Summary; /** What the roster text gave and left out. */ roster?: RosterRead }
  | { cancelled: true; results: IntakeResult[]; total: number };

/** A roster file read: its lines for the roster box (a table stays a tab-separated table), and what was not used. */
export type RosterRead =
  | {
      ok: true;
      names: string[];
      notes?: string[];
      /** Branches read; whether a header row was recognised, and its columns (as the template labels them). */
      count?: number;
      structured?: boolean;
      columns?: string[];
    }
  | { ok: false; reason: string };

export interface Host {
  kind: HostKind;
  /** Excel: render the form into a new worksheet. Standalone: download its template. */
  insertForm(form: FormId): Promise<ActionResult>;
  /** The template .xlsx for branches without the add-in (Excel: opened as a new workbook; standalone: downloaded). */
  exportTemplate(form: FormId): Promise<ActionResult>;
  /** Read and check every form (Excel: the workbook's sheets; standalone: req.files). */
  checkForms(req: CheckRequest): Promise<CheckResult>;
  /** Whether selectCell can move the user to a cell (false outside Excel). */
  canSelectCells: boolean;
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Calls onChange (debounced by the host) when a form sheet changes, with the sheet's
   * name when the host knows it (then only that sheet needs checking again); failures
   * of the watching itself go to onError. Returns the unsubscribe.
   */
  watch(onChange: (sheet?: string) => void, onError: (e: unknown) => void): () => void;
  /** Read and check the files off the page's thread (a Web Worker), reporting progress a few times a second, then consolidate. */
  mergeFiles(req: MergeRequest): Promise<MergeOutcome>;
  /** Names in a roster file (.txt in UTF-8 or GB18030, or .xlsx); a file without names is a reason. */
  readRoster(file: File): Promise<RosterRead>;
  /** Excel: write 汇总/进度/问题清单/未报送 sheets. Standalone: download 汇总.xlsx. */
  writeSummary(summary: Summary): Promise<ActionResult>;
  /** Whether applyPrintSetup belongs here at all (Excel only). */
  canApplyPrintSetup: boolean;
  /** Excel: whether this Excel can set up printing (ExcelApi 1.9); false disables the button with the reason. */
  printSetupSupported: boolean;
  applyPrintSetup(): Promise<ActionResult>;
  /** Build the print pack workbook from a summary and hand it to the user (Excel: as a new workbook). */
  printPack(summary: Summary): Promise<ActionResult>;
  /** A workbook the pane made (报送包, 抽查名单) handed to the user: Excel opens it as a new workbook, the page downloads it. */
  handOver?(file: { bytes: Uint8Array; fileName: string; notes?: string[] }): Promise<ActionResult>;
  /** Excel: write 初核 opinions into the open workbook's form sheets (one batch). */
  writeOpinions?(writes: readonly OpinionWrite[]): Promise<ActionResult>;
}

/** Today in local time as "YYYY-MM-DD" (what "as of" means for a clerk). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
