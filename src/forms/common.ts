import type { FieldSpec, FontSpec, PrintSpec, TextSpec } from './types';

export { MAX_ROW_HEIGHT } from './units';

/**
 * GB/T 9704-2012 (党政机关公文格式) 8.1 and 附录: "附件N" in 3号黑体 (16 pt), the title in 2号小标宋
 * (22 pt); the form's own text in 宋体 小四 (12 pt). 方正小标宋简体 is not on every computer: its
 * family and character set make Excel, WPS and LibreOffice print a 宋体-like face instead.
 */
export const FONTS: { attachment: FontSpec; title: FontSpec; body: FontSpec } = {
  attachment: { name: '黑体', size: 16, fallback: 'sans' },
  title: { name: '方正小标宋简体', size: 22, fallback: 'serif' },
  body: { name: '宋体', size: 12, fallback: 'serif' },
};

/**
 * Margins in inches: about 11 mm at the sides and top, 10 mm at the foot, so a form fills
 * its page (about 92 % of its height) at 100 % — the sizes above print as they are.
 */
const MARGINS = { left: 0.45, right: 0.45, top: 0.45, bottom: 0.4, header: 0.2, footer: 0.2 };

export const PORTRAIT: PrintSpec = { orientation: 'portrait', margins: MARGINS, fitToOnePage: true, horizontalCentered: true };

/** What the paper prints in an empty date: a clerk writes the numbers into it. */
export const DATE_PLACEHOLDER = '年    月    日';

/** The stamp line under each opinion. */
export const STAMP = '（盖章）';

/*
 * 附件1 and 附件2 share their header, count and opinion fields: the wording and aliases
 * are written once here, each form gives only its own cells.
 */

export function branchNameField(cell: string, labelCell: string): FieldSpec {
  return { id: 'branchName', kind: 'text', required: true, cell, label: { text: '申报党支部名称：', cell: labelCell }, aliases: ['党支部名称', '支部名称', '申报支部名称', '申报单位'], shrinkToFit: true };
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
      { id: 'partyCommitteeOpinion', kind: 'opinion', required: false, cell: party.cell, label: { text: '机关事业单位\n党委、党总支\n部意见', cell: party.labelCell }, aliases: ['党委意见', '党总支部意见', '党委（党总支）意见', '机关党委意见', '机关事业单位党委（党总支）意见', '上级党委（党总支）意见', '上级党组织意见', '单位党委意见'] },
      { id: 'partyCommitteeOpinionDate', kind: 'date', required: false, cell: party.dateCell, dateOf: 'partyCommitteeOpinion', placeholder: DATE_PLACEHOLDER, align: 'right' },
      { id: 'workCommitteeOpinion', kind: 'opinion', required: false, cell: work.cell, label: { text: '市直工委\n意    见', cell: work.labelCell }, aliases: ['市直工委意见', '工委意见'] },
      { id: 'workCommitteeOpinionDate', kind: 'date', required: false, cell: work.dateCell, dateOf: 'workCommitteeOpinion', placeholder: DATE_PLACEHOLDER, align: 'right' },
    ],
    stamps: [party, work].map((b) => ({ cell: b.stampCell, text: STAMP, role: 'stamp' as const })),
  };
}
