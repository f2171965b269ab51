/**
 * The rules that look at several forms of one branch, or at a 上级党组织 as a whole
 * (DOMAIN.md "Obligations and the roster"). Pure, like the single-form rules: the
 * merge hands in the kept forms, the rules hand back issues per submission.
 *
 * - form-missing: a branch sent one of 附件2/附件3 and not the other (notice 三(一) asks
 *   for both together). Error at the committee, warning while filling.
 * - cross-form-mismatch: one branch's 附件1 and 附件2 give different 党员人数 or
 *   支委人数. Warning, on both forms (each names the other file).
 * - demonstration-missing (per 上级党组织, see demonstrationMissing): judged by the
 *   merge's obligations, which know the roster.
 */
import { perForm } from '../forms';
import type { FieldId, FormId } from '../forms/types';
import { FIELD_NAMES, obligationMessages } from '../i18n/rules';
import type { Issue, Severity, Stage, Submission } from '../model/types';

export interface KeptForm {
  form: FormId;
  /** The branch's matching key ("" for a form without a name: never paired). */
  branchKey: string;
  sub: Submission;
}

function byBranch(kept: readonly KeptForm[]): Map<string, Partial<Record<FormId, Submission>>> {
  const out = new Map<string, Partial<Record<FormId, Submission>>>();
  for (const k of kept) {
    if (k.branchKey === '') continue;
    // One record per branch, filled in place (a spread per form made a new object each time, each with a hidden class of its own).
    let forms = out.get(k.branchKey);
    if (!forms) out.set(k.branchKey, (forms = perForm<Submission>()));
    forms[k.form] = k.sub;
  }
  return out;
}

function add(map: Map<Submission, Issue[]>, sub: Submission, issue: Issue): void {
  const list = map.get(sub);
  if (list) list.push(issue);
  else map.set(sub, [issue]);
}

/** Issues of the rules over a branch's forms, per submission (only submissions with issues appear). */
export function crossFormIssues(kept: readonly KeptForm[], stage: Stage): Map<Submission, Issue[]> {
  const out = new Map<Submission, Issue[]>();
  for (const forms of byBranch(kept).values()) {
    const { application: a2, progress: a3, demonstration: a1 } = forms;
    if ((a2 === undefined) !== (a3 === undefined)) {
      const sent = a2 ? 'application' : 'progress';
      const sub = (a2 ?? a3)!;
      const issue: Issue = {
        rule: 'form-missing',
        severity: stage === 'committee' ? 'error' : 'warning',
        field: 'branchName',
        message: obligationMessages.formMissing(sent, sent === 'application' ? 'progress' : 'application'),
      };
      if (sub.cells.branchName) issue.cell = sub.cells.branchName;
      add(out, sub, issue);
    }
    if (a1 && a2) {
      for (const field of ['memberCount', 'committeeCount'] as const satisfies readonly FieldId[]) {
        const v1 = a1.fields[field];
        const v2 = a2.fields[field];
        if (typeof v1 !== 'number' || typeof v2 !== 'number' || v1 === v2) continue;
        const label = FIELD_NAMES[field];
        for (const [sub, own, otherForm, other, otherSub] of [
          [a1, v1, '附件2', v2, a2],
          [a2, v2, '附件1', v1, a1],
        ] as const) {
          const issue: Issue = { rule: 'cross-form-mismatch', severity: 'warning', field, message: obligationMessages.crossFormMismatch(label, own, otherForm, other, otherSub.file) };
          if (sub.cells[field]) issue.cell = sub.cells[field];
          add(out, sub, issue);
        }
      }
    }
  }
  return out;
}

/** A 上级党组织 that owes an 附件1 and has none: warning up to its deadline (5月31日), error after. */
export function demonstrationMissing(parent: string, due: string, asOf: string): { rule: string; severity: Severity; message: string } {
  const after = asOf > due;
  return { rule: 'demonstration-missing', severity: after ? 'error' : 'warning', message: obligationMessages.demonstrationMissing(parent, due, after) };
}
