/** Everything a user reads from the merge: summary workbook, print pack, `wuhua merge`. */

import type { FieldId, MonthKey } from '../forms/types';
import type { Severity } from '../model/types';
import { FIELD_NAMES, MONTH_COLUMN_NAMES } from './rules';

export const severityZh: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export const mergeZh = {
  unnamedBranch: '（未填写党支部名称）',
  notOnRoster: (name: string): string =>
    `党支部名称“${name}”不在名册中：请核对名称是否与名册一致（如“中共”“党支部”的写法），或把该支部补入名册`,
  superseded: (kept: string, keptSheet: string): string =>
    `同一党支部、同一表单有更新的报送，本份未计入汇总（计入的是：${kept}，工作表“${keptSheet}”）。按申报时间（表头未填时按表内申报时间）、再按文件修改时间取较晚的一份`,
  /** The same branch's form came directly and inside a 报送包, with different content. */
  packDiffers: (kept: string, keptSheet: string): string =>
    `同一党支部、同一表单既直接报送、又在上级党委的报送包中，且两份内容不同（不只是意见）：本份未计入汇总（计入的是：${kept}，工作表“${keptSheet}”，按申报时间、再按文件修改时间取较晚的一份）。请向该支部和上级党委核实以哪一份为准`,
  /** 来源 of a form read from a 报送包: the pack, then the branch's own file. */
  viaPack: (source: string, file: string, sheet: string): string => `${source} → ${file}（工作表：${sheet}）`,
};

/** "；另有2份为党委/党总支的表、1份未填党支部名称": the kept forms that are not a branch's, or "". */
function apart(organisations: number, unnamed: number, sep: string, sp = ''): string {
  const parts: string[] = [];
  if (organisations > 0) parts.push(`${sp}${organisations}${sp}份为党委/党总支的表`);
  if (unnamed > 0) parts.push(`${sp}${unnamed}${sp}份未填党支部名称`);
  return parts.length ? `${sep}另有${parts.join('、')}` : '';
}

/** Sheet names and column headers of the summary workbook (DESIGN.md "Summary workbook"). */
export const summaryZh = {
  sheets: { rows: '汇总', progress: '进度', problems: '问题清单', missing: '未报送' },
  title: (sheet: string, asOf: string): string => `市直机关党支部“五化”建设${sheet.startsWith('报送') ? '' : '报送'}${sheet}（截至${asOf}）`,
  footer: '第 &P 页，共 &N 页',
  rowHeaders: [
    '序号',
    '党支部名称',
    '表单',
    '申报时间',
    '党员人数',
    '支委人数',
    '书记姓名',
    '联系方式',
    '党委(党总支)意见',
    '市直工委意见',
    '错误数',
    '警告数',
    '来源文件',
  ],
  /** The column after the printed ones: where a row came from in full (file path, sheet, cell). */
  fullSource: '完整来源（屏幕查看，不打印）',
  formTotal: (attachment: string): string => `${attachment}合计`,
  grandTotal: '总计',
  /** A count of branches, and beside it the forms of 党委/党总支 and those that name none (never counted as branches). */
  branchesApart: (n: number, organisations: number, unnamed: number): string => `${n}个党支部${apart(organisations, unnamed, '；')}`,
  progressHeaders: (): string[] => [
    '序号',
    '党支部名称',
    ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
    '已完成/应完成',
    '完成率',
    '来源文件',
  ],
  /** 进度 at the foot, in the branch column. */
  progressFoot: (branches: number, organisations: number, unnamed: number): string => `合计（${branches}个党支部${apart(organisations, unnamed, '；')}）`,
  /** 问题清单 at the foot: how many rows, then by severity. */
  problemsFoot: (n: number): string => `合计 ${n} 条`,
  problemsBySeverity: (errors: number, warnings: number, infos: number): string => `错误 ${errors} 条，警告 ${warnings} 条，提示 ${infos} 条`,
  problemHeaders: ['序号', '来源文件', '工作表', '单元格', '党支部名称', '表单', '规则', '级别', '问题说明', '规则编号'],
  missingHeaders: ['序号', '党支部名称（名册）', '名册来源'],
  /** Where a row came from: file, sheet and (when known) the cell of the branch name. */
  source: (file: string, sheet: string, cell?: string | null): string => (cell ? `${file}（工作表：${sheet}，单元格 ${cell}）` : `${file}（工作表：${sheet}）`),
};

/** The print pack: one sheet per kept submission. */
export const printPackZh = {
  emptySheet: '无可打印的报送',
  emptyNote: '本次汇总没有计入任何报送。',
  /** A value too long for its box even in the smallest font. */
  overflow: (branch: string, attachment: string, sheet: string, field: string): string =>
    `打印包：${branch}（${attachment}，工作表“${sheet}”）的「${fieldLabel(field)}」内容过长，缩小字号后仍放不下一页，打印时会显示不全，请另行打印原文件。`,
};

/** A field id or "months.N.goal" as the form names it. */
function fieldLabel(field: string): string {
  const m = /^months\.(\d+)\.(goal|problem|owner|status)$/.exec(field);
  if (m) return `${m[1]}月份${MONTH_COLUMN_NAMES[m[2] as MonthKey]}`;
  return FIELD_NAMES[field as FieldId] ?? field;
}

/** Roster files (名册). */
export const rosterZh = {
  empty: '名册中没有找到任何党支部名称',
  notText: '名册文件既不是 UTF-8 也不是 GBK 编码的文本，请另存为 .xlsx、.csv 或 .txt（每行一个党支部名称）',
  exampleRow: (where: string): string => `${where}是名册模板的示例行，未计入名册`,
  rowWithoutName: (where: string): string => `${where}有内容但没有填写党支部名称，未计入名册`,
  duplicateRow: (where: string, name: string, earlier: string): string => `${where}的“${name}”与${earlier}重复，只按前一行计入`,
  badValue: (where: string, column: string, value: string, expected: string): string => `${where}的${column}“${value}”无法识别（应为${expected}），该项按未填写处理`,
  ignoredColumns: (labels: readonly string[]): string => `名册中以下列不是本工具使用的栏目，已忽略：${labels.join('、')}`,
  /** Sheet + row in a workbook roster. */
  sheetRow: (file: string, sheet: string, row: number): string => `${file}（工作表：${sheet}）第${row}行`,
  unreadable: (reason: string): string => `名册无法读取：${reason}`,
  /** A --roster file that cannot be used, and why. */
  failed: (p: string, reason: string): string => `名册“${p}”无法使用：${reason}`,
  noNameColumn: '名册工作簿中没有找到党支部名称列（应有一列写着“××党支部”之类的名称）',
  line: (file: string, line: number): string => `${file} 第${line}行`,
  cell: (file: string, sheet: string, cell: string): string => `${file}（工作表：${sheet}，单元格 ${cell}）`,
};

/** `wuhua merge` messages. */
export const mergeCliZh = {
  usage: [
    '用法：wuhua merge 文件或文件夹... -o 汇总.xlsx [--json 报告.json] [--roster 名册.xlsx|.xls|.csv|.txt]',
    '                  [--as-of YYYY-MM-DD] [--print-pack 打印包.xlsx]',
    '  文件夹会递归读取；每个文件要么计入报送，要么列为未受理并写明原因。输入文件不会被修改。',
  ].join('\n'),
  missingOutput: '缺少 -o 汇总.xlsx：请指定汇总工作簿的保存位置',
  noInputs: '缺少要汇总的文件或文件夹',
  badAsOf: (v: string): string => `--as-of 的日期“${v}”无效，应写成 YYYY-MM-DD，例如 2019-05-01`,
  outputNotXlsx: (opt: string, v: string): string => `${opt} 的文件名“${v}”应以 .xlsx 结尾`,
  outputIsInput: (p: string): string => `输出“${p}”是一个输入文件：为保证不修改输入，请换一个文件名或位置`,
  outputTwice: (p: string): string => `“${p}”被指定为两种输出，请分别指定不同的文件`,
  /** A merge's worker thread died reading this file (src/cli/pool.ts); the run goes on without it. */
  workerDied: (detail: string): string =>
    `读取该文件时后台读取线程意外终止（${detail}），文件未计入汇总。请在 Excel/WPS 中打开并另存为 .xlsx 后重试；如仍出错，请把文件交给技术人员。`,
  workerOutOfMemory: '内存不足',
  workerExitCode: (code: number): string => `退出码 ${code}`,
  progress: (done: number, total: number, rate: number): string =>
    `已处理 ${done}/${total} 个文件（${rate.toFixed(rate >= 10 ? 0 : 1)} 个/秒）`,
  writeFailed: (p: string, reason: string): string => `无法写入“${p}”：${reason}。请换一个位置，或检查文件是否正被 Excel/WPS 打开`,
  wrote: (what: string, p: string): string => `已写入${what}：${p}`,
  what: { summary: '汇总工作簿', json: 'JSON 报告', pack: '打印包' },
  closing: (s: {
    files: number;
    submissions: number;
    kept: number;
    branches: number;
    /** Kept forms of a 党委/党总支 and without a branch name: not branches, told apart. */
    organisations: number;
    unnamed: number;
    rejected: number;
    duplicates: number;
    superseded: number;
    missing: number | null;
    errors: number;
    warnings: number;
  }): string =>
    [
      `共读取 ${s.files} 个文件：${s.submissions} 份报送（计入汇总 ${s.kept} 份，涉及 ${s.branches} 个党支部${apart(s.organisations, s.unnamed, '，', ' ')}），未受理 ${s.rejected} 个文件。`,
      `重复报送：${s.duplicates} 处，${s.superseded} 份较早的报送已被替代（内容有差异的均列在“问题清单”中；只差意见的同一份表单视为一份，不列）。`,
      s.missing === null ? '未提供名册，未统计未报送的党支部。' : `名册中未报送的党支部：${s.missing} 个。`,
      `计入汇总的报送共有错误 ${s.errors} 个、警告 ${s.warnings} 个。`,
    ].join('\n'),
  rejectedHeader: '未受理的文件：',
  rejectedLine: (file: string, reason: string): string => `  ${file}：${reason}`,
  missingHeader: '未报送的党支部：',
  missingLine: (name: string): string => `  ${name}`,
  more: (n: number): string => `  ……另有 ${n} 个，见汇总工作簿`,
};
