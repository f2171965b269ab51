import { getForm, MAX_ROW_HEIGHT } from '../../src/forms';
import { printableSize } from '../../src/forms/units';
import { DEFAULT_ROW_HEIGHT, fitBoxes, MIN_FONT } from '../../src/workbook/xlsx/fit';

const application = getForm('application');
const demonstration = getForm('demonstration');
const plan = (text: string) => [{ cell: 'B5:F5', text, key: 'plan' }];

describe('fitBoxes: long values print whole on the form’s page', () => {
  test('a text that fits its box changes nothing', () => {
    const fit = fitBoxes(application, plan('加强学习。'.repeat(20)));
    expect([fit.rowHeights.size, fit.fontSizes.size, fit.overflow]).toEqual([0, 0, []]);
  });

  test('附件1 基础工作情况 longer than its box while 特色亮点做法 is empty: the row grows into the room the empty box gives up, the font stays', () => {
    const fit = fitBoxes(demonstration, [{ cell: 'B6:H6', text: '字'.repeat(600), key: 'basicWork' }]);
    const h = fit.rowHeights.get(6)!;
    expect(h).toBeGreaterThan(240);
    expect(h).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    expect(fit.fontSizes.size).toBe(0);
  });

  test('附件2 创建计划 already at 409 pt: a longer plan prints in a smaller font, not below MIN_FONT', () => {
    const fit = fitBoxes(application, plan('字'.repeat(2000)));
    const size = fit.fontSizes.get('B5')!;
    expect(size).toBeLessThan(application.fonts.body.size);
    expect(size).toBeGreaterThanOrEqual(MIN_FONT);
    expect(fit.overflow).toEqual([]);
  });

  test('a plan too long even at MIN_FONT is reported, never silently cut', () => {
    const fit = fitBoxes(application, plan('字'.repeat(20000)));
    expect(fit.fontSizes.get('B5')).toBe(MIN_FONT);
    expect(fit.overflow.map((b) => b.key)).toEqual(['plan']);
  });

  test('line breaks count: forty short lines need more room than their characters alone', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `第${i + 1}条`).join('\n');
    expect(fitBoxes(application, plan(lines.replace(/\n/g, ''))).fontSizes.size).toBe(0);
    expect(fitBoxes(application, plan(lines)).fontSizes.get('B5')).toBeLessThan(application.fonts.body.size);
  });

  test('two boxes on one row (附件3 month cells): the row takes the taller need', () => {
    const progress = getForm('progress');
    const a = fitBoxes(progress, [{ cell: 'B5', text: '字'.repeat(60), key: 'months.1.goal' }]).rowHeights.get(5)!;
    const b = fitBoxes(progress, [{ cell: 'B5', text: '字'.repeat(60), key: 'months.1.goal' }, { cell: 'E5', text: '字'.repeat(200), key: 'months.1.status' }]).rowHeights.get(5)!;
    expect(a).toBeGreaterThan(progress.months!.rowHeight);
    expect(b).toBeGreaterThan(a);
  });

  test('a row the FormSpec does not size starts from the template default (20 pt): one line fits, three grow it', () => {
    const unsized = { ...application, rowHeights: {} };
    expect(DEFAULT_ROW_HEIGHT).toBe(20);
    expect(fitBoxes(unsized, plan('一行')).rowHeights.size).toBe(0);
    const grown = fitBoxes(unsized, plan('一\n二\n三')).rowHeights.get(5)!;
    expect(grown).toBeGreaterThan(DEFAULT_ROW_HEIGHT);
    expect(grown).toBeLessThan(application.rowHeights[5]);
  });

  test('the page as a whole: never taller than the room inside its margins, so nothing is scaled below MIN_FONT on paper', () => {
    const progress = getForm('progress');
    const months = Array.from({ length: 12 }, (_, i) => ['B', 'C', 'D', 'E'].map((c) => ({ cell: `${c}${5 + i}`, text: '长'.repeat(90), key: `months.${i + 1}.goal` }))).flat();
    for (const [form, boxes] of [
      [progress, months],
      [demonstration, [{ cell: 'B6:H6', text: '字'.repeat(3000), key: 'basicWork' }, { cell: 'B7:H7', text: '字'.repeat(3000), key: 'highlights' }]],
      [application, plan('字'.repeat(20000))],
    ] as const) {
      const fit = fitBoxes(form, boxes);
      const rows = new Map<number, number>(Object.entries(form.rowHeights).map(([r, h]) => [Number(r), h]));
      if (form.months) for (let i = 0; i < 12; i++) rows.set(form.months.firstRow + i, form.months.rowHeight);
      for (const [r, h] of fit.rowHeights) rows.set(r, h);
      const total = [...rows.values()].reduce((a, b) => a + b, 0);
      expect([form.id, total <= printableSize(form.print).height]).toEqual([form.id, true]);
      for (const size of fit.fontSizes.values()) expect(size).toBeGreaterThanOrEqual(MIN_FONT);
      for (const h of rows.values()) expect(h).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    }
  });

  test('附件3 with long months: shorter months give up room first, then the long ones print smaller; what still cannot fit is named', () => {
    const progress = getForm('progress');
    const one = fitBoxes(progress, [{ cell: 'E9', text: '完成。'.repeat(40), key: 'months.5.status' }]);
    expect([one.fontSizes.size, one.overflow]).toEqual([0, []]);
    expect(one.rowHeights.get(9)!).toBeGreaterThan(progress.months!.rowHeight);
    const all = Array.from({ length: 12 }, (_, i) => ({ cell: `E${5 + i}`, text: '完成。'.repeat(200), key: `months.${i + 1}.status` }));
    const fit = fitBoxes(progress, all);
    expect(Math.min(...fit.fontSizes.values())).toBe(MIN_FONT);
    expect(fit.overflow.map((b) => b.key)).toContain('months.1.status');
  });
});
