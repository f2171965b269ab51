import { formatDateZh } from '../../model/parse';
import { runExcel } from './run';

/** One opinion to write into a form sheet of the open workbook (初核 in the pane). */
export interface OpinionWrite {
  sheet: string;
  /** The opinion's input cell (top-left of its box). */
  cell: string;
  text: string;
  /** The opinion's 年 月 日 cell, when the form has one of its own. */
  dateCell?: string;
  /** "YYYY-MM-DD" */
  date: string;
}

const TEXT_FORMAT = '@';

/**
 * Writes each opinion and its date into its form sheet, as text: the format '@' is set
 * before the value, so an opinion starting with = + - @ is not taken for a formula
 * (Range.values takes such a string for a formula otherwise:
 * https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values).
 * The date is written as "2019年4月28日" (what the paper form shows; our reader parses it).
 * A form without a date cell of its own (typed by hand, opinion and date in one box)
 * gets the date as the last line of the box. Our form sheets are protected with their
 * inputs unlocked and formatting allowed, so no protection is lifted.
 * Syncs: 1, whatever the number of forms.
 */
export async function writeOpinions(writes: readonly OpinionWrite[]): Promise<number> {
  if (writes.length === 0) return 0;
  return runExcel('writeOpinions', { raisesChanges: true }, async (context) => {
    const sheets = context.workbook.worksheets;
    for (const w of writes) {
      const ws = sheets.getItem(w.sheet);
      const date = formatDateZh(w.date);
      const opinion = ws.getRange(w.cell);
      opinion.numberFormat = [[TEXT_FORMAT]];
      opinion.values = [[w.dateCell ? w.text : `${w.text}\n${date}`]];
      if (w.dateCell) {
        const d = ws.getRange(w.dateCell);
        d.numberFormat = [[TEXT_FORMAT]];
        d.values = [[date]];
      }
    }
    await context.sync();
    return writes.length;
  });
}
