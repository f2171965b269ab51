/**
 * Every command's --roster goes through one reader: a roster's ignored columns and bad
 * rows are said on stderr (merge dropped them silently before), and a roster that cannot
 * be used stops the command with exit 2 and the same Chinese reason.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { bufferIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { filledBytes } from '../merge/files';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-roster-option-'));
  mkdirSync(join(dir, 'in'));
  mkdirSync(join(dir, 'out'));
  writeFileSync(join(dir, 'in', 'a2.xlsx'), await filledBytes('application', { branchName: '中共甲局第一党支部', date: '2019-04-20', memberCount: 12, committeeCount: 3 }));
  writeFileSync(join(dir, '名册.csv'), '党支部名称,上级党组织,备注\n中共甲局第一党支部,中共甲局机关委员会,无\n,中共甲局机关委员会,空名\n中共甲局第二党支部,中共甲局机关委员会,\n');
  writeFileSync(join(dir, '空.csv'), '\n\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const argv = (command: string, roster: string): string[] => {
  const r = join(dir, roster);
  const out = join(dir, 'out');
  if (command === 'merge') return ['merge', join(dir, 'in'), '--roster', r, '--as-of', '2019-05-10', '-o', join(out, '汇总.xlsx')];
  if (command === 'remind') return ['remind', join(dir, 'in'), '--roster', r, '--as-of', '2019-05-10', '-o', join(out, '催报.xlsx')];
  return ['template', '2', '--roster', r, '--as-of', '2019-05-10', '-o', join(out, '下发'), '--force'];
};
const COMMANDS = ['merge', 'remind', 'template'];

test.each(COMMANDS)('%s: the roster notes (ignored column, a row without a name) reach stderr', async (command) => {
  const io = bufferIo();
  expect(await run(argv(command, '名册.csv'), io)).toBe(0);
  expect(io.err()).toContain('名册中以下列不是本工具使用的栏目，已忽略：备注');
  expect(io.err()).toMatch(/第3行有内容但没有填写党支部名称，未计入名册/);
});

test.each(COMMANDS)('%s: an unusable roster stops with exit 2 and says why', async (command) => {
  const io = bufferIo();
  expect(await run(argv(command, '空.csv'), io)).toBe(2);
  expect(io.err()).toContain(`名册“${join(dir, '空.csv')}”无法使用：名册中没有找到任何党支部名称`);
});
