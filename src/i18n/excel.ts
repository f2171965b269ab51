/**
 * Everything the Excel adapter (src/workbook/excel) says to a user: error messages with
 * what to do, and the names it gives to things. (The form sheets' own prompts: i18n/form.ts.)
 */

/** The adapter operations, as a user would name them in a message. */
export const OPERATION_ZH = {
  insertForm: '插入表单',
  readForms: '读取表单',
  markProblems: '标记问题单元格',
  selectCell: '定位单元格',
  watchForms: '监听表单修改',
  writeSummary: '生成汇总表',
  applyPrintSetup: '设置打印格式',
  openWorkbook: '在新工作簿中打开文件',
  hostInfo: '检测 Excel 环境',
  writeOpinions: '把意见写入表单',
} as const;

export type ExcelOperation = keyof typeof OPERATION_ZH;

export interface ErrorText {
  /** What went wrong. */
  message: string;
  /** What the user can do about it. */
  action: string;
}

/** By OfficeExtension.Error code (plus our own NotInExcel / ApiNotSupported / Unknown). */
export const EXCEL_ERROR_ZH: Record<string, ErrorText> = {
  InvalidArgument: {
    message: 'Excel 拒绝了传入的内容（参数无效）。',
    action: '请检查工作表名称是否过长或含有 \\ / ? * [ ] : 等字符，然后重试；若仍失败，请把问题告诉管理员。',
  },
  AccessDenied: {
    message: 'Excel 拒绝了这次修改：工作表或工作簿受保护，或文件是只读的。',
    action: '请在“审阅”选项卡中撤销工作表/工作簿保护，或另存一份可编辑的副本后重试。',
  },
  InsufficientPermissions: {
    message: '没有修改此工作簿的权限。',
    action: '请确认文件不是只读（共享文件请申请编辑权限），另存副本后重试。',
  },
  ItemAlreadyExists: {
    message: '同名的工作表或名称已经存在。',
    action: '请重命名或删除同名工作表后重试。',
  },
  ItemNotFound: {
    message: '找不到要操作的工作表或单元格，可能已被删除或改名。',
    action: '请点击“检查全部表单”重新读取工作簿后再试。',
  },
  InvalidReference: {
    message: '单元格地址无效，表格结构可能已被改动。',
    action: '请点击“检查全部表单”重新读取工作簿后再试。',
  },
  InvalidOperation: {
    message: 'Excel 当前不允许这个操作。',
    action: '请先结束单元格编辑（按 Enter 或 Esc），关闭打开的对话框后重试。',
  },
  InvalidOperationInCellEditMode: {
    message: '您正在编辑单元格，Excel 暂时不接受插件的操作。',
    action: '请按 Enter 或 Esc 结束编辑后重试。',
  },
  RequestPayloadSizeLimitExceeded: {
    message: '一次写入的数据太多，超过了 Excel 的单次请求上限（网页版约 5 MB）。',
    action: '请减少一次汇总的文件数量（例如分批汇总），或改用桌面版 Excel 后重试。',
  },
  ResponsePayloadSizeLimitExceeded: {
    message: '工作表中的数据太多，一次读取超过了 Excel 的上限（网页版约 5 MB）。',
    action: '请删除与表单无关的大块数据，或把表单复制到新的工作簿后重试。',
  },
  ApiNotFound: {
    message: '当前 Excel 版本不支持插件需要的功能。',
    action: '请升级到 Microsoft 365 / Excel 2021 及以上版本，或使用网页版 Excel。',
  },
  ApiNotSupported: {
    message: '当前 Excel 版本不支持插件需要的功能。',
    action: '请升级到 Microsoft 365 / Excel 2021 及以上版本，或使用网页版 Excel。',
  },
  NotImplemented: {
    message: '当前 Excel 版本尚未实现插件需要的功能。',
    action: '请升级 Excel，或使用网页版 Excel。',
  },
  UnsupportedOperation: {
    message: '当前 Excel 不支持这个操作。',
    action: '请升级 Excel，或使用网页版 Excel。',
  },
  Conflict: {
    message: '其他人或其他程序同时修改了工作簿，产生了冲突。',
    action: '请稍等片刻后重试。',
  },
  ActivityLimitReached: {
    message: 'Excel 暂时繁忙，拒绝了请求。',
    action: '请稍等片刻后重试。',
  },
  GeneralException: {
    message: 'Excel 内部出错，操作没有完成。',
    action: '请保存工作簿后重试；若反复出现，请重新打开 Excel 或把问题告诉管理员。',
  },
  SheetProtected: {
    message: '工作表受密码保护，插件无法标出问题单元格（问题仍列在任务窗格中）。',
    action: '请在“审阅”选项卡点“撤销工作表保护”并输入密码，然后点“检查全部表单”；需要时可再重新保护工作表。',
  },
  NotInExcel: {
    message: '当前页面不在 Excel 中运行，无法直接修改工作簿。',
    action: '请在 Excel 中通过“开始”选项卡的“五化表单”按钮打开本插件；不在 Excel 中时可下载模板文件填写。',
  },
  Unknown: {
    message: '操作没有完成，出现了意外错误。',
    action: '请保存工作簿后重试；若反复出现，请把错误信息告诉管理员。',
  },
};

/** "插入表单失败：…" — the text shown to the user. */
export function excelErrorMessage(operation: ExcelOperation, code: string): string {
  const text = EXCEL_ERROR_ZH[code] ?? EXCEL_ERROR_ZH.Unknown;
  return `${OPERATION_ZH[operation]}失败：${text.message}`;
}

export function excelErrorAction(code: string): string {
  return (EXCEL_ERROR_ZH[code] ?? EXCEL_ERROR_ZH.Unknown).action;
}

/**
 * What an existing summary sheet is renamed to while its replacement is written (it is
 * deleted at the end; the name shows only if Excel stops half-way).
 */
export function asideSheetName(name: string): string {
  return `${name}(旧)`;
}

/** Summary sheets written by the merge, in order; applyPrintSetup treats them as summary tables. */
export const SUMMARY_SHEET_NAMES = ['汇总', '进度', '问题清单', '未报送'] as const;

/** What the pane says about how Excel treated a check or a setup (notes, not errors). */
export const HOST_NOTES = {
  /** The title above notes from a check the pane ran by itself. */
  checkedTitle: '已检查表单。',
  /** Said once per pane session, the first time marks change on a protected sheet. */
  undoCleared:
    '为在受保护的工作表上标出问题单元格，插件临时撤销并随即恢复了工作表保护；Excel 会因此清空“撤销”记录（Ctrl+Z 无法撤回此前的输入）。标记没有变化时不会这样做。此提示只显示一次。',
  printSetupUnprotected: (sheets: readonly string[]) =>
    `为设置打印格式，插件临时撤销并恢复了这些工作表的保护，Excel 因此清空了“撤销”记录：${sheets.join('、')}。`,
  printSetupSkipped: (sheets: readonly string[]) =>
    `这些工作表设有密码保护，未设置打印格式：${sheets.join('、')}。请在“审阅”中撤销保护后重试。`,
  notFitted: (sheets: readonly string[]) =>
    `Excel 没有应用“调整为一页”：${sheets.join('、')}。请在“页面布局”选项卡的“调整为合适大小”中把宽度设为 1 页（表单高度也设为 1 页）。`,
  freezeFailed: '此版本的 Excel 未能冻结汇总表的标题行（不影响数据），可在“视图”中点“冻结首行”。',
} as const;
