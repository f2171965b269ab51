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
  direct: '工委直辖',
  states: { sent: '已报送', late: '逾期报送', missing: '未报送', 'not-required': '不需报送' } as Record<string, string>,
  /** "已报送（2019年4月20日）" */
  stateWithDate: (state: string, date: string | null) => (date ? `${state}（${date}）` : state),
  missingOverdue: (days: number) => (days > 0 ? `未报送（已逾期${days}天）` : `未报送（${-days === 0 ? '今天截止' : `距截止还有${-days}天`}）`),
  notJudged: {
    noRoster:
      '未提供名册：无法判断哪些党支部未报送（附件2、附件3应报未报）、哪些上级党组织未报送附件1（demonstration-missing），也不生成报送情况和催报。只报送了附件2、附件3其中一张的（form-missing）、附件1与附件2人数不一致的（cross-form-mismatch）照常检查。',
    noParent: '名册没有“上级党组织”一列：无法判断各上级党组织是否报送了附件1（demonstration-missing），报送情况不分组。',
    noCategory: '名册没有“类别”一列：名册中的党支部均按在职党支部处理（离退休党支部不需报送附件2、附件3）。',
    noStatus: '名册没有“达标情况”一列：名册中的党支部均按往年未申报处理，须报送附件2、附件3（已达标的不需报送）。',
    noDemo: '名册没有“已有示范点”一列：各上级党组织均按没有示范点处理，须至少报送一份附件1。',
  },
};
