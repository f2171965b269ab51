/** displayWidth / wrappedLines count by char codes; they must agree with counting code point by code point. */
import { displayWidth, wrappedLines } from '../../src/model/text';

/** The plain definition: each code point 2 when East Asian wide, else 1; lines split at \n. */
function reference(s: string): number[] {
  const wide = (c: number) =>
    c >= 0x1100 &&
    (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000);
  return s.split('\n').map((line) => [...line].reduce((w, ch) => w + (wide(ch.codePointAt(0)!) ? 2 : 1), 0));
}

test('widths and wrapped lines match the code-point definition (CJK, astral CJK, emoji, lone surrogates, line breaks)', () => {
  const pieces = ['a', ' ', '中', '，', 'Ａ', '𠀀', '😀', '\ud800', '\udc00', '\n', 'ᄀ', '한', '~'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  for (let k = 0; k < 500; k++) {
    let s = '';
    const n = next() % 40;
    for (let i = 0; i < n; i++) s += pieces[next() % pieces.length];
    const lines = reference(s);
    expect([s, displayWidth(s)]).toEqual([s, Math.max(0, ...lines)]);
    for (const room of [1, 3, 10]) expect([s, room, wrappedLines(s, room)]).toEqual([s, room, lines.reduce((n2, w) => n2 + Math.max(1, Math.ceil(w / room)), 0)]);
  }
});
