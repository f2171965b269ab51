/**
 * A form is data: every label, input cell, merge, size and print setting of one
 * attachment of the notice. Renderers (xlsx files, Office.js), the reader and the
 * rules all walk this data; no form address is written anywhere else.
 *
 * Addresses are A1-style; a range ("B6:H6") is merged when rendered.
 */

export type FormId = 'demonstration' | 'application' | 'progress';

/** How a field's raw cell value is normalised (see src/model/parse.ts). */
export type FieldKind = 'text' | 'longText' | 'count' | 'date' | 'phone' | 'opinion';

export type FieldId =
  | 'branchName'
  | 'date'
  | 'memberCount'
  | 'committeeCount'
  | 'secretaryName'
  | 'contact'
  | 'basicWork'
  | 'highlights'
  | 'tableDate'
  | 'plan'
  | 'partyCommitteeOpinion'
  | 'partyCommitteeOpinionDate'
  | 'workCommitteeOpinion'
  | 'workCommitteeOpinionDate';

export interface FieldSpec {
  id: FieldId;
  kind: FieldKind;
  required: boolean;
  /** Input range in our template (merged when it spans several cells). */
  cell: string;
  /**
   * The label as printed on the paper form, and where our template puts it.
   * Absent for an opinion's date line, which sits under its opinion.
   */
  label?: { text: string; cell: string };
  /** Other spellings clerks type for the label (compared after normalising). */
  aliases?: string[];
  /** When one label appears twice on a form (附件2 申报时间), the nth match is this field. */
  occurrence?: number;
  /** For an opinion's date: the opinion field it belongs to. */
  dateOf?: FieldId;
  /** Shown in the empty input, as on paper ("年 月 日"); reads as empty. */
  placeholder?: string;
  /** Horizontal alignment of the input; long text is top-left by default. */
  align?: 'left' | 'center' | 'right';
  /** One printed line: a long value prints smaller instead of wrapping (Excel's shrink to fit). */
  shrinkToFit?: boolean;
}

export type TextRole = 'attachment' | 'title' | 'label' | 'stamp' | 'header';

/** A fixed text of the form that is not a field label. */
export interface TextSpec {
  cell: string;
  text: string;
  role: TextRole;
}

export type MonthKey = 'goal' | 'problem' | 'owner' | 'status';

/** 附件3's twelve month rows: one header row, then month 1..12 in order. */
export interface MonthTableSpec {
  headerRow: number;
  firstRow: number;
  /** Column of the month labels ("1月份"), headed by `monthHeader`. */
  monthColumn: string;
  monthHeader: string;
  columns: { key: MonthKey; column: string; header: string; aliases?: string[] }[];
  /** Height of each month row in points. */
  rowHeight: number;
  /** Font size of the month cells' text (smaller than the body, so each cell holds four lines). */
  fontSize: number;
}

export interface PrintSpec {
  orientation: 'portrait' | 'landscape';
  /** Margins in inches, as Excel stores them. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** The whole form on exactly one page. */
  fitToOnePage: true;
  horizontalCentered: boolean;
}

export interface FontSpec {
  name: string;
  size: number;
  bold?: boolean;
  /**
   * What a computer without the font prints instead: an .xlsx font records its family
   * (serif / sans) and its character set (GB2312), and Excel, WPS and LibreOffice pick a
   * Chinese face of that family (小标宋 → 宋体, 黑体 → a sans face).
   */
  fallback: 'serif' | 'sans';
}

export interface FormSpec {
  id: FormId;
  /** "附件1" etc. */
  attachment: string;
  /** 1, 2, 3: what `bin/wuhua template 1` means. */
  number: number;
  /** The title as printed (line breaks as on paper). */
  title: string;
  /** Title cell range. */
  titleCell: string;
  /** Text fragments that identify this form's title in a hand-made file. */
  titleKeys: string[];
  /** Labels that only this form has: identify it when the title is missing. */
  distinctiveLabels: string[];
  /** Bumped whenever a field moves: the reader picks the layout by it. */
  templateVersion: number;
  /** Default sheet name for a new sheet / template file. */
  sheetName: string;
  /** Column widths in points, from column A (the sum stays inside the page: forms print at 100 %). */
  columnWidths: number[];
  /** Row heights in points, by 1-based row number. */
  rowHeights: Record<number, number>;
  texts: TextSpec[];
  fields: FieldSpec[];
  months?: MonthTableSpec;
  /** Range with borders (the table of the paper form). */
  tableRange: string;
  print: PrintSpec;
  fonts: { attachment: FontSpec; title: FontSpec; body: FontSpec };
}
