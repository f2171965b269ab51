#!/usr/bin/env node
/**
 * `npm run bench [-- --files N] [--sizes N,M] [--repeats K] [--no-pane] [--keep] [--json FILE]`
 *
 * Every speed and memory budget, measured as a user meets it and printed (never asserted
 * in tests). Each figure is a whole process, spawned the way a user runs it, timed from
 * the outside; peak RSS is the process's own VmHWM (bench/peak.cjs). Runs of the things
 * compared are interleaved and the medians reported (the machine is shared).
 *
 *   1. start-up: `node -e 0`, `bin/wuhua --help`, `bin/wuhua check` of one file;
 *   2. for 1,000 and 10,000 generated workbooks (and N with --files N, e.g. 100000):
 *      the floor (bench/floor.cjs: read, inflate workbook + shared strings + worksheets,
 *      decode, scan), `bin/wuhua merge`, and the peers reading the same files
 *      (SheetJS, exceljs; up to 10,000 files: beyond that they take many minutes);
 *   3. the task pane: initial JavaScript gzipped and first render in Chromium (skip with --no-pane);
 *   4. the browser page's merge of 1,000 picked files beside `bin/wuhua merge` (scripts/bench-page.cjs; with the pane).
 * To add a figure, add a measure to MEASURES (a name, and how to run it as a process).
 */
const { spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const WUHUA = path.join(ROOT, 'bin', 'wuhua');
const PEAK = path.join(ROOT, 'bench', 'peak.cjs');
const AS_OF = '2019-05-01';
/** The generator writes folders of this many files; a size is its first folders. */
const BATCH = 500;

function options(argv) {
  const o = { sizes: [1000, 10000], repeats: undefined, pane: true, keep: false, json: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a.startsWith('--files')) o.sizes.push(...value().split(',').map(Number));
    else if (a.startsWith('--sizes')) o.sizes = value().split(',').map(Number); // instead of 1,000 and 10,000
    else if (a.startsWith('--repeats')) o.repeats = Number(value());
    else if (a.startsWith('--json')) o.json = value();
    else if (a === '--no-pane') o.pane = false;
    else if (a === '--keep') o.keep = true;
    else throw new Error(`用法：npm run bench -- [--files N] [--repeats K] [--no-pane] [--keep] [--json FILE]（未知参数 ${a}）`);
  }
  if (o.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--files 应为正整数');
  o.sizes = [...new Set(o.sizes)].sort((a, b) => a - b);
  return o;
}

/** Runs `node [--require peak] ...args` as a process; wall time (ms) from outside, its peak RSS (bytes). */
function run(args, { cwd = ROOT } = {}) {
  const peakFile = path.join(os.tmpdir(), `wuhua-peak-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', PEAK, ...args], {
    cwd,
    env: { ...process.env, WUHUA_BENCH_PEAK: peakFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} → exit ${r.status}\n${String(r.stderr).slice(-2000)}`);
  const { peak, cpu } = JSON.parse(fs.readFileSync(peakFile, 'utf8'));
  fs.rmSync(peakFile, { force: true });
  return { ms, peak, cpu, stdout: String(r.stdout) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs the measures `repeats` times, interleaved (a, b, c, a, b, c, …); medians of time and peak. */
function interleaved(measures, repeats) {
  const runs = measures.map(() => []);
  for (let k = 0; k < repeats; k++) measures.forEach((m, i) => runs[i].push(run(m.args)));
  return measures.map((m, i) => ({
    name: m.name,
    runs: runs[i].map((r) => r.ms),
    ms: median(runs[i].map((r) => r.ms)),
    cpu: median(runs[i].map((r) => r.cpu)),
    peak: median(runs[i].map((r) => r.peak)),
  }));
}

const sec = (ms) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);
const mb = (b) => `${(b / 1048576).toFixed(0)} MB`;
/** Pads to a display width (a CJK character counts two), so the columns line up. */
const pad = (text, width) => text + ' '.repeat(Math.max(1, width - [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)));

/** The measures of one size: the floor, the merge, then the peers. Extend here (e.g. the page's merge). */
function MEASURES(paths, out, withPeers) {
  const list = [
    { name: 'floor', label: '下限（读取+解压+解码+扫描）', args: [path.join(ROOT, 'bench', 'floor.cjs'), ...paths] },
    { name: 'merge', label: 'wuhua merge（全流程）', args: [WUHUA, 'merge', ...paths, '-o', out, '--as-of', AS_OF] },
  ];
  if (withPeers) {
    list.push({ name: 'sheetjs', label: 'SheetJS 0.20.3 读取', args: [path.join(ROOT, 'bench', 'peer.cjs'), 'sheetjs', ...paths], once: true });
    list.push({ name: 'exceljs', label: 'exceljs 4.4.0 读取', args: [path.join(ROOT, 'bench', 'peer.cjs'), 'exceljs', ...paths], once: true });
  }
  return list;
}

/** The figures as a Markdown table, to paste into the README's speed section as they are. */
function markdown(results) {
  const { node, help, check } = results.startup;
  const lines = [
    `Measured ${results.date.slice(0, 16).replace('T', ' ')} UTC on ${results.machine}, load average ${results.load}.`,
    '',
    '| | files | wall | CPU | peak RSS | × floor (wall / CPU) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| \`node -e 0\` | | ${sec(node.ms)} | ${sec(node.cpu)} | ${mb(node.peak)} | |`,
    `| \`bin/wuhua --help\` | | ${sec(help.ms)} | ${sec(help.cpu)} | ${mb(help.peak)} | ${(help.ms / node.ms).toFixed(2)} × / ${(help.cpu / node.cpu).toFixed(2)} × \`node -e 0\` |`,
    `| \`bin/wuhua check\` (one file) | 1 | ${sec(check.ms)} | ${sec(check.cpu)} | ${mb(check.peak)} | ${(check.ms / node.ms).toFixed(2)} × / ${(check.cpu / node.cpu).toFixed(2)} × \`node -e 0\` |`,
  ];
  const label = { floor: 'floor (read + inflate + decode + scan)', merge: '`bin/wuhua merge` (whole process)', sheetjs: 'SheetJS 0.20.3, reading only', exceljs: 'exceljs 4.4.0, reading only' };
  for (const [n, size] of Object.entries(results.sizes)) {
    for (const name of ['floor', 'merge', 'sheetjs', 'exceljs']) {
      const r = size[name];
      if (!r) continue;
      lines.push(`| ${label[name]} | ${Number(size.files).toLocaleString('en')} | ${sec(r.ms)} | ${sec(r.cpu)} | ${mb(r.peak)} | ${(r.ms / size.floor.ms).toFixed(2)} / ${(r.cpu / size.floor.cpu).toFixed(2)} |`);
    }
    void n;
  }
  return lines.join('\n');
}

async function main() {
  const o = options(process.argv.slice(2));
  const results = { machine: `${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`, date: new Date().toISOString(), startup: {}, sizes: {} };
  console.log(`机器：${results.machine}；负载（1/5/15 分钟）：${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  results.load = os.loadavg()[0].toFixed(1);
  // Always rebuilt (about a second): a build/cli.js left from an earlier `npm ci` would measure old code.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.cjs')], { stdio: 'inherit' });

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wuhua-bench-'));
  try {
    const inbox = path.join(root, 'inbox');
    const max = o.sizes[o.sizes.length - 1];
    const tg = Date.now();
    require('tsx/cjs'); // the generator shares the templates' TypeScript code (dev-time only)
    const gen = await require('../bench/generate.ts').generate(inbox, Math.ceil(max / BATCH) * BATCH);
    console.log(`生成 ${gen.files} 个文件（模板与手工版式，其中重复报送 ${gen.resubmissions} 个、坏文件 ${gen.bad} 个），共 ${mb(gen.bytes)}，用时 ${sec(Date.now() - tg)}`);
    const batches = fs.readdirSync(inbox).sort().map((b) => path.join(inbox, b));
    const one = path.join(batches[0], fs.readdirSync(batches[0]).sort()[0]);

    // 1. Start-up.
    const startup = interleaved(
      [
        { name: 'node', args: ['-e', '0'] },
        { name: 'help', args: [WUHUA, '--help'] },
        { name: 'check', args: [WUHUA, 'check', one, '--as-of', AS_OF] },
      ],
      o.repeats ?? 11,
    );
    const [node, help, check] = startup;
    results.startup = { node, help, check };
    console.log('\n== 启动（整个进程，交错运行取中位数；CPU 为用户+系统时间） ==');
    for (const [r, label, note] of [
      [node, 'node -e 0', ''],
      [help, 'bin/wuhua --help', `= ${(help.ms / node.ms).toFixed(2)} × node -e 0（CPU ${(help.cpu / node.cpu).toFixed(2)} ×；目标 ≤ 2.5）`],
      [check, 'bin/wuhua check（1 个文件）', `= ${(check.ms / node.ms).toFixed(2)} × node -e 0（CPU ${(check.cpu / node.cpu).toFixed(2)} ×；目标 ≤ 0.3 s，即 ${sec(check.ms)}）`],
    ]) console.log(`${pad(label, 30)}${sec(r.ms).padStart(8)}  CPU ${sec(r.cpu).padStart(7)}  ${mb(r.peak).padStart(6)}  ${note}`);

    // 2. Merge against the floor, and the peers.
    console.log('\n== 汇总 vs 下限 vs 同类库（整个进程，交错运行取中位数） ==');
    console.log(`${pad('文件数', 8)}${pad('', 30)}${'用时'.padStart(7)}${'/下限'.padStart(7)}${'文件/秒'.padStart(7)}${'CPU'.padStart(9)}${'/下限'.padStart(7)}${'峰值内存'.padStart(6)}  各次用时`);
    for (const n of o.sizes) {
      const paths = batches.slice(0, Math.ceil(n / BATCH));
      const files = require('../bench/walk.cjs').walk(paths).length;
      const out = path.join(root, `summary-${n}.xlsx`);
      const measures = MEASURES(paths, out, n <= 10000);
      run(measures[0].args); // warms the page cache, so the first timed run is not the only one reading from disk
      const repeats = o.repeats ?? (n <= 1000 ? 5 : n <= 10000 ? 3 : 1);
      const timed = interleaved(measures.filter((m) => !m.once), repeats);
      const once = interleaved(measures.filter((m) => m.once), 1);
      const all = [...timed, ...once];
      const floor = all.find((r) => r.name === 'floor');
      results.sizes[n] = { files, summaryBytes: fs.statSync(out).size };
      for (const r of all) {
        const m = measures.find((x) => x.name === r.name);
        results.sizes[n][r.name] = { ms: r.ms, cpu: r.cpu, peak: r.peak, runs: r.runs };
        console.log(
          `${pad(String(files), 8)}${pad(m.label, 30)}${sec(r.ms).padStart(9)}${(r.ms / floor.ms).toFixed(2).padStart(7)}${String(Math.round(files / (r.ms / 1000))).padStart(9)}${sec(r.cpu).padStart(9)}${(r.cpu / floor.cpu).toFixed(2).padStart(7)}${mb(r.peak).padStart(9)}  ${r.runs.map(sec).join(' / ')}`,
        );
      }
    }
    const s = results.sizes;
    const ratio = (n) => (s[n] ? (s[n].merge.ms / s[n].floor.ms).toFixed(2) : '—');
    console.log(`\n目标：汇总/下限 1,000 个 ≤ 3（${ratio(1000)}），10,000 个 ≤ 2.5（${ratio(10000)}）；峰值内存 10,000 个 ≤ 200 MB 且 ≤ 1.5 × 1,000 个${s[1000] && s[10000] ? `（${mb(s[10000].merge.peak)}，${(s[10000].merge.peak / s[1000].merge.peak).toFixed(2)} ×）` : ''}；100,000 个 < 400 MB${s[100000] ? `（${mb(s[100000].merge.peak)}）` : '（--files 100000）'}`);
    results.load += `–${os.loadavg()[0].toFixed(1)}`;
    console.log('\n' + markdown(results));
    if (o.json) fs.writeFileSync(o.json, JSON.stringify(results, null, 2) + '\n');
  } finally {
    if (o.keep) console.log(`保留临时文件夹：${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }

  if (o.pane) {
    // 3. The task pane.
    const node = (args) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    console.log('\n== task pane: production build ==');
    node([path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--no-stats']);
    node([path.join(ROOT, 'scripts', 'bundle-size.cjs')]);
    node([path.join(ROOT, 'test', 'e2e', 'run.cjs'), '--first-render', '5']);
    // 4. The page's merge beside the CLI's (issue 12: within 1.5×).
    node([path.join(ROOT, 'scripts', 'bench-page.cjs'), '--files', '1000']);
  }
}

main().catch((e) => {
  console.error(e && e.message ? e.message : e);
  process.exitCode = 1;
});
