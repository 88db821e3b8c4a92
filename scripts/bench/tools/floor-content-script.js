// The floor: the least a content script can do to record METHOD.md's signals on the benchmark's visit,
// written plainly, with no care for the cases Peakend's own script handles. Not shipped: the
// benchmark tool content-floor.ts puts it in a copy of the build, beside Peakend's script, to
// measure how much of Peakend's cost on the page any implementation of the signals would pay.
//
// What it does, all of it needed for the signals: answers the worker's Hello (observe this tab?) and
// Mask/Unmask (counts the sensitive fields; the demo product page has none, so it draws nothing); on
// each click, the time and point, a mutation observer and a scroll listener for the second after it
// (dead clicks); on submit and invalid, two scans of the fields' validity, aria-invalid and live
// regions (form errors), with a baseline at rest; an event-timing observer (INP); one batch 1.2 s
// after the last event and one on leave, with the visible fields, rage and dead clicks worked out,
// and LCP and CLS read from the browser's buffer.
//
// What it leaves out, which Peakend does: a label's forwarded click counted once, inline errors when
// a field is left, fields and regions inside shadow roots, the `hidden` attribute a page's CSS
// overrides, radio groups, single-page-app URL changes as steps, back navigations, web-vitals' rules
// for LCP, CLS and INP, the page's headings, and a batch the worker did not file sent again.
(function () {
  if (globalThis.__peakendFloor) return;
  globalThis.__peakendFloor = true;
  const SENSITIVE = 'input[type=password],input[autocomplete~="cc-number"],input[autocomplete~="cc-csc"],input[autocomplete~="one-time-code"]';
  const clock = performance;
  let observing = false;
  const clicks = []; // t, x, y
  const reactions = [];
  let lastClick = -1, lastReaction = -1;
  let mo = null, watching = false, watchUntil = 0, stopT = 0;
  let sendAt = 0, batchT = 0, timerAt = 0, changed = true;
  let baseline = null, errors = 0;
  let inp = 0;

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
    if (t === 'content/flush-signals') { reply({ signals: observing ? snapshot() : null }); return; }
  });

  function react() {
    if (lastClick > lastReaction) { lastReaction = clock.now(); reactions.push(lastReaction); }
  }
  function onScroll() { react(); removeEventListener('scroll', onScroll, true); }
  function stop() {
    const left = watchUntil - clock.now();
    if (left > 0) { stopT = setTimeout(stop, left + 10); return; }
    watching = false; mo.disconnect(); removeEventListener('scroll', onScroll, true);
  }
  function onClick(e) {
    if (!e.isTrusted) return;
    const t = clock.now();
    clicks.push(t, e.clientX, e.clientY);
    lastClick = t;
    if (baseline === null) baseline = scan(false);
    watchUntil = t + 1000;
    addEventListener('scroll', onScroll, { capture: true, passive: true });
    if (!watching) {
      watching = true;
      mo ??= new MutationObserver(react);
      mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      stopT = setTimeout(stop, 1010);
    }
    schedule(1100, t);
  }
  function scan(submit) {
    const fields = new Set();
    for (const el of document.querySelectorAll('input,select,textarea,[aria-invalid]')) {
      if (el.getAttribute('aria-invalid') === 'true' || (submit && el.willValidate && !el.validity.valid)) {
        if (el.checkVisibility()) fields.add(el);
      }
    }
    const msgs = new Map();
    for (const r of document.querySelectorAll('[role=alert],[aria-live]')) {
      const text = r.textContent.trim();
      if (text && r.checkVisibility()) msgs.set(r, text);
    }
    return { fields, msgs };
  }
  function count(before, after) {
    let n = 0;
    for (const f of after.fields) if (!before.fields.has(f)) n++;
    for (const [r, t] of after.msgs) if (before.msgs.get(r) !== t) n++;
    return n;
  }
  function onSubmit() {
    setTimeout(() => {
      const s = scan(true); errors += count(baseline || s, s); baseline = s; schedule();
      setTimeout(() => { const s2 = scan(true); errors += count(baseline, s2); baseline = s2; schedule(); }, 640);
    }, 60);
  }
  function schedule(delay = 1200, at = clock.now()) {
    changed = true;
    sendAt = at + delay;
    if (batchT && timerAt <= sendAt) return;
    clearTimeout(batchT);
    arm(delay);
  }
  function arm(delay) {
    timerAt = clock.now() + delay;
    batchT = setTimeout(() => {
      batchT = 0;
      const left = sendAt - clock.now();
      if (left > 1) arm(left); else if (changed) send();
    }, delay);
  }
  function snapshot() {
    let fields = 0, required = 0;
    for (const el of document.querySelectorAll('input,select,textarea')) {
      if (el.type === 'hidden' || el.type === 'submit' || el.type === 'button' || !el.checkVisibility()) continue;
      fields++; if (el.required) required++;
    }
    const now = clock.now();
    let dead = 0, rage = 0, j = 0;
    for (let i = 0; i < clicks.length; i += 3) {
      const t = clicks[i];
      if (now <= t + 1000) continue;
      while (j < reactions.length && reactions[j] < t) j++;
      if (!(j < reactions.length && reactions[j] <= t + 1000)) dead++;
      let near = 1;
      for (let k = i + 3; k < clicks.length && clicks[k] - t <= 1000; k += 3) {
        const dx = clicks[k + 1] - clicks[i + 1], dy = clicks[k + 2] - clicks[i + 2];
        if (dx * dx + dy * dy <= 900) near++;
      }
      if (near === 3) rage++;
    }
    const o = new PerformanceObserver(() => undefined);
    o.observe({ type: 'largest-contentful-paint', buffered: true });
    const lcp = o.takeRecords().pop();
    o.disconnect();
    const o2 = new PerformanceObserver(() => undefined);
    o2.observe({ type: 'layout-shift', buffered: true });
    let cls = 0;
    for (const s of o2.takeRecords()) if (!s.hadRecentInput) cls += s.value;
    o2.disconnect();
    return { clicks: clicks.length / 3, rageClicks: rage, deadClicks: dead, fields, requiredFields: required, formErrors: errors, backNavigations: 0, lcpMs: lcp ? Math.round(lcp.startTime) : null, cls, inpMs: inp || null };
  }
  function send() {
    changed = false;
    chrome.runtime.sendMessage({ type: 'content/signals', url: location.href, signals: snapshot(), headings: '' }).catch(() => undefined);
  }
  function start() {
    observing = true;
    addEventListener('click', onClick, { capture: true, passive: true });
    addEventListener('submit', onSubmit, { capture: true, passive: true });
    addEventListener('invalid', onSubmit, { capture: true, passive: true });
    addEventListener('pagehide', () => { if (changed) send(); });
    const po = new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.interactionId && e.duration > inp) { inp = e.duration; changed = true; } });
    po.observe({ type: 'event', durationThreshold: 40 });
    requestIdleCallback(() => { baseline ??= scan(false); schedule(); }, { timeout: 2000 });
    schedule();
  }
  chrome.runtime.sendMessage({ type: 'content/hello' }).then((a) => { if (a && a.observe) start(); }, () => undefined);
})();
