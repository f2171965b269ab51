/** @jest-environment jsdom */
/** 按名册生成模板 in the 汇总 tab: it takes the roster in the box, runs the job, downloads the zip and says what it did. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { FakeHost } from './fakeHost';

const mockRunJob = jest.fn();
jest.mock('../../src/taskpane/work/client', () => ({ ...jest.requireActual('../../src/taskpane/work/client'), runJob: (...a: unknown[]) => mockRunJob(...a) }));
const mockDownload = jest.fn<void, [Uint8Array, string]>();
jest.mock('../../src/taskpane/files', () => ({ ...jest.requireActual('../../src/taskpane/files'), downloadBytes: (b: Uint8Array, n: string) => mockDownload(b, n) }));

afterEach(() => {
  cleanup();
  mockRunJob.mockReset();
  mockDownload.mockReset();
});

const button = () => screen.getByRole('button', { name: '按名册生成模板' });
const roster = '党支部名称\t上级党组织\n甲党支部\t财政局机关党委';

test('without a roster the action waits for one and says so; with one it runs on the box, downloads 下发模板.zip and says how many', async () => {
  const host = new FakeHost('standalone');
  render(<App host={host} initialTab="merge" />);
  // 汇总 is a lazy chunk (App.tsx): its buttons appear once it has loaded.
  expect((await screen.findByRole('button', { name: '按名册生成模板' })).getAttribute('aria-disabled')).toBe('true');
  expect(screen.getByTestId('dispatch-status').textContent).toContain('请先在上方粘贴名册');

  fireEvent.change(screen.getByRole('textbox', { name: /应报送支部名单/ }), { target: { value: roster } });
  mockRunJob.mockImplementation(async (_job: string, _arg: unknown, opts: { onProgress(p: object): void }) => {
    opts.onProgress({ done: 1, total: 2 });
    return { bytes: new Uint8Array([0x50, 0x4b]), notes: ['1 个党支部不需报送附件2、附件3'], files: 2, folders: 1 };
  });
  fireEvent.click(button());
  await waitFor(() => expect(mockDownload).toHaveBeenCalled());
  expect(mockRunJob.mock.calls[0][0]).toBe('dispatchFile');
  expect(mockRunJob.mock.calls[0][1]).toMatchObject({ rosterText: roster, forms: ['application', 'progress'] });
  expect(mockDownload.mock.calls[0][1]).toBe('下发模板.zip');
  await waitFor(() => expect(screen.getByTestId('dispatch-status').textContent).toBe('已生成 2 个预填模板（1 个文件夹），已下载 下发模板.zip。'));
  expect(screen.getByTestId('dispatch-notes').textContent).toContain('不需报送');
  expect(screen.getByTestId('notice').textContent).toContain('已下载'); // the pane's confirmation, without warnings
  expect(screen.queryByTestId('notice-notes')).toBeNull();
});

test('the forms are chosen with checkboxes (附件1 too); none chosen disables the action', async () => {
  render(<App host={new FakeHost('standalone')} initialTab="merge" />);
  fireEvent.change(await screen.findByRole('textbox', { name: /应报送支部名单/ }), { target: { value: roster } });
  fireEvent.click(screen.getByRole('checkbox', { name: '附件2' }));
  fireEvent.click(screen.getByRole('checkbox', { name: '附件3' }));
  expect(button().getAttribute('aria-disabled')).toBe('true');
  expect(screen.getByTestId('dispatch-status').textContent).toBe('请至少选择一张表。');
  fireEvent.click(screen.getByRole('checkbox', { name: '附件1' }));
  mockRunJob.mockResolvedValue({ notes: ['按名册，所选的表没有哪个党支部需要报送，未生成任何文件。'], files: 0, folders: 0 });
  fireEvent.click(button());
  await waitFor(() => expect(screen.getByTestId('dispatch-status').textContent).toContain('未生成任何文件'));
  expect(mockRunJob.mock.calls[0][1]).toMatchObject({ forms: ['demonstration'] });
  expect(mockDownload).not.toHaveBeenCalled();
});

test('a failure is reported, and the status line cleared', async () => {
  render(<App host={new FakeHost('standalone')} initialTab="merge" />);
  fireEvent.change(await screen.findByRole('textbox', { name: /应报送支部名单/ }), { target: { value: roster } });
  mockRunJob.mockRejectedValue(new Error('名单中没有任何支部名称'));
  fireEvent.click(button());
  await screen.findByText(/名单中没有任何支部名称/);
  expect(screen.getByTestId('dispatch-status').textContent).toBe('');
});

test('inside Excel the zip is downloaded too (no workbook to open), and the pane says a download may not arrive', async () => {
  render(<App host={new FakeHost('excel')} initialTab="merge" />);
  fireEvent.change(await screen.findByRole('textbox', { name: /应报送支部名单/ }), { target: { value: roster } });
  mockRunJob.mockResolvedValue({ bytes: new Uint8Array([0x50, 0x4b]), notes: [], files: 2, folders: 1 });
  fireEvent.click(button());
  await waitFor(() => expect(mockDownload).toHaveBeenCalledWith(expect.any(Uint8Array), '下发模板.zip'));
  expect((await screen.findByTestId('notice-notes')).textContent).toContain('Mac 版 Excel 不支持下载');
});
