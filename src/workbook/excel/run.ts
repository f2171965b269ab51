import { excelErrorAction, excelErrorMessage, type ExcelOperation } from '../../i18n/excel';

/**
 * Every Excel.run of the adapter goes through runExcel: it turns an OfficeExtension.Error
 * into an ExcelOperationError with a Chinese message and what to do, waits out the
 * user's cell editing, and marks the time the add-in itself writes, so that watchForms
 * can ignore its own changes on hosts without `triggerSource` (ExcelApi < 1.14).
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
  // A window that ends further ahead than the grace: the clock went back since; it is over.
  return writesInFlight > 0 || (now < ownWriteUntil && ownWriteUntil - now <= OWN_WRITE_GRACE_MS);
}

/** While the user edits a cell, a background run is tried again after this long. */
export const CELL_EDIT_RETRY_MS = 1000;
/** … for at most this long in all (a cell left in edit mode for minutes): then the error is thrown. */
export const CELL_EDIT_GIVE_UP_MS = 5 * 60 * 1000;

export interface RunOptions {
  /**
   * It changes cells' values or formats. Excel raises onChanged for both ("onChanged fires
   * when either the format or value of the data changes",
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets#detect-data-changes),
   * so it opens the own-write window (see isOwnWriteWindow).
   */
  raisesChanges?: boolean;
  /**
   * Started by the user's editing, not by a click (the live check): refused because the
   * user is editing a cell (InvalidOperationInCellEditMode), it is tried again later
   * instead of failing. A batch refused that way ran nothing, so running it again is safe.
   */
  background?: boolean;
  /** Run in an earlier context (removing event handlers must happen in the one that added them). */
  reuse?: OfficeExtension.ClientRequestContext;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One Excel.run for one operation; errors are rethrown as ExcelOperationError.
 *
 * Every new context asks Excel to wait while the user is editing a cell
 * (RunOptions.delayForCellEdit: "the batch request is delayed until the user exits cell
 * edit mode", https://learn.microsoft.com/javascript/api/excel/excel.runoptions) instead of
 * failing. A host that does not know the option fails such a batch with
 * InvalidOperationInCellEditMode (https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling):
 * a background run tries again every CELL_EDIT_RETRY_MS, never showing it as an error.
 */
export async function runExcel<T>(
  operation: ExcelOperation,
  opts: RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  assertInExcel(operation);
  const started = Date.now();
  for (;;) {
    try {
      return await runOnce(operation, opts, batch);
    } catch (e) {
      const error = e as ExcelOperationError;
      if (!opts.background || error.code !== 'InvalidOperationInCellEditMode' || Date.now() - started > CELL_EDIT_GIVE_UP_MS) throw error;
      await wait(CELL_EDIT_RETRY_MS);
    }
  }
}

async function runOnce<T>(operation: ExcelOperation, opts: RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  if (opts.raisesChanges) writesInFlight++;
  try {
    return await (opts.reuse ? Excel.run(opts.reuse, batch) : Excel.run({ delayForCellEdit: true }, batch));
  } catch (e) {
    throw toExcelOperationError(operation, e);
  } finally {
    if (opts.raisesChanges) {
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
