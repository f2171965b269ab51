/**
 * intakeBytes gives each form as normalised with its issues added last: the same keys, in the
 * same order, as the copy `{ ...normaliseForm(x), issues: checkSubmission(…) }` it used to make
 * (the JSON report and the worker's messages carry them in that order).
 */
import { extractForms } from '../../src/model/extract';
import { normaliseForm } from '../../src/model/normalise';
import type { CheckOptions } from '../../src/model/types';
import { checkSubmission } from '../../src/rules';
import { intakeBytes } from '../../src/workbook/xlsx/intake';
import { readWorkbook } from '../../src/workbook/xlsx/read';
import { FAMILY_FIXTURES, familyBytes } from '../fixtures/families';
import { filledBytes } from '../merge/files';

const opts: CheckOptions = { asOf: '2019-05-01', stage: 'committee' };

async function expectAsCopied(bytes: Uint8Array, file: string): Promise<void> {
  const read = readWorkbook(bytes, file);
  if (!read.ok) throw new Error(read.reason);
  const copied = extractForms(read.grid).map((x) => {
    const sub = normaliseForm(x, file, { date1904: read.grid.date1904 });
    return { ...sub, issues: checkSubmission(sub, opts) };
  });
  const r = await intakeBytes(bytes, file, opts);
  if (!r.ok) throw new Error(r.reason);
  expect(r.submissions.length).toBe(copied.length);
  // JSON keeps key order: the texts differ when a key is missing, extra or elsewhere.
  r.submissions.forEach((s, i) => {
    expect(Object.keys(s)).toEqual(Object.keys(copied[i]));
    expect(JSON.stringify(s)).toBe(JSON.stringify(copied[i]));
  });
}

describe('intakeBytes result', () => {
  test('forms of our template (templateVersion, months; issues found) as the copy was', async () => {
    await expectAsCopied(await filledBytes('application', { branchName: '中共永州市财政局第一党支部', memberCount: 12, committeeCount: 2 }), 'a.xlsx');
    await expectAsCopied(await filledBytes('progress', { branchName: '中共永州市财政局党委' }, [{ goal: '学习', status: '已完成' }, { goal: '', status: null }]), 'p.xlsx');
    await expectAsCopied(await filledBytes('demonstration', { branchName: null, date: '2019-04-20', contact: '123' }), 'd.xlsx');
  });

  test.each(FAMILY_FIXTURES.map((f) => [f.name, f]))('hand-made %s (hidden sheets, forms side by side) as the copy was', async (name, f) => {
    await expectAsCopied(await familyBytes(f as (typeof FAMILY_FIXTURES)[number]), `${name}.xlsx`);
  });
});
