#!/usr/bin/env node
/**
 * End-to-end test of the production build in real headless Chromium, standalone mode
 * (no Office, no network): `npm run test:e2e` (builds dist/ first when it is missing).
 *
 * Serves dist/ from 127.0.0.1 on a random port, blocks office.js (the CDN is unreachable
 * here and the pane must work without it), and walks what a user does: download a
 * template, check filled files, merge several files (some bad), download the summary and
 * the print pack, and checks the downloads with our own reader. Screenshots go to
 * test-artifacts/e2e/. Never downloads a browser: it drives Debian's /usr/bin/chromium.
 */
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const zlib = require('zlib');
const tsx = require('tsx/cjs/api');
const { chromium } = require('playwright-core');
const { unzipSync, strFromU8, zipSync, strToU8 } = require('fflate');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/';
// The flags that work on these machines (root, no network): see TOOLCHAIN.md.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AS_OF_YEAR = new Date().getFullYear();
/** What Office appends to the task pane's URL (Excel on Windows, Chinese UI): how the pane knows it is inside Office. */
const IN_OFFICE = '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0';
const DOCS = path.join(ROOT, 'docs');
/** Internet Explorer 11 (Trident) and Edge Legacy (EdgeHTML), as volume-licensed Office 2016/2019 and older builds use them. */
const UA_IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
const UA_EDGE_LEGACY = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045';

// Our TypeScript modules, run by tsx: the same reader/template code the page uses.
const load = (rel) => tsx.require(path.join(ROOT, rel), __filename);
const { getForm } = load('src/forms/index.ts');
const { firstCell } = load('src/forms/address.ts');
const { templateWorkbook } = load('src/workbook/xlsx/template.ts');
const { intakeBytes } = load('src/workbook/xlsx/intake.ts');
const { readWorkbook } = load('src/workbook/xlsx/read.ts');
const { readCentralDirectory, u32 } = load('src/workbook/xlsx/zip.ts');

// ---------------------------------------------------------------- tiny harness
let passed = 0;
let failed = 0;
async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    console.log(`  ✗ ${name}\n    ${(e && e.stack) || e}`.replace(/\n/g, '\n    '));
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

// ---------------------------------------------------------------- static server
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.xml': 'application/xml', '.png': 'image/png', '.json': 'application/json', '.map': 'application/json' };
function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---------------------------------------------------------------- fixtures
/** A template of `formId` with `values` typed into its input cells (dates typed as text, as clerks do). */
async function filled(formId, values, months) {
  const form = getForm(formId);
  const wb = templateWorkbook(form);
  const ws = wb.getWorksheet(form.sheetName);
  for (const [id, v] of Object.entries(values)) {
    const field = form.fields.find((f) => f.id === id);
    if (!field) throw new Error(`no field ${id} in ${formId}`);
    ws.getCell(firstCell(field.cell)).value = v;
  }
  if (months) {
    const spec = form.months;
    months.forEach((m, i) => {
      for (const col of spec.columns) if (m[col.key] != null) ws.getCell(`${col.column}${spec.firstRow + i}`).value = m[col.key];
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function makeFixtures(dir) {
  const good = await filled('demonstration', {
    branchName: '市直机关第一党支部',
    date: `${AS_OF_YEAR}年4月20日`,
    memberCount: 23,
    committeeCount: 5,
    secretaryName: '张三',
    contact: '13812345678',
    basicWork: '组织设置规范，按期换届。\n“三会一课”制度落实。',
    highlights: '开展“党员先锋岗”活动。',
  });
  const tooFew = await filled('demonstration', {
    branchName: '市直机关第二党支部',
    date: `${AS_OF_YEAR}年4月22日`,
    memberCount: 2,
    committeeCount: 3,
    secretaryName: '李四',
    contact: '0571-87654321',
    basicWork: '组织健全。',
    highlights: '=HYPERLINK("http://example.invalid")',
  });
  const months = Array.from({ length: 12 }, (_, i) => ({ goal: `${i + 1}月目标：学习教育`, problem: '无', owner: '支部书记', status: i < 3 ? '已完成' : null }));
  const progress = await filled('progress', { branchName: '市直机关第一党支部' }, months);
  const files = {
    '第一支部-附件1.xlsx': good,
    '第二支部-附件1.xlsx': tooFew,
    '第一支部-附件3.xlsx': progress,
    '随机字节.xlsx': Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)),
    '空文件.xlsx': Buffer.alloc(0),
  };
  files['申报表.xlsx (Word)'] = Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document/>'), '[Content_Types].xml': strToU8('<Types/>') }));
  const paths = {};
  for (const [name, bytes] of Object.entries(files)) {
    paths[name] = path.join(dir, name.replace(/ \(.*\)$/, ''));
    fs.writeFileSync(paths[name], bytes);
  }
  // The same 附件1 as LibreOffice saves it in Excel 97-2003 format (.xls), with a private profile.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'));
  execFileSync('/usr/bin/soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xls', '--outdir', path.join(dir, 'xls'), paths['第二支部-附件1.xlsx']], { stdio: 'pipe', timeout: 180000 });
  fs.rmSync(profile, { recursive: true, force: true });
  paths['第二支部-附件1.xls'] = path.join(dir, 'xls', '第二支部-附件1.xls');
  return paths;
}

/** Fixtures of the legacy-format check step only; the merge steps take the five others. */
const ONLY_CHECKED = ['第二支部-附件1.xls', '申报表.xlsx (Word)'];

/** The same intake the page runs, in Node: what the page must show for each file (.xlsx; tsx cannot import() the legacy reader). */
function expectedIntake(file) {
  return intakeBytes(new Uint8Array(fs.readFileSync(file)), path.basename(file), { asOf: `${AS_OF_YEAR}-05-01`, stage: 'committee' });
}

function sheetTexts(grid, name) {
  const sheet = grid.sheets.find((s) => s.name === name);
  if (!sheet) return null;
  return [...sheet.cells.values()].map((c) => String(c.v));
}

// ---------------------------------------------------------------- first render (for `npm run bench`)
/**
 * Resolves with the pane's `wuhua-pane-visible` mark (ms from navigation start), or fails after 30 s.
 * Sent through the DevTools protocol: a Playwright locator would first inject its selector engine,
 * which runs on the page's main thread before the mark (scripts/trace-pane.cjs --old-harness).
 */
const PANE_MARK = `new Promise((resolve, reject) => {
  const mark = () => performance.getEntriesByName('wuhua-pane-visible')[0];
  if (mark()) return resolve(Math.round(mark().startTime));
  setTimeout(() => reject(new Error('no wuhua-pane-visible mark in 30 s')), 30000);
  new PerformanceObserver((list, o) => { if (mark()) { o.disconnect(); resolve(Math.round(mark().startTime)); } }).observe({ type: 'mark', buffered: true });
})`;

/**
 * Loads the pane `runs` times in fresh profiles and prints each first render and the median.
 * No request interception here (each intercepted request is a round trip to this process, which the
 * user does not pay): the page must load nothing but its own files, checked from its resource entries.
 */
async function measureFirstRender(runs) {
  const server = await serve(DIST);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wuhua-fr-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: { width: 320, height: 900 }, args: CHROMIUM_ARGS });
    const page = context.pages()[0] || (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await page.goto(`${origin}/taskpane.html`, { waitUntil: 'commit' });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: PANE_MARK, awaitPromise: true, returnByValue: true });
    assert(!exceptionDetails, exceptionDetails && exceptionDetails.exception && exceptionDetails.exception.description);
    times.push(result.value);
    await page.getByTestId('standalone-notice').waitFor({ state: 'visible', timeout: 15000 });
    const foreign = await page.evaluate((o) => performance.getEntriesByType('resource').map((r) => r.name).filter((u) => !u.startsWith(o)), origin);
    assert(foreign.length === 0, `the standalone page requested ${foreign.join(', ')}`);
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  server.close();
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  console.log(`first render (navigation start → pane visible, headless Chromium, ${runs} cold starts): ${times.join(', ')} ms; median ${median} ms (budget 1000 ms)`);
}

// ---------------------------------------------------------------- main
async function main() {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    console.log('e2e: dist/ missing, running `npm run build` …');
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'inherit' });
  }
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wuhua-e2e-'));
  const profile = path.join(work, 'profile');
  const downloads = path.join(work, 'downloads');
  fs.mkdirSync(downloads);
  const fixtures = await makeFixtures(work);
  const server = await serve(DIST);
  const origin = `http://127.0.0.1:${server.address().port}`;

  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 320, height: 900 },
    locale: 'zh-CN',
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] || (await context.newPage());
  // The page as on a four-core machine, so the 400-file merge below shares its files between two
  // workers (work/client.ts does so above two cores; this machine may have two).
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 4 }));

  const foreign = [];
  const officeRequests = [];
  const consoleErrors = [];
  const requested = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requested.push(url);
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    if (url.startsWith(OFFICE_CDN)) {
      officeRequests.push(url);
      // Offline like the CI machines: office.js fails to load; the pane must run standalone.
      return route.abort('internetdisconnected');
    }
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/appsforoffice|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(m.text())) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));

  const download = async (click) => {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), click()]);
    const file = path.join(downloads, d.suggestedFilename());
    await d.saveAs(file);
    return file;
  };
  const shot = (name) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

  console.log(`e2e: ${origin}/taskpane.html in ${CHROMIUM}`);
  let firstRenderMs = null;

  await step('page opens standalone with the 当前不在 Excel 中运行 notice', async () => {
    await page.goto(`${origin}/taskpane.html`, { waitUntil: 'domcontentloaded' });
    const notice = page.getByTestId('standalone-notice');
    await notice.waitFor({ state: 'visible', timeout: 15000 });
    const text = await notice.innerText();
    assert(text.includes('当前不在 Excel 中运行'), `notice text: ${text}`);
    // It must not name a button this page does not show.
    assert(!text.includes('插入新工作表'), `notice names a button not shown standalone: ${text}`);
    firstRenderMs = await page.evaluate(() => {
      const m = performance.getEntriesByName('wuhua-pane-visible')[0];
      return m ? Math.round(m.startTime) : null;
    });
    assert(firstRenderMs !== null, 'no wuhua-pane-visible mark');
    // A plain browser is decided from the URL at once: office.js is not even requested.
    assert(officeRequests.length === 0, `the standalone page asked for office.js: ${officeRequests}`);
    const favicon = await page.evaluate(async () => {
      const link = document.querySelector('link[rel="icon"]');
      return link ? (await fetch(link.href)).status : null;
    });
    assert(favicon === 200, `favicon: ${favicon}`);
    const support = await page.evaluate(async () => (await fetch('support.html')).text());
    assert(support.includes('使用帮助') && support.includes('Help'), 'support.html (the manifest\'s SupportUrl) missing');
    assert((await page.locator('#panel-merge').isHidden()) && (await page.locator('#panel-print').isHidden()), 'other tabs\' panels are visible');
    await shot('01-standalone-fill');
  });

  await step('the pane fits 320 px: no horizontal scrolling', async () => {
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert(scroll <= client, `page is ${scroll}px wide in a ${client}px pane`);
  });

  await step('下载模板 gives a valid .xlsx holding 附件2 as a tagged form', async () => {
    await page.getByRole('radio', { name: /附件2/ }).check();
    const file = await download(() => page.getByRole('button', { name: '下载模板' }).click());
    assert(path.basename(file) === `${getForm('application').sheetName}.xlsx`, `file name ${path.basename(file)}`);
    const r = await expectedIntake(file);
    assert(r.ok, `template rejected: ${r.reason}`);
    assert(r.submissions.length === 1 && r.submissions[0].form === 'application' && r.submissions[0].via === 'tag', JSON.stringify(r.submissions.map((s) => [s.form, s.via])));
    await page.getByTestId('notice').waitFor();
  });

  await step('检查: filled files show their problems; bad files their reason', async () => {
    await page.getByTestId('check-files').setInputFiles([fixtures['第二支部-附件1.xlsx'], fixtures['随机字节.xlsx']]);
    const group = page.getByTestId('sheet-problems').first();
    await group.waitFor({ timeout: 30000 });
    const text = await group.innerText();
    const expected = await expectedIntake(fixtures['第二支部-附件1.xlsx']);
    const memberIssue = expected.submissions[0].issues.find((i) => i.field === 'memberCount' && i.severity === 'error');
    assert(memberIssue, 'reader/rules found no memberCount error for 2 members');
    assert(text.includes(memberIssue.message), `problem list lacks "${memberIssue.message}":\n${text}`);
    assert(/错误 \d+/.test(text), `no error count badge in:\n${text}`);
    const rejected = await page.getByTestId('rejected').innerText();
    const expectedReason = (await expectedIntake(fixtures['随机字节.xlsx'])).reason;
    assert(rejected.includes(expectedReason), `rejected shows "${rejected}", expected "${expectedReason}"`);
    // The sheet is named once in the group's heading, not before every problem.
    const sheetName = expected.submissions[0].sheet;
    assert(!text.includes(`${sheetName}!`), `problem rows repeat the sheet name:\n${text}`);
    assert(text.includes(`${memberIssue.cell}：${memberIssue.message}`), `problem row lacks its cell "${memberIssue.cell}：":\n${text}`);
    assert(await page.getByRole('button', { name: '检查全部表单' }).isEnabled(), '检查全部表单 still disabled after the check');
    await shot('02-check-files');
  });

  await step('检查: an .xls saved by LibreOffice reads like its .xlsx, loading the legacy reader only then; a Word file named .xlsx is named as Word', async () => {
    const chunk = (u) => /\/(legacy|sheetjs)\.[\w.]*js$/.test(u);
    assert(!requested.some(chunk), `legacy chunks loaded before any legacy file: ${requested.filter(chunk)}`);
    await page.getByTestId('check-files').setInputFiles([fixtures['第二支部-附件1.xls'], fixtures['申报表.xlsx (Word)']]);
    const expected = (await expectedIntake(fixtures['第二支部-附件1.xlsx'])).submissions[0];
    const memberIssue = expected.issues.find((i) => i.field === 'memberCount' && i.severity === 'error');
    await page.getByTestId('rejected').filter({ hasText: 'Word 文档' }).first().waitFor({ timeout: 60000 });
    const rejected = (await page.getByTestId('rejected').allInnerTexts()).join('\n');
    assert(/这是 Word 文档（\.docx）.*扩展名是“\.xlsx”/.test(rejected), `Word file reason: ${rejected}`);
    const text = await page.getByTestId('sheet-problems').first().innerText();
    assert(text.includes(`${memberIssue.cell}：${memberIssue.message}`), `the .xls lacks "${memberIssue.message}":\n${text}`);
    assert(requested.some(chunk), 'no legacy chunk was loaded for the .xls');
  });

  await step('keyboard: arrow keys move between tabs and select 汇总', async () => {
    await page.getByRole('tab', { name: '填写' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const selected = await page.getByRole('tab', { name: '汇总' }).getAttribute('aria-selected');
    assert(selected === 'true', `汇总 tab aria-selected=${selected}`);
    await page.locator('#panel-merge').waitFor({ state: 'visible' });
  });

  let summaryFile = null;
  await step('汇总: five files (two bad) give per-file results, rejected reasons and 未报送', async () => {
    await page.getByTestId('merge-files').setInputFiles(Object.entries(fixtures).filter(([name]) => !ONLY_CHECKED.includes(name)).map(([, p]) => p));
    // The same files picked again (two of them): still five, and the pane says it ignored two.
    await page.getByTestId('merge-files').setInputFiles([fixtures['第一支部-附件1.xlsx'], fixtures['空文件.xlsx']]);
    const count = await page.getByTestId('merge-count').innerText();
    assert(count === '已选择 5 个文件', `count: ${count}`);
    const skipped = await page.getByTestId('merge-skipped').innerText();
    assert(skipped.includes('已忽略 2 个重复选择的文件'), `skipped: ${skipped}`);
    await shot('03a-merge-picked-twice');
    await page.getByRole('textbox', { name: /应报送支部名单/ }).fill('党支部名称\n1. 市直机关第一党支部\n2. 市直机关第二党支部\n3. 市直机关第三党支部');
    await page.getByRole('button', { name: '开始汇总' }).click();
    await page.getByTestId('merge-results').waitFor({ timeout: 60000 });
    const results = page.getByTestId('file-result');
    assert((await results.count()) === 5, `per-file results: ${await results.count()}`);
    const reasons = await page.getByTestId('reject-reason').allInnerTexts();
    for (const name of ['随机字节.xlsx', '空文件.xlsx']) {
      const want = (await expectedIntake(fixtures[name])).reason;
      assert(reasons.includes(want), `reason for ${name} "${want}" not among ${JSON.stringify(reasons)}`);
    }
    const all = (await results.allInnerTexts()).join('\n');
    assert(all.includes('附件1 示范点申报表 · 市直机关第二党支部') && all.includes('错误'), `results:\n${all}`);
    const missing = await page.getByTestId('missing').innerText();
    assert(missing.includes('市直机关第三党支部') && !missing.includes('第一党支部'), `missing: ${missing}`);
    assert(all.includes('未受理') && !all.includes('未能读取'), `refused files not called 未受理:\n${all}`);
    const live = await page.getByTestId('live').innerText();
    assert(live.includes('共 5 个文件') && live.includes('2 个文件未受理'), `live region after the merge: "${live}"`);
    assert(workers.some((u) => /wuhua-work/.test(u)), `the merge did not run in the worker: ${JSON.stringify(workers)}`);
    await shot('03-merge-results');
  });

  await step('汇总: a file\'s problems open under it, and the pane still fits 320 px', async () => {
    const row = page.getByTestId('file-result').filter({ hasText: '第二支部-附件1.xlsx' });
    const toggle = row.getByRole('button', { name: /查看问题/ });
    assert((await toggle.getAttribute('aria-expanded')) === 'false', 'problems open before the click');
    await toggle.click();
    const list = row.getByTestId('file-problems');
    await list.waitFor();
    const text = await list.innerText();
    const expected = (await expectedIntake(fixtures['第二支部-附件1.xlsx'])).submissions[0];
    const first = expected.issues.find((i) => i.cell);
    assert(text.includes(`${first.cell}：${first.message}`), `expanded problems lack "${first.cell}：${first.message}":\n${text}`);
    assert(!text.includes(`${expected.sheet}!`), `expanded problems repeat the sheet name:\n${text}`);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert(scroll <= client, `page is ${scroll}px wide in a ${client}px pane with a file's problems open`);
    await shot('03b-merge-file-problems');
    await row.getByRole('button', { name: /收起问题/ }).click();
    await list.waitFor({ state: 'detached' });
  });

  await step('下载汇总表 downloads 汇总.xlsx: 汇总 lists both branches, 未报送 the third, rejected files in 问题清单', async () => {
    assert((await page.getByRole('button', { name: '生成汇总表' }).count()) === 0, 'standalone still says 生成汇总表 for a download');
    summaryFile = await download(() => page.getByRole('button', { name: '下载汇总表' }).click());
    assert(path.basename(summaryFile) === '汇总.xlsx', path.basename(summaryFile));
    const read = readWorkbook(new Uint8Array(fs.readFileSync(summaryFile)), '汇总.xlsx');
    assert(read.ok, `summary unreadable: ${read.reason}`);
    // Deflated by Chromium's CompressionStream in the worker (codec.ts: the CRC-32 from gzip's trailer): every part's CRC and size right.
    const zipped = new Uint8Array(fs.readFileSync(summaryFile));
    const cd = readCentralDirectory(zipped, 100);
    assert(cd.ok, 'summary: no central directory');
    for (const [name, data] of Object.entries(unzipSync(zipped))) {
      const e = cd.value.get(name);
      assert(e.method === 8 && e.uncompressedSize === data.length && u32(zipped, e.centralOffset + 16) === zlib.crc32(data) >>> 0, `summary part ${name}: CRC or size wrong`);
    }
    const rows = sheetTexts(read.grid, '汇总');
    assert(rows, `no 汇总 sheet; sheets: ${read.grid.sheets.map((s) => s.name)}`);
    for (const b of ['市直机关第一党支部', '市直机关第二党支部']) assert(rows.some((t) => t.includes(b)), `汇总 lacks ${b}`);
    for (const s of ['进度', '问题清单', '未报送']) assert(sheetTexts(read.grid, s), `no ${s} sheet`);
    assert(sheetTexts(read.grid, '未报送').some((t) => t.includes('市直机关第三党支部')), '未报送 lacks 第三党支部');
    const problems = sheetTexts(read.grid, '问题清单').join('\n');
    assert(problems.includes('随机字节.xlsx') && problems.includes('空文件.xlsx'), 'rejected files missing from 问题清单');
  });

  await step('打印: 生成打印包 downloads a workbook with every kept form', async () => {
    await page.getByRole('tab', { name: '打印' }).click();
    await shot('04-print');
    const file = await download(() => page.getByRole('button', { name: '生成打印包' }).click());
    const r = await expectedIntake(file);
    assert(r.ok, `print pack rejected: ${r.reason}`);
    const forms = r.submissions.map((s) => `${s.form}:${s.fields.branchName}`).sort();
    assert(forms.length === 3, `print pack forms: ${forms}`);
    // A submitted "=HYPERLINK(…)" is data: written as text, never as a formula.
    const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
    const sheets = Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    assert(sheets.length === 3, `print pack sheets: ${sheets}`);
    const xml = sheets.map((n) => strFromU8(parts[n])).join('');
    assert(!/<f[ >]/.test(xml), 'print pack holds a formula cell');
    assert(r.submissions.some((s) => s.fields.highlights === '=HYPERLINK("http://example.invalid")'), 'formula-looking text not kept as text');
  });

  await step('初核: 生成报送包 writes the opinion into the forms without errors, lists the other to return, and records provenance', async () => {
    await page.getByRole('tab', { name: '汇总' }).click();
    const panel = page.getByTestId('review-panel');
    await panel.waitFor({ timeout: 30000 });
    await panel.getByTestId('review-opinion').fill('经初核，情况属实，同意上报。');
    await panel.getByTestId('review-date').fill(`${AS_OF_YEAR}-04-28`);
    await panel.getByTestId('review-reviewer').fill('市直机关党委');
    const file = await download(() => panel.getByRole('button', { name: '生成报送包' }).click());
    assert(path.basename(file) === '报送包.xlsx', path.basename(file));
    const result = await page.getByTestId('review-result').innerText();
    assert(result.includes('报送包收入 2 份') && result.includes('退回 1 份'), `review result: ${result}`);
    assert((await page.getByTestId('review-returned').innerText()).includes('市直机关第二党支部：'), 'no 退回 message for 第二党支部');
    const r = await expectedIntake(file);
    assert(r.ok, `pack rejected: ${r.reason}`);
    const demo = r.submissions.find((s) => s.form === 'demonstration');
    assert(demo && demo.fields.partyCommitteeOpinion === '经初核，情况属实，同意上报。' && demo.fields.partyCommitteeOpinionDate === `${AS_OF_YEAR}-04-28`, `opinion: ${JSON.stringify(demo && demo.fields)}`);
    assert(demo.origin && demo.origin.file === '第一支部-附件1.xlsx' && demo.origin.parent === '市直机关党委', `origin: ${JSON.stringify(demo.origin)}`);
    const want = require('crypto').createHash('sha256').update(fs.readFileSync(fixtures['第一支部-附件1.xlsx'])).digest('hex');
    const read = readWorkbook(new Uint8Array(fs.readFileSync(file)), '报送包.xlsx');
    assert(sheetTexts(read.grid, '报送来源').includes(want), 'provenance lacks the SHA-256 of 第一支部-附件1.xlsx');
    await panel.scrollIntoViewIfNeeded();
    await shot('09-review');
  });

  await step('抽查: three 附件2 files give a reproducible list, shown in the pane and downloaded with seed and method', async () => {
    await page.getByRole('button', { name: '清空' }).click();
    const apps = [];
    for (const n of ['一', '二', '三']) {
      const p = path.join(work, `第${n}支部-附件2.xlsx`);
      fs.writeFileSync(p, await filled('application', { branchName: `市直机关第${n}党支部`, date: `${AS_OF_YEAR}年4月20日`, memberCount: 12, committeeCount: 5, plan: '按“五化”标准创建。' }));
      apps.push(p);
    }
    await page.getByTestId('merge-files').setInputFiles(apps);
    await page.getByRole('button', { name: '开始汇总' }).click();
    const panel = page.getByTestId('sample-panel');
    await panel.waitFor({ timeout: 60000 });
    await panel.getByTestId('sample-seed').fill(`${AS_OF_YEAR}年机关党建调研`);
    await panel.getByTestId('sample-rate').fill('10');
    const file = await download(() => panel.getByRole('button', { name: '生成抽查名单' }).click());
    assert(path.basename(file) === '抽查名单.xlsx', path.basename(file));
    const shown = await page.getByTestId('sample-result').innerText();
    assert(shown.includes('从 3 个申报党支部（1 个上级党组织）中抽取 1 个'), `sample: ${shown}`);
    const { drawSample } = load('src/review/sample.ts');
    const { branchKey } = load('src/merge/branch.ts');
    const expected = drawSample(['一', '二', '三'].map((n) => ({ branch: `市直机关第${n}党支部`, key: branchKey(`市直机关第${n}党支部`), stratum: 'x', source: '' })), `${AS_OF_YEAR}年机关党建调研`, { rate: 0.1 });
    const chosen = expected.strata[0].candidates.find((c) => c.drawn).branch;
    assert(shown.includes(chosen), `pane shows another branch than ${chosen}: ${shown}`);
    const read = readWorkbook(new Uint8Array(fs.readFileSync(file)), '抽查名单.xlsx');
    const texts = sheetTexts(read.grid, '抽查名单').join('\n');
    for (const t of [`${AS_OF_YEAR}年机关党建调研`, 'SHA-256', chosen]) assert(texts.includes(t), `抽查名单 lacks ${t}`);
    await panel.scrollIntoViewIfNeeded();
    await shot('10-sample');
  });

  // 名册, 催报 and the charts (issue 9 §1, §4, §6): steps of their own file.
  await require('./committee.cjs')({ page, context, origin, step, assert, shot, work, fixtures, filled, load, year: AS_OF_YEAR, artifacts: ARTIFACTS, docs: DOCS });

  await step('汇总: 取消 stops a 400-file merge between files; merging all 400 then completes', async () => {
    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByRole('button', { name: '清空' }).click();
    // 清空 drops the results and what they made: no 下载汇总表, no print pack of files no longer picked.
    assert((await page.getByTestId('merge-results').count()) === 0, 'results still shown after 清空');
    assert((await page.getByRole('button', { name: '下载汇总表' }).count()) === 0, '下载汇总表 still offered after 清空');
    assert((await page.getByTestId('merge-stale').innerText()).includes('请重新开始汇总'), 'no word that the results were cleared');
    assert((await page.getByRole('button', { name: '清空' }).getAttribute('aria-disabled')) === 'true', '清空 not disabled with no file');
    await shot('03c-merge-cleared');
    await page.getByRole('tab', { name: '打印' }).click();
    assert(await page.getByRole('button', { name: '生成打印包' }).isDisabled(), '生成打印包 enabled after 清空');
    await page.getByRole('tab', { name: '汇总' }).click();
    const many = path.join(work, 'many');
    fs.mkdirSync(many);
    const bytes = fs.readFileSync(fixtures['第一支部-附件1.xlsx']);
    const paths = Array.from({ length: 400 }, (_, i) => path.join(many, `支部${String(i + 1).padStart(3, '0')}.xlsx`));
    for (const p of paths) fs.writeFileSync(p, bytes);
    await page.getByTestId('merge-files').setInputFiles(paths);
    await page.getByRole('button', { name: '开始汇总' }).click();
    await page.getByRole('progressbar').waitFor();
    await page.getByRole('button', { name: '取消' }).click();
    const cancelled = await page.getByTestId('cancelled').innerText({ timeout: 30000 });
    const m = /处理了 (\d+)\/400/.exec(cancelled);
    assert(m && Number(m[1]) < 400, `cancel notice: ${cancelled}`);
    assert((await page.getByRole('button', { name: '下载汇总表' }).count()) === 0, 'a cancelled merge offers 下载汇总表');

    const t0 = Date.now();
    await page.getByRole('button', { name: '开始汇总' }).click();
    await page.getByTestId('merge-results').waitFor({ timeout: 120000 });
    const ms = Date.now() - t0;
    const text = await page.getByTestId('merge-results').innerText();
    assert(text.includes('共 400 个文件，读到 400 份表单'), `merge of 400: ${text}`);
    // Same branch 400 times: one kept, the rest listed as duplicates.
    assert((await page.getByTestId('duplicates').innerText()).includes('市直机关第一党支部'), 'duplicates not shown');
    // Shared by two workers on more than two cores (work/intake.ts, four here), yet listed in the order picked.
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const started = workers.filter((u) => /wuhua-work/.test(u)).length;
    assert(cores === 4 && started >= 2, `${cores} cores, ${started} worker(s) started`);
    // The first rows come with the outcome, the rest of the first page right after (FileResults).
    await page.getByTestId('file-result').nth(99).waitFor();
    const shown = (await page.getByTestId('file-result').allInnerTexts()).map((t) => t.split('\n')[0]);
    assert(shown.length >= 50 && shown.every((name, i) => name === `支部${String(i + 1).padStart(3, '0')}.xlsx`), `results out of order: ${shown.slice(0, 5)}…`);
    console.log(`    400 files merged in the page in ${ms} ms (${(ms / 400).toFixed(1)} ms per file)`);
    await shot('05-merge-400');
  });

  await step('下发: a roster .xlsx picked into the roster box, 按名册生成模板 downloads 下发模板.zip with a folder per 上级党组织 and each branch\'s name prefilled', async () => {
    const ExcelJS = require('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名册');
    const P1 = '中共永州市财政局机关委员会';
    for (const r of [
      ['党支部名称', '上级党组织', '类别', '书记'],
      ['中共永州市财政局第一党支部', P1, '在职', '张三'],
      ['中共永州市财政局离退休党支部', P1, '离退休', '李四'],
      ['中共永州市档案馆党支部', '工委直辖', '在职', '王五'],
    ])
      ws.addRow(r);
    const rosterFile = path.join(work, '名册.xlsx');
    fs.writeFileSync(rosterFile, Buffer.from(await wb.xlsx.writeBuffer()));
    await page.getByRole('textbox', { name: /应报送支部名单/ }).fill('');
    await page.getByTestId('roster-file').setInputFiles(rosterFile);
    // The roster is read in the worker: the box holds the table (tab-separated) when it is done.
    await page.waitForFunction(() => [...document.querySelectorAll('textarea')].some((t) => t.value.startsWith('党支部名称\t上级党组织')), null, { timeout: 30000 });
    const panel = page.getByTestId('dispatch-panel');
    await panel.scrollIntoViewIfNeeded();
    const file = await download(() => panel.getByRole('button', { name: '按名册生成模板' }).click());
    assert(path.basename(file) === '下发模板.zip', path.basename(file));
    const entries = unzipSync(new Uint8Array(fs.readFileSync(file)));
    const names = Object.keys(entries);
    const want = [`${P1}/附件2-中共永州市财政局第一党支部.xlsx`, `${P1}/附件3-中共永州市财政局第一党支部.xlsx`, '工委直辖/附件2-中共永州市档案馆党支部.xlsx', '工委直辖/附件3-中共永州市档案馆党支部.xlsx'];
    assert(JSON.stringify(names) === JSON.stringify(want), `zip entries: ${JSON.stringify(names)}`);
    const read = await intakeBytes(entries[want[3]], want[3], { asOf: `${AS_OF_YEAR}-04-01`, stage: 'filling' });
    assert(read.ok && read.submissions[0].form === 'progress' && read.submissions[0].fields.branchName === '中共永州市档案馆党支部', `prefilled name: ${JSON.stringify(read.ok ? read.submissions[0].fields : read)}`);
    const status = await page.getByTestId('dispatch-status').innerText();
    assert(status === '已生成 4 个预填模板（2 个文件夹），已下载 下发模板.zip。', `status: ${status}`);
    const notes = await page.getByTestId('dispatch-notes').innerText();
    assert(notes.includes('中共永州市财政局离退休党支部'), `notes: ${notes}`);
    await shot('11-dispatch');
  });

  await step('security: no request but office.js left the page; no inline script; no console errors', async () => {
    assert(foreign.length === 0, `requests to ${foreign.join(', ')}`);
    const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
    assert(/http-equiv="?Content-Security-Policy/i.test(html), 'no CSP meta');
    assert(!/<script(?![^>]*\bsrc=)[^>]*>/i.test(html), 'inline <script> in taskpane.html');
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
    assert(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/.test(csp), `CSP script-src: ${csp}`);
    assert(consoleErrors.length === 0, `console errors:\n${consoleErrors.join('\n')}`);
  });

  await step('accessibility: every aria-labelledby / aria-describedby names an element that exists', async () => {
    const dangling = await page.evaluate(() => {
      const out = [];
      for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls']) {
        for (const el of document.querySelectorAll(`[${attr}]`)) {
          for (const id of el.getAttribute(attr).split(/\s+/).filter(Boolean)) if (!document.getElementById(id)) out.push(`${el.tagName}.${attr}=${id}`);
        }
      }
      return out;
    });
    assert(dangling.length === 0, `dangling references: ${dangling.join(', ')}`);
  });

  await context.close();

  /**
   * The pane inside "Excel": office.js replaced by a stub that says Excel with ExcelApi up
   * to `max`; its Excel.run fails (the pane shows that failure too: what matters here is
   * the wiring of HostInfo and the hand-over of files); Excel.createWorkbook records the
   * base64 it is given in window.__created.
   */
  const inExcel = async (name, max, fn) => {
    const stub = `(function () {
      var max = ${JSON.stringify(max.split('.').map(Number))};
      function supported(set, v) { var p = String(v || '1.1').split('.').map(Number); return set === 'ExcelApi' && (p[0] < max[0] || (p[0] === max[0] && (p[1] || 0) <= max[1])); }
      window.__created = [];
      window.Office = { onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'Mac' }); }, HostType: { Excel: 'Excel' }, context: { requirements: { isSetSupported: supported } } };
      window.Excel = {
        run: function () { var e = new Error('stub'); e.code = 'GeneralException'; return Promise.reject(e); },
        createWorkbook: function (b64) { if (!supported('ExcelApi', '1.8')) return Promise.reject(new Error('createWorkbook on ' + max.join('.'))); window.__created.push(b64); return Promise.resolve(); },
      };
    })();`;
    const excelContext = await chromium.launchPersistentContext(path.join(work, `profile-${name}`), { executablePath: CHROMIUM, headless: true, acceptDownloads: true, viewport: { width: 320, height: 900 }, locale: 'zh-CN', args: CHROMIUM_ARGS });
    try {
      await excelContext.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith('blob:')) return route.continue();
        if (url.startsWith(OFFICE_CDN)) return route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
        return route.abort('blockedbyclient');
      });
      const p = excelContext.pages()[0] || (await excelContext.newPage());
      await p.goto(`${origin}/taskpane.html${IN_OFFICE}`, { waitUntil: 'domcontentloaded' });
      await p.getByRole('button', { name: '插入新工作表' }).waitFor({ timeout: 15000 });
      assert((await p.getByTestId('standalone-notice').count()) === 0, 'standalone notice inside Excel');
      await fn(p);
    } finally {
      await excelContext.close();
    }
  };

  await step('inside Excel 2019 (ExcelApi 1.8): 导出模板 opens the template as a new workbook; 打印 disables 应用打印设置 and says why; 320 px', async () => {
    await inExcel('excel-1.8', '1.8', async (p) => {
      await p.getByRole('radio', { name: /附件3/ }).check();
      await p.getByRole('button', { name: '导出模板' }).click();
      const notice = await p.getByTestId('notice').innerText({ timeout: 30000 });
      const fileName = `${getForm('progress').sheetName}.xlsx`;
      assert(notice.includes(`已在新工作簿中打开「${fileName}」`) && notice.includes('另存为'), `notice: ${notice}`);
      const created = await p.evaluate(() => window.__created);
      assert(created.length === 1, `createWorkbook calls: ${created.length}`);
      const file = path.join(downloads, 'created-from-excel.xlsx');
      fs.writeFileSync(file, Buffer.from(created[0], 'base64'));
      const r = await expectedIntake(file);
      assert(r.ok && r.submissions[0].form === 'progress' && r.submissions[0].via === 'tag', `the workbook handed to Excel is not the 附件3 template: ${JSON.stringify(r.ok ? r.submissions.map((s) => s.form) : r.reason)}`);
      await p.mouse.move(0, 0); // no hover look on the button just clicked
      await p.screenshot({ path: path.join(ARTIFACTS, '06-excel-2019-export.png'), fullPage: true });
      await p.getByRole('tab', { name: '打印' }).click();
      const setup = p.getByRole('button', { name: '应用打印设置' });
      assert(await setup.isDisabled(), '应用打印设置 enabled on ExcelApi 1.8');
      const why = await p.getByTestId('print-setup-unsupported').innerText();
      assert(/此版本的 Excel.*不支持/.test(why), `no reason shown: ${why}`);
      const { scroll, client } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert(scroll <= client, `page is ${scroll}px wide in a ${client}px pane`);
      await p.screenshot({ path: path.join(ARTIFACTS, '07-excel-2019-print.png'), fullPage: true });
    });
  });

  await step('inside Excel with ExcelApi 1.7 (no Excel.createWorkbook): 导出模板 downloads and says the download may not arrive', async () => {
    await inExcel('excel-1.7', '1.7', async (p) => {
      const [d] = await Promise.all([p.waitForEvent('download', { timeout: 30000 }), p.getByRole('button', { name: '导出模板' }).click()]);
      assert(d.suggestedFilename() === `${getForm('demonstration').sheetName}.xlsx`, `download ${d.suggestedFilename()}`);
      const notes = await p.getByTestId('notice-notes').innerText({ timeout: 30000 });
      assert(notes.includes('已改为下载文件') && notes.includes('Mac'), `notes: ${notes}`);
      const { scroll, client } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert(scroll <= client, `page is ${scroll}px wide in a ${client}px pane`);
      await p.mouse.move(0, 0);
      await p.screenshot({ path: path.join(ARTIFACTS, '08-excel-1.7-export-download.png'), fullPage: true });
    });
  });

  /** A fresh browser context with `opts` (user agent, init script), routed like a machine without internet. */
  const freshContext = async (name, opts = {}, officeJs = (route) => route.abort('internetdisconnected')) => {
    const ctx = await chromium.launchPersistentContext(path.join(work, `profile-${name}`), { executablePath: CHROMIUM, headless: true, viewport: { width: 320, height: 900 }, locale: 'zh-CN', args: CHROMIUM_ARGS, ...opts });
    await ctx.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(OFFICE_CDN)) return officeJs(route);
      if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      return route.abort('blockedbyclient');
    });
    return ctx;
  };

  await step('inside Office with office.js hanging (a proxy that drops the CDN): the pane is on screen at once, waits, says what to do, never turns standalone by itself', async () => {
    const held = [];
    const ctx = await freshContext('hung', {}, (route) => held.push(route)); // never answered
    try {
      const p = ctx.pages()[0] || (await ctx.newPage());
      const t0 = Date.now();
      await p.goto(`${origin}/taskpane.html${IN_OFFICE}`, { waitUntil: 'commit' });
      await p.getByTestId('connecting').waitFor({ state: 'visible', timeout: 15000 });
      const shownMs = Date.now() - t0;
      // On screen while office.js has not answered at all (the held request below): it no longer blocks the render.
      assert((await p.getByRole('heading', { name: '五化建设表单助手' }).count()) === 1, 'no title while office.js loads');
      assert(held.length === 1, `office.js requests: ${held.length}`);
      await p.getByTestId('office-slow').waitFor({ timeout: 20000 });
      assert((await p.getByTestId('standalone-notice').count()) === 0, 'timed out into standalone inside Office');
      assert((await p.getByTestId('connecting').count()) === 1, 'stopped waiting for office.js');
      await p.screenshot({ path: path.join(ARTIFACTS, '09-office-js-hanging.png'), fullPage: true });
      console.log(`    pane on screen ${shownMs} ms after navigation with office.js hanging`);
      // The user may choose to work on files meanwhile.
      await p.getByRole('button', { name: '先处理文件' }).click();
      await p.getByTestId('standalone-notice').waitFor();
    } finally {
      await ctx.close();
    }
  });

  await step('inside Office with office.js failing to load: the failure and what to do, not a blank pane', async () => {
    const ctx = await freshContext('office-failed');
    try {
      const p = ctx.pages()[0] || (await ctx.newPage());
      await p.goto(`${origin}/taskpane.html${IN_OFFICE}`, { waitUntil: 'domcontentloaded' });
      const text = await p.getByTestId('office-failed').innerText({ timeout: 10000 });
      assert(text.includes('无法加载 Office 组件') && text.includes('自带 Office 组件'), `failure: ${text}`);
    } finally {
      await ctx.close();
    }
  });

  const oldWebview = async (name, opts, initScript, expect) => {
    const ctx = await freshContext(name, opts);
    try {
      if (initScript) await ctx.addInitScript(initScript);
      const p = ctx.pages()[0] || (await ctx.newPage());
      await p.goto(`${origin}/taskpane.html${IN_OFFICE}`, { waitUntil: 'domcontentloaded' });
      const box = p.getByTestId('old-webview');
      await box.waitFor({ timeout: 10000 });
      const text = await box.innerText();
      for (const e of expect) assert(text.includes(e), `message lacks "${e}":\n${text}`);
      assert(text.includes(`${origin}/taskpane.html`), `message lacks the page's address:\n${text}`);
      // The bundle did not render over it.
      await p.waitForTimeout(500);
      assert((await p.getByRole('tab').count()) === 0, 'the pane rendered under an old webview');
      assert(await box.isVisible(), 'the message went away');
      await p.screenshot({ path: path.join(ARTIFACTS, `10-${name}.png`), fullPage: true });
    } finally {
      await ctx.close();
    }
  };

  await step('Internet Explorer 11 webview (volume-licensed Office 2016/2019), ES2015+ removed: a Chinese message with what to do instead of a blank pane', async () => {
    // What Trident lacks, taken away from Chromium before any script runs.
    const ie = `delete Promise.allSettled; delete Object.fromEntries; delete Array.prototype.flatMap; delete window.globalThis;`;
    await oldWebview('old-webview-ie11', { userAgent: UA_IE11 }, ie, ['此版本的 Office 无法显示', 'Internet Explorer 11', 'WebView2', 'Office LTSC 2021']);
  });

  await step('Edge Legacy webview (EdgeHTML): the same message, naming it', async () => {
    await oldWebview('old-webview-edge', { userAgent: UA_EDGE_LEGACY }, null, ['旧版 Microsoft Edge']);
  });

  await step('a modern user agent without ES2020 built-ins: the message too', async () => {
    await oldWebview('old-webview-features', {}, 'delete Promise.allSettled;', ['版本过旧的浏览器']);
  });

  await step('the bundle cannot load (blocked script): the pane says it did not start and what to do', async () => {
    const ctx = await freshContext('no-bundle');
    try {
      await ctx.route(/taskpane\.[0-9a-f]+\.js$/, (route) => route.abort('blockedbyclient'));
      const p = ctx.pages()[0] || (await ctx.newPage());
      await p.goto(`${origin}/taskpane.html`, { waitUntil: 'domcontentloaded' });
      const text = await p.getByTestId('old-webview').innerText({ timeout: 10000 });
      assert(text.includes('任务窗格没有正常启动'), `message: ${text}`);
    } finally {
      await ctx.close();
    }
  });

  server.close();
  fs.rmSync(work, { recursive: true, force: true });
  if (firstRenderMs !== null) console.log(`e2e: first render ${firstRenderMs} ms (navigation start → pane visible)`);
  console.log(`e2e: screenshots in ${path.relative(ROOT, ARTIFACTS)}/`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

const firstRenderRuns = process.argv.indexOf('--first-render');
if (firstRenderRuns >= 0) {
  measureFirstRender(Number(process.argv[firstRenderRuns + 1]) || 5).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else main().catch((e) => {
  console.error(e);
  console.log(`e2e: ${passed} passed, ${failed + 1} failed`);
  process.exit(1);
});
