/**
 * The command line's per-file intake (check, merge, remind, review), on its own so the
 * merge's worker threads (src/cli/intakeWorker.ts) load only this and the reader, never
 * the merge or the writers.
 */
import { closeSync, fstatSync, openSync, readSync } from 'fs';
import { CLI } from '../i18n/cli';
import type { CheckOptions, IntakeResult } from '../model/types';
import { intakeBytes } from '../workbook/xlsx/intake';
import { fileId, type InputFile } from './files';
import { systemReason } from './io';

/** An input read: its bytes, its time and identity on disk (of the file opened, whatever its path). */
export type ReadInput = { ok: true; bytes: Uint8Array; mtimeMs: number; id?: string } | { ok: false; file: string; reason: string };

/**
 * An input's bytes, read-only, or why it cannot be read (a rejected file). Read
 * synchronously: files are taken one at a time anyway, and fs.promises.readFile costs
 * about 0.5 ms a file in FileHandle bookkeeping — more than reading the form. The same
 * system calls as readFileSync (open, fstat, read, close), whose fstat gives the time and
 * identity the listing then need not stat for.
 */
export function readInput(input: InputFile): ReadInput {
  if (!input.ok) return { ok: false, file: input.file, reason: input.reason };
  let fd: number | undefined;
  try {
    fd = openSync(input.file, 'r');
    const st = fstatSync(fd);
    const bytes = readAll(fd, st.size);
    return { ok: true, bytes, mtimeMs: st.mtimeMs, id: fileId(st) };
  } catch (e) {
    return { ok: false, file: input.file, reason: CLI.cannotRead(systemReason(e, 'readFile')) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What readFileSync reads of an open file: `size` bytes (fewer if it has shrunk), or, for a size of 0 (/proc), up to its end. */
function readAll(fd: number, size: number): Buffer {
  if (size > 0) {
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    for (let n = -1; got < size && n !== 0; got += n) n = readSync(fd, buf, got, size - got, null);
    return got < size ? buf.subarray(0, got) : buf;
  }
  const pieces: Buffer[] = [];
  for (;;) {
    const piece = Buffer.allocUnsafe(64 * 1024);
    const n = readSync(fd, piece, 0, piece.length, null);
    if (n === 0) return Buffer.concat(pieces);
    pieces.push(n < piece.length ? piece.subarray(0, n) : piece);
  }
}

/** One input through intake, with the identity of the file read; its bytes are garbage once this returns. */
export async function intakeFile(input: InputFile, opts: CheckOptions): Promise<{ result: IntakeResult; id?: string }> {
  const read = readInput(input);
  return read.ok ? { result: await intakeBytes(read.bytes, input.file, opts, read.mtimeMs), id: read.id } : { result: read };
}
