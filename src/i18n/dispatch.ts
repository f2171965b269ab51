/** 下发 (按名册生成模板): names of the files and folders, notes, the CLI's lines and the pane's. */

export const dispatchZh = {
  /** Folder of branches whose 上级党组织 the roster leaves empty (when others have one). */
  noParentFolder: '未注明上级党组织',
  /** A name that is empty once made safe for a file name. */
  unnamed: '未命名',
  /** File name of a prefilled form: "附件2-中共永州市财政局第一党支部.xlsx". */
  fileName: (attachment: string, who: string): string => `${attachment}-${who}.xlsx`,
  /** The same name taken twice in one folder: the second gets "（2）". */
  numbered: (stem: string, n: number): string => `${stem}（${n}）`,
  /** The zip's name when the page downloads it. */
  zipName: '下发模板.zip',

  notOwing: (form: string, names: readonly string[]): string =>
    `${names.length} 个党支部不需报送${form}（离退休或已达标，见通知三（一）“巩固深化”），未生成：${list(names)}。`,
  demoBlank: (parents: readonly string[]): string =>
    `${list(parents)}尚无示范点，应至少选报1个党支部创建示范点（通知三（二））：各生成一份以上级党组织命名的空白附件1，由其选定党支部后填写。`,
  demoHasDemo: (parents: readonly string[]): string => `${list(parents)}已有示范点，不需报送附件1，未生成。`,
  demoDirect: (parent: string): string => `${parent}的党支部可自愿申报示范点、不作要求，未生成附件1（需要时用“下载模板”另行下发空白表）。`,
  demoNoParent: '名册没有“上级党组织”：无法判断哪些上级党组织应报附件1，未生成附件1。',
  nothing: '按名册，所选的表没有哪个党支部需要报送，未生成任何文件。',
};

const list = (names: readonly string[], max = 10): string =>
  names.length <= max ? names.join('、') : `${names.slice(0, max).join('、')}等`;

/** `bin/wuhua template … --roster`: progress, refusals and the closing line. */
export const dispatchCliZh = {
  needsOut: '使用 --roster 时，请用 -o 指定输出文件夹（如 -o 下发/）或 .zip 文件（如 -o 下发.zip）。',
  zipNotZip: (p: string): string => `--zip 的文件“${p}”应以 .zip 结尾。`,
  zipAndDir: '已用 --zip 指定压缩包时，-o 不能再是 .zip 文件。',
  notRosterForm: '“roster”（名册模板）不能与 --roster 同用：按名册下发的是附件1、2、3。',
  progress: (done: number, total: number, file: string): string => `已生成 ${done}/${total}：${file}`,
  exists: (files: readonly string[]): string =>
    `以下文件已存在，未覆盖（共 ${files.length} 个）：${list(files, 5)}。如确要覆盖，请加 --force；或换一个输出文件夹。`,
  isRoster: (p: string): string => `输出“${p}”就是名册本身：名册不会被修改，请换一个输出位置。`,
  /** One line per folder before the closing line. */
  folderLine: (folder: string, files: number): string => `  ${folder}：${files} 个`,
  /** Closing line: how many files in how many folders, and where. */
  closing: (files: number, folders: number, where: string): string =>
    `共生成 ${files} 个预填模板${folders > 0 ? `，分 ${folders} 个上级党组织文件夹` : ''}：${where}`,
  zipWritten: (where: string): string => `已写入压缩包：${where}`,
};

/** The pane's and page's 按名册生成模板. */
export const dispatchPaneZh = {
  title: '按名册生成模板（下发）',
  hint: '按上方名册，为每个需要报送的党支部生成已填好党支部名称的模板（附件1 按上级党组织生成），每个上级党组织一个文件夹，打包为一个 .zip 下载，再分发给各支部填写。',
  formsLabel: '要下发的表',
  make: '按名册生成模板',
  making: '正在生成模板…',
  needRoster: '请先在上方粘贴名册或选择名册文件。',
  noForms: '请至少选择一张表。',
  done: (files: number, folders: number): string => `已生成 ${files} 个预填模板（${folders} 个文件夹），已下载 ${dispatchZh.zipName}。`,
  progress: (done: number, total: number): string => `正在生成 ${done}/${total}…`,
  excelNote: '压缩包以下载方式保存；若没有看到下载的文件（Mac 版 Excel 不支持下载），请在浏览器中打开本页面生成。',
};
