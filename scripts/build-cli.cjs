#!/usr/bin/env node
/**
 * Builds the command line once into build/cli.js (run by bin/wuhua; no compiler at run
 * time). `npm ci` runs it through `prepare`, jest through its globalSetup, so neither a
 * fresh clone nor a test ever runs a missing or stale build.
 *
 * One bundle from src/cli/main.ts: whatever it imports (a new command under src/cli
 * included) is in it. A second, build/intake-worker.js from src/cli/intakeWorker.ts, is
 * what the merge's worker threads load (src/cli/pool.ts): the reader and the rules only,
 * so a worker starts without parsing the merge, the writers or the commands. exceljs stays a plain require of node_modules, reached only
 * through the lazy `import()`s of the commands that write a workbook, so `--help` and
 * `check` never load it.
 */
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'build', 'cli.js');
const WORKER = path.join(ROOT, 'build', 'intake-worker.js');

async function buildCli() {
  await esbuild.build({
    entryPoints: { cli: path.join(ROOT, 'src', 'cli', 'main.ts'), 'intake-worker': path.join(ROOT, 'src', 'cli', 'intakeWorker.ts') },
    outdir: path.dirname(OUT),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['exceljs', '@e965/xlsx'], // plain requires of node_modules, each reached only through a lazy import()
    sourcemap: 'linked', // `node --enable-source-maps bin/wuhua …` for TypeScript stack traces
    logLevel: 'warning',
  });
  return OUT;
}

module.exports = { buildCli, OUT, WORKER };

if (require.main === module) {
  buildCli().catch(() => {
    process.exitCode = 1; // esbuild has printed the errors
  });
}
