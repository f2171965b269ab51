/**
 * A compact merge (what `wuhua merge` runs: only what the summary reads kept in memory,
 * the JSON report's values spilled to a temporary file) gives the same summary bytes
 * and the same JSON report as a merge that keeps every submission whole.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { generate } from '../../bench/generate';
import { intakeFile } from '../../src/cli/intakeFile';
import { mergeCommand, reportChunks } from '../../src/cli/merge';
import { collectInputs } from '../../src/cli/files';
import { bufferIo } from '../../src/cli/io';
import { FileSpill } from '../../src/cli/spill';
import { Merger, type MergeOptions, type MergedSubmission } from '../../src/merge';
import type { IntakeResult } from '../../src/model/types';
import { summaryBytesStreaming } from '../../src/workbook/xlsx/summary';
import { bad, ok, okOne, sub } from './helpers';

const AS_OF = '2019-05-01';

async function outputs(results: readonly IntakeResult[], opts: MergeOptions): Promise<{ summary: Uint8Array; json: string }> {
  const m = new Merger(opts);
  for (const r of results) m.add(r);
  const s = m.finish();
  return { summary: await summaryBytesStreaming(s), json: [...reportChunks(s, (x: MergedSubmission) => m.whole(x))].join('') };
}

function months(statuses: (string | null)[]) {
  return statuses.map((status, i) => ({
    month: i + 1,
    goal: `${i + 1}月：召开支部党员大会，学习${'党章'.repeat(i + 1)}`,
    problem: null,
    owner: '组织委员',
    status,
    row: 5 + i,
    cells: { goal: `B${5 + i}`, problem: `C${5 + i}`, owner: `D${5 + i}`, status: `E${5 + i}` },
  }));
}

describe('compact merge', () => {
  const results: IntakeResult[] = [
    okOne(sub('application', '中共甲局机关党支部', 'a/甲-附件2.xlsx', { date: '2019-04-10', memberCount: 12, committeeCount: 3, plan: '长文'.repeat(300), partyCommitteeOpinion: '同意' }, { issues: [{ rule: 'date-late', severity: 'warning', field: 'date', cell: 'F3', message: '晚了' }] }), 1000),
    // A resubmission that wins on its date, and a copy that differs only in opinions (sameContent).
    okOne(sub('application', '中国共产党甲局机关支部', 'b/甲-附件2-重报.xlsx', { date: '2019-04-20', memberCount: 13, committeeCount: 3, plan: '新的计划' }), 2000),
    okOne(sub('application', '中共甲局机关党支部', 'c/包.xlsx', { date: '2019-04-20', memberCount: 13, committeeCount: 3, plan: '新的计划', partyCommitteeOpinion: '同意报送' }), 1500),
    okOne(sub('progress', '中共甲局机关党支部', 'a/甲-附件3.xlsx', {}, { months: months(['已完成', '未完成', null, '进行中', '完成', null, null, null, null, null, null, null]) })),
    // Two more 附件3: one whose months read like 甲局's (its status cells and done months are shared lists in a compact merge), one that differs (丁局 sent no 附件2: form-missing).
    okOne(sub('progress', '丙局党支部', 'f/丙-附件3.xlsx', {}, { months: months(['已完成', '未完成', null, '进行中', '完成', null, null, null, null, null, null, null]) })),
    okOne(sub('progress', '丁局党支部', 'h/丁-附件3.xlsx', {}, { months: months(['完成', '完成', '完成', null, null, null, null, null, null, null, null, '已完成']) })),
    okOne(sub('demonstration', '中共甲局机关党支部', 'a/甲-附件1.xlsx', { date: '2019-04-11', memberCount: 15, committeeCount: 5, basicWork: '基础'.repeat(500) })),
    // A form on a hidden sheet beside the same form visible, in one file.
    ok('d/乙.xlsx', [
      { ...sub('application', '乙局党支部', 'd/乙.xlsx', { date: '2019-04-30', memberCount: 8 }, { sheet: '草稿' }), hiddenSheet: true },
      sub('application', '乙局党支部', 'd/乙.xlsx', { date: '2019-04-01', memberCount: 9 }, { sheet: '附件2' }),
    ]),
    okOne(sub('application', null, 'e/无名.xlsx', { memberCount: 4, contact: '=1+1' })),
    okOne({ ...sub('application', '丙局党支部', 'f/丙.xlsx', { date: '2019-04-02' }), origin: { file: '丙局/原件.xlsx', sheet: '附件2', chain: ['丙局党委于2019年4月5日初核'], parent: '丙局党委' } }),
    bad('g/坏.xlsx'),
  ];

  test.each([
    ['without a roster', { asOf: AS_OF }],
    ['with a roster', { asOf: AS_OF, roster: ['甲局机关党支部', { name: '丁局党支部', parent: '丁局党委', source: '名册.xlsx 第3行' }] }],
  ] as const)('gives the same summary bytes and JSON report as a whole merge (%s)', async (_, opts) => {
    const spill = new FileSpill();
    try {
      const whole = await outputs(results, opts);
      const compact = await outputs(results, { ...opts, compact: { spill } });
      expect(Buffer.from(compact.summary).equals(Buffer.from(whole.summary))).toBe(true);
      expect(compact.json).toBe(whole.json);
      expect(compact.json).toContain('长文长文'); // the long text came back from the spill
      expect(compact.json).toMatch(/form-missing[^]*cross-form-mismatch|cross-form-mismatch[^]*form-missing/); // issues added at finish (a branch's forms together) are there too
      const dropped = await outputs(results, { ...opts, compact: {} }); // no spill: the summary alone
      expect(Buffer.from(dropped.summary).equals(Buffer.from(whole.summary))).toBe(true);
    } finally {
      spill.close();
    }
  });

  test('keeps only what the summary reads in memory', () => {
    const m = new Merger({ asOf: AS_OF, compact: {} });
    m.add(results[0]);
    m.add(results[3]);
    const [a2, a3] = m.finish().submissions.sort((x, y) => x.form.localeCompare(y.form));
    expect(a2.fields.plan).toBeUndefined();
    expect(a2.fields.memberCount).toBe(12);
    expect(a3.months?.[0]).toMatchObject({ month: 1, status: '已完成', goal: null, cells: { status: 'E5' } });
    expect(() => m.finish()).toThrow(); // it changed its own submissions: a second finish would add issues twice
  });

  test('the spill file is gone once opened (POSIX) and reads records back by ticket', () => {
    const spill = new FileSpill();
    try {
      const parts = [{ fields: { plan: 'x'.repeat(3000) }, cells: {} }, { fields: { branchName: '甲' }, cells: { branchName: 'C3' } }];
      const tickets = parts.map((p) => spill.put(p));
      expect(spill.get(tickets[1])).toEqual(parts[1]);
      expect(spill.get(tickets[0])).toEqual(parts[0]);
      if (process.platform !== 'win32') expect(() => readFileSync(spill.path)).toThrow();
    } finally {
      spill.close();
    }
    expect(() => spill.get(0)).toThrow();
  });

  test('the spill gives back every record, whether still in its block or in the file, small or larger than a block', () => {
    const spill = new FileSpill();
    try {
      let seed = 3;
      const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
      const sizes = [1, 40, 900, 5000, 70_000, 400_000]; // 400,000 UTF-16 units: more than a 1 MB block can surely hold
      const parts: { fields: Record<string, string>; cells: Record<string, string> }[] = [];
      const tickets: number[] = [];
      for (let i = 0; i < 400; i++) {
        const size = i % 97 === 0 ? sizes[sizes.length - 1] : sizes[rand(sizes.length - 1)];
        const part = { fields: { plan: `${i}：${'党建𠀀"\\\n'.repeat(Math.ceil(size / 8)).slice(0, size)}` }, cells: { plan: `B${i}` } };
        parts.push(part);
        tickets.push(spill.put(part));
        const back = rand(i + 1); // an earlier record, now and then the one just put
        expect(spill.get(tickets[back])).toEqual(parts[back]);
      }
      for (let k = 0; k < 400; k++) {
        const i = rand(400);
        expect(spill.get(tickets[i])).toEqual(parts[i]);
      }
    } finally {
      spill.close();
    }
  });

  test('wuhua merge (compact, spilled) writes what a whole merge of the same files gives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wuhua-compact-'));
    try {
      await generate(join(dir, 'in'), 120);
      const inputs = await collectInputs([join(dir, 'in')]);
      const opts = { asOf: AS_OF, stage: 'committee' as const };
      const intake = [];
      for (const i of inputs) intake.push((await intakeFile(i, opts)).result);
      const whole = await outputs(intake, { asOf: AS_OF });

      const io = bufferIo();
      const out = join(dir, '汇总.xlsx');
      const json = join(dir, 'report.json');
      expect(await mergeCommand([join(dir, 'in'), '-o', out, '--json', json, '--as-of', AS_OF], io)).toBe(0);
      expect(readFileSync(out).equals(Buffer.from(whole.summary))).toBe(true);
      expect(readFileSync(json, 'utf8')).toBe(whole.json);
      expect(readdirSync(dir).sort()).toEqual(['in', 'report.json', '汇总.xlsx']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
