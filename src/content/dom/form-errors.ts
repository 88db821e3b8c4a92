// Form errors of METHOD.md ("Signals"): "fields that turn aria-invalid="true" or :invalid on a
// submit attempt, and error text that appears in role=alert / aria-live regions". For the
// content script; runs on jsdom fixtures too. No DOM serialisation: one querySelectorAll for the
// fields, the ARIA widgets and the regions together, textContent of the (few, small) regions.
//
// What is an error at a given moment (an ErrorSnapshot):
//  - FIELDS: the visible, enabled fields of fields.ts (a radio group is one field) that have
//    aria-invalid="true", plus, only in a snapshot taken at a submit attempt, those that fail
//    constraint validation (willValidate && !validity.valid, which is what :invalid matches for
//    a form control; reading validity fires no `invalid` event, unlike checkValidity()). :invalid
//    is ignored outside submit attempts because an empty required field is :invalid from page
//    load on, before the shopper has been told anything. Visible ARIA widgets (role textbox,
//    combobox, ...) with aria-invalid="true" count as fields too; a field (input, select, textarea
//    by fields.ts, so not a disabled one) with a widget role is judged as a field only. A field is
//    counted once even when it is both aria-invalid and :invalid.
//  - MESSAGES: visible regions with role="alert" or an aria-live other than "off", with
//    non-empty text (whitespace collapsed). Only the outermost region counts when regions nest.
//    A field error and its message are two errors, as METHOD.md lists both.
//
// Only errors that APPEAR count: newErrors(before, after) returns the fields in error in
// `after` that were not in `before`, and the regions whose text is new or changed. Errors
// present when the baseline was taken (e.g. server-rendered ones) are not counted; a field
// still invalid at the next submit attempt is not counted again.
//
// Content-script use (FormErrorTracker does the bookkeeping):
//   const errors = new FormErrorTracker(document);   // baseline at step start
//   // Native validation blocks `submit`, so listen for both, in the capture phase:
//   addEventListener('submit', () => setTimeout(() => errors.submitAttempt(), 50), true);
//   addEventListener('invalid', debounce(() => errors.submitAttempt(), 50), true);
//   // Scripts often render errors a little later; a second call only adds what is new:
//   ... setTimeout(() => errors.submitAttempt(), 600);
//   new MutationObserver(debounce(() => errors.check(), 250)).observe(document, {...});
//   signals.formErrors = errors.total;

import { VisibilityCache, queryAllDeep } from './visibility.ts';
import { FIELD_SELECTOR, groupFields, isFieldElement, isRadio } from './fields.ts';

export interface ErrorSnapshot {
  /** Fields in error (a radio group by its first radio). */
  readonly fields: ReadonlySet<Element>;
  /** Live/alert regions with non-empty text, and that text. */
  readonly messages: ReadonlyMap<Element, string>;
  /** Whether :invalid was taken into account. */
  readonly submitAttempt: boolean;
}

export interface NewErrors {
  fields: Element[];
  /** The new or changed region texts. */
  messages: string[];
  /** fields.length + messages.length. */
  count: number;
}

export const REGION_SELECTOR = '[role="alert"], [aria-live]';

/** ARIA widgets whose aria-invalid counts like a field's (and any contenteditable element). */
const ARIA_WIDGET_ROLES = new Set([
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'spinbutton',
  'slider',
  'checkbox',
  'radiogroup',
  'switch',
]);

/**
 * Fields, elements carrying aria-invalid, and live regions: one query for all three, sorted out
 * here. (Three queries, the widgets' one with a selector per role, measured about 0.1 ms more a
 * scan on a page that had just loaded.)
 */
const SCAN_SELECTOR = `${FIELD_SELECTOR}, [aria-invalid], ${REGION_SELECTOR}`;

/** What REGION_SELECTOR matches (a role of exactly "alert", as CSS compares it), for an element of the combined query. */
const matchesRegionSelector = (el: Element): boolean =>
  el.getAttribute('role') === 'alert' || el.hasAttribute('aria-live');

const isAriaWidget = (el: Element): boolean =>
  el.hasAttribute('contenteditable') || ARIA_WIDGET_ROLES.has(el.getAttribute('role')?.trim().toLowerCase() ?? '');

const isAriaInvalid = (el: Element): boolean => el.getAttribute('aria-invalid')?.trim().toLowerCase() === 'true';

function failsConstraints(el: Element): boolean {
  const c = el as Partial<HTMLInputElement>;
  return c.willValidate === true && c.validity?.valid === false;
}

function isRegion(el: Element): boolean {
  if (el.getAttribute('role')?.trim().toLowerCase() === 'alert') return true;
  const live = el.getAttribute('aria-live');
  return live !== null && live.trim().toLowerCase() !== 'off';
}

const normaliseText = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The errors present under `root` now. Pass submitAttempt: true when called on a submit attempt. */
export function snapshotErrors(root: ParentNode, opts: { submitAttempt?: boolean } = {}): ErrorSnapshot {
  const submitAttempt = opts.submitAttempt ?? false;
  const cache = new VisibilityCache();
  const fields = new Set<Element>();
  const inError = (el: Element): boolean => isAriaInvalid(el) || (submitAttempt && failsConstraints(el));
  // Visibility asks the browser for styles, which a page that just changed must recompute first, so
  // only the fields in error are grouped and checked: with the radios named like a radio in error,
  // because a group is represented by its first visible radio, in error or not. (Grouping every field
  // of the page measured 0.5-1 ms a submit attempt on the demo shop's product page.)
  const candidates: Element[] = [];
  const widgets: Element[] = [];
  const regions: Element[] = [];
  for (const el of queryAllDeep(root, SCAN_SELECTOR)) {
    const name = el.localName;
    // A field is judged as a field only (fields.ts rules, disabled ones left out): as a widget it
    // would repeat itself, and as a region its text is its own options or value, not a message. An
    // input that is no field (a button with a widget role) is judged as any other element.
    if (name === 'select' || name === 'textarea' || (name === 'input' && isFieldElement(el))) candidates.push(el);
    else {
      if (el.hasAttribute('aria-invalid') && isAriaWidget(el)) widgets.push(el);
      if (matchesRegionSelector(el) && isRegion(el)) regions.push(el);
    }
  }
  const failing = candidates.filter(inError);
  if (failing.length > 0) {
    // Unnamed radios are fields of their own (fields.ts): none needs its group's radios.
    const radioNames = new Set(
      failing
        .filter(isRadio)
        .map((el) => el.getAttribute('name'))
        .filter(Boolean),
    );
    const inErrorNow = new Set(failing);
    const relevant =
      radioNames.size === 0
        ? failing
        : candidates.filter((el) => inErrorNow.has(el) || (isRadio(el) && radioNames.has(el.getAttribute('name'))));
    for (const group of groupFields(relevant, cache)) {
      if (group.some(inError)) fields.add(group[0]!);
    }
  }
  for (const widget of widgets) {
    if (!isAriaInvalid(widget) || !cache.isVisible(widget)) continue;
    if ([...fields].some((f) => widget.contains(f))) continue;
    fields.add(widget);
  }
  const messages = new Map<Element, string>();
  for (const region of regions) {
    const outer = region.parentElement?.closest(REGION_SELECTOR);
    if (outer && isRegion(outer)) continue;
    // An empty region is no message, shown or not: its text is read before its styles.
    const text = normaliseText(region.textContent ?? '');
    if (text && cache.isVisible(region)) messages.set(region, text);
  }
  return { fields, messages, submitAttempt };
}

/** Errors in `after` that were not in `before` (rules at the top). */
export function newErrors(before: ErrorSnapshot, after: ErrorSnapshot): NewErrors {
  const fields = [...after.fields].filter((f) => !before.fields.has(f));
  const messages: string[] = [];
  for (const [region, text] of after.messages) {
    if (before.messages.get(region) !== text) messages.push(text);
  }
  return { fields, messages, count: fields.length + messages.length };
}

/** The errors present under `root` now, judged as at a submit attempt (no baseline). */
export function countFormErrors(root: ParentNode): number {
  const s = snapshotErrors(root, { submitAttempt: true });
  return s.fields.size + s.messages.size;
}

/**
 * Per-step bookkeeping for the content script: takes the baseline when created, counts the
 * errors that appear at each submit attempt (fields and messages) and, between attempts, the
 * messages that appear in live regions (METHOD.md does not tie those to a submit).
 */
export class FormErrorTracker {
  private fields: ReadonlySet<Element>;
  private messages: ReadonlyMap<Element, string>;
  private count = 0;

  constructor(private readonly root: ParentNode) {
    const baseline = snapshotErrors(root);
    this.fields = baseline.fields;
    this.messages = baseline.messages;
  }

  /** Form errors counted so far on this step. */
  get total(): number {
    return this.count;
  }

  /** Call on a submit attempt (submit or invalid event); returns what was newly counted. */
  submitAttempt(): NewErrors {
    const now = snapshotErrors(this.root, { submitAttempt: true });
    const added = newErrors(this.state(), now);
    this.fields = now.fields;
    this.messages = now.messages;
    this.count += added.count;
    return added;
  }

  /** Call on DOM changes between submit attempts: counts newly appearing messages only. */
  check(): NewErrors {
    const now = snapshotErrors(this.root);
    const added = newErrors({ ...this.state(), fields: now.fields }, now);
    this.messages = now.messages;
    this.count += added.count;
    return added;
  }

  private state(): ErrorSnapshot {
    return { fields: this.fields, messages: this.messages, submitAttempt: true };
  }
}
