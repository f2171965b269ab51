/**
 * Finder: the reader's searches within ranges of one text, with the native indexOf and a
 * memo per needle. The same answers as the search by hand, in any order of ranges; and no
 * stretch of the text searched twice for one needle while the ranges move forward, so a
 * sheet of many cells that lack their end tag does not take quadratic time.
 */
import { parseSheet } from '../../src/workbook/xlsx/read';
import { Finder, indexIn } from '../../src/workbook/xlsx/xml';
import { random as seeded } from '../fixtures/random';

describe('Finder', () => {
  test('answers as the search by hand, for ranges forward, backward and past the end', () => {
    const random = seeded(11);
    const pieces = ['<t', '</t>', '>', '"', 'r', 's', '<c', '</v>', '党', 'x', ' ', '&'];
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: Math.floor(random() * 60) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const find = new Finder(text);
      let from = 0;
      for (let q = 0; q < 40; q++) {
        // Mostly forward, as the reader goes; now and then back, or past the end.
        from = random() < 0.8 ? from + Math.floor(random() * 6) : Math.floor(random() * (text.length + 3));
        const to = from + Math.floor(random() * 20);
        const needle = pieces[Math.floor(random() * pieces.length)];
        expect([needle, from, to, find.in(needle, from, to)]).toEqual([needle, from, to, indexIn(text, needle, from, to)]);
      }
    }
  });

  test('a sheet of cells without their end tags is searched once per needle, not once per cell', () => {
    const cells = 3000;
    const body = `<sheetData><row r="1">${'<c r="A1"><v>1</c><c t="inlineStr"><is><t>党</t></c>'.repeat(cells)}</row></sheetData>`;
    let scanned = 0;
    const indexOf = String.prototype.indexOf;
    const spy = jest.spyOn(String.prototype, 'indexOf').mockImplementation(function (this: string, needle: string, from?: number) {
      const at = indexOf.call(this, needle, from);
      if (this.length > 1000) scanned += (at < 0 ? this.length : at) - (from ?? 0); // the sheet's body, not a cell's text
      return at;
    });
    try {
      const sheet = parseSheet(body, 'S', [], new Set());
      expect(sheet.cells.size).toBe(0); // no <v> or <is> ends in its cell: nothing is read
    } finally {
      spy.mockRestore();
    }
    // By hand each absent end tag cost a search of its cell; a plain indexOf would have
    // searched on to the end each time (~cells² / 2 cells' length).
    expect(scanned).toBeLessThan(20 * body.length);
  });
});
