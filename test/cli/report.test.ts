import { buildReport } from '../../src/model/report';
import type { CheckedSubmission } from '../../src/model/types';

const progress: CheckedSubmission = {
  file: 'in/a.xlsx',
  sheet: '附件3 创建进度表',
  form: 'progress',
  via: 'tag',
  fields: { branchName: '某支部' },
  cells: { branchName: 'B3' },
  months: [{ month: 1, goal: '学习', problem: null, owner: '书记', status: '已完成', row: 5, cells: { goal: 'B5', problem: 'C5', owner: 'D5', status: 'E5' } }],
  parseIssues: [],
  issues: [
    { rule: 'months-missing', severity: 'error', field: 'months', message: '缺少2月份' },
    { rule: 'month-owner-missing', severity: 'warning', field: 'months.1.owner', cell: 'D5', message: 'x' },
  ],
};

test('merge input: latest and branch kept, months without row/cells, issue cell null when unknown, duplicates and missing as plain data', () => {
  const report = buildReport({
    submissions: [{ ...progress, latest: false, branch: '某支部（显示名）' }],
    rejected: [{ file: 'in/~$a.xlsx', reason: '锁定文件' }],
    duplicates: [{ branch: '某支部', form: 'progress', kept: 'in/b.xlsx', superseded: ['in/a.xlsx'] }],
    missing: ['甲支部', { name: '乙支部' }],
  });
  expect(report).toEqual({
    submissions: [
      {
        file: 'in/a.xlsx',
        sheet: '附件3 创建进度表',
        form: 'progress',
        branch: '某支部（显示名）',
        latest: false,
        fields: { branchName: '某支部' },
        months: [{ month: 1, goal: '学习', problem: null, owner: '书记', status: '已完成' }],
        issues: [
          { rule: 'months-missing', severity: 'error', field: 'months', cell: null, message: '缺少2月份' },
          { rule: 'month-owner-missing', severity: 'warning', field: 'months.1.owner', cell: 'D5', message: 'x' },
        ],
      },
    ],
    rejected: [{ file: 'in/~$a.xlsx', reason: '锁定文件' }],
    duplicates: [{ branch: '某支部', form: 'progress', kept: 'in/b.xlsx', superseded: ['in/a.xlsx'] }],
    missing: ['甲支部', '乙支部'],
  });
});

test('every field of the form is present, empty ones null; branch from 党支部名称, null when blank', () => {
  const sub: CheckedSubmission = { file: 'f', sheet: 's', form: 'application', via: 'labels', fields: { branchName: '  ', memberCount: 9 }, cells: {}, parseIssues: [], issues: [] };
  const [out] = buildReport({ submissions: [sub], rejected: [] }).submissions;
  expect(out.branch).toBeNull();
  expect(out.fields).toEqual({
    branchName: '  ', date: null, memberCount: 9, committeeCount: null, tableDate: null, plan: null,
    partyCommitteeOpinion: null, partyCommitteeOpinionDate: null, workCommitteeOpinion: null, workCommitteeOpinionDate: null,
  });
  expect('latest' in out).toBe(false);
  expect('months' in out).toBe(false);
});
