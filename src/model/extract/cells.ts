/** Small helpers every reader of a sheet shares: a found value, a cell as a line of text, a field's label spellings. */
import { cellAddress } from '../../forms/address';
import type { FieldSpec, MonthKey } from '../../forms/types';
import { isEmptyCell, textOf, type SheetIndex } from '../locate';
import { formatDateZh, serialToIso } from '../parse';
import type { FoundValue, GridCell } from '../types';

export const MONTH_KEYS: readonly MonthKey[] = ['goal', 'problem', 'owner', 'status'];

/** The value at (row, col), null when the cell is empty. */
export function foundAt(index: SheetIndex, row: number, col: number, a1 = cellAddress(row, col)): FoundValue {
  const raw = index.get(row, col);
  return { raw: isEmptyCell(raw) ? null : raw!, cell: a1 };
}

/** A cell as a line of a text joined from several cells: a date cell reads as its date ("2019年4月25日"), not its serial. */
export function partText(cell: GridCell): string {
  return cell.date && typeof cell.v === 'number' ? formatDateZh(serialToIso(cell.v)) : textOf(cell);
}

/** The label as printed and the other spellings clerks type. */
export function labelsOf(f: FieldSpec): string[] {
  return f.label ? [f.label.text, ...(f.aliases ?? [])] : [];
}
