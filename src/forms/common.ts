import type { FieldSpec, FontSpec, PrintSpec, TextSpec } from './types';

export { MAX_ROW_HEIGHT } from './units';

/** GB/T 9704 conventions: 黑体 for "附件N", a bold title, 宋体 body (present on Windows, WPS, LibreOffice via substitution). */
export const FONTS: { attachment: FontSpec; title: FontSpec; body: FontSpec } = {
  attachment: { name: '黑体', size: 12 },
  title: { name: '黑体', size: 18, bold: true },
  body: { name: '宋体', size: 12 },
};

/** Margins in inches (about 2 cm at the sides, 1.9 cm top and bottom). */
const MARGINS = { left: 0.75, right: 0.75, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

export const PORTRAIT: PrintSpec = { orientation: 'portrait', margins: MARGINS, fitToOnePage: true, horizontalCentered: true };
export const LANDSCAPE: PrintSpec = { orientation: 'landscape', margins: MARGINS, fitToOnePage: true, horizontalCentered: true };

/** What the paper prints in an empty date: a clerk writes the numbers into it. */
export const DATE_PLACEHOLDER = '年    月    日';

/** The stamp line under each opinion. */
export const STAMP = '（盖章）';

/*
 * 附件1 and 附件2 share their header, count and opinion fields: the wording and aliases
 * are written once here, each form gives only its own cells.
 */

export function branchNameField(cell: string, labelCell: string): FieldSpec {
  return { id: 'branchName', kind: 'text', required: true, cell, label: { text: '申报党支部名称：', cell: labelCell }, aliases: ['党支部名称', '支部名称', '申报支部名称', '申报单位'] };
}

/** The header 申报时间 (the first of two on 附件2). */
export function dateField(cell: string, labelCell: string): FieldSpec {
  return { id: 'date', kind: 'date', required: true, cell, label: { text: '申报时间：', cell: labelCell }, aliases: ['申报日期', '填报时间', '填报日期'], occurrence: 0, placeholder: DATE_PLACEHOLDER, align: 'center' };
}

export function countFields(member: { cell: string; labelCell: string }, committee: { cell: string; labelCell: string }): FieldSpec[] {
  return [
    { id: 'memberCount', kind: 'count', required: true, cell: member.cell, label: { text: '党 员\n人 数', cell: member.labelCell }, aliases: ['党员数'], align: 'center' },
    { id: 'committeeCount', kind: 'count', required: true, cell: committee.cell, label: { text: '支 委\n人 数', cell: committee.labelCell }, aliases: ['支委数', '支部委员人数'], align: 'center' },
  ];
}

/** One opinion block as on paper: label, text, （盖章） line, 年 月 日 line. */
interface OpinionCells {
  labelCell: string;
  cell: string;
  stampCell: string;
  dateCell: string;
}

/** The two opinion blocks (上级党委/党总支 then 市直工委): their fields and their stamp lines. */
export function opinionBlocks(party: OpinionCells, work: OpinionCells): { fields: FieldSpec[]; stamps: TextSpec[] } {
  return {
    fields: [
      { id: 'partyCommitteeOpinion', kind: 'opinion', required: false, cell: party.cell, label: { text: '机关事业单位党委、党总支部意见', cell: party.labelCell }, aliases: ['党委意见', '党总支部意见', '党委（党总支）意见', '机关党委意见', '机关事业单位党委（党总支）意见', '上级党委（党总支）意见', '上级党组织意见', '单位党委意见'] },
      { id: 'partyCommitteeOpinionDate', kind: 'date', required: false, cell: party.dateCell, dateOf: 'partyCommitteeOpinion', placeholder: DATE_PLACEHOLDER, align: 'right' },
      { id: 'workCommitteeOpinion', kind: 'opinion', required: false, cell: work.cell, label: { text: '市直工委意    见', cell: work.labelCell }, aliases: ['市直工委意见', '工委意见'] },
      { id: 'workCommitteeOpinionDate', kind: 'date', required: false, cell: work.dateCell, dateOf: 'workCommitteeOpinion', placeholder: DATE_PLACEHOLDER, align: 'right' },
    ],
    stamps: [party, work].map((b) => ({ cell: b.stampCell, text: STAMP, role: 'stamp' as const })),
  };
}
