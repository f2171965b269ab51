/**
 * The hand-typed layout families of issue 8 §1 (test/fixtures/families.ts): every value
 * a careful person reads from each file is read, nothing else is; the files saved again
 * by LibreOffice read the same.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FAMILY_FIXTURES, TOUCHING_FIXTURE, familyBytes, readSubmissions, scoreFixture, type FamilyFixture } from '../fixtures/families';
import { hasLibreOffice, throughLibreOffice } from '../fixtures/libreoffice';
import { mergeSubmissions } from '../../src/merge';
import { intakeBytes } from '../../src/workbook/xlsx/intake';
import type { CheckOptions, IntakeResult } from '../../src/model/types';

const byName = (name: string): FamilyFixture => FAMILY_FIXTURES.find((f) => f.name === name)!;

describe.each(['pairs', 'side', 'horizontal', 'stamp', 'hidden'])('%s', (family) => {
  test.each(FAMILY_FIXTURES.filter((f) => f.family === family).map((f) => [f.name]))('%s: every expected value, no other form', async (name) => {
    const f = byName(name);
    const s = scoreFixture(f, readSubmissions(await familyBytes(f), `${name}.xlsx`));
    expect(s.wrong).toEqual([]);
    expect(s.extra).toBe(0);
  });
});

test('an untitled form that cannot be bounded is not read but reported: form-unread on the form beside it, naming the form and a cell', async () => {
  const subs = readSubmissions(await familyBytes(TOUCHING_FIXTURE), 'side-untitled-touching.xlsx');
  expect(subs.map((s) => s.form)).toEqual(['application']);
  expect(subs[0].parseIssues.filter((i) => i.rule === 'form-unread').map((i) => [i.severity, i.cell, i.message.includes('附件3')])).toEqual([['warning', 'H4', true]]);
  // Bounded by an empty column, it is read and nothing is reported.
  const read = readSubmissions(await familyBytes(byName('side-untitled-progress')), 'side-untitled-progress.xlsx');
  expect(read.flatMap((s) => s.parseIssues).filter((i) => i.rule === 'form-unread')).toEqual([]);
});

test('every family has fixtures, some saved through LibreOffice', () => {
  for (const family of ['pairs', 'side', 'horizontal', 'stamp', 'hidden']) {
    const list = FAMILY_FIXTURES.filter((f) => f.family === family);
    expect([family, list.length >= 2, list.some((f) => f.libreOffice)]).toEqual([family, true, true]);
  }
});

(hasLibreOffice() ? describe : describe.skip)('saved again by LibreOffice', () => {
  const chosen = FAMILY_FIXTURES.filter((f) => f.libreOffice);
  let converted: string[] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wuhua-families-'));
    const files: string[] = [];
    for (const f of chosen) {
      const p = join(dir, `${f.name}.xlsx`);
      writeFileSync(p, await familyBytes(f));
      files.push(p);
    }
    converted = throughLibreOffice(files);
  }, 240000);

  test.each(chosen.map((f, i) => [f.name, i]))('%s', (name, i) => {
    const f = byName(name as string);
    const s = scoreFixture(f, readSubmissions(new Uint8Array(readFileSync(converted[i as number])), `${name}.xlsx`));
    expect(s.wrong).toEqual([]);
    expect(s.extra).toBe(0);
  });
});

describe('hidden sheets in check and merge', () => {
  const opts: CheckOptions = { asOf: '2019-06-01', stage: 'committee' };
  const intake = async (name: string, file: string): Promise<IntakeResult> => intakeBytes(await familyBytes(byName(name)), file, opts);

  test('a form on a hidden sheet gets hidden-sheet (info, in Chinese, naming the sheet); the visible one does not', async () => {
    const r = await intake('hidden-copy', '民政局.xlsx');
    if (!r.ok) throw new Error(r.reason);
    const hiddenIssues = r.submissions.map((s) => s.issues.filter((i) => i.rule === 'hidden-sheet'));
    expect(hiddenIssues[0]).toEqual([]);
    expect(hiddenIssues[1]).toEqual([expect.objectContaining({ severity: 'info', field: 'sheet' })]);
    expect(hiddenIssues[1][0].message).toContain('隐藏的工作表“附件2 (旧)”');
  });

  test('the visible sheet of the same file wins although the hidden copy is dated later; the hidden one is listed as superseded', async () => {
    const summary = mergeSubmissions([await intake('hidden-copy', '民政局.xlsx')], { asOf: '2019-06-01' });
    const row = summary.rows.find((r) => r.form === 'application')!;
    expect([row.submission.sheet, row.submission.fields.date]).toEqual(['附件2', '2019-04-20']);
    expect(row.superseded).toEqual([{ file: '民政局.xlsx', sheet: '附件2 (旧)' }]);
    expect(summary.problems.filter((p) => p.kind === 'superseded').map((p) => p.sheet)).toEqual(['附件2 (旧)']);
  });

  test('across files the later 申报时间 still wins, hidden or not', async () => {
    const visibleOnly = await intake('hidden-copy', 'a.xlsx');
    if (!visibleOnly.ok) throw new Error(visibleOnly.reason);
    const onlyHidden: IntakeResult = { ...visibleOnly, file: 'b.xlsx', submissions: visibleOnly.submissions.filter((s) => s.hiddenSheet).map((s) => ({ ...s, file: 'b.xlsx' })) };
    const first: IntakeResult = { ...visibleOnly, submissions: visibleOnly.submissions.filter((s) => !s.hiddenSheet) };
    const summary = mergeSubmissions([first, onlyHidden], { asOf: '2019-06-01' });
    expect(summary.rows.map((r) => [r.submission.file, r.submission.sheet])).toEqual([['b.xlsx', '附件2 (旧)']]);
  });

  test('a file whose only form is on a very hidden sheet is read, not rejected', async () => {
    const r = await intake('hidden-only', '交通局.xlsx');
    expect(r.ok && r.submissions.map((s) => [s.form, s.hiddenSheet, s.issues.some((i) => i.rule === 'hidden-sheet')])).toEqual([['progress', true, true]]);
  });
});
