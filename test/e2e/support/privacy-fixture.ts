// Issue 18, part 1: a page built to slip sensitive fields past the masking. Each field has a data-t
// name; SENSITIVE must be covered in a screenshot once typed into, CONTROLS must stay readable (same
// typed text, neutral names), so a mask over everything fails the test as surely as a leak does.
// The closed shadow root is unreachable from outside by design: the page keeps its own reference so
// the test can type into it (window.fieldEl), as a shopper would.

export const SENSITIVE = [
  'de-name-only',
  'en-name-only',
  'id-only',
  'fr-id-only',
  'es-name-only',
  'ru-label-only',
  'pl-wrapping-label',
  'zh-placeholder-only',
  'he-placeholder-only',
  'aria-label-only',
  'textarea-address',
  'shown-password',
  'editable-address',
  'open-shadow-email',
  'closed-shadow-card',
] as const;

export const CONTROLS = ['control-search', 'control-coupon-note', 'control-open-shadow-note'] as const;

export const PRIVACY_FIXTURE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Privacy fixture</title>
<style>
  body { margin: 16px; font: 16px sans-serif; background: #fff; color: #000; }
  .grid { display: grid; grid-template-columns: repeat(3, 300px); gap: 14px 24px; }
  .cell { display: flex; flex-direction: column; gap: 4px; }
  input, textarea, [contenteditable] { box-sizing: border-box; width: 280px; height: 44px; font: 22px monospace;
    color: #000; background: #fff; border: 1px solid #888; padding: 4px 8px; resize: none; outline: none; caret-color: transparent; }
  label, .lbl { font-size: 13px; color: #555; height: 16px; }
</style></head>
<body>
<div class="grid">
  <div class="cell"><span class="lbl">.</span><input data-t="de-name-only" name="vorname"></div>
  <div class="cell"><span class="lbl">.</span><input data-t="en-name-only" name="billingZip"></div>
  <div class="cell"><span class="lbl">.</span><input data-t="id-only" id="shipping_address"></div>
  <div class="cell"><span class="lbl">.</span><input data-t="fr-id-only" id="telephoneMobile"></div>
  <div class="cell"><span class="lbl">.</span><input data-t="es-name-only" name="contrasena"></div>
  <div class="cell"><label for="f6">Фамилия</label><input data-t="ru-label-only" id="f6"></div>
  <div class="cell"><label>Hasło <input data-t="pl-wrapping-label"></label></div>
  <div class="cell"><span class="lbl">.</span><input data-t="zh-placeholder-only" placeholder="手机号码"></div>
  <div class="cell"><span class="lbl">.</span><input data-t="he-placeholder-only" placeholder="כתובת" dir="rtl"></div>
  <div class="cell"><span class="lbl">.</span><input data-t="aria-label-only" aria-label="Date of birth"></div>
  <div class="cell"><span class="lbl">.</span><textarea data-t="textarea-address" name="address"></textarea></div>
  <div class="cell"><span class="lbl">.</span><input data-t="shown-password" type="password" name="field7">
    <button type="button" id="show-password">Show</button></div>
  <div class="cell"><span class="lbl" id="ce-label">Address</span><div data-t="editable-address" contenteditable="true" aria-labelledby="ce-label"></div></div>
  <div class="cell"><span class="lbl">.</span><x-open-field></x-open-field></div>
  <div class="cell"><span class="lbl">.</span><div id="closed-host"></div></div>
  <div class="cell"><label for="s">Search</label><input data-t="control-search" id="s" name="search" placeholder="Search"></div>
  <div class="cell"><span class="lbl">.</span><input data-t="control-coupon-note" name="coupon-note" aria-label="Coupon note"></div>
</div>
<script>
  const style = '<style>input { box-sizing: border-box; width: 280px; height: 44px; font: 22px monospace; color: #000; background: #fff; border: 1px solid #888; padding: 4px 8px; outline: none; caret-color: transparent; display: block; margin-bottom: 14px; }</style>';
  const open = document.querySelector('x-open-field').attachShadow({ mode: 'open' });
  open.innerHTML = style + '<input data-t="open-shadow-email" name="email"><input data-t="control-open-shadow-note" name="note">';
  const closed = document.getElementById('closed-host').attachShadow({ mode: 'closed' });
  closed.innerHTML = style + '<input data-t="closed-shadow-card" name="cardNumber">';
  document.getElementById('show-password').addEventListener('click', () => {
    const pw = document.querySelector('[data-t="shown-password"]');
    pw.type = pw.type === 'password' ? 'text' : 'password';
  });
  window.fieldEl = (t) =>
    document.querySelector('[data-t="' + t + '"]') ?? open.querySelector('[data-t="' + t + '"]') ?? closed.querySelector('[data-t="' + t + '"]');
</script>
</body></html>`;
