#!/usr/bin/env node
/**
 * Where the task pane's first render goes (issue 12): cold starts of dist/taskpane.html
 * (standalone, a fresh profile each, Debian's /usr/bin/chromium) from navigation start to the
 * pane's `wuhua-pane-visible` mark, the same figure `npm run bench` reports.
 *
 *   node scripts/trace-pane.cjs [--runs N] [--dist DIR[,DIR2…]] [--trace [--detail]] [--cpu FILE]
 *
 * Prints each run's marks (and paint entries) and the medians. Several dists run interleaved
 * (A, B, A, B, …): wall times on a shared machine are only comparable side by side.
 *   --trace   also traces each start (DevTools protocol): CPU time of the renderer's main thread
 *             to the mark (its tasks' thread time: what load on other cores hardly changes) and its
 *             wall time by kind (JS run, parse/compile, style, layout, paint, GC).
 *   --detail  with --trace, V8's compile events too (the figures grow: the trace collects source positions).
 *   --cpu F   first a start under V8's sampling profiler, written to F (.cpuprofile).
 *   --route / --old-harness   every request through Playwright's interception / and the wait through
 *             its locator, as test/e2e/run.cjs does, to see what the harness itself costs.
 * Waits for the mark with a PerformanceObserver, not Playwright's selector engine (whose injection runs
 * in the page before the mark). Needs `npm run build`. Prints figures only; nothing is asserted.
 */
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** --trace: enough for thread times (light: V8 compile events make the trace itself collect source positions). */
const LIGHT = ['toplevel', 'blink.user_timing', 'devtools.timeline'];
/** --trace --detail: what the main thread did, by kind (slower: the figures grow). */
const DETAIL = [...LIGHT, 'v8', 'v8.execute', 'disabled-by-default-v8.compile'];

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt('--runs', 5));
const DISTS = opt('--dist', path.join(ROOT, 'dist')).split(',').map((d) => path.resolve(d));
const CPU = opt('--cpu', null);
const TRACE = args.includes('--trace');
const ROUTE = args.includes('--route') || args.includes('--old-harness');
const PW_WAIT = args.includes('--old-harness');
const DETAIL_ON = args.includes('--detail');

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png' };
function serve(dir) {
  const server = http.createServer((req, res) => {
    const file = path.normalize(path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Resolves once the pane marks itself visible, with the page's own timings (ms from navigation start). */
const WAIT_FOR_MARK = `new Promise((resolve) => {
  const done = () => {
    const m = performance.getEntriesByName('wuhua-pane-visible')[0];
    if (!m) return false;
    const n = performance.getEntriesByType('navigation')[0];
    const marks = {};
    for (const e of performance.getEntriesByType('mark')) marks[e.name] = Math.round(e.startTime);
    for (const e of performance.getEntriesByType('paint')) marks[e.name] = Math.round(e.startTime);
    const scripts = performance.getEntriesByType('resource').filter((r) => r.initiatorType === 'script' || r.initiatorType === 'link')
      .map((r) => ({ name: r.name.split('/').pop(), start: r.startTime, end: r.responseEnd }));
    resolve({ mark: Math.round(m.startTime), nav: { responseEnd: n ? n.responseEnd : 0, scripts }, marks });
    return true;
  };
  if (!done()) new PerformanceObserver((list, o) => { if (done()) o.disconnect(); }).observe({ type: 'mark', buffered: true });
})`;

/** What a main-thread event's own time counts as. */
function kind(name) {
  if (/^(ParseHTML|ParseAuthorStyleSheet)$/.test(name)) return 'parse HTML/CSS';
  if (/compile|Compile|parseOnBackground|v8\.parse|Deserialize/i.test(name)) return 'JS parse+compile';
  if (/GC|Scavenge|MarkCompact|V8\.GC/.test(name)) return 'GC';
  if (/^(EvaluateScript|v8\.run|FunctionCall|v8\.callFunction|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|V8\.Execute|v8\.evaluateModule|FireIdleCallback|XHRReadyStateChange)$/.test(name)) return 'JS run';
  if (/^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation|InvalidateLayout|StyleInvalidator|CSS)/.test(name)) return 'style';
  if (/^(Layout|UpdateLayer|LayoutShift)/.test(name)) return 'layout';
  if (/^(Paint|PrePaint|Layerize|CompositeLayers|UpdateLayerTree|Commit|PaintImage|RasterTask|Decode)/.test(name)) return 'paint';
  if (/^(ResourceSendRequest|ResourceReceiveResponse|ResourceReceivedData|ResourceFinish)$/.test(name)) return 'network (main thread)';
  return 'other';
}

/** Self time per kind on the renderer main thread, [t0, t1] in µs of the trace clock. */
function breakdown(events, t0, t1, pid) {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain' && e.pid === pid);
  const out = {};
  let best = null;
  for (const m of mains) {
    const evs = events
      .filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && typeof e.dur === 'number' && e.ts < t1 && e.ts + e.dur > t0)
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const totals = {};
    const names = {};
    const stack = [];
    const add = (e, self) => {
      const k = kind(e.name);
      totals[k] = (totals[k] || 0) + self;
      names[e.name] = (names[e.name] || 0) + self;
    };
    const close = (until) => {
      while (stack.length && stack[stack.length - 1].end <= until) {
        const s = stack.pop();
        add(s.e, Math.max(0, Math.min(s.end, t1) - Math.max(s.e.ts, t0)) - s.child);
        if (stack.length) stack[stack.length - 1].child += Math.max(0, Math.min(s.end, t1) - Math.max(s.e.ts, t0));
      }
    };
    for (const e of evs) {
      close(e.ts);
      stack.push({ e, end: e.ts + e.dur, child: 0 });
    }
    close(Infinity);
    const busy = Object.values(totals).reduce((a, b) => a + b, 0);
    if (!best || busy > best.busy) best = { busy, totals, names };
  }
  return best;
}

/** CPU time (ms) of the renderer's threads in [t0, t1]: top-level tasks' thread durations (tdur), main thread and the rest. */
function threadTimes(events, t0, t1, pid) {
  const names = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid).map((e) => [e.tid, e.args.name]));
  const byThread = new Map();
  const last = new Map();
  const tasks = events.filter((e) => e.pid === pid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' || (e.pid === pid && e.ph === 'X' && e.name === 'RunTask'));
  tasks.sort((a, b) => a.ts - b.ts);
  for (const e of tasks) {
    if (e.ts < t0 || e.ts > t1 || typeof e.tdur !== 'number') continue;
    if ((last.get(e.tid) || 0) > e.ts) continue; // nested in a task already counted
    last.set(e.tid, e.ts + e.dur);
    const name = names.get(e.tid) || String(e.tid);
    byThread.set(name, (byThread.get(name) || 0) + e.tdur);
  }
  let main = 0;
  let other = 0;
  for (const [name, t] of byThread) if (name === 'CrRendererMain') main += t; else other += t;
  return { main: main / 1000, other: other / 1000 };
}

async function readStream(client, handle) {
  let text = '';
  for (;;) {
    const r = await client.send('IO.read', { handle, size: 1 << 20 });
    text += r.base64Encoded ? Buffer.from(r.data, 'base64').toString('utf8') : r.data;
    if (r.eof) break;
  }
  await client.send('IO.close', { handle });
  return JSON.parse(text);
}

/** One cold start; mode: 'plain' (timings only), 'trace' (plus the main thread's breakdown) or 'cpu' (plus a CPU profile). */
async function once(origin, mode) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wuhua-trace-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport: { width: 320, height: 900 }, args: CHROMIUM_ARGS });
  try {
    if (ROUTE) await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort('internetdisconnected')));
    const page = context.pages()[0] || (await context.newPage());
    const client = await context.newCDPSession(page);
    if (mode === 'cpu') {
      await client.send('Profiler.enable');
      await client.send('Profiler.setSamplingInterval', { interval: 200 });
      await client.send('Profiler.start');
    } else if (mode === 'trace') {
      await client.send('Tracing.start', { categories: (DETAIL_ON ? DETAIL : LIGHT).join(','), transferMode: 'ReturnAsStream' });
    }
    if (PW_WAIT) {
      await page.goto(`${origin}/taskpane.html`, { waitUntil: 'domcontentloaded' });
      await page.getByTestId('standalone-notice').waitFor({ state: 'visible', timeout: 30000 });
    } else await page.goto(`${origin}/taskpane.html`, { waitUntil: 'commit' });
    // Waits for the mark without Playwright's selector engine (injecting it costs the page ~60–110 ms of main thread).
    const { result } = await client.send('Runtime.evaluate', { expression: WAIT_FOR_MARK, awaitPromise: true, returnByValue: true });
    const { mark, nav, marks } = result.value;
    if (mode === 'plain') return { mark, nav, marks };
    if (mode === 'cpu') {
      const { profile: prof } = await client.send('Profiler.stop');
      return { mark, nav, marks, prof };
    }
    const done = new Promise((resolve) => client.once('Tracing.tracingComplete', resolve));
    await client.send('Tracing.end');
    const { stream } = await done;
    const trace = await readStream(client, stream);
    if (process.env.TRACE_OUT) fs.writeFileSync(process.env.TRACE_OUT, JSON.stringify(trace)); // for a closer look
    const events = trace.traceEvents || trace;
    const navStart = events.find((e) => e.name === 'navigationStart' && e.args && e.args.data && /taskpane\.html/.test(e.args.data.documentLoaderURL || ''));
    const markEv = events.find((e) => e.name === 'wuhua-pane-visible');
    const t0 = navStart ? navStart.ts : markEv.ts - mark * 1000;
    const t1 = markEv ? markEv.ts : t0 + mark * 1000;
    const pid = (markEv || navStart).pid;
    return { mark, nav, marks, b: breakdown(events, t0, t1, pid), cpu: threadTimes(events, t0, t1, pid) };
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const ms = (us) => Math.round(us / 1000);

async function main() {
  const servers = await Promise.all(DISTS.map(serve));
  const origins = servers.map((s) => `http://127.0.0.1:${s.address().port}`);
  if (CPU) {
    const r = await once(origins[0], 'cpu');
    fs.writeFileSync(CPU, JSON.stringify(r.prof));
    console.log(`cpu profile → ${CPU} (mark ${r.mark} ms)`);
  }
  const mode = TRACE ? 'trace' : 'plain';
  const results = DISTS.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (let d = 0; d < DISTS.length; d++) {
      const r = await once(origins[d], mode);
      results[d].push(r);
      const marks = Object.entries(r.marks)
        .sort((a, b) => a[1] - b[1])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
      const scripts = r.nav.scripts.map((s) => `${s.name} ${Math.round(s.start)}–${Math.round(s.end)}`).join(' ');
      let line = `${path.basename(DISTS[d])} run ${i + 1}: mark ${r.mark} ms; ${marks}; html ${Math.round(r.nav.responseEnd)}, ${scripts}`;
      if (r.b) {
        const t = r.b.totals;
        line += `\n    CPU: main thread ${Math.round(r.cpu.main)} ms, other renderer threads ${Math.round(r.cpu.other)} ms; main thread busy ${ms(r.b.busy)} ms: ` + Object.keys(t).sort((a, b) => t[b] - t[a]).map((k) => `${k} ${ms(t[k])}`).join(', ');
      }
      console.log(line);
    }
  }
  if (RUNS > 0) console.log('\nmedians (ms):');
  for (let d = 0; d < DISTS.length; d++) {
    const rs = results[d];
    if (rs.length === 0) continue;
    const names = [...new Set(rs.flatMap((r) => Object.keys(r.marks)))];
    const marks = names.map((k) => [k, median(rs.filter((r) => k in r.marks).map((r) => r.marks[k]))]).sort((a, b) => a[1] - b[1]);
    console.log(`${DISTS[d]}: mark ${median(rs.map((r) => r.mark))} (runs ${rs.map((r) => r.mark).join(' ')}); ${marks.map(([k, v]) => `${k} ${v}`).join(', ')}`);
    if (!rs[0].b) continue;
    console.log(`  CPU to the mark: main thread ${Math.round(median(rs.map((r) => r.cpu.main)))} (runs ${rs.map((r) => Math.round(r.cpu.main)).join(' ')}), other renderer threads ${Math.round(median(rs.map((r) => r.cpu.other)))}`);
    const keys = [...new Set(rs.flatMap((r) => Object.keys(r.b.totals)))];
    console.log(`  main thread busy ${ms(median(rs.map((r) => r.b.busy)))}: ` + keys.map((k) => `${k} ${ms(median(rs.map((r) => r.b.totals[k] || 0)))}`).join(', '));
    const byName = {};
    for (const r of rs) for (const [n, v] of Object.entries(r.b.names)) (byName[n] = byName[n] || []).push(v);
    const top = Object.entries(byName)
      .map(([n, v]) => [n, median([...v, ...Array(rs.length - v.length).fill(0)])])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 14);
    console.log('  top events (self, median): ' + top.map(([n, v]) => `${n} ${ms(v)}`).join(', '));
  }
  servers.forEach((s) => s.close());
}

main().catch((e) => {
  console.error(e);
  process.exit(1); // the servers would keep the process alive
});
