/** 下发's plan: who gets which prefilled template, in which folder, under which name. */
import { MAX_FOLDER_CHARS, MAX_STEM_CHARS, planDispatch, safeName } from '../../src/merge/dispatch';
import type { RosterEntry } from '../../src/merge/types';

const P1 = '中共永州市财政局机关委员会'; // no 示范点, 4 branches
const P2 = '中共永州市中心医院委员会'; // has a 示范点
const P3 = '中共永州市气象局机关总支部委员会'; // one branch only, no 示范点
const DIRECT = '工委直辖';

const roster: RosterEntry[] = [
  { name: '中共永州市财政局第一党支部', parent: P1, secretary: '张三', phone: '13907460001' },
  { name: '中共永州市财政局第二党支部', parent: P1 },
  { name: '中共永州市财政局离退休党支部', parent: P1, category: '离退休' },
  { name: '中共永州市财政局第三党支部', parent: P1, status: '已达标' },
  { name: '中共永州市中心医院第一党支部', parent: P2, hasDemo: true },
  { name: '中共永州市中心医院第二党支部', parent: P2 },
  { name: '中共永州市气象局党支部', parent: P3, secretary: '李四', phone: '0746-8221234' },
  { name: '中共永州市档案馆党支部', parent: DIRECT },
];

test('附件2 and 附件3 for every branch that owes them, in a folder per 上级党组织, prefilled with the name only', () => {
  const plan = planDispatch(roster, ['progress', 'application'], '2019-04-01');
  expect(plan.files.map((f) => f.path)).toEqual([
    `${P1}/附件2-中共永州市财政局第一党支部.xlsx`,
    `${P1}/附件3-中共永州市财政局第一党支部.xlsx`,
    `${P1}/附件2-中共永州市财政局第二党支部.xlsx`,
    `${P1}/附件3-中共永州市财政局第二党支部.xlsx`,
    `${P2}/附件2-中共永州市中心医院第一党支部.xlsx`,
    `${P2}/附件3-中共永州市中心医院第一党支部.xlsx`,
    `${P2}/附件2-中共永州市中心医院第二党支部.xlsx`,
    `${P2}/附件3-中共永州市中心医院第二党支部.xlsx`,
    `${P3}/附件2-中共永州市气象局党支部.xlsx`,
    `${P3}/附件3-中共永州市气象局党支部.xlsx`,
    `${DIRECT}/附件2-中共永州市档案馆党支部.xlsx`,
    `${DIRECT}/附件3-中共永州市档案馆党支部.xlsx`,
  ]);
  // 附件2/3 have no 书记 or 联系方式 field: only the name goes in.
  expect(plan.files[0].values).toEqual({ branchName: '中共永州市财政局第一党支部' });
  expect(plan.folders).toEqual([
    { folder: P1, parent: P1, files: 4 },
    { folder: P2, parent: P2, files: 4 },
    { folder: P3, parent: P3, files: 2 },
    { folder: DIRECT, parent: DIRECT, files: 2 },
  ]);
  expect(plan.notes).toEqual([expect.stringMatching(/^2 个党支部不需报送附件2、附件3（离退休或已达标.*中共永州市财政局离退休党支部、中共永州市财政局第三党支部。$/)]);
});

test('附件1: one per 上级党组织 that owes it — blank when it has several branches, prefilled (书记, 联系方式) when one; none for 工委直辖 or one with a 示范点', () => {
  const plan = planDispatch(roster, ['demonstration'], '2019-04-01');
  expect(plan.files.map((f) => [f.path, f.branch, f.values])).toEqual([
    [`${P1}/附件1-${P1}.xlsx`, null, {}],
    [`${P3}/附件1-中共永州市气象局党支部.xlsx`, '中共永州市气象局党支部', { branchName: '中共永州市气象局党支部', secretaryName: '李四', contact: '0746-8221234' }],
  ]);
  expect(plan.notes).toHaveLength(3);
  expect(plan.notes[0]).toContain(`${DIRECT}的党支部可自愿申报示范点`);
  expect(plan.notes[1]).toMatch(new RegExp(`^${P1}尚无示范点.*空白附件1`));
  expect(plan.notes[2]).toBe(`${P2}已有示范点，不需报送附件1，未生成。`);
});

test('a roster without 上级党组织: no folders, and 附件1 is not judged (said)', () => {
  const plain: RosterEntry[] = [{ name: '甲党支部' }, { name: '乙党支部', category: '离退休' }];
  const plan = planDispatch(plain, ['demonstration', 'application'], '2019-04-01');
  expect(plan.files.map((f) => f.path)).toEqual(['附件2-甲党支部.xlsx']);
  expect(plan.folders).toEqual([{ folder: '', parent: '', files: 1 }]);
  expect(plan.notes[0]).toMatch(/名册没有“上级党组织”.*未生成附件1/);
});

test('branches without 上级党组织 beside ones with it go to their own folder', () => {
  const plan = planDispatch([{ name: '甲党支部', parent: P1 }, { name: '乙党支部' }], ['application'], '2019-04-01');
  expect(plan.files.map((f) => f.path)).toEqual([`${P1}/附件2-甲党支部.xlsx`, '未注明上级党组织/附件2-乙党支部.xlsx']);
});

test('a branch founded after 4月30日 still owes 附件2/3 (within a month of founding); the as-of date changes nothing of who gets a file', () => {
  const late: RosterEntry[] = [{ name: '新成立党支部', parent: P1, founded: '2019-06-15' }];
  expect(planDispatch(late, ['application'], '2019-04-01').files).toHaveLength(1);
  expect(planDispatch(late, ['application'], '2019-12-31').files).toHaveLength(1);
});

test('nothing owed: no file, and it is said', () => {
  const plan = planDispatch([{ name: '甲党支部', status: '已达标' }], ['application', 'progress'], '2019-04-01');
  expect(plan.files).toEqual([]);
  expect(plan.notes.at(-1)).toContain('未生成任何文件');
});

describe('names safe on Windows', () => {
  test.each([
    ['中共A/B党支部', '中共A／B党支部'],
    ['a\\b:c*d?e"f<g>h|i', 'a＼b：c＊d？e＂f＜g＞h｜i'],
    ['  党支部\t第一\n ', '党支部 第一'],
    ['党支部...', '党支部'],
    ['党支部. . ', '党支部'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['COM1', '_COM1'],
    ['CONSOLE', 'CONSOLE'],
    ['', '未命名'],
    ['...', '未命名'],
    ['a\u0000b\u001fc', 'a b c'],
  ])('%j → %j', (raw, safe) => {
    expect(safeName(raw, 60)).toBe(safe);
  });

  test('length bounded in characters, never splitting a character outside the BMP', () => {
    const long = '中'.repeat(100);
    expect(safeName(long, MAX_STEM_CHARS)).toBe('中'.repeat(MAX_STEM_CHARS));
    const astral = '𠀀'.repeat(50); // each one code point, two UTF-16 units
    const cut = safeName(astral, MAX_FOLDER_CHARS);
    expect(Array.from(cut)).toHaveLength(MAX_FOLDER_CHARS);
    expect(cut).toBe('𠀀'.repeat(MAX_FOLDER_CHARS));
  });

  test('two branches whose safe names clash (control characters, case, a cut) get （2）, folders too', () => {
    const clash: RosterEntry[] = [
      { name: '中共A/B党支部', parent: 'X:委' },
      { name: '中共A\u0001B党支部', parent: 'X:委' }, // another branch: not the same name once spaces go
      { name: '中共A B党支部', parent: 'X:委' },
      { name: 'abc党支部', parent: 'X：委' },
      { name: 'ABC党支部', parent: 'X：委' },
      { name: `${'长'.repeat(70)}一`, parent: 'Y' },
      { name: `${'长'.repeat(70)}二`, parent: 'Y' },
    ];
    const paths = planDispatch(clash, ['application'], '2019-04-01').files.map((f) => f.path);
    expect(paths).toEqual([
      'X：委/附件2-中共A／B党支部.xlsx',
      'X：委/附件2-中共A B党支部.xlsx',
      'X：委/附件2-中共A B党支部（2）.xlsx',
      'X：委（2）/附件2-abc党支部.xlsx',
      'X：委（2）/附件2-ABC党支部（2）.xlsx',
      `Y/附件2-${'长'.repeat(60)}.xlsx`,
      `Y/附件2-${'长'.repeat(60)}（2）.xlsx`,
    ]);
  });
});
