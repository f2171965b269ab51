/**
 * bin/wuhua as a user runs it (the compiled build/cli.js): `--help` and `check` do not
 * load exceljs, which only the commands that write a workbook need. The modules are
 * those the process really loaded (require.cache at exit, through a --require hook).
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { getForm } from '../../src/forms';
import { templateBytes } from '../../src/workbook/xlsx/template';

const ROOT = join(__dirname, '..', '..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-startup-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs bin/wuhua with the hook; its exit status, stdout and the modules it loaded. */
function wuhua(args: string[]): { status: number | null; stdout: string; modules: string[] } {
  const list = join(dir, `modules-${args[0]}-${Date.now()}.txt`);
  const r = spawnSync(process.execPath, ['--require', join(__dirname, 'loadedModules.cjs'), join(ROOT, 'bin', 'wuhua'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, WUHUA_LOADED_MODULES: list },
  });
  return { status: r.status, stdout: r.stdout, modules: readFileSync(list, 'utf8').split('\n').filter(Boolean) };
}

const exceljsModules = (modules: string[]) => modules.filter((m) => /[\\/]node_modules[\\/]exceljs[\\/]/.test(m));

test('bin/wuhua runs the compiled build, not TypeScript', () => {
  const r = wuhua(['--help']);
  expect(r.status).toBe(0);
  expect(r.modules.some((m) => m.endsWith(join('build', 'cli.js')))).toBe(true);
  expect(r.modules.filter((m) => /[\\/]node_modules[\\/](tsx|esbuild|typescript)[\\/]/.test(m))).toEqual([]);
});

test('--help does not load exceljs', () => {
  const r = wuhua(['--help']);
  expect(r.stdout).toContain('bin/wuhua check');
  expect(exceljsModules(r.modules)).toEqual([]);
});

test('check of a filled workbook does not load exceljs', async () => {
  const file = join(dir, '附件2.xlsx');
  writeFileSync(file, await templateBytes(getForm('application')));
  const r = wuhua(['check', file, '--as-of', '2019-05-01']);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('附件2');
  expect(exceljsModules(r.modules)).toEqual([]);
});

test('the hook sees exceljs where it is loaded: template writes a workbook with it', () => {
  const r = wuhua(['template', '1', '-o', join(dir, 't.xlsx')]);
  expect(r.status).toBe(0);
  expect(exceljsModules(r.modules).length).toBeGreaterThan(0);
});
