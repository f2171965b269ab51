#!/usr/bin/env node
/**
 * Builds the command line once into build/cli.js (run by bin/wuhua; no compiler at run
 * time). `npm ci` runs it through `prepare`, jest through its globalSetup, so neither a
 * fresh clone nor a test ever runs a missing or stale build.
 *
 * One bundle from src/cli/main.ts: whatever it imports (a new command under src/cli
 * included) is in it. exceljs stays a plain require of node_modules, reached only
 * through the lazy `import()`s of the commands that write a workbook, so `--help` and
 * `check` never load it.
 */
const path = require('path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'build', 'cli.js');

async function buildCli() {
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src', 'cli', 'main.ts')],
    outfile: OUT,
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

module.exports = { buildCli, OUT };

if (require.main === module) {
  buildCli().catch(() => {
    process.exitCode = 1; // esbuild has printed the errors
  });
}
