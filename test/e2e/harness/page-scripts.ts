// In-page code kept as plain JavaScript source strings, not `fn.toString()`: tsx/esbuild with
// keepNames wraps inner functions in `__name(...)`, which does not exist inside the browser.
// Call with `callScript(SCRIPT, arg)` → an expression string for Runtime.evaluate/page.evaluate.

/** `(source)(arg)` as an expression; `arg` must be JSON-serialisable. */
export function callScript(source: string, arg?: unknown): string {
  return `(${source})(${arg === undefined ? '' : JSON.stringify(arg)})`;
}

/**
 * Finds an element by CSS selector or by its visible text and reports where to click it.
 * Query forms: `css=<selector>`, `text=<text>`, or bare (selector first, then text).
 * Text matching: exact (whitespace-normalised) beats substring; interactive elements (button, a,
 * [role=button], label, ...) beat others; the innermost candidate wins.
 * Returns { found: false, reason } or { found: true, x, y, disabled, covered, description }.
 */
export const LOCATE_FOR_CLICK = String.raw`async (arg) => {
  let q = arg.query;
  let mode = 'auto';
  if (q.startsWith('css=')) { mode = 'css'; q = q.slice(4); }
  else if (q.startsWith('text=')) { mode = 'text'; q = q.slice(5); }
  const isVisible = (e) => {
    const r = e.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return false;
    const s = getComputedStyle(e);
    return s.visibility !== 'hidden' && s.display !== 'none';
  };
  let el = null;
  if (mode !== 'text') {
    try { el = document.querySelector(q); }
    catch (err) { if (mode === 'css') return { found: false, reason: 'invalid selector: ' + err.message }; }
  }
  if (!el && mode !== 'css') {
    const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
    const want = norm(q);
    const textOf = (e) => {
      const own = e instanceof HTMLInputElement ? e.value : (e.innerText ?? e.textContent);
      return norm(own) || norm(e.getAttribute('aria-label')) || norm(e.getAttribute('title'));
    };
    const interactive = 'button, a, [role=button], [role=tab], [role=link], [role=menuitem], [role=option], [role=checkbox], [role=switch], input[type=button], input[type=submit], input[type=checkbox], input[type=radio], label, summary, select, [onclick]';
    const all = Array.from(document.querySelectorAll('body *')).filter(isVisible);
    const pick = (list) => {
      if (list.length === 0) return null;
      const inter = list.filter((e) => e.matches(interactive));
      const pool = inter.length ? inter : list;
      return pool.find((e) => !pool.some((o) => o !== e && e.contains(o))) || pool[0];
    };
    el = pick(all.filter((e) => textOf(e) === want)) || pick(all.filter((e) => textOf(e).includes(want)));
  }
  if (!el) return { found: false, reason: 'no element matches ' + JSON.stringify(arg.query) };
  const tag = el.tagName.toLowerCase();
  const description = '<' + tag + (el.id ? '#' + el.id : '') + '> ' + JSON.stringify((el.textContent || '').trim().slice(0, 60));
  el.scrollIntoView({ block: 'center', inline: 'center' });
  const r = el.getBoundingClientRect();
  if (r.width <= 0 || r.height <= 0) return { found: false, reason: description + ' has no size (hidden?)' };
  // A click aimed at where the element was lands on whatever a late re-render moved there: wait
  // until it holds still over two frames (a timer stands in where frames are throttled).
  const frame = () => new Promise((done) => { requestAnimationFrame(() => done()); setTimeout(done, 100); });
  await frame();
  await frame();
  const after = el.getBoundingClientRect();
  if (!el.isConnected || after.left !== r.left || after.top !== r.top || after.width !== r.width || after.height !== r.height) {
    return { found: true, moving: true, description };
  }
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  const hit = document.elementFromPoint(x, y);
  const covered = !!hit && hit !== el && !el.contains(hit) && !hit.contains(el);
  const ctl = el.closest('button, input, select, textarea, fieldset');
  const disabled = !!(ctl && ctl.disabled) || el.getAttribute('aria-disabled') === 'true';
  // The press that follows says whether it reached the element (read by PRESS_REACHED_TARGET).
  window.__harnessPress = 'none';
  window.__harnessTarget = el;
  return { found: true, x, y, disabled, covered, description, coveredBy: covered && hit ? '<' + hit.tagName.toLowerCase() + (hit.id ? '#' + hit.id : '') + '>' : null };
}`;

/**
 * Arms the check before the press: a one-shot capture listener notes where mousedown landed and, when
 * something else took it, swallows that press (its pointer, mouse and click events) so that the retry
 * is the only click. A hit on an ancestor counts, as LOCATE_FOR_CLICK's cover check lets it (an
 * element with pointer-events: none, a link wrapped across lines). Listeners left from an earlier
 * press are removed first, so none can swallow a later, good click.
 */
export const ARM_PRESS_CHECK = String.raw`() => {
  for (const [type, fn] of window.__harnessArmed ?? []) removeEventListener(type, fn, true);
  window.__harnessArmed = [];
  const arm = (type, fn) => { addEventListener(type, fn, { capture: true, once: true }); window.__harnessArmed.push([type, fn]); };
  const reached = (e) => {
    const el = window.__harnessTarget;
    return !!el && (el === e.target || el.contains(e.target) || e.target.contains(el));
  };
  const stop = (e) => { e.preventDefault(); e.stopImmediatePropagation(); };
  // Judged at the press's first event (pointerdown, then mousedown where there is none). Cancelling
  // pointerdown would let the click through, so a miss only stops that event and swallows the rest.
  const judge = (e) => {
    if (window.__harnessPress !== 'none') return;
    window.__harnessPress = reached(e) ? 'hit' : 'missed';
    if (window.__harnessPress === 'hit') return;
    e.stopImmediatePropagation();
    if (e.type === 'mousedown') e.preventDefault();
    for (const type of ['mousedown', 'pointerup', 'mouseup', 'click']) arm(type, stop);
  };
  arm('pointerdown', judge);
  arm('mousedown', judge);
  return true;
}`;

/** 'hit', 'missed' (something else took the press) or 'none' (no press seen); disarms what is left. */
export const PRESS_REACHED_TARGET = String.raw`() => {
  for (const [type, fn] of window.__harnessArmed ?? []) removeEventListener(type, fn, true);
  window.__harnessArmed = [];
  return window.__harnessPress;
}`;

/** Focuses a form control or contenteditable and selects its content. Returns false if not found. */
export const FOCUS_AND_SELECT = String.raw`(arg) => {
  const el = document.querySelector(arg.selector);
  if (!el) return false;
  el.scrollIntoView({ block: 'center' });
  el.focus();
  if (typeof el.select === 'function') el.select();
  else if (el.isContentEditable) {
    const range = document.createRange();
    range.selectNodeContents(el);
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  return true;
}`;

/** After typing: clears when the text is empty, then fires `change` like a blur would. */
export const FINISH_FILL = String.raw`(arg) => {
  const el = document.querySelector(arg.selector);
  if (!el) return false;
  if (arg.text === '') document.execCommand('delete');
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}`;

/** Sets a <select>'s value and fires input + change. */
export const SELECT_OPTION = String.raw`(arg) => {
  const el = document.querySelector(arg.selector);
  if (!el) return 'no element matches ' + JSON.stringify(arg.selector);
  if (!(el instanceof HTMLSelectElement)) return JSON.stringify(arg.selector) + ' is not a <select>';
  const opt = Array.from(el.options).find((o) => o.value === arg.value || o.label === arg.value || o.text.trim() === arg.value);
  if (!opt) return 'no option ' + JSON.stringify(arg.value) + ' in ' + JSON.stringify(arg.selector);
  el.value = opt.value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return '';
}`;

/**
 * Reads every record of an IndexedDB object store without creating or upgrading the database.
 * Blobs/Files become { $type: 'Blob'|'File', type, size, sha256, name?, base64? }, ArrayBuffers and
 * typed arrays { $type, byteLength, sha256, base64? }, Maps { $type: 'Map', entries }, Sets
 * { $type: 'Set', values }. Returns { ok: true, entries: [{ key, value }] } or { ok: false, error }.
 */
export const READ_INDEXED_DB = String.raw`async (arg) => {
  const { dbName, storeName, base64 } = arg;
  const list = await indexedDB.databases();
  if (!list.some((d) => d.name === dbName)) {
    return { ok: false, error: 'no IndexedDB database ' + JSON.stringify(dbName) + ' in ' + location.origin + ' (existing: ' + JSON.stringify(list.map((d) => d.name)) + ')' };
  }
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onupgradeneeded = () => { req.transaction.abort(); };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('open blocked'));
  });
  const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
  const b64 = (bytes) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const bytesInfo = async (bytes) => {
    const out = { sha256: hex(await crypto.subtle.digest('SHA-256', bytes)) };
    if (base64) out.base64 = b64(bytes);
    return out;
  };
  const convert = async (v) => {
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof Blob) {
      const bytes = new Uint8Array(await v.arrayBuffer());
      const out = { $type: v instanceof File ? 'File' : 'Blob', type: v.type, size: v.size };
      if (v instanceof File) out.name = v.name;
      return Object.assign(out, await bytesInfo(bytes));
    }
    if (v instanceof ArrayBuffer) return Object.assign({ $type: 'ArrayBuffer', byteLength: v.byteLength }, await bytesInfo(new Uint8Array(v)));
    if (ArrayBuffer.isView(v)) {
      const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      return Object.assign({ $type: v.constructor.name, byteLength: v.byteLength }, await bytesInfo(bytes.slice()));
    }
    if (v instanceof Date || v instanceof RegExp) return v;
    if (v instanceof Map) {
      const entries = [];
      for (const [k, val] of v) entries.push([await convert(k), await convert(val)]);
      return { $type: 'Map', entries };
    }
    if (v instanceof Set) {
      const values = [];
      for (const val of v) values.push(await convert(val));
      return { $type: 'Set', values };
    }
    if (Array.isArray(v)) {
      const out = [];
      for (const item of v) out.push(await convert(item));
      return out;
    }
    const out = {};
    for (const key of Object.keys(v)) out[key] = await convert(v[key]);
    return out;
  };
  try {
    if (!db.objectStoreNames.contains(storeName)) {
      return { ok: false, error: 'no object store ' + JSON.stringify(storeName) + ' in database ' + JSON.stringify(dbName) + ' (stores: ' + JSON.stringify(Array.from(db.objectStoreNames)) + ')' };
    }
    const store = db.transaction(storeName, 'readonly').objectStore(storeName);
    const asPromise = (req) => new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
    const [keys, values] = await Promise.all([asPromise(store.getAllKeys()), asPromise(store.getAll())]);
    const entries = [];
    for (let i = 0; i < values.length; i++) entries.push({ key: await convert(keys[i]), value: await convert(values[i]) });
    return { ok: true, entries };
  } finally {
    db.close();
  }
}`;

/** Lists this origin's IndexedDB databases with their versions and object store names. */
export const LIST_INDEXED_DB = String.raw`async () => {
  const out = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open(info.name);
      req.onupgradeneeded = () => { req.transaction.abort(); };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    out.push({ name: db.name, version: db.version, stores: Array.from(db.objectStoreNames) });
    db.close();
  }
  return out;
}`;
