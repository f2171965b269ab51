import { SUMMARY_SHEET_NAMES } from '../../i18n/excel';
import { ExcelOperationError, isOwnWriteWindow, runExcel, toExcelOperationError } from './run';

export interface WatchOptions {
  /** Quiet time after the last change of a sheet before onChange fires (default 400 ms). */
  debounceMs?: number;
  /** Sheets never reported (default: the summary sheets 汇总/进度/问题清单/未报送). */
  exclude?: readonly string[];
  /** Where failures inside event handlers go (default: thrown, i.e. an unhandled rejection). */
  onError?: (error: ExcelOperationError) => void;
}

export const DEFAULT_DEBOUNCE_MS = 400;

/** The handlers registered by the last watchForms call of this page. */
let current: { stop: () => Promise<void> } | null = null;

/**
 * Calls `onChange(sheetName)` when the user changes a worksheet's cells, once per burst
 * (debounced per sheet), never for the add-in's own writes and marks: on ExcelApi 1.14
 * hosts by the event's triggerSource, elsewhere by the time the adapter was writing
 * (isOwnWriteWindow; an edit the user commits within OWN_WRITE_GRACE_MS after a mark
 * changed is missed there, and the next edit is checked). Co-authors' changes (source
 * Remote) are left to their own pane. Sheets added later (a new form, a copied sheet) are watched too.
 * A second call replaces the first one's handlers (pane reload, re-render).
 *
 * Returns the unsubscribe. Syncs: 2 when registering.
 */
export async function watchForms(onChange: (sheetName: string) => void, opts: WatchOptions = {}): Promise<() => Promise<void>> {
  if (current) await current.stop();
  const debounceMs = opts.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const exclude = new Set(opts.exclude ?? SUMMARY_SHEET_NAMES);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const registrations: OfficeExtension.EventHandlerResult<unknown>[] = [];
  let stopped = false;
  const fail = (e: unknown) => {
    const error = toExcelOperationError('watchForms', e);
    if (opts.onError) opts.onError(error);
    else throw error;
  };

  /** The sheet's current name (the user may have renamed it since registering). Syncs: 1. */
  const report = (worksheetId: string) =>
    runExcel('watchForms', { background: true }, async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(worksheetId);
      sheet.load('name');
      await context.sync();
      if (!stopped && !sheet.isNullObject && !exclude.has(sheet.name)) onChange(sheet.name);
    });

  const canTellSource = Office.context.requirements.isSetSupported('ExcelApi', '1.14');
  const onChanged = async (args: Excel.WorksheetChangedEventArgs) => {
    if (stopped) return;
    // A co-author's change (EventSource "Remote", ExcelApi 1.7): their own pane checks and
    // marks it. Checking it here too would mark again, raise Remote events over there,
    // and two panes would keep each other busy.
    if (args.source === 'Remote') return;
    // Our own writes and marks: onChanged fires for format changes too (marks are
    // conditional formats), so without triggerSource every write of ours opens the
    // own-write window (runExcel raisesChanges) and events inside it are ours.
    if (canTellSource && args.triggerSource === 'ThisLocalAddin') return;
    if (!canTellSource && isOwnWriteWindow()) return;
    const id = args.worksheetId;
    clearTimeout(timers.get(id));
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        report(id).catch(fail);
      }, debounceMs),
    );
  };

  const onAdded = async (args: Excel.WorksheetAddedEventArgs) => {
    if (stopped) return;
    await runExcel('watchForms', {}, async (context) => {
      registrations.push(context.workbook.worksheets.getItem(args.worksheetId).onChanged.add(onChanged));
      await context.sync();
    }).catch(fail);
  };

  await runExcel('watchForms', {}, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    for (const sheet of sheets.items) registrations.push(sheet.onChanged.add(onChanged));
    registrations.push(sheets.onAdded.add(onAdded));
    await context.sync();
  });

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (current?.stop === stop) current = null;
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
    // A handler is removed in the context it was registered with.
    const byContext = new Map<OfficeExtension.ClientRequestContext, OfficeExtension.EventHandlerResult<unknown>[]>();
    for (const r of registrations.splice(0)) byContext.set(r.context, [...(byContext.get(r.context) ?? []), r]);
    for (const [context, results] of byContext) {
      await runExcel('watchForms', { reuse: context }, async (ctx) => {
        for (const r of results) r.remove();
        await ctx.sync();
      });
    }
  };
  current = { stop };
  return stop;
}
