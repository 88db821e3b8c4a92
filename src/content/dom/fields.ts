// Form-field counts of METHOD.md ("Signals": form fields; F3 "few fields"), for the content
// script. Runs on real pages and on jsdom fixtures: no layout, no DOM serialisation.
//
// What counts as a field:
//  - `input` of any type except hidden, submit, button, reset, image; `select`; `textarea`.
//  - It must be visible (see visibility.ts: `hidden` attribute, display:none on it or an
//    ancestor, visibility:hidden/collapse, closed <details>).
//  - DISABLED fields (own `disabled`, or inside a disabled <fieldset>) are NOT counted: the
//    shopper cannot fill them, and F3 is about the effort of filling in. A field that becomes
//    enabled later (e.g. "state" after "country") counts in a later snapshot. Read-only fields
//    ARE counted (date pickers are often read-only inputs the shopper still works with).
//  - Every visible radio counts, as METHOD.md counts every visible `input` (a group of three options
//    is three fields; a required group makes each of its radios required). Checkboxes count singly.
//  - Fields inside open shadow roots count too.
// Required: the `required` attribute or aria-required="true" on the field (for a radio group:
// on any of its radios, or on an enclosing role="radiogroup").

import { VisibilityCache, queryAllDeep } from './visibility.ts';

export interface FieldCounts {
  /** Visible, enabled fields (each radio of a group counts). */
  fields: number;
  /** How many of those are required. */
  required: number;
}

export const FIELD_SELECTOR = 'input, select, textarea';

const EXCLUDED_INPUT_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image']);

/** Whether `el` is a field kind we count (before visibility and disabled checks). */
export function isFieldElement(el: Element): boolean {
  const name = el.localName;
  if (name === 'select' || name === 'textarea') return true;
  if (name !== 'input') return false;
  // An unknown or missing type is "text" (what the .type property would say).
  const type = (el.getAttribute('type') ?? 'text').trim().toLowerCase();
  return !EXCLUDED_INPUT_TYPES.has(type);
}

export function isDisabledField(el: Element): boolean {
  // :disabled covers the attribute and a disabled <fieldset> ancestor (outside its <legend>).
  try {
    return el.matches(':disabled');
  } catch {
    return el.hasAttribute('disabled');
  }
}

export function isRadio(el: Element): boolean {
  return el.localName === 'input' && el.getAttribute('type')?.trim().toLowerCase() === 'radio';
}

export function isRequiredField(el: Element): boolean {
  return el.hasAttribute('required') || el.getAttribute('aria-required')?.trim().toLowerCase() === 'true';
}

/**
 * The fields a shopper sees and can fill under `root`, in document order (shadow-root fields
 * after the light DOM). Shared with form-errors.ts. A radio group is represented by its first
 * visible radio; use `fieldGroups` when the group members matter.
 */
export function visibleFields(root: ParentNode, cache = new VisibilityCache()): Element[] {
  return fieldGroups(root, cache).map((g) => g[0]!);
}

/** Visible, enabled fields grouped: one array per counted field (radio groups have several). */
export function fieldGroups(root: ParentNode, cache = new VisibilityCache()): Element[][] {
  return groupFields(queryAllDeep(root, FIELD_SELECTOR), cache);
}

/** fieldGroups over elements already queried with FIELD_SELECTOR (in document order). */
export function groupFields(candidates: readonly Element[], cache = new VisibilityCache()): Element[][] {
  const groups: Element[][] = [];
  const radioGroups = new Map<string, Element[]>();
  const ids = new Map<object | null, number>();
  const idOf = (o: object | null): number => {
    let id = ids.get(o);
    if (id === undefined) {
      id = ids.size;
      ids.set(o, id);
    }
    return id;
  };
  for (const el of candidates) {
    if (!isFieldElement(el) || isDisabledField(el) || !cache.isVisible(el)) continue;
    const name = el.getAttribute('name');
    if (isRadio(el) && name) {
      // Same name, same form owner, same tree (document or shadow root): one group.
      const key = `${idOf(el.getRootNode())}/${idOf((el as HTMLInputElement).form ?? null)}/${name}`;
      const existing = radioGroups.get(key);
      if (existing) {
        existing.push(el);
        continue;
      }
      const group = [el];
      radioGroups.set(key, group);
      groups.push(group);
      continue;
    }
    groups.push([el]);
  }
  return groups;
}

/** Counts the visible fields under `root` and how many are required (rules at the top). */
export function countFields(root: ParentNode): FieldCounts {
  let fields = 0;
  let required = 0;
  // METHOD.md counts every visible input, so each radio of a group is a field of its own.
  for (const group of fieldGroups(root)) {
    fields += group.length;
    if (group.some(isRequiredField) || inRequiredRadiogroup(group[0]!)) required += group.length;
  }
  return { fields, required };
}

function inRequiredRadiogroup(el: Element): boolean {
  if (el.getAttribute('type')?.trim().toLowerCase() !== 'radio') return false;
  const group = el.closest('[role="radiogroup"]');
  return group?.getAttribute('aria-required')?.trim().toLowerCase() === 'true';
}
