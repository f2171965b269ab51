/** Why a file could not be read as a workbook — what the user reads, with what to do about it. */

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export const READER = {
  empty: '文件是空的（0 字节），可能没有保存完整或复制失败。请在 Excel/WPS 中重新保存后再提交。',
  lockFile:
    '这是 Office/WPS 打开表格时自动生成的锁定文件（文件名以“~$”开头），不是表格本身，已跳过。请提交同一文件夹中不带“~$”的原文件。',
  csv: '这是 CSV/文本文件，不是 Excel 工作簿。请在 Excel/WPS 中打开它，选择“另存为”→“Excel 工作簿（*.xlsx）”后再提交。',
  html: '这是网页（HTML）或 XML 格式的表格（常见于从系统导出的“.xls”），不是 Excel 工作簿。请在 Excel/WPS 中打开它，另存为“Excel 工作簿（*.xlsx）”后再提交。',
  pdf: '这是 PDF 文件，不是 Excel 工作簿。请提交按模板填写的 .xlsx 表格文件。',
  notZip: '无法识别的文件：它不是 Excel 工作簿（.xlsx）。请在 Excel/WPS 中打开表格，另存为“Excel 工作簿（*.xlsx）”后再提交。',
  truncated: '文件不完整或已损坏（可能只下载/复制了一部分）。请在 Excel/WPS 中重新打开并另存为 .xlsx，或请报送人重新发送。',
  corrupt: '文件已损坏，无法读取其中的内容。请在 Excel/WPS 中打开（如提示修复请选择修复），另存为 .xlsx 后再提交。',
  encrypted: '文件已加密（设置了打开密码），无法读取。请在 Excel/WPS 中打开，去掉密码（文件→信息→保护工作簿→用密码进行加密，清空密码）后另存为 .xlsx 再提交。',
  encryptedZip: '文件中的内容被加密压缩，无法读取。请在 Excel/WPS 中打开并去掉密码后，另存为 .xlsx 再提交。',
  xls: '这是旧版 Excel 97-2003 工作簿（.xls），本工具不读取该格式。请在 Excel/WPS 中打开它，选择“另存为”→“Excel 工作簿（*.xlsx）”后再提交。',
  ods: '这是 OpenDocument 表格（.ods，LibreOffice/WPS 的另一种格式）。请在 LibreOffice/WPS 中打开它，另存为“Excel 2007-365 (.xlsx)”后再提交。',
  xlsb: '这是 Excel 二进制工作簿（.xlsb），本工具不读取该格式。请在 Excel 中打开它，另存为“Excel 工作簿（*.xlsx）”后再提交。',
  word: '这是 Word 文档（.docx），不是 Excel 工作簿。请把表格填写在 Excel/WPS 表格模板中，保存为 .xlsx 后再提交。',
  notWorkbook: '这是一个压缩包，但不是 Excel 工作簿（里面没有工作簿内容）。请提交在 Excel/WPS 中另存的 .xlsx 文件。',
  unsupportedMethod: '文件使用了不支持的压缩方式，无法读取。请在 Excel/WPS 中打开它并另存为 .xlsx 后再提交。',
  tooManyEntries: (count: number) => `文件内部包含 ${count} 个部件，远超正常表格，已拒绝读取。请检查文件来源，必要时重新另存为 .xlsx。`,
  zipBomb: (limit: number) =>
    `文件解压后超过 ${mb(limit)} 的上限，疑似“压缩炸弹”或含有大量无关内容，已拒绝读取。请删除多余内容、只保留申报表后另存为 .xlsx 再提交。`,
  zipRatio: (ratio: number, limit: number) =>
    `文件的压缩比异常（约 ${Math.round(ratio)}:1，正常表格不超过 ${limit}:1），疑似“压缩炸弹”，已拒绝读取。请检查文件来源，删除多余内容后另存为 .xlsx 再提交。`,
  fileTooLarge: (bytes: number, limit: number) => `文件过大（${mb(bytes)}，上限 ${mb(limit)}），不像一份申报表。请删除多余内容、只保留申报表后另存为 .xlsx 再提交。`,
  noSheets: '工作簿中没有可读取的工作表。请确认表格已填写并保存为 .xlsx 后再提交。',
} as const;
