// PayFrame: the payment provider's card field, served from a second origin and embedded by checkout.
(() => {
  'use strict';
  const form = document.getElementById('frame-form');
  const input = document.getElementById('frame-card');
  const status = document.getElementById('frame-status');
  if (!form || !input || !status) return;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const digits = input.value.replace(/[\s-]/g, '');
    if (!/^\d{16}$/.test(digits)) {
      input.setAttribute('aria-invalid', 'true');
      status.className = 'frame-status bad';
      status.textContent = 'Enter the 16 digits on your card.';
      return;
    }
    input.removeAttribute('aria-invalid');
    status.className = 'frame-status ok';
    status.textContent = `Card ending in ${digits.slice(-4)} is ready to pay.`;
    // Only the last four digits leave the frame.
    if (window.parent !== window) window.parent.postMessage({ type: 'payframe', status: 'ok', last4: digits.slice(-4) }, '*');
  });
  input.addEventListener('input', () => {
    if (input.getAttribute('aria-invalid') === 'true' && /^\d{16}$/.test(input.value.replace(/[\s-]/g, ''))) {
      input.removeAttribute('aria-invalid');
      status.textContent = '';
    }
  });
})();
