/**
 * e2e steps of the committee's views (issue 9 §1, §4, §6), run by run.cjs in the same
 * page after the 抽查 step: a roster file with an ignored column and bad rows is read and
 * its notes shown; a merge with it shows 催报 (复制 puts the message on the clipboard;
 * with the clipboard refused, as in Excel on the web, the text is shown selected) and the
 * charts, readable at 320 px. Screenshots go to test-artifacts/e2e/; with
 * WUHUA_DOCS_SHOTS=1 the charts' also to docs/charts-320.png.
 */
const fs = require('fs');
const path = require('path');

/** Every pair of boxes that overlap by more than half a pixel. */
function overlaps(boxes) {
  const out = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a.x + a.w - 0.5 > b.x && b.x + b.w - 0.5 > a.x && a.y + a.h - 0.5 > b.y && b.y + b.h - 0.5 > a.y) out.push(`${a.t}|${b.t}`);
    }
  }
  return out;
}

module.exports = async function committeeSteps({ page, context, origin, step, assert, shot, work, fixtures, filled, load, year, artifacts, docs }) {
  const { committeeSheetsZh } = load('src/i18n/committee.ts');
  const { daysBetween } = load('src/merge/obligations.ts');
  const P = '中共永州市直机关委员会';
  const today = await page.evaluate(() => {
    const d = new Date();
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  });

  await step('名册: a roster file with an unknown column and bad rows — branches read, the column ignored, each bad row named with its row number', async () => {
    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByRole('button', { name: '清空' }).click();
    await page.getByRole('textbox', { name: /应报送支部名单/ }).fill('');
    const roster = path.join(work, '名册.csv');
    fs.writeFileSync(
      roster,
      '\ufeff' +
        [
          '序号,党支部名称,上级党组织,类别,书记,联系电话,备注',
          `1,市直机关第一党支部,${P},在职,张三,13812345678,`,
          `2,市直机关第二党支部,${P},在职,李四,0746-8221234,`,
          `3,市直机关第三党支部,${P},在职,王五,13900000000,新成立`,
          `4,,${P},在职,赵六,,`,
          '5,市直机关第四党支部,工委直辖,在编,孙七,13711112222,',
        ].join('\r\n') +
        '\r\n',
    );
    await page.getByTestId('roster-file').setInputFiles(roster);
    const notes = await page.getByTestId('roster-notes').innerText({ timeout: 30000 });
    assert(notes.includes('名册「名册.csv」的读取情况') && notes.includes('读到 4 个党支部'), `roster notes: ${notes}`);
    assert(notes.includes('已忽略：备注'), `ignored column not named: ${notes}`);
    assert(/名册\.csv 第5行有内容但没有填写党支部名称/.test(notes), `the row without a name (line 5) not named: ${notes}`);
    assert(/名册\.csv 第6行的类别“在编”无法识别/.test(notes), `the bad 类别 (line 6) not named: ${notes}`);
    const box = await page.getByRole('textbox', { name: /应报送支部名单/ }).inputValue();
    assert(box.startsWith('党支部名称\t上级党组织\t类别\t书记\t联系电话') && box.includes('市直机关第四党支部\t工委直辖'), `roster box: ${box}`);
  });

  await step('下载名册模板 downloads the roster template (read back by our own roster reader: a table, its example row skipped)', async () => {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.getByRole('button', { name: '下载名册模板' }).click()]);
    assert(d.suggestedFilename() === '名册模板.xlsx', d.suggestedFilename());
    const file = path.join(work, '名册模板.xlsx');
    await d.saveAs(file);
    const { parseRoster } = load('src/workbook/xlsx/roster.ts');
    const r = await parseRoster(new Uint8Array(fs.readFileSync(file)), '名册模板.xlsx');
    assert(!r.ok && /示例行/.test(r.reason), `template read back: ${JSON.stringify(r.ok ? r.entries : r.reason)}`);
  });

  await step('催报: after a merge with the roster, per 上级党组织 the branches owing, with 书记 and 联系电话; 复制 puts the message on the clipboard', async () => {
    const make = async (name, formId, values, months) => {
      const p = path.join(work, name);
      fs.writeFileSync(p, await filled(formId, values, months));
      return p;
    };
    const app1 = await make('第一支部-附件2.xlsx', 'application', { branchName: '市直机关第一党支部', date: `${year}年4月20日`, memberCount: 23, committeeCount: 5, plan: '按“五化”标准创建。' });
    const app2 = await make('第二支部-附件2.xlsx', 'application', { branchName: '市直机关第二党支部', date: `${year}年5月6日`, memberCount: 12, committeeCount: 3, plan: '按“五化”标准创建。' });
    await page.getByTestId('merge-files').setInputFiles([fixtures['第一支部-附件1.xlsx'], fixtures['第一支部-附件3.xlsx'], app1, app2]);
    await page.getByRole('button', { name: '开始汇总' }).click();
    const panel = page.getByTestId('reminders');
    await panel.waitFor({ timeout: 60000 });
    const groups = await panel.getByTestId('reminder-group').allInnerTexts();
    assert(groups.length === 2 && groups[0].startsWith(P) && groups[1].startsWith('工委直辖'), `groups: ${JSON.stringify(groups)}`);
    const items = panel.getByRole('list', { name: `${P}：未报送的党支部` }).getByRole('listitem');
    const texts = await items.allInnerTexts();
    assert(texts.length === 2 && texts[0].includes('市直机关第二党支部') && texts[0].includes('未报送：附件3') && texts[1].includes('市直机关第三党支部') && texts[1].includes('附件2、附件3'), `items: ${JSON.stringify(texts)}`);
    const due = `${year}-04-30`;
    const days = daysBetween(due, today);
    assert(texts[1].includes(`截止日期：${year}年4月30日（已逾期${days}天）`) && texts[1].includes('书记：王五') && texts[1].includes('13900000000'), `third: ${texts[1]}`);

    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const third = items.nth(1);
    await third.getByRole('button', { name: '复制给“市直机关第三党支部”的催报通知' }).click();
    await third.getByTestId('copy-done').waitFor({ timeout: 10000 });
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    const expected = committeeSheetsZh.branchMessage('市直机关第三党支部', ['application', 'progress'], due, days, today);
    assert(clip === expected, `clipboard:\n${clip}\nexpected:\n${expected}`);
    await third.getByRole('button', { name: '查看通知：市直机关第三党支部' }).click();
    assert((await third.getByTestId('reminder-message').innerText()) === expected, 'the message shown differs from the one copied');

    await panel.getByRole('button', { name: '复制全部催报通知' }).click();
    await panel.getByText(/已复制全部 \d+ 条催报通知/).waitFor({ timeout: 10000 });
    const all = await page.evaluate(() => navigator.clipboard.readText());
    assert(all.includes(expected) && all.startsWith('催报通知（截至') && all.includes(`${P}：\n`), `复制全部:\n${all.slice(0, 400)}`);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert(scroll <= client, `page is ${scroll}px wide in a ${client}px pane with 催报 open`);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: path.join(artifacts, '11-reminders.png') });
  });

  await step('催报: the clipboard refused (as in Excel on the web): the message is shown selected, with what to do in Chinese', async () => {
    await page.evaluate(() => {
      const refuse = () => Promise.reject(new DOMException('The Clipboard API has been blocked because of a permissions policy applied to the current document.', 'NotAllowedError'));
      Object.defineProperty(navigator.clipboard, 'writeText', { value: refuse, configurable: true });
      document.execCommand = () => false;
    });
    const second = page.getByTestId('reminder-branch').first();
    await second.getByRole('button', { name: /^复制给“市直机关第二党支部”/ }).click();
    const box = second.getByTestId('copy-fallback');
    await box.waitFor({ timeout: 10000 });
    const said = await second.getByRole('status').innerText();
    assert(said.includes('不允许本页面写入剪贴板') && said.includes('Ctrl+C'), `fallback says: ${said}`);
    const sel = await box.evaluate((el) => ({ focused: document.activeElement === el, start: el.selectionStart, end: el.selectionEnd, len: el.value.length, text: el.value }));
    assert(sel.focused && sel.start === 0 && sel.end === sel.len && sel.text.startsWith('市直机关第二党支部：\n'), `fallback selection: ${JSON.stringify(sel).slice(0, 300)}`);
  });

  await step('charts: 报送率/完成率 per 上级党组织 and the 12-month curve after the merge, labels ≥ 12 px and not overlapping at 320 px, figures as text', async () => {
    const charts = page.getByTestId('charts');
    await charts.waitFor({ timeout: 30000 });
    const table = await page.getByTestId('chart-bars-table').evaluate((t) => [...t.querySelectorAll('tr')].map((r) => [...r.children].map((c) => c.textContent)));
    // 市直机关委员会: 附件2 owed 3 (two sent, one late), 附件3 owed 3 (one sent), 附件1 owed once and sent: 4 of 7. 工委直辖: 附件2+附件3 of one branch, none sent: 0 of 2.
    assert(JSON.stringify(table.slice(1).map((r) => r.slice(0, 3))) === JSON.stringify([[P, '57%', '4/7'], ['工委直辖', '0%', '0/2']]), `bars table: ${JSON.stringify(table)}`);
    const curveRows = await page.getByTestId('chart-curve-table').locator('tbody tr').count();
    assert(curveRows === 12, `curve table rows: ${curveRows}`);
    const measured = await charts.evaluate((root) => {
      const visible = (el) => !el.closest('table') && el.getClientRects().length > 0;
      const texts = [...root.querySelectorAll('svg text')].filter(visible).map((el) => {
        const r = el.getBoundingClientRect();
        return { t: el.textContent, x: r.x, y: r.y, w: r.width, h: r.height, size: parseFloat(getComputedStyle(el).fontSize) };
      });
      const html = [...root.querySelectorAll('span, figcaption')].filter((el) => visible(el) && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())).map((el) => ({ t: el.textContent, size: parseFloat(getComputedStyle(el).fontSize) }));
      return { texts, html, width: root.getBoundingClientRect().width };
    });
    const small = [...measured.texts, ...measured.html].filter((x) => x.size < 12);
    assert(measured.texts.length >= 15 && small.length === 0, `labels below 12 px: ${JSON.stringify(small)} (${measured.texts.length} svg labels)`);
    const over = overlaps(measured.texts);
    assert(over.length === 0, `overlapping chart labels: ${over.join(', ')}`);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert(scroll <= client, `page is ${scroll}px wide in a ${client}px pane with the charts`);
    await charts.scrollIntoViewIfNeeded();
    await charts.screenshot({ path: path.join(artifacts, '12-charts-320.png') });
    if (process.env.WUHUA_DOCS_SHOTS === '1') fs.copyFileSync(path.join(artifacts, '12-charts-320.png'), path.join(docs, 'charts-320.png'));
    // Leave the 汇总 tab as the next steps expect it: no roster.
    await page.getByRole('textbox', { name: /应报送支部名单/ }).fill('');
  });
};
