import { hostInfo } from '../workbook/excel/hostInfo';
import type { Host } from './host';
import { createStandaloneHost } from './standaloneHost';

/**
 * Inside Excel the pane works on the workbook; anywhere else (a browser, WPS users) on
 * files. The Excel host (adapter, reader, rules) is a chunk of its own: a browser never
 * loads it.
 */
export async function detectHost(): Promise<Host> {
  const info = await hostInfo();
  if (!info.inExcel) return createStandaloneHost();
  const { createExcelHost } = await import(/* webpackChunkName: "excel" */ './excelHost');
  return createExcelHost(info);
}
