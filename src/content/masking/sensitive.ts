// Which fields are sensitive (METHOD.md conduct: passwords, card data, e-mail, phone, names, addresses,
// and anything the auditor adds). Decided from the autocomplete tokens the page declares, the input
// type, then the words of its name and id, its label, placeholder, aria-label and title (keyword lists
// in src/domain/sensitive-fields.ts). Fields are searched in the document and in every shadow root,
// open or closed; a field once seen as a password stays masked after a "show password" button makes
// it type=text.
import { isSensitiveIdentifier, isSensitiveLabel } from '../../domain/sensitive-fields.ts';
import { maskScopes } from './scopes.ts';

const SENSITIVE_TOKENS = new Set([
  'current-password',
  'new-password',
  'one-time-code',
  'cc-name',
  'cc-given-name',
  'cc-additional-name',
  'cc-family-name',
  'cc-number',
  'cc-exp',
  'cc-exp-month',
  'cc-exp-year',
  'cc-csc',
  'cc-type',
  'email',
  'tel',
  'tel-country-code',
  'tel-national',
  'tel-area-code',
  'tel-local',
  'tel-extension',
  'name',
  'honorific-prefix',
  'given-name',
  'additional-name',
  'family-name',
  'honorific-suffix',
  'nickname',
  'username',
  'street-address',
  'address-line1',
  'address-line2',
  'address-line3',
  'address-level1',
  'address-level2',
  'address-level3',
  'address-level4',
  'postal-code',
  'country',
  'country-name',
  'bday',
  'bday-day',
  'bday-month',
  'bday-year',
  'impp',
]);

const SENSITIVE_TYPES = new Set(['password', 'email', 'tel']);
const NOT_TYPED = new Set([
  'hidden',
  'submit',
  'button',
  'reset',
  'image',
  'checkbox',
  'radio',
  'range',
  'color',
  'file',
]);

export const MASK_ATTRIBUTE = 'data-peakend-mask';

/** Text-entry elements that are not form controls: rich editors, custom inputs. */
const EDITABLE_SELECTOR = '[contenteditable]:not([contenteditable="false" i]), [role="textbox"]';
const CANDIDATES = `input, textarea, select, [${MASK_ATTRIBUTE}], ${EDITABLE_SELECTOR}`;

// Fields seen as type=password in this frame. A "show password" button turns one into type=text
// with the same value; remembered here (not marked in the page's DOM), it stays covered.
const onceSecret = new WeakSet<Element>();

export function rememberPassword(el: Element): void {
  onceSecret.add(el);
}

/**
 * Remembers password fields from the moment the script runs: a `type` change away from password
 * (observed with its old value) and a focused password field in a shadow root (which the observer
 * does not see) are recorded. One attribute filter keeps the observer off every other mutation.
 */
export function watchPasswords(doc: Document): void {
  for (const el of doc.querySelectorAll('input[type="password" i]')) onceSecret.add(el);
  new MutationObserver((records) => {
    for (const r of records) if (r.oldValue?.toLowerCase() === 'password') onceSecret.add(r.target as Element);
  }).observe(doc, { subtree: true, attributes: true, attributeFilter: ['type'], attributeOldValue: true });
  doc.addEventListener(
    'focusin',
    (event) => {
      const target = event.composedPath()[0];
      if (target instanceof Element && target.localName === 'input' && (target as HTMLInputElement).type === 'password')
        onceSecret.add(target);
    },
    { capture: true, passive: true },
  );
}

function autocompleteTokens(el: Element): string[] {
  return (el.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** Text of the elements an aria-labelledby names, looked up in the field's own tree. */
function labelledByText(el: Element): string {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return '';
  const root = el.getRootNode() as Document | ShadowRoot;
  return ids
    .split(/\s+/)
    .map((id) => root.getElementById?.(id)?.textContent ?? '')
    .join(' ');
}

/** The words a shopper reads next to the field: labels, placeholder, aria-label(ledby), title. */
function humanTexts(el: Element): string[] {
  const texts = [
    el.getAttribute('aria-label') ?? '',
    el.getAttribute('placeholder') ?? '',
    el.getAttribute('title') ?? '',
    labelledByText(el),
  ];
  const labels = (el as HTMLInputElement).labels;
  if (labels) for (const label of labels) texts.push(label.textContent ?? '');
  else if (el.id) {
    // An editable element is not labelable, but pages still point a <label for> at it.
    const root = el.getRootNode() as Document | ShadowRoot;
    for (const label of root.querySelectorAll?.('label[for]') ?? [])
      if ((label as HTMLLabelElement).htmlFor === el.id) texts.push(label.textContent ?? '');
  }
  return texts;
}

function namedSensitive(el: Element): boolean {
  return (
    isSensitiveIdentifier(el.getAttribute('name') ?? '') ||
    isSensitiveIdentifier(el.id) ||
    humanTexts(el).some(isSensitiveLabel)
  );
}

export function isSensitiveField(el: Element): boolean {
  if (el.hasAttribute(MASK_ATTRIBUTE)) return true;
  const tag = el.localName;
  if (tag !== 'input' && tag !== 'textarea' && tag !== 'select')
    return el.matches(EDITABLE_SELECTOR) && namedSensitive(el);
  const type = (el.getAttribute('type') ?? '').trim().toLowerCase();
  if (tag === 'input' && NOT_TYPED.has(type)) return false;
  if (type === 'password') {
    onceSecret.add(el);
    return true;
  }
  if (onceSecret.has(el) || SENSITIVE_TYPES.has(type)) return true;
  if (autocompleteTokens(el).some((token) => SENSITIVE_TOKENS.has(token))) return true;
  return namedSensitive(el);
}

/**
 * Every element to cover: sensitive fields, [data-peakend-mask], and the auditor's own selectors,
 * in the document and in every shadow root under it (`scopes`, when the caller has them already).
 */
export function findSensitive(
  root: ParentNode,
  extraSelectors: readonly string[],
  scopes: readonly ParentNode[] = maskScopes(root),
): Element[] {
  const found = new Set<Element>();
  for (const scope of scopes) {
    for (const el of scope.querySelectorAll(CANDIDATES)) {
      if (isSensitiveField(el)) found.add(el);
    }
    for (const selector of extraSelectors) {
      try {
        for (const el of scope.querySelectorAll(selector)) found.add(el);
      } catch {
        // A selector the auditor mistyped masks nothing rather than breaking every capture.
      }
    }
  }
  return [...found];
}
