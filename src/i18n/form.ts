/**
 * What a clerk reads in a form sheet, whether it came as a template file or was inserted
 * by the add-in: the input prompts and the error boxes of the data validation, and the
 * names the sheet's defined names carry. Excel limits: title ≤ 32, message ≤ 255 characters.
 */

export interface PromptText {
  title: string;
  message: string;
}

const DATE_EXAMPLE = '如：2019年4月20日 或 2019-4-20';

/** The prompt of a field's input cell; `label` is the paper label without spaces. */
export function fieldPrompt(kind: string, label: string): PromptText {
  const title = label.slice(0, 32);
  switch (kind) {
    case 'count':
      return { title, message: `请填写${label}（整数，不写“人”），如：23` };
    case 'date':
      return { title, message: `请填写日期，${DATE_EXAMPLE}` };
    case 'phone':
      return { title, message: '请填写手机号（11位）或带区号的固定电话，如：0746-8221234' };
    case 'longText':
      return { title, message: `请填写${label}，可分条换行（Excel 中按 Alt+Enter 换行）` };
    case 'opinion':
      return { title, message: `由${label.replace(/意见$/, '')}填写意见并盖章，日期写在下方“年 月 日”处；报送的党支部无需填写` };
    default:
      return { title, message: `请填写${label}（全称）` };
  }
}

/** Prompt of an opinion's date line. */
export function opinionDatePrompt(opinionLabel: string): PromptText {
  return { title: '落款日期', message: `${opinionLabel}的签署日期，${DATE_EXAMPLE}` };
}

/** Prompt of one cell in 附件3's month table. */
export function monthPrompt(month: number, header: string): PromptText {
  return { title: `${month}月份 ${header}`.slice(0, 32), message: `请填写${month}月份的${header}，可分多行填写` };
}

/** Error box of a count input: only whole numbers are taken. */
export const countAlert = (label: string, max: number): PromptText => ({ title: '请填写整数', message: `“${label}”应为 0 至 ${max} 之间的整数，如：23。` });
/** Error box of a date input (warning style: a date typed as text may be kept; the checker reads it). */
export const dateAlert = (label: string): PromptText => ({ title: '日期格式', message: `“${label}”不像一个日期，${DATE_EXAMPLE}。仍要保留请点“是”。` });

/** The month label printed in 附件3's first column. */
export function monthLabel(month: number): string {
  return `${month}月份`;
}

/** Comment stored with the defined names that tag a form sheet. */
export const TAG_NAME_COMMENT = '五化表单标记，请勿删除或修改';
export const FIELD_NAME_COMMENT = '五化表单填写项';
