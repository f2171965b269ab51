/**
 * A reader that stops reading (`wuhua check … | head`): the command drops what is left for
 * that stream and finishes its work — no stack trace, exit 0, a merge's files written
 * (src/cli/io.ts, processIo). bin/wuhua as a user runs it, its stdout closed at once.
 */
import { spawn } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { generate } from '../../bench/generate';

const ROOT = join(__dirname, '..', '..');
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wuhua-pipe-'));
  await generate(join(dir, 'in'), 30);
}, 60000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs bin/wuhua with its stdout's reader gone before it writes; resolves with its exit code and stderr. */
function withClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'wuhua'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

test('check: exits 0 without a stack trace', async () => {
  const r = await withClosedStdout(['check', join(dir, 'in'), '--as-of', '2019-05-01']);
  expect(r.stderr).not.toMatch(/EPIPE|Unhandled|at /);
  expect(r.code).toBe(0);
}, 60000);

test('merge: still writes the summary and says so on stderr', async () => {
  const out = join(dir, '汇总.xlsx');
  const r = await withClosedStdout(['merge', join(dir, 'in'), '-o', out, '--as-of', '2019-05-01']);
  expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
  expect(r.stderr).toContain('已写入汇总工作簿');
  expect(r.code).toBe(0);
  expect(existsSync(out)).toBe(true);
}, 60000);
