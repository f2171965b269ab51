/**
 * Committee-level consolidation (DOMAIN.md "Merging"): intake results of many files →
 * one Summary. Pure: no file system, runs in the task pane too.
 *
 * - One row per branch and form. Resubmissions of the same branch and form: the later
 *   申报时间 wins (附件2's 申报时间 inside the table when the header one is missing),
 *   then the later file time, then (so the result never depends on input order) the
 *   later file path and sheet name — except that a form on a hidden sheet never wins
 *   over the same form on a visible sheet of the same file. The others stay in the report with
 *   latest:false and are listed in duplicates and in the problem list.
 * - Branches are matched by branchKey (NFKC, no spaces, 中国共产党 = 中共, trailing
 *   党支部/支部/委员会 folded); the kept submission's spelling is shown.
 * - A form without a branch name is never merged with another one, and is not counted
 *   as a branch in the totals (see unnamedForms).
 * - With a roster: roster names with no kept submission are missing (未报送), and every
 *   submission whose branch is not on it gets a `not-on-roster` warning.
 * - Order: form number, then branch key, then file, then sheet (code-unit order, so the
 *   same inputs give the same summary on any machine).
 */

import { FORMS, getForm, perForm } from '../forms';
import type { FieldId, FormId } from '../forms/types';
import type { CheckedSubmission, Issue, IntakeResult, MonthEntry, Rejected } from '../model/types';
import { mergeZh } from '../i18n/merge';
import { contentChecksum, eachCanonicalValue, OPINION_FIELDS } from '../review/checksum';
import { fresh } from '../model/text';
import { nonBranchEnding } from '../rules/fields';
import { crossFormIssues, demonstrationMissing } from '../rules/obligations';
import { committeeZh } from '../i18n/committee';
import { obligations as buildObligations, owesApplication, type Obligations } from './obligations';
import { branchKey, branchNameOf, displayName } from './branch';
import { progressRow } from './progress';
import type {
  Duplicate,
  FormTotals,
  MergedSubmission,
  MergeOptions,
  Problem,
  ProgressRow,
  RosterEntry,
  RowKind,
  Summary,
  SummaryRow,
} from './types';

export * from './types';
export { branchKey, branchNameOf, displayName } from './branch';
export { isMonthDone, monthsDue, progressTotals } from './progress';
export * from './obligations';
export * from './reminders';
export * from './charts';

export const NOT_ON_ROSTER = 'not-on-roster';

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each form's number by its id: the sorts below ask it twice per comparison. */
const FORM_NUMBERS: Readonly<Record<string, number>> = Object.fromEntries(FORMS.map((f) => [f.id, f.number]));

function formNumber(form: FormId | null): number {
  return form ? (FORM_NUMBERS[form] ?? getForm(form).number) : FORMS.length + 1;
}

/** Order of rows, submissions and problems: form number, branch key, file, sheet. */
function compareSubmissions(a: MergedSubmission, b: MergedSubmission): number {
  return formNumber(a.form) - formNumber(b.form) || cmp(a.branchKey, b.branchKey) || cmp(a.file, b.file) || cmp(a.sheet, b.sheet);
}

/** The 申报时间 that dates a submission: the header's, else the table's (附件2), else "". */
function recencyDate(s: MergedSubmission): string {
  if (typeof s.fields.date === 'string') return s.fields.date;
  return typeof s.fields.tableDate === 'string' ? s.fields.tableDate : '';
}

/** > 0 when a is the later submission (the one to keep). */
function compareRecency(a: MergedSubmission, b: MergedSubmission): number {
  const da = recencyDate(a);
  const db = recencyDate(b);
  if (da !== db) return cmp(da, db); // "" (no valid date) is the earliest; "2019-04" sorts before "2019-04-01"
  const ta = a.fileTime ?? -Infinity;
  const tb = b.fileTime ?? -Infinity;
  if (ta !== tb) return ta < tb ? -1 : 1;
  return cmp(a.file, b.file) || cmp(a.sheet, b.sheet);
}

function opinionsFilled(s: MergedSubmission): number {
  return OPINION_FIELDS.filter((f) => s.fields[f] !== null && s.fields[f] !== undefined && s.fields[f] !== '').length;
}

/**
 * The submission a group keeps. Copies of one form that differ only in their opinions
 * (a branch's own file and the same form inside its 党委's 报送包) are one submission:
 * the copy with more opinions filled stands for them (then the later one), the others
 * are marked sameContent — noted in the report, not a problem. Then the later 申报时间
 * wins as usual. A form on a hidden sheet never wins over the same form on a visible
 * sheet of the same file.
 */
function pickKept(group: MergedSubmission[]): MergedSubmission {
  // A form on a hidden sheet loses to the same form on a visible sheet of the same file (a draft hidden away), whatever its date.
  const list = group.filter((s) => !(s.hiddenSheet && group.some((v) => !v.hiddenSheet && v.file === s.file)));
  if (list.length === 1) return list[0];
  const byContent = new Map<string | number, MergedSubmission>();
  for (const s of list) {
    const key = s.contentKey ?? contentChecksum(s);
    const best = byContent.get(key);
    if (!best) {
      byContent.set(key, s);
      continue;
    }
    const d = opinionsFilled(s) - opinionsFilled(best);
    const [winner, loser] = d > 0 || (d === 0 && compareRecency(s, best) > 0) ? [s, best] : [best, s];
    loser.sameContent = true;
    winner.sameContent = undefined;
    byContent.set(key, winner);
  }
  let kept: MergedSubmission | undefined;
  for (const s of byContent.values()) if (!kept || compareRecency(s, kept) > 0) kept = s;
  return kept!;
}

function detach<T>(v: T): T {
  if (typeof v === 'string') return fresh(v) as T;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(detach) as T;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (x !== undefined) out[k] = detach(x);
  return out as T;
}

/**
 * What a compact merge keeps of a submission's fields and cells: what 汇总, the totals,
 * the recency of resubmissions, the opinions count, the obligations and the rules over
 * a branch's forms read. Long texts (基础工作情况, 创建计划 …) and month goals are not kept.
 */
const COMPACT_FIELDS: readonly FieldId[] = ['branchName', 'date', 'tableDate', 'memberCount', 'committeeCount', 'secretaryName', 'contact', ...OPINION_FIELDS];
/** OPINION_FIELDS as a set of keys: contentKey asks it for every value of every form merged. */
const OPINION_KEYS: ReadonlySet<string> = new Set<string>(OPINION_FIELDS);
const COMPACT_CELLS: readonly FieldId[] = ['branchName', 'memberCount', 'committeeCount'];
/** Fields whose values repeat from form to form (dates, the usual opinions): kept once. Branch names go through Pool.name; secretaries and phones are not shared. */
const SHARED_FIELDS: ReadonlySet<FieldId> = new Set<FieldId>(['date', 'tableDate', ...OPINION_FIELDS]);

/**
 * Values many submissions share, kept once: cell addresses, month statuses, dates,
 * issue messages (a rule's message repeats with the same value), whole issues and
 * month entries. A compact merge of 10,000 forms holds ~21,000 issues with fewer than
 * 200 distinct messages. Kept values are plain data and never changed after intake,
 * so sharing them is safe. Bounded: past LIMIT distinct values of a kind, values are copied.
 *
 * Each kind is looked up by what it already has — a text by itself, an issue by its
 * message, a month entry by its month and row — and told apart from the few others
 * with that key by comparing the rest: no key string is made for every value merged
 * (concatenating and hashing them, issue messages included, was a third of merging a form).
 */
class Pool {
  private static readonly LIMIT = 200_000;
  private readonly texts = new Map<string, string>();
  private readonly issues = new Map<string, Issue[]>();
  private readonly months = new Map<number, MonthEntry[]>();
  private readonly cells = new Map<string, CheckedSubmission['cells']>();
  private readonly names = new Map<string, string>();
  private readonly branches = new Map<string, PooledBranch>();
  private readonly keys = new Map<string, string>();
  private readonly values = new Map<string, unknown>();

  /** `make()` the first time `key` is seen, the same value after (the 进度 rows' lists, once per kept form). */
  shared<T>(key: string, make: () => T): T {
    const v = this.values.get(key);
    if (v !== undefined) return v as T;
    const made = make();
    // A fresh key: the one given may be built from a slice of a sheet's XML, which it would keep alive.
    if (this.values.size < Pool.LIMIT) this.values.set(fresh(key), made);
    return made;
  }

  text(s: string): string {
    if (s.length > 512) return fresh(s);
    const known = this.texts.get(s);
    if (known !== undefined) return known;
    // A fresh copy: the one given may be a slice of a sheet's XML, which it would keep alive.
    const v = fresh(s);
    if (this.texts.size < Pool.LIMIT) this.texts.set(v, v);
    return v;
  }

  issue(i: Issue): Issue {
    let same = this.issues.get(i.message);
    if (same) {
      for (let k = 0; k < same.length; k++) {
        const o = same[k];
        // A cell absent or "" is one key, as it always was.
        if (o.rule === i.rule && o.severity === i.severity && o.field === i.field && (o.cell ?? '') === (i.cell ?? '')) return o;
      }
    }
    const out: Issue = { rule: this.text(i.rule), severity: i.severity, field: this.text(i.field), message: this.text(i.message) };
    if (i.cell !== undefined) out.cell = this.text(i.cell);
    if (same) same.push(out);
    else if (this.issues.size < Pool.LIMIT) this.issues.set(out.message, [out]);
    return out;
  }

  /** The cells object of a compact submission (branchName, memberCount, committeeCount), kept once. */
  cellsOf(cells: CheckedSubmission['cells']): CheckedSubmission['cells'] {
    // "\u0001" for a field without a cell: an address is never that.
    const key = `${cells.branchName ?? '\u0001'}\u0000${cells.memberCount ?? '\u0001'}\u0000${cells.committeeCount ?? '\u0001'}`;
    const known = this.cells.get(key);
    if (known !== undefined) return known;
    if (this.cells.size < Pool.LIMIT) this.cells.set(key, cells);
    return cells;
  }

  /**
   * A branch name or key: the same branch sends up to three forms, each read with its
   * name. Kept once, in a map of its own (a key string per name would double it).
   */
  name(s: string): string {
    const known = this.names.get(s);
    if (known !== undefined) return known;
    const v = fresh(s);
    if (this.names.size < Pool.LIMIT) this.names.set(v, v);
    return v;
  }

  /**
   * A branch name as read, with its display name and key, worked out once per name: one
   * look-up for all three (as name and branchKey above, they were eight look-ups and sets
   * over two maps, and most names are new: the look-ups were a third of merging a form).
   */
  branch(read: string): PooledBranch {
    const known = this.branches.get(read);
    if (known !== undefined) return known;
    // Fresh copies: `read` may be a slice of a sheet's XML, the others slices of what was made from it.
    const name = fresh(read);
    const shown = displayName(name);
    const display = shown === '' ? null : shown === name ? name : fresh(shown);
    let key = '';
    if (display !== null) {
      const k = branchKey(display);
      key = k === display ? display : fresh(k);
    }
    const b: PooledBranch = { name, display, key };
    if (this.branches.size < Pool.LIMIT) this.branches.set(name, b);
    return b;
  }

  /** branchKey of a branch name, worked out once per name (NFKC and three replaces; a branch sends up to three forms). */
  branchKey(name: string): string {
    const known = this.keys.get(name);
    if (known !== undefined) return known;
    const key = this.name(branchKey(name));
    if (this.keys.size < Pool.LIMIT) this.keys.set(this.name(name), key);
    return key;
  }

  /** A month entry with only its 完成情况 (what the 进度 sheet reads). */
  month(m: MonthEntry): MonthEntry {
    const status = m.cells.status;
    // Months are 1..12 (or null: 0), so month and row make one number.
    const key = m.row * 16 + (m.month ?? 0);
    let same = this.months.get(key);
    if (same) {
      for (let k = 0; k < same.length; k++) {
        const o = same[k];
        // A status cell absent or "" is one key, as it always was.
        if (o.month === m.month && o.row === m.row && o.status === m.status && (o.cells.status ?? '') === (status ?? '')) return o;
      }
    }
    const out: MonthEntry = {
      month: m.month,
      goal: null,
      problem: null,
      owner: null,
      status: m.status === null ? null : this.text(m.status),
      row: m.row,
      cells: (status === undefined ? {} : { status: this.text(status) }) as MonthEntry['cells'],
    };
    if (same) same.push(out);
    else if (this.months.size < Pool.LIMIT) this.months.set(key, [out]);
    return out;
  }
}

/** A branch name as read (the field's value), its display name (branchNameOf: null when blank) and its key ('' when blank). */
interface PooledBranch {
  name: string;
  display: string | null;
  key: string;
}

const NO_ISSUES: Issue[] = [];
/** Most rows supersede nothing: they share one empty list (never changed once made). */
const NONE_SUPERSEDED: SummaryRow['superseded'] = [];

/**
 * A submission as a compact merge keeps it: the fields above, and of each month only its
 * 完成情况 (the 进度 sheet); with its merge state. One object literal with every key in one
 * order: an object spread from sources of different shapes (`{ ...sub, latest: true }`)
 * gets a hidden class of its own in V8 (~600 B each, 6 MB for 10,000 submissions), this
 * literal gives them all one.
 */
function compactSubmission(s: CheckedSubmission, pool: Pool, fileTime: number | undefined): MergedSubmission {
  const fields: CheckedSubmission['fields'] = {};
  let named: PooledBranch | undefined;
  for (let k = 0; k < COMPACT_FIELDS.length; k++) {
    const f = COMPACT_FIELDS[k];
    const v = s.fields[f];
    if (v === undefined) continue;
    if (typeof v !== 'string') fields[f] = v;
    else if (f === 'branchName') fields[f] = (named = pool.branch(v)).name;
    else fields[f] = SHARED_FIELDS.has(f) ? pool.text(v) : fresh(v);
  }
  const cells: CheckedSubmission['cells'] = {};
  for (let k = 0; k < COMPACT_CELLS.length; k++) {
    const f = COMPACT_CELLS[k];
    if (s.cells[f] !== undefined) cells[f] = pool.text(s.cells[f]!);
  }
  // A branch name that is not text (a number typed in): as before, through branchNameOf.
  const branch = named !== undefined ? named.display : branchNameOf({ fields } as CheckedSubmission);
  let months: MonthEntry[] | undefined;
  if (s.months) {
    months = new Array<MonthEntry>(s.months.length);
    for (let k = 0; k < months.length; k++) months[k] = pool.month(s.months[k]);
  }
  let issues = NO_ISSUES;
  if (s.issues.length > 0) {
    issues = new Array<Issue>(s.issues.length);
    for (let k = 0; k < issues.length; k++) issues[k] = pool.issue(s.issues[k]);
  }
  return {
    file: s.file, // the caller's path, not a slice of a sheet
    sheet: pool.text(s.sheet),
    form: s.form,
    via: s.via,
    templateVersion: s.templateVersion,
    hiddenSheet: s.hiddenSheet,
    fields,
    cells: pool.cellsOf(cells),
    months,
    parseIssues: NO_ISSUES, // already among issues
    issues,
    origin: s.origin ? detach(s.origin) : undefined,
    latest: true,
    branch: branch === null ? null : named !== undefined ? branch : pool.name(branch),
    branchKey: branch === null ? '' : named !== undefined ? named.key : pool.branchKey(branch),
    fileTime,
    sameContent: undefined,
    contentKey: contentKey(s),
    spilled: undefined,
  };
}

/**
 * The values other than the opinions (those contentChecksum hashes) as a 53-bit number
 * (cyrb53): a compact merge keeps this instead of the values, to tell copies that differ
 * only in their opinions. It is only compared within one branch's copies of one form
 * (a handful), so 53 bits leave no room for a false match in practice; SHA-256 costs
 * ~100 µs a form here, and its hex digest 80 bytes a form.
 *
 * Hashed value by value as they come, each value's length first (so where one ends is
 * part of the hash): the copies compared are of one form, whose values come in one
 * order, so the keys need not be hashed. No text of all the values is made: joining them
 * (and the copy V8 makes of a joined text to read it) was most of what merging a form allocated.
 */
function contentKey(s: CheckedSubmission): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  eachCanonicalValue(s, (k, v) => {
    if (OPINION_KEYS.has(k)) return;
    h1 = Math.imul(h1 ^ v.length, 2654435761);
    h2 = Math.imul(h2 ^ v.length, 1597334677);
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  });
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function rosterEntries(roster: readonly (string | RosterEntry)[]): { entry: RosterEntry; key: string }[] {
  const seen = new Set<string>();
  const out: { entry: RosterEntry; key: string }[] = [];
  for (const r of roster) {
    const entry = typeof r === 'string' ? { name: r } : r;
    const name = displayName(entry.name);
    const key = branchKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push({ entry: { ...entry, name }, key });
  }
  return out;
}

function countSeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  // Indexed: finish runs once, mostly in V8's interpreter, where each step of an iterator is a call.
  for (let k = 0; k < issues.length; k++) {
    const severity = issues[k].severity;
    if (severity === 'error') errors++;
    else if (severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/**
 * Incremental merge: add intake results one at a time (the command line releases each
 * file's bytes before reading the next), then finish. Holds only the submissions — with
 * `compact`, only what the summary reads of them (see MergeOptions.compact).
 */
export class Merger {
  private readonly subs: MergedSubmission[] = [];
  private readonly rejected: Rejected[] = [];
  private readonly pool = new Pool();
  private finished = false;
  private files = 0;

  constructor(private readonly opts: MergeOptions) {
    if (!/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(opts.asOf)) throw new Error(`asOf must be YYYY-MM-DD, got ${opts.asOf}`);
  }

  add(result: IntakeResult): void {
    this.files++;
    if (!result.ok) {
      this.rejected.push({ file: result.file, reason: result.reason });
      return;
    }
    const compact = this.opts.compact;
    for (const found of result.submissions) {
      if (compact) {
        const merged = compactSubmission(found, this.pool, result.fileTime);
        if (compact.spill) merged.spilled = compact.spill.put({ fields: found.fields, cells: found.cells, ...(found.months ? { months: found.months } : {}) });
        this.subs.push(merged);
        continue;
      }
      const sub = detach(found);
      const branch = branchNameOf(sub);
      const merged: MergedSubmission = { ...sub, latest: true, branch, branchKey: branch ? branchKey(branch) : '' };
      if (result.fileTime !== undefined) merged.fileTime = result.fileTime;
      this.subs.push(merged);
    }
  }

  /**
   * A submission of the finished summary with every value it was read with: as it is
   * without `compact`; with a compact merge, its spilled part put back (what the JSON
   * report lists). Issues, latest and the branch are the summary's.
   */
  whole(s: MergedSubmission): MergedSubmission {
    const spill = this.opts.compact?.spill;
    if (s.spilled === undefined || !spill) return s;
    const part = spill.get(s.spilled);
    const out: MergedSubmission = { ...s, fields: part.fields, cells: part.cells };
    if (part.months) out.months = part.months;
    return out;
  }

  finish(): Summary {
    const { asOf } = this.opts;
    const roster = this.opts.roster ? rosterEntries(this.opts.roster) : null;
    const rosterKeys = roster ? new Set(roster.map((r) => r.key)) : null;

    // Copies (latest, sameContent and issues are set below), so finish can run again; a
    // compact merge finishes once and changes its own submissions (no second copy of N).
    if (this.opts.compact) {
      if (this.finished) throw new Error('a compact merge finishes once');
      this.finished = true;
    }
    const own = this.opts.compact !== undefined;
    const subs = this.subs.map((s) => {
      const out = own ? s : { ...s };
      if (!rosterKeys || !s.branch || rosterKeys.has(s.branchKey)) return out;
      const issue: Issue = { rule: NOT_ON_ROSTER, severity: 'warning', field: 'branchName', message: mergeZh.notOnRoster(s.branch) };
      if (s.cells.branchName) issue.cell = s.cells.branchName;
      out.issues = s.issues.concat(issue); // concat: exactly as long (a spread leaves room for 16 more)
      return out;
    });
    subs.sort(compareSubmissions);

    // Group by form and branch; a form without a branch name is a group of its own. Sorted
    // by form and branch key, each group is a run of subs: no map of N keys is made. Most
    // groups are one submission: it is kept, nothing is superseded.
    const rows: SummaryRow[] = [];
    const duplicates: Duplicate[] = [];
    const keptOf = new Map<MergedSubmission, MergedSubmission>();
    const NO_OLDER: MergedSubmission[] = [];
    for (let i = 0; i < subs.length; ) {
      const a = subs[i];
      let end = i + 1;
      while (end < subs.length) {
        const b = subs[end];
        if (b.form !== a.form || b.branchKey !== a.branchKey || (a.branchKey === '' && (b.file !== a.file || b.sheet !== a.sheet))) break;
        end++;
      }
      let kept = a;
      let older = NO_OLDER;
      if (end > i + 1) {
        const list = subs.slice(i, end);
        kept = pickKept(list);
        older = list.filter((s) => s !== kept);
        for (const s of older) {
          s.latest = false;
          keptOf.set(s, kept);
        }
      }
      i = end;
      const branch = kept.branch ?? mergeZh.unnamedBranch;
      const { errors, warnings } = countSeverity(kept.issues);
      rows.push({
        branch,
        branchKey: kept.branchKey,
        kind: rowKind(kept.branch),
        form: kept.form,
        submission: kept,
        errors,
        warnings,
        superseded: older.length === 0 ? NONE_SUPERSEDED : older.map((s) => ({ file: s.file, sheet: s.sheet })),
      });
      if (older.length > 0) {
        duplicates.push({
          branch,
          form: kept.form,
          kept: kept.file,
          keptSheet: kept.sheet,
          superseded: older.map((s) => s.file),
          supersededSheets: older.map((s) => s.sheet),
        });
      }
    }
    // rows are in compareSubmissions order as made: each group is a run of the sorted subs, and
    // two groups' submissions never compare equal (equal form, key, file and sheet are one group).
    duplicates.sort(
      (a, b) => formNumber(a.form) - formNumber(b.form) || cmp(branchKey(a.branch), branchKey(b.branch)) || cmp(a.kept, b.kept) || cmp(a.keptSheet, b.keptSheet),
    );

    // Rules over a branch's forms together (form-missing, cross-form-mismatch): their issues join the forms' own.
    const extra = crossFormIssues(rows.map((r) => ({ form: r.form, branchKey: r.kind === 'branch' ? r.branchKey : '', sub: r.submission })), 'committee');
    for (const r of rows) {
      const more = extra.get(r.submission);
      if (!more) continue;
      r.submission.issues = r.submission.issues.concat(more.map((i) => this.pool.issue(i))); // their messages repeat (form-missing)
      Object.assign(r, countSeverity(r.submission.issues));
    }

    const keptKeys = roster ? new Set(rows.map((r) => r.branchKey)) : null;
    const missing = roster ? roster.filter((r) => !keptKeys!.has(r.key) && owesApplication(r.entry)).map((r) => r.entry) : [];
    const owed = roster ? buildObligations(rows, roster.map((r) => r.entry), asOf) : null;

    const progress: ProgressRow[] = rows
      .filter((r) => r.form === 'progress')
      .map((r) =>
        progressRow(
          { branch: r.branch, branchKey: r.branchKey, kind: r.kind, file: r.submission.file, sheet: r.submission.sheet, cell: r.submission.cells.branchName ?? null },
          r.submission.months,
          asOf,
          own ? (key, make) => this.pool.shared(`p\u0000${key}`, make) : undefined,
        ),
      );

    const totals = FORMS.map((f) => formTotals(f.id, rows));
    const total = overallTotals(rows);

    const rejected = [...this.rejected].sort((a, b) => cmp(a.file, b.file));
    const problems = buildProblems(subs, keptOf, rejected);
    if (owed) problems.push(...obligationProblems(owed));
    const notJudged = judged(roster?.map((r) => r.entry) ?? null);

    return { asOf, rows, submissions: subs, rejected, duplicates, hasRoster: roster !== null, missing, obligations: owed, notJudged, progress, totals, total, problems, files: this.files };
  }
}

/** demonstration-missing, one per 上级党组织 that owes an 附件1 and has none; it points at the roster. */
function obligationProblems(o: Obligations): Problem[] {
  const out: Problem[] = [];
  for (const g of o.groups) {
    if (!g.owesDemonstration || g.tally.demonstration.missing === 0) continue;
    const d = demonstrationMissing(g.parent, g.demonstrationDue, o.asOf);
    const source = g.branches.find((b) => b.entry?.source)?.entry?.source ?? '';
    out.push({ kind: 'obligation', file: source, sheet: null, cell: null, branch: g.parent, form: 'demonstration', rule: d.rule, severity: d.severity, field: null, message: d.message });
  }
  return out;
}

/** What the merge could not judge (no roster, or a roster without some columns), said plainly. */
function judged(roster: readonly RosterEntry[] | null): string[] {
  const z = committeeZh.notJudged;
  if (roster === null) return [z.noRoster];
  const has = (k: keyof RosterEntry) => roster.some((e) => e[k] !== undefined);
  const out: string[] = [];
  if (!has('parent')) out.push(z.noParent);
  if (!has('category')) out.push(z.noCategory);
  if (!has('status')) out.push(z.noStatus);
  if (has('parent') && !has('hasDemo')) out.push(z.noDemo);
  return out;
}

function rowKind(name: string | null): RowKind {
  if (name === null) return 'unnamed';
  return nonBranchEnding(name) === null ? 'branch' : 'organisation';
}

function emptyTotals(form: FormId): FormTotals {
  return { form, branches: 0, organisations: 0, unnamed: 0, superseded: 0, members: 0, committeeMembers: 0, errors: 0, warnings: 0 };
}

/** One form's foot: its branches and their counts; a 党委/党总支's form and a form without a name apart. */
function formTotals(form: FormId, rows: readonly SummaryRow[]): FormTotals {
  const t = emptyTotals(form);
  for (const r of rows) {
    if (r.form !== form) continue;
    t.superseded += r.superseded.length;
    t.errors += r.errors;
    t.warnings += r.warnings;
    if (r.kind === 'unnamed') t.unnamed++;
    else if (r.kind === 'organisation') t.organisations++;
    else {
      t.branches++;
      const m = r.submission.fields.memberCount;
      const c = r.submission.fields.committeeCount;
      if (typeof m === 'number') t.members += m;
      if (typeof c === 'number') t.committeeMembers += c;
    }
  }
  return t;
}

/**
 * 总计: distinct branches; each branch's 党员人数 and 支委人数 once (its 附件2's figure,
 * else its 附件1's: a branch that sent both is not counted twice); the forms of
 * 党委/党总支 and forms without a name counted apart; problems over every kept form.
 */
export function overallTotals(rows: readonly SummaryRow[]): Omit<FormTotals, 'form'> {
  const { form: _f, ...t } = emptyTotals('application');
  const orgs = new Set<string>();
  const byBranch = new Map<string, Partial<Record<FormId, SummaryRow>>>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    t.superseded += r.superseded.length;
    t.errors += r.errors;
    t.warnings += r.warnings;
    if (r.kind === 'unnamed') t.unnamed++;
    else if (r.kind === 'organisation') orgs.add(r.branchKey);
    else {
      let forms = byBranch.get(r.branchKey);
      if (!forms) byBranch.set(r.branchKey, (forms = perForm<SummaryRow>()));
      forms[r.form] = r; // filled in place: no new object per row
    }
  }
  t.organisations = orgs.size;
  t.branches = byBranch.size;
  for (const forms of byBranch.values()) {
    t.members += countOf(forms, 'memberCount');
    t.committeeMembers += countOf(forms, 'committeeCount');
  }
  return t;
}

/** A branch's count: its 附件2's figure, else its 附件1's, else 0. */
function countOf(forms: Partial<Record<FormId, SummaryRow>>, field: 'memberCount' | 'committeeCount'): number {
  const a = forms.application?.submission.fields[field];
  if (typeof a === 'number') return a;
  const d = forms.demonstration?.submission.fields[field];
  return typeof d === 'number' ? d : 0;
}

/** `keptOf`: each superseded submission's kept one (a few; no map of every row is made). */
function buildProblems(subs: MergedSubmission[], keptOf: ReadonlyMap<MergedSubmission, MergedSubmission>, rejected: Rejected[]): Problem[] {
  const problems: Problem[] = [];
  for (const s of subs) {
    // subs is already in form / branch key / file / sheet order.
    if (s.latest) {
      const branch = s.branch ?? mergeZh.unnamedBranch; // a latest submission is its row's: the row's name
      for (const i of s.issues) {
        if (i.severity === 'info') continue; // hints stay in the JSON report; the sheet lists what needs action
        problems.push({
          kind: 'issue',
          file: s.file,
          sheet: s.sheet,
          cell: i.cell ?? null,
          branch,
          form: s.form,
          rule: i.rule,
          severity: i.severity,
          field: i.field,
          message: i.message,
        });
      }
    } else {
      if (s.sameContent) continue; // the same form with fewer opinions: noted in the report's duplicates, not a problem
      const kept = keptOf.get(s) ?? s;
      const viaPack = Boolean(s.origin) !== Boolean(kept.origin); // one copy came inside a 报送包, the other directly
      problems.push({
        kind: 'superseded',
        file: s.file,
        sheet: s.sheet,
        cell: s.cells.branchName ?? null,
        branch: s.branch,
        form: s.form,
        rule: 'superseded',
        severity: 'info',
        field: null,
        message: viaPack ? mergeZh.packDiffers(kept.file, kept.sheet) : mergeZh.superseded(kept.file, kept.sheet),
      });
    }
  }
  for (const r of rejected) {
    problems.push({ kind: 'rejected', file: r.file, sheet: null, cell: null, branch: null, form: null, rule: 'rejected', severity: 'error', field: null, message: r.reason });
  }
  return problems;
}

/** Kept forms that name no branch, of one form or of all: shown beside the branch counts, never in them. */
export function unnamedForms(rows: readonly SummaryRow[], form?: FormId): number {
  return rows.filter((r) => r.kind === 'unnamed' && (form === undefined || r.form === form)).length;
}

/** Distinct branches among kept rows (a branch that sent two forms counts once; a 党委/党总支 or a form without a name not at all). */
export function distinctBranches(rows: readonly SummaryRow[]): number {
  return new Set(rows.filter((r) => r.kind === 'branch').map((r) => r.branchKey)).size;
}

/** Submissions of many files → one Summary (see the module comment). */
export function mergeSubmissions(results: readonly IntakeResult[], opts: MergeOptions): Summary {
  const m = new Merger(opts);
  for (const r of results) m.add(r);
  return m.finish();
}
