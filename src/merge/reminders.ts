/**
 * 催报: from the obligations, who to remind of what — per 上级党组织 the branches with
 * forms owed and not sent (overdue or not yet due), its own 附件1 when it owes one and
 * none came, and a ready-to-send message to the 上级党组织 and to each branch. Pure.
 * A form sent late is not reminded (it came in); it shows as 逾期报送 in 报送情况.
 */
import type { FormId } from '../forms/types';
import { committeeSheetsZh as z, committeeZh, remindCliZh } from '../i18n/committee';
import { zhDay } from '../i18n/committeePane';
import { daysBetween, type Obligations } from './obligations';

export interface BranchReminder {
  branch: string;
  forms: FormId[];
  due: string;
  daysOverdue: number;
  secretary?: string;
  phone?: string;
  message: string;
}

export interface ParentReminder {
  parent: string;
  branches: BranchReminder[];
  /** The group's own 附件1, when it owes one and none of its branches sent one. */
  demonstration: { due: string; daysOverdue: number } | null;
  /** To the 上级党组织; null for 工委直辖 and for branches without one (they are reminded one by one). */
  message: string | null;
}

export function reminders(o: Obligations): ParentReminder[] {
  const out: ParentReminder[] = [];
  for (const g of o.groups) {
    const branches: BranchReminder[] = [];
    for (const b of g.branches) {
      const forms = (['application', 'progress'] as const).filter((f) => b.forms[f].state === 'missing');
      if (forms.length === 0) continue;
      const s = b.forms[forms[0]];
      const r: BranchReminder = { branch: b.name, forms: [...forms], due: s.due!, daysOverdue: s.daysOverdue, message: z.branchMessage(b.name, forms, s.due!, s.daysOverdue, o.asOf) };
      if (b.entry?.secretary) r.secretary = b.entry.secretary;
      if (b.entry?.phone) r.phone = b.entry.phone;
      branches.push(r);
    }
    const demonstration = g.owesDemonstration && g.tally.demonstration.missing > 0 ? { due: g.demonstrationDue, daysOverdue: daysBetween(g.demonstrationDue, o.asOf) } : null;
    if (branches.length === 0 && demonstration === null) continue;
    const lines = branches.map((b) => z.parentLine(b.branch, b.forms, b.due, b.daysOverdue, b.secretary, b.phone));
    const demo = demonstration ? { due: demonstration.due, days: demonstration.daysOverdue } : null;
    const parent = g.parent || committeeZh.noParentGroup;
    const addressable = g.parent !== '' && !g.direct && g.parent !== committeeZh.notOnRosterGroup;
    out.push({ parent, branches, demonstration, message: addressable ? z.parentMessage(parent, o.asOf, lines, demo) : null });
  }
  return out;
}

/** Every message in sending order: per 上级党组织 its own message (when it has one), then its branches'. */
export function reminderMessages(list: readonly ParentReminder[]): string[] {
  return list.flatMap((p) => [...(p.message ? [p.message] : []), ...p.branches.map((b) => b.message)]);
}

/** All messages as one text: what `remind --text` writes and the pane's 复制全部 copies. */
export function remindersText(list: readonly ParentReminder[], asOf: string): string {
  const messages = reminderMessages(list);
  return remindCliZh.textHeader(zhDay(asOf)) + '\n' + (messages.length ? messages.join(remindCliZh.textSeparator) : z.none) + '\n';
}
