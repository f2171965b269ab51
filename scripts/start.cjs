#!/usr/bin/env node
/**
 * `npm start`: builds the task pane and serves it on https://localhost:3000 (webpack
 * dev server, rebuilt on save), then says — in Chinese and English — how to load the
 * add-in into Excel. Ctrl+C stops it.
 *
 * Environment: WUHUA_PORT (default 3000; the manifest points at 3000), WUHUA_DEV_CERTS=0
 * (skip installing the Office dev certificates), WUHUA_HTTP=1 (plain http, browser only).
 */
const path = require('path');
const { spawn } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const port = Number(process.env.WUHUA_PORT || 3000);
const scheme = process.env.WUHUA_HTTP === '1' ? 'http' : 'https';
const manifest = path.join(ROOT, 'manifest.xml');
const url = `${scheme}://localhost:${port}/taskpane.html`;

function instructions() {
  return [
    '',
    '================================================================',
    ` 五化建设表单助手 / Wuhua forms add-in — ${url}`,
    '================================================================',
    ` 清单文件 / Manifest: ${manifest}`,
    '',
    ' 在 Excel 中加载（旁加载） / Sideload into Excel:',
    '',
    ' • Windows 版 Excel：',
    '   1. 把清单所在文件夹设为共享文件夹（右键 → 属性 → 共享），记下网络路径 \\\\电脑名\\文件夹；',
    '   2. Excel → 文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录，',
    '      添加该网络路径并勾选「显示在菜单中」，重启 Excel；',
    '   3. 插入 → 我的加载项 → 共享文件夹 → 选择「五化表单助手」。',
    '   Excel on Windows: share the folder holding manifest.xml; add its \\\\computer\\share path under',
    '   File → Options → Trust Center → Trust Center Settings → Trusted Add-in Catalogs (tick "Show in Menu"),',
    '   restart Excel, then Insert → My Add-ins → SHARED FOLDER.',
    '',
    ' • Mac 版 Excel：',
    '   把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef',
    '   （没有 wef 文件夹就新建），重启 Excel，插入 → 我的加载项 → 选择加载项。',
    '   Excel on Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef',
    '   (create wef if missing), restart Excel, then Insert → My Add-ins.',
    '',
    ' • Excel 网页版：打开工作簿 → 插入 → 加载项 → 上传我的加载项 → 选择 manifest.xml。',
    '   Excel on the web: Insert → Add-ins → Upload My Add-in → choose manifest.xml.',
    '',
    ' 加载后在「开始」选项卡点击「五化表单」按钮打开任务窗格。',
    ' Then open the task pane with the "Wuhua Forms" button on the Home tab.',
    '',
    ` 不用 Excel（WPS / 浏览器）：直接在浏览器中打开 ${url}`,
    ` Without Excel (WPS users, any browser): open ${url}`,
    ' 停止服务：Ctrl+C   Stop: Ctrl+C',
    '================================================================',
    '',
  ].join('\n');
}

const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
const child = spawn(process.execPath, [webpackCli, 'serve', '--mode', 'development'], {
  cwd: ROOT,
  env: { ...process.env, WUHUA_PORT: String(port) },
  stdio: ['inherit', 'pipe', 'inherit'],
});

let shown = false;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  // Print the instructions once the first build is served, so they are not scrolled away.
  if (!shown && /compiled (successfully|with)/.test(String(chunk))) {
    shown = true;
    process.stdout.write(instructions());
  }
});

const stop = (signal) => {
  if (!child.killed) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
child.on('exit', (code, signal) => {
  if (code && !shown) {
    console.error('\n启动失败，请查看上面的错误信息。 / The dev server failed to start; see the errors above.');
  }
  process.exit(code ?? (signal ? 1 : 0));
});
