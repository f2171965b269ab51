/**
 * The merge's spill on disk: what a compact merge must keep until the end but never
 * reads before it (each submission's values for the JSON report) goes to a temporary
 * file, one JSON record after another, and is read back by ticket. Memory then holds
 * two numbers per record, whatever N is.
 *
 * The file is unlinked as soon as it is opened where the system allows it (Linux,
 * macOS: it vanishes with the process, even a killed one); elsewhere it is removed on
 * close and, failing that, when the process exits.
 */
import { closeSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { MergeSpill, SpilledPart } from '../merge/types';

/** Records are written in blocks of about this many bytes. */
const BLOCK = 1 << 20;

export class FileSpill implements MergeSpill {
  private fd: number | undefined;
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private size = 0;
  private written = 0;
  private pending: Buffer[] = [];
  private readonly removeAtExit: (() => void) | undefined;

  /** Opens a new spill file in `dir` (the system's temporary folder by default). */
  constructor(readonly path: string = join(tmpdir(), `wuhua-merge-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.spill`)) {
    this.fd = openSync(path, 'wx+', 0o600);
    try {
      unlinkSync(path); // the open descriptor keeps the data; the name is gone
    } catch {
      this.removeAtExit = () => rmSync(path, { force: true });
      process.once('exit', this.removeAtExit);
    }
  }

  put(part: SpilledPart): number {
    if (this.fd === undefined) throw new Error('spill closed');
    const bytes = Buffer.from(JSON.stringify(part), 'utf8');
    this.offsets.push(this.size);
    this.lengths.push(bytes.length);
    this.size += bytes.length;
    this.pending.push(bytes);
    if (this.size - this.written >= BLOCK) this.flush();
    return this.offsets.length - 1;
  }

  get(ticket: number): SpilledPart {
    if (this.fd === undefined) throw new Error('spill closed');
    if (!(ticket >= 0 && ticket < this.offsets.length)) throw new Error(`no spilled record ${ticket}`);
    this.flush();
    const buf = Buffer.allocUnsafe(this.lengths[ticket]);
    let done = 0;
    while (done < buf.length) {
      const n = readSync(this.fd, buf, done, buf.length - done, this.offsets[ticket] + done);
      if (n === 0) throw new Error(`spill truncated at record ${ticket}`);
      done += n;
    }
    return JSON.parse(buf.toString('utf8')) as SpilledPart;
  }

  /** Closes and removes the file. Safe to call twice. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.pending = [];
    if (this.removeAtExit) {
      this.removeAtExit();
      process.removeListener('exit', this.removeAtExit);
    }
  }

  private flush(): void {
    if (this.pending.length === 0 || this.fd === undefined) return;
    const block = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    let done = 0;
    while (done < block.length) done += writeSync(this.fd, block, done, block.length - done, this.written + done);
    this.written += block.length;
    this.pending = [];
  }
}
