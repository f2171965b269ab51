/** @jest-environment jsdom */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { IntakeResult } from '../../src/model/types';
import { FakeHost, emptySummary, submission } from './fakeHost';

afterEach(cleanup);

const results: IntakeResult[] = [
  { ok: true, file: 'clean.xlsx', submissions: [submission({ file: 'clean.xlsx', sheet: 'S1', fields: { branchName: '第一党支部' } })] },
  {
    ok: true,
    file: 'bad-count.xlsx',
    submissions: [
      submission({
        file: 'bad-count.xlsx',
        sheet: 'S1',
        form: 'application',
        fields: { branchName: '第二党支部' },
        issues: [{ rule: 'member-count-min', severity: 'error', field: 'memberCount', cell: 'B5', message: '党员人数不足3人，不能单独成立党支部' }],
      }),
    ],
  },
  { ok: false, file: 'random.xlsx', reason: '文件已损坏或不是 Excel 文件' },
];

const files = () => results.map((r) => new File([new Uint8Array([0x50, 0x4b])], r.file));

async function pick(host: FakeHost) {
  host.mergeResults = results;
  host.summary = emptySummary({
    files: 3,
    hasRoster: true,
    missing: [{ name: '第九党支部' }],
    duplicates: [{ branch: '第一党支部', form: 'demonstration', kept: 'new.xlsx', superseded: ['old.xlsx'], keptSheet: 'S1', supersededSheets: ['S1'] }],
    rejected: [{ file: 'random.xlsx', reason: '文件已损坏或不是 Excel 文件' }],
  });
  render(<App host={host} initialTab="merge" />);
  // 汇总 is a lazy chunk (App.tsx): its inputs appear once it has loaded.
  fireEvent.change(await screen.findByTestId('merge-files'), { target: { files: files() } });
}

describe('汇总 tab', () => {
  test('merges the picked files and shows each file: form, branch, problems, rejected with reason; duplicates and 未报送', async () => {
    const host = new FakeHost('standalone');
    await pick(host);
    expect(screen.getByTestId('merge-count').textContent).toBe('已选择 3 个文件');
    fireEvent.change(screen.getByRole('textbox', { name: /应报送支部名单/ }), { target: { value: '第一党支部\n第二党支部\n\n第九党支部\n第一党支部' } });
    fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
    const rows = await screen.findAllByTestId('file-result');
    // rejected first, then files with errors, then clean ones
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('random.xlsx'),
      expect.stringContaining('bad-count.xlsx'),
      expect.stringContaining('clean.xlsx'),
    ]);
    expect(within(rows[0]).getByTestId('reject-reason').textContent).toBe('文件已损坏或不是 Excel 文件');
    expect(within(rows[1]).getByText(/附件2 申报表 · 第二党支部/)).toBeTruthy();
    expect(within(rows[1]).getByText('错误 1')).toBeTruthy();
    expect(within(rows[2]).getByText('无问题')).toBeTruthy();
    expect(screen.getByTestId('duplicates').textContent).toContain('第一党支部：采用 new.xlsx，忽略 old.xlsx');
    expect(screen.getByTestId('missing').textContent).toContain('第九党支部');

    const req = host.callsOf('mergeFiles')[0][0] as { rosterText: string; files: File[]; includeWorkbook: boolean };
    expect(req.rosterText).toBe('第一党支部\n第二党支部\n\n第九党支部\n第一党支部');
    expect(req.files.map((f) => f.name)).toEqual(['clean.xlsx', 'bad-count.xlsx', 'random.xlsx']);
    expect(req.includeWorkbook).toBe(false);

    // Standalone: the summary is a download, and the button says so.
    expect(screen.queryByRole('button', { name: '生成汇总表' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '下载汇总表' }));
    await screen.findByText('已下载「汇总.xlsx」');
    expect(host.callsOf('writeSummary')).toEqual([[host.summary]]);
  });

  test('a file\'s problems open under it (the sheet once, each problem with its cell) and close again', async () => {
    const host = new FakeHost('standalone');
    await pick(host);
    fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
    const rows = await screen.findAllByTestId('file-result');
    expect(within(rows[2]).queryByRole('button', { name: /查看问题/ })).toBeNull(); // clean.xlsx: nothing to show
    const toggle = within(rows[1]).getByRole('button', { name: /查看问题（1）：bad-count\.xlsx/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(rows[1]).queryByTestId('file-problems')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = within(rows[1]).getByTestId('file-problems');
    expect(within(list).getByText('S1')).toBeTruthy();
    expect(within(list).getByText('B5：党员人数不足3人，不能单独成立党支部')).toBeTruthy();
    fireEvent.click(within(rows[1]).getByRole('button', { name: /收起问题（1）/ }));
    expect(within(rows[1]).queryByTestId('file-problems')).toBeNull();
  });

  test('in Excel a problem of this workbook\'s own forms selects its cell', async () => {
    const host = new FakeHost('excel');
    host.mergeResults = [
      {
        ok: true,
        file: '本工作簿',
        submissions: [submission({ file: '本工作簿', sheet: '附件2', form: 'application', issues: [{ rule: 'r', severity: 'error', field: 'memberCount', cell: 'B4', message: '党员人数不足3人' }] })],
      },
    ];
    render(<App host={host} initialTab="merge" />);
    fireEvent.click(await screen.findByRole('button', { name: '开始汇总' }));
    const row = await screen.findByTestId('file-result');
    fireEvent.click(within(row).getByRole('button', { name: /查看问题/ }));
    fireEvent.click(within(row).getByRole('button', { name: /定位到 附件2 的 B4/ }));
    await waitFor(() => expect(host.callsOf('selectCell')).toEqual([['附件2', 'B4']]));
  });

  test('取消 stops the merge between files: no summary, a cancelled notice with how far it got', async () => {
    const host = new FakeHost('standalone');
    let open!: () => void;
    host.gate = new Promise<void>((r) => (open = r));
    await pick(host);
    fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
    expect(await screen.findByRole('progressbar')).toBeTruthy();
    expect(screen.getByText('正在处理第 1/3 个：clean.xlsx')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await act(async () => open());
    const notice = await screen.findByTestId('cancelled');
    expect(notice.textContent).toBe('已取消：处理了 0/3 个文件，未生成汇总。');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('button', { name: '生成汇总表' })).toBeNull();
    expect((host.callsOf('mergeFiles')[0][0] as { signal: AbortSignal }).signal.aborted).toBe(true);
  });

  test('in Excel the workbook forms can be merged without any file, and the summary is written as sheets', async () => {
    const host = new FakeHost('excel');
    render(<App host={host} initialTab="merge" />);
    expect(await screen.findByRole('checkbox', { name: '包括本工作簿中的表单' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
    fireEvent.click(await screen.findByRole('button', { name: '生成汇总表' }));
    await screen.findByText('已写入工作表：汇总、进度、问题清单');
    expect(host.callsOf('mergeFiles')[0][0]).toMatchObject({ includeWorkbook: true, rosterText: undefined });
  });

  test('files dropped on the drop zone are added to the picked ones; the folder button picks a directory', async () => {
    const host = new FakeHost('standalone');
    render(<App host={host} initialTab="merge" />);
    fireEvent.change(await screen.findByTestId('merge-files'), { target: { files: [new File(['x'], 'a.xlsx')] } });
    fireEvent.drop(screen.getByTestId('merge-files-drop'), { dataTransfer: { files: [new File(['y'], 'b.xlsx'), new File(['z'], 'c.xlsx')], items: [] } });
    await waitFor(() => expect(screen.getByTestId('merge-count').textContent).toBe('已选择 3 个文件'));
    expect(screen.getByTestId('merge-files-folder').hasAttribute('webkitdirectory')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '清空' }));
    expect(screen.getByTestId('merge-count').textContent).toBe('已选择 0 个文件');
  });

  test('standalone with no file picked cannot start', async () => {
    const host = new FakeHost('standalone');
    render(<App host={host} initialTab="merge" />);
    // Disabled but focusable (it disables itself while running; focus must not fall to the page).
    const start = await screen.findByRole('button', { name: '开始汇总' });
    expect(start.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(start);
    expect(host.callsOf('mergeFiles')).toHaveLength(0);
  });

  test('names read from a roster file are appended to the pasted ones; an unusable roster file is reported', async () => {
    const host = new FakeHost('standalone');
    host.rosters.set('roster.xlsx', { ok: true, names: ['乙支部', '丙支部'] });
    render(<App host={host} initialTab="merge" />);
    const box = (await screen.findByRole('textbox', { name: /应报送支部名单/ })) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: '甲支部\n' } });
    fireEvent.change(screen.getByTestId('roster-file'), { target: { files: [new File(['x'], 'roster.xlsx')] } });
    await waitFor(() => expect(box.value).toBe('甲支部\n乙支部\n丙支部'));
    fireEvent.change(screen.getByTestId('roster-file'), { target: { files: [new File([''], 'empty.txt')] } });
    expect((await screen.findByTestId('error')).textContent).toContain('名单文件「empty.txt」无法使用：文件中没有找到支部名称');
    expect(box.value).toBe('甲支部\n乙支部\n丙支部');
  });

  test('a merge failure is shown in Chinese', async () => {
    const host = new FakeHost('standalone');
    await pick(host);
    host.failWith.mergeFiles = new Error('浏览器内存不足，请分批汇总。');
    fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
    expect((await screen.findByTestId('error')).textContent).toContain('请分批汇总');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  test('the first paint draws only the tab shown; a tab chosen is drawn then and keeps its state after', async () => {
    render(<App host={new FakeHost('standalone')} />);
    expect(screen.queryByTestId('merge-files')).toBeNull();
    expect(screen.queryByRole('button', { name: '生成打印包', hidden: true })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    fireEvent.change(await screen.findByTestId('merge-files'), { target: { files: [new File(['a'], 'a.xlsx')] } });
    fireEvent.click(screen.getByRole('tab', { name: '填写' }));
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    expect(screen.getByTestId('merge-count').textContent).toBe('已选择 1 个文件');
  });

  test('the same files picked twice (same name, size and time) are counted once, and the pane says how many it ignored', async () => {
    const host = new FakeHost('standalone');
    render(<App host={host} initialTab="merge" />);
    const a = new File(['aaaa'], 'a.xlsx', { lastModified: 1000 });
    const b = new File(['bb'], 'b.xlsx', { lastModified: 1000 });
    fireEvent.change(await screen.findByTestId('merge-files'), { target: { files: [a, b] } });
    // Picked again (a new File object of the same file), plus one new file and one that only shares the name.
    const again = new File(['aaaa'], 'a.xlsx', { lastModified: 1000 });
    const sameNameOtherFile = new File(['bbbbbb'], 'b.xlsx', { lastModified: 2000 });
    fireEvent.change(screen.getByTestId('merge-files'), { target: { files: [again, sameNameOtherFile, new File(['c'], 'c.xlsx')] } });
    expect(screen.getByTestId('merge-count').textContent).toBe('已选择 4 个文件');
    expect(screen.getByTestId('merge-skipped').textContent).toContain('已忽略 1 个重复选择的文件');
  });

  test('清空, new files, a roster edit each drop the results: no stale download, no stale print pack', async () => {
    const host = new FakeHost('standalone');
    await pick(host);
    // 打印 once opened, then back: a tab is drawn when first chosen and stays.
    fireEvent.click(screen.getByRole('tab', { name: '打印' }));
    await screen.findByRole('button', { name: '生成打印包' });
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
    await screen.findByTestId('merge-results');
    // The print pack is offered for the merged summary …
    expect(screen.getByRole('button', { name: '生成打印包', hidden: true })).toHaveProperty('disabled', false);
    fireEvent.change(screen.getByRole('textbox', { name: /应报送支部名单/ }), { target: { value: '第一党支部' } });
    expect(screen.queryByTestId('merge-results')).toBeNull();
    expect(screen.queryByRole('button', { name: '下载汇总表' })).toBeNull();
    expect(screen.getByTestId('merge-stale').textContent).toContain('请重新开始汇总');
    // … and no longer once the inputs changed.
    expect(screen.getByRole('button', { name: '生成打印包', hidden: true })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
    await screen.findByTestId('merge-results');
    fireEvent.change(screen.getByTestId('merge-files'), { target: { files: [new File(['n'], 'new.xlsx')] } });
    expect(screen.queryByTestId('merge-results')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
    await screen.findByTestId('merge-results');
    fireEvent.click(screen.getByRole('button', { name: '清空' }));
    expect(screen.queryByTestId('merge-results')).toBeNull();
    expect(screen.queryAllByTestId('file-result')).toHaveLength(0);
    expect(screen.getByRole('button', { name: '开始汇总' }).getAttribute('aria-disabled')).toBe('true');
  });

  test('a roster imported from a file is named as that file; typed after, as that file edited', async () => {
    const host = new FakeHost('standalone');
    host.rosters.set('名册.xlsx', { ok: true, names: ['乙支部', '丙支部'] });
    await pick(host);
    fireEvent.change(screen.getByTestId('roster-file'), { target: { files: [new File(['x'], '名册.xlsx')] } });
    await waitFor(() => expect((screen.getByRole('textbox', { name: /应报送支部名单/ }) as HTMLTextAreaElement).value).toBe('乙支部\n丙支部'));
    fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
    await screen.findByTestId('merge-results');
    expect(host.callsOf('mergeFiles')[0][0]).toMatchObject({ rosterText: '乙支部\n丙支部', rosterSource: '名册.xlsx' });
    fireEvent.change(screen.getByRole('textbox', { name: /应报送支部名单/ }), { target: { value: '乙支部\n丙支部\n丁支部' } });
    fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
    await screen.findByTestId('merge-results');
    expect(host.callsOf('mergeFiles')[1][0]).toMatchObject({ rosterSource: '名册.xlsx（已修改）' });
  });

  test('a live region says when the merge starts, completes and is cancelled; the keyboard stays on the run', async () => {
    const host = new FakeHost('standalone');
    await pick(host);
    const live = screen.getByTestId('live');
    expect(live.getAttribute('aria-live')).toBe('polite');
    const startButton = screen.getByRole('button', { name: '开始汇总' });
    startButton.focus();
    fireEvent.click(startButton);
    await screen.findByTestId('merge-results');
    expect(live.textContent).toBe('共 3 个文件，读到 0 份表单，1 个文件未受理。');

    let open!: () => void;
    host.gate = new Promise<void>((r) => (open = r));
    fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
    const cancel = await screen.findByRole('button', { name: '取消' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    expect(live.textContent).toBe('开始汇总 3 个文件');
    fireEvent.click(cancel);
    await act(async () => open());
    await screen.findByTestId('cancelled');
    expect(live.textContent).toBe('已取消：处理了 0/3 个文件，未生成汇总。');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: '开始汇总' })));
  });
});
