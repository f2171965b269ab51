/**
 * The add-in manifest for a deployment. manifest.xml in the repository is the development
 * manifest (https://localhost:3000/); a build with a base URL writes dist/manifest.xml
 * with every URL under that base instead:
 *
 *   WUHUA_BASE_URL=https://addin.example.gov.cn/wuhua/ npm run build
 *
 * SupportUrl points at the support page shipped with the build (support.html) unless
 * WUHUA_SUPPORT_URL names the IT department's own page. Both manifests are validated
 * against the XSDs in test/manifest/ and by `npm run validate`.
 */
'use strict';

const DEV_BASE = 'https://localhost:3000/';

/** "https://host/path" → "https://host/path/"; anything but an absolute https URL is an error (Office loads https only). */
function normaliseBaseUrl(raw) {
  let url;
  try {
    url = new URL(String(raw).trim());
  } catch {
    throw new Error(`WUHUA_BASE_URL 不是网址：${raw}\nWUHUA_BASE_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:') throw new Error(`WUHUA_BASE_URL 必须以 https:// 开头（Office 只加载 https 页面）：${raw}\nWUHUA_BASE_URL must be https (Office loads https pages only): ${raw}`);
  if (url.search || url.hash) throw new Error(`WUHUA_BASE_URL 不能带 ? 或 #：${raw}\nWUHUA_BASE_URL must not have a query or fragment: ${raw}`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The development manifest with its URLs moved under `baseUrl`, and SupportUrl set to
 * `supportUrl` (default: the shipped support page under the base).
 */
function manifestFor(devXml, baseUrl, supportUrl) {
  const base = normaliseBaseUrl(baseUrl);
  const support = supportUrl ? new URL(supportUrl).href : `${base}support.html`;
  if (!devXml.includes(DEV_BASE)) throw new Error(`manifest.xml has no ${DEV_BASE} URLs to replace`);
  return devXml
    .replace(/<!--[\s\S]*?-->/, () => `<!--\n  五化表单助手 / Wuhua Forms — deployment manifest for ${base}\n  Written by \`npm run build\` from the repository's manifest.xml (scripts/manifest.cjs); do not edit.\n-->`)
    .split(DEV_BASE)
    .join(base)
    .replace(/<SupportUrl DefaultValue="[^"]*"\s*\/>/, () => `<SupportUrl DefaultValue="${escapeXml(support)}"/>`);
}

module.exports = { DEV_BASE, manifestFor, normaliseBaseUrl };
