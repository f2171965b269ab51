/** What a clerk reads in a template file: input prompts and error boxes of the data validation. Excel limits: title ≤ 32, prompt ≤ 255 characters. */

export const templateText = {
  countPrompt: '只填整数，如 23（不写“人”）。',
  countErrorTitle: '请填写整数',
  countError: (label: string) => `“${label}”应为 0 至 10000 之间的整数，如 23。`,
  datePrompt: '填写日期，如 2019-4-20 或 2019年4月20日。',
  dateErrorTitle: '日期格式',
  dateError: (label: string) => `“${label}”不像一个日期（建议写作 2019-4-20）。仍要保留，请点“是”。`,
  phonePrompt: '手机号，或带区号的固定电话，如 0746-8888888。',
  textPrompt: '填写党支部全称。',
  longTextPrompt: '可分多行填写：Excel 中按 Alt+Enter 换行。',
  opinionPrompt: '由上级党组织填写意见并盖章，日期写在下方“年 月 日”处。',
  /** Title of a prompt box for an opinion's date line. */
  dateOf: (opinionLabel: string) => `${opinionLabel}日期`,
  monthPrompt: (month: number, header: string) => `${month}月份的${header}。可分多行填写。`,
};
