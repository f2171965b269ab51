/**
 * Where a command writes: the process's stdout/stderr, or a test's buffers.
 * Node-only helpers for the file system live here too (src/cli is Node-only).
 */
import { closeSync, openSync, promises as fs, renameSync, rmSync, statSync, writeSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { CLI } from '../i18n/cli';

export interface CliIo {
  /** Writes `s` as given: callers end their lines with "\n". */
  stdout(s: string): void;
  stderr(s: string): void;
}

/**
 * Writes to one of the process's streams. A reader that stops reading (`wuhua check … |
 * head`) makes the stream fail with EPIPE, an 'error' event that would end the process with
 * a stack trace in the middle of a run: what is left for that stream is dropped instead,
 * and the command goes on (a merge still writes its files, and says so on the other stream).
 */
function processStream(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  let watched = false;
  return (s) => {
    if (closed) return;
    if (!watched) {
      watched = true;
      stream.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code !== 'EPIPE') throw e;
        closed = true;
      });
    }
    stream.write(s);
  };
}

export const processIo: CliIo = {
  stdout: processStream(process.stdout),
  stderr: processStream(process.stderr),
};

/** An io that keeps what was written, for tests and for callers that post-process output. */
export function bufferIo(): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), out: () => out.join(''), err: () => err.join('') };
}

/** A hidden temporary name next to `path` (same folder, so the rename is atomic). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Writes a file so that a reader never sees half of it: a temporary name next to the
 * target, then rename. Returns the system's reason when it cannot be written.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const tmp = tempPathFor(path);
  try {
    await fs.writeFile(tmp, data, { flag: 'wx' });
    await fs.rename(tmp, path);
    return { ok: true };
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    return { ok: false, reason: writeReason(e, path) };
  }
}

/**
 * The same for output made piece by piece: `write` is given `put` and calls it with each
 * piece (bytes or text), which goes to the temporary file in blocks of about 1 MB, so the
 * file is never whole in memory. A failure (of the disk or of `write`) leaves nothing behind.
 */
export function writeStreamAtomic(path: string, write: (put: (chunk: Uint8Array | string) => void) => void): { ok: true } | { ok: false; reason: string } {
  const tmp = tempPathFor(path);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    const out = fd;
    let pending: Uint8Array[] = [];
    let size = 0;
    const flush = () => {
      if (pending.length) writeSync(out, pending.length === 1 ? pending[0] : Buffer.concat(pending));
      pending = [];
      size = 0;
    };
    write((chunk) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      pending.push(bytes);
      size += bytes.length;
      if (size >= 1 << 20) flush();
    });
    flush();
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
    return { ok: true };
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    return { ok: false, reason: writeReason(e, path) };
  }
}

/** What was being done when the error came: it decides what a missing path or a refusal means. */
export type FsOp = 'readFile' | 'readDir' | 'write';

/** A Node error as a short Chinese reason (the code kept for searching). */
export function systemReason(e: unknown, op?: FsOp): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const sys = CLI.sys;
  switch (code) {
    case 'ENOENT':
      return op === 'readFile' ? sys.fileNotFound(code) : op === 'readDir' ? sys.folderNotFound(code) : op === 'write' ? sys.parentNotFound(code) : sys.notFound(code);
    case 'EACCES':
    case 'EPERM':
      return op === 'write' ? sys.noWritePermission(code) : op ? sys.noReadPermission(code) : sys.noPermission(code);
    case 'EISDIR':
      return sys.isDir(code);
    case 'ENOTDIR':
      return sys.notDir(code);
    case 'EROFS':
      return sys.readOnly(code);
    case 'ENOSPC':
      return sys.noSpace(code);
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Why writing `path` failed. ENOENT comes both when the folder is missing and when an
 * existing folder refuses new files (/proc): the folder is looked at to tell them apart.
 */
export function writeReason(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') {
    const folderExists = (() => {
      try {
        return statSync(dirname(resolve(path))).isDirectory();
      } catch {
        return false;
      }
    })();
    if (folderExists) return CLI.sys.cannotCreate(code);
  }
  return systemReason(e, 'write');
}

type ArgError = { kind: 'unknown-option' | 'missing-value' | 'repeated'; option: string };

/** Prints what was wrong with the command line and the command's usage; returns exit code 2. */
export function usageError(io: CliIo, error: string | ArgError, usage: string): number {
  const text =
    typeof error === 'string'
      ? error
      : error.kind === 'unknown-option'
        ? CLI.unknownOption(error.option)
        : error.kind === 'missing-value'
          ? CLI.missingValue(error.option)
          : CLI.repeated(error.option);
  io.stderr(`${text}\n\n${usage}`);
  return 2;
}
