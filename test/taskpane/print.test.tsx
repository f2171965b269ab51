/** @jest-environment jsdom */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { FakeHost } from './fakeHost';

afterEach(cleanup);

describe('打印 tab', () => {
  test('in Excel 应用打印设置 calls the host and confirms how many sheets', async () => {
    const host = new FakeHost('excel');
    render(<App host={host} initialTab="print" />);
    // 打印 is a lazy chunk (App.tsx): its buttons appear once it has loaded.
    fireEvent.click(await screen.findByRole('button', { name: '应用打印设置' }));
    await screen.findByText('已为 4 个工作表应用打印设置');
    expect(host.callsOf('applyPrintSetup')).toHaveLength(1);
  });

  test('on an Excel without ExcelApi 1.9 the button is disabled and says why and what to do', async () => {
    const host = new FakeHost('excel');
    host.printSetupSupported = false;
    render(<App host={host} initialTab="print" />);
    const button = await screen.findByRole('button', { name: '应用打印设置' });
    expect(button).toHaveProperty('disabled', true);
    const why = screen.getByTestId('print-setup-unsupported');
    expect(why.textContent).toMatch(/此版本的 Excel.*不支持.*请/);
    // The button is described by the reason's text, which also labels the message bar.
    const described = document.getElementById(button.getAttribute('aria-describedby')!)!;
    expect(why.contains(described) && described.textContent).toBe(why.textContent);
    expect(why.getAttribute('aria-labelledby')).toBe(described.id);
    fireEvent.click(button);
    expect(host.callsOf('applyPrintSetup')).toHaveLength(0);
  });

  test('in Excel the print pack opens as a new workbook', async () => {
    const host = new FakeHost('excel');
    render(<App host={host} initialTab="merge" />);
    fireEvent.click(await screen.findByRole('button', { name: '开始汇总' }));
    await screen.findByTestId('merge-results');
    fireEvent.click(screen.getByRole('tab', { name: '打印' }));
    fireEvent.click(await screen.findByRole('button', { name: '生成打印包' }));
    await screen.findByText('已在新工作簿中打开「打印包.xlsx」，请用“文件”→“另存为”保存。');
  });

  test('the print pack needs a merge first, then is built from that summary', async () => {
    const host = new FakeHost('standalone');
    render(<App host={host} initialTab="print" />);
    const pack = await screen.findByRole('button', { name: '生成打印包' });
    expect(pack).toHaveProperty('disabled', true);
    expect(screen.getByText(/请先在「汇总」中完成汇总/)).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    fireEvent.change(await screen.findByTestId('merge-files'), { target: { files: [new File(['x'], 'a.xlsx')] } });
    fireEvent.click(screen.getByRole('button', { name: '开始汇总' }));
    await screen.findByTestId('merge-results');
    fireEvent.click(screen.getByRole('tab', { name: '打印' }));
    expect(pack).toHaveProperty('disabled', false);
    fireEvent.click(pack);
    await screen.findByText('已下载「打印包.xlsx」');
    expect(host.callsOf('printPack')).toEqual([[host.summary]]);
  });

  test('standalone explains print setup is for Excel and offers no setup button', async () => {
    const host = new FakeHost('standalone');
    render(<App host={host} initialTab="print" />);
    // The tab loaded first (its text shown), then the button is looked for: not there.
    expect(await screen.findByText(/打印设置只能在 Excel 中应用/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '应用打印设置' })).toBeNull();
  });

  test('a print failure is shown in Chinese', async () => {
    const host = new FakeHost('excel');
    host.failWith.applyPrintSetup = new Error('无法设置页面：工作表受保护。');
    render(<App host={host} initialTab="print" />);
    // 打印 is a lazy chunk (App.tsx): its buttons appear once it has loaded.
    fireEvent.click(await screen.findByRole('button', { name: '应用打印设置' }));
    expect((await screen.findByTestId('error')).textContent).toContain('工作表受保护');
  });
});
