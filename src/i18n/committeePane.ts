/**
 * What the pane and the page show of the committee's workflow (issue 9 §1, §4, §6):
 * the roster template and what a roster read left out, 催报 with its copy buttons, and
 * the charts of the 汇总 tab. The reminder messages themselves come from committee.ts
 * (the same text as the 催报 sheet and `remind --text`).
 */

/** "2019-05-31" → "2019年5月31日". */
export function zhDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** "85%", or "—" when nothing was owed or due (never 0/0). */
export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

const days = (d: number) => (d > 0 ? `已逾期${d}天` : d === 0 ? '今天截止' : `距截止还有${-d}天`);

export const reminderPaneZh = {
  title: '催报',
  hint: '按名册列出应报未报的表单和可直接发送的催报通知（与汇总表中“催报”工作表的内容相同）。',
  none: '截至今天，名册中没有应报未报的表单。',
  counts: (parents: number, branches: number) => `${parents} 个上级党组织、${branches} 个党支部尚有表单未报送`,
  copyAll: '复制全部',
  copyAllLabel: '复制全部催报通知',
  copy: '复制',
  copyLabel: (to: string) => `复制给“${to}”的催报通知`,
  showMessage: '查看通知',
  hideMessage: '收起通知',
  messageLabel: (to: string) => `给“${to}”的催报通知`,
  toParent: '致上级党组织的通知',
  branchesLabel: (parent: string) => `${parent}：未报送的党支部`,
  forms: (forms: string) => `未报送：${forms}`,
  due: (date: string, d: number) => `截止日期：${date}（${days(d)}）`,
  demonstration: (date: string, d: number) => `本单位尚无示范点，未报送附件1（截止日期：${date}，${days(d)}）`,
  contact: (secretary?: string, phone?: string) => `书记：${secretary || '（名册未填）'}　联系电话：${phone || '（名册未填）'}`,
  copied: '已复制到剪贴板，可以粘贴到微信、短信或公文中。',
  copiedAll: (n: number) => `已复制全部 ${n} 条催报通知。`,
  /** The clipboard was refused (Office on the web, a locked-down browser): the text is selected for Ctrl+C. */
  copyRefused: '浏览器不允许本页面写入剪贴板（在网页版 Excel 中常见）。通知全文已在下方选中，请按 Ctrl+C（Mac 按 ⌘C）复制。',
  copyFallbackLabel: '要复制的通知全文',
};

export const rosterPaneZh = {
  downloadTemplate: '下载名册模板',
  templateHint: '名册可写明上级党组织、类别、书记、联系电话、成立日期、达标情况和已有示范点，据此判断谁应报送、生成报送情况和催报。',
  templateFile: '名册模板.xlsx',
  notesTitle: (file: string) => `名册「${file}」的读取情况`,
  read: (n: number, structured: boolean) => (structured ? `读到 ${n} 个党支部（按表头识别各列）。` : `读到 ${n} 个党支部名称（无表头，按名单读取；没有上级党组织、类别等信息）。`),
  columns: (labels: readonly string[]) => `识别的列：${labels.join('、')}`,
  problemsTitle: (n: number) => `以下 ${n} 处未能使用，请核对名册：`,
  judgedTitle: '以下情况无法判断或按默认处理：',
  unusable: (source: string, reason: string) => `名册「${source}」无法使用，本次汇总按没有名册处理：${reason}`,
};

export const chartPaneZh = {
  title: '图表',
  loading: '正在加载图表…',
  failed: '图表组件加载失败，请刷新页面后重试。数字见汇总表。',
  barsTitle: '各上级党组织报送率和完成率',
  barsNote: '报送率：已报送（含逾期）的表单数 ÷ 应报表单数；完成率：附件3 中到期月份已完成的比例。“—”表示没有应报或到期的内容。',
  noGroups: '提供带“上级党组织”的名册后，可按上级党组织显示报送率。',
  submitted: '报送率',
  completed: '完成率',
  curveTitle: (n: number) => `12个月完成情况（${n} 个报送附件3的党支部）`,
  curveNote: '每月标记为已完成的党支部所占比例；虚线部分的月份尚未到期。',
  month: '月份',
  monthLabel: (m: number) => `${m}月`,
  due: '已到期',
  notDue: '未到期',
  tableCaptionBars: '各上级党组织报送率和完成率（数据表）',
  tableCaptionCurve: '各月完成情况（数据表）',
  headers: { parent: '上级党组织', submitted: '报送率', submittedOf: '已报/应报', completed: '完成率', completedOf: '已完成/到期月份', month: '月份', done: '已完成的党支部', rate: '比例', due: '是否到期' },
  ofText: (part: number, whole: number) => `${part}/${whole}`,
};
