import { application } from './application';
import { demonstration } from './demonstration';
import { progress } from './progress';
import type { FieldSpec, FormId, FormSpec } from './types';

export * from './types';
export { DATE_PLACEHOLDER, STAMP } from './common';
export { MAX_ROW_HEIGHT, POINTS_PER_INCH, charsToPoints } from './units';

/** The three attachments, in the notice's order. */
export const FORMS: readonly FormSpec[] = [demonstration, application, progress];

/** By id, made once: getForm runs several times for every form read, checked and merged (a find's closure each time). */
const FORM_BY_ID: ReadonlyMap<string, FormSpec> = new Map(FORMS.map((f) => [f.id, f]));

export function getForm(id: FormId): FormSpec {
  const form = FORM_BY_ID.get(id);
  if (!form) throw new Error(`unknown form ${id}`);
  return form;
}

/**
 * A record with a slot per form, every form's key there from the start, filled in place:
 * all such records share one shape in V8 whatever order they are filled in (keys added
 * one by one in each branch's order of forms made many shapes, and reads of them went megamorphic).
 */
export function perForm<T>(): Record<FormId, T | undefined> {
  return { demonstration: undefined, application: undefined, progress: undefined };
}

/** "1" | "2" | "3" | a form id → the form; undefined when it names none. */
export function findForm(name: string): FormSpec | undefined {
  const key = name.trim().replace(/^附件/, '');
  return FORMS.find((f) => f.id === key || String(f.number) === key);
}

export function getField(form: FormSpec, id: string): FieldSpec | undefined {
  return form.fields.find((f) => f.id === id);
}

/**
 * Workbook defined name that tags a sheet as made from our template: "WUHUA_demonstration_v1".
 * Underscores, not dots: LibreOffice only keeps names of letters, digits and underscores.
 */
export function tagName(form: FormSpec): string {
  return `WUHUA_${form.id}_v${form.templateVersion}`;
}

/** Defined name of one field's input cell: "WUHUA_demonstration_memberCount". */
export function fieldName(form: FormSpec, fieldId: string): string {
  return `WUHUA_${form.id}_${fieldId}`;
}

/** Parses a tag name back: form and template version, or undefined. */
export function parseTagName(name: string): { form: FormId; version: number } | undefined {
  const m = /^WUHUA_(demonstration|application|progress)_v(\d+)$/i.exec(name);
  return m ? { form: m[1].toLowerCase() as FormId, version: Number(m[2]) } : undefined;
}
