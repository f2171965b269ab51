/** 问题清单's 规则 column is Chinese: every issue id a check or the merge reports has a name. */
import { RULE_NAMES, ruleName } from '../../src/i18n/rules';
import { NOT_ON_ROSTER } from '../../src/merge';
import { RULES } from '../../src/rules';

test('every rule id has a short Chinese name', () => {
  const ids = [...RULES.map((r) => r.id), NOT_ON_ROSTER, 'superseded', 'rejected'];
  for (const id of ids) expect([id, /^[\u4e00-\u9fff0-9、（）]+$/.test(RULE_NAMES[id] ?? '')]).toEqual([id, true]);
});

test('an id without a name shows as itself, never as an empty cell', () => {
  expect(ruleName('member-count-min')).toBe('党员不足3人');
  expect(ruleName('some-new-rule')).toBe('some-new-rule');
});
