// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { countFields, visibleFields } from '../../../src/content/dom/fields.ts';

function fixture(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('countFields', () => {
  it('counts text-like inputs, select and textarea; excludes hidden, submit, button, reset, image', () => {
    const root = fixture(`
      <form>
        <input name="a">
        <input type="email" name="b">
        <input type="tel" name="c">
        <input type="checkbox" name="d">
        <select name="e"><option>1</option></select>
        <textarea name="f"></textarea>
        <input type="hidden" name="g">
        <input type="submit"><input type="button" value="x"><input type="reset"><input type="image" alt="go">
        <button>Send</button>
      </form>`);
    expect(countFields(root)).toEqual({ fields: 6, required: 0 });
  });

  it('excludes fields with the hidden attribute, on themselves or an ancestor', () => {
    const root = fixture(`<input id="shown"><input hidden><div hidden><input><select></select></div>`);
    expect(countFields(root).fields).toBe(1);
  });

  it('excludes display:none from a stylesheet, on the field and via an ancestor', () => {
    const style = document.createElement('style');
    style.textContent = '.gone { display: none } .wrapper .inner { display: none }';
    document.head.append(style);
    const root = fixture(`
      <input id="shown">
      <input class="gone">
      <div class="gone"><input><textarea></textarea></div>
      <div class="wrapper"><div class="inner"><span><input></span></div></div>`);
    expect(countFields(root).fields).toBe(1);
    expect(visibleFields(root).map((f) => f.id)).toEqual(['shown']);
  });

  it('excludes display:none from an inline style', () => {
    const root = fixture(`<input><div style="display:none"><input></div>`);
    expect(countFields(root).fields).toBe(1);
  });

  it('excludes visibility:hidden, but a descendant with visibility:visible shows again', () => {
    const style = document.createElement('style');
    style.textContent = '.invisible { visibility: hidden } .back { visibility: visible }';
    document.head.append(style);
    const root = fixture(`
      <input class="invisible">
      <div class="invisible"><input id="a"><span class="back"><input id="b"></span></div>`);
    expect(visibleFields(root).map((f) => f.id)).toEqual(['b']);
  });

  it('excludes fields in a closed <details>, keeps those in an open one and in the summary', () => {
    const root = fixture(`
      <details><summary><input id="s"></summary><input id="closed"></details>
      <details open><summary>More</summary><input id="open"></details>`);
    expect(visibleFields(root).map((f) => f.id)).toEqual(['s', 'open']);
  });

  it('does not count disabled fields (own attribute or disabled fieldset), counts read-only ones', () => {
    const root = fixture(`
      <input disabled><select disabled></select>
      <fieldset disabled><input><textarea></textarea></fieldset>
      <input readonly id="ro"><input id="ok">`);
    expect(countFields(root).fields).toBe(2);
  });

  it('counts required fields by the required attribute and aria-required="true"', () => {
    const root = fixture(`
      <input required>
      <select required><option>x</option></select>
      <textarea aria-required="true"></textarea>
      <input aria-required="false">
      <input>
      <input type="hidden" required>
      <input required style="display:none">`);
    expect(countFields(root)).toEqual({ fields: 5, required: 3 });
  });

  it('counts every radio as a field (METHOD.md: each visible input), a required group making each radio required', () => {
    const root = fixture(`
      <form>
        <input type="radio" name="size" value="s" required>
        <input type="radio" name="size" value="m">
        <input type="radio" name="size" value="l">
        <input type="radio" name="ship" value="std">
        <input type="radio" name="ship" value="exp">
      </form>
      <form><input type="radio" name="size" value="s"></form>
      <input type="radio" value="lonely">`);
    expect(countFields(root)).toEqual({ fields: 7, required: 3 });
  });

  it('counts a radio group as required when its role=radiogroup is aria-required', () => {
    const root = fixture(`
      <div role="radiogroup" aria-required="true">
        <input type="radio" name="pay" value="card"><input type="radio" name="pay" value="paypal">
      </div>`);
    expect(countFields(root)).toEqual({ fields: 2, required: 2 });
  });

  it('counts only under the given root', () => {
    fixture(`<form id="f1"><input><input></form><form id="f2"><input></form>`);
    expect(countFields(document.getElementById('f1')!).fields).toBe(2);
    expect(countFields(document).fields).toBe(3);
  });

  it('counts fields in open shadow roots and applies the host visibility', () => {
    const root = fixture(`<div id="host"></div><div id="hidden-host" style="display:none"></div>`);
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<input required><input type="submit">`;
    const hiddenShadow = document.getElementById('hidden-host')!.attachShadow({ mode: 'open' });
    hiddenShadow.innerHTML = `<input>`;
    expect(countFields(root)).toEqual({ fields: 1, required: 1 });
  });
});
