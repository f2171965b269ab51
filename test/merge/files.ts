import ExcelJS from 'exceljs';
import { getForm } from '../../src/forms';
import type { FieldId, FormId } from '../../src/forms/types';
import type { FieldValue, MonthEntry, Submission } from '../../src/model/types';
import { addFormSheet } from '../../src/workbook/xlsx/template';

/** A branch's workbook made from our template, filled with the given values. */
export async function filledBytes(
  form: FormId,
  fields: Partial<Record<FieldId, FieldValue>>,
  monthRows?: Partial<MonthEntry>[],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const values: Submission = {
    file: '',
    sheet: '',
    form,
    via: 'tag',
    fields,
    cells: {},
    parseIssues: [],
    months: monthRows?.map((m, i) => ({
      month: i + 1,
      goal: null,
      problem: null,
      owner: null,
      status: null,
      row: 0,
      cells: { goal: '', problem: '', owner: '', status: '' },
      ...m,
    })),
  };
  addFormSheet(wb, getForm(form), { values });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
