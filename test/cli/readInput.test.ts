/**
 * readInput reads an input as readFileSync did (same bytes, same refusals) and gives the
 * time and identity of the file it opened, which the merge's listing no longer stats for.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { fileId } from '../../src/cli/files';
import { readInput } from '../../src/cli/intakeFile';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-read-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a file: its bytes, its modification time and its identity', () => {
  const file = join(dir, 'a.xlsx');
  const bytes = Buffer.from(Array.from({ length: 200000 }, (_x, i) => i % 251));
  writeFileSync(file, bytes);
  const read = readInput({ file, ok: true });
  const st = statSync(file);
  expect(read).toEqual({ ok: true, bytes, mtimeMs: st.mtimeMs, id: fileId(st) });
});

test('an empty file and a file the system reports as empty but is not (/proc): read to their end', () => {
  const empty = join(dir, 'empty.xlsx');
  writeFileSync(empty, '');
  expect(readInput({ file: empty, ok: true })).toMatchObject({ ok: true, bytes: Buffer.alloc(0) });
  const proc = '/proc/self/status';
  if (statSync(proc, { throwIfNoEntry: false })?.size !== 0) return; // not Linux
  const read = readInput({ file: proc, ok: true });
  expect(read.ok && Buffer.from(read.bytes).toString('utf8')).toMatch(/^Name:/);
});

test('what cannot be read is refused with a Chinese reason, as before', () => {
  expect(readInput({ file: join(dir, '没有.xlsx'), ok: true })).toEqual({ ok: false, file: join(dir, '没有.xlsx'), reason: expect.stringMatching(/文件不存在（ENOENT）/) });
  expect(readInput({ file: dir, ok: true })).toMatchObject({ ok: false, reason: expect.stringMatching(/EISDIR/) });
  expect(readInput({ file: 'x', ok: false, reason: '已拒收' })).toEqual({ ok: false, file: 'x', reason: '已拒收' });
});
