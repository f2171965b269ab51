import { branchKey, distinctBranches, isMonthDone, mergeSubmissions, monthsDue, NOT_ON_ROSTER, progressTotals, unnamedForms } from '../../src/merge';
import { bad, issue, months, ok, okOne, sub } from './helpers';

const AS_OF = '2019-06-15';

describe('branchKey (DOMAIN.md merging: one branch, many spellings)', () => {
  const base = branchKey('中共永州市财政局机关第一党支部');
  test.each([
    ['中国共产党 → 中共', '中国共产党永州市财政局机关第一党支部'],
    ['spaces and ideographic spaces', ' 中共永州市 财政局　机关第一党支部 '],
    ['党支部 → 支部', '中共永州市财政局机关第一支部'],
    ['党支部委员会 suffix', '中共永州市财政局机关第一党支部委员会'],
    ['支部委员会 suffix', '中国共产党永州市财政局机关第一支部委员会'],
    ['line break inside the name', '中共永州市财政局\n机关第一党支部'],
  ])('%s gives the same key', (_why, name) => {
    expect(branchKey(name)).toBe(base);
  });

  test('full-width letters and digits fold (NFKC)', () => {
    expect(branchKey('中共ＸＹ公司第１党支部')).toBe(branchKey('中共XY公司第1党支部'));
  });

  test('different branches keep different keys', () => {
    expect(branchKey('中共永州市财政局机关第二党支部')).not.toBe(base);
    expect(branchKey('中共永州市财政局机关党总支')).not.toBe(branchKey('中共永州市财政局机关党支部'));
  });

  test('a name that is only a suffix is not folded to nothing', () => {
    expect(branchKey('党支部')).toBe('党支部');
  });
});

describe('resubmissions (same branch and form)', () => {
  test('later 申报时间 wins; the earlier stays in the report with latest:false and is listed', () => {
    const early = sub('demonstration', '中共甲局第一党支部', 'a/early.xlsx', { date: '2019-04-01', memberCount: 10 });
    const late = sub('demonstration', '中国共产党甲局第一支部', 'a/late.xlsx', { date: '2019-04-20', memberCount: 12 });
    // the later date wins even though its file time is older
    const s = mergeSubmissions([okOne(late, 1000), okOne(early, 9000)], { asOf: AS_OF });
    expect(s.rows).toHaveLength(1);
    expect(s.rows[0].submission.file).toBe('a/late.xlsx');
    expect(s.rows[0].branch).toBe('中国共产党甲局第一支部'); // shown as written in the kept file
    expect(s.duplicates).toEqual([
      expect.objectContaining({ form: 'demonstration', kept: 'a/late.xlsx', superseded: ['a/early.xlsx'] }),
    ]);
    expect(s.submissions.map((x) => [x.file, x.latest])).toEqual([
      ['a/early.xlsx', false],
      ['a/late.xlsx', true],
    ]);
    expect(s.problems.filter((p) => p.kind === 'superseded').map((p) => p.file)).toEqual(['a/early.xlsx']);
    expect(s.totals[0]).toMatchObject({ branches: 1, superseded: 1, members: 12 });
  });

  test('same 申报时间 → the later file time wins', () => {
    const a = sub('application', '中共乙局党支部', 'x/1.xlsx', { date: '2019-04-10' });
    const b = sub('application', '中共乙局党支部', 'x/2.xlsx', { date: '2019-04-10' });
    const s = mergeSubmissions([okOne(a, 5000), okOne(b, 4000)], { asOf: AS_OF });
    expect(s.rows.map((r) => r.submission.file)).toEqual(['x/1.xlsx']);
    expect(s.duplicates[0].superseded).toEqual(['x/2.xlsx']);
  });

  test('a missing date loses to any date; a month-only date loses to a day in that month', () => {
    const none = sub('application', '丙党支部', 'n.xlsx', { date: null });
    const month = sub('application', '丙党支部', 'm.xlsx', { date: '2019-04' });
    const day = sub('application', '丙党支部', 'd.xlsx', { date: '2019-04-01' });
    const s = mergeSubmissions([okOne(day, 1), okOne(month, 3), okOne(none, 9)], { asOf: AS_OF });
    expect(s.rows[0].submission.file).toBe('d.xlsx');
    expect(s.duplicates[0].superseded).toEqual(['m.xlsx', 'n.xlsx']);
  });

  test('no header 申报时间: the table\'s 申报时间 (附件2) dates the form, before the file time', () => {
    const a = sub('application', '中共丙局党支部', 'a.xlsx', { date: null, tableDate: '2019-04-20' });
    const b = sub('application', '中共丙局党支部', 'b.xlsx', { date: null, tableDate: '2019-04-10' });
    const s = mergeSubmissions([okOne(a, 1000), okOne(b, 9000)], { asOf: AS_OF }); // b's file is newer
    expect(s.rows.map((r) => r.submission.file)).toEqual(['a.xlsx']);
    // a table date beats no date at all, whatever the file times
    const none = sub('application', '中共丙局党支部', 'n.xlsx', { date: null, tableDate: null });
    expect(mergeSubmissions([okOne(b, 1), okOne(none, 9)], { asOf: AS_OF }).rows[0].submission.file).toBe('b.xlsx');
  });

  test('the header 申报时间, when there is one, is what counts (not a later table date)', () => {
    const a = sub('application', '中共丙局党支部', 'a.xlsx', { date: '2019-04-05', tableDate: '2019-04-30' });
    const b = sub('application', '中共丙局党支部', 'b.xlsx', { date: '2019-04-06', tableDate: '2019-04-06' });
    expect(mergeSubmissions([okOne(a), okOne(b)], { asOf: AS_OF }).rows[0].submission.file).toBe('b.xlsx');
  });

  test('full tie → decided by file path, independent of input order', () => {
    const a = sub('progress', '丁支部', 'p/a.xlsx');
    const b = sub('progress', '丁支部', 'p/b.xlsx');
    const s1 = mergeSubmissions([okOne(a), okOne(b)], { asOf: AS_OF });
    const s2 = mergeSubmissions([okOne(b), okOne(a)], { asOf: AS_OF });
    expect(s1.rows[0].submission.file).toBe('p/b.xlsx');
    expect(JSON.stringify(s2)).toBe(JSON.stringify(s1));
  });

  test('different forms of one branch are separate rows, not duplicates', () => {
    const s = mergeSubmissions(
      [ok('w.xlsx', [sub('demonstration', '戊支部', 'w.xlsx', {}, { sheet: '附件1' }), sub('progress', '戊支部', 'w.xlsx', {}, { sheet: '附件3' })])],
      { asOf: AS_OF },
    );
    expect(s.rows.map((r) => r.form)).toEqual(['demonstration', 'progress']);
    expect(s.duplicates).toEqual([]);
  });

  test('forms without a branch name are never merged with each other', () => {
    const s = mergeSubmissions([okOne(sub('application', null, 'u1.xlsx')), okOne(sub('application', '  ', 'u2.xlsx'))], { asOf: AS_OF });
    expect(s.rows).toHaveLength(2);
    expect(s.rows[0].branch).toBe('（未填写党支部名称）');
    expect(s.duplicates).toEqual([]);
  });

  test('the input records are not modified', () => {
    const a = sub('application', '己支部', 'a.xlsx', { date: '2019-04-01' });
    const b = sub('application', '己支部', 'b.xlsx', { date: '2019-04-02' });
    const before = JSON.stringify([a, b]);
    mergeSubmissions([okOne(a), okOne(b)], { asOf: AS_OF, roster: ['别的支部'] });
    expect(JSON.stringify([a, b])).toBe(before);
  });
});

describe('roster', () => {
  const results = [
    okOne(sub('demonstration', '中国共产党永州市财政局机关第一党支部', 'f1.xlsx', { memberCount: 9 })),
    okOne(sub('application', '中共永州市 税务局第二支部委员会', 'f2.xlsx')),
    okOne(sub('application', '中共永州市ＸＸ中心党支部', 'f3.xlsx', {}, { issues: [issue('required', 'error')] })),
    okOne(sub('application', '中共永州市不在名册局党支部', 'f4.xlsx')),
  ];
  const roster = [
    '中共永州市财政局机关第一支部', // 中国共产党 / 中共, 党支部 / 支部
    '中共永州市税务局第二党支部', // spaces, 支部委员会 / 党支部
    '中共永州市XX中心党支部', // full-width letters
    '中共永州市教育局党支部', // no submission
    '中共永州市教育局 党支部', // the same name twice: listed once
    '',
  ];

  test('name variants match; missing are the roster names with no submission, as written in the roster', () => {
    const s = mergeSubmissions(results, { asOf: AS_OF, roster });
    expect(s.hasRoster).toBe(true);
    expect(s.missing.map((m) => m.name)).toEqual(['中共永州市教育局党支部']);
  });

  test('a submission not on the roster gets a not-on-roster warning on its branch name cell', () => {
    const s = mergeSubmissions(results, { asOf: AS_OF, roster });
    const flagged = s.submissions.filter((x) => x.issues.some((i) => i.rule === NOT_ON_ROSTER));
    expect(flagged.map((x) => x.file)).toEqual(['f4.xlsx']);
    const w = flagged[0].issues.find((i) => i.rule === NOT_ON_ROSTER)!;
    expect(w).toMatchObject({ severity: 'warning', field: 'branchName', cell: 'C3' });
    expect(w.message).toContain('中共永州市不在名册局党支部');
    expect(s.rows.find((r) => r.submission.file === 'f4.xlsx')!.warnings).toBe(1);
    expect(s.problems.some((p) => p.rule === NOT_ON_ROSTER && p.file === 'f4.xlsx')).toBe(true);
  });

  test('without a roster: no missing list and no not-on-roster warnings', () => {
    const s = mergeSubmissions(results, { asOf: AS_OF });
    expect(s.hasRoster).toBe(false);
    expect(s.missing).toEqual([]);
    expect(s.submissions.flatMap((x) => x.issues).some((i) => i.rule === NOT_ON_ROSTER)).toBe(false);
  });

  test('a branch that sent any form is not missing; roster entries keep their source', () => {
    const s = mergeSubmissions([okOne(sub('progress', '庚支部', 'g.xlsx'))], {
      asOf: AS_OF,
      roster: [{ name: '庚党支部', source: '名册.txt 第1行' }, { name: '辛党支部', source: '名册.txt 第2行' }],
    });
    expect(s.missing).toEqual([{ name: '辛党支部', source: '名册.txt 第2行' }]);
  });
});

describe('progress matrix (附件3)', () => {
  const statuses = ['已完成', '完成', '基本完成', '未完成', '', '正在推进', '已完成', null, null, null, null, null];
  const p = (asOf: string) =>
    mergeSubmissions([okOne(sub('progress', '壬党支部', 'p.xlsx', {}, { months: months(statuses) }))], { asOf }).progress[0];

  test('twelve statuses as written, with their cells', () => {
    const row = p('2019-05-01');
    expect(row.statuses).toEqual(['已完成', '完成', '基本完成', '未完成', '', '正在推进', '已完成', null, null, null, null, null]);
    expect(row.statusCells[0]).toBe('E5');
    expect(row.done).toEqual([true, true, true, false, false, false, true, false, false, false, false, false]);
  });

  test.each([
    ['2019-01-31', 0, 0, null], // January: nothing due yet
    ['2019-02-01', 1, 1, 1],
    ['2019-05-01', 4, 3, 0.75], // 1–4 due, 4月 未完成
    ['2019-07-15', 6, 3, 0.5],
    ['2019-12-31', 11, 4, 4 / 11],
  ])('as of %s: %i months due, %i done, share %p', (asOf, due, done, share) => {
    const row = p(asOf);
    expect(row.due).toBe(due);
    expect(row.doneCount).toBe(done);
    expect(row.share).toBe(share);
  });

  test('a missing or doubled month: the first row of a month counts, a missing month is not done', () => {
    const m = months(['已完成', '已完成', '已完成']);
    m[1] = { ...m[1], month: 1, status: '未开展' }; // 2月 row labelled 1月 again
    const row = mergeSubmissions([okOne(sub('progress', '癸支部', 'q.xlsx', {}, { months: m }))], { asOf: '2019-04-01' }).progress[0];
    expect(row.statuses.slice(0, 3)).toEqual(['已完成', null, '已完成']);
    expect(row.doneCount).toBe(2);
    expect(row.share).toBeCloseTo(2 / 3);
  });

  test.each([
    ['已完成', true],
    ['完成了党员大会', true],
    ['基本完成', true],
    ['未完成', false],
    ['尚未开展', false],
    ['部分完成', false],
    ['进行中', false],
    ['无', false],
    ['—', false],
    ['  ', false],
  ])('isMonthDone(%p) is %p', (status, done) => {
    expect(isMonthDone(status)).toBe(done);
  });

  test('monthsDue counts months strictly before the as-of month', () => {
    expect(monthsDue('2019-03-01')).toBe(2);
    expect(monthsDue('2019-03-31')).toBe(2);
  });

  test('only kept 附件3 submissions appear, one row per branch', () => {
    const s = mergeSubmissions(
      [
        okOne(sub('progress', '子支部', 'old.xlsx', {}, { months: months(['未完成']) }), 1),
        okOne(sub('progress', '子党支部', 'new.xlsx', {}, { months: months(['已完成']) }), 2),
        okOne(sub('application', '丑支部', 'app.xlsx')),
      ],
      { asOf: '2019-02-01' },
    );
    expect(s.progress.map((r) => [r.branch, r.file, r.share])).toEqual([['子党支部', 'new.xlsx', 1]]);
  });
});

describe('totals and problems', () => {
  const results = [
    okOne(sub('demonstration', 'A党支部', 'd1.xlsx', { memberCount: 10, committeeCount: 3 }, { issues: [issue('r1', 'error'), issue('r2', 'warning'), issue('opinion-pending', 'info')] })),
    okOne(sub('demonstration', 'B党支部', 'd2.xlsx', { memberCount: 20, committeeCount: null }, { issues: [issue('r3', 'warning')] })),
    okOne(sub('application', 'A党支部', 'a1.xlsx', { memberCount: 10, committeeCount: 3, date: '2019-04-01' }, { issues: [issue('r4', 'error')] })),
    okOne(sub('application', 'A党支部', 'a0.xlsx', { memberCount: 99, committeeCount: 9, date: '2019-03-01' }, { issues: [issue('r5', 'error')] })),
    bad('z/broken.xlsx', '文件已损坏'),
    bad('a/notes.txt', '不是 Excel 工作簿'),
  ];
  const s = mergeSubmissions(results, { asOf: AS_OF });

  test('per-form totals count kept submissions only', () => {
    expect(s.totals.map((t) => [t.form, t.branches, t.members, t.committeeMembers, t.errors, t.warnings, t.superseded])).toEqual([
      ['demonstration', 2, 30, 3, 1, 2, 0],
      ['application', 1, 10, 3, 2, 0, 1], // r4 and form-missing (A sent 附件2 without 附件3)
      ['progress', 0, 0, 0, 0, 0, 0],
    ]);
    // Hand count: branches A and B (A sent two forms: counted once); members A 10 (附件2) + B 20 (附件1 only) = 30;
    // 支委 A 3 (附件2) + B none = 3; problems of all kept forms: errors r1, r4, form-missing; warnings r2, r3.
    expect(s.total).toEqual({ branches: 2, organisations: 0, unnamed: 0, superseded: 1, members: 30, committeeMembers: 3, errors: 3, warnings: 2 });
    expect(s.files).toBe(6);
  });

  test('problems: kept errors and warnings (no info), superseded and rejected files, in form / branch / file order', () => {
    expect(s.problems.map((p) => [p.kind, p.file, p.rule])).toEqual([
      ['issue', 'd1.xlsx', 'r1'],
      ['issue', 'd1.xlsx', 'r2'],
      ['issue', 'd2.xlsx', 'r3'],
      ['superseded', 'a0.xlsx', 'superseded'],
      ['issue', 'a1.xlsx', 'r4'],
      ['issue', 'a1.xlsx', 'form-missing'],
      ['rejected', 'a/notes.txt', 'rejected'],
      ['rejected', 'z/broken.xlsx', 'rejected'],
    ]);
    expect(s.problems[0]).toMatchObject({ sheet: '附件', cell: 'B5', branch: 'A党支部', form: 'demonstration', severity: 'error' });
    expect(s.problems[3].message).toContain('a1.xlsx');
  });

  test('rejected files are listed with their reasons, sorted by path', () => {
    expect(s.rejected).toEqual([
      { file: 'a/notes.txt', reason: '不是 Excel 工作簿' },
      { file: 'z/broken.xlsx', reason: '文件已损坏' },
    ]);
  });

  test('rows are ordered by form number, then branch key, then file', () => {
    expect(s.rows.map((r) => [r.form, r.branch])).toEqual([
      ['demonstration', 'A党支部'],
      ['demonstration', 'B党支部'],
      ['application', 'A党支部'],
    ]);
  });

  test('forms without a branch name are no branches: not in the per-form or overall branch counts, counted apart', () => {
    const u = mergeSubmissions(
      [
        okOne(sub('application', 'A党支部', 'a.xlsx', { memberCount: 10 })),
        okOne(sub('application', null, 'u1.xlsx', { memberCount: 7 })),
        okOne(sub('application', ' ', 'u2.xlsx')),
        okOne(sub('demonstration', 'A党支部', 'd.xlsx')),
      ],
      { asOf: AS_OF },
    );
    expect(u.rows).toHaveLength(4);
    expect(u.totals.map((t) => [t.branches, t.unnamed])).toEqual([[1, 0], [1, 2], [0, 0]]);
    expect(u.total).toMatchObject({ branches: 1, unnamed: 2, members: 10 }); // distinct branches; unnamed forms' 7 members not in a branch total
    expect(u.totals[1].members).toBe(10);
    expect(distinctBranches(u.rows)).toBe(1);
    expect([unnamedForms(u.rows), unnamedForms(u.rows, 'application'), unnamedForms(u.rows, 'demonstration')]).toEqual([2, 2, 0]);
  });

  test('honest totals: a hand count (branches once, members once per branch from 附件2 else 附件1, 党委 and unnamed apart)', () => {
    const t = mergeSubmissions(
      [
        // 甲: both forms, 附件1 says 12/5, 附件2 says 11/4 → counts 11 and 4 (附件2's), once.
        okOne(sub('demonstration', '中共甲局党支部', 'j1.xlsx', { memberCount: 12, committeeCount: 5 })),
        okOne(sub('application', '中共甲局党支部', 'j2.xlsx', { memberCount: 11, committeeCount: 4 })),
        okOne(sub('progress', '中共甲局党支部', 'j3.xlsx')),
        // 乙: 附件1 only → 8 and 3.
        okOne(sub('demonstration', '中共乙局支部委员会', 'y1.xlsx', { memberCount: 8, committeeCount: 3 })),
        // 丙: 附件2 without a 支委人数, 附件1 with one → members 附件2's 30, 支委 附件1's 5.
        okOne(sub('application', '丙局第一党支部', 'b2.xlsx', { memberCount: 30 })),
        okOne(sub('demonstration', '丙局第一党支部', 'b1.xlsx', { memberCount: 31, committeeCount: 5 })),
        // 丁: 附件3 only → a branch, no counts.
        okOne(sub('progress', '丁局党支部', 'd3.xlsx')),
        // A 党委 and a 党总支 (two forms of one 党委): apart.
        okOne(sub('application', '中共戊局机关党委', 'w2.xlsx', { memberCount: 120, committeeCount: 7 })),
        okOne(sub('demonstration', '中共戊局机关党委', 'w1.xlsx', { memberCount: 120, committeeCount: 7 })),
        okOne(sub('application', '己局党总支', 'z2.xlsx', { memberCount: 60, committeeCount: 5 })),
        // No name: apart.
        okOne(sub('application', null, 'n2.xlsx', { memberCount: 9, committeeCount: 3 })),
      ],
      { asOf: AS_OF },
    );
    expect(t.totals.map((x) => [x.form, x.branches, x.organisations, x.unnamed, x.members, x.committeeMembers])).toEqual([
      ['demonstration', 3, 1, 0, 12 + 8 + 31, 5 + 3 + 5],
      ['application', 2, 2, 1, 11 + 30, 4],
      ['progress', 2, 0, 0, 0, 0],
    ]);
    expect(t.total).toMatchObject({ branches: 4, organisations: 2, unnamed: 1, members: 11 + 8 + 30, committeeMembers: 4 + 3 + 5 });
    expect(distinctBranches(t.rows)).toBe(4);
  });

  test('progressTotals: due months done over due months of all rows, branches and unnamed forms apart', () => {
    const p = mergeSubmissions(
      [
        okOne(sub('progress', '甲支部', 'p1.xlsx', {}, { months: months(['已完成', '已完成', '未完成']) })),
        okOne(sub('progress', '乙支部', 'p2.xlsx', {}, { months: months(['已完成']) })),
        okOne(sub('progress', null, 'p3.xlsx', {}, { months: months([]) })),
      ],
      { asOf: '2019-04-01' },
    ).progress;
    expect(progressTotals(p)).toEqual({ branches: 2, organisations: 0, unnamed: 1, doneCount: 3, due: 9, share: 3 / 9 });
    expect(progressTotals([])).toEqual({ branches: 0, organisations: 0, unnamed: 0, doneCount: 0, due: 0, share: null });
  });

  test('a bad as-of date is a programming error', () => {
    expect(() => mergeSubmissions([], { asOf: '2019-13-01' })).toThrow();
  });
});
