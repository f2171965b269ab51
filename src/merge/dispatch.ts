/**
 * 下发 (issue 9 §5): from the roster, which prefilled template goes to whom. Pure: roster
 * entries and the forms asked for in; the files to write (folder, name, form, values to
 * prefill) and what was deliberately not written (notes) out. Who owes which form is
 * obligations.ts's answer, never restated here.
 *
 * - 附件2 / 附件3: one file per branch that owes the form, named "附件2-<支部>.xlsx".
 * - 附件1 is owed by a 上级党组织, not by a branch (notice 三(二): it picks at least one of
 *   its branches): one file per 上级党组织 that owes it — prefilled for its branch when
 *   it has only one, else blank, named after the 上级党组织 for it to hand to the
 *   branch it picks. 工委直辖 and 上级党组织 that already have a 示范点 get none (said).
 * - Folders: one per 上级党组织 (工委直辖 its own), in roster order; none when the roster
 *   gives no 上级党组织 at all.
 * - Names are safe on Windows: \ / : * ? " < > | become their full-width forms, control
 *   characters go, no trailing dot or space, no device name (CON, NUL …), length bounded,
 *   and a name taken twice in one folder (compared as Windows does, ignoring case) gets
 *   "（2）".
 */
import { FORMS, getField, getForm } from '../forms';
import type { FieldId, FormId } from '../forms/types';
import { dispatchZh } from '../i18n/dispatch';
import { obligations } from './obligations';
import type { RosterEntry } from './types';

export interface DispatchFile {
  form: FormId;
  /** The 上级党组织 as the roster writes it ('' when it gives none). */
  parent: string;
  /** The folder (the 上级党组织 made safe); '' when the files sit at the top. */
  folder: string;
  /** The file name, safe on Windows and unique in its folder. */
  name: string;
  /** Folder and name joined with "/" (the zip entry; the CLI joins with its own separator). */
  path: string;
  /** The branch the file is for; null for a 上级党组织's blank 附件1. */
  branch: string | null;
  /** What goes into the template's inputs, by field id (text, written as typed text). */
  values: Partial<Record<FieldId, string>>;
}

export interface DispatchPlan {
  files: DispatchFile[];
  /** Folders in order, with how many files each. */
  folders: { folder: string; parent: string; files: number }[];
  /** What was not written and why (Chinese). */
  notes: string[];
}

/** Roster facts → the form fields they prefill, where a form has the field (附件1: 书记姓名, 联系方式). */
const PREFILL: readonly (readonly [keyof RosterEntry & ('name' | 'secretary' | 'phone'), FieldId])[] = [
  ['name', 'branchName'],
  ['secretary', 'secretaryName'],
  ['phone', 'contact'],
];

/** Longest folder name and longest branch part of a file name, in characters (Windows paths stop at 260). */
export const MAX_FOLDER_CHARS = 40;
export const MAX_STEM_CHARS = 60;

const FULL_WIDTH: Record<string, string> = { '\\': '＼', '/': '／', ':': '：', '*': '＊', '?': '？', '"': '＂', '<': '＜', '>': '＞', '|': '｜' };
const DEVICE = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(?:\..*)?$/i;

/** A name made safe for a Windows file or folder name (see the module comment); never empty. */
export function safeName(raw: string, max: number): string {
  let s = raw
    .replace(/[\\/:*?"<>|]/g, (c) => FULL_WIDTH[c])
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(s); // code points: a cut never splits a surrogate pair
  if (chars.length > max) s = chars.slice(0, max).join('');
  s = s.replace(/[. ]+$/, '').replace(/^[ ]+/, '');
  if (s === '') return dispatchZh.unnamed;
  return DEVICE.test(s) ? `_${s}` : s;
}

/** Hands out names unique in one folder, compared as Windows compares them (case folded). */
class NameSet {
  private taken = new Set<string>();
  claim(stem: string, make: (stem: string) => string): string {
    for (let n = 1; ; n++) {
      const name = make(n === 1 ? stem : dispatchZh.numbered(stem, n));
      const key = name.normalize('NFC').toLowerCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return name;
      }
    }
  }
}

function prefill(form: FormId, entry: RosterEntry | null): Partial<Record<FieldId, string>> {
  const values: Partial<Record<FieldId, string>> = {};
  if (!entry) return values;
  for (const [col, field] of PREFILL) {
    const v = entry[col]?.trim();
    if (v && getField(getForm(form), field)) values[field] = v;
  }
  return values;
}

/** The files 下发 writes for `forms` (any order; written in the notice's order). */
export function planDispatch(roster: readonly RosterEntry[], forms: readonly FormId[], asOf: string): DispatchPlan {
  const wanted = FORMS.filter((f) => forms.includes(f.id));
  const perBranch = wanted.filter((f) => f.id !== 'demonstration');
  const o = obligations([], roster, asOf);
  const hasParents = roster.some((e) => (e.parent ?? '').trim() !== '');
  const folderNames = new NameSet();
  const files: DispatchFile[] = [];
  const folders: DispatchPlan['folders'] = [];
  const notOwing: string[] = [];
  const withDemo: string[] = [];
  const blankDemo: string[] = [];
  const notes: string[] = [];
  let noParentNoted = false;

  for (const g of o.groups) {
    const folder = hasParents ? folderNames.claim(safeName(g.parent || dispatchZh.noParentFolder, MAX_FOLDER_CHARS), (s) => s) : '';
    const names = new NameSet();
    const before = files.length;
    const add = (form: FormId, who: string, branch: string | null, entry: RosterEntry | null) => {
      const attachment = getForm(form).attachment;
      const name = names.claim(safeName(who, MAX_STEM_CHARS), (stem) => dispatchZh.fileName(attachment, stem));
      files.push({ form, parent: g.parent, folder, name, path: folder ? `${folder}/${name}` : name, branch, values: prefill(form, entry) });
    };
    for (const form of wanted) {
      if (form.id !== 'demonstration') continue;
      if (g.owesDemonstration === null) {
        if (!noParentNoted) notes.push(dispatchZh.demoNoParent);
        noParentNoted = true;
      } else if (g.direct) notes.push(dispatchZh.demoDirect(g.parent));
      else if (!g.owesDemonstration) withDemo.push(g.parent);
      else {
        const only = g.branches.length === 1 ? g.branches[0] : null;
        add('demonstration', only ? only.name : g.parent, only?.name ?? null, only?.entry ?? null);
        if (!only) blankDemo.push(g.parent);
      }
    }
    for (const b of g.branches) {
      const owed = perBranch.filter((f) => b.forms[f.id].due !== null);
      for (const form of owed) add(form.id, b.name, b.name, b.entry);
      if (owed.length < perBranch.length) notOwing.push(b.name);
    }
    if (files.length > before) folders.push({ folder, parent: g.parent, files: files.length - before });
  }
  if (blankDemo.length) notes.push(dispatchZh.demoBlank(blankDemo));
  if (withDemo.length) notes.push(dispatchZh.demoHasDemo(withDemo));
  if (notOwing.length) notes.push(dispatchZh.notOwing(perBranch.map((f) => f.attachment).join('、'), notOwing));
  if (files.length === 0) notes.push(dispatchZh.nothing);
  return { files, folders, notes };
}
