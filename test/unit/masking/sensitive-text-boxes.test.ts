// @vitest-environment jsdom
// Which text the content script covers: page text in the document and in shadow roots, never a
// script's, a style's or a textarea's (fields have covers of their own). jsdom lays nothing out, so
// each range's box is stood in for by one that carries the range's text.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sensitiveTextBoxes } from '../../../src/content/masking/text.ts';

type TextRect = DOMRect & { text: string };

beforeAll(() => {
  Range.prototype.getClientRects = function (this: Range) {
    const box = { width: 10, height: 10, text: this.toString() };
    return [box] as unknown as DOMRectList;
  };
});
afterEach(() => (document.body.innerHTML = ''));

const covered = () => sensitiveTextBoxes(document).map((r) => (r as TextRect).text);

describe('sensitiveTextBoxes', () => {
  it('covers e-mails, phones and cards in page text and leaves prices, dates and order numbers', () => {
    document.body.innerHTML = `
      <p>Signed in as <b>ada@example.org</b></p>
      <p>Order #100045678 of 15.01.2024, total $1,234.56</p>
      <p>Phone +48 123 456 789, card 4111 1111 1111 1111</p>`;
    expect(covered()).toEqual(['ada@example.org', '+48 123 456 789', '4111 1111 1111 1111']);
  });

  it('reaches into open shadow roots, nested ones included', () => {
    document.body.innerHTML = `<account-box></account-box>`;
    const outer = document.querySelector('account-box')!.attachShadow({ mode: 'open' });
    outer.innerHTML = `<p>Signed in as bob@example.com</p><inner-box></inner-box>`;
    outer.querySelector('inner-box')!.attachShadow({ mode: 'open' }).innerHTML = `<span>Tel. (555) 123-4567</span>`;
    expect(covered()).toEqual(['bob@example.com', '(555) 123-4567']);
  });

  it('skips script, style, noscript and textarea text', () => {
    document.body.innerHTML = `
      <script>const support = "help@example.org";</script>
      <style>/* ada@example.org */</style>
      <noscript>Call +48 123 456 789</noscript>
      <textarea>ada@example.org</textarea>
      <p>carol@example.net</p>`;
    expect(covered()).toEqual(['carol@example.net']);
  });
});
