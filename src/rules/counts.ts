/**
 * 党员人数 and 支委人数 against the party rules: 条例第四条 (3 正式党员 for a branch),
 * 条例第二十条 (支部委员会 from 7 members, 3–5 members, at most 7), 机关条例第六条
 * (50–100 members → 党总支). "以上/以下" include the number, "不足/超过" exclude it.
 */
import { ruleDescriptions, ruleMessages } from '../i18n/rules';
import type { Rule, RuleContext } from './types';

const BRANCH_MIN = 3;
const ZONGZHI_FROM = 50;
const COMMITTEE_FROM = 7;
const COMMITTEE_USUAL_MAX = 5;
const COMMITTEE_MIN = 3;
const COMMITTEE_MAX = 7;
const SMALL_BRANCH_MAX_LEADERS = 2;

const FORMS = ['demonstration', 'application'] as const;

function counts(ctx: RuleContext): { members: number | null; committee: number | null } {
  return { members: ctx.num('memberCount'), committee: ctx.num('committeeCount') };
}

/** 支委 > 党员 is reported on its own; the size rules say nothing more about such numbers. */
const exceeds = (members: number, committee: number) => committee > members;

export const memberCountMin: Rule = {
  id: 'member-count-min',
  forms: FORMS,
  describe: ruleDescriptions['member-count-min'],
  check: (ctx) => {
    const { members } = counts(ctx);
    if (members === null || members >= BRANCH_MIN) return [];
    return [{ rule: 'member-count-min', severity: 'error', field: 'memberCount', cell: ctx.cell('memberCount'), message: ruleMessages.memberCountMin(members) }];
  },
};

export const memberCountZongzhi: Rule = {
  id: 'member-count-zongzhi',
  forms: FORMS,
  describe: ruleDescriptions['member-count-zongzhi'],
  check: (ctx) => {
    const { members } = counts(ctx);
    if (members === null || members < ZONGZHI_FROM) return [];
    return [{ rule: 'member-count-zongzhi', severity: 'warning', field: 'memberCount', cell: ctx.cell('memberCount'), message: ruleMessages.memberCountZongzhi(members) }];
  },
};

export const committeeExceedsMembers: Rule = {
  id: 'committee-exceeds-members',
  forms: FORMS,
  describe: ruleDescriptions['committee-exceeds-members'],
  check: (ctx) => {
    const { members, committee } = counts(ctx);
    if (members === null || committee === null || !exceeds(members, committee)) return [];
    return [
      { rule: 'committee-exceeds-members', severity: 'error', field: 'committeeCount', cell: ctx.cell('committeeCount'), message: ruleMessages.committeeExceedsMembers(committee, members) },
    ];
  },
};

export const committeeSize: Rule = {
  id: 'committee-size',
  forms: FORMS,
  describe: ruleDescriptions['committee-size'],
  check: (ctx) => {
    const { members, committee } = counts(ctx);
    if (members === null || committee === null || members < COMMITTEE_FROM || exceeds(members, committee)) return [];
    const at = { rule: 'committee-size', field: 'committeeCount', cell: ctx.cell('committeeCount') };
    if (committee < COMMITTEE_MIN) return [{ ...at, severity: 'error', message: ruleMessages.committeeTooFew(committee, members) }];
    if (committee > COMMITTEE_MAX) return [{ ...at, severity: 'error', message: ruleMessages.committeeTooMany(committee) }];
    if (committee > COMMITTEE_USUAL_MAX) return [{ ...at, severity: 'warning', message: ruleMessages.committeeLarge(committee) }];
    return [];
  },
};

export const committeeSmallBranch: Rule = {
  id: 'committee-small-branch',
  forms: FORMS,
  describe: ruleDescriptions['committee-small-branch'],
  check: (ctx) => {
    const { members, committee } = counts(ctx);
    if (members === null || committee === null || members >= COMMITTEE_FROM || exceeds(members, committee)) return [];
    if (committee <= SMALL_BRANCH_MAX_LEADERS) return [];
    return [
      { rule: 'committee-small-branch', severity: 'warning', field: 'committeeCount', cell: ctx.cell('committeeCount'), message: ruleMessages.committeeSmallBranch(committee, members) },
    ];
  },
};
