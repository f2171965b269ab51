/** Why a file could not be read as a workbook — what the user reads, with what to do about it. */

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export const READER = {
  empty: '文件是空的（0 字节），可能没有保存完整或复制失败。请在 Excel/WPS 中重新保存后再提交。',
  lockFile:
    '这是 Office/WPS 打开表格时自动生成的锁定文件（文件名以“~$”开头），不是表格本身，已跳过。请提交同一文件夹中不带“~$”的原文件。',
  csv: '这是 CSV/文本文件，不是 Excel 工作簿。请在 Excel/WPS 中打开它，选择“另存为”→“Excel 工作簿（*.xlsx）”后再提交。',
  html: '这是网页（HTML）或 XML 格式的表格（常见于从系统导出的“.xls”），不是 Excel 工作簿。请在 Excel/WPS 中打开它，另存为“Excel 工作簿（*.xlsx）”后再提交。',
  notZip: '无法识别的文件：它不是 Excel 工作簿（.xlsx）。请在 Excel/WPS 中打开表格，另存为“Excel 工作簿（*.xlsx）”后再提交。',
  truncated: '文件不完整或已损坏（可能只下载/复制了一部分）。请在 Excel/WPS 中重新打开并另存为 .xlsx，或请报送人重新发送。',
  corrupt: '文件已损坏，无法读取其中的内容。请在 Excel/WPS 中打开（如提示修复请选择修复），另存为 .xlsx 后再提交。',
  encrypted: '文件已加密（设置了打开密码），无法读取。请在 Excel/WPS 中打开，去掉密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存为 .xlsx 再提交。',
  encryptedZip: '文件中的内容被加密压缩，无法读取。请在 Excel/WPS 中打开并去掉密码后，另存为 .xlsx 再提交。',
  // xls/ods: what a caller that takes only .xlsx says (intake reads both, see legacy below).
  xls: '这是旧版 Excel 97-2003 工作簿（.xls/.et）。此处只接受 .xlsx：请在 Excel/WPS 中打开它，选择“另存为”→“Excel 工作簿（*.xlsx）”后再提交。',
  ods: '这是 OpenDocument 表格（.ods，LibreOffice/WPS 的另一种格式）。此处只接受 .xlsx：请在 LibreOffice/WPS 中打开它，另存为“Excel 2007-365 (.xlsx)”后再提交。',
  xlsb: '这是 Excel 二进制工作簿（.xlsb），本工具不读取该格式。请在 Excel 中打开它，另存为“Excel 工作簿（*.xlsx）”后再提交。',
  notWorkbook: '这是一个压缩包，但不是 Excel 工作簿（里面没有工作簿内容）。请提交在 Excel/WPS 中另存的 .xlsx 文件。',
  unsupportedMethod: '文件使用了不支持的压缩方式，无法读取。请在 Excel/WPS 中打开它并另存为 .xlsx 后再提交。',
  tooManyEntries: (count: number) => `文件内部包含 ${count} 个部件，远超正常表格，已拒绝读取。请检查文件来源，必要时重新另存为 .xlsx。`,
  zipBomb: (limit: number) =>
    `文件解压后超过 ${mb(limit)} 的上限，疑似“压缩炸弹”或含有大量无关内容，已拒绝读取。请删除多余内容、只保留申报表后另存为 .xlsx 再提交。`,
  zipRatio: (ratio: number, limit: number) =>
    `文件的压缩比异常（约 ${Math.round(ratio)}:1，正常表格不超过 ${limit}:1），疑似“压缩炸弹”，已拒绝读取。请检查文件来源，删除多余内容后另存为 .xlsx 再提交。`,
  fileTooLarge: (bytes: number, limit: number) => `文件过大（${mb(bytes)}，上限 ${mb(limit)}），不像一份申报表。请删除多余内容、只保留申报表后另存为 .xlsx 再提交。`,
  noSheets: '工作簿中没有可读取的工作表。请确认表格已填写并保存为 .xlsx 后再提交。',

  // Legacy formats (.xls/.et/.ods, src/workbook/xlsx/legacy.ts).
  legacyTruncated: '旧版表格文件（.xls/.et）不完整或已损坏（可能只下载/复制了一部分）。请在 Excel/WPS 中重新打开并另存为 .xlsx，或请报送人重新发送。',
  /** An Excel 5.0/95 .xls where SheetJS has no code page tables (the page and pane): its Chinese would come out garbled. */
  biff5Unreadable: '这是 Excel 5.0/95 格式的旧版 .xls 文件，其中的中文按旧式编码保存，在网页和加载项中无法正确读出。请在 Excel/WPS 中打开它，另存为“Excel 工作簿（*.xlsx）”后再提交（命令行 bin/wuhua 可直接读取此格式）。',
  legacyCorrupt: '旧版表格文件（.xls/.et）已损坏或格式无法识别，读不出其中的内容。请在 Excel/WPS 中打开它（如提示修复请选择修复），另存为“Excel 工作簿（*.xlsx）”后再提交。',
  odsCorrupt: 'OpenDocument 表格（.ods）已损坏，读不出其中的内容。请在 LibreOffice/WPS 中打开它，另存为 .xlsx 后再提交。',
  legacyUnavailable: '读取旧版表格（.xls/.et/.ods）的组件未能加载（可能是网络或浏览器的问题）。请刷新页面后重试，或把文件另存为 .xlsx 后再提交。',
  tooManyCells: (limit: number) => `表格中的单元格超过 ${limit.toLocaleString('en-US')} 个，远超一份申报表，已拒绝读取。请只保留申报表所在的工作表，另存为 .xlsx 后再提交。`,
  tooSlow: (ms: number) => `读取该文件超过 ${Math.round(ms / 1000)} 秒仍未完成，已停止（内容过多或结构异常）。请只保留申报表所在的工作表，另存为 .xlsx 后再提交。`,
} as const;

const SPREADSHEET_EXT = /\.(xlsx|xlsm|xls|et|ett|ods|csv)$/i;
/** "（文件名是“.xlsx”，…）" when a file's name says spreadsheet but its content says otherwise. */
function renamed(fileName: string | undefined, what: string): string {
  const m = fileName ? SPREADSHEET_EXT.exec(fileName) : null;
  return m ? `（文件扩展名是“.${m[1].toLowerCase()}”，但内容是${what}，可能只是改了扩展名）` : '';
}
const FILL_TEMPLATE = '请把内容填写到 Excel 模板中（加载项或网页中的“下载模板”，或命令 wuhua template），保存为 .xlsx 后再提交';

/** Files that are not spreadsheets at all: what the file is, by its content, and what to do instead. */
export const WHAT_IT_IS = {
  word: (kind: 'docx' | 'doc' | 'odt' | 'rtf', fileName?: string) => {
    const what = { docx: 'Word 文档（.docx）', doc: 'Word 97-2003 或 WPS 文字文档（.doc/.wps）', odt: 'OpenDocument 文字文档（.odt）', rtf: 'RTF 格式的文字文档' }[kind];
    return `这是 ${what}，不是 Excel 表格${renamed(fileName, '文字文档')}。本工具只读取表格：${FILL_TEMPLATE}；表格是在 Word/WPS 文字里做的，请把各项内容照原样录入或粘贴到模板对应的格子里。`;
  },
  powerpoint: (fileName?: string) => `这是 PowerPoint 演示文稿，不是 Excel 表格${renamed(fileName, '演示文稿')}。${FILL_TEMPLATE}。`,
  pdf: '这是 PDF 文件（打印或扫描出的版本），读不出其中的表格内容。请提交按 Excel 模板填写的 .xlsx 原文件；只有 PDF 或纸质版本的，请把内容录入 Excel 模板，保存为 .xlsx 后再提交。',
  ofd: '这是 OFD 版式文件（类似 PDF 的电子公文格式），读不出其中的表格内容。请提交按 Excel 模板填写的 .xlsx 原文件，或把内容录入 Excel 模板，保存为 .xlsx 后再提交。',
  image: (kind: string) =>
    `这是图片（${kind}，可能是拍照或扫描的表格），读不出其中的文字。请提交按 Excel 模板填写的 .xlsx 原文件；只有图片或纸质版本的，请把内容录入 Excel 模板，保存为 .xlsx 后再提交。`,
  otherOffice: '这是 Office 旧格式的文件，但里面没有 Excel 工作表（可能是其他程序的文档）。请提交按 Excel 模板填写的 .xlsx 文件。',
} as const;
