/* eslint-env node */
/**
 * Task pane build: `npm run build` → dist/ (production); `npm start` → https://localhost:3000.
 *
 * Build options (environment variables):
 *   WUHUA_BASE_URL=https://addin.example.gov.cn/wuhua/  dist/manifest.xml points there (scripts/manifest.cjs);
 *                                                      without it dist/manifest.xml is the development one.
 *   WUHUA_SUPPORT_URL=https://…                        the manifest's SupportUrl (default: the shipped support.html).
 *   WUHUA_OFFICE_JS=global | 21vianet | self           where office.js comes from (default global), see OFFICE_JS.
 */
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { manifestFor } = require('./scripts/manifest.cjs');

const ROOT = __dirname;
const DEV_PORT = Number(process.env.WUHUA_PORT || 3000);

/**
 * Where the pane loads office.js from; the CSP follows.
 * - global: Microsoft's CDN, what Microsoft requires for published add-ins
 *   (https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn).
 * - 21vianet: Office 365 operated by 21Vianet (China) has its own CDN, documented in the same
 *   page's "CDN references for other Microsoft 365 environments" (includes/21Vianet-cdn.md).
 * - self: office.js served by the add-in's own server, for intranets that reach no public CDN:
 *   copied from the @microsoft/office-js package with o15apptofilemappingtable.js beside it
 *   (without it Office.onReady never resolves), Excel's host files and every locale's
 *   office_strings.js (a missing strings file also leaves onReady pending,
 *   https://github.com/OfficeDev/office-js/issues/6040). The package README says it is no longer
 *   updated and to "download the necessary files from the CDN and bundle them with your add-in"
 *   in a secure cloud environment: rebuild when Microsoft's CDN moves on.
 */
const OFFICE_JS = {
  global: { origin: 'https://appsforoffice.microsoft.com', url: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' },
  '21vianet': { origin: 'https://appsforoffice.cdn.partner.office365.cn', url: 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js' },
  self: { origin: null, url: 'office/office.js' },
};

function officeJsChoice() {
  const name = (process.env.WUHUA_OFFICE_JS || 'global').toLowerCase();
  if (!OFFICE_JS[name]) throw new Error(`WUHUA_OFFICE_JS=${name}：应为 global、21vianet 或 self / must be global, 21vianet or self`);
  return { name, ...OFFICE_JS[name] };
}

/**
 * Scripts only from this origin and the chosen office.js origin (no inline script, no eval);
 * no network but office.js. Styles allow inline: Fluent UI (Griffel) inserts its CSS at run time.
 * Workers: same origin (worker-src falls back to script-src). The dev server adds its own websocket.
 */
function contentSecurityPolicy(dev, officeOrigin) {
  const office = officeOrigin ? ` ${officeOrigin}` : '';
  const connect = ["'self'"];
  if (officeOrigin) connect.push(officeOrigin);
  if (dev) connect.push(`wss://localhost:${DEV_PORT}`, `ws://localhost:${DEV_PORT}`);
  return [
    "default-src 'self'",
    `script-src 'self'${office}`,
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    `frame-src 'self'${office}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** The copy patterns of the self-hosted office.js (into dist/office/). */
function selfHostedOfficeJs() {
  const from = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
  const files = ['office.js', 'o15apptofilemappingtable.js', 'excel-*-16.*.js', '*/office_strings.js'];
  // Already minified: `minimized` keeps Terser off them (80–90 s builds otherwise, TOOLCHAIN.md).
  return files.map((f) => ({ from: f, context: from, to: 'office/', globOptions: { ignore: ['**/*.debug.js'] }, info: { minimized: true } }));
}

/**
 * HTTPS for the dev server. Office needs https; office-addin-dev-certs installs a trusted
 * localhost certificate. Where that cannot be done (no admin rights, Linux without sudo,
 * CI) fall back to a self-signed certificate and say so, instead of failing to start.
 * WUHUA_DEV_CERTS=0 skips the install; WUHUA_HTTP=1 serves plain http (browser-only use).
 */
async function devServerHttps() {
  if (process.env.WUHUA_HTTP === '1') {
    console.warn(
      '\n[警告] 以 HTTP 方式提供服务：Office 不会加载 http 页面，只能在浏览器中以独立模式使用。\n' +
        '[warning] Serving plain HTTP: Office will not load it; use it in a browser (standalone mode) only.\n',
    );
    return { type: 'http' };
  }
  if (process.env.WUHUA_DEV_CERTS !== '0') {
    try {
      const devCerts = require('office-addin-dev-certs');
      const options = await devCerts.getHttpsServerOptions();
      return { type: 'https', options };
    } catch (e) {
      console.warn(
        '\n[警告] 无法安装 Office 开发证书，改用自签名证书。Excel 可能拒绝加载加载项；' +
          '请以管理员身份运行 `npx office-addin-dev-certs install` 后重新执行 npm start。\n' +
          '[warning] Could not install the Office dev certificates; using a self-signed certificate instead. ' +
          'Excel may refuse to load the add-in: run `npx office-addin-dev-certs install` as an administrator, then `npm start` again.\n' +
          `  (${e && e.message ? String(e.message).split('\n')[0] : e})\n`,
      );
    }
  } else {
    console.warn('\n[提示] 已跳过开发证书（WUHUA_DEV_CERTS=0），使用自签名证书。\n[note] Dev certificates skipped (WUHUA_DEV_CERTS=0); using a self-signed certificate.\n');
  }
  // webpack-dev-server generates a self-signed certificate when none is given.
  return { type: 'https' };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const officeJs = officeJsChoice();
  const baseUrl = process.env.WUHUA_BASE_URL;
  const commandsEntry = path.join(ROOT, 'src/commands/commands.ts');
  const hasCommands = fs.existsSync(commandsEntry);
  const copy = [
    baseUrl
      ? { from: 'manifest.xml', to: 'manifest.xml', transform: (xml) => manifestFor(xml.toString('utf8'), baseUrl, process.env.WUHUA_SUPPORT_URL) }
      : { from: 'manifest.xml', to: 'manifest.xml' },
    { from: 'assets', to: 'assets', noErrorOnMissing: true, globOptions: { ignore: ['**/*.cjs', '**/*.js', '**/*.md'] } },
    // ES5, before the bundle: the message for webviews that cannot run it (never transpiled or minified).
    { from: 'src/taskpane/guard/old-webview.js', to: 'old-webview.js' },
    { from: 'src/taskpane/support.html', to: 'support.html' },
  ].map((p) => ({ ...p, context: ROOT, info: { minimized: true } }));
  if (officeJs.name === 'self') copy.push(...selfHostedOfficeJs());

  const page = (name, chunks) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: path.join(ROOT, `src/${name === 'taskpane' ? 'taskpane' : 'commands'}/${name}.html`),
      chunks,
      scriptLoading: 'defer',
      templateParameters: { csp: contentSecurityPolicy(dev, officeJs.origin), officeJs: officeJs.url },
      minify: !dev && { collapseWhitespace: true, removeComments: true },
    });

  return {
    mode: dev ? 'development' : 'production',
    context: ROOT,
    // No eval-based source maps: the CSP forbids eval.
    devtool: dev ? 'cheap-module-source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      ...(hasCommands ? { commands: './src/commands/commands.ts' } : {}),
    },
    output: {
      path: path.join(ROOT, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: [
            // Our makeStyles computed at build time (Griffel's ahead-of-time transform, as Fluent's own
            // packages ship theirs): the pane does not resolve and serialise them on its first render.
            { loader: '@griffel/webpack-loader' },
            {
              loader: 'ts-loader',
              options: {
                transpileOnly: true,
                // ES modules so webpack can split at import() and drop unused exports.
                compilerOptions: { module: 'esnext', moduleResolution: 'node', target: 'es2020', noEmit: false, sourceMap: dev },
              },
            },
          ],
        },
      ],
    },
    plugins: [
      page('taskpane', ['taskpane']),
      new webpack.DefinePlugin({ __OFFICE_JS_URL__: JSON.stringify(officeJs.url) }),
      ...(hasCommands ? [page('commands', ['commands'])] : []),
      new CopyWebpackPlugin({ patterns: copy }),
    ],
    // Sizes are measured gzipped by scripts/bundle-size.cjs against the budget.
    performance: { hints: false },
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', priority: 10 },
          // SheetJS: loaded with the legacy reader, only when an .xls/.et/.ods is picked.
          sheetjs: { test: /[\\/]node_modules[\\/]@e965[\\/]xlsx[\\/]/, name: 'sheetjs', chunks: 'async', priority: 10 },
        },
      },
    },
    devServer: {
      port: DEV_PORT,
      host: 'localhost',
      server: env && env.WEBPACK_SERVE ? await devServerHttps() : undefined,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      client: { overlay: { errors: true, warnings: false } },
      open: false,
    },
  };
};
