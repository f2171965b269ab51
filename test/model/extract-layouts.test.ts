/**
 * Layouts clerks type that once misled the reader (found by an audit of hand-typed
 * files): each test builds the sheet as plain cells and states what a careful person
 * reads from it.
 */
import { parseCell } from '../../src/forms/address';
import { extractForms } from '../../src/model/extract';
import { normaliseForm } from '../../src/model/normalise';
import { cellKey, type GridCell, type Submission } from '../../src/model/types';

type Cells = Record<string, string | number | GridCell>;

/** One sheet from A1-addressed cells (a number is a number cell; { v, date } a date cell). */
function sheetOf(cells: Cells, merges: string[] = []) {
  const map = new Map<number, GridCell>();
  let maxRow = 0;
  let maxCol = 0;
  for (const [a1, v] of Object.entries(cells)) {
    const { row, col } = parseCell(a1);
    map.set(cellKey(row, col), typeof v === 'object' ? v : { v });
    maxRow = Math.max(maxRow, row);
    maxCol = Math.max(maxCol, col);
  }
  return { sheets: [{ name: 'S', cells: map, merges, maxRow, maxCol }], names: [] };
}

/** The cells without some addresses. */
const omit = (cells: Cells, ...a1: string[]): Cells => Object.fromEntries(Object.entries(cells).filter(([k]) => !a1.includes(k)));

function read(cells: Cells, merges: string[] = []): Submission[] {
  return extractForms(sheetOf(cells, merges)).map((x) => normaliseForm(x, 'f.xlsx'));
}

/** 附件3 with a header in row 3 and months from row 4, `rows` as [label, goal, owner, status]. */
function progressCells(rows: (string | null)[][], start = 4): Cells {
  const cells: Cells = { A1: '市直机关党支部“五化”建设创建进度表', A2: '党支部名称：市交通局机关党支部', A3: '时间', B3: '目标任务', C3: '问题短板', D3: '责任部门或人员', E3: '完成情况' };
  rows.forEach((r, i) => {
    const row = start + i;
    ['A', 'B', 'D', 'E'].forEach((col, k) => {
      if (r[k] !== null && r[k] !== undefined) cells[`${col}${row}`] = r[k]!;
    });
  });
  return cells;
}

const twelve = (goal = (m: number) => `目标${m}`): (string | null)[][] => Array.from({ length: 12 }, (_, i) => [`${i + 1}月份`, goal(i + 1), '组织委员', '已完成']);

/** 附件2 typed by hand: labels in column A, values right of them. */
const APPLICATION: Cells = {
  A1: '附件2',
  A2: '市直机关党支部“五化”建设申报表',
  A3: '申报党支部名称：',
  B3: '市民政局机关党支部',
  E3: '申报时间：',
  F3: '2019年4月20日',
  A4: '党员人数',
  B4: 23,
  C4: '支委人数',
  D4: 5,
  A5: '创建计划',
  B5: '计划',
};

describe('a form title mentioned inside a text is not a title', () => {
  test('附件3: a goal quoting 《“五化”建设申报表》 and 《创建进度表》 keeps all twelve months, one form', () => {
    const rows = twelve((m) => (m === 4 ? '上报《“五化”建设申报表》和《创建进度表》' : `目标${m}`));
    const subs = read(progressCells(rows));
    expect(subs.map((s) => s.form)).toEqual(['progress']);
    expect(subs[0].months!.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(subs[0].months![3].goal).toBe('上报《“五化”建设申报表》和《创建进度表》');
  });

  test('附件2: a plan and an opinion naming 申报表 are values, and no second form appears', () => {
    const subs = read({ ...APPLICATION, B5: '按照示范点创建申报表要求开展创建', A6: '机关事业单位党委、党总支部意见', B6: '同意报送“五化”建设申报表。' });
    expect(subs.map((s) => s.form)).toEqual(['application']);
    expect([subs[0].fields.plan, subs[0].fields.partyCommitteeOpinion]).toEqual(['按照示范点创建申报表要求开展创建', '同意报送“五化”建设申报表。']);
  });

  test('real titles still are: with 附件N and a colon, with a year in brackets, split over two cells', () => {
    expect(read({ ...APPLICATION, A2: '附件2：市直机关党支部“五化”建设申报表（2019年）' }).map((s) => s.form)).toEqual(['application']);
    const demo = read({ A2: '市直机关党支部“五化”建设', A3: '示范点创建申报表', A4: '申报党支部名称：', B4: '某党支部', A5: '党员人数', B5: 9, C5: '支委人数', D5: 3 });
    expect(demo.map((s) => [s.form, s.fields.branchName])).toEqual([['demonstration', '某党支部']]);
  });
});

describe('an empty short field does not take the next field’s value', () => {
  // 附件1's header line with 申报时间 left empty (merged slot G3:H3); 书记姓名's value 张三 sits below it in F4.
  const demo: Cells = {
    A1: '附件1', A2: '市直机关党支部“五化”建设示范点创建申报表', A3: '申报党支部名称：', C3: '市统计局机关党支部', F3: '申报时间：',
    A4: '党员人数', B4: 23, C4: '支委人数', D4: 5, E4: '书记姓名', F4: '张三', G4: '联系方式', H4: '13800138000',
  };

  test('an empty merged slot right of the label: the date is empty (required), not "张三"', () => {
    const [s] = read(demo, ['G3:H3']);
    expect([s.fields.date, s.cells.date, s.fields.secretaryName]).toEqual([null, 'G3', '张三']);
    expect(s.parseIssues).toEqual([]);
  });

  test('no slot at all: a value below that belongs to the label on its left is not taken', () => {
    const [s] = read(demo);
    expect([s.fields.date, s.parseIssues]).toEqual([null, []]);
  });

  test('a value typed below its own label is still read', () => {
    const [s] = read({ ...omit(APPLICATION, 'F3'), E4: '2019年4月22日' });
    expect(s.fields.date).toBe('2019-04-22');
  });
});

test('"label：value" in one cell keeps the value as typed: full-width punctuation is not folded', () => {
  const [s] = read({ ...omit(APPLICATION, 'B3', 'B5'), A3: '申报党支部名称：中共永州市财政局（机关）第一党支部', A5: '创建计划：一、强化学习，提高认识；二、规范“三会一课”！' });
  expect(s.fields.branchName).toBe('中共永州市财政局（机关）第一党支部');
  expect(s.fields.plan).toBe('一、强化学习，提高认识；二、规范“三会一课”！');
});

describe('opinions typed over several cells', () => {
  const opinion = (b6: string | GridCell, b7: string | GridCell, b8: string | GridCell) =>
    read({ ...APPLICATION, A6: '机关事业单位党委、党总支部意见', B6: b6, B7: b7, B8: b8, A9: '市直工委意见' }, ['A6:A8'])[0];

  test('a date cell above （盖章）: the date is the opinion’s date, its serial never enters the text', () => {
    const s = opinion('同意推荐。', { v: 43580, date: true }, '（盖章）');
    expect([s.fields.partyCommitteeOpinion, s.fields.partyCommitteeOpinionDate]).toEqual(['同意推荐。', '2019-04-25']);
  });

  test('a date text above （单位盖章）', () => {
    const s = opinion('同意推荐。', '2019年4月25日', '（单位盖章）');
    expect([s.fields.partyCommitteeOpinion, s.fields.partyCommitteeOpinionDate]).toEqual(['同意推荐。', '2019-04-25']);
  });

  test('a date cell inside a long text reads as a date, not a serial number', () => {
    const [s] = read({ ...APPLICATION, B5: '召开支委会', B6: { v: 43580, date: true }, B7: '研究创建计划' }, ['A5:A7']);
    expect(s.fields.plan).toBe('召开支委会\n2019年4月25日\n研究创建计划');
  });
});

describe('附件3 month rows', () => {
  test('a month label merged over two rows: both rows are that month’s, no phantom rows', () => {
    const rows: (string | null)[][] = [];
    for (let m = 1; m <= 12; m++) rows.push([`${m}月份`, `${m}月目标一`, '组织委员', '已完成'], [null, `${m}月目标二`, null, null]);
    const merges = Array.from({ length: 12 }, (_, i) => `A${4 + 2 * i}:A${5 + 2 * i}`);
    const [s] = read(progressCells(rows), merges);
    expect(s.months!.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(s.months![0]).toMatchObject({ goal: '1月目标一\n1月目标二', owner: '组织委员', status: '已完成', row: 4 });
  });

  test('an unmerged row without a month label stays a row of its own (the rules point at it)', () => {
    const rows = twelve();
    rows.splice(4, 1, [null, '目标5', '组织委员', '已完成']);
    const [s] = read(progressCells(rows));
    expect(s.months!.map((m) => m.month)).toEqual([1, 2, 3, 4, null, 6, 7, 8, 9, 10, 11, 12]);
  });

  test('the header repeated for a second printed page is skipped: months 7–12 are read', () => {
    const rows: (string | null)[][] = twelve();
    const cells = progressCells(rows.slice(0, 6));
    Object.assign(cells, { A10: '时间', B10: '目标任务', C10: '问题短板', D10: '责任部门或人员', E10: '完成情况' });
    Object.assign(cells, progressCells(rows.slice(6), 11));
    const [s] = read(cells);
    expect(s.months!.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  test('a 备注 row under the table ends it', () => {
    const cells = progressCells([...twelve(), ['备注', '本表每月更新', null, null]]);
    expect(read(cells)[0].months!.length).toBe(12);
  });
});

describe('values as clerks type them', () => {
  test('a date typed in pieces as on paper: [2019]年[4]月[20]日', () => {
    const [s] = read({ ...APPLICATION, F3: 2019, G3: '年', H3: 4, I3: '月', J3: 20, K3: '日' });
    expect([s.fields.date, s.cells.date]).toEqual(['2019-04-20', 'F3']);
  });

  test('a landline in a number cell lost its leading 0: the contact is 07468221234', () => {
    const [s] = read({
      A2: '市直机关党支部“五化”建设示范点创建申报表', A3: '申报党支部名称：', B3: '某党支部', A4: '党员人数', B4: 9, C4: '联系方式', D4: 7468221234,
    });
    expect(s.fields.contact).toBe('07468221234');
  });

  test('label variants: 支部书记, 机关事业单位党委（党总支部）意见', () => {
    const [s] = read({
      A2: '市直机关党支部“五化”建设示范点创建申报表', A3: '申报党支部名称：', B3: '某党支部', A4: '党员人数', B4: 9, C4: '支部书记', D4: '张三',
      A5: '机关事业单位党委（党总支部）意见', B5: '同意。',
    });
    expect([s.fields.secretaryName, s.fields.partyCommitteeOpinion]).toEqual(['张三', '同意。']);
  });
});

describe('several "label：value" pairs on one line', () => {
  const DEMO: Cells = {
    A2: '市直机关党支部“五化”建设示范点创建申报表', A3: '申报党支部名称：', B3: '某党支部', A4: '党员人数', B4: 9, C4: '支委人数', D4: 3,
  };

  test('a cell that starts with a label of no field: our label after it still fills its field, the other is dropped', () => {
    const [s] = read({ ...DEMO, A5: '联系人：王芳　联系电话：13800138000' });
    expect([s.fields.contact, s.cells.contact]).toEqual(['13800138000', 'A5']);
  });

  test('a value cell that starts with 填表人： is no value: the date stays empty, without a false date-invalid', () => {
    const [s] = read({ ...DEMO, E3: '申报时间：', G3: '填表人：李四' });
    expect([s.fields.date, s.parseIssues]).toEqual([null, []]);
  });

  test('any short label after white space ends a value ("经办人：")', () => {
    const [s] = read({ ...DEMO, E3: '申报时间：2019年4月20日  经办人：李四' });
    expect(s.fields.date).toBe('2019-04-20');
  });

  test('a long text keeps its inner "label：" lines', () => {
    const [s] = read({ ...DEMO, A6: '基础工作情况', B6: '主要做法：三会一课\n联系人：王芳' });
    expect(s.fields.basicWork).toBe('主要做法：三会一课\n联系人：王芳');
  });
});

describe('two forms side by side', () => {
  const progressAt = (col: number, branch: string): Cells => {
    const c = (n: number) => String.fromCharCode(64 + col + n);
    const cells: Cells = { [`${c(0)}1`]: '市直机关党支部“五化”建设创建进度表', [`${c(0)}2`]: `党支部名称：${branch}` };
    ['时间', '目标任务', '问题短板', '责任部门或人员', '完成情况'].forEach((t, i) => (cells[`${c(i)}3`] = t));
    for (let m = 1; m <= 12; m++) Object.assign(cells, { [`${c(0)}${3 + m}`]: `${m}月份`, [`${c(1)}${3 + m}`]: `${branch}目标${m}` });
    return cells;
  };

  test('no empty column between them: each form ends where the other’s title begins', () => {
    const subs = read({ ...progressAt(1, '甲支部'), ...progressAt(6, '乙支部') });
    expect(subs.map((s) => [s.fields.branchName, s.months!.length, s.months![0].goal])).toEqual([
      ['甲支部', 12, '甲支部目标1'],
      ['乙支部', 12, '乙支部目标1'],
    ]);
  });

  test('titles a row apart (a two-line title beside a one-line one) are still side by side', () => {
    const right = progressAt(7, '乙支部');
    const shifted: Cells = Object.fromEntries(Object.entries(right).map(([a1, v]) => [a1.replace(/\d+$/, (r) => String(Number(r) + 1)), v]));
    const subs = read({ ...progressAt(1, '甲支部'), ...shifted });
    expect(subs.map((s) => [s.fields.branchName, s.months!.length])).toEqual([['甲支部', 12], ['乙支部', 12]]);
  });
});
