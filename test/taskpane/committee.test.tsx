/** @jest-environment jsdom */
import './textCodec';
/**
 * The committee's views in the 汇总 tab: 催报 (list, 复制 with the clipboard granted and
 * refused, 复制全部), the charts' figures as text, what a missing roster leaves unjudged,
 * the roster's notes and the roster template.
 */
import { unzipSync } from 'fflate';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { mergeSubmissions, reminders, remindersText, type RosterEntry } from '../../src/merge';
import { committeeZh } from '../../src/i18n/committee';
import type { IntakeResult } from '../../src/model/types';
import type { Host } from '../../src/taskpane/host';
import { FakeHost } from './fakeHost';
import { months, okOne, sub } from '../merge/helpers';

afterEach(() => {
  cleanup();
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
});

const A = '中共甲局机关委员会';
const roster: RosterEntry[] = [
  { name: '甲局第一党支部', parent: A, hasDemo: false, secretary: '张三', phone: '13907461234' },
  { name: '甲局第二党支部', parent: A, secretary: '李四' },
  { name: '乙局第一党支部', parent: '中共乙局机关委员会', status: '已达标', hasDemo: true },
];
const inputs: IntakeResult[] = [
  okOne(sub('application', '甲局第一党支部', 'a1/附件2.xlsx', { date: '2019-04-25' })),
  okOne(sub('progress', '甲局第一党支部', 'a1/附件3.xlsx', { date: '2019-04-25' }, { months: months(['完成', '完成', '完成']) })),
];
const withRoster = mergeSubmissions(inputs, { asOf: '2019-05-10', roster });

async function mergeWith(host: FakeHost) {
  host.mergeResults = inputs;
  render(<App host={host} initialTab="merge" />);
  // 汇总 is a lazy chunk (App.tsx): its inputs appear once it has loaded.
  fireEvent.change(await screen.findByTestId('merge-files'), { target: { files: inputs.map((r) => new File([new Uint8Array([0x50, 0x4b])], r.file)) } });
  fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
}

function grantClipboard(writeText: (t: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

describe('催报', () => {
  test('per 上级党组织 the branches owing, with form, deadline, days overdue, 书记 and 联系电话; 复制 puts the same message as the 催报 sheet on the clipboard', async () => {
    const host = new FakeHost('standalone');
    host.summary = withRoster;
    const copied: string[] = [];
    grantClipboard(async (t) => void copied.push(t));
    await mergeWith(host);
    const panel = await screen.findByTestId('reminders', {}, { timeout: 15000 });
    const groups = within(panel).getAllByTestId('reminder-group');
    expect(groups.map((g) => within(g).getByRole('heading').textContent)).toEqual([A]); // 乙局 owes nothing
    const list = within(groups[0]).getByRole('list', { name: `${A}：未报送的党支部` });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('甲局第二党支部');
    expect(items[0].textContent).toContain('未报送：附件2、附件3');
    expect(items[0].textContent).toContain('截止日期：2019年4月30日（已逾期10天）');
    expect(items[0].textContent).toContain('书记：李四　联系电话：（名册未填）');
    expect(groups[0].textContent).toContain('本单位尚无示范点，未报送附件1（截止日期：2019年5月31日，距截止还有21天）');

    const expected = reminders(withRoster.obligations!);
    fireEvent.click(within(items[0]).getByRole('button', { name: '复制给“甲局第二党支部”的催报通知' }));
    await within(items[0]).findByTestId('copy-done');
    expect(copied).toEqual([expected[0].branches[0].message]);
    fireEvent.click(within(groups[0]).getByRole('button', { name: `复制给“${A}”的催报通知` }));
    await waitFor(() => expect(copied).toHaveLength(2));
    expect(copied[1]).toBe(expected[0].message);

    fireEvent.click(within(items[0]).getByRole('button', { name: '查看通知：甲局第二党支部' }));
    expect(within(items[0]).getByTestId('reminder-message').textContent).toBe(expected[0].branches[0].message);
    expect(within(items[0]).getByRole('button', { name: '收起通知：甲局第二党支部' }).getAttribute('aria-expanded')).toBe('true');

    fireEvent.click(within(panel).getByRole('button', { name: '复制全部催报通知' }));
    expect(await within(panel).findByText('已复制全部 2 条催报通知。')).toBeTruthy();
    expect(copied[2]).toBe(remindersText(expected, '2019-05-10'));
  });

  test('a refused clipboard (Office on the web): the text is shown selected for Ctrl+C, and the pane says so in Chinese', async () => {
    const host = new FakeHost('standalone');
    host.summary = withRoster;
    grantClipboard(() => Promise.reject(new DOMException('The Clipboard API has been blocked because of a permissions policy', 'NotAllowedError')));
    await mergeWith(host);
    const item = (await screen.findAllByTestId('reminder-branch', {}, { timeout: 15000 }))[0];
    fireEvent.click(within(item).getByRole('button', { name: /^复制给/ }));
    const box = (await within(item).findByTestId('copy-fallback')) as HTMLTextAreaElement;
    expect(box.value).toBe(reminders(withRoster.obligations!)[0].branches[0].message);
    expect(box.readOnly).toBe(true);
    expect(document.activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, box.value.length]);
    expect(within(item).getByRole('status').textContent).toMatch(/不允许本页面写入剪贴板.*Ctrl\+C/);
  });

  test('nothing owed: says so; no roster: no 催报, and the pane says plainly what could not be judged', async () => {
    const host = new FakeHost('standalone');
    host.summary = mergeSubmissions(inputs, { asOf: '2019-05-10', roster: [{ name: '甲局第一党支部', parent: A, hasDemo: true }] });
    await mergeWith(host);
    expect((await screen.findByTestId('reminders-none', {}, { timeout: 15000 })).textContent).toBe('截至今天，名册中没有应报未报的表单。');
    cleanup();

    const bare = new FakeHost('standalone');
    bare.summary = mergeSubmissions(inputs, { asOf: '2019-05-10' });
    await mergeWith(bare);
    const judged = await screen.findByTestId('not-judged');
    expect(judged.textContent).toContain(committeeZh.notJudged.noRoster);
    expect(screen.queryByTestId('reminders')).toBeNull();
  });
});

describe('charts', () => {
  test('报送率 and 完成率 per 上级党组织 and the 12-month curve, with their figures in tables for screen readers; nothing owed is "—"', async () => {
    const host = new FakeHost('standalone');
    host.summary = withRoster;
    await mergeWith(host);
    const charts = await screen.findByTestId('charts', {}, { timeout: 15000 });
    const bars = within(charts).getByTestId('chart-bars-table');
    const rows = within(bars).getAllByRole('row').map((r) => Array.from(r.querySelectorAll('th,td')).map((c) => c.textContent));
    // 甲局: 附件2 + 附件3 owed by both branches (4) and its 附件1 (1): 2 of 5 sent; 4 months due, 3 done by the one 附件3.
    expect(rows).toEqual([
      ['上级党组织', '报送率', '已报/应报', '完成率', '已完成/到期月份'],
      [A, '40%', '2/5', '75%', '3/4'],
      ['中共乙局机关委员会', '—', '0/0', '—', '0/0'],
    ]);
    const curve = within(charts).getByTestId('chart-curve-table');
    expect(within(curve).getAllByRole('row')[1].textContent).toBe('1月1/1100%已到期');
    expect(within(curve).getAllByRole('row')[5].textContent).toBe('5月0/10%未到期');
    // The drawings themselves are hidden from screen readers.
    expect(charts.querySelectorAll('svg').length).toBeGreaterThan(0);
    for (const svg of Array.from(charts.querySelectorAll('svg'))) expect(svg.closest('[aria-hidden="true"]')).not.toBeNull();
  });
});

describe('roster', () => {
  test('a roster file read: how many branches, the columns, what was ignored and the bad rows with their row numbers', async () => {
    const host = new FakeHost('standalone');
    host.rosters.set('名册.xlsx', {
      ok: true,
      names: ['党支部名称\t上级党组织', '甲局第一党支部\t' + A],
      notes: ['名册中以下列不是本工具使用的栏目，已忽略：备注2', '名册.xlsx（工作表：名册）第4行有内容但没有填写党支部名称，未计入名册'],
      count: 1,
      structured: true,
      columns: ['党支部名称', '上级党组织'],
    });
    render(<App host={host} initialTab="merge" />);
    fireEvent.change(await screen.findByTestId('roster-file'), { target: { files: [new File(['x'], '名册.xlsx')] } });
    const notes = await screen.findByTestId('roster-notes');
    expect(notes.textContent).toContain('名册「名册.xlsx」的读取情况');
    expect(notes.textContent).toContain('读到 1 个党支部（按表头识别各列）');
    expect(notes.textContent).toContain('识别的列：党支部名称、上级党组织');
    expect(within(notes).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '名册中以下列不是本工具使用的栏目，已忽略：备注2',
      '名册.xlsx（工作表：名册）第4行有内容但没有填写党支部名称，未计入名册',
    ]);
    // Emptying the roster box drops the notes with it.
    fireEvent.change(screen.getByRole('textbox', { name: /应报送支部名单/ }), { target: { value: '' } });
    expect(screen.queryByTestId('roster-notes')).toBeNull();
  });

  test('下载名册模板 hands over the same bytes as bin/wuhua template roster', async () => {
    const host = new FakeHost('standalone');
    const handed: { bytes: Uint8Array; fileName: string }[] = [];
    (host as Host).handOver = async (f) => {
      handed.push(f);
      return { kind: 'downloaded', fileName: f.fileName };
    };
    render(<App host={host} initialTab="merge" />);
    fireEvent.click(await screen.findByRole('button', { name: '下载名册模板' }));
    await screen.findByText('已下载「名册模板.xlsx」', {}, { timeout: 30000 });
    const { rosterTemplateBytes } = await import('../../src/workbook/xlsx/rosterTemplate');
    expect(handed).toHaveLength(1);
    // The same workbook part for part; only docProps/core.xml carries the time it was made.
    const parts = (b: Uint8Array) => Object.entries(unzipSync(b)).filter(([name]) => name !== 'docProps/core.xml');
    expect(parts(handed[0].bytes)).toEqual(parts(await rosterTemplateBytes()));
  });
});

describe('a typed or pasted roster', () => {
  test('the merge job says what it read and left out, each bad row by its line; text without a name is named unusable', async () => {
    const { merge } = await import('../../src/taskpane/work/jobs');
    const text = ['党支部名称\t上级党组织\t类别\t备注', `甲局第一党支部\t${A}\t在职\t`, `\t${A}\t在职\t无名`, `甲局第二党支部\t${A}\t在编\t`].join('\n');
    const r = await merge({ files: [], rosterText: text, asOf: '2019-05-10' });
    expect(r.cancelled).toBe(false);
    if (r.cancelled) return;
    expect(r.summary.hasRoster).toBe(true);
    expect(r.roster).toEqual({
      ok: true,
      names: [],
      count: 2,
      structured: true,
      columns: ['党支部名称', '上级党组织', '类别'],
      notes: ['名册中以下列不是本工具使用的栏目，已忽略：备注', '粘贴的名单 第3行有内容但没有填写党支部名称，未计入名册', '粘贴的名单 第4行的类别“在编”无法识别（应为在职、离退休），该项按未填写处理'],
    });
    const none = await merge({ files: [], rosterText: '党支部名称\n', asOf: '2019-05-10' });
    expect(!none.cancelled && none.roster).toEqual({ ok: false, reason: '名册中没有找到任何党支部名称' });
    expect(!none.cancelled && none.summary.hasRoster).toBe(false);
  });

  test('the pane shows them under the results, unless the roster came from a file (its notes are shown when it is read)', async () => {
    const host = new FakeHost('standalone');
    host.summary = withRoster;
    const base = host.mergeFiles.bind(host);
    host.mergeFiles = async (req) => {
      const out = await base(req);
      return out.cancelled ? out : { ...out, roster: { ok: false, reason: '名册中没有找到任何党支部名称' } };
    };
    await mergeWith(host);
    expect((await screen.findByTestId('roster-notes')).textContent).toBe('名册「粘贴的名单」无法使用，本次汇总按没有名册处理：名册中没有找到任何党支部名称');
  });
});

test('a roster with many bad rows: the first 20 notes, the rest on 显示更多', async () => {
  const host = new FakeHost('standalone');
  const notes = Array.from({ length: 45 }, (_, i) => `名册.csv 第${i + 2}行有内容但没有填写党支部名称，未计入名册`);
  host.rosters.set('名册.csv', { ok: true, names: ['甲局第一党支部'], notes, count: 1, structured: true, columns: ['党支部名称'] });
  render(<App host={host} initialTab="merge" />);
  fireEvent.change(await screen.findByTestId('roster-file'), { target: { files: [new File(['x'], '名册.csv')] } });
  const box = await screen.findByTestId('roster-notes');
  expect(within(box).getAllByRole('listitem')).toHaveLength(20);
  expect(box.textContent).toContain('以下 45 处未能使用');
  expect(box.textContent).toContain('另有 25 项未显示');
  fireEvent.click(within(box).getByRole('button', { name: '显示更多' }));
  fireEvent.click(within(box).getByRole('button', { name: '显示更多' }));
  expect(within(box).getAllByRole('listitem')).toHaveLength(45);
  expect(within(box).queryByRole('button', { name: '显示更多' })).toBeNull();
});
