/** @jest-environment jsdom */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { notes } from '../../src/i18n/taskpane';
import { HOST_NOTES } from '../../src/i18n/excel';
import { FakeHost, submission } from './fakeHost';

afterEach(cleanup);

const checked = () => ({
  submissions: [
    submission({
      sheet: '附件1 示范点创建申报表',
      issues: [
        { rule: 'member-count-min', severity: 'error', field: 'memberCount', cell: 'B5', message: '党员人数不足3人，不能单独成立党支部' },
        { rule: 'required', severity: 'error', field: 'contact', cell: 'H5', message: '请填写联系方式' },
        { rule: 'phone-format', severity: 'warning', field: 'contact', cell: 'H5', message: '联系方式不像电话号码' },
      ],
    }),
    submission({ sheet: '附件3 创建进度表', form: 'progress', fields: { branchName: '第二党支部' }, issues: [{ rule: 'month-empty', severity: 'info', field: 'months.5.goal', cell: 'B9', message: '5月份目标任务未填写' }] }),
  ],
  rejected: [],
});

describe('填写 tab in Excel', () => {
  test('插入新工作表 inserts the chosen attachment (附件2) and confirms the sheet', async () => {
    const host = new FakeHost('excel');
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('radio', { name: /附件2/ }));
    fireEvent.click(screen.getByRole('button', { name: '插入新工作表' }));
    await screen.findByText('已插入工作表「sheet-application」');
    expect(host.callsOf('insertForm')).toEqual([['application']]);
  });

  test('导出模板 opens the template of the chosen form as a new workbook and says to save it', async () => {
    const host = new FakeHost('excel');
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('radio', { name: /附件3/ }));
    fireEvent.click(screen.getByRole('button', { name: '导出模板' }));
    await screen.findByText('已在新工作簿中打开「progress.xlsx」，请用“文件”→“另存为”保存。');
    expect(host.callsOf('exportTemplate')).toEqual([['progress']]);
  });

  test('on an older Excel the confirmation says what was not applied and why', async () => {
    const host = new FakeHost('excel');
    host.notes = [notes.insertNoPageLayout];
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: '插入新工作表' }));
    const notice = await screen.findByTestId('notice');
    expect(notice.textContent).toContain('已插入工作表「sheet-demonstration」');
    expect(notice.textContent).toContain('部分功能未应用');
    expect(within(screen.getByTestId('notice-notes')).getByText(notes.insertNoPageLayout)).toBeTruthy();
    expect(notes.insertNoPageLayout).toMatch(/此版本的 Excel.*不支持.*请/);
  });

  test('a live check whose marks made Excel clear Undo shows the note (the host says it once), not an error', async () => {
    const host = new FakeHost('excel');
    host.sheetResults.set('附件1 示范点创建申报表', { submissions: [], rejected: [], notes: [HOST_NOTES.undoCleared] });
    render(<App host={host} />);
    await waitFor(() => expect(host.callsOf('checkForms')).toHaveLength(1));
    act(() => host.listeners[0]('附件1 示范点创建申报表'));
    const notice = await screen.findByTestId('notice');
    expect(within(screen.getByTestId('notice-notes')).getByText(HOST_NOTES.undoCleared)).toBeTruthy();
    expect(notice.textContent).toContain(HOST_NOTES.checkedTitle);
    expect(screen.queryByTestId('error')).toBeNull();
  });

  test('an edit re-checks only the sheet that changed and keeps the other sheets in the list', async () => {
    const host = new FakeHost('excel');
    host.checkResult = checked();
    render(<App host={host} />);
    expect(await screen.findAllByTestId('sheet-problems')).toHaveLength(2);
    // 附件1 fixed: its re-check finds no problem; 附件3 is not read again.
    host.sheetResults.set('附件1 示范点创建申报表', { submissions: [submission({ sheet: '附件1 示范点创建申报表' })], rejected: [] });
    await act(async () => host.listeners[0]('附件1 示范点创建申报表'));
    expect(host.callsOf('checkForms')[1][0]).toMatchObject({ sheets: ['附件1 示范点创建申报表'] });
    const groups = screen.getAllByTestId('sheet-problems');
    expect(groups).toHaveLength(2);
    expect(within(groups[0]).getByText('没有发现问题')).toBeTruthy();
    expect(within(groups[1]).getByText(/5月份目标任务未填写/)).toBeTruthy();
    expect(within(screen.getByTestId('totals')).queryByText(/错误/)).toBeNull();
  });

  test('a full check that started before an edit and finishes after its re-check keeps the re-checked sheet', async () => {
    const host = new FakeHost('excel');
    render(<App host={host} />);
    await waitFor(() => expect(host.callsOf('checkForms')).toHaveLength(1));
    let open!: () => void;
    host.checkGate = new Promise<void>((r) => (open = r));
    host.checkResult = checked();
    act(() => host.listeners[0]()); // full check, held back (read before the edit)
    host.checkGate = null;
    host.sheetResults.set('附件1 示范点创建申报表', { submissions: [submission({ sheet: '附件1 示范点创建申报表' })], rejected: [] });
    await act(async () => host.listeners[0]('附件1 示范点创建申报表'));
    await act(async () => open());
    const groups = screen.getAllByTestId('sheet-problems');
    expect(groups).toHaveLength(2);
    expect(within(groups[0]).getByText('没有发现问题')).toBeTruthy();
    expect(within(groups[1]).getByText('提示 1')).toBeTruthy();
  });

  test('a sheet re-check that finishes after a newer full check is not shown over it', async () => {
    const host = new FakeHost('excel');
    render(<App host={host} />);
    await waitFor(() => expect(host.callsOf('checkForms')).toHaveLength(1));
    let open!: () => void;
    host.checkGate = new Promise<void>((r) => (open = r));
    host.sheetResults.set('附件1 示范点创建申报表', { submissions: [submission({ sheet: '附件1 示范点创建申报表' })], rejected: [] });
    act(() => host.listeners[0]('附件1 示范点创建申报表')); // held back
    host.checkGate = null;
    host.checkResult = checked();
    await act(async () => host.listeners[0]()); // a full check, newer, done first
    expect(screen.getAllByTestId('sheet-problems')).toHaveLength(2);
    await act(async () => open());
    const groups = screen.getAllByTestId('sheet-problems');
    expect(within(groups[0]).getByText('错误 2')).toBeTruthy();
  });

  test('checks on open, lists problems per sheet with counts, and a click selects the cell', async () => {
    const host = new FakeHost('excel');
    host.checkResult = checked();
    render(<App host={host} />);
    const groups = await screen.findAllByTestId('sheet-problems');
    expect(groups).toHaveLength(2);
    expect(within(groups[0]).getByText('错误 2')).toBeTruthy();
    expect(within(groups[0]).getByText('警告 1')).toBeTruthy();
    expect(within(groups[1]).getByText('提示 1')).toBeTruthy();
    // totals over all sheets
    const totals = screen.getByTestId('totals');
    expect(within(totals).getByText('错误 2')).toBeTruthy();
    expect(within(totals).getByText('提示 1')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /定位到 附件1 示范点创建申报表 的 B5/ }));
    await waitFor(() => expect(host.callsOf('selectCell')).toEqual([['附件1 示范点创建申报表', 'B5']]));
    expect(host.callsOf('checkForms')[0][0]).toMatchObject({ stage: 'filling', files: undefined });
  });

  test('a change in the workbook re-runs the check; switching to 报送 checks in the committee stage', async () => {
    const host = new FakeHost('excel');
    render(<App host={host} />);
    await waitFor(() => expect(host.callsOf('checkForms')).toHaveLength(1));
    expect(host.listeners).toHaveLength(1);
    host.checkResult = checked();
    await act(async () => host.listeners[0]());
    expect(host.callsOf('checkForms')).toHaveLength(2);
    expect(await screen.findAllByTestId('sheet-problems')).toHaveLength(2);

    fireEvent.click(screen.getByRole('radio', { name: '报送' }));
    await waitFor(() => expect(host.callsOf('checkForms')).toHaveLength(3));
    expect(host.callsOf('checkForms')[2][0]).toMatchObject({ stage: 'committee' });
  });

  test('a failure while watching the workbook, or marking cells, is shown — the list still appears', async () => {
    const host = new FakeHost('excel');
    host.checkResult = { ...checked(), failures: [new Error('无法标记单元格：工作表受保护。')] };
    render(<App host={host} />);
    expect((await screen.findByTestId('error')).textContent).toContain('无法标记单元格');
    expect(screen.getAllByTestId('sheet-problems')).toHaveLength(2);
    await act(async () => host.watchErrors[0](new Error('无法监视工作表的更改。')));
    expect(screen.getByTestId('error').textContent).toContain('无法监视工作表的更改');
  });

  test('no form sheet in the workbook says so', async () => {
    const host = new FakeHost('excel');
    render(<App host={host} />);
    await screen.findByText(/本工作簿中没有找到表单/);
  });

  test('a failure from the host is shown in Chinese, not swallowed', async () => {
    const host = new FakeHost('excel');
    host.failWith.insertForm = new Error('工作簿受保护，无法插入工作表。请先撤销工作簿保护。');
    render(<App host={host} />);
    fireEvent.click(screen.getByRole('button', { name: '插入新工作表' }));
    const alert = await screen.findByTestId('error');
    expect(alert.textContent).toContain('工作簿受保护');
  });

  test('an English library error is wrapped in a Chinese message that keeps the detail', async () => {
    const host = new FakeHost('excel');
    host.failWith.checkForms = new TypeError('Cannot read properties of undefined');
    render(<App host={host} />);
    const alert = await screen.findByTestId('error');
    expect(alert.textContent).toContain('发生意外错误');
    expect(alert.textContent).toContain('Cannot read properties of undefined');
  });
});

describe('填写 tab standalone', () => {
  test('says it is not inside Excel; 插入 becomes 下载模板 and there is no separate 导出模板', async () => {
    const host = new FakeHost('standalone');
    render(<App host={host} />);
    const notice = screen.getByTestId('standalone-notice').textContent ?? '';
    expect(notice).toContain('当前不在 Excel 中运行');
    // It names no button the page does not show.
    expect(notice).not.toContain('插入新工作表');
    expect(notice).toContain('下载空白模板');
    expect(screen.queryByRole('button', { name: '插入新工作表' })).toBeNull();
    expect(screen.queryByRole('button', { name: '导出模板' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '下载模板' }));
    await screen.findByText('已下载「demonstration.xlsx」');
    expect(host.callsOf('insertForm')).toEqual([['demonstration']]);
    // nothing to watch outside Excel, and nothing checked before files are chosen
    expect(host.callsOf('watch')).toHaveLength(0);
    expect(host.callsOf('checkForms')).toHaveLength(0);
  });

  test('checks the chosen files; rejected files show their reason; problems show the cell but are not buttons', async () => {
    const host = new FakeHost('standalone');
    host.checkResult = { ...checked(), rejected: [{ file: 'bad.xlsx', reason: '文件不是 .xlsx 格式' }] };
    render(<App host={host} />);
    const file = new File([new Uint8Array([1, 2, 3])], 'a.xlsx');
    fireEvent.change(screen.getByTestId('check-files'), { target: { files: [file] } });
    await screen.findByText('文件不是 .xlsx 格式');
    expect((host.callsOf('checkForms')[0][0] as { files: File[] }).files).toEqual([file]);
    // The sheet is named once, in the group's heading; each problem starts with its cell.
    const group = screen.getAllByTestId('sheet-problems')[0];
    expect(within(group).getByText(/附件1 示范点创建申报表/, { selector: 'h3, span, div' })).toBeTruthy();
    expect(within(group).getByText(/^B5：党员人数不足3人/)).toBeTruthy();
    expect(within(group).queryByText(/附件1 示范点创建申报表!B5/)).toBeNull();
    expect(screen.queryByRole('button', { name: /定位到/ })).toBeNull();
  });
});
