#!/usr/bin/env node
/**
 * `npm run bench [-- --files N]`: every speed and size budget, printed, never asserted in tests.
 *   1. merge vs. the unzip floor, peak RSS (bin/bench, arguments passed through);
 *   2. task-pane initial JavaScript, gzipped (production build);
 *   3. first render of the task pane in headless Chromium.
 */
const { execFileSync } = require('child_process');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const node = (args) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });

node([path.join(ROOT, 'bin', 'bench'), ...process.argv.slice(2)]);
console.log('\n== task pane: production build ==');
node([path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--no-stats']);
node([path.join(ROOT, 'scripts', 'bundle-size.cjs')]);
node([path.join(ROOT, 'test', 'e2e', 'run.cjs'), '--first-render', '5']);
