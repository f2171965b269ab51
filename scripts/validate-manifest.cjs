#!/usr/bin/env node
/**
 * `npm run validate`: Microsoft's own check of both manifests, as the Office add-in
 * templates run it — `office-addin-manifest validate`, which sends the manifest to
 * Microsoft's validation service and so needs the network. The offline XSD check of both
 * manifests is part of the tests (test/manifest/).
 *
 *   npm run validate                        manifest.xml and dist/manifest.xml (builds dist/ first if missing)
 *   npm run validate -- path/to/manifest.xml
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'node_modules', 'office-addin-manifest', 'cli.js');

const given = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const manifests = given.length > 0 ? given.map((f) => path.resolve(f)) : [path.join(ROOT, 'manifest.xml'), path.join(ROOT, 'dist', 'manifest.xml')];

if (given.length === 0 && !fs.existsSync(manifests[1])) {
  console.log('dist/manifest.xml 不存在，先运行 npm run build … / dist/manifest.xml missing, running npm run build …');
  const b = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--no-stats'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

// What Node and the tool print when the validation service cannot be reached.
const OFFLINE = /Unable to contact|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|fetch failed|network|socket hang up|certificate/i;

let failed = 0;
let offline = 0;
for (const file of manifests) {
  const rel = path.relative(ROOT, file) || file;
  console.log(`\n== office-addin-manifest validate ${rel}`);
  const r = spawnSync(process.execPath, [CLI, 'validate', file], { cwd: ROOT, encoding: 'utf8', timeout: 120000 });
  const out = `${r.stdout || ''}${r.stderr || ''}`;
  process.stdout.write(out);
  if (r.status === 0 && /manifest is valid/i.test(out)) continue;
  if (OFFLINE.test(out) || r.error) {
    offline++;
    console.log(
      `\n[无法联网] office-addin-manifest 需要访问微软的清单验证服务，本机无法连接，${rel} 未经在线验证。离线的 XSD 检查在 npm test 中（test/manifest/）。\n` +
        `[offline] office-addin-manifest needs Microsoft's validation service, which this machine cannot reach: ${rel} was not validated online. The offline XSD check runs in npm test (test/manifest/).`,
    );
  } else failed++;
}
if (failed > 0) {
  console.log(`\n${failed} 个清单未通过验证 / ${failed} manifest(s) failed validation`);
  process.exit(1);
}
if (offline > 0) process.exit(3);
console.log('\n清单均通过微软的在线验证 / all manifests passed Microsoft validation');
