/**
 * Fixed entry times for a zip archive, so that the same workbook gives the same bytes.
 * exceljs stamps every entry with the time of writing (DOS time, 2-second steps); the
 * contents are otherwise identical run to run. Browser-safe: bytes in, bytes out.
 *
 * Rewrites the DOS time and date of every central directory entry and of the local
 * file header each one points at. Extra-field timestamps (UT, NTFS) are left alone:
 * exceljs writes none. An archive that cannot be walked is returned unchanged.
 */
import { readCentralDirectory, SIG_LOCAL, u32 } from './zip';

const put16 = (b: Uint8Array, o: number, v: number) => {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
};

/** MS-DOS time and date of `when`'s UTC fields (years outside 1980–2107 are clamped). */
export function dosDateTime(when: Date): { time: number; date: number } {
  const year = when.getUTCFullYear();
  if (year < 1980) return { time: 0, date: (1 << 5) | 1 };
  if (year > 2107) return { time: (23 << 11) | (59 << 5) | 29, date: (127 << 9) | (12 << 5) | 31 };
  return {
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
  };
}

/**
 * A copy of `zip` with every entry's modification time set to `when` (its UTC fields:
 * pass `new Date("2019-05-01T00:00:00Z")` for 2019-05-01, 00:00). The input is not changed.
 */
export function withFixedZipTimes(zip: Uint8Array, when: Date): Uint8Array {
  const out = new Uint8Array(zip);
  const cd = readCentralDirectory(out, Number.MAX_SAFE_INTEGER);
  if (!cd.ok) return out;
  const entries = [...cd.value.values()];
  if (entries.some((e) => e.localHeaderOffset + 30 > out.length || u32(out, e.localHeaderOffset) !== SIG_LOCAL)) return out;
  const { time, date } = dosDateTime(when);
  for (const e of entries) {
    put16(out, e.centralOffset + 12, time);
    put16(out, e.centralOffset + 14, date);
    put16(out, e.localHeaderOffset + 10, time);
    put16(out, e.localHeaderOffset + 12, date);
  }
  return out;
}
