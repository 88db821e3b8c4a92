// Issue 18, part 2: personal data shown as text, in the page, in an open and a closed shadow root
// and in a cross-site iframe, beside control text that must stay readable (a price, a date, an
// order number, and a 16-digit number that fails the Luhn check). Each value is a span with a data-t
// name, so the test can find its box; the closed root and the frame keep their own lookups
// (window.textEl), as the shopper's page would keep its own references.

/** In the top page (its shadow roots included): [data-t, text]. */
export const TOP_SENSITIVE = [
  ['email', 'ada@example.org'],
  ['phone', '+48 123 456 789'],
  ['card', '4111 1111 1111 1111'],
  ['open-shadow-email', 'bob@example.com'],
  ['open-shadow-phone', '(555) 123-4567'],
  ['closed-shadow-card', '5555 5555 5555 4444'],
] as const;
export const TOP_CONTROLS = [
  ['control-price', '$1,234.56'],
  ['control-date', '15.01.2024'],
  ['control-order', '#100045678'],
  ['control-not-luhn', '4111 1111 1111 1112'],
  ['open-shadow-control', 'Size M, 2 pcs'],
] as const;
export const FRAME_SENSITIVE = [
  ['frame-email', 'carol@example.net'],
  ['frame-phone', '8 (495) 123-45-67'],
] as const;
export const FRAME_CONTROLS = [['frame-control-price', '1 299,00 zł']] as const;

const STYLE = `<style>
  body { margin: 12px; font: 22px/1.5 monospace; background: #fff; color: #000; }
  p { margin: 0 0 10px; }
  iframe { border: 0; width: 620px; height: 130px; display: block; }
</style>`;

const span = ([t, text]: readonly [string, string]) => `<span data-t="${t}">${text}</span>`;
const LOOKUP = `window.textEl = (t) => [document, ...(window.roots ?? [])].map((r) => r.querySelector('[data-t="' + t + '"]')).find(Boolean);`;

export function privacyTextPage(frameUrl: string): string {
  const [email, phone, card, openEmail, openPhone, closedCard] = TOP_SENSITIVE;
  const [price, date, order, notLuhn, openControl] = TOP_CONTROLS;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Order confirmation</title>${STYLE}</head>
<body>
<p>Signed in as ${span(email)}</p>
<p>Phone: ${span(phone)}</p>
<p>Paid with ${span(card)}</p>
<p>Total ${span(price)}, delivered ${span(date)}</p>
<p>Order ${span(order)}, ref ${span(notLuhn)}</p>
<x-open-account></x-open-account>
<x-closed-account></x-closed-account>
<iframe src="${frameUrl}" title="Account"></iframe>
<script>
  const open = document.querySelector('x-open-account').attachShadow({ mode: 'open' });
  open.innerHTML = '<p style="margin:0 0 10px">Contact ${span(openEmail)}, ${span(openPhone)}</p><p style="margin:0 0 10px">${span(openControl)}</p>';
  const closed = document.querySelector('x-closed-account').attachShadow({ mode: 'closed' });
  closed.innerHTML = '<p style="margin:0 0 10px">Saved card ${span(closedCard)}</p>';
  window.roots = [open, closed];
  ${LOOKUP}
</script>
</body></html>`;
}

export function privacyTextFrame(): string {
  const [email, phone] = FRAME_SENSITIVE;
  const [price] = FRAME_CONTROLS;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">${STYLE}</head>
<body>
<p>Account ${span(email)}</p>
<p>Tel. ${span(phone)} ${span(price)}</p>
<script>${LOOKUP}</script>
</body></html>`;
}
