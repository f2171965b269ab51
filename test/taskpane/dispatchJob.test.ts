/** 下发 as the worker runs it: the roster box's text in, one zip of prefilled templates out, progress on the way. */
import { unzipSync } from 'fflate';
import { rosterToTsv } from '../../src/merge/roster';
import type { MergeProgress } from '../../src/taskpane/host';
import { dispatchFile } from '../../src/taskpane/work/jobs';
import { intakeBytes } from '../../src/workbook/xlsx/intake';

jest.setTimeout(60000);

const P1 = '中共永州市财政局机关委员会';
const box = rosterToTsv(
  [
    { name: '中共永州市财政局第一党支部', parent: P1 },
    { name: '中共永州市财政局第二党支部', parent: P1 },
    { name: '中共永州市财政局离退休党支部', parent: P1, category: '离退休' },
    { name: '中共永州市档案馆党支部', parent: '工委直辖' },
  ],
  ['name', 'parent', 'category'],
);

test('the roster box → a zip with a folder per 上级党组织; progress ends at the total; notes say who was left out', async () => {
  const seen: MergeProgress[] = [];
  const r = await dispatchFile({ rosterText: box, rosterSource: '名册.xlsx', forms: ['application', 'progress'], asOf: '2019-04-01' }, { onProgress: (p) => seen.push(p) });
  expect([r.files, r.folders]).toEqual([6, 2]);
  const entries = unzipSync(r.bytes!);
  expect(Object.keys(entries)).toEqual([
    `${P1}/附件2-中共永州市财政局第一党支部.xlsx`,
    `${P1}/附件3-中共永州市财政局第一党支部.xlsx`,
    `${P1}/附件2-中共永州市财政局第二党支部.xlsx`,
    `${P1}/附件3-中共永州市财政局第二党支部.xlsx`,
    '工委直辖/附件2-中共永州市档案馆党支部.xlsx',
    '工委直辖/附件3-中共永州市档案馆党支部.xlsx',
  ]);
  const read = await intakeBytes(entries['工委直辖/附件3-中共永州市档案馆党支部.xlsx'], 'x.xlsx', { asOf: '2019-04-01', stage: 'filling' });
  expect(read.ok && read.submissions[0].fields.branchName).toBe('中共永州市档案馆党支部');
  expect(seen.at(-1)).toEqual({ done: 6, total: 6, current: '工委直辖/附件3-中共永州市档案馆党支部.xlsx' });
  expect(r.notes).toEqual([expect.stringContaining('中共永州市财政局离退休党支部')]);
});

test('nobody owes: no zip, the reason in the notes; a box without names is refused in Chinese', async () => {
  const none = await dispatchFile({ rosterText: '党支部名称\t达标情况\n甲党支部\t已达标', forms: ['application'], asOf: '2019-04-01' });
  expect(none.bytes).toBeUndefined();
  expect(none.notes.at(-1)).toContain('未生成任何文件');
  await expect(dispatchFile({ rosterText: '党支部名称\t上级党组织\n', forms: ['application'], asOf: '2019-04-01' })).rejects.toThrow(/名册|名单/);
});
