/** Every string the task pane shows (zh-CN). Reviewed together; nothing user-facing lives in the components. */

import type { FormId } from '../forms/types';
import type { Severity, Stage } from '../model/types';

export const tp = {
  appTitle: '五化建设表单助手',
  tabsLabel: '功能',
  tabFill: '填写',
  tabMerge: '汇总',
  tabPrint: '打印',

  standaloneTitle: '当前不在 Excel 中运行：',
  standaloneBody:
    '本页面直接处理文件：可下载空白模板，检查填好的表格文件（.xlsx，也可以是 .xls/.et/.ods），汇总各支部报送的文件；汇总表和打印包以 .xlsx 文件下载。WPS、LibreOffice 用户可下载模板填写后在此检查和汇总。文件只在本机浏览器中处理，不会上传。',
  errorTitle: '操作未完成',
  dismiss: '关闭',
  doneTitle: '已完成',

  // 填写
  chooseForm: '选择表单',
  insertForm: '插入新工作表',
  downloadTemplate: '下载模板',
  exportTemplate: '导出模板',
  exportTemplateHint: '供未安装加载项的支部（含 WPS 用户）填写',
  stage: '检查阶段',
  stageLabels: { filling: '填写中', committee: '报送' } as Record<Stage, string>,
  stageHint: {
    filling: '填写中：意见栏、盖章等报送时才需要的内容只作提示',
    committee: '报送：按报送要求检查全部内容',
  } as Record<Stage, string>,
  checkAll: '检查全部表单',
  checkFilesLabel: '选择要检查的表单文件（.xlsx，也可以是 .xls/.et/.ods）',
  checkFilesButton: '选择文件',
  checking: '正在检查…',
  problemsTitle: '问题',
  noFormsExcel: '本工作簿中没有找到表单。请先插入一个表单工作表。',
  noFormsFiles: '尚未检查文件。请选择填写好的表格文件（.xlsx/.xls/.et/.ods）。',
  noProblems: '没有发现问题',
  selectCellHint: '点击问题可定位到单元格',
  unnamedBranch: '（未填写支部名称）',
  severity: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
  severityPlural: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,

  // 汇总
  pickFiles: '选择文件',
  pickFolder: '选择文件夹',
  filesLabel: '报送文件',
  dropZone: '把表格文件（.xlsx/.xls/.et/.ods）或文件夹拖到这里',
  clearFiles: '清空',
  includeWorkbook: '包括本工作簿中的表单',
  rosterLabel: '应报送支部名单（可选，每行一个）',
  rosterFile: '从文件导入名单',
  startMerge: '开始汇总',
  cancel: '取消',
  progressLabel: '汇总进度',
  resultsTitle: '逐个文件结果',
  rejected: '未受理',
  duplicatesTitle: '重复报送（以较新的为准）',
  missingTitle: '未报送',
  writeSummaryExcel: '生成汇总表',
  writeSummaryFile: '下载汇总表',
  showProblems: '查看问题',
  hideProblems: '收起问题',
  showMore: '显示更多',
  noProblemsShort: '无问题',

  // 打印
  printSetup: '应用打印设置',
  printSetupHint: '为本工作簿中的表单和汇总表设置 A4 页面、页边距和标题行',
  printPack: '生成打印包',
  printPackHint: '每个支部的表单整理成可直接打印的工作簿（A4，每表一页）',
  printNeedsMerge: '请先在「汇总」中完成汇总，再生成打印包。',
  chunkLoadFailed: '无法加载表格处理组件，请刷新页面后重试',
  tabLoading: '正在加载…',
  tabLoadFailed: '此页组件加载失败，请刷新页面后重试。',
  unreadableFile: '浏览器无法读取该文件（可能已被移动、删除或正被其他程序占用）',
  pastedRoster: '粘贴的名单',
  onlyInExcel: '此功能只能在 Excel 中使用。',
  printSetupOnlyExcel: '打印设置只能在 Excel 中应用；在浏览器中请下载打印包后用 Excel 或 WPS 打开打印。',
  printSetupNeedsNewerExcel:
    '此版本的 Excel（如 Excel 2019）不支持由插件设置打印格式。请在“页面布局”选项卡中把纸张设为 A4、“调整为”1 页宽 1 页高，或用 Microsoft 365、Excel 2021 或网页版 Excel 打开本工作簿后再点此按钮。',
  notesTitle: '部分功能未应用：',

  // 汇总 under real use (issue 11 §4)
  resultsReset: '文件或名单已更改，原汇总结果已清除，请重新开始汇总。',
  writing: '正在生成…',

  // Inside Office, while office.js loads (issue 11 §2)
  connecting: '正在连接 Excel…',
  officeSlowTitle: 'Office 组件加载较慢',
  officeSlowBody:
    '任务窗格正在等待 Excel 的 Office 组件（office.js）。如果本单位网络无法访问微软的 Office 组件地址，它可能一直加载不完：请信息化管理员改用“自带 Office 组件”的版本部署。现在也可以先处理文件（检查、汇总、下载模板），但不能直接读写本工作簿。',
  officeFailedTitle: '无法加载 Office 组件',
  officeFailedBody:
    '任务窗格无法下载 Excel 的 Office 组件（office.js），因此不能读写本工作簿。请检查网络后关闭并重新打开任务窗格；如果本单位网络无法访问微软的 Office 组件地址，请信息化管理员改用“自带 Office 组件”的版本部署。现在也可以先处理文件（检查、汇总、下载模板）。',
  useStandalone: '先处理文件',
};

export const editedRoster = (source: string): string => (source.endsWith('（已修改）') ? source : `${source}（已修改）`);
export const skippedDuplicateFiles = (n: number): string => `已忽略 ${n} 个重复选择的文件（文件名、大小和修改时间都相同）`;
export const mergeStartedText = (n: number): string => `开始汇总 ${n} 个文件`;
export function progressPercentText(done: number, total: number): string {
  return total > 0 ? `已处理 ${done}/${total} 个文件（${Math.floor((100 * done) / total)}%）` : '正在汇总';
}

/** What an action could not do on this host, and what the user can do instead. */
export const notes = {
  insertNoPageLayout:
    '此版本的 Excel（如 Excel 2019）不支持由插件设置打印格式，新工作表未设为 A4 一页打印。请在“页面布局”中把纸张设为 A4、“调整为”1 页宽 1 页高；或点「导出模板」，用已设好打印格式的模板文件填写。',
  insertNoValidation:
    '此版本的 Excel 不支持由插件添加输入提示和数据检查，填写时不会弹出提示。填好后问题仍会在本窗格中列出；也可点「导出模板」，用带输入提示的模板文件填写。',
  summaryNoPrintSetup:
    '此版本的 Excel（如 Excel 2019）不支持由插件设置打印格式和筛选按钮，汇总表未设为 A4、标题行未设为每页重复。请在“页面布局”中设置纸张 A4、“打印标题”的顶端标题行 $1:$1，或用 Microsoft 365、Excel 2021 或网页版 Excel 打开后在「打印」中点「应用打印设置」。',
  downloadInExcel:
    '此版本的 Excel 不能直接打开新工作簿，已改为下载文件。若没有看到下载的文件（Mac 版 Excel 不支持下载），请升级 Excel，或在浏览器中打开本页面下载。',
  openFailed: (reason: string) => `无法在新工作簿中打开，已改为下载文件（${reason}）。若没有看到下载的文件，请在浏览器中打开本页面下载。`,
};

export const fileNames = {
  template: (sheetName: string) => `${sheetName}.xlsx`,
  summary: '汇总.xlsx',
  printPack: '打印包.xlsx',
};

export function formLabel(form: { attachment: string; title: string }): string {
  return `${form.attachment} ${form.title.replace(/\n/g, '')}`;
}

export function formShortLabel(id: FormId): string {
  return { demonstration: '附件1 示范点申报表', application: '附件2 申报表', progress: '附件3 进度表' }[id];
}

export function countLabel(severity: Severity, n: number): string {
  return `${tp.severity[severity]} ${n}`;
}

export function selectedFiles(n: number): string {
  return `已选择 ${n} 个文件`;
}

export function progressText(done: number, total: number, current?: string): string {
  return current ? `正在处理第 ${Math.min(done + 1, total)}/${total} 个：${current}` : `已处理 ${done}/${total}`;
}

export function cancelledText(done: number, total: number): string {
  return `已取消：处理了 ${done}/${total} 个文件，未生成汇总。`;
}

export function mergeSummaryText(forms: number, files: number, rejected: number): string {
  return `共 ${files} 个文件，读到 ${forms} 份表单，${rejected} 个文件未受理。`;
}

export function insertedText(sheet: string): string {
  return `已插入工作表「${sheet}」`;
}

export function downloadedText(fileName: string): string {
  return `已下载「${fileName}」`;
}

export function openedText(fileName: string): string {
  return `已在新工作簿中打开「${fileName}」，请用“文件”→“另存为”保存。`;
}

export function writtenText(sheets: string[]): string {
  return `已写入工作表：${sheets.join('、')}`;
}

export function printSetupText(sheets: number): string {
  return `已为 ${sheets} 个工作表应用打印设置`;
}

export function selectCellLabel(sheet: string, cell: string, message: string): string {
  return `定位到 ${sheet} 的 ${cell}：${message}`;
}

export function duplicateText(branch: string, kept: string, superseded: string[]): string {
  return `${branch}：采用 ${kept}，忽略 ${superseded.join('、')}`;
}

export function problemsToggleLabel(open: boolean, file: string, n: number): string {
  return `${open ? tp.hideProblems : tp.showProblems}（${n}）：${file}`;
}

export function hiddenCount(n: number): string {
  return `另有 ${n} 项未显示`;
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * A failure as the user reads it. Our own modules throw Chinese messages; anything else
 * (a browser or library error in English) is wrapped so the user still learns what failed.
 */
export function describeError(e: unknown): string {
  if (e instanceof Error) {
    // The Excel adapter's errors carry what the user can do next.
    const action = (e as { action?: unknown }).action;
    if (CJK.test(e.message)) return typeof action === 'string' && action ? `${e.message} ${action}` : e.message;
    return `发生意外错误，请重试；若仍失败，请把以下信息告诉管理员：${e.name}: ${e.message}`;
  }
  if (typeof e === 'string' && CJK.test(e)) return e;
  return `发生意外错误，请重试；若仍失败，请把以下信息告诉管理员：${String(e)}`;
}

export const rosterFileError = (name: string, reason: string): string => `名单文件「${name}」无法使用：${reason}`;

export const readFileError = (name: string): string => `无法读取文件「${name}」，请确认文件没有被其他程序占用后重试。`;

/** What the pane calls the open workbook where a file name is expected. */
export const THIS_WORKBOOK = '本工作簿';
