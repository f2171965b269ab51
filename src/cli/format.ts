/** The readable Chinese report `check` prints, one block per file. Text from the files is printed as is. */
import { getForm } from '../forms';
import { CLI } from '../i18n/cli';
import type { IntakeResult, Issue, Severity } from '../model/types';
import { branchNameOf } from '../merge/branch';

export interface Tally {
  files: number;
  forms: number;
  rejected: number;
  error: number;
  warning: number;
  info: number;
}

export const emptyTally = (): Tally => ({ files: 0, forms: 0, rejected: 0, error: 0, warning: 0, info: 0 });

const count = (issues: readonly Issue[], s: Severity) => issues.filter((i) => i.severity === s).length;

/** One file's block; adds it to `tally`. */
export function formatResult(r: IntakeResult, tally: Tally): string {
  tally.files++;
  let s = CLI.reportFile(r.file);
  if (!r.ok) {
    tally.rejected++;
    return s + CLI.reportRejected(r.reason) + '\n';
  }
  for (const sub of r.submissions) {
    tally.forms++;
    const form = getForm(sub.form);
    const branch = branchNameOf(sub);
    s += CLI.reportForm(form.attachment, form.title.replace(/\n/g, ''), sub.sheet);
    s += CLI.reportBranch(branch);
    const e = count(sub.issues, 'error');
    const w = count(sub.issues, 'warning');
    const i = count(sub.issues, 'info');
    tally.error += e;
    tally.warning += w;
    tally.info += i;
    if (sub.issues.length === 0) s += CLI.reportNoProblems;
    else {
      s += CLI.reportProblems(e, w, i);
      for (const issue of sub.issues) s += CLI.reportIssue(issue.severity, issue.cell, issue.message);
    }
  }
  return s + '\n';
}

export const formatTally = (t: Tally) => CLI.tally(t.files, t.forms, t.rejected, t.error, t.warning, t.info);
