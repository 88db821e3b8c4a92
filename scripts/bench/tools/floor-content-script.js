// The floor: the least a content script can do to record METHOD.md's signals on the benchmark's visit,
// written plainly, with no care for the cases Peakend's own script handles. Not shipped: the
// benchmark tool content-floor.ts puts it in a copy of the build, beside Peakend's script, to
// measure how much of Peakend's cost on the page any implementation of the signals would pay.
//
// Three variants, told apart by the page's URL:
//
// `impl=base`: the content script's part in the step's masked capture only (it answers Mask/Unmask,
// counting the sensitive fields), no signal at all: what the page pays for an auditing extension's
// content script before any signal (its world in the page, the injection, the capture's messages).
//
// `impl=floor`: answers the worker's Hello (observe this tab?) and Mask/Unmask (counts the sensitive
// fields; the demo product page has none, so it draws nothing); on each click, the time and point, a
// mutation observer and a scroll listener for the second after it (dead clicks); on submit and invalid,
// two scans of the fields' validity, aria-invalid and live regions (form errors), with a baseline at
// rest; an event-timing observer (INP); one batch 1.2 s after the last event and one on leave, with the
// visible fields, rage and dead clicks worked out, and LCP and CLS read from the browser's buffer.
//
// `impl=method`: the same, plus what METHOD.md's definitions need on any page, written as plainly:
// a label's forwarded click counted once (the shopper clicked once); a window blur (something opened)
// and a hash change as reactions to a click; one rage burst counted once; visibility by `display`,
// `visibility` and `display: contents`; disabled fields (a disabled fieldset too) left out,
// `aria-required` as required; aria-invalid only on fields and ARIA widgets; live regions not
// `aria-live="off"`, the outermost of nested ones; error text that appears in a live region when a
// field is left (METHOD.md does not tie it to a submit), with a `focusout` listener put on by a click
// or change on a field; fields and regions inside open shadow roots (they are visible inputs), found by
// a walk at most every two seconds; back navigations, a page restored from the back-forward cache as a
// new visit; a single-page app's new URL as a new step's signals, with its own error baseline; LCP only
// before the page was first hidden, CLS as its largest session window, INP as the 98th percentile of
// interactions, buffered and with the first input (web.dev's definitions); and a batch the worker did
// not file sent again on leave (an audit loses nothing). content-floor.ts checks that it records what
// Peakend records of the visit.
//
// What both leave out, which Peakend does: the `hidden` attribute a page's CSS overrides, radio groups
// (METHOD.md counts every visible input), the page's headings for stages, a focused field at start.
// Rage bursts are found by another rule than Peakend's (ClickTracker): the counts agree on this visit.
(function () {
  if (globalThis.__peakendFloor) return;
  globalThis.__peakendFloor = true;
  const METHOD = /[?&]impl=method(&|$)/.test(location.search);
  const BASE = /[?&]impl=base(&|$)/.test(location.search);
  const SENSITIVE =
    'input[type=password],input[autocomplete~="cc-number"],input[autocomplete~="cc-csc"],input[autocomplete~="one-time-code"]';
  const FIELDS = 'input,select,textarea';
  const clock = performance;
  let observing = false;
  let clicks = []; // t, x, y
  let reactions = [];
  let lastClick = -1,
    lastReaction = -1,
    lastStamp = -1;
  let mo = null,
    watching = false,
    watchUntil = 0;
  let sendAt = 0,
    batchT = 0,
    timerAt = 0,
    changed = true,
    filed = true;
  let baseline = null,
    errors = 0;
  let inp = 0;
  const latencies = new Map(); // interactionId -> longest duration
  let back = 0;
  let url = location.href.split('#')[0];
  // Where the Navigation API tells of URL changes, location is read only after one.
  let urlMoved = !globalThis.navigation;
  const VISIBLE = { visibilityProperty: true, checkVisibilityCSS: true };
  const WIDGETS = new Set([
    'textbox',
    'searchbox',
    'combobox',
    'listbox',
    'spinbutton',
    'slider',
    'checkbox',
    'radiogroup',
    'switch',
  ]);
  function shown(el) {
    if (!METHOD) return el.checkVisibility();
    if (el.checkVisibility(VISIBLE)) return true;
    // An element with no box of its own: judged by its parent.
    return getComputedStyle(el).display === 'contents' && !!el.parentElement && shown(el.parentElement);
  }
  let roots = [],
    rootsAt = -1e9;

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
    if (t === 'content/unmask') {
      reply({ removed: 0 });
      return;
    }
    if (t === 'content/flush-signals') {
      reply({ signals: observing ? snapshot() : null });
      return;
    }
  });
  if (BASE) return;

  function shadowRoots() {
    if (!METHOD) return [];
    const now = clock.now();
    if (now - rootsAt < 2000) return roots;
    rootsAt = now;
    roots = [];
    const visit = (scope) => {
      const w = document.createTreeWalker(scope, 1);
      for (let n = w.nextNode(); n; n = w.nextNode())
        if (n.shadowRoot) {
          roots.push(n.shadowRoot);
          visit(n.shadowRoot);
        }
    };
    visit(document);
    return roots;
  }
  function queryAll(selector) {
    const out = [...document.querySelectorAll(selector)];
    for (const r of shadowRoots()) out.push(...r.querySelectorAll(selector));
    return out;
  }
  function react() {
    if (lastClick > lastReaction) {
      lastReaction = clock.now();
      reactions.push(lastReaction);
    }
  }
  function onScroll() {
    react();
    removeEventListener('scroll', onScroll, true);
  }
  function stop() {
    const left = watchUntil - clock.now();
    if (left > 0) {
      setTimeout(stop, left + 10);
      return;
    }
    watching = false;
    mo.disconnect();
    removeEventListener('scroll', onScroll, true);
  }
  const isField = (el) => el && (el.localName === 'input' || el.localName === 'select' || el.localName === 'textarea');
  function onClick(e) {
    if (!e.isTrusted) return;
    if (METHOD) {
      if (e.timeStamp === lastStamp) {
        if (isField(e.target)) listenForLeave();
        return;
      }
      lastStamp = e.timeStamp;
      checkUrl();
      if (isField(e.target)) listenForLeave();
    }
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
      setTimeout(stop, 1010);
    }
    schedule(1100, t);
  }
  function scan(submit) {
    const fields = new Set();
    for (const el of queryAll(FIELDS + ',[aria-invalid]')) {
      if (el.getAttribute('aria-invalid') === 'true' || (submit && el.willValidate && !el.validity.valid)) {
        if (METHOD && !isField(el) && !el.hasAttribute('contenteditable') && !WIDGETS.has(el.getAttribute('role')))
          continue;
        if (METHOD && isField(el) && el.matches(':disabled')) continue;
        if (shown(el)) fields.add(el);
      }
    }
    const msgs = new Map();
    for (const r of queryAll(METHOD ? '[role=alert],[aria-live]:not([aria-live=off])' : '[role=alert],[aria-live]')) {
      if (METHOD && r.parentElement && r.parentElement.closest('[role=alert],[aria-live]:not([aria-live=off])'))
        continue;
      const text = r.textContent.trim();
      if (text && shown(r)) msgs.set(r, text);
    }
    return { fields, msgs };
  }
  function count(before, after, withFields) {
    let n = 0;
    if (withFields) for (const f of after.fields) if (!before.fields.has(f)) n++;
    for (const [r, t] of after.msgs) if (before.msgs.get(r) !== t) n++;
    return n;
  }
  function onSubmit() {
    setTimeout(() => {
      const s = scan(true);
      errors += count(baseline || s, s, true);
      baseline = s;
      schedule();
      setTimeout(() => {
        const s2 = scan(true);
        errors += count(baseline, s2, true);
        baseline = s2;
        schedule();
      }, 640);
    }, 60);
  }
  // METHOD: messages that appear when a field is left.
  let leaving = false,
    leaveT = 0;
  function listenForLeave() {
    if (leaving) return;
    leaving = true;
    addEventListener('focusout', onLeave, { capture: true, passive: true });
  }
  function onLeave(e) {
    if (e.relatedTarget && !isField(e.relatedTarget)) {
      leaving = false;
      removeEventListener('focusout', onLeave, true);
    }
    if (!isField(e.target)) return;
    clearTimeout(leaveT);
    leaveT = setTimeout(() => {
      const s = scan(false);
      if (baseline) {
        errors += count(baseline, s, false);
        baseline = { fields: baseline.fields, msgs: s.msgs };
      } else baseline = s;
      schedule();
    }, 300);
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
      if (left > 1) arm(left);
      else if (changed) send();
    }, delay);
  }
  function buffered(type) {
    const o = new PerformanceObserver(() => undefined);
    o.observe({ type, buffered: true });
    const list = o.takeRecords();
    o.disconnect();
    return list;
  }
  function snapshot() {
    let fields = 0,
      required = 0;
    for (const el of queryAll(FIELDS)) {
      if (el.type === 'hidden' || el.type === 'submit' || el.type === 'button' || !el.checkVisibility()) continue;
      if (METHOD && (el.type === 'reset' || el.type === 'image' || el.matches(':disabled'))) continue;
      fields++;
      if (el.required || (METHOD && el.getAttribute('aria-required') === 'true')) required++;
    }
    const now = clock.now();
    let dead = 0,
      rage = 0,
      j = 0;
    const inBurst = new Set();
    for (let i = 0; i < clicks.length; i += 3) {
      const t = clicks[i];
      if (now <= t + 1000) continue;
      while (j < reactions.length && reactions[j] < t) j++;
      if (!(j < reactions.length && reactions[j] <= t + 1000)) dead++;
      // METHOD: a burst counts once, its clicks anchor no other (the floor counts the click that
      // starts exactly three).
      if (METHOD && inBurst.has(i)) continue;
      const near = [];
      for (let k = i + 3; k < clicks.length && clicks[k] - t <= 1000; k += 3) {
        const dx = clicks[k + 1] - clicks[i + 1],
          dy = clicks[k + 2] - clicks[i + 2];
        if (dx * dx + dy * dy <= 900) near.push(k);
      }
      if (METHOD ? near.length >= 2 : near.length === 2) {
        rage++;
        for (const k of near) inBurst.add(k);
      }
    }
    let lcp = null,
      cls = 0;
    if (METHOD) {
      const nav = clock.getEntriesByType('navigation')[0];
      const activation = (nav && nav.activationStart) || 0;
      const hidden = clock
        .getEntriesByType('visibility-state')
        .find((e) => e.name === 'hidden' && e.startTime >= activation);
      const hiddenAt = hidden ? hidden.startTime : Infinity;
      for (const c of buffered('largest-contentful-paint'))
        if (c.startTime < hiddenAt) lcp = Math.max(c.startTime - activation, 0);
      let sum = 0,
        first = -Infinity,
        prev = -Infinity;
      for (const s of buffered('layout-shift')) {
        if (s.hadRecentInput) continue;
        if (sum > 0 && s.startTime - prev < 1000 && s.startTime - first < 5000) sum += s.value;
        else {
          sum = s.value;
          first = s.startTime;
        }
        prev = s.startTime;
        if (sum > cls) cls = sum;
      }
      const longest = [...latencies.values()].sort((a, b) => b - a);
      inp = longest.length
        ? longest[Math.min(longest.length - 1, Math.floor((clock.interactionCount || longest.length) / 50))]
        : 0;
    } else {
      const last = buffered('largest-contentful-paint').pop();
      lcp = last ? last.startTime : null;
      for (const s of buffered('layout-shift')) if (!s.hadRecentInput) cls += s.value;
    }
    return {
      clicks: clicks.length / 3,
      rageClicks: rage,
      deadClicks: dead,
      fields,
      requiredFields: required,
      formErrors: errors,
      backNavigations: back,
      lcpMs: lcp === null ? null : Math.round(lcp),
      cls,
      inpMs: inp ? Math.round(inp) : null,
    };
  }
  function send() {
    changed = false;
    const sent = chrome.runtime.sendMessage({ type: 'content/signals', url, signals: snapshot(), headings: '' });
    if (METHOD) {
      filed = false;
      sent.then(
        (a) => {
          filed = !!(a && a.filed);
        },
        () => undefined,
      );
    } else sent.catch(() => undefined);
  }
  // METHOD: a single-page app's new URL is a new step: its own signals from then on.
  function checkUrl() {
    if (!urlMoved) return;
    urlMoved = !globalThis.navigation;
    const now = location.href.split('#')[0];
    if (now === url) return;
    send();
    url = now;
    fresh(0);
    requestIdleCallback(
      () => {
        baseline ??= scan(false);
      },
      { timeout: 2000 },
    );
  }
  function fresh(backs) {
    clicks = [];
    reactions = [];
    lastClick = -1;
    lastReaction = -1;
    errors = 0;
    baseline = null;
    back = backs;
    changed = true;
  }
  function start() {
    observing = true;
    addEventListener('click', onClick, { capture: true, passive: true });
    addEventListener('submit', onSubmit, { capture: true, passive: true });
    addEventListener('invalid', onSubmit, { capture: true, passive: true });
    addEventListener('pagehide', () => {
      if (changed || (METHOD && !filed)) send();
    });
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.interactionId) continue;
        if (METHOD) {
          if (e.duration > (latencies.get(e.interactionId) || 0)) {
            latencies.set(e.interactionId, e.duration);
            changed = true;
          }
        } else if (e.duration > inp) {
          inp = e.duration;
          changed = true;
        }
      }
    });
    po.observe(
      METHOD ? { type: 'event', durationThreshold: 40, buffered: true } : { type: 'event', durationThreshold: 40 },
    );
    if (METHOD) po.observe({ type: 'first-input', buffered: true });
    if (METHOD) {
      const nav = clock.getEntriesByType('navigation')[0];
      if (nav && nav.type === 'back_forward') back = 1;
      addEventListener('popstate', () => {
        react();
        checkUrl();
        back++;
        schedule();
      });
      addEventListener('hashchange', react);
      addEventListener('blur', react);
      addEventListener('pageshow', (e) => {
        if (e.persisted) {
          url = location.href.split('#')[0];
          fresh(1);
          schedule();
        }
      });
      addEventListener(
        'change',
        (e) => {
          if (isField(e.target)) listenForLeave();
        },
        { capture: true, passive: true },
      );
      if (globalThis.navigation)
        navigation.addEventListener('currententrychange', () => {
          urlMoved = true;
          checkUrl();
        });
    }
    requestIdleCallback(
      () => {
        baseline ??= scan(false);
        schedule();
      },
      { timeout: 2000 },
    );
    schedule();
  }
  chrome.runtime.sendMessage({ type: 'content/hello' }).then(
    (a) => {
      if (a && a.observe) start();
    },
    () => undefined,
  );
})();
