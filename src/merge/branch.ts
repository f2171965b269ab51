/**
 * Branch identity for merging (DOMAIN.md "Merging"): the same branch is spelled many
 * ways by clerks ("中国共产党××局第一党支部", "中共××局 第一支部", full-width
 * letters and digits, a trailing "委员会"). Names are compared by a key; the name as
 * written is what a person sees.
 */

import { lineFeeds } from '../model/text';
import type { Submission } from '../model/types';

/** Trailing words that do not change which branch is meant, longest first. */
const TRAILING = ['党支部委员会', '支部委员会', '党支部', '支部', '委员会'];

/**
 * The matching key of a branch name: NFKC, no white space, "中国共产党" → "中共",
 * and one trailing "党支部委员会/支部委员会/党支部/支部/委员会" removed.
 * "中国共产党 永州市财政局第一党支部" and "中共永州市财政局第一支部" share a key.
 */
export function branchKey(name: string): string {
  let s = name.normalize('NFKC').replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
  s = s.replace(/中国共产党/g, '中共');
  for (const suffix of TRAILING) {
    if (s.endsWith(suffix)) {
      if (s.length > suffix.length) s = s.slice(0, -suffix.length);
      break;
    }
  }
  return s;
}

/** The name as written, for display: trimmed, line breaks and runs of spaces made one space. */
export function displayName(name: string): string {
  return lineFeeds(name).replace(/[\s\u3000]+/g, ' ').trim();
}

/** A submission's branch name for display, or null when it names none. */
export function branchNameOf(sub: Submission): string | null {
  const v = sub.fields.branchName;
  if (v == null) return null;
  const name = displayName(String(v));
  return name === '' ? null : name;
}
