// @vitest-environment jsdom
// Which elements the masking covers, on markup built to slip past it: fields named only by id or
// name, by label, placeholder or aria-label, a password shown as text, an editable <div>, and fields
// inside open and closed shadow roots. jsdom has no chrome.dom: the closed-root lookup is stood in
// for by a map of the roots this test attached, as chrome.dom.openOrClosedShadowRoot would answer.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

const closedRoots = new WeakMap<Element, ShadowRoot>();
beforeAll(() => {
  (globalThis as { chrome?: unknown }).chrome = {
    dom: { openOrClosedShadowRoot: (el: HTMLElement) => el.shadowRoot ?? closedRoots.get(el) ?? null },
  };
});

const load = () => import('../../src/content/masking/sensitive.ts');

beforeEach(() => {
  document.body.innerHTML = '';
});

function covered(found: Element[]): string[] {
  return found.map((el) => el.getAttribute('data-t') ?? '?').sort();
}

describe('findSensitive', () => {
  it('finds fields by name, id, label, placeholder, aria-label and title, and leaves neutral ones', async () => {
    const { findSensitive } = await load();
    document.body.innerHTML = `
      <input data-t="name-only" name="billingZip">
      <input data-t="id-only" id="shipping_address">
      <input data-t="de-name" name="vorname">
      <label for="x1">Téléphone</label><input data-t="fr-label" id="x1">
      <label>Фамилия <input data-t="ru-wrapped"></label>
      <input data-t="placeholder" placeholder="请输入手机号">
      <input data-t="aria" aria-label="Código postal">
      <span id="lbl">כתובת</span><input data-t="labelledby" aria-labelledby="lbl">
      <textarea data-t="textarea" name="address"></textarea>
      <input data-t="control-search" name="search" placeholder="Search">
      <input data-t="control-note" name="coupon-note" aria-label="Coupon note">
      <input data-t="control-zipper" name="zipper">
      <input type="checkbox" data-t="control-checkbox" name="email_opt_in">`;
    expect(covered(findSensitive(document, []))).toEqual(
      [
        'aria',
        'de-name',
        'fr-label',
        'id-only',
        'labelledby',
        'name-only',
        'placeholder',
        'ru-wrapped',
        'textarea',
      ].sort(),
    );
  });

  it('covers an editable element by its label, not one with a neutral label', async () => {
    const { findSensitive } = await load();
    document.body.innerHTML = `
      <span id="a">Address</span><div data-t="editable" contenteditable="true" aria-labelledby="a"></div>
      <label for="b">Street</label><div data-t="editable-for" contenteditable id="b"></div>
      <div data-t="role-textbox" role="textbox" aria-label="E-mail"></div>
      <div data-t="control-editable" contenteditable aria-label="Gift message"></div>
      <div data-t="not-editable" contenteditable="false" aria-label="Address"></div>`;
    expect(covered(findSensitive(document, []))).toEqual(['editable', 'editable-for', 'role-textbox']);
  });

  it('keeps a password field covered after a show-password button makes it text', async () => {
    const { findSensitive, watchPasswords } = await load();
    document.body.innerHTML = `<input data-t="secret" type="password" name="field7">`;
    watchPasswords(document);
    document.querySelector('input')!.type = 'text';
    await new Promise((r) => setTimeout(r, 0));
    expect(covered(findSensitive(document, []))).toEqual(['secret']);
    // A text field that never was a password, with the same neutral name, stays readable.
    document.body.insertAdjacentHTML('beforeend', '<input data-t="plain" name="field7">');
    expect(covered(findSensitive(document, []))).toEqual(['secret']);
  });

  it('reaches into open and closed shadow roots, nested ones too, with the auditor selectors', async () => {
    const { findSensitive } = await load();
    document.body.innerHTML = '<x-open></x-open><div id="closed-host"></div>';
    const open = document.querySelector('x-open')!.attachShadow({ mode: 'open' });
    open.innerHTML =
      '<input data-t="open-email" name="email"><input data-t="open-control" name="search"><x-inner></x-inner>';
    open.querySelector('x-inner')!.attachShadow({ mode: 'open' }).innerHTML =
      '<input data-t="nested-card" id="cardNumber">';
    const host = document.querySelector('#closed-host')!;
    const closed = host.attachShadow({ mode: 'closed' });
    closedRoots.set(host, closed);
    closed.innerHTML = '<input data-t="closed-zip" name="postalCode"><p class="promo" data-t="closed-selector">x</p>';
    // A custom element is asked even with light-DOM children (a plain <div> only when empty).
    document.body.insertAdjacentHTML('beforeend', '<x-closed><span>light</span></x-closed>');
    const custom = document.querySelector('x-closed')!;
    const customRoot = custom.attachShadow({ mode: 'closed' });
    closedRoots.set(custom, customRoot);
    customRoot.innerHTML = '<input data-t="closed-custom-phone" type="text" name="phone">';
    expect(covered(findSensitive(document, ['.promo']))).toEqual(
      ['closed-custom-phone', 'closed-selector', 'closed-zip', 'nested-card', 'open-email'].sort(),
    );
  });
});
