/*
 * 五化建设表单助手 — the first script of the task pane, before the bundle. ES5 only: it must
 * run where the bundle (ES2020) cannot even be parsed, and say so in Chinese instead of
 * leaving the pane blank.
 *
 * Volume-licensed Office 2016/2019 on Windows shows add-ins in Internet Explorer 11
 * ("Trident"); retail Office 2016/2019 and Microsoft 365 builds without WebView2 use
 * Microsoft Edge Legacy ("EdgeHTML"). Neither parses the bundle. No manifest requirement
 * set tells these webviews apart (they run ExcelApi 1.7–1.12 like the hosts we support),
 * so Microsoft's advice is a graceful message detected from the user agent:
 * https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11
 * https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
 *
 * Two checks: (1) the webview is Trident/EdgeHTML, or lacks what the bundle needs (ES2020
 * built-ins stand in for ES2020 syntax, which cannot be tested without eval, and eval is
 * forbidden by the CSP); (2) whatever the reason, the bundle did not start by the time the
 * document is parsed (its deferred scripts run before DOMContentLoaded).
 * The bundle sets window.__wuhuaStarted on its first line.
 */
(function () {
  'use strict';
  var ua = String(navigator.userAgent || '');
  var trident = ua.indexOf('Trident/') !== -1 || ua.indexOf('MSIE ') !== -1;
  // Chromium-based Edge says "Edg/"; Edge Legacy says "Edge/".
  var edgeHtml = /\bEdge\/\d/.test(ua);
  var P = window.Promise;
  var modern =
    typeof P === 'function' &&
    typeof P.allSettled === 'function' && // ES2020
    typeof window.globalThis === 'object' && // ES2020
    typeof Object.fromEntries === 'function' && // ES2019
    typeof Array.prototype.flatMap === 'function' && // ES2019
    typeof window.Map === 'function' &&
    typeof window.Symbol === 'function' &&
    typeof window.Uint8Array === 'function' &&
    typeof window.TextDecoder === 'function';
  var old = trident || edgeHtml || !modern;

  var TITLE_OLD = '此版本的 Office 无法显示“五化建设表单助手”';
  var BODY_OLD =
    '您的 Office 用旧版浏览器组件（' +
    (trident ? 'Internet Explorer 11' : edgeHtml ? '旧版 Microsoft Edge' : '版本过旧的浏览器') +
    '）显示加载项，本加载项无法在其中运行。批量许可版的 Office 2016、Office 2019 都是这种情况。';
  var STEPS_OLD = [
    '批量许可版 Office 2016/2019：请信息化管理员升级到 Office LTSC 2021 或更新版本，或 Microsoft 365 企业应用。',
    '零售版 Office 2016/2019、Microsoft 365：请安装 Microsoft Edge WebView2 运行时（Windows 11 已自带），然后重新启动 Excel。',
    '现在就要用：在 Chrome、Edge、Firefox 或 360 安全浏览器（极速模式）中打开下面的地址，可以下载模板、检查和汇总表格文件。'
  ];
  var TITLE_STUCK = '任务窗格没有正常启动';
  var BODY_STUCK = '本页面的脚本没有运行，可能是网络拦截了脚本文件，或 Office 版本过旧。';
  var STEPS_STUCK = [
    '关闭任务窗格后重新打开；仍然空白时，请把本信息告诉信息化管理员。',
    '也可以在 Chrome、Edge、Firefox 或 360 安全浏览器（极速模式）中打开下面的地址使用。'
  ];

  function show(title, body, steps) {
    if (window.__wuhuaGuardShown) return;
    window.__wuhuaGuardShown = true;
    var root = document.getElementById('root') || document.body;
    while (root.firstChild) root.removeChild(root.firstChild);
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.setAttribute('data-testid', 'old-webview');
    box.style.cssText = 'font-family:"Microsoft YaHei","微软雅黑",SimSun,sans-serif;font-size:14px;line-height:1.6;padding:12px;margin:12px;border:1px solid #c50f1f;background:#fdf3f4;color:#242424';
    var h = document.createElement('h1');
    h.style.cssText = 'font-size:16px;margin:0 0 8px 0';
    h.appendChild(document.createTextNode(title));
    box.appendChild(h);
    var p = document.createElement('p');
    p.style.margin = '0 0 8px 0';
    p.appendChild(document.createTextNode(body));
    box.appendChild(p);
    var ol = document.createElement('ol');
    ol.style.cssText = 'margin:0 0 8px 0;padding-left:20px';
    for (var i = 0; i < steps.length; i++) {
      var li = document.createElement('li');
      li.appendChild(document.createTextNode(steps[i]));
      ol.appendChild(li);
    }
    box.appendChild(ol);
    var url = document.createElement('p');
    url.style.cssText = 'margin:0;word-break:break-all;font-family:Consolas,monospace';
    url.appendChild(document.createTextNode(location.protocol + '//' + location.host + location.pathname));
    box.appendChild(url);
    root.appendChild(box);
  }

  if (old) {
    // The bundle may still load and fail to parse; this message replaces whatever it leaves.
    window.__wuhuaOldWebview = true;
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { show(TITLE_OLD, BODY_OLD, STEPS_OLD); });
    else show(TITLE_OLD, BODY_OLD, STEPS_OLD);
    return;
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.__wuhuaStarted) show(TITLE_STUCK, BODY_STUCK, STEPS_STUCK);
  });
})();
