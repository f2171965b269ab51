/**
 * @jest-environment jsdom
 *
 * What the merge's worker sends the page of each file (protocol.ts: shown) is all the page
 * draws of it: 逐个文件结果 drawn from the slim results is the very HTML drawn from the full
 * ones, every file's problem list opened — real files read and checked (templates, handmade
 * layouts with problems, bad files).
 */
import './textCodec';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { getForm } from '../../src/forms';
import type { IntakeResult } from '../../src/model/types';
import { FileResults } from '../../src/taskpane/components/FileResults';
import { shown } from '../../src/taskpane/work/protocol';
import { intakeBytes } from '../../src/workbook/xlsx/intake';
import { templateBytes } from '../../src/workbook/xlsx/template';
import { badInputs } from '../fixtures/bad';
import { handmadeBytes, HANDMADE_VARIANTS } from '../fixtures/handmade';
import { FakeHost } from './fakeHost';

afterEach(cleanup);

async function realResults(): Promise<IntakeResult[]> {
  const files: Array<[string, Uint8Array]> = [
    ...(await Promise.all((['demonstration', 'application', 'progress'] as const).map(async (f): Promise<[string, Uint8Array]> => [`${f}.xlsx`, await templateBytes(getForm(f))]))),
    ...(await Promise.all(HANDMADE_VARIANTS.map(async (v, i): Promise<[string, Uint8Array]> => [`h${i}.xlsx`, await handmadeBytes(v, { branchName: `第${i}党支部`, memberCount: i % 3 === 0 ? 2 : 10 + i })]))),
    ...badInputs().slice(0, 3).map((b): [string, Uint8Array] => [b.fileName, b.bytes]),
  ];
  return Promise.all(files.map(([name, bytes]) => intakeBytes(bytes, name, { asOf: '2019-05-01', stage: 'committee' })));
}

function drawn(results: readonly IntakeResult[]): string {
  const { container, unmount } = render(<FileResults results={results} host={new FakeHost('standalone')} onError={() => undefined} />);
  for (const toggle of screen.queryAllByRole('button', { name: /问题/ })) fireEvent.click(toggle);
  const html = container.innerHTML.replace(/ (id|aria-controls)="[^"]*"/g, '');
  unmount();
  return html;
}

test('the results the page is sent draw exactly what the full results draw, and are much smaller', async () => {
  const results = await realResults();
  const slim = results.map(shown);
  expect(results.some((r) => r.ok && r.submissions.some((s) => s.issues.length > 0))).toBe(true);
  expect(results.some((r) => !r.ok)).toBe(true);
  expect(drawn(slim)).toBe(drawn(results));
  expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(results).length * 0.7);
});

test('逐个文件结果: a short list is drawn with the outcome; a long one a chunk at a time when the page is idle, up to a page; every file reachable by 显示更多', async () => {
  const failed = (n: number): IntakeResult[] => Array.from({ length: n }, (_, i) => ({ ok: false, file: `f${i}.xlsx`, reason: '文件已损坏或不是 Excel 文件' }));
  const short = render(<FileResults results={failed(20)} host={new FakeHost('standalone')} onError={() => undefined} />);
  expect(screen.getAllByTestId('file-result')).toHaveLength(20);
  short.unmount();

  const many = failed(150);
  render(<FileResults results={many} host={new FakeHost('standalone')} onError={() => undefined} />);
  // None with the outcome: the list stands below it, the outcome and 下载汇总表 come first.
  expect(screen.queryAllByTestId('file-result')).toHaveLength(0);
  expect(screen.getByText('另有 50 项未显示')).toBeTruthy();
  await waitFor(() => expect(screen.getAllByTestId('file-result')).toHaveLength(100));
  fireEvent.click(screen.getByRole('button', { name: '显示更多' }));
  expect(screen.getAllByTestId('file-result')).toHaveLength(150);
  expect(screen.queryByRole('button', { name: '显示更多' })).toBeNull();
  expect(screen.getAllByTestId('file-result').every((row, i) => row.textContent!.startsWith(`${many[i].file}未受理`))).toBe(true);
});
