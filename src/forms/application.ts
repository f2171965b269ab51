import { DATE_PLACEHOLDER, FONTS, PORTRAIT, STAMP } from './common';
import type { FormSpec } from './types';

/** 附件2 《市直机关党支部“五化”建设申报表》 — due by 4月30日 (notice 三(一)). */
export const application: FormSpec = {
  id: 'application',
  attachment: '附件2',
  number: 2,
  title: '市直机关党支部“五化”建设申报表',
  titleCell: 'A2:F2',
  titleKeys: ['建设申报表'],
  distinctiveLabels: ['创建计划'],
  templateVersion: 1,
  sheetName: '附件2 五化建设申报表',
  columnWidths: [16, 14, 14, 14, 14, 20],
  rowHeights: { 1: 22, 2: 40, 3: 30, 4: 42, 5: 420, 6: 80, 7: 20, 8: 22, 9: 80, 10: 20, 11: 22 },
  texts: [
    { cell: 'A1', text: '附件2', role: 'attachment' },
    { cell: 'B7:F7', text: STAMP, role: 'stamp' },
    { cell: 'B10:F10', text: STAMP, role: 'stamp' },
  ],
  fields: [
    { id: 'branchName', kind: 'text', required: true, cell: 'C3:D3', label: { text: '申报党支部名称：', cell: 'A3:B3' }, aliases: ['党支部名称', '支部名称', '申报支部名称', '申报单位'] },
    { id: 'date', kind: 'date', required: true, cell: 'F3', label: { text: '申报时间：', cell: 'E3' }, aliases: ['申报日期', '填报时间', '填报日期'], occurrence: 0, placeholder: DATE_PLACEHOLDER, align: 'center' },
    { id: 'memberCount', kind: 'count', required: true, cell: 'B4', label: { text: '党 员\n人 数', cell: 'A4' }, aliases: ['党员数'], align: 'center' },
    { id: 'committeeCount', kind: 'count', required: true, cell: 'D4', label: { text: '支 委\n人 数', cell: 'C4' }, aliases: ['支委数', '支部委员人数'], align: 'center' },
    { id: 'tableDate', kind: 'date', required: false, cell: 'F4', label: { text: '申 报\n时 间', cell: 'E4' }, aliases: ['申报日期'], occurrence: 1, placeholder: DATE_PLACEHOLDER, align: 'center' },
    { id: 'plan', kind: 'longText', required: true, cell: 'B5:F5', label: { text: '创\n\n建\n\n计\n\n划', cell: 'A5' }, aliases: ['创建工作计划'] },
    { id: 'partyCommitteeOpinion', kind: 'opinion', required: false, cell: 'B6:F6', label: { text: '机关事业单位党委、党总支部意见', cell: 'A6:A8' }, aliases: ['党委意见', '党总支部意见', '党委（党总支）意见', '机关党委意见'] },
    { id: 'partyCommitteeOpinionDate', kind: 'date', required: false, cell: 'B8:F8', dateOf: 'partyCommitteeOpinion', placeholder: DATE_PLACEHOLDER, align: 'right' },
    { id: 'workCommitteeOpinion', kind: 'opinion', required: false, cell: 'B9:F9', label: { text: '市直工委意    见', cell: 'A9:A11' }, aliases: ['市直工委意见', '工委意见'] },
    { id: 'workCommitteeOpinionDate', kind: 'date', required: false, cell: 'B11:F11', dateOf: 'workCommitteeOpinion', placeholder: DATE_PLACEHOLDER, align: 'right' },
  ],
  tableRange: 'A4:F11',
  print: PORTRAIT,
  fonts: FONTS,
};
