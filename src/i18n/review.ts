/** Everything a user reads from 初核 (review), the 报送包 and 抽查 (sample), zh-CN. */
import type { FieldId, MonthKey } from '../forms/types';
import { formatDateZh } from '../model/parse';
import { FIELD_NAMES, FORM_NAMES, MONTH_COLUMN_NAMES } from './rules';

export type LevelZh = '党委' | '工委';

/** The two levels above a branch, as the forms name their opinions. */
export const levelZh: Record<LevelZh, { name: string; opinion: string }> = {
  党委: { name: '上级党委（党总支）', opinion: '机关事业单位党委、党总支部意见' },
  工委: { name: '市直工委', opinion: '市直工委意见' },
};

/** A field id or "months.N.goal" as the form names it. */
export function valueName(key: string): string {
  const m = /^months\.(\d+)\.(goal|problem|owner|status)$/.exec(key);
  if (m) return `${m[1]}月份${MONTH_COLUMN_NAMES[m[2] as MonthKey]}`;
  return FIELD_NAMES[key as FieldId] ?? key;
}

export const reviewZh = {
  /** The provenance sheet of a 报送包 (hidden, at the end) and its columns. */
  provenanceSheet: '报送来源',
  provenanceTitle: '报送包来源记录（仅供查看：内容以各表为准，本页不作为任何依据）',
  provenanceHeaders: [
    '序号',
    '本包工作表',
    '党支部名称',
    '表单',
    '来源文件',
    '来源工作表',
    '来源文件SHA-256',
    '原始文件',
    '原始工作表',
    '初核级别',
    '初核单位',
    '初核日期',
    '意见处理',
    '表单内容校验（SHA-256）',
    '各项校验',
    '此前经手',
    '上级党组织',
  ],
  action: { written: '已写入意见', replaced: '已替换原意见', kept: '原有意见未改动', none: '未写意见', progress: '进度表（无意见栏）' } as const,
  /** One earlier step of the chain, as the provenance sheet writes it. */
  chainStep: (level: string, reviewer: string, date: string, pack: string): string => `${reviewer || level}于${formatDateZh(date)}初核（${pack}）`,
  /** A form whose values changed after it was reviewed. */
  editedRule: 'edited-after-review',
  editedAfterReview: (level: string, date: string, changed: string[] | undefined): string =>
    `本表在${level}${formatDateZh(date)}初核之后被改动过${
      changed && changed.length > 0 ? `（改动的栏目：${changed.map(valueName).join('、')}）` : ''
    }：报送包中的来源记录与表内现有内容不一致。请向报送单位核实改动是否经过初核。`,
  returnsSheet: '退回清单',
  returnsTitle: (level: string, date: string): string => `退回清单（${level}初核，${formatDateZh(date)}）`,
  returnsHeaders: ['序号', '党支部名称', '表单', '来源文件', '工作表', '单元格', '问题说明', '退回通知（可直接发送）'],
  /** A ready-to-send 退回 message for one form. */
  returnMessage: (branch: string, form: keyof typeof FORM_NAMES, file: string, sheet: string, problems: { cell?: string; message: string }[], reviewer: string, date: string): string =>
    [
      `${branch}：`,
      `你支部报送的${FORM_NAMES[form]}（文件“${file}”，工作表“${sheet}”）经初核，有以下问题需要修改：`,
      ...problems.map((p, i) => `${i + 1}. ${p.cell ? `单元格 ${p.cell}：` : ''}${p.message}`),
      `请修改后重新报送。`,
      `${reviewer}　${formatDateZh(date)}`,
    ].join('\n'),
};

/** Per-branch opinion tables (--opinions, or the 汇总 sheet with its opinion column edited). */
export const opinionTableZh = {
  unreadable: (reason: string): string => `意见表无法读取：${reason}`,
  noHeader:
    '意见表中没有找到表头：应有一行写着“党支部名称”和“意见”（如“党委(党总支)意见”“市直工委意见”）的列名，可选“表单”“意见日期”列；本工具生成的汇总表（工作表“汇总”）也可以直接使用。',
  noOpinionColumn: (level: string): string => `意见表中没有找到${level}的意见列：列名应含“意见”（如“党委(党总支)意见”或“市直工委意见”）。`,
  badDate: (where: string, typed: string): string => `意见表${where}的日期“${typed}”不是有效日期：请写成 2019-04-28 或 2019年4月28日。`,
  badForm: (where: string, typed: string): string => `意见表${where}的表单“${typed}”无法识别：请写附件1、附件2或附件3。`,
  unknownBranches: (names: string[]): string =>
    `意见表中有 ${names.length} 个党支部不在本次初核的报送中：${names.slice(0, 20).join('、')}${names.length > 20 ? ' 等' : ''}。请核对名称（是否写错、是否已报送），或从意见表中删去这些行。`,
  cell: (sheet: string, cell: string): string => `（工作表“${sheet}”，单元格 ${cell}）`,
};

/** `wuhua review` messages. */
export const reviewCliZh = {
  noInputs: '缺少要初核的文件或文件夹，例如：bin/wuhua review 收件箱/ --as 党委 --opinion "经初核，情况属实，同意上报。" -o 报送包.xlsx',
  missingLevel: '缺少 --as：请说明以哪一级的身份写意见，--as 党委（上级党委、党总支初核）或 --as 工委（市直工委）。',
  badLevel: (v: string): string => `--as 的取值“${v}”无效：请写 党委 或 工委。`,
  missingOpinion: '缺少 --opinion：请给出意见文字，例如 --opinion "经初核，情况属实，同意上报。"，或用 --opinions 给出分支部的意见表。',
  emptyOpinion: '--opinion 的意见文字是空的：请写上意见。',
  badDate: (v: string): string => `--date 的“${v}”不是有效日期：请写成 YYYY-MM-DD（如 2019-04-28）或 2019年4月28日。`,
  missingOutput: '缺少 -o 报送包.xlsx：请指定报送包的保存位置。',
  outputNotXlsx: (opt: string, v: string): string => `${opt} 的文件名“${v}”应以 .xlsx 结尾。`,
  outputIsInput: (p: string): string => `输出“${p}”是一个输入文件（或名册、意见表）：为保证不修改输入，请换一个文件名或位置。`,
  outputTwice: (p: string): string => `“${p}”被指定为两种输出，请分别指定不同的文件。`,
  tableFailed: (p: string, reason: string): string => `意见表“${p}”无法使用：${reason}`,
  progress: (done: number, total: number): string => `已读取 ${done}/${total} 个文件……`,
  closing: (s: { level: string; date: string; files: number; kept: number; packed: number; written: number; replaced: number; kept_: number; none: number; returned: number; withErrors: number; rejected: number; superseded: number }): string =>
    [
      `${s.level}初核（${formatDateZh(s.date)}）：共读取 ${s.files} 个文件，计入 ${s.kept} 份表单（未受理文件 ${s.rejected} 个，被较晚报送替代 ${s.superseded} 份）。`,
      `报送包收入 ${s.packed} 份：新写入意见 ${s.written} 份，替换原意见 ${s.replaced} 份，原已有意见未改动 ${s.kept_} 份${s.kept_ > 0 ? '（如需改写请加 --replace）' : ''}，未写意见 ${s.none} 份${s.withErrors > 0 ? `；其中 ${s.withErrors} 份有错误，按 --include-errors 仍上报` : ''}。`,
      `退回 ${s.returned} 份（有错误，未写意见、未进报送包）${s.returned > 0 ? '，退回通知如下：' : '。'}`,
    ].join('\n'),
  rejectedLine: (file: string, reason: string): string => `  未受理：${file}：${reason}`,
  wrote: (what: string, p: string): string => `已写入${what}：${p}`,
  what: { pack: '报送包', returns: '退回清单' },
  writeFailed: (p: string, reason: string): string => `无法写入“${p}”：${reason}。请换一个位置，或检查文件是否正被 Excel/WPS 打开。`,
  overflow: (branch: string, attachment: string, sheet: string): string => `报送包：${branch}（${attachment}，工作表“${sheet}”）有内容过长，缩小字号后仍放不下一页，打印时会显示不全，请另附原文件。`,
};

/** 抽查 (sample): the list and `wuhua sample` messages. */
export const sampleZh = {
  sheet: '抽查名单',
  populationSheet: '抽样总体',
  title: '“五化”建设党支部年底随机抽查名单（回头看）',
  ungrouped: '未分组（名册和报送包均未写明上级党组织）',
  meta: {
    seed: '随机种子',
    method: '抽取方法',
    population: '抽样总体',
    size: '抽取比例/个数',
    drawn: '抽取结果',
  },
  methodText:
    '从报送了附件2《“五化”建设申报表》的党支部中，按上级党组织分层抽取。每个党支部名称先规范化（全角转半角，去掉空格，“中国共产党”写作“中共”，去掉结尾的“党支部”“支部”“委员会”），再计算文本“随机种子|规范化名称”（UTF-8 编码）的 SHA-256 值（十六进制）；在每个上级党组织内按该值从小到大排序，取前 k 个。任何人可用同样的种子和名单复算（如 Linux：printf "%s" "种子|名称" | sha256sum）。',
  population: (n: number, strata: number): string => `${n} 个申报党支部，分属 ${strata} 个上级党组织`,
  size: (s: { rate: number } | { count: number }): string =>
    'rate' in s ? `${+(s.rate * 100).toFixed(3)}%（每个上级党组织按申报支部数向上取整，至少 1 个）` : `每个上级党组织 ${s.count} 个（不足的全部抽取）`,
  drawn: (n: number): string => `共抽取 ${n} 个党支部`,
  headers: ['序号', '上级党组织', '党支部名称', '层内名次', '层内申报数', '本层抽取数', 'SHA-256（种子|规范化名称）', '规范化名称', '附件2来源'],
  populationHeaders: ['序号', '上级党组织', '党支部名称', '层内名次', '是否抽中', 'SHA-256（种子|规范化名称）', '规范化名称', '附件2来源'],
  yes: '抽中',
  no: '',
};

export const sampleCliZh = {
  noInputs: '缺少抽样的来源：请给出各支部报送的文件或文件夹，或 bin/wuhua merge --json 写出的报告。',
  missingSeed: '缺少 --seed：请给出一段公开的种子文字，例如 --seed "2019年机关党建调研"（同样的种子抽出同样的名单）。',
  emptySeed: '--seed 的种子文字是空的：请写上一段文字。',
  missingSize: '请用 --rate（如 10%）或 --count（如 2）说明每个上级党组织抽多少。',
  bothSizes: '--rate 和 --count 只能给一个。',
  badRate: (v: string): string => `--rate 的“${v}”无效：请写 0 到 100 之间的百分比，如 10%。`,
  badCount: (v: string): string => `--count 的“${v}”无效：请写一个正整数，如 2。`,
  missingOutput: '缺少 -o 抽查名单.xlsx：请指定抽查名单的保存位置。',
  outputNotXlsx: (v: string): string => `-o 的文件名“${v}”应以 .xlsx 结尾。`,
  outputIsInput: (p: string): string => `输出“${p}”是一个输入文件（或名册）：为保证不修改输入，请换一个文件名或位置。`,
  badReport: (p: string, reason: string): string => `报告“${p}”无法使用：${reason}。请给出 bin/wuhua merge --json 写出的报告。`,
  rosterWithoutParents: (p: string): string => `名册“${p}”没有填写“上级党组织”：按报送包记录的初核单位分层，没有记录的列为“未分组”。`,
  noPopulation: '没有找到任何报送了附件2的党支部，无法抽样（已照常写出空名单）。',
  closing: (population: number, strata: number, drawn: number, seed: string): string =>
    `抽样总体：${population} 个申报党支部（${strata} 个上级党组织）；按种子“${seed}”抽取 ${drawn} 个。`,
  line: (stratum: string, branch: string): string => `  ${stratum}：${branch}`,
  wrote: (p: string): string => `已写入抽查名单：${p}`,
  writeFailed: (p: string, reason: string): string => `无法写入“${p}”：${reason}。请换一个位置，或检查文件是否正被 Excel/WPS 打开。`,
};

/** The pane's 初核 and 抽查 (汇总 tab, after a merge). */
export const reviewPaneZh = {
  reviewTitle: '初核与报送包',
  reviewHint: '把意见和日期写进计入汇总的附件1、附件2，生成可直接上报的报送包（每份一页A4，按党支部排列，附来源记录）。有错误的表单列入退回清单。',
  levelLabel: '以哪一级的身份',
  levelParty: '上级党委（党总支）初核',
  levelWork: '市直工委审核',
  opinionLabel: '意见',
  defaultOpinion: '经初核，情况属实，同意上报。',
  dateLabel: '意见日期',
  reviewerLabel: '初核单位（可不填）',
  scopeLabel: '哪些表单',
  scopeAll: '全部没有错误的表单',
  scopeSelected: '选定的表单',
  selectLabel: '选择要初核的表单',
  hasErrors: '有错误',
  replace: '已有意见的也改写',
  includeErrors: '有错误的表单也上报（不列入退回清单）',
  makePack: '生成报送包',
  writeWorkbook: '把意见写入本工作簿的表单',
  writeWorkbookHint: '只写入本工作簿中的表单（来自文件的表单请用报送包）。',
  badDate: '意见日期无效：请选择或填写一个日期，如 2019-04-28。',
  emptyOpinion: '请填写意见。',
  nothingSelected: '没有选定任何表单。',
  result: (packed: number, written: number, kept: number, returned: number): string =>
    `报送包收入 ${packed} 份：写入意见 ${written} 份，原已有意见未改动 ${kept} 份；退回 ${returned} 份。`,
  returnedTitle: (n: number): string => `退回清单（${n} 份）`,
  downloadReturns: '下载退回清单',
  nothingInWorkbook: '本工作簿中没有需要写入意见的表单。',
  wroteWorkbook: (n: number, skipped: number): string => `已把意见写入本工作簿的 ${n} 份表单${skipped > 0 ? `；另有 ${skipped} 份找不到意见栏，未写入` : ''}。`,
  packFile: '报送包.xlsx',
  returnsFile: '退回清单.xlsx',
  sampleFile: '抽查名单.xlsx',

  sampleTitle: '年底随机抽查（回头看）',
  sampleHint: '从报送了附件2的党支部中按上级党组织分层抽取，每个上级党组织至少 1 个；同样的种子总是抽出同样的名单，方法写在名单上，便于复核。',
  seedLabel: '随机种子（公开的一段文字）',
  defaultSeed: (year: string): string => `${year}年机关党建调研`,
  sizeLabel: '抽取比例或个数',
  sizeRate: '按比例（%）',
  sizeCount: '每个上级党组织抽几个',
  rateLabel: '比例（%）',
  countLabel: '个数',
  badRate: '比例应在 0 到 100 之间，如 10。',
  badCount: '个数应为正整数，如 2。',
  emptySeed: '请填写随机种子。',
  makeSample: '生成抽查名单',
  drawn: (n: number, population: number, strata: number): string => `从 ${population} 个申报党支部（${strata} 个上级党组织）中抽取 ${n} 个：`,
  noPopulation: '本次汇总中没有报送附件2的党支部，无法抽样。',
};
