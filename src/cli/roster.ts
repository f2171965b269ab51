/**
 * The `--roster FILE` of every command (merge, remind, review, sample, template): read,
 * parsed by the structured reader, and its notes — columns ignored, rows not used — said
 * on stderr, so no command drops a roster row silently.
 */
import { promises as fs } from 'fs';
import { rosterZh } from '../i18n/merge';
import type { ParsedRoster } from '../merge/roster';
import { systemReason, type CliIo } from './io';

/** The roster, or the Chinese reason it cannot be used (for usageError). */
export async function readRosterOption(path: string, io: CliIo): Promise<ParsedRoster | { error: string }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(path, { flag: 'r' }));
  } catch (e) {
    return { error: rosterZh.failed(path, systemReason(e, 'readFile')) };
  }
  // Loaded here, not at the top: `wuhua merge` without a roster never loads the reader.
  const { parseRoster } = await import('../workbook/xlsx/roster');
  const parsed = await parseRoster(bytes, path);
  if (!parsed.ok) return { error: rosterZh.failed(path, parsed.reason) };
  if (parsed.ignored.length) io.stderr(rosterZh.ignoredColumns(parsed.ignored) + '\n');
  for (const p of parsed.problems) io.stderr(p + '\n');
  return parsed;
}
