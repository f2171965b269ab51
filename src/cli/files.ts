/** The input files of a run: files as given, directories read recursively, in a stable order. Read-only. */
import { readdirSync, realpathSync, statSync, type Stats } from 'fs';
import { basename, dirname, join, resolve, sep } from 'path';
import { CLI } from '../i18n/cli';
import { systemReason } from './io';

/**
 * `id`: the file's identity on disk (see fileId), to tell whether an output would replace it;
 * absent for a file listed without it (collectInputs' `statFiles`), whose reader learns it.
 */
export type InputFile = { file: string; ok: true; id?: string } | { file: string; ok: false; reason: string };

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

/** collectInputs' `onListed` is called once per this many entries listed. */
export const LISTED_BATCH = 128;

export interface ListOptions {
  /** Called after every LISTED_BATCH inputs (the merge sets its heap flags again there). */
  onListed?: () => void;
  /**
   * false: a regular file found in a folder is listed without a stat, so without its `id`;
   * whoever reads it learns that from the open file (readInput) and must tell the outputs'
   * guard before writing them (OutputGuard.read). A stat was ~10 µs a file, the better part
   * of listing 10,000 files. Named files and symbolic links are stat'ed either way.
   */
  statFiles?: boolean;
}

/**
 * Every regular file under the given paths. A path that does not exist, or a directory
 * with no file in it, is an input with a reason (it appears in `rejected`), so the report
 * accounts for everything named on the command line. Symbolic links to directories are
 * not followed (no loops); the same file named twice is read once.
 */
export async function collectInputs(paths: readonly string[], { onListed, statFiles = true }: ListOptions = {}): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const seen = new Set<string>();
  /** `key`: the absolute path (resolve(f.file), made cheaply for a folder's entries). */
  const add = (f: InputFile, key = resolve(f.file)) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(f);
    if (onListed && out.length % LISTED_BATCH === 0) onListed();
  };

  /** `abs`: resolve(dir); an entry's absolute path is then abs, a separator and its name (never "." or ".."). */
  const walk = (dir: string, abs: string): number => {
    const absPrefix = abs.endsWith(sep) ? abs : abs + sep;
    let entries;
    try {
      // Synchronous, as statOf: the run waits for the list anyway, and awaiting each folder
      // left the thread idle ~30 ms while listing 20 folders of 500 files.
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      add({ file: dir, ok: false, reason: CLI.cannotRead(systemReason(e, 'readDir')) });
      return 1;
    }
    let found = 0;
    // join(dir, name) for every entry, without a join each: an entry's name is one segment
    // (never "." or ".."), so only dir is normalised, once. path.join normalises character by
    // character, and its garbage was about half the collections of listing 10,000 files.
    const dirPrefix = join(dir, 'x').slice(0, -1);
    for (const entry of [...entries].sort((a, b) => byPath(a.name, b.name))) {
      const path = dirPrefix + entry.name;
      const key = absPrefix + entry.name;
      if (entry.isDirectory()) found += walk(path, key);
      else if (entry.isFile() && !statFiles) {
        add({ file: path, ok: true }, key);
        found++;
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        const st = statOf(path);
        if (st?.isDirectory()) continue;
        if (st?.isFile()) add({ file: path, ok: true, id: fileId(st) }, key);
        else add({ file: path, ok: false, reason: CLI.notFound }, key);
        found++;
      }
    }
    return found;
  };

  for (const p of paths) {
    const st = statOf(p);
    if (!st) add({ file: p, ok: false, reason: CLI.notFound });
    else if (st.isDirectory()) {
      if (walk(p, resolve(p)) === 0) add({ file: p, ok: false, reason: CLI.emptyDir });
    } else add({ file: p, ok: true, id: fileId(st) });
  }
  return out;
}

/**
 * A file's identity on disk: device and inode. The same however the file is reached (a
 * symlinked folder, a symlink or hard link, another spelling on a case-insensitive disk).
 * Undefined where the system gives no inode (0).
 */
export function fileId(st: Stats): string | undefined {
  return st.ino ? `${st.dev}:${st.ino}` : undefined;
}

/** Where a write to `path` lands: the real path of its folder, then its name. */
export function writeTarget(path: string): string {
  try {
    // The folder as the system resolves it ("lnk/.." is the link target's parent, not ".").
    return join(realpathSync.native(dirname(path)), basename(path));
  } catch {
    return resolve(path); // the folder does not exist: the write fails later with its own reason
  }
}

/** What an output is compared by: its write target and, when it exists, the file it names. */
function outputKeys(path: string): string[] {
  const keys = [`path:${resolve(path)}`, `path:${writeTarget(path)}`];
  const st = statOf(path);
  if (st?.isFile()) {
    const id = fileId(st);
    if (id) keys.push(`id:${id}`);
  }
  return keys;
}

/**
 * Which output would replace an input (the roster counts as one): the first in the order
 * given, or null. Inputs are compared by their identity on disk, so a symlinked folder or
 * another spelling of the path does not hide them; an input that is missing, by its path.
 * Told the inputs as listed (`listed`), and, for files listed without their identity
 * (ListOptions.statFiles), each file's identity as it is read (`read`): checked before any
 * output is written.
 */
export class OutputGuard {
  // The outputs' keys (a few) are kept and each input's looked up in them: no set of a
  // province's 100,000 inputs (~17 MB) is made for the check.
  private readonly outputOf = new Map<string, number>();
  // A path is resolved only when its last name is an output's (resolving every input was
  // a tenth of listing 10,000 files); one that ends in "." or ".." always is.
  private readonly names = new Set<string>(['.', '..', '']);
  private first: number;
  constructor(private readonly outputs: readonly string[]) {
    this.first = outputs.length;
    outputs.forEach((o, n) => {
      this.names.add(basename(o)).add(basename(resolve(o)));
      for (const k of outputKeys(o)) if (!this.outputOf.has(k)) this.outputOf.set(k, n);
    });
  }

  private check(key: string): void {
    const n = this.outputOf.get(key);
    if (n !== undefined && n < this.first) this.first = n;
  }

  /** The inputs as listed, and other inputs named on the command line (the roster). */
  listed(inputs: readonly InputFile[], otherInputs: readonly string[] = []): this {
    for (const i of inputs) {
      if (this.names.has(basename(i.file))) this.check(`path:${resolve(i.file)}`);
      if (i.ok && i.id) this.check(`id:${i.id}`);
    }
    for (const p of otherInputs) {
      this.check(`path:${resolve(p)}`);
      const st = statOf(p);
      const id = st?.isFile() ? fileId(st) : undefined;
      if (id) this.check(`id:${id}`);
    }
    return this;
  }

  /** A file was read: its identity (fileId). */
  read(id: string): void {
    this.check(`id:${id}`);
  }

  /** The first output that is an input so far, or null. */
  get clash(): string | null {
    return this.first < this.outputs.length ? this.outputs[this.first] : null;
  }
}

/** The first output that would replace one of these inputs (OutputGuard), or null. */
export function outputThatIsInput(outputs: readonly string[], inputs: readonly InputFile[], otherInputs: readonly string[] = []): string | null {
  return new OutputGuard(outputs).listed(inputs, otherInputs).clash;
}

/** The first output named twice (however it is spelled), or null. */
export function outputNamedTwice(outputs: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const o of outputs) {
    const keys = outputKeys(o);
    if (keys.some((k) => seen.has(k))) return o;
    for (const k of keys) seen.add(k);
  }
  return null;
}
