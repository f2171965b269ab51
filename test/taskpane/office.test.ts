/**
 * Never a blank pane (issue 11 §2): inside Office or not is decided from Office's own signs
 * at once, and the old-webview guard is ES5 that even Internet Explorer 11 parses.
 * (The guard itself runs in Chromium with IE11/Edge Legacy user agents in test/e2e/run.cjs.)
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'acorn';
import { openedByOffice } from '../../src/taskpane/office';

function fakeWindow(opts: { search?: string; name?: string; session?: Record<string, string>; external?: object; agaveHost?: object }): Window {
  return {
    location: { search: opts.search ?? '' },
    name: opts.name ?? '',
    sessionStorage: { getItem: (k: string) => opts.session?.[k] ?? null },
    external: opts.external,
    agaveHost: opts.agaveHost,
  } as unknown as Window;
}

test('opened by Office: the _host_Info parameter Office appends (any case), or the host objects office.js itself reads', () => {
  expect(openedByOffice(fakeWindow({ search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0' }))).toBe(true);
  expect(openedByOffice(fakeWindow({ search: '?et=&_host_info=Excel|Web|16.00|zh-CN|x|' }))).toBe(true);
  expect(openedByOffice(fakeWindow({ external: { GetHostInfo: () => 'Excel$Win32$16.01' } }))).toBe(true);
  expect(openedByOffice(fakeWindow({ agaveHost: {} }))).toBe(true);
  expect(openedByOffice(fakeWindow({ name: JSON.stringify({ hostInfo: 'Excel|Mac|16.00' }) }))).toBe(true);
  // After a reload inside the pane office.js finds its own copy in sessionStorage; so do we.
  expect(openedByOffice(fakeWindow({ session: { hostInfoValue: 'Excel$Win32$16.01' } }))).toBe(true);
});

test('a plain browser is not Office (no office.js is loaded there)', () => {
  expect(openedByOffice(fakeWindow({}))).toBe(false);
  expect(openedByOffice(fakeWindow({ search: '?host_Info=x&_host_Infox=1', name: 'not json', external: {} }))).toBe(false);
  // Storage that throws (blocked cookies) is not a sign either way.
  const blocked = fakeWindow({});
  Object.defineProperty(blocked, 'sessionStorage', { get: () => { throw new Error('SecurityError'); } });
  expect(openedByOffice(blocked)).toBe(false);
});

test('the old-webview guard is ES5: Internet Explorer 11 must be able to parse it', () => {
  const src = readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'guard', 'old-webview.js'), 'utf8');
  expect(() => parse(src, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
  // and the check is not lenient: an arrow function is refused.
  expect(() => parse('var f = () => 1;', { ecmaVersion: 5, sourceType: 'script' })).toThrow();
});
