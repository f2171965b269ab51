import type { FieldId, FormId, FormSpec } from '../forms/types';
import type { CheckOptions, Issue, MonthEntry, Submission } from '../model/types';

/** What the help and the README list about a rule. */
export interface RuleInfo {
  id: string;
  /** The forms it applies to. */
  forms: readonly FormId[];
  /** One line in Chinese. */
  describe: string;
}

/** What a rule sees: the submission, its form, the options, and typed field access. */
export interface RuleContext {
  sub: Submission;
  form: FormSpec;
  opts: CheckOptions;
  /** The field's value when it is a number (a parsed count), else null. */
  num(id: FieldId): number | null;
  /** The field's value when it is text (or an ISO date), else null. */
  str(id: FieldId): string | null;
  /** Where the field is (A1), when known. */
  cell(id: FieldId): string | undefined;
  /** The field already has a parse issue: rules stay silent about it. */
  unreadable(id: FieldId): boolean;
  /** 附件3's rows whose label is a month, each month's first row only, in sheet order (read-only: made once per submission, shared by the month rules). */
  firstMonthRows(): readonly MonthEntry[];
}

export interface Rule extends RuleInfo {
  check(ctx: RuleContext): Issue[];
}
