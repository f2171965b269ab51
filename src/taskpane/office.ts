/**
 * Where the pane runs, decided at once from what Office itself leaves in the page, and
 * office.js loaded without blocking the first render.
 *
 * office.js finds its host in this order (office.debug.js, _retrieveHostInfo, package
 * @microsoft/office-js 1.1.110): window.external.GetHostInfo() (Windows webviews),
 * agaveHost.GetHostInfo() (Mac/iOS), the `_host_Info` query parameter that Office appends
 * to the task pane URL, window.name's hostInfo, and the copy office.js keeps in
 * sessionStorage ("hostInfoValue") for reloads. We look at the same places, only for
 * their presence: the value is Office's to read
 * (https://learn.microsoft.com/office/dev/add-ins/develop/parent-to-dialog says so for
 * dialogs). Found → this is Office: load office.js and wait for it however long it takes
 * (never fall back to the browser page inside Office). Not found → a plain browser: the
 * standalone page, and office.js is not even requested.
 *
 * A hung CDN no longer blanks the pane: the script is added from here, after the pane is
 * on screen, instead of a blocking <script> in <head>. Office.onReady works whenever it
 * is called (https://github.com/OfficeDev/office-js/issues/5); it never settles when a
 * file of office.js fails to load (https://github.com/OfficeDev/office-js/issues/6040),
 * so the pane watches the script's own load/error events.
 */

/** The office.js this build uses (webpack DefinePlugin; see webpack.config.js, WUHUA_OFFICE_JS). */
declare const __OFFICE_JS_URL__: string;
export const OFFICE_JS_URL: string = typeof __OFFICE_JS_URL__ === 'string' ? __OFFICE_JS_URL__ : 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function hasQueryParam(search: string, name: string): boolean {
  const wanted = name.toLowerCase();
  return search
    .replace(/^\?/, '')
    .split('&')
    .some((pair) => decodeURIComponent(pair.split('=')[0] || '').toLowerCase() === wanted);
}

/** Whether Office opened this page (see above). Never throws. */
export function openedByOffice(win: Window = window): boolean {
  const w = win as Window & { external?: { GetHostInfo?: unknown }; agaveHost?: unknown };
  try {
    if (w.external && 'GetHostInfo' in w.external) return true;
  } catch {
    // Trident's external object may throw on access: not a sign either way.
  }
  if (typeof w.agaveHost !== 'undefined') return true;
  if (hasQueryParam(w.location.search, '_host_Info')) return true;
  try {
    const name: unknown = w.name ? JSON.parse(w.name) : null;
    if (name && typeof name === 'object' && 'hostInfo' in name) return true;
  } catch {
    // window.name is not JSON: not Office's.
  }
  try {
    if (w.sessionStorage?.getItem('hostInfoValue')) return true;
  } catch {
    // Storage blocked: nothing to learn there.
  }
  return false;
}

export type OfficeScript = 'loaded' | 'failed';

let loading: Promise<OfficeScript> | null = null;

/** Adds office.js to the page once; resolves when it has loaded or failed (a hung CDN: never). */
export function loadOfficeJs(src: string = OFFICE_JS_URL, doc: Document = document): Promise<OfficeScript> {
  loading ??= new Promise<OfficeScript>((resolve) => {
    const s = doc.createElement('script');
    s.src = src;
    s.async = true;
    s.dataset.officeJs = '';
    s.addEventListener('load', () => resolve('loaded'));
    s.addEventListener('error', () => resolve('failed'));
    doc.head.appendChild(s);
  });
  return loading;
}
