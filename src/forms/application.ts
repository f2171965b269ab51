import { DATE_PLACEHOLDER, FONTS, MAX_ROW_HEIGHT, PORTRAIT, branchNameField, countFields, dateField, opinionBlocks } from './common';
import type { FormSpec } from './types';

const opinions = opinionBlocks(
  { labelCell: 'A6:A8', cell: 'B6:F6', stampCell: 'B7:F7', dateCell: 'B8:F8' },
  { labelCell: 'A9:A11', cell: 'B9:F9', stampCell: 'B10:F10', dateCell: 'B11:F11' },
);

/** 附件2 《市直机关党支部“五化”建设申报表》 — due by 4月30日 (notice 三(一)). */
export const application: FormSpec = {
  id: 'application',
  attachment: '附件2',
  number: 2,
  title: '市直机关党支部“五化”建设申报表',
  titleCell: 'A2:F2',
  titleKeys: ['建设申报表'],
  distinctiveLabels: ['创建计划'],
  templateVersion: 2,
  sheetName: '附件2 五化建设申报表',
  columnWidths: [100, 88, 88, 83, 64, 92],
  // 773 pt in all: the page's 781 pt inside its margins, at 100 %.
  rowHeights: { 1: 26, 2: 40, 3: 30, 4: 44, 5: MAX_ROW_HEIGHT, 6: 70, 7: 20, 8: 22, 9: 70, 10: 20, 11: 22 },
  texts: [
    { cell: 'A1', text: '附件2', role: 'attachment' },
    ...opinions.stamps,
  ],
  fields: [
    branchNameField('B3:D3', 'A3'),
    dateField('F3', 'E3'),
    ...countFields({ cell: 'B4', labelCell: 'A4' }, { cell: 'D4', labelCell: 'C4' }),
    { id: 'tableDate', kind: 'date', required: false, cell: 'F4', label: { text: '申 报\n时 间', cell: 'E4' }, aliases: ['申报日期'], occurrence: 1, placeholder: DATE_PLACEHOLDER, align: 'center' },
    { id: 'plan', kind: 'longText', required: true, cell: 'B5:F5', label: { text: '创\n\n建\n\n计\n\n划', cell: 'A5' }, aliases: ['创建工作计划'] },
    ...opinions.fields,
  ],
  tableRange: 'A4:F11',
  print: PORTRAIT,
  fonts: FONTS,
};
