import { FONTS, PORTRAIT, branchNameField, countFields, dateField, opinionBlocks } from './common';
import type { FormSpec } from './types';

const opinions = opinionBlocks(
  { labelCell: 'A8:A10', cell: 'B8:H8', stampCell: 'B9:H9', dateCell: 'B10:H10' },
  { labelCell: 'A11:A13', cell: 'B11:H11', stampCell: 'B12:H12', dateCell: 'B13:H13' },
);

/** 附件1 《市直机关党支部“五化”建设示范点创建申报表》 — due by 5月31日 (notice 三(二)). */
export const demonstration: FormSpec = {
  id: 'demonstration',
  attachment: '附件1',
  number: 1,
  title: '市直机关党支部“五化”建设\n示范点创建申报表',
  titleCell: 'A2:H3',
  titleKeys: ['示范点创建申报表'],
  distinctiveLabels: ['基础工作情况', '特色亮点做法'],
  templateVersion: 2,
  sheetName: '附件1 示范点创建申报表',
  columnWidths: [100, 48, 56, 48, 56, 51, 64, 92],
  // 776 pt in all: the page's 781 pt inside its margins, at 100 %.
  rowHeights: { 1: 26, 2: 36, 3: 36, 4: 30, 5: 44, 6: 196, 7: 196, 8: 64, 9: 20, 10: 22, 11: 64, 12: 20, 13: 22 },
  texts: [
    { cell: 'A1', text: '附件1', role: 'attachment' },
    ...opinions.stamps,
  ],
  fields: [
    branchNameField('B4:F4', 'A4'),
    dateField('H4', 'G4'),
    ...countFields({ cell: 'B5', labelCell: 'A5' }, { cell: 'D5', labelCell: 'C5' }),
    { id: 'secretaryName', kind: 'text', required: true, cell: 'F5', label: { text: '书记\n姓名', cell: 'E5' }, aliases: ['支部书记姓名', '书记', '支部书记', '党支部书记', '党支部书记姓名'], align: 'center' },
    { id: 'contact', kind: 'phone', required: true, cell: 'H5', label: { text: '联系方式', cell: 'G5' }, aliases: ['联系电话', '电话'], align: 'center' },
    { id: 'basicWork', kind: 'longText', required: true, cell: 'B6:H6', label: { text: '基础\n工作\n情况', cell: 'A6' } },
    { id: 'highlights', kind: 'longText', required: true, cell: 'B7:H7', label: { text: '特色\n亮点\n做法', cell: 'A7' }, aliases: ['特色亮点', '亮点做法'] },
    ...opinions.fields,
  ],
  tableRange: 'A5:H13',
  print: PORTRAIT,
  fonts: FONTS,
};
