/**
 * What a committee user reads about the roster template, obligations (应报), 报送情况,
 * 催报 and 下发 (issue 9). Deadlines and forms are named as the notice names them.
 */

export const rosterTemplateZh = {
  sheet: '名册',
  guideSheet: '填写说明',
  title: '市直机关党支部名册',
  /** Input prompt per column: title ≤ 32, message ≤ 255 characters (Excel's limits). */
  prompts: {
    name: '请填写党支部全称，如：中共永州市财政局机关第一支部委员会（必填）',
    parent: '填写上级党组织全称（机关党委、事业单位党委或工委直辖党总支）；市直工委直辖的党支部填“工委直辖”',
    category: '在职 或 离退休（离退休人员党支部不需报送附件2、附件3）',
    secretary: '党支部书记姓名',
    phone: '手机号或带区号的固定电话，如：0746-8221234',
    founded: '党支部成立日期，如：2019-4-15。4月以后新成立的，应在成立后一个月内报送附件2、附件3',
    status: '已达标、未达标 或 未申报（往年“五化”建设达标情况；已达标的不需报送附件2、附件3）',
    hasDemo: '是 或 否：该上级党组织是否已有“五化”建设示范点（没有的须在5月底前至少报送一份附件1）',
  } as Record<string, string>,
  badValue: (allowed: string) => `请从下拉列表中选择：${allowed}`,
  badDate: '请填写日期，如：2019-4-15',
  example: ['中共永州市财政局机关第一支部委员会', '中共永州市财政局机关委员会', '在职', '张三', '0746-8221234', '2016-03-01', '未申报', '否'],
  exampleNote: '（第2行为示例，请改写或删除）',
  guide: [
    '1. 每个党支部填一行；“党支部名称”必填，其他各列可按需要填写或删除，列的顺序不限。',
    '2. 上级党组织：机关党委、事业单位党委或工委直辖党总支的全称；市直工委直辖的党支部填“工委直辖”。',
    '3. 类别：在职 或 离退休。未填按“在职”处理。',
    '4. 达标情况：往年“五化”建设已达标、未达标或未申报。未填按“未申报”处理。',
    '5. 已有示范点：该上级党组织是否已有“五化”建设示范点（是/否），同一上级党组织填一行即可。',
    '6. 应报规则（通知三（一）、三（二））：在职且未达标的党支部须在4月30日前报送附件2和附件3（4月以后新成立的，在成立后一个月内）；离退休、已达标的党支部不需报送（巩固深化）；没有示范点的机关、事业单位党委和工委直辖党总支须在5月31日前至少报送一份附件1。',
    '7. 名册可以另存为 .xlsx、.csv 使用，也可以把表格复制粘贴到加载项的名册框中。',
  ],
};

/** 报送情况, 催报 and the judgements the merge could or could not make. */
export const committeeZh = {
  notOnRosterGroup: '（不在名册中的党支部）',
  noParentGroup: '（名册未填上级党组织）',
  /** 汇总/进度 grouped by 上级党组织: forms of a 党委/党总支 not on the roster, and forms without a branch name. */
  otherGroup: '（其他：名册外党委/党总支的表、未填党支部名称的表）',
  parentHeader: '上级党组织',
  direct: '工委直辖',
  states: { sent: '已报送', late: '逾期报送', missing: '未报送', 'not-required': '不需报送' } as Record<string, string>,
  /** "已报送（2019年4月20日）" */
  stateWithDate: (state: string, date: string | null) => (date ? `${state}\n${date}` : state),
  missingOverdue: (days: number) => (days > 0 ? `未报送\n（已逾期${days}天）` : `未报送\n（${-days === 0 ? '今天截止' : `距截止还有${-days}天`}）`),
  notJudged: {
    noRoster:
      '未提供名册：无法判断哪些党支部未报送（附件2、附件3应报未报）、哪些上级党组织未报送附件1（demonstration-missing），也不生成报送情况和催报。只报送了附件2、附件3其中一张的（form-missing）、附件1与附件2人数不一致的（cross-form-mismatch）照常检查。',
    noParent: '名册没有“上级党组织”一列：无法判断各上级党组织是否报送了附件1（demonstration-missing），报送情况不分组。',
    noCategory: '名册没有“类别”一列：名册中的党支部均按在职党支部处理（离退休党支部不需报送附件2、附件3）。',
    noStatus: '名册没有“达标情况”一列：名册中的党支部均按往年未申报处理，须报送附件2、附件3（已达标的不需报送）。',
    noDemo: '名册没有“已有示范点”一列：各上级党组织均按没有示范点处理，须至少报送一份附件1。',
  },
};

const N = { demonstration: '附件1', application: '附件2', progress: '附件3' } as const;
const TITLES = {
  demonstration: '《市直机关党支部“五化”建设示范点创建申报表》',
  application: '《市直机关党支部“五化”建设申报表》',
  progress: '《市直机关党支部“五化”建设创建进度表》',
} as const;
type F = keyof typeof N;
/** "附件2《…申报表》和附件3《…创建进度表》" */
const formsText = (forms: readonly F[]) => forms.map((f) => `${N[f]}${TITLES[f]}`).join('和');
const zh = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
const overdue = (days: number) => (days > 0 ? `已逾期${days}天` : days === 0 ? '今天截止' : `距截止还有${-days}天`);
const NOTICE = '《关于认真学习贯彻〈中国共产党支部工作条例（试行）〉提升党支部“五化”建设质量的指导意见》';

/** Sheet names, headers and the 催报 messages. */
export const committeeSheetsZh = {
  status: '报送情况',
  reminders: '催报',
  /** 报送情况's column after the printed ones: each form's file in full. */
  fullSources: '完整路径（屏幕查看，不打印）',
  statusHeaders: ['序号', '上级党组织', '党支部名称', '类别', '达标情况', '附件1', '附件2', '附件3', '应报', '按时报送', '逾期报送', '未报送', '报送率', '错误数', '警告数', '来源文件'],
  subtotal: (parent: string) => `小计：${parent}`,
  total: '合计',
  /** A subtotal's cell for one form: "应报5，按时2，逾期2，未报1". */
  tallyText: (t: { owed: number; sent: number; late: number; missing: number }) => `应报${t.owed}，按时${t.sent}，逾期${t.late}，未报${t.missing}`,
  demoOwed: '须报附件1（无示范点）',
  demoNotOwed: '不须报附件1',
  demoUnknown: '附件1：未能判断',
  reminderHeaders: ['序号', '上级党组织', '党支部名称', '未报送的表单', '截止日期', '逾期天数', '书记', '联系电话', '催报通知'],
  toParent: '（致上级党组织）',
  none: '截至统计日，没有应报未报的表单。',
  formsShort: (forms: readonly F[]) => forms.map((f) => N[f]).join('、'),
  /** To one branch: what it has not sent, the deadline, and what to do. */
  branchMessage: (branch: string, forms: readonly F[], due: string, days: number, asOf: string) =>
    [
      `${branch}：`,
      `　　根据中共永州市直属机关工作委员会${NOTICE}要求（三(一)），往年未申报或申报未达标的在职人员党支部须于${zh(due)}前（新成立或调整的党支部在成立后一个月内）上报${formsText(forms.length ? forms : ['application', 'progress'])}。截至${zh(asOf)}，你支部尚未报送${formsText(forms)}，${overdue(days)}。`,
      `　　请抓紧填写，经上级党委（党总支）初核签署意见后尽快报送。`,
      `　　特此提醒。`,
    ].join('\n'),
  /** To a 上级党组织: its branches still owing, and its own 附件1 when it owes one. */
  parentMessage: (parent: string, asOf: string, lines: readonly string[], demo: { due: string; days: number } | null) =>
    [
      `${parent}：`,
      `　　根据中共永州市直属机关工作委员会${NOTICE}要求（三(一)、三(二)），截至${zh(asOf)}，你单位的报送情况如下：`,
      ...(lines.length ? [`　　以下党支部尚有表单未报送：`, ...lines.map((l, i) => `　　${i + 1}. ${l}`)] : []),
      ...(demo ? [`　　你单位尚无“五化”建设示范点，所属党支部至今未报送附件1${TITLES.demonstration}（截止日期${zh(demo.due)}，${overdue(demo.days)}）。没有示范点的机关、事业单位党委、工委直辖党总支部今年内至少要创建一个示范点（三(二)）。`] : []),
      `　　请督促所属党支部抓紧报送，并做好初核工作。`,
      `　　特此通知。`,
    ].join('\n'),
  parentLine: (branch: string, forms: readonly F[], due: string, days: number, secretary?: string, phone?: string) =>
    `${branch}：未报送${committeeSheetsZh.formsShort(forms)}（截止日期${zh(due)}，${overdue(days)}）${secretary || phone ? `；书记 ${[secretary, phone].filter(Boolean).join(' ')}` : ''}`,
};

/** `wuhua remind`. */
export const remindCliZh = {
  usage: `用法：bin/wuhua remind 文件或文件夹... --roster 名册.xlsx -o 催报.xlsx [--text 催报.txt] [--as-of YYYY-MM-DD]

  按名册核对各党支部的报送情况，列出应报未报的表单，并为每个上级党组织和每个
  党支部生成一段可直接发送的催报通知（写明表单全称、截止日期和逾期天数）。

  文件或文件夹   已收到的报送表格（文件夹会逐层读取）
  --roster 名册  名册（.xlsx、.csv 或 .txt；表头可有 党支部名称、上级党组织、类别、书记、
                 联系电话、成立日期、达标情况、已有示范点；用 bin/wuhua template roster 生成模板）
  -o 文件        催报工作簿（催报、报送情况两张工作表），须以 .xlsx 结尾
  --text 文件    另外把全部催报通知写成一个文本文件（UTF-8）
  --as-of 日期   以哪一天为“今天”计算逾期天数，默认今天

应报规则（通知三(一)、三(二)）：在职且未达标的党支部须在4月30日前报送附件2和附件3
（4月以后新成立的，在成立后一个月内）；离退休、已达标的党支部不需报送；没有示范点的
机关、事业单位党委和工委直辖党总支须在5月31日前至少报送一份附件1。

退出码：0 完成；1 输出无法写入；2 命令用法有误。输入文件和名册不会被修改。
`,
  noInputs: '缺少已收到的报送表格（文件或文件夹）',
  noRoster: '缺少 --roster 名册：催报要按名册判断谁应报送',
  missingOutput: '缺少 -o 催报.xlsx：请指定催报工作簿的保存位置',
  outputNotXlsx: (v: string) => `-o 的文件名“${v}”应以 .xlsx 结尾`,
  what: { workbook: '催报工作簿', text: '催报通知文本' },
  closing: (parents: number, branches: number, forms: number) =>
    parents + branches === 0 ? '按名册核对：没有应报未报的表单。\n' : `按名册核对：${parents} 个上级党组织、${branches} 个党支部尚有应报未报的表单（共 ${forms} 份）。\n`,
  textHeader: (asOf: string) => `催报通知（截至${asOf}）\n`,
  textSeparator: '\n————————————————————\n\n',
};
