/**
 * Year-end 随机抽查 (回头看, notice 三(一), 三(三)): a reproducible draw from the branches
 * that applied (sent 附件2), stratified by 上级党组织. The method is one anyone can redo
 * by hand or in another tool:
 *   1. normalise each branch name (branchKey: NFKC, no spaces, 中国共产党 → 中共, the
 *      trailing 党支部/支部/委员会 removed);
 *   2. compute SHA-256 of the UTF-8 text  seed + "|" + normalised name, as hex;
 *   3. within each 上级党组织, sort by that hex value ascending and take the first k,
 *      k = ceil(n × rate) (at least 1 where n > 0), or k = min(n, count).
 * Pure: candidates in, the draw out.
 */
import { branchKey } from '../merge/branch';
import type { RosterEntry } from '../merge/types';
import { sha256 } from './sha256';

export interface SampleCandidate {
  /** Branch name as written, and its normalised key. */
  branch: string;
  key: string;
  /** 上级党组织 (the stratum). */
  stratum: string;
  /** Where the branch's 附件2 is (file and sheet), for the list. */
  source: string;
}

export type SampleSize = { rate: number } | { count: number };

export interface RankedCandidate extends SampleCandidate {
  /** SHA-256 of seed + "|" + key. */
  hash: string;
  /** 1-based rank within its stratum. */
  rank: number;
  drawn: boolean;
}

export interface Stratum {
  name: string;
  /** All candidates of the stratum, by rank. */
  candidates: RankedCandidate[];
  /** How many are drawn. */
  k: number;
}

export interface Draw {
  strata: Stratum[];
  population: number;
  drawn: number;
}

export function rankHash(seed: string, key: string): string {
  return sha256(`${seed}|${key}`);
}

/** k of a stratum of n: the rate rounded up (≥ 1 when n > 0), or the count (at most n). Integer maths on per-mille to avoid 0.1 × 30 = 3.0000000000000004. */
export function stratumSize(n: number, size: SampleSize): number {
  if (n === 0) return 0;
  if ('count' in size) return Math.min(n, size.count);
  const permille = Math.round(size.rate * 1000);
  return Math.min(n, Math.max(1, Math.ceil((n * permille) / 1000)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The draw (see the module comment). A branch listed twice counts once (its first entry). */
export function drawSample(candidates: readonly SampleCandidate[], seed: string, size: SampleSize): Draw {
  const seen = new Set<string>();
  const byStratum = new Map<string, RankedCandidate[]>();
  for (const c of candidates) {
    if (c.key === '' || seen.has(c.key)) continue;
    seen.add(c.key);
    const list = byStratum.get(c.stratum) ?? [];
    list.push({ ...c, hash: rankHash(seed, c.key), rank: 0, drawn: false });
    byStratum.set(c.stratum, list);
  }
  const strata: Stratum[] = [...byStratum.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([name, list]) => {
      list.sort((a, b) => cmp(a.hash, b.hash) || cmp(a.key, b.key));
      const k = stratumSize(list.length, size);
      list.forEach((c, i) => {
        c.rank = i + 1;
        c.drawn = i < k;
      });
      return { name, candidates: list, k };
    });
  return { strata, population: seen.size, drawn: strata.reduce((n, s) => n + s.k, 0) };
}

/** "10%", "10", "12.5%" → 0.1 / 0.125; null when not a rate in (0, 100]. */
export function parseRate(s: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*[%％]?\s*$/.exec(s);
  if (!m) return null;
  const pct = Number(m[1]);
  return pct > 0 && pct <= 100 ? pct / 100 : null;
}

/**
 * 上级党组织 by branch key, from the structured roster (src/merge/roster.ts read it:
 * header labels and synonyms, .xlsx/.xls/.csv/pasted text). Empty for a plain list.
 */
export function rosterStrata(roster: readonly RosterEntry[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of roster) {
    const key = branchKey(e.name);
    if (e.parent && !out.has(key)) out.set(key, e.parent);
  }
  return out;
}
