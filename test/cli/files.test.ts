/**
 * Listing the inputs (src/cli/files.ts): every file once however often and however it is
 * named, in a stable order, with or without a stat per file; and an output spelled
 * another way than the input it would replace is still found.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { collectInputs, outputThatIsInput } from '../../src/cli/files';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-files-'));
  mkdirSync(join(dir, '收件箱', '二支部'), { recursive: true });
  for (const f of ['b.xlsx', 'a.xlsx', join('二支部', 'c.xlsx')]) writeFileSync(join(dir, '收件箱', f), f);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a file named again (its folder, itself, another spelling of it) is listed once, where it came first', async () => {
  const inbox = join(dir, '收件箱');
  const again = [inbox, join(inbox, '二支部'), join(inbox, 'a.xlsx'), join(inbox, '二支部', '..', 'b.xlsx'), relative(process.cwd(), join(inbox, 'a.xlsx'))];
  for (const statFiles of [true, false]) {
    const listed = await collectInputs(again, { statFiles });
    expect(listed.map((f) => f.file)).toEqual([join(inbox, 'a.xlsx'), join(inbox, 'b.xlsx'), join(inbox, '二支部', 'c.xlsx')]);
    expect(listed.every((f) => f.ok && (f.id !== undefined) === statFiles)).toBe(true);
  }
});

test('an output spelled otherwise than the input it would replace is found; other outputs are not', async () => {
  const inbox = join(dir, '收件箱');
  const inputs = await collectInputs([relative(process.cwd(), inbox)], { statFiles: false });
  expect(outputThatIsInput([join(inbox, '二支部', '..', 'a.xlsx')], inputs)).toBe(join(inbox, '二支部', '..', 'a.xlsx'));
  expect(outputThatIsInput([join(inbox, '汇总.xlsx'), join(inbox, '二支部', 'c.xlsx')], inputs)).toBe(join(inbox, '二支部', 'c.xlsx'));
  expect(outputThatIsInput([join(inbox, '汇总.xlsx'), join(dir, 'a.xlsx')], inputs)).toBeNull();
});

test("a folder's files are named as path.join names them, however the folder is spelled", async () => {
  const inbox = join(dir, '收件箱');
  const cwd = process.cwd();
  try {
    process.chdir(inbox);
    for (const spelling of ['.', './', '二支部', './二支部/', '二支部//', join('..', '收件箱', '二支部'), `${inbox}/`, `${inbox}//二支部/.`]) {
      const listed = await collectInputs([spelling], { statFiles: false });
      const expected = (spelling.includes('二支部') ? ['c.xlsx'] : ['a.xlsx', 'b.xlsx', join('二支部', 'c.xlsx')]).map((f) => join(spelling, f));
      expect(listed.map((f) => f.file)).toEqual(expected);
    }
  } finally {
    process.chdir(cwd);
  }
});
