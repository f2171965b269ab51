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

/** Records are written in blocks of this many bytes (a larger record goes on its own). */
const BLOCK = 1 << 20;

export class FileSpill implements MergeSpill {
  private fd: number | undefined;
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  /** Bytes in the file and in the block. */
  private written = 0;
  /**
   * Records not yet in the file, encoded straight into one reused block: a Buffer per
   * record (a new 8 KB pool every few records) and a concat per block were over half of
   * put's time on the merge's main thread.
   */
  private block: Buffer | undefined = Buffer.allocUnsafe(BLOCK);
  private used = 0;
  /** Where get reads a record into (records are read back in another order than written: no read-ahead pays). */
  private scratch = Buffer.allocUnsafe(0);
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
    if (this.fd === undefined || !this.block) throw new Error('spill closed');
    const text = JSON.stringify(part);
    if (this.used + text.length * 3 > BLOCK) this.flush(); // UTF-8 bytes of a UTF-16 unit, at most
    let length: number;
    if (text.length * 3 <= BLOCK) {
      length = this.block.write(text, this.used);
      this.used += length;
    } else {
      const bytes = Buffer.from(text, 'utf8');
      length = bytes.length;
      this.writeAt(bytes, bytes.length, this.written);
    }
    this.offsets.push(this.written);
    this.lengths.push(length);
    this.written += length;
    return this.offsets.length - 1;
  }

  get(ticket: number): SpilledPart {
    if (this.fd === undefined || !this.block) throw new Error('spill closed');
    if (!(ticket >= 0 && ticket < this.offsets.length)) throw new Error(`no spilled record ${ticket}`);
    const at = this.offsets[ticket];
    const length = this.lengths[ticket];
    const inBlock = this.written - this.used; // the block's first byte in the file
    if (at >= inBlock) return JSON.parse(this.block.toString('utf8', at - inBlock, at - inBlock + length)) as SpilledPart;
    if (this.scratch.length < length) this.scratch = Buffer.allocUnsafe(Math.max(length, 1 << 14));
    let done = 0;
    while (done < length) {
      const n = readSync(this.fd, this.scratch, done, length - done, at + done);
      if (n === 0) throw new Error(`spill truncated at record ${ticket}`);
      done += n;
    }
    return JSON.parse(this.scratch.toString('utf8', 0, length)) as SpilledPart;
  }

  /** Closes and removes the file. Safe to call twice. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.block = undefined;
    this.scratch = Buffer.allocUnsafe(0);
    if (this.removeAtExit) {
      this.removeAtExit();
      process.removeListener('exit', this.removeAtExit);
    }
  }

  private flush(): void {
    if (this.used === 0 || !this.block) return;
    this.writeAt(this.block, this.used, this.written - this.used);
    this.used = 0;
  }

  private writeAt(bytes: Buffer, length: number, position: number): void {
    let done = 0;
    while (done < length) done += writeSync(this.fd!, bytes, done, length - done, position + done);
  }
}
