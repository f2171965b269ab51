/**
 * The deployment manifest (scripts/manifest.cjs): `WUHUA_BASE_URL=https://…/ npm run build`
 * writes dist/manifest.xml from manifest.xml with every URL under the base and a real
 * SupportUrl. Validated here against the same XSDs as the development manifest, offline.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestFor, normaliseBaseUrl, DEV_BASE } = require('../../scripts/manifest.cjs') as {
  manifestFor(xml: string, base: string, support?: string): string;
  normaliseBaseUrl(raw: string): string;
  DEV_BASE: string;
};

const ROOT = join(__dirname, '..', '..');
const DEV = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const SCHEMA = join(ROOT, 'vendor', 'office-manifest-schemas', 'OfficeAppManifestV1_1.xsd');

function validate(xml: string): { status: number | null; stderr: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, '-'], { input: xml, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

const urls = (xml: string) => [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);

test('the development manifest stays on https://localhost:3000/ with the shipped support page', () => {
  expect(urls(DEV).every((u) => u.startsWith(DEV_BASE))).toBe(true);
  expect(DEV).toMatch(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/support\.html"\/>/);
  expect(existsSync(join(ROOT, 'src', 'taskpane', 'support.html'))).toBe(true);
});

test('a base URL moves every URL under it, SupportUrl to its support page; the result validates against the XSDs', () => {
  const xml = manifestFor(DEV, 'https://addin.example.gov.cn/wuhua');
  expect(xml).not.toContain('localhost');
  const all = urls(xml);
  expect(all.length).toBe(urls(DEV).length);
  expect(all.every((u) => u.startsWith('https://addin.example.gov.cn/wuhua/'))).toBe(true);
  expect(xml).toContain('<SourceLocation DefaultValue="https://addin.example.gov.cn/wuhua/taskpane.html"/>');
  expect(xml).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://addin.example.gov.cn/wuhua/taskpane.html"/>');
  expect(xml).toContain('<SupportUrl DefaultValue="https://addin.example.gov.cn/wuhua/support.html"/>');
  expect(xml).toContain('<bt:Image id="Icon.48" DefaultValue="https://addin.example.gov.cn/wuhua/assets/icon-48.png"/>');
  const r = validate(xml);
  expect(r.stderr.trim()).toBe('- validates');
  expect(r.status).toBe(0);
});

test('WUHUA_SUPPORT_URL names the IT department\'s own page (escaped for XML)', () => {
  const xml = manifestFor(DEV, 'https://addin.example.gov.cn/wuhua/', 'https://it.example.gov.cn/help?app=wuhua&lang=zh');
  expect(xml).toContain('<SupportUrl DefaultValue="https://it.example.gov.cn/help?app=wuhua&amp;lang=zh"/>');
  expect(validate(xml).status).toBe(0);
});

test('a base URL Office cannot load is refused with a Chinese and English reason', () => {
  expect(() => normaliseBaseUrl('http://addin.example.gov.cn/')).toThrow(/必须以 https:\/\/ 开头[\s\S]*must be https/);
  expect(() => normaliseBaseUrl('addin.example.gov.cn')).toThrow(/不是网址/);
  expect(() => normaliseBaseUrl('https://addin.example.gov.cn/?x=1')).toThrow(/不能带/);
  expect(normaliseBaseUrl('https://addin.example.gov.cn/a/b')).toBe('https://addin.example.gov.cn/a/b/');
});

test('the ribbon icons: 16/32/80 required, 20/24/40/48/64 for high DPI, in both icon lists', () => {
  const sets = [...DEV.matchAll(/<Icon>([\s\S]*?)<\/Icon>/g)].map((m) => [...m[1].matchAll(/size="(\d+)"/g)].map((s) => Number(s[1])));
  expect(sets).toEqual([
    [16, 20, 24, 32, 40, 48, 64, 80],
    [16, 20, 24, 32, 40, 48, 64, 80],
  ]);
});
