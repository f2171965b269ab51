/* eslint-env node */
// Task pane build: `npm run build` → dist/ (production); `npm start` → https://localhost:3000.
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const ROOT = __dirname;
const DEV_PORT = Number(process.env.WUHUA_PORT || 3000);
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

/**
 * Scripts only from this origin and the Office CDN (no inline script, no eval); no network
 * but office.js. Styles allow inline: Fluent UI (Griffel) inserts its CSS at run time.
 * The dev server adds its own websocket for live reload.
 */
function contentSecurityPolicy(dev) {
  const connect = ["'self'", OFFICE_CDN];
  if (dev) connect.push(`wss://localhost:${DEV_PORT}`, `ws://localhost:${DEV_PORT}`);
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    `frame-src ${OFFICE_CDN}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
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
  const commandsEntry = path.join(ROOT, 'src/commands/commands.ts');
  const hasCommands = fs.existsSync(commandsEntry);
  const copy = [
    { from: 'manifest*.xml', to: '[name][ext]', noErrorOnMissing: true },
    { from: 'assets', to: 'assets', noErrorOnMissing: true, globOptions: { ignore: ['**/*.cjs', '**/*.js', '**/*.md'] } },
  ].map((p) => ({ ...p, context: ROOT, info: { minimized: true } }));

  const page = (name, chunks) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: path.join(ROOT, `src/${name === 'taskpane' ? 'taskpane' : 'commands'}/${name}.html`),
      chunks,
      scriptLoading: 'defer',
      templateParameters: { csp: contentSecurityPolicy(dev) },
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
          loader: 'ts-loader',
          options: {
            transpileOnly: true,
            // ES modules so webpack can split at import() and drop unused exports.
            compilerOptions: { module: 'esnext', moduleResolution: 'node', target: 'es2020', noEmit: false, sourceMap: dev },
          },
        },
      ],
    },
    plugins: [
      page('taskpane', ['taskpane']),
      ...(hasCommands ? [page('commands', ['commands'])] : []),
      new CopyWebpackPlugin({ patterns: copy }),
    ],
    // Sizes are measured gzipped by scripts/bundle-size.cjs against the budget.
    performance: { hints: false },
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: { exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', priority: 10 } },
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
