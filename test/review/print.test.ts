/** The 报送包 on paper, as LibreOffice prints it: one A4 page per form, opinions and dates visible, the record sheet not printed. */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { pdfPages } from '../fixtures/libreoffice';
import { branchFolders } from './fixtures';

jest.setTimeout(300000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'review-print-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('every form of a 报送包 prints on one A4 page with the opinion and its date', async () => {
  const { a, b } = await branchFolders(dir);
  const pack = join(dir, '报送包.xlsx');
  const io = bufferIo();
  const opinion = '经初核，情况属实，同意上报。';
  // 党委 A's three forms and 党委 B's three (附件3 included): six pages.
  expect(await run(['review', a, b, '--as', '党委', '--opinion', opinion, '--date', '2019-04-28', '-o', pack], io)).toBe(0);
  const { pdf, pages, sizes } = pdfPages(pack);
  expect(pages).toBe(6);
  for (const s of sizes) {
    expect(Math.round(Math.min(s.width, s.height))).toBe(595);
    expect(Math.round(Math.max(s.width, s.height))).toBe(842);
  }
  const page = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' }).replace(/\s/g, '');
  const texts = Array.from({ length: pages }, (_, i) => page(i + 1));
  const withOpinion = texts.filter((t) => t.includes(opinion) && t.includes('2019年4月28日'));
  // 附件1 of 第二党支部 keeps its own opinion; 附件3 has none: the other four carry ours.
  expect(withOpinion).toHaveLength(4);
  expect(texts.some((t) => t.includes('同意推荐为示范点。') && t.includes('2019年4月25日'))).toBe(true);
  expect(texts.filter((t) => t.includes('创建进度表'))).toHaveLength(1);
  expect(texts.join('')).not.toContain('报送包来源记录');
  // Grouped by branch: a branch's forms are on consecutive pages.
  const order = texts.map((t) => (/第二党支部/.test(t) ? '二' : /第一党支部/.test(t) ? '一' : /离退休党支部/.test(t) ? '离' : /教育局机关党支部/.test(t) ? '机' : '?'));
  expect(new Set(order).size).toBe(4);
  for (const x of new Set(order)) expect(order.lastIndexOf(x) - order.indexOf(x) + 1).toBe(order.filter((o) => o === x).length);
});
