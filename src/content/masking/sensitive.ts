// Which fields are sensitive (METHOD.md conduct: passwords, card data, e-mail, phone, addresses, and
// anything the auditor adds). Decided from the autocomplete tokens the page declares, the input type,
// and name/id patterns payment forms use when they declare nothing. Fields inside shadow roots count
// too: open ones everywhere, closed ones where the browser shows them (dom/visibility.ts).
import { findShadowRoots } from '../dom/visibility.ts';

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
const SENSITIVE_NAME =
  /card.?num|cc.?(num|cvc|csc|exp)|cvv|cvc|\bcsc\b|security.?code|iban|passw|pin.?code|ssn|social.?security/i;

export const MASK_ATTRIBUTE = 'data-peakend-mask';

function autocompleteTokens(el: Element): string[] {
  return (el.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

export function isSensitiveField(el: Element): boolean {
  if (el.hasAttribute(MASK_ATTRIBUTE)) return true;
  const tag = el.tagName;
  if (tag !== 'INPUT' && tag !== 'TEXTAREA' && tag !== 'SELECT') return false;
  const type = (el.getAttribute('type') ?? '').toLowerCase();
  if (type === 'hidden' || type === 'submit' || type === 'button' || type === 'reset' || type === 'image') return false;
  if (SENSITIVE_TYPES.has(type)) return true;
  if (autocompleteTokens(el).some((token) => SENSITIVE_TOKENS.has(token))) return true;
  const names = `${el.getAttribute('name') ?? ''} ${el.id} ${el.getAttribute('aria-label') ?? ''}`;
  return SENSITIVE_NAME.test(names);
}

/**
 * Every element to cover: sensitive fields, [data-peakend-mask], and the auditor's own selectors.
 * The shadow roots are walked afresh each time, not taken from the signals' short-lived cache: a
 * widget attached just before the capture must be covered too.
 */
export function findSensitive(root: ParentNode, extraSelectors: readonly string[]): Element[] {
  const scopes: ParentNode[] = [root, ...findShadowRoots(root)];
  const all = (selector: string) => scopes.flatMap((scope) => Array.from(scope.querySelectorAll(selector)));
  const found = new Set<Element>();
  for (const el of all('input, textarea, select, [data-peakend-mask]')) {
    if (isSensitiveField(el)) found.add(el);
  }
  for (const selector of extraSelectors) {
    try {
      for (const el of all(selector)) found.add(el);
    } catch {
      // A selector the auditor mistyped masks nothing rather than breaking every capture.
    }
  }
  return [...found];
}
