/**
 * manifest.xml: the offline equivalent of `office-addin-manifest validate` (which needs
 * Microsoft's web service): the XSD check of the 1.1 manifest + VersionOverrides 1.0,
 * the icons it names, and the requirement-set audit of the adapter's code.
 * The schemas predate 2018: every element used here is in them (nothing newer is relied on).
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = join(ROOT, 'manifest.xml');
const xml = readFileSync(MANIFEST, 'utf8');

// Both live in the repository (vendor/ with their licence note, scripts/): a clone alone runs these tests.
const SCHEMA = join(ROOT, 'vendor', 'office-manifest-schemas', 'OfficeAppManifestV1_1.xsd');
const AUDIT = join(ROOT, 'scripts', 'office-apiset-audit.cjs');


test('validates against the Office add-in manifest schema (xmllint)', () => {
  const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, MANIFEST], { encoding: 'utf8' });
  expect(r.stderr.trim()).toBe('manifest.xml validates'.replace('manifest.xml', MANIFEST));
  expect(r.status).toBe(0);
});

test('the schema check is not lenient: a manifest without <Permissions> fails it', () => {
  const broken = xml.replace(/<Permissions>[^<]*<\/Permissions>/, '');
  const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, '-'], { input: broken, encoding: 'utf8' });
  expect(r.status).not.toBe(0);
});

/** Attribute values of every element `tag` (namespace prefix ignored). */
function attrs(tag: string, attr: string): string[] {
  const re = new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*\\b${attr}="([^"]*)"`, 'g');
  return [...xml.matchAll(re)].map((m) => m[1]);
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** https://localhost:3000/assets/icon-32.png → <root>/assets/icon-32.png (webpack copies assets/ to dist/assets/). */
function localFile(url: string): string {
  const m = /^https:\/\/localhost:3000\/(assets\/[\w.-]+\.png)$/.exec(url);
  if (!m) throw new Error(`icon URL not under https://localhost:3000/assets/: ${url}`);
  return join(ROOT, m[1]);
}

test('Excel workbook, task pane at https://localhost:3000/taskpane.html, commands page, ReadWriteDocument', () => {
  expect(xml).toMatch(/xsi:type="TaskPaneApp"/);
  expect(attrs('Host', 'Name')).toEqual(['Workbook']);
  expect(xml).toMatch(/<Host xsi:type="Workbook">/);
  expect(attrs('SourceLocation', 'DefaultValue')).toEqual(['https://localhost:3000/taskpane.html']);
  expect(xml).toMatch(/<bt:Url id="Taskpane.Url" DefaultValue="https:\/\/localhost:3000\/taskpane.html"\/>/);
  expect(xml).toMatch(/<bt:Url id="Commands.Url" DefaultValue="https:\/\/localhost:3000\/commands.html"\/>/);
  expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  expect(xml).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
});

test('names and descriptions: Chinese default (DefaultLocale zh-CN), English override', () => {
  expect(xml).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
  expect(xml).toMatch(/<DisplayName DefaultValue="五化表单助手">\s*<Override Locale="en-US" Value="Wuhua Forms"\/>/);
  expect(xml).toMatch(/<Description DefaultValue="[^"]*[\u4e00-\u9fff][^"]*">\s*<Override Locale="en-US" Value="[^"]+"\/>/);
  const strings = [...xml.matchAll(/<bt:String id="([^"]+)" DefaultValue="([^"]+)">\s*<bt:Override Locale="en-US" Value="([^"]+)"/g)];
  expect(strings.map((m) => m[1]).sort()).toEqual(['GetStarted.Description', 'GetStarted.Title', 'Group.Label', 'TaskpaneButton.Label', 'TaskpaneButton.Tooltip']);
  for (const m of strings) expect([m[1], /[\u4e00-\u9fff]/.test(m[2]), /[\u4e00-\u9fff]/.test(m[3])]).toEqual([m[1], true, false]);
  expect(xml).not.toMatch(/Locale="zh-CN"/);
});

test('declares ExcelApi 1.7 as the minimum', () => {
  expect(xml).toMatch(/<Requirements>\s*<Sets DefaultMinVersion="1.7">\s*<Set Name="ExcelApi" MinVersion="1.7"\/>\s*<\/Sets>\s*<\/Requirements>/);
});

test('every icon URL is a PNG in assets/ with the size its name and use say (16/20/24/32/40/48/64/80)', () => {
  const urls = [...new Set([...attrs('IconUrl', 'DefaultValue'), ...attrs('HighResolutionIconUrl', 'DefaultValue'), ...attrs('Image', 'DefaultValue')])];
  expect(urls.length).toBeGreaterThanOrEqual(4);
  for (const url of urls) {
    const file = localFile(url);
    expect([url, existsSync(file)]).toEqual([url, true]);
    const n = Number(/icon-(\d+)\.png$/.exec(url)?.[1]);
    expect([url, pngSize(file)]).toEqual([url, { width: n, height: n }]);
  }
  expect(attrs('IconUrl', 'DefaultValue')).toEqual(['https://localhost:3000/assets/icon-32.png']);
  expect(attrs('HighResolutionIconUrl', 'DefaultValue')).toEqual(['https://localhost:3000/assets/icon-64.png']);
  // <bt:Image size="16" resid="Icon.16"/> must point at a 16-px file.
  const ids = new Map([...xml.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  for (const m of xml.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)) {
    expect(pngSize(localFile(ids.get(m[2])!)).width).toBe(Number(m[1]));
  }
  expect(existsSync(join(ROOT, 'assets', 'icon-80.png'))).toBe(true);
});

test('office-apiset-audit: every unguarded Excel API use is within the declared ExcelApi minimum (exit 0)', () => {
  const r = spawnSync(process.execPath, [AUDIT, '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(r.stdout) as { exitCode: number; error?: string };
  expect(report.error).toBeUndefined();
  expect(r.status).toBe(0);
  expect(report.exitCode).toBe(0);
  expect(r.stdout).toMatch(/"1\.7"/);
});

test('the icon generator is deterministic: it reproduces the committed PNGs', () => {
  const out = execFileSync(process.execPath, ['-e', `
    const fs = require('fs'); const path = require('path'); const os = require('os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icons-'));
    const src = fs.readFileSync(${JSON.stringify(join(ROOT, 'assets', 'make-icons.cjs'))}, 'utf8');
    fs.writeFileSync(path.join(dir, 'make-icons.cjs'), src);
    require('child_process').execFileSync(process.execPath, [path.join(dir, 'make-icons.cjs')], { cwd: dir });
    const same = [16, 20, 24, 32, 40, 48, 64, 80].every((n) => fs.readFileSync(path.join(dir, 'icon-' + n + '.png')).equals(fs.readFileSync(path.join(${JSON.stringify(join(ROOT, 'assets'))}, 'icon-' + n + '.png'))));
    fs.rmSync(dir, { recursive: true });
    process.stdout.write(String(same));
  `], { encoding: 'utf8' });
  expect(out).toBe('true');
});
