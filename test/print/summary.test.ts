/**
 * The summary workbook as LibreOffice prints it (A4 landscape, fit to the page width), for
 * the realistic committee merge with 25-character branch names and deep download-folder
 * paths: every word of every sheet at 9 pt or more after the page is scaled, no word
 * running over a cell border into the next column, and the two writers (exceljs for the
 * pane, streaming for the command line) printing the same pages word for word.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { mergeSubmissions } from '../../src/merge';
import { summaryBytesStreaming } from '../../src/workbook/xlsx/summary';
import { summaryBytes } from '../../src/workbook/xlsx/summaryWorkbook';
import { committeeFixture } from '../merge/committeeFixture';
import { convert, pdfLines, pdfWords, type PdfLine, type PdfWord } from '../fixtures/libreoffice';

const SHEETS = ['汇总', '进度', '问题清单', '未报送', '报送情况', '催报'];

interface Printed {
  /** Per sheet: its pages, smallest word (pt), words that cross a column border. */
  sheets: Map<string, { pages: number; minSize: number; smallest: string; crossing: string[] }>;
  words: PdfWord[];
}

/** Reads a summary PDF: which sheet each page belongs to (by its header title), sizes and crossings. */
function printedSummary(pdf: string): Printed {
  const { words } = pdfWords(pdf);
  const lines = pdfLines(pdf);
  const sheets: Printed['sheets'] = new Map();
  const pages = Math.max(...words.map((w) => w.page));
  for (let page = 1; page <= pages; page++) {
    const on = words.filter((w) => w.page === page);
    const title = on.find((w) => /报送.+（截至/.test(w.text));
    const name = SHEETS.find((s) => title?.text.includes(`${s}（截至`)) ?? `?${page}`;
    const sheet = sheets.get(name) ?? { pages: 0, minSize: Infinity, smallest: '', crossing: [] };
    sheets.set(name, sheet);
    sheet.pages++;
    for (const w of on) {
      if (w.size < sheet.minSize) [sheet.minSize, sheet.smallest] = [w.size, w.text];
    }
    sheet.crossing.push(...crossings(on, lines.filter((l) => l.page === page)));
  }
  return { sheets, words };
}

/** Words inside the table that do not stay between the two column borders around their middle. */
function crossings(words: PdfWord[], lines: PdfLine[]): string[] {
  const vertical = lines.filter((l) => l.x1 - l.x0 < 0.5 && l.y1 - l.y0 > 3);
  const out: string[] = [];
  for (const w of words) {
    const cy = w.y + w.height / 2;
    const borders = [...new Set(vertical.filter((l) => l.y0 <= cy && cy <= l.y1).map((l) => Math.round(l.x0 * 10) / 10))].sort((a, b) => a - b);
    if (borders.length < 2) continue; // the page header or footer
    const cx = w.x + w.width / 2;
    const right = borders.findIndex((b) => b > cx);
    if (right <= 0) {
      out.push(`${w.text} (outside the table)`);
      continue;
    }
    const [left, end] = [borders[right - 1], borders[right]];
    if (w.x < left - 0.5 || w.x + w.width > end + 0.5) out.push(`${w.text} [${w.x.toFixed(1)}–${(w.x + w.width).toFixed(1)} in ${left}–${end}]`);
  }
  return out;
}

let dir: string;
let exceljs: Printed;
let streaming: Printed;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-summary-print-'));
  const f = committeeFixture({ long: true });
  const summary = mergeSubmissions(f.inputs, { asOf: f.asOf, roster: f.roster });
  writeFileSync(join(dir, 'exceljs.xlsx'), await summaryBytes(summary));
  writeFileSync(join(dir, 'streaming.xlsx'), await summaryBytesStreaming(summary));
  const [a, b] = convert([join(dir, 'exceljs.xlsx'), join(dir, 'streaming.xlsx')], 'pdf', join(dir, 'out'));
  exceljs = printedSummary(a);
  streaming = printedSummary(b);
}, 240000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('every sheet is printed', () => {
  expect([...exceljs.sheets.keys()].sort()).toEqual([...SHEETS].sort());
});

test.each(SHEETS)('%s prints at 9 pt or more after fit-to-width, no word over a column border', (name) => {
  const s = exceljs.sheets.get(name)!;
  // eslint-disable-next-line no-console
  console.log(`${name}: ${s.pages} pages, smallest ${s.minSize.toFixed(2)} pt (${s.smallest}), ${s.crossing.length} crossing`);
  expect([name, s.minSize >= 9]).toEqual([name, true]);
  expect(s.crossing).toEqual([]);
});

test('no number or date prints as ### (a value wider than its column)', () => {
  const hashes = exceljs.words.filter((w) => /^#+$/.test(w.text));
  expect(hashes.map((w) => `page ${w.page} at ${w.x.toFixed(0)},${w.y.toFixed(0)}`)).toEqual([]);
});

test('the streaming writer prints the same pages, word for word and place for place', () => {
  const key = (w: PdfWord) => `${w.page} ${w.text} ${w.x.toFixed(1)} ${w.y.toFixed(1)}`;
  expect(streaming.words.map(key)).toEqual(exceljs.words.map(key));
});
