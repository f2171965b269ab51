import type { FontSpec, PrintSpec } from './types';

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
