import { DATE_PLACEHOLDER, FONTS, PORTRAIT, STAMP } from './common';
import type { FormSpec } from './types';

/** 附件1 《市直机关党支部“五化”建设示范点创建申报表》 — due by 5月31日 (notice 三(二)). */
export const demonstration: FormSpec = {
  id: 'demonstration',
  attachment: '附件1',
  number: 1,
  title: '市直机关党支部“五化”建设\n示范点创建申报表',
  titleCell: 'A2:H3',
  titleKeys: ['示范点创建申报表'],
  distinctiveLabels: ['基础工作情况', '特色亮点做法'],
  templateVersion: 1,
  sheetName: '附件1 示范点创建申报表',
  columnWidths: [16, 10, 10, 10, 10, 12, 11, 15],
  rowHeights: { 1: 22, 2: 30, 3: 30, 4: 30, 5: 42, 6: 240, 7: 240, 8: 78, 9: 20, 10: 22, 11: 78, 12: 20, 13: 22 },
  texts: [
    { cell: 'A1', text: '附件1', role: 'attachment' },
    { cell: 'B9:H9', text: STAMP, role: 'stamp' },
    { cell: 'B12:H12', text: STAMP, role: 'stamp' },
  ],
  fields: [
    { id: 'branchName', kind: 'text', required: true, cell: 'C4:E4', label: { text: '申报党支部名称：', cell: 'A4:B4' }, aliases: ['党支部名称', '支部名称', '申报支部名称', '申报单位'] },
    { id: 'date', kind: 'date', required: true, cell: 'G4:H4', label: { text: '申报时间：', cell: 'F4' }, aliases: ['申报日期', '填报时间', '填报日期'], placeholder: DATE_PLACEHOLDER, align: 'center' },
    { id: 'memberCount', kind: 'count', required: true, cell: 'B5', label: { text: '党 员\n人 数', cell: 'A5' }, aliases: ['党员数'], align: 'center' },
    { id: 'committeeCount', kind: 'count', required: true, cell: 'D5', label: { text: '支 委\n人 数', cell: 'C5' }, aliases: ['支委数', '支部委员人数'], align: 'center' },
    { id: 'secretaryName', kind: 'text', required: true, cell: 'F5', label: { text: '书记\n姓名', cell: 'E5' }, aliases: ['支部书记姓名', '书记'], align: 'center' },
    { id: 'contact', kind: 'phone', required: true, cell: 'H5', label: { text: '联系方式', cell: 'G5' }, aliases: ['联系电话', '电话'], align: 'center' },
    { id: 'basicWork', kind: 'longText', required: true, cell: 'B6:H6', label: { text: '基础\n工作\n情况', cell: 'A6' } },
    { id: 'highlights', kind: 'longText', required: true, cell: 'B7:H7', label: { text: '特色\n亮点\n做法', cell: 'A7' }, aliases: ['特色亮点', '亮点做法'] },
    { id: 'partyCommitteeOpinion', kind: 'opinion', required: false, cell: 'B8:H8', label: { text: '机关事业单位党委、党总支部意见', cell: 'A8:A10' }, aliases: ['党委意见', '党总支部意见', '党委（党总支）意见', '机关党委意见'] },
    { id: 'partyCommitteeOpinionDate', kind: 'date', required: false, cell: 'B10:H10', dateOf: 'partyCommitteeOpinion', placeholder: DATE_PLACEHOLDER, align: 'right' },
    { id: 'workCommitteeOpinion', kind: 'opinion', required: false, cell: 'B11:H11', label: { text: '市直工委意    见', cell: 'A11:A13' }, aliases: ['市直工委意见', '工委意见'] },
    { id: 'workCommitteeOpinionDate', kind: 'date', required: false, cell: 'B13:H13', dateOf: 'workCommitteeOpinion', placeholder: DATE_PLACEHOLDER, align: 'right' },
  ],
  tableRange: 'A5:H13',
  print: PORTRAIT,
  fonts: FONTS,
};
