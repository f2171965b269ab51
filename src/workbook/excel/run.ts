import { excelErrorAction, excelErrorMessage, type ExcelOperation } from '../../i18n/excel';

/**
 * Every Excel.run of the adapter goes through runExcel: it turns an OfficeExtension.Error
 * into an ExcelOperationError with a Chinese message and what to do, and it marks the
 * time the add-in itself writes, so that watchForms can ignore its own changes on hosts
 * without `triggerSource` (ExcelApi < 1.14).
 */

/** A failed Excel operation: `message` is Chinese, `action` says what the user can do. */
export class ExcelOperationError extends Error {
  override readonly name = 'ExcelOperationError';
  constructor(
    readonly operation: ExcelOperation,
    /** OfficeExtension.Error code ("AccessDenied", …), or NotInExcel / ApiNotSupported / Unknown. */
    readonly code: string,
    readonly action: string,
    /** Where Excel says it failed (debugInfo.errorLocation), for the details view. */
    readonly location?: string,
    override readonly cause?: unknown,
  ) {
    super(excelErrorMessage(operation, code));
  }
}

interface OfficeErrorLike {
  code: string;
  message?: string;
  debugInfo?: { code?: string; errorLocation?: string; innerError?: { code?: string } };
}

function isOfficeError(e: unknown): e is OfficeErrorLike {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string';
}

/** Maps anything thrown inside an Excel.run to an ExcelOperationError (never swallowed). */
export function toExcelOperationError(operation: ExcelOperation, e: unknown): ExcelOperationError {
  if (e instanceof ExcelOperationError) return e;
  if (isOfficeError(e)) {
    // Excel reports "InvalidOperation" while a cell is being edited; its inner code tells.
    const inner = e.debugInfo?.innerError?.code;
    const code = inner === 'InvalidOperationInCellEditMode' ? inner : e.code;
    return new ExcelOperationError(operation, code, excelErrorAction(code), e.debugInfo?.errorLocation, e);
  }
  return new ExcelOperationError(operation, 'Unknown', excelErrorAction('Unknown'), undefined, e);
}

/** Throws NotInExcel when the Office.js runtime is absent (standalone browser page). */
export function assertInExcel(operation: ExcelOperation): void {
  if (typeof Excel === 'undefined' || typeof Office === 'undefined') {
    throw new ExcelOperationError(operation, 'NotInExcel', excelErrorAction('NotInExcel'));
  }
}

/** How long after the add-in's own write a change event is still taken as ours. */
export const OWN_WRITE_GRACE_MS = 1000;

let writesInFlight = 0;
let ownWriteUntil = 0;

/** True while the add-in writes, and shortly after: change events then are its own. */
export function isOwnWriteWindow(now = Date.now()): boolean {
  return writesInFlight > 0 || now < ownWriteUntil;
}

/**
 * One Excel.run for one operation. `writesValues`: it changes cell values, which raises
 * onChanged; it opens the own-write window (see isOwnWriteWindow). Format-only changes
 * (marks, page setup) raise no change event and must not open it, or a user's edit
 * right after a check would be taken for ours. Errors are rethrown as ExcelOperationError. `reuse`: run in an
 * earlier context (removing event handlers must happen in the one that added them).
 */
export async function runExcel<T>(
  operation: ExcelOperation,
  writesValues: boolean,
  batch: (context: Excel.RequestContext) => Promise<T>,
  reuse?: OfficeExtension.ClientRequestContext,
): Promise<T> {
  assertInExcel(operation);
  if (writesValues) writesInFlight++;
  try {
    return await (reuse ? Excel.run(reuse, batch) : Excel.run(batch));
  } catch (e) {
    throw toExcelOperationError(operation, e);
  } finally {
    if (writesValues) {
      writesInFlight--;
      ownWriteUntil = Date.now() + OWN_WRITE_GRACE_MS;
    }
  }
}

/** The part after "!" of an address Excel returns ("'附件1 …'!A1:H13" → "A1:H13"). */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '');
}

/** A matrix of one value, for setting a property of every cell of a range. */
export function matrix<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
}
