/** @jest-environment jsdom */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { FakeHost } from './fakeHost';

// The 汇总 tab's chunk cannot be loaded (a blocked script, the server gone).
jest.mock('../../src/taskpane/components/MergeTab', () => {
  throw new Error('Loading chunk merge-tab failed');
});

afterEach(cleanup);

test('a tab whose chunk fails to load says so in Chinese; the other tabs still work', async () => {
  render(<App host={new FakeHost('standalone')} />);
  fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
  expect(screen.getByRole('tabpanel', { name: '汇总' }).textContent).toBe('正在加载…');
  expect((await screen.findByRole('alert')).textContent).toBe('此页组件加载失败，请刷新页面后重试。');
  fireEvent.click(screen.getByRole('tab', { name: '打印' }));
  expect(await screen.findByText(/打印设置只能在 Excel 中应用/)).toBeTruthy();
  fireEvent.click(screen.getByRole('tab', { name: '填写' }));
  expect(screen.getByRole('button', { name: '下载模板' })).toBeTruthy();
});
