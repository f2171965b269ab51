import { FONTS, PORTRAIT } from './common';
import type { FormSpec } from './types';

/**
 * 附件3 《市直机关党支部“五化”建设创建进度表》 — twelve month rows. Portrait: on a landscape page
 * twelve rows of four lines would print at about 6 pt; portrait gives each month 55 pt.
 */
export const progress: FormSpec = {
  id: 'progress',
  attachment: '附件3',
  number: 3,
  title: '市直机关党支部“五化”建设创建进度表',
  titleCell: 'A2:E2',
  titleKeys: ['创建进度表', '建设进度表'],
  distinctiveLabels: ['目标任务', '问题短板', '完成情况'],
  templateVersion: 1,
  sheetName: '附件3 创建进度表',
  columnWidths: [78, 130, 112, 80, 115],
  // 776 pt in all with the twelve month rows: the page's 781 pt inside its margins, at 100 %.
  rowHeights: { 1: 22, 2: 34, 3: 26, 4: 34 },
  texts: [{ cell: 'A1', text: '附件3', role: 'attachment' }],
  fields: [
    { id: 'branchName', kind: 'text', required: true, cell: 'B3:D3', label: { text: '党支部名称：', cell: 'A3' }, shrinkToFit: true, aliases: ['申报党支部名称', '支部名称', '申报单位'] },
  ],
  months: {
    headerRow: 4,
    firstRow: 5,
    monthColumn: 'A',
    monthHeader: '时间',
    columns: [
      { key: 'goal', column: 'B', header: '目标任务', aliases: ['工作目标', '目标'] },
      { key: 'problem', column: 'C', header: '问题短板', aliases: ['存在问题', '短板'] },
      { key: 'owner', column: 'D', header: '责任部门或人员', aliases: ['责任部门', '责任人', '责任部门（人员）'] },
      { key: 'status', column: 'E', header: '完成情况', aliases: ['完成进度', '进展情况'] },
    ],
    rowHeight: 55,
    fontSize: 9,
  },
  tableRange: 'A4:E16',
  print: PORTRAIT,
  fonts: FONTS,
};
