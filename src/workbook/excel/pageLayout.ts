import type { FormSpec } from '../../forms/types';
import { POINTS_PER_INCH } from '../../forms';

/**
 * Page setup for printing. Worksheet.pageLayout is ExcelApi 1.9, above the manifest's
 * minimum (1.7): each function checks the set itself and returns false when the host
 * lacks it, so the caller can say so instead of failing the whole operation.
 */

/**
 * The form on exactly one A4 page, with the FormSpec's orientation, margins and centring.
 * ExcelApi 1.9. Returns the page layout with its zoom loaded after the setters (see
 * fitsToPages), or null when the host lacks the set.
 */
export function setFormPageLayout(sheet: Excel.Worksheet, form: FormSpec, printArea: string): Excel.PageLayout | null {
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) return null;
  const layout = sheet.pageLayout;
  const m = form.print.margins;
  layout.paperSize = 'A4';
  layout.orientation = form.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.leftMargin = m.left * POINTS_PER_INCH;
  layout.rightMargin = m.right * POINTS_PER_INCH;
  layout.topMargin = m.top * POINTS_PER_INCH;
  layout.bottomMargin = m.bottom * POINTS_PER_INCH;
  layout.headerMargin = m.header * POINTS_PER_INCH;
  layout.footerMargin = m.footer * POINTS_PER_INCH;
  layout.centerHorizontally = form.print.horizontalCentered;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
  layout.setPrintArea(printArea);
  return layout.load('zoom');
}

/** Summary margins: half an inch, so that wide tables keep a readable scale. */
const SUMMARY_MARGIN_IN = 0.5;

/**
 * A summary table on A4: all columns on one page width, the header row repeated on each
 * page. Only the width is asked for: PageLayoutZoomOptions documents no value meaning
 * "as many pages tall as needed" (https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions),
 * so the height is left to the host rather than relying on verticalFitToPages: 0. ExcelApi 1.9.
 * Returns the page layout with its zoom loaded after the setters, or null without the set.
 */
export function setSummaryPageLayout(sheet: Excel.Worksheet, landscape: boolean, printArea?: string): Excel.PageLayout | null {
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) return null;
  const layout = sheet.pageLayout;
  layout.paperSize = 'A4';
  layout.orientation = landscape ? 'Landscape' : 'Portrait';
  layout.leftMargin = SUMMARY_MARGIN_IN * POINTS_PER_INCH;
  layout.rightMargin = SUMMARY_MARGIN_IN * POINTS_PER_INCH;
  layout.topMargin = SUMMARY_MARGIN_IN * POINTS_PER_INCH;
  layout.bottomMargin = SUMMARY_MARGIN_IN * POINTS_PER_INCH;
  layout.centerHorizontally = true;
  layout.zoom = { horizontalFitToPages: 1 };
  layout.setPrintTitleRows('$1:$1');
  // PageLayout.setPrintArea (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprintarea-member(1)):
  // columns meant for the screen (a full path) stay off the paper.
  if (printArea) layout.setPrintArea(printArea);
  return layout.load('zoom');
}

/** An autofilter on the summary table (header row + data). ExcelApi 1.9. */
export function setSummaryAutoFilter(sheet: Excel.Worksheet, tableAddress: string): boolean {
  if (!Office.context.requirements.isSetSupported('ExcelApi', '1.9')) return false;
  sheet.autoFilter.apply(tableAddress);
  return true;
}

/**
 * Whether the host kept a fit-to-page zoom it was given. Some hosts silently ignore
 * horizontalFitToPages / verticalFitToPages (https://github.com/OfficeDev/office-js/issues/1860),
 * so the zoom is loaded back in the same batch, after the setter ran, and compared.
 */
export function fitsToPages(layout: Excel.PageLayout | null, tall: boolean): boolean {
  if (!layout || !Office.context.requirements.isSetSupported('ExcelApi', '1.9')) return false;
  const zoom = layout.zoom;
  return zoom?.horizontalFitToPages === 1 && (!tall || zoom.verticalFitToPages === 1);
}
