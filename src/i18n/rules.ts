/**
 * Every message of value parsing and the check rules (zh-CN). Each says what is
 * wrong, what to do, and cites the regulation or the notice where there is one.
 */
import type { FieldId, MonthKey } from '../forms/types';
import { formatDateZh } from '../model/parse';

/** Field names as the paper form prints them (labels without their spacing). */
export const FIELD_NAMES: Record<FieldId, string> = {
  branchName: '党支部名称',
  date: '申报时间',
  memberCount: '党员人数',
  committeeCount: '支委人数',
  secretaryName: '书记姓名',
  contact: '联系方式',
  basicWork: '基础工作情况',
  highlights: '特色亮点做法',
  tableDate: '表内申报时间',
  plan: '创建计划',
  partyCommitteeOpinion: '机关事业单位党委、党总支部意见',
  partyCommitteeOpinionDate: '党委（党总支部）意见的落款日期',
  workCommitteeOpinion: '市直工委意见',
  workCommitteeOpinionDate: '市直工委意见的落款日期',
};

export const MONTH_COLUMN_NAMES: Record<MonthKey, string> = {
  goal: '目标任务',
  problem: '问题短板',
  owner: '责任部门或人员',
  status: '完成情况',
};

/** "附件1《…示范点创建申报表》" etc., for messages about one form. */
export const FORM_NAMES = {
  demonstration: '附件1《示范点创建申报表》',
  application: '附件2《“五化”建设申报表》',
  progress: '附件3《创建进度表》',
} as const;

const d = formatDateZh;
const q = (s: string) => `「${s}」`;
const shorten = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}…` : s);

export const ruleMessages = {
  // --- value parsing ---
  countNotNumber: (field: FieldId, typed: string) =>
    `${q(FIELD_NAMES[field])}填的是“${shorten(typed)}”，不是人数：请只填一个整数（如 23 或“23人”），说明文字请写在其他栏目。`,
  dateInvalid: (field: FieldId, typed: string) =>
    `${q(FIELD_NAMES[field])}“${shorten(typed)}”不是有效日期：请按“2019年4月3日”的格式填写年、月、日。`,
  dateIncomplete: (field: FieldId, value: string) =>
    `${q(FIELD_NAMES[field])}只填到月份（${d(value)}）：请补全具体日期，如“2019年4月3日”。`,

  // --- rules ---
  required: (field: FieldId) => `${q(FIELD_NAMES[field])}未填写：这是必填项，请补填后再报送。`,
  memberCountMin: (members: number) =>
    `党员人数（${members}）不足3人：正式党员3人以上才能成立党支部，不足3人的应与邻近单位联合成立党支部（条例第四条）。请核对党员人数或组织设置。`,
  memberCountZongzhi: (members: number) =>
    `党员人数（${members}）达到50人以上：党员50人至100人的一般应成立党总支部（机关条例第六条），通知也要求此类支部按要求设置党总支部。请考虑调整组织设置，或在意见中说明。`,
  committeeExceedsMembers: (committee: number, members: number) =>
    `支委人数（${committee}）多于党员人数（${members}）：支委必须是本支部党员。请核对这两个人数。`,
  committeeTooFew: (committee: number, members: number) =>
    `支委人数（${committee}）不足3人：党员7人以上的党支部应设立支部委员会，一般由3至5人组成（条例第二十条）。本支部党员${members}人，请核对支委人数。`,
  committeeLarge: (committee: number) =>
    `支委人数（${committee}）超过5人：支部委员会一般由3至5人组成，最多不超过7人（条例第二十条）。请核对支委人数。`,
  committeeTooMany: (committee: number) =>
    `支委人数（${committee}）超过7人：支部委员会一般由3至5人组成，最多不超过7人（条例第二十条）。请核对支委人数。`,
  committeeSmallBranch: (committee: number, members: number) =>
    `党员人数（${members}）不足7人，不设支部委员会，只设书记、必要时设副书记（条例第二十条），但支委人数填了${committee}人。请核对支委人数。`,
  contactFormat: (typed: string) =>
    `联系方式“${shorten(typed)}”不是有效的手机号码或固定电话：手机号为11位（如13812345678），固定电话须带区号（如0746-8221234，分机写“转123”）。请核对。`,
  dateLateApplication: (date: string) =>
    `申报时间（${d(date)}）晚于${date.slice(0, 4)}年4月30日：通知要求《“五化”建设申报表》和《创建进度表》在4月底前上报（通知三(一)）。新成立或调整的支部在成立后一个月内上报，如属此情况请在意见中说明。`,
  dateLateDemonstration: (date: string) =>
    `申报时间（${d(date)}）晚于${date.slice(0, 4)}年5月31日：通知要求《示范点创建申报表》在5月底前上报（通知三(二)）。请核对申报时间。`,
  dateFuture: (date: string, asOf: string) =>
    `申报时间（${d(date)}）晚于今天（${d(asOf)}）：申报时间不能是将来的日期，请核对。`,
  tableDateMismatch: (tableDate: string, date: string) =>
    `表内申报时间（${d(tableDate)}）与表头申报时间（${d(date)}）不一致：两处应填同一日期，请核对。`,
  opinionMissingCommittee: () =>
    `${q(FIELD_NAMES.partyCommitteeOpinion)}未填写：通知要求经党支部自评和上级党委（党总支）初核后再报市直工委（通知三(一)）。请先报上级党委（党总支部）签署意见并盖章。`,
  opinionMissingFilling: () =>
    `${q(FIELD_NAMES.partyCommitteeOpinion)}尚未填写：支部填好后，请报上级党委（党总支部）初核、签署意见并盖章（通知三(一)）。`,
  opinionPending: () => `${q(FIELD_NAMES.workCommitteeOpinion)}由市直工委审核时填写，支部无需填写。`,
  opinionUndated: (opinion: FieldId) =>
    `${q(FIELD_NAMES[opinion])}已填写，但没有落款日期：请在意见下方填写签署的年、月、日。`,
  opinionBeforeDate: (opinion: FieldId, opinionDate: string, date: string) =>
    `${q(FIELD_NAMES[opinion])}的落款日期（${d(opinionDate)}）早于申报时间（${d(date)}）：上级意见应在支部申报之后签署，请核对两处日期。`,
  monthsNone: () => `没有找到1至12月的进度行：创建进度表应按月各填一行（1月份至12月份）。请按模板补齐。`,
  monthsMissing: (month: number) => `缺少${month}月份的进度行：创建进度表应按月各填一行（1月份至12月份），请补上${month}月份。`,
  monthsDuplicate: (month: number) => `${month}月份出现了两次：每个月只应有一行，请合并或改正月份。`,
  monthsOrder: (month: number, previous: number) =>
    `${month}月份排在${previous}月份之后：月份应按1月至12月的顺序排列，请调整行的顺序。`,
  monthGoalMissing: (month: number) => `${month}月份的${q(MONTH_COLUMN_NAMES.goal)}未填写：请写明该月的创建目标任务。`,
  monthOwnerMissing: (month: number) =>
    `${month}月份有目标任务，但${q(MONTH_COLUMN_NAMES.owner)}未填写：请写明负责落实的部门或人员。`,
  monthStatusMissing: (month: number, asOf: string) =>
    `${month}月份已过（今天是${d(asOf)}），${q(MONTH_COLUMN_NAMES.status)}未填写：请填写该月任务的完成情况。`,
  formUnread: (sheet: string, attachment: string, cell: string) =>
    `工作表“${sheet}”上本表范围内还有${attachment}的栏目（如单元格 ${cell}），但它没有标题，与本表之间也没有空列或空行隔开，无法确定其范围，未能读取：请把该表移到单独的工作表（保留其标题），或用空列隔开并加上标题后重新提交。`,
  hiddenSheet: (sheet: string) =>
    `本表单在隐藏的工作表“${sheet}”上，已照常读取：请确认这是要报送的内容。同一文件的可见工作表上如有同一党支部的同一表单，以可见工作表为准；如是旧稿，请删除该工作表。`,
  monthDoneFuture: (month: number, asOf: string) =>
    `${month}月份还没有到（今天是${d(asOf)}），${q(MONTH_COLUMN_NAMES.status)}却已写明完成：进度表应如实填写，未到的月份请留空或写计划，请核对。`,
  branchNameKind: (name: string, ending: string) =>
    `党支部名称“${shorten(name)}”以“${ending}”结尾，看起来不是党支部：本表由党支部填报，请填写党支部全称（如“××局机关第一党支部”）；党总支、党委请组织所属党支部分别填报。`,
  textOverflow: (field: FieldId, hidden: number, shown: number) =>
    `${q(FIELD_NAMES[field])}内容超出表格方框，按模板打印时约有${hidden}字显示不出来（方框约可容纳${shown}字）：请精简内容，或在表内注明“详见附页”并另附页打印全文。`,
  monthTextOverflow: (month: number, key: MonthKey, hidden: number, shown: number) =>
    `${month}月份的${q(MONTH_COLUMN_NAMES[key])}内容超出单元格，按模板打印时约有${hidden}字显示不出来（约可容纳${shown}字）：请精简内容，或另附页说明。`,
};

/** One-line descriptions of every issue id, for the task pane's help and the README. */
export const ruleDescriptions: Record<string, string> = {
  'count-not-number': '党员人数、支委人数填的不是一个整数（如“若干”“含预备党员3人”）',
  'date-invalid': '日期无法识别或不存在（如2019年2月30日）',
  'date-incomplete': '日期只填到月份，缺少日',
  required: '必填项未填写',
  'member-count-min': '党员人数不足3人，不能单独成立党支部（条例第四条）',
  'member-count-zongzhi': '党员人数50人以上，应考虑设立党总支部（机关条例第六条）',
  'committee-exceeds-members': '支委人数多于党员人数',
  'committee-size': '党员7人以上的支部，支委一般3至5人，最多不超过7人（条例第二十条）',
  'committee-small-branch': '党员不足7人的支部不设支部委员会，支委人数不应超过2人（条例第二十条）',
  'contact-format': '联系方式不是有效的手机号码或带区号的固定电话',
  'date-late': '申报时间晚于截止日期：附件2、附件3为4月30日，附件1为5月31日',
  'date-future': '申报时间晚于今天',
  'table-date-mismatch': '附件2表内申报时间与表头申报时间不一致',
  'opinion-missing': '上级党委（党总支部）意见未填写：汇总时为错误，填写中为提示',
  'opinion-pending': '市直工委意见待市直工委填写（提示）',
  'opinion-undated': '意见已填写但没有落款日期，或落款日期早于申报时间',
  'months-missing': '进度表缺少某个月份的行',
  'months-duplicate': '进度表某个月份出现两次',
  'months-order': '进度表月份没有按1至12月排列',
  'month-goal-missing': '某月的目标任务未填写',
  'month-owner-missing': '某月有目标任务但未填责任部门或人员',
  'month-status-missing': '已过去的月份未填写完成情况',
  'branch-name-kind': '党支部名称以党总支、党委、委员会等结尾，看起来不是党支部',
  'hidden-sheet': '表单在隐藏的工作表上（提示）：照常读取；同一文件的可见工作表上有同一表单时以可见的为准',
  'form-unread': '同一工作表上另一张表单没有标题、又与本表连在一起，无法确定范围而未能读取（警告）',
  'month-done-future': '还没有到的月份已写明完成（警告）',
  'form-missing': '党支部只报送了附件2、附件3中的一张：两表须一并上报（通知三(一)；汇总时为错误，填写中为警告）',
  'demonstration-missing': '没有示范点的机关、事业单位党委或工委直辖党总支，所属党支部无一报送附件1（通知三(二)；5月31日前为警告，之后为错误）',
  'cross-form-mismatch': '同一党支部的附件1与附件2党员人数或支委人数不一致（警告）',
  'text-overflow': '填写的文字超出表格方框，按模板打印时会显示不全',
};

/** The forms by their full titles, as the notice names them (附件1：《…》). */
export const FORM_FULL_TITLES = {
  demonstration: '《市直机关党支部“五化”建设示范点创建申报表》',
  application: '《市直机关党支部“五化”建设申报表》',
  progress: '《市直机关党支部“五化”建设创建进度表》',
} as const;

/** Messages of the rules over several forms and the roster (src/rules/obligations.ts). */
export const obligationMessages = {
  formMissing: (sent: 'application' | 'progress', other: 'application' | 'progress') =>
    `本党支部已报送${sent === 'application' ? '附件2' : '附件3'}${FORM_FULL_TITLES[sent]}，但没有报送${other === 'application' ? '附件2' : '附件3'}${FORM_FULL_TITLES[other]}：通知要求两表一并上报（通知三(一)）。请补报。`,
  demonstrationMissing: (parent: string, due: string, after: boolean) =>
    `${parent}没有示范点，所属党支部${after ? '在截止日期前' : '至今'}无一报送附件1${FORM_FULL_TITLES.demonstration}：没有示范点的机关、事业单位党委、工委直辖党总支部今年内至少要创建一个示范点，申报表须在${d(due)}前上报（通知三(二)）。${after ? '已逾期，请督促补报。' : '请督促所属党支部按时申报。'}`,
  crossFormMismatch: (label: string, own: number, otherForm: string, other: number, otherFile: string) =>
    `${label}（${own}）与本支部${otherForm}中的${label}（${other}，${otherFile}）不一致：同一党支部两张表的人数应相同，请核对后改正。`,
};

/**
 * Short Chinese names of every issue id, for 问题清单's 规则 column (the id itself stays in a
 * column of its own, for filters and for talking to support). Ids from the merge included.
 */
export const RULE_NAMES: Record<string, string> = {
  'count-not-number': '人数不是整数',
  'date-invalid': '日期无法识别',
  'date-incomplete': '日期不完整',
  required: '必填项未填',
  'member-count-min': '党员不足3人',
  'member-count-zongzhi': '党员50人以上',
  'committee-exceeds-members': '支委多于党员',
  'committee-size': '支委人数不合规定',
  'committee-small-branch': '小支部设支委过多',
  'contact-format': '联系方式有误',
  'date-late': '申报晚于截止日期',
  'date-future': '申报时间晚于今天',
  'table-date-mismatch': '表内外申报时间不一致',
  'opinion-missing': '上级党组织意见未填',
  'opinion-pending': '市直工委意见待填',
  'opinion-undated': '意见缺落款日期',
  'months-missing': '缺少月份',
  'months-duplicate': '月份重复',
  'months-order': '月份顺序有误',
  'month-goal-missing': '月度目标未填',
  'month-owner-missing': '月度责任人未填',
  'month-status-missing': '完成情况未填',
  'branch-name-kind': '名称不像党支部',
  'text-overflow': '文字超出方框',
  'hidden-sheet': '表单在隐藏工作表上',
  'form-unread': '旁边的表单未能读取',
  'not-on-roster': '不在名单中',
  'month-done-future': '未到月份已写完成',
  'form-missing': '附件2附件3缺一',
  'demonstration-missing': '未报附件1示范点',
  'cross-form-mismatch': '附件1与附件2人数不一致',
  superseded: '已被新报送取代',
  rejected: '文件未受理',
};

/** A rule's Chinese name; an id without one shows as itself (never an empty cell). */
export function ruleName(id: string): string {
  return RULE_NAMES[id] ?? id;
}
