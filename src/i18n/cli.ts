/** Everything the command line says to a person (zh-CN). */
import type { Severity } from '../model/types';

export const USAGE = `五化建设表单助手（命令行）

用法：
  bin/wuhua template <表单> -o 文件.xlsx       生成可打印、可填写的空白模板
  bin/wuhua template --all -o 文件夹            一次生成三张表的模板
  bin/wuhua template roster -o 名册.xlsx        生成名册模板（上级党组织、类别、达标情况等）
  bin/wuhua template 2 3 --roster 名册.xlsx -o 下发/ [--zip 下发.zip] [--force]
                                                按名册下发：为每个应报的党支部生成已填好名称的模板
  bin/wuhua check 文件或文件夹... [--json 报告.json] [--as-of YYYY-MM-DD] [--stage filling|committee]
                                                检查已填写的表格，逐个文件列出问题
  bin/wuhua merge 文件或文件夹... -o 汇总.xlsx [--json 报告.json] [--roster 名册.xlsx|.xls|.csv|.txt]
                  [--as-of YYYY-MM-DD] [--print-pack 打印包.xlsx]
                                                汇总各支部报送的表格（详见 bin/wuhua merge --help）
  bin/wuhua review 文件或文件夹... --as 党委|工委 --opinion 意见 [--date YYYY-MM-DD] -o 报送包.xlsx
                                                批量初核，生成报送包（详见 bin/wuhua review --help）
  bin/wuhua sample 文件或文件夹...|报告.json --seed 种子 (--rate 10% | --count N) -o 抽查名单.xlsx
                                                年底随机抽查名单（详见 bin/wuhua sample --help）
  bin/wuhua remind 文件或文件夹... --roster 名册.xlsx -o 催报.xlsx [--text 催报.txt] [--as-of YYYY-MM-DD]
                                                按名册列出应报未报的表单，生成催报通知（详见 bin/wuhua remind --help）
  bin/wuhua --help                              显示本说明

<表单>：
  1 或 demonstration   附件1 市直机关党支部“五化”建设示范点创建申报表
  2 或 application     附件2 市直机关党支部“五化”建设申报表
  3 或 progress        附件3 市直机关党支部“五化”建设创建进度表

check 的选项：
  --json 文件          另外写出 JSON 格式的检查报告
  --as-of 日期         以哪一天为“今天”判断逾期和应完成的月份，默认今天
  --stage 阶段         committee（市直工委受理，默认）或 filling（支部填写中：意见栏为空只作提示）

说明：文件夹会逐层读取；读不了的文件列为“未受理”并写明原因；输入文件只读，不会被修改。
退出码：0 运行完成（发现的问题不算失败）；1 输出文件无法写入；2 命令用法有误。
`;

export const TEMPLATE_USAGE = `用法：bin/wuhua template <1|2|3|demonstration|application|progress> -o 文件.xlsx
      bin/wuhua template --all -o 文件夹
      bin/wuhua template roster -o 名册.xlsx
      bin/wuhua template <表单>... --roster 名册.xlsx -o 下发/ [--zip 下发.zip] [--force] [--as-of YYYY-MM-DD]

  <表单>          1 或 demonstration：附件1 示范点创建申报表
                  2 或 application：  附件2 “五化”建设申报表
                  3 或 progress：     附件3 创建进度表
  --all           一次生成三张表的空白模板，-o 为文件夹
  roster          生成名册模板（党支部名称、上级党组织、类别、书记、联系电话、成立日期、
                  达标情况、已有示范点；带下拉选项和一行示例）
  -o              输出文件或文件夹

按名册下发（--roster，名册可为 .xlsx、.xls、.et、.ods、.csv 或 .txt）：
  为名册中每个应报该表的党支部生成一份模板，“申报党支部名称”（附件1 还有书记姓名、
  联系方式）已按名册填好，仍可修改；文件名为“附件2-党支部名称.xlsx”，每个上级党组织
  一个文件夹（工委直辖单独一个）。离退休、已达标的党支部不需报送附件2、附件3，不生成。
  附件1 按上级党组织生成：尚无示范点的机关党委、事业单位党委、工委直辖党总支各一份
  空白附件1（只有一个党支部的直接填好该支部），由其选定党支部填写；工委直辖和已有
  示范点的不生成。可一次写多张表，如 template 2 3，或 --all 写三张。
  -o 文件夹       写到该文件夹（不存在会自动创建）；-o 下发.zip 则只写一个压缩包
  --zip 文件.zip  另外（或只）写一个压缩包，内含同样的文件夹和文件
  --force         覆盖已存在的同名文件（默认不覆盖，已存在则什么也不写并列出）
  --as-of 日期    以哪一天为准判断成立时间和应报情况，默认今天

退出码：0 完成；1 输出无法写入或已存在；2 命令用法有误。输入文件（名册）不会被修改。
`;

export const CHECK_USAGE = `用法：bin/wuhua check 文件或文件夹... [--json 报告.json] [--as-of YYYY-MM-DD] [--stage filling|committee]
`;

/** Why a file that was read gave no submission (browser-safe: intake uses it in the task pane too). */
export const INTAKE = {
  noForm:
    '未找到“五化”建设表单（附件1、附件2或附件3）：工作簿中没有一张工作表带有表单标题或“申报党支部名称”“党员人数”“目标任务”等栏目。请使用 bin/wuhua template 生成的模板填写，或保留原表的标题和栏目名称后再提交。',
  failed: (detail: string) => `读取表单时出错（${detail}）。请在 Excel/WPS 中打开并另存为 .xlsx 后重试；如仍出错，请把文件交给技术人员。`,
};

export const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export const CLI = {
  seeHelp: '运行 bin/wuhua --help 查看用法。',
  noCommand: '缺少命令：template、check、merge、review、sample 或 remind。',
  unknownCommand: (c: string) => `未知命令“${c}”：可用的命令是 template、check、merge、review、sample、remind。`,
  unknownOption: (o: string) => `不认识的选项“${o}”。`,
  missingValue: (o: string) => `选项“${o}”后面缺少取值。`,
  repeated: (o: string) => `选项“${o}”只能给一次。`,

  templateNoForm: '请说明要生成哪一张表：1、2、3（或 demonstration、application、progress），或用 --all 生成全部三张。',
  templateTooMany: '一次只能指定一张表；要生成全部三张请用 --all。',
  templateUnknownForm: (name: string) => `没有名为“${name}”的表单：请写 1、2、3，或 demonstration、application、progress。`,
  templateNeedsOut: '请用 -o 指定输出文件，例如：bin/wuhua template 1 -o 附件1.xlsx',
  templateAllNeedsDir: '使用 --all 时，-o 应为一个文件夹（不存在会自动创建）。',
  templateNotXlsx: (out: string) => `输出文件“${out}”应以 .xlsx 结尾。`,
  rosterTemplateLabel: '名册模板',
  templateOnlyWithRoster: '--zip、--force 和 --as-of 只用于按名册下发，请同时给出 --roster 名册文件。',
  templateWritten: (file: string, form: string) => `已生成 ${form}：${file}\n`,
  cannotWrite: (file: string, reason: string) => `无法写入“${file}”：${reason}。请换一个位置，或检查文件是否正被 Excel/WPS 打开。\n`,
  cannotMakeDir: (dir: string, reason: string) => `无法创建文件夹“${dir}”：${reason}。\n`,

  checkNoFiles: '请给出要检查的文件或文件夹，例如：bin/wuhua check 收件箱/',
  badAsOf: (v: string) => `--as-of 的日期“${v}”无效：请写成 YYYY-MM-DD，例如 2019-05-10。`,
  badStage: (v: string) => `--stage 的取值“${v}”无效：请写 committee（受理）或 filling（填写中）。`,
  jsonIsInput: (p: string) => `--json 的输出“${p}”是一个输入文件：为保证不修改输入，请换一个文件名。`,
  jsonWritten: (file: string) => `已写出 JSON 报告：${file}\n`,

  notFound: '找不到该文件或文件夹，请检查路径是否写对。',
  /** A file-system error as a short reason; the system's code stays in brackets for searching. */
  sys: {
    notFound: (code: string) => `文件或文件夹不存在（${code}）`,
    fileNotFound: (code: string) => `文件不存在（${code}）`,
    folderNotFound: (code: string) => `文件夹不存在（${code}）`,
    /** Writing: the folder the file goes into is missing. */
    parentNotFound: (code: string) => `要写入的文件夹不存在（${code}）`,
    /** Writing: the folder exists but refuses new files (e.g. /proc). */
    cannotCreate: (code: string) => `该文件夹中不能新建文件（${code}）`,
    noReadPermission: (code: string) => `没有读取权限（${code}）`,
    noWritePermission: (code: string) => `没有写入权限（${code}）`,
    noPermission: (code: string) => `没有访问权限（${code}）`,
    isDir: (code: string) => `这是一个文件夹（${code}）`,
    notDir: (code: string) => `路径中有一部分不是文件夹（${code}）`,
    readOnly: (code: string) => `磁盘为只读（${code}）`,
    noSpace: (code: string) => `磁盘空间不足（${code}）`,
  },
  cannotRead: (reason: string) => `无法读取该文件：${reason}。`,
  emptyDir: '文件夹中没有任何文件。',

  progress: (done: number, total: number) => `已检查 ${done}/${total} 个文件……\n`,

  reportFile: (file: string) => `文件：${file}\n`,
  reportForm: (attachment: string, title: string, sheet: string) => `  表单：${attachment} ${title}（工作表“${sheet}”）\n`,
  reportBranch: (branch: string | null) => `  党支部：${branch ?? '（未填写）'}\n`,
  reportRejected: (reason: string) => `  未受理：${reason}\n`,
  reportNoProblems: '  未发现问题。\n',
  reportProblems: (errors: number, warnings: number, infos: number) => `  问题：错误 ${errors} 条，警告 ${warnings} 条，提示 ${infos} 条\n`,
  reportIssue: (severity: Severity, cell: string | undefined, message: string) =>
    `    [${SEVERITY_ZH[severity]}] ${cell ? `单元格 ${cell}` : '（整表）'}：${message}\n`,
  tally: (files: number, forms: number, rejected: number, errors: number, warnings: number, infos: number) =>
    `共检查 ${files} 个文件：找到表单 ${forms} 份，未受理文件 ${rejected} 个；错误 ${errors} 条，警告 ${warnings} 条，提示 ${infos} 条。\n`,
  asOfLine: (asOf: string, stage: string) => `检查日期：${asOf}；阶段：${stage === 'filling' ? '填写中' : '受理'}\n\n`,
};

/* ---- review (初核, 报送包) and sample (抽查): issue 10 ---- */

export const REVIEW_USAGE = `用法：bin/wuhua review 文件或文件夹... --as 党委|工委 --opinion 意见 [--date YYYY-MM-DD]
                      [--opinions 意见表.xlsx] [--replace] [--include-errors] -o 报送包.xlsx
                      [--roster 名册.xlsx] [--by 初核单位名称] [--returns 退回清单.xlsx]

批量初核：把意见和日期写进每份计入的附件1、附件2的意见栏，生成一个可直接上报的“报送包”。
  --as 党委            写“机关事业单位党委、党总支部意见”（上级党委、党总支初核）
  --as 工委            写“市直工委意见”（市直工委审核）
  --opinion 意见       意见文字，例如 "经初核，情况属实，同意上报。"（有 --opinions 时可省略）
  --date 日期          意见落款日期，如 2019-04-28 或 2019年4月28日；默认今天
  --opinions 意见表    分支部的意见：一张有“党支部名称”“意见”列的表（可选“表单”“意见日期”列），
                       本工具生成的汇总表（把“党委(党总支)意见”或“市直工委意见”一列改好）也可直接使用；
                       表中没有的党支部用 --opinion 的意见
  --replace            已有意见的表单也改写为新意见（默认保留原有意见，并报告保留了几份）
  --include-errors     有错误的表单也写入意见并上报（默认列入退回清单，不写意见、不进报送包）
  -o 报送包.xlsx       报送包：各表按党支部排列，每份一页A4，意见已填；
                       另有隐藏工作表“报送来源”，逐份记录来源文件、工作表、文件SHA-256、初核级别、日期和内容校验
  --roster 名册        名册（.xlsx、.xls、.et、.ods、.csv 或 .txt），不在名册中的支部会得到提示
  --by 名称            初核单位名称（如“中共永州市财政局机关委员会”），写入来源记录和退回通知
  --returns 文件.xlsx  另外写出退回清单（每个问题一行，附可直接发送的退回通知）

有错误的表单（按支部填写阶段判断：意见栏空着不算错误）不写意见，列入退回清单。
同一党支部同一表单报送了多份时，按汇总的规则只取较晚的一份。
输入文件只读，不会被修改；输出不能与任何输入同名。
退出码：0 运行完成；1 输出文件无法写入；2 命令用法有误（包括日期无效、意见表中有未报送的党支部）。
`;

export const SAMPLE_USAGE = `用法：bin/wuhua sample 文件或文件夹...|报告.json --seed 种子文字 (--rate 10% | --count N)
                      [--roster 名册.xlsx] -o 抽查名单.xlsx

年底随机抽查（回头看）：从报送了附件2（申请“五化”建设达标）的党支部中抽取，按上级党组织分层，
每个有申报支部的上级党组织至少抽 1 个。
  --seed 种子          公开的种子文字，例如 "2019年机关党建调研"；同样的输入和种子在任何电脑上抽出同样的名单
  --rate 10%           每个上级党组织抽取的比例（按该组织的申报支部数向上取整）
  --count N            每个上级党组织抽取的个数（不足 N 个的全部抽取）
  --roster 名册        名册中“上级党组织”一列用来分层；没有名册时按报送包记录的初核单位分层，
                       都没有的归入“未分组”
  -o 抽查名单.xlsx     抽查名单：写明种子、方法、总体和比例，便于纪检人员复核

方法（可手工或用其他工具复算）：把每个党支部名称规范化（全角转半角、去空格、“中国共产党”写作“中共”、
去掉结尾的“党支部/支部/委员会”），计算“种子|规范化名称”（UTF-8）的 SHA-256，
在每个上级党组织内按这个值从小到大排序，取前 k 个。
输入可以是表格文件、文件夹，或 bin/wuhua merge --json 写出的报告。
退出码：0 运行完成；1 输出文件无法写入；2 命令用法有误。
`;
