/**
 * Round trip through a different library: our template, filled by openpyxl through the
 * workbook's defined names, read back by `bin/wuhua check --json` (a real process).
 * The report must give back exactly the values written.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { fieldName, getForm } from '../../src/forms';
import type { FormId } from '../../src/forms/types';
import type { JsonReport } from '../../src/model/report';
import { templateBytes } from '../../src/workbook/xlsx/template';

const ROOT = join(__dirname, '..', '..');
const PYTHON = '/usr/bin/python3';
type PyValue = string | number | { date: string } | { text: string };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-rt-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function fill(id: FormId, byField: Record<string, PyValue>, cells: [string, PyValue][] = []): Promise<string> {
  const form = getForm(id);
  const src = join(dir, `${id}-blank.xlsx`);
  const out = join(dir, `${id}-filled.xlsx`);
  writeFileSync(src, await templateBytes(form));
  const names = Object.fromEntries(Object.entries(byField).map(([f, v]) => [fieldName(form, f), v]));
  execFileSync(PYTHON, [join(__dirname, 'fill.py')], {
    input: JSON.stringify({ in: src, out, names, cells: cells.map(([a1, v]) => [form.sheetName, a1, v]) }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return out;
}

function check(file: string): JsonReport {
  const json = join(dir, `report-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'wuhua'), 'check', file, '--json', json, '--as-of', '2019-05-10'], { cwd: ROOT, encoding: 'utf8' });
  expect([r.status, r.stderr.includes('已写出 JSON 报告')]).toEqual([0, true]);
  return JSON.parse(readFileSync(json, 'utf8')) as JsonReport;
}

test('附件1 filled by openpyxl: every value comes back as written (real date, text date, counts, line breaks, "=1+1" as text)', async () => {
  const file = await fill('demonstration', {
    branchName: '中共永州市某某局机关第一支部委员会',
    date: { date: '2019-04-20' },
    memberCount: 23,
    committeeCount: 5,
    secretaryName: { text: '=1+1' },
    contact: '0746-8223344',
    basicWork: '一、组织建设：支部按期换届。\n二、制度建设：“三会一课”记录齐全。',
    highlights: '党建+业务 “双融合”',
    partyCommitteeOpinion: '同意推荐。',
    partyCommitteeOpinionDate: '2019年4月25日',
  });
  const report = check(file);
  expect(report.rejected).toEqual([]);
  expect(report.submissions).toHaveLength(1);
  const sub = report.submissions[0];
  expect(sub).toMatchObject({ file, sheet: getForm('demonstration').sheetName, form: 'demonstration', branch: '中共永州市某某局机关第一支部委员会' });
  expect(sub.fields).toEqual({
    branchName: '中共永州市某某局机关第一支部委员会',
    date: '2019-04-20',
    memberCount: 23,
    committeeCount: 5,
    secretaryName: '=1+1',
    contact: '0746-8223344',
    basicWork: '一、组织建设：支部按期换届。\n二、制度建设：“三会一课”记录齐全。',
    highlights: '党建+业务 “双融合”',
    partyCommitteeOpinion: '同意推荐。',
    partyCommitteeOpinionDate: '2019-04-25',
    workCommitteeOpinion: null,
    workCommitteeOpinionDate: null,
  });
  expect(sub.months).toBeUndefined();
  expect(sub.issues.filter((i) => i.severity === 'error')).toEqual([]);
});

test('附件2 filled by openpyxl: header date as a real date, table date as text', async () => {
  const file = await fill('application', {
    branchName: '市某某中心党支部',
    date: { date: '2019-04-18' },
    memberCount: 9,
    committeeCount: 3,
    tableDate: '2019年4月18日',
    plan: '1. 建强班子\n2. 完善制度\n3. 规范活动',
  });
  const sub = check(file).submissions[0];
  expect(sub.form).toBe('application');
  expect(sub.fields).toEqual({
    branchName: '市某某中心党支部',
    date: '2019-04-18',
    memberCount: 9,
    committeeCount: 3,
    tableDate: '2019-04-18',
    plan: '1. 建强班子\n2. 完善制度\n3. 规范活动',
    partyCommitteeOpinion: null,
    partyCommitteeOpinionDate: null,
    workCommitteeOpinion: null,
    workCommitteeOpinionDate: null,
  });
});

test('附件3 filled by openpyxl: month rows come back by month with their four columns', async () => {
  const form = getForm('progress');
  const m = form.months!;
  const col = (k: string) => m.columns.find((c) => c.key === k)!.column;
  const cells: [string, PyValue][] = [];
  const expected = [];
  for (let month = 1; month <= 12; month++) {
    const row = m.firstRow + month - 1;
    const v = { goal: `${month}月目标：学习\n第二行`, problem: month % 2 ? '短板' : null, owner: '组织委员', status: month < 5 ? (month === 4 ? { text: '=完成' } : '已完成') : null };
    cells.push([`${col('goal')}${row}`, v.goal], [`${col('owner')}${row}`, v.owner]);
    if (v.problem) cells.push([`${col('problem')}${row}`, v.problem]);
    if (v.status) cells.push([`${col('status')}${row}`, v.status]);
    expected.push({ month, goal: v.goal, problem: v.problem, owner: v.owner, status: v.status === null ? null : typeof v.status === 'string' ? v.status : v.status.text });
  }
  const file = await fill('progress', { branchName: '某某支部' }, cells);
  const sub = check(file).submissions[0];
  expect(sub.form).toBe('progress');
  expect(sub.fields).toEqual({ branchName: '某某支部' });
  expect(sub.months).toEqual(expected);
  expect(sub.issues.filter((i) => i.rule.startsWith('month-status'))).toEqual([]);
});
