import { hostInfo } from '../workbook/excel/hostInfo';
import type { Host } from './host';
import { loadOfficeJs, openedByOffice } from './office';
import { createStandaloneHost } from './standaloneHost';

/** setTimeout's largest delay (24.8 days): inside Office the pane waits for Office.onReady, in practice for ever. */
const NEVER_MS = 2 ** 31 - 1;

export class OfficeJsFailed extends Error {}

/**
 * Where the pane runs, decided at once (office.ts): in a plain browser (WPS users) the
 * standalone host, with no office.js at all; opened by Office, the Excel host once
 * office.js is ready — the pane is on screen meanwhile and never falls back to the
 * browser page by itself. The Excel host (adapter, reader, rules) is a chunk of its own.
 */
export type Start = { kind: 'standalone'; host: Host } | { kind: 'office'; host: Promise<Host> };

export function startHost(): Start {
  if (!openedByOffice()) return { kind: 'standalone', host: createStandaloneHost() };
  const host = loadOfficeJs().then(async (script) => {
    if (script === 'failed') throw new OfficeJsFailed();
    const info = await hostInfo(NEVER_MS);
    // Office, but not Excel (the manifest names only Workbook): the page still works on files.
    if (!info.inExcel) return createStandaloneHost();
    const { createExcelHost } = await import(/* webpackChunkName: "excel" */ './excelHost');
    return createExcelHost(info);
  });
  return { kind: 'office', host };
}
