import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { systemReason, writeFileAtomic, writeReason } from '../../src/cli/io';

describe('systemReason: what was missing or refused, in Chinese, the code kept in brackets', () => {
  test.each([
    [undefined, '文件或文件夹不存在（ENOENT）'],
    ['readFile', '文件不存在（ENOENT）'],
    ['readDir', '文件夹不存在（ENOENT）'],
    ['write', '要写入的文件夹不存在（ENOENT）'],
  ] as const)('ENOENT while %s: %s', (op, reason) => {
    expect(systemReason({ code: 'ENOENT' }, op)).toBe(reason);
  });

  test('a missing file is never called a missing folder', () => {
    expect(systemReason({ code: 'ENOENT' }, 'readFile')).not.toContain('文件夹');
    expect(systemReason({ code: 'ENOENT' })).not.toBe('文件夹不存在（ENOENT）');
  });

  test('permission: reading and writing are told apart', () => {
    expect(systemReason({ code: 'EACCES' }, 'readFile')).toBe('没有读取权限（EACCES）');
    expect(systemReason({ code: 'EPERM' }, 'write')).toBe('没有写入权限（EPERM）');
    expect(systemReason({ code: 'EACCES' })).toBe('没有访问权限（EACCES）');
  });

  test('other known codes keep their reason and code; an unknown error gives its message', () => {
    expect(systemReason({ code: 'EISDIR' })).toBe('这是一个文件夹（EISDIR）');
    expect(systemReason({ code: 'ENOSPC' })).toBe('磁盘空间不足（ENOSPC）');
    expect(systemReason(new Error('boom'))).toBe('boom');
  });
});

describe('writeReason: ENOENT on a write is a missing folder only when the folder is missing', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'io-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('the folder does not exist: 要写入的文件夹不存在', () => {
    expect(writeReason({ code: 'ENOENT' }, join(dir, 'nope', 'x.xlsx'))).toBe('要写入的文件夹不存在（ENOENT）');
  });

  test('the folder exists but refuses the file: 该文件夹中不能新建文件', () => {
    expect(writeReason({ code: 'ENOENT' }, join(dir, 'x.xlsx'))).toBe('该文件夹中不能新建文件（ENOENT）');
  });

  test('writeFileAtomic into /proc (exists, refuses files) says so', async () => {
    const r = await writeFileAtomic('/proc/wuhua-io-test.json', '{}');
    expect(r).toEqual({ ok: false, reason: '该文件夹中不能新建文件（ENOENT）' });
  });
});
