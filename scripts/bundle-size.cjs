#!/usr/bin/env node
/**
 * Initial JavaScript of the task pane: the scripts dist/taskpane.html loads at start
 * (office.js from the CDN excluded), gzipped (level 9, as servers send it).
 * Budget (issue 4): ≤ 250 KB. Other scripts (lazy chunks such as exceljs, the commands
 * page) are listed for information.
 *
 *   node scripts/bundle-size.cjs [distDir] [--json]
 * Exit 1 when dist is missing (run `npm run build` first) or the budget is exceeded.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BUDGET_KB = 250;
const args = process.argv.slice(2);
const json = args.includes('--json');
const dist = path.resolve(args.find((a) => !a.startsWith('--')) || path.join(__dirname, '..', 'dist'));
const html = path.join(dist, 'taskpane.html');
if (!fs.existsSync(html)) {
  console.error(`bundle-size: ${html} not found — run \`npm run build\` first / 请先运行 npm run build`);
  process.exit(1);
}

const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (n) => Math.round((n / 1024) * 10) / 10;

const srcs = [...fs.readFileSync(html, 'utf8').matchAll(/<script\b[^>]*\bsrc="?([^" >]+)"?/g)].map((m) => m[1]);
const initial = srcs.filter((s) => !/^https?:/i.test(s)).map((s) => path.join(dist, s.replace(/^\.?\//, '')));
const initialSet = new Set(initial.map((f) => path.resolve(f)));
const lazy = fs
  .readdirSync(dist)
  .filter((f) => f.endsWith('.js') && !initialSet.has(path.resolve(dist, f)))
  .map((f) => path.join(dist, f));

const rows = (files) => files.map((f) => ({ file: path.basename(f), raw: fs.statSync(f).size, gzip: gz(f) }));
const init = rows(initial);
const rest = rows(lazy);
const total = init.reduce((s, r) => s + r.gzip, 0);

if (json) {
  console.log(JSON.stringify({ initialGzipBytes: total, budgetBytes: BUDGET_KB * 1024, initial: init, lazy: rest }, null, 2));
} else {
  for (const r of init) console.log(`initial  ${r.file.padEnd(32)} ${String(kb(r.raw)).padStart(8)} KB raw ${String(kb(r.gzip)).padStart(8)} KB gzip`);
  for (const r of rest) console.log(`other    ${r.file.padEnd(32)} ${String(kb(r.raw)).padStart(8)} KB raw ${String(kb(r.gzip)).padStart(8)} KB gzip`);
  console.log(`task pane initial JS: ${kb(total)} KB gzipped (budget ${BUDGET_KB} KB)`);
}
process.exit(total <= BUDGET_KB * 1024 ? 0 : 1);
