/** The input files of a run: files as given, directories read recursively, in a stable order. Read-only. */
import { promises as fs, statSync, type Stats } from 'fs';
import { join, resolve } from 'path';
import { CLI } from '../i18n/cli';
import { systemReason } from './io';

export type InputFile = { file: string; ok: true; mtimeMs: number } | { file: string; ok: false; reason: string };

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A path's status, undefined when it cannot be had. Synchronous: a run visits every
 * input once, in order, and fs.promises.stat costs ~45 µs a file in promise and
 * thread-pool bookkeeping (0.47 s of a 10,000-file merge) against ~5 µs for statSync.
 */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Every regular file under the given paths. A path that does not exist, or a directory
 * with no file in it, is an input with a reason (it appears in `rejected`), so the report
 * accounts for everything named on the command line. Symbolic links to directories are
 * not followed (no loops); the same file named twice is read once.
 */
export async function collectInputs(paths: readonly string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const seen = new Set<string>();
  const add = (f: InputFile) => {
    const key = resolve(f.file);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(f);
  };

  const walk = async (dir: string): Promise<number> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      add({ file: dir, ok: false, reason: CLI.cannotRead(systemReason(e)) });
      return 1;
    }
    let found = 0;
    for (const entry of [...entries].sort((a, b) => byPath(a.name, b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) found += await walk(path);
      else if (entry.isFile() || entry.isSymbolicLink()) {
        const st = statOf(path);
        if (st?.isDirectory()) continue;
        if (st?.isFile()) add({ file: path, ok: true, mtimeMs: st.mtimeMs });
        else add({ file: path, ok: false, reason: CLI.notFound });
        found++;
      }
    }
    return found;
  };

  for (const p of paths) {
    const st = statOf(p);
    if (!st) add({ file: p, ok: false, reason: CLI.notFound });
    else if (st.isDirectory()) {
      if ((await walk(p)) === 0) add({ file: p, ok: false, reason: CLI.emptyDir });
    } else add({ file: p, ok: true, mtimeMs: st.mtimeMs });
  }
  return out;
}
