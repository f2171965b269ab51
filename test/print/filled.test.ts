/**
 * What a branch prints from its filled template, measured in LibreOffice's PDF
 * (pdftotext -bbox: every word's position and size): one A4 page at 100 %, 附件N in 16 pt
 * and the title in 22 pt (GB/T 9704-2012), the form filling about 90–95 % of the page's
 * height, a 25-character branch name on one line, four lines in each month cell.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FORMS } from '../../src/forms';
import type { Submission } from '../../src/model/types';
import { withNormalFont } from '../../src/workbook/xlsx/normalFont';
import { addFormSheet } from '../../src/workbook/xlsx/template';
import { convert, pdfWords, type PdfWord } from '../fixtures/libreoffice';

/** 25 characters: the 中共永州市住房和城乡建设局机关第一支部委员会 with 离退休 added. */
const NAME = '中共永州市住房和城乡建设局机关离退休第一支部委员会';
const GOAL = '落实“三会一课”制度，开展主题党日活动，'.repeat(4);

let dir: string;
const printed = new Map<string, { words: PdfWord[]; pages: { width: number; height: number }[] }>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-filled-'));
  const files: string[] = [];
  for (const form of FORMS) {
    const wb = new ExcelJS.Workbook();
    const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, goal: GOAL, problem: null, owner: null, status: null }));
    const values = { form: form.id, fields: { branchName: NAME }, months } as unknown as Submission;
    addFormSheet(wb, form, { values });
    const file = join(dir, `${form.id}.xlsx`);
    writeFileSync(file, withNormalFont(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer)));
    files.push(file);
  }
  const pdfs = convert(files, 'pdf', join(dir, 'out'));
  FORMS.forEach((form, i) => printed.set(form.id, pdfWords(pdfs[i])));
}, 240000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const near = (a: number, b: number, tol = 0.3) => Math.abs(a - b) <= tol;

describe.each(FORMS.map((f) => [f.attachment, f] as const))('%s as printed', (_n, form) => {
  test('one A4 portrait page at 100 %: 附件N in 3号 (16 pt), the title in 2号 (22 pt), the body in 12 pt', () => {
    const { words, pages } = printed.get(form.id)!;
    expect(pages.length).toBe(1);
    expect([Math.round(pages[0].width), Math.round(pages[0].height)]).toEqual([595, 842]);
    const attachment = words.find((w) => w.text === form.attachment)!;
    expect([attachment.size, near(attachment.size, 16)]).toEqual([attachment.size, true]);
    for (const line of form.title.split('\n')) {
      const title = words.find((w) => w.text === line)!;
      expect([line, near(title.size, 22)]).toEqual([line, true]);
    }
    const label = words.find((w) => w.text.startsWith('党') && w.y > attachment.y)!;
    expect(near(label.size, 12)).toBe(true);
  });

  test('the form fills 90–95 % of the page height', () => {
    const { words, pages } = printed.get(form.id)!;
    const top = Math.min(...words.map((w) => w.y));
    const bottom = Math.max(...words.map((w) => w.y + w.height));
    const fill = (bottom - top) / pages[0].height;
    expect([fill, fill >= 0.9 && fill <= 0.95]).toEqual([fill, true]);
  });

  test('a 25-character branch name prints whole on one line', () => {
    const { words } = printed.get(form.id)!;
    const name = words.filter((w) => w.text === NAME);
    expect(name).toHaveLength(1);
    expect(name[0].size).toBeGreaterThanOrEqual(8.5);
  });
});

test('附件3: each month cell shows at least four lines', () => {
  const { words } = printed.get('progress')!;
  const m = FORMS[2].months!;
  for (const month of [1, 6, 12]) {
    const label = words.find((w) => w.text === `${month}月份`)!;
    const mid = label.y + label.height / 2;
    const [top, bottom] = [mid - m.rowHeight / 2, mid + m.rowHeight / 2];
    const lines = words.filter((w) => w.x > label.x + label.width && w.x < label.x + 150 && w.y >= top - 0.5 && w.y + w.height <= bottom + 0.5);
    expect([month, lines.length >= 4]).toEqual([month, true]);
  }
});
