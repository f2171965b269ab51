/**
 * A form's values as one checksum, and a short digest per value, so the next level can
 * tell whether a form in a 报送包 was changed after the review and name what changed.
 * Computed over the normalised values (what our reader gives back from any copy of the
 * form), not over cells: a form written into the pack and read back gives the same
 * checksum. Month rows are taken as the pack prints them: months 1..12, the first row
 * of a doubled month.
 */
import { getForm } from '../forms';
import type { FieldId } from '../forms/types';
import type { FieldValue, MonthEntry, Submission } from '../model/types';
import { sha256 } from './sha256';

/** The opinion fields: what each level writes, left out when comparing content. */
export const OPINION_FIELDS: readonly FieldId[] = ['partyCommitteeOpinion', 'partyCommitteeOpinionDate', 'workCommitteeOpinion', 'workCommitteeOpinionDate'];

const MONTH_KEYS = ['goal', 'problem', 'owner', 'status'] as const;

function text(v: FieldValue | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** "months.3.goal" …: the month cells' keys, made once rather than for every form checked. */
const MONTH_VALUE_KEYS: readonly (readonly string[])[] = Array.from({ length: 12 }, (_, i) => MONTH_KEYS.map((key) => `months.${i + 1}.${key}`));

/**
 * Calls `each` with the form's values as (key, text) in a fixed order: its fields, then
 * month cells ("months.3.goal"). What canonicalValues lists; the merge hashes them as they
 * come, without the list (src/merge: contentKey runs for every form merged).
 */
export function eachCanonicalValue(sub: Pick<Submission, 'form' | 'fields' | 'months'>, each: (key: string, value: string) => void): void {
  const form = getForm(sub.form);
  for (let i = 0; i < form.fields.length; i++) each(form.fields[i].id, text(sub.fields[form.fields[i].id]));
  if (form.months) {
    // Each month's first row, found in one pass (not a search of the rows for each month).
    const first: (MonthEntry | undefined)[] = new Array(13);
    const rows = sub.months ?? [];
    for (let i = 0; i < rows.length; i++) {
      const m = rows[i].month;
      if (m !== null && m >= 1 && m <= 12 && first[m] === undefined) first[m] = rows[i];
    }
    for (let month = 1; month <= 12; month++) {
      const entry = first[month];
      const keys = MONTH_VALUE_KEYS[month - 1];
      for (let k = 0; k < MONTH_KEYS.length; k++) each(keys[k], entry?.[MONTH_KEYS[k]] ?? '');
    }
  }
}

/** The form's values as [key, text] pairs in a fixed order: its fields, then month cells ("months.3.goal"). */
export function canonicalValues(sub: Pick<Submission, 'form' | 'fields' | 'months'>): [string, string][] {
  const out: [string, string][] = [];
  eachCanonicalValue(sub, (key, value) => out.push([key, value]));
  return out;
}

function digestOf(pairs: readonly [string, string][]): string {
  return sha256(pairs.map(([k, v]) => `${k}\u0000${v}`).join('\u0001'));
}

/** SHA-256 of all values, opinions included: the form as reviewed. */
export function formChecksum(sub: Pick<Submission, 'form' | 'fields' | 'months'>): string {
  return digestOf(canonicalValues(sub));
}

/** SHA-256 of the values other than the opinions: two copies of one form that differ only in opinions share it. */
export function contentChecksum(sub: Pick<Submission, 'form' | 'fields' | 'months'>): string {
  return digestOf(canonicalValues(sub).filter(([k]) => !OPINION_FIELDS.includes(k as FieldId)));
}

/** Per value, the first 8 hex digits of its SHA-256: "branchName=1a2b3c4d date=…" (empty values left out). */
export function valueDigests(sub: Pick<Submission, 'form' | 'fields' | 'months'>): string {
  return canonicalValues(sub)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${sha256(v).slice(0, 8)}`)
    .join(' ');
}

/**
 * The keys whose value differs from the digests recorded at review time (a value
 * emptied or filled since counts too). Undefined when the record cannot be read.
 */
export function changedValues(sub: Pick<Submission, 'form' | 'fields' | 'months'>, recorded: string): string[] | undefined {
  const before = new Map<string, string>();
  for (const part of recorded.trim().split(/\s+/)) {
    if (part === '') continue;
    const m = /^([A-Za-z.\d]+)=([0-9a-f]{8})$/.exec(part);
    if (!m) return undefined;
    before.set(m[1], m[2]);
  }
  const changed: string[] = [];
  for (const [k, v] of canonicalValues(sub)) {
    const now = v === '' ? undefined : sha256(v).slice(0, 8);
    if (now !== before.get(k)) changed.push(k);
  }
  return changed;
}
