/**
 * The build options of webpack.config.js (no build is run): where office.js comes from,
 * and the CSP that follows it (issue 11 §2); the deployment manifest (§3).
 */
import { join } from 'path';

type Plugin = { constructor: { name: string }; userOptions?: { filename?: string; templateParameters?: { csp: string; officeJs: string } }; definitions?: Record<string, string>; patterns?: { from: string; to?: string; context?: string; info?: object; transform?: unknown }[] };

async function config(env: Record<string, string | undefined>): Promise<{ plugins: Plugin[] }> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const make = require(join(__dirname, '..', '..', 'webpack.config.js')) as (env: object, argv: object) => Promise<{ plugins: Plugin[] }>;
    return await make({}, { mode: 'production' });
  } finally {
    process.env = saved;
  }
}

const page = (c: { plugins: Plugin[] }) => c.plugins.find((p) => p.constructor.name === 'HtmlWebpackPlugin' && p.userOptions?.filename === 'taskpane.html')!.userOptions!.templateParameters!;
const url = (c: { plugins: Plugin[] }) => JSON.parse(c.plugins.find((p) => p.constructor.name === 'DefinePlugin')!.definitions!.__OFFICE_JS_URL__);
const copies = (c: { plugins: Plugin[] }) => c.plugins.find((p) => p.constructor.name === 'CopyPlugin')!.patterns!;

test('default: Microsoft\'s CDN, and only that origin besides self may run scripts', async () => {
  const c = await config({ WUHUA_OFFICE_JS: undefined, WUHUA_BASE_URL: undefined });
  expect(url(c)).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  expect(page(c).csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
  expect(page(c).csp).toContain("worker-src 'self'");
  expect(copies(c).some((p) => p.from === 'office.js')).toBe(false);
});

test('21vianet: the CDN of Office 365 operated by 21Vianet, in the CSP instead of Microsoft\'s', async () => {
  const c = await config({ WUHUA_OFFICE_JS: '21vianet' });
  expect(url(c)).toBe('https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js');
  expect(page(c).csp).toContain("script-src 'self' https://appsforoffice.cdn.partner.office365.cn;");
  expect(page(c).csp).not.toContain('appsforoffice.microsoft.com');
});

test('self: office.js from the add-in\'s own server, with its mapping table, Excel\'s files and the strings; no foreign origin at all', async () => {
  const c = await config({ WUHUA_OFFICE_JS: 'self' });
  expect(url(c)).toBe('office/office.js');
  expect(page(c).csp).toContain("script-src 'self';");
  expect(page(c).csp).not.toMatch(/https:/);
  const office = copies(c).filter((p) => p.to === 'office/');
  expect(office.map((p) => p.from)).toEqual(['office.js', 'o15apptofilemappingtable.js', 'excel-*-16.*.js', '*/office_strings.js']);
  // Already minified: Terser must not take 80–90 s over them.
  expect(office.every((p) => JSON.stringify(p.info) === '{"minimized":true}')).toBe(true);
  expect(office[0].context).toMatch(/@microsoft[\\/]office-js[\\/]dist$/);
});

test('an unknown office.js choice stops the build with the choices', async () => {
  await expect(config({ WUHUA_OFFICE_JS: 'mirror' })).rejects.toThrow(/global、21vianet 或 self/);
});

test('WUHUA_BASE_URL: dist/manifest.xml is the deployment manifest; without it, the development one', async () => {
  const withBase = await config({ WUHUA_BASE_URL: 'https://addin.example.gov.cn/wuhua/' });
  const manifest = copies(withBase).find((p) => p.to === 'manifest.xml')!;
  expect(typeof manifest.transform).toBe('function');
  const xml = (manifest.transform as (b: Buffer) => string)(Buffer.from('<!-- c --><SupportUrl DefaultValue="x"/><a b="https://localhost:3000/taskpane.html"/>'));
  expect(xml).toContain('https://addin.example.gov.cn/wuhua/taskpane.html');
  expect(xml).toContain('<SupportUrl DefaultValue="https://addin.example.gov.cn/wuhua/support.html"/>');
  const dev = await config({ WUHUA_BASE_URL: undefined });
  expect(copies(dev).find((p) => p.to === 'manifest.xml')!.transform).toBeUndefined();
});
