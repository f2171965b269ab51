import { elements, section, startTags } from '../../src/workbook/xlsx/xml';

/** The regular expressions elements, startTags and section used alone: the hand-written scans must agree with them. */
const P = '(?:[A-Za-z_][\\w.-]*:)?';
const byRegex = {
  elements: (xml: string, name: string) =>
    [...xml.matchAll(new RegExp(`<${P}${name}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${P}${name}>)`, 'g'))].map((m) => ({ attrs: m[1], inner: m[2] ?? '' })),
  startTags: (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${P}${name}\\b([^>]*?)\\/?>`, 'g'))].map((m) => m[1]),
  section: (xml: string, name: string) => {
    const m = new RegExp(`<${P}${name}\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/${P}${name}>)`).exec(xml);
    return m ? (m[1] ?? '') : '';
  },
};

describe('elements, startTags and section find by hand what their regular expressions find', () => {
  const names = ['definedName', 'sheet', 'si'];
  const written = [
    '<definedNames><definedName name="a">&apos;S&apos;!$A$1</definedName><definedName name="b" localSheetId="0"/></definedNames>',
    '<sheets><sheet name="a" r:id="rId1"/><sheet name="b" r:id="rId2"></sheet><sheets/><sheetPr/></sheets>',
    '<si><t>x</t></si><si/><si a="/"/><si/ ><si >y</si ><sin>z</sin>',
    '<definedName>unclosed<definedName/><definedName>x</definedName>',
    '<x:sheet name="p"/><sheet name="q"/>',
    '<sheet name="a"',
    '<si>a</si><si>b',
  ];
  const pieces = ['<', '>', '/', '</', 'definedName', 'sheet', 'si', 's', 'x:', ' ', 'name="a"', '"', '=', 'a', '党', '\n'];
  let seed = 13;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const soup = Array.from({ length: 3000 }, () => Array.from({ length: Math.floor(random() * 30) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));

  test('written cases and random tag soup', () => {
    for (const xml of [...written, ...soup]) {
      for (const name of names) {
        expect([xml, name, elements(xml, name)]).toEqual([xml, name, byRegex.elements(xml, name)]);
        expect([xml, name, startTags(xml, name)]).toEqual([xml, name, byRegex.startTags(xml, name)]);
        expect([xml, name, section(xml, name)]).toEqual([xml, name, byRegex.section(xml, name)]);
      }
    }
  });
});
