import { getForm } from '../../src/forms';
import { boxSize, hiddenChars, LINE_FACTOR, linesIn, unitsPerLine } from '../../src/forms/capacity';
import { goodMonths, issuesOf, submission } from './helpers';
import { displayWidth } from '../../src/model/text';

const OPTS = { asOf: '2019-04-30', stage: 'committee' } as const;
const demonstration = getForm('demonstration');
const basicWork = boxSize(demonstration, 'B6:H6');
/** Characters 基础工作情况 holds at 12 pt: whole lines × CJK characters a line. */
const HOLDS = linesIn(basicWork.height, 12) * Math.floor(unitsPerLine(basicWork.width, 12) / 2);

describe('text-overflow', () => {
  test('基础工作情况 that fills its box exactly → nothing; one character more → a warning naming the field, the count and what to do', () => {
    expect(issuesOf('text-overflow', submission('demonstration', { basicWork: '字'.repeat(HOLDS) }), OPTS)).toEqual([]);
    const [issue] = issuesOf('text-overflow', submission('demonstration', { basicWork: '字'.repeat(HOLDS + 1) }), OPTS);
    expect([issue.severity, issue.field, issue.cell]).toEqual(['warning', 'basicWork', 'B6']);
    expect(issue.message).toMatch(/「基础工作情况」.*约有1字显示不出来.*精简.*附页/);
  });

  test('the issue\'s case: 1,200 characters in 基础工作情况 → about 1,200 − capacity hidden', () => {
    const [issue] = issuesOf('text-overflow', submission('demonstration', { basicWork: '开展学习。'.repeat(240) }), OPTS);
    const hidden = Number(/约有(\d+)字/.exec(issue.message)![1]);
    expect(hidden).toBe(1200 - HOLDS);
    expect(HOLDS).toBeGreaterThan(300);
  });

  test('line breaks use up lines: forty short lines overflow where their characters alone would not', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `第${i + 1}条`);
    expect(issuesOf('text-overflow', submission('demonstration', { highlights: lines.join('') }), OPTS)).toEqual([]);
    expect(issuesOf('text-overflow', submission('demonstration', { highlights: lines.join('\n') }), OPTS).map((i) => i.field)).toEqual(['highlights']);
  });

  test('a 25-character branch name prints (smaller) on its one line → nothing; a name too long even at 7 pt → a warning', () => {
    expect(issuesOf('text-overflow', submission('application', { branchName: '中共永州市住房和城乡建设局机关离退休第一支部委员会' }), OPTS)).toEqual([]);
    expect(issuesOf('text-overflow', submission('application', { branchName: '很'.repeat(80) }), OPTS).map((i) => i.field)).toEqual(['branchName']);
  });

  test('附件3: a month cell beyond its four lines → a warning on that month and column', () => {
    const months = goodMonths();
    months[4].status = '已完成。'.repeat(30);
    const issues = issuesOf('text-overflow', submission('progress', {}, months), OPTS);
    expect(issues.map((i) => [i.field, i.cell])).toEqual([['months.5.status', 'E9']]);
    expect(issues[0].message).toMatch(/5月份的「完成情况」.*约有\d+字显示不出来/);
  });

  test('counts and dates are never measured; an empty form gives nothing', () => {
    expect(issuesOf('text-overflow', submission('demonstration'), OPTS)).toEqual([]);
    expect(issuesOf('text-overflow', submission('application'), OPTS)).toEqual([]);
  });
});

describe('capacity model', () => {
  test('a month cell of 附件3 holds four lines at its 9-pt font', () => {
    const p = getForm('progress');
    expect(linesIn(p.months!.rowHeight, p.months!.fontSize)).toBeGreaterThanOrEqual(4);
  });

  test('hiddenChars counts what is past the last whole line; ASCII takes half a CJK character', () => {
    const room = unitsPerLine(100, 10); // (100 − 12) / 5 = 17 units
    expect(room).toBe(17);
    const height = 2 * 10 * LINE_FACTOR + 2; // two lines
    expect(hiddenChars('字'.repeat(16), 100, height, 10)).toBe(0);
    expect(hiddenChars('字'.repeat(19), 100, height, 10)).toBe(3);
    expect(hiddenChars('a'.repeat(34), 100, height, 10)).toBe(0);
    expect(hiddenChars('一\n二\n三', 100, height, 10)).toBe(1);
  });

  test('hiddenChars counts characters, not UTF-16 units, and leaves line breaks out of what is hidden', () => {
    /** As it was written first: one string per character (the reference for the in-place scan). */
    const reference = (text: string, width: number, height: number, size: number, oneLine = false) => {
      const room = unitsPerLine(width, size);
      const lines = oneLine ? 1 : linesIn(height, size);
      let line = 1;
      let used = 0;
      const chars = [...text];
      for (let i = 0; i < chars.length; i++) {
        if (chars[i] === '\n') {
          if (oneLine) continue;
          line++;
          used = 0;
        } else {
          const w = displayWidth(chars[i]);
          if (used + w > room) {
            if (oneLine) return chars.length - i;
            line++;
            used = 0;
          }
          used += w;
        }
        if (line > lines) return chars.slice(i).filter((c) => c !== '\n').length;
      }
      return 0;
    };
    const height = 2 * 10 * LINE_FACTOR + 2;
    expect(hiddenChars('𠮷'.repeat(20), 100, height, 10)).toBe(4); // 2 units each (a CJK extension B character), 8 a line
    expect(hiddenChars('ab\uD800cd'.repeat(10), 100, height, 10)).toBe(16); // a lone surrogate is one character
    const pieces = ['字', 'a', '𠮷', '\n', 'Ａ', ' ', '\uDC00', '。'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: Math.floor(random() * 60) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      for (const oneLine of [false, true]) expect([text, oneLine, hiddenChars(text, 100, height, 10, oneLine)]).toEqual([text, oneLine, reference(text, 100, height, 10, oneLine)]);
    }
  });
});
