import type { FieldId, FormId } from '../forms/types';
import type { Issue } from '../model/types';
import type { MergedSubmission, SummaryRow } from '../merge/types';

/** Who reviews: the branch's 上级党委（党总支）, or the 市直工委. */
export type ReviewLevel = 'party' | 'work';

export const LEVEL_FIELDS: Record<ReviewLevel, { opinion: FieldId; date: FieldId }> = {
  party: { opinion: 'partyCommitteeOpinion', date: 'partyCommitteeOpinionDate' },
  work: { opinion: 'workCommitteeOpinion', date: 'workCommitteeOpinionDate' },
};

/** What happened to a form's opinion: written, replaced (--replace), an existing one kept, none given, or a 附件3 (no opinion box). */
export type OpinionAction = 'written' | 'replaced' | 'kept' | 'none' | 'progress';

export interface ReviewedForm {
  row: SummaryRow;
  /** The submission with the opinion applied (a copy; the input is not changed). */
  submission: MergedSubmission;
  action: OpinionAction;
  /** Sent up although it has errors (--include-errors). */
  withErrors: boolean;
}

export interface ReturnedForm {
  row: SummaryRow;
  /** The errors that hold it back (judged as at the filling stage). */
  errors: Issue[];
  /** Ready to send to the branch. */
  message: string;
}

export interface ReviewResult {
  /** Forms that go into the 报送包, grouped by branch (branch key, then form number). */
  forms: ReviewedForm[];
  /** Forms held back for their errors, same order. */
  returned: ReturnedForm[];
  counts: Record<OpinionAction, number>;
}

export type { PackOrigin } from '../model/types';
export type { FormId };
