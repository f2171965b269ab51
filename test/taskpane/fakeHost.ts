import type { FormId } from '../../src/forms/types';
import type { Summary } from '../../src/merge/types';
import type { CheckedSubmission, IntakeResult } from '../../src/model/types';
import type { ActionResult, CheckRequest, CheckResult, Host, HostKind, MergeOutcome, MergeRequest, RosterRead } from '../../src/taskpane/host';

/** An in-memory host: records every call; results and failures are set by the test. */
export class FakeHost implements Host {
  calls: { method: string; args: unknown[] }[] = [];
  checkResult: CheckResult = { submissions: [], rejected: [] };
  mergeResults: IntakeResult[] = [];
  summary: Summary = emptySummary();
  failWith: Partial<Record<keyof Host, Error>> = {};
  /** When set, mergeFiles waits for this between files, so a test can cancel mid-way. */
  gate: Promise<void> | null = null;
  canSelectCells: boolean;
  canApplyPrintSetup: boolean;
  printSetupSupported: boolean;
  /** Results a test sets for each call of checkForms with `sheets` (the live re-check), by sheet. */
  sheetResults = new Map<string, CheckResult>();
  /** Notes the next actions report (what the host could not do). */
  notes: string[] = [];

  constructor(public kind: HostKind) {
    this.canSelectCells = kind === 'excel';
    this.canApplyPrintSetup = kind === 'excel';
    this.printSetupSupported = kind === 'excel';
  }

  private withNotes(r: ActionResult): ActionResult {
    return this.notes.length > 0 ? { ...r, notes: this.notes } : r;
  }

  private record(method: keyof Host, ...args: unknown[]): void {
    this.calls.push({ method, args });
    const e = this.failWith[method];
    if (e) throw e;
  }

  callsOf(method: keyof Host): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async insertForm(form: FormId): Promise<ActionResult> {
    this.record('insertForm', form);
    return this.withNotes(this.kind === 'excel' ? { kind: 'inserted', sheet: `sheet-${form}` } : { kind: 'downloaded', fileName: `${form}.xlsx` });
  }
  async exportTemplate(form: FormId): Promise<ActionResult> {
    this.record('exportTemplate', form);
    return this.withNotes(this.kind === 'excel' ? { kind: 'opened', fileName: `${form}.xlsx` } : { kind: 'downloaded', fileName: `${form}.xlsx` });
  }
  /** When set, checkForms waits for it (a test holds a check back to finish it late). */
  checkGate: Promise<void> | null = null;
  async checkForms(req: CheckRequest): Promise<CheckResult> {
    this.record('checkForms', req);
    const r = req.sheets ? (this.sheetResults.get(req.sheets[0]) ?? { submissions: [], rejected: [] }) : this.checkResult;
    if (this.checkGate) await this.checkGate;
    return r;
  }
  async selectCell(sheet: string, cell: string): Promise<void> {
    this.record('selectCell', sheet, cell);
  }
  watchErrors: ((e: unknown) => void)[] = [];
  listeners: ((sheet?: string) => void)[] = [];
  watch(onChange: (sheet?: string) => void, onError: (e: unknown) => void): () => void {
    this.calls.push({ method: 'watch', args: [] });
    this.listeners.push(onChange);
    this.watchErrors.push(onError);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== onChange);
    };
  }
  async mergeFiles(req: MergeRequest): Promise<MergeOutcome> {
    this.record('mergeFiles', req);
    const total = req.files.length;
    const done: IntakeResult[] = [];
    // In Excel the workbook's own forms come first, as one more result.
    for (const r of this.mergeResults.slice(0, total + (req.includeWorkbook ? 1 : 0))) {
      req.onProgress?.({ done: done.length, total, current: r.file });
      if (this.gate) await this.gate;
      if (req.signal?.aborted) return { cancelled: true, results: done, total };
      done.push(r);
    }
    req.onProgress?.({ done: done.length, total });
    return { cancelled: false, results: done, summary: this.summary };
  }
  /** Roster files by name → what readRoster gives. */
  rosters = new Map<string, RosterRead>();
  async readRoster(file: File): Promise<RosterRead> {
    this.record('readRoster', file.name);
    return this.rosters.get(file.name) ?? { ok: false, reason: '文件中没有找到支部名称' };
  }
  async writeSummary(summary: Summary): Promise<ActionResult> {
    this.record('writeSummary', summary);
    return this.withNotes(this.kind === 'excel' ? { kind: 'written', sheets: ['汇总', '进度', '问题清单'] } : { kind: 'downloaded', fileName: '汇总.xlsx' });
  }
  async applyPrintSetup(): Promise<ActionResult> {
    this.record('applyPrintSetup');
    return { kind: 'printSetup', sheets: 4 };
  }
  async printPack(summary: Summary): Promise<ActionResult> {
    this.record('printPack', summary);
    return this.kind === 'excel' ? { kind: 'opened', fileName: '打印包.xlsx' } : { kind: 'downloaded', fileName: '打印包.xlsx' };
  }
}

export function emptySummary(over: Partial<Summary> = {}): Summary {
  const zero = { branches: 0, organisations: 0, unnamed: 0, superseded: 0, members: 0, committeeMembers: 0, errors: 0, warnings: 0 };
  return {
    asOf: '2019-05-01',
    rows: [],
    submissions: [],
    rejected: [],
    duplicates: [],
    hasRoster: false,
    missing: [],
    obligations: null,
    notJudged: [],
    progress: [],
    totals: [],
    total: zero,
    problems: [],
    files: 0,
    ...over,
  };
}

export function submission(over: Partial<CheckedSubmission> & { sheet: string }): CheckedSubmission {
  return {
    file: 'a.xlsx',
    form: 'demonstration',
    via: 'tag',
    fields: { branchName: '第一党支部' },
    cells: {},
    parseIssues: [],
    issues: [],
    ...over,
  };
}
