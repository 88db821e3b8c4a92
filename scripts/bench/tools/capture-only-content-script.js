// The base: a content script that does its part in the step's masked capture (finds the sensitive
// fields the worker asks it to cover; the demo product page has none, so it draws nothing) and records
// no signal at all. Not shipped: content-floor.ts runs it beside the floor and Peakend's script, so the
// cost any content script of an auditing extension pays on the page (its world, its injection, the
// capture's messages) is measured apart from the cost of the signals.
(function () {
  if (globalThis.__peakendCaptureOnly) return;
  globalThis.__peakendCaptureOnly = true;
  const SENSITIVE = 'input[type=password],input[autocomplete~="cc-number"],input[autocomplete~="cc-csc"],input[autocomplete~="one-time-code"]';
  chrome.runtime.onMessage.addListener((m, _s, reply) => {
    const t = m && m.type;
    if (t === 'content/mask' || t === 'content/preview-mask') {
      let n = 0;
      const extra = (m.selectors || []).join(',');
      for (const el of document.querySelectorAll(extra ? SENSITIVE + ',' + extra : SENSITIVE)) {
        const r = el.getBoundingClientRect();
        if (r.width && r.height) n++;
      }
      reply({ frames: 1, fields: n, offscreenFrames: [] });
      return;
    }
    if (t === 'content/unmask') { reply({ removed: 0 }); return; }
    if (t === 'content/flush-signals') { reply({ signals: null }); return; }
  });
})();
