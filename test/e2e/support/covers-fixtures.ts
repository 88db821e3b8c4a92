// Issue 18, item 3: pages built so that a cover drawn in an ordinary fixed layer misses its field.
// Each has a sensitive field (data-t="secret", named so the rules find it) and a control field with a
// neutral name, placed in the same situation, that must stay readable. window.fieldEl(t) finds a
// field by its data-t, also inside the page's shadow roots.

const HEAD = (title: string, css = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>
  body { margin: 16px; font: 16px sans-serif; background: #fff; color: #000; }
  input { box-sizing: border-box; width: 280px; height: 44px; font: 22px monospace; color: #000; background: #fff;
    border: 1px solid #888; padding: 4px 8px; outline: none; caret-color: transparent; display: block; margin: 8px 0; }
  ${css}
</style></head>`;

const FIND = `window.fieldEl = (t) => {
  const q = '[data-t="' + t + '"]';
  return document.querySelector(q) ?? (window.shadowScopes ?? []).map((s) => s.querySelector(q)).find(Boolean);
};`;

/** A modal dialog (top layer), opened by a button; a full-page element at the highest z-index beneath it. */
const DIALOG = `${HEAD('Modal dialog', '#wall { position: fixed; inset: 0; z-index: 2147483647; pointer-events: none; }')}
<body><button id="open">Pay</button><div id="wall"></div>
<dialog id="d"><p>Card details</p><input data-t="secret" name="cardNumber"><input data-t="control" name="note"></dialog>
<script>${FIND} document.getElementById('open').addEventListener('click', () => document.getElementById('d').showModal());</script>
</body></html>`;

/** An auto popover (light-dismiss), shown by a button. */
const POPOVER = `${HEAD('Popover', '#p { inset: auto; top: 120px; left: 60px; margin: 0; padding: 16px; }')}
<body><button id="open" popovertarget="p">Sign in</button>
<div id="p" popover><input data-t="secret" name="email"><input data-t="control" name="note"></div>
<script>${FIND}</script>
</body></html>`;

/** An element shown fullscreen after a click. */
const FULLSCREEN = `${HEAD('Fullscreen', '#f { background: #fff; padding: 40px; }')}
<body><button id="open">Full screen</button>
<div id="f"><input data-t="secret" name="phone"><input data-t="control" name="note"></div>
<script>${FIND} document.getElementById('open').addEventListener('click', () => document.getElementById('f').requestFullscreen());</script>
</body></html>`;

/** The root is a containing block for fixed elements (will-change: transform), and the page is scrolled. */
const ROOT_TRANSFORM = `${HEAD('Root transform', 'html { will-change: transform; } body { height: 3000px; } #form { position: absolute; top: 700px; left: 40px; }')}
<body><div id="form"><input data-t="secret" name="lastName"><input data-t="control" name="note"></div>
<script>${FIND}</script>
</body></html>`;

/** CSS zoom on the root: every length under <html>, a cover layer's too, is multiplied by it. */
const ROOT_ZOOM = `${HEAD('Root zoom', 'html { zoom: 1.5; } #form { position: absolute; top: 200px; left: 160px; }')}
<body><div id="form"><input data-t="secret" name="cardNumber"><input data-t="control" name="note"></div>
<script>${FIND}</script>
</body></html>`;

/**
 * Fields that keep moving across the page, each in its own band of rows: a CSS animation, a Web
 * Animation started by script (at 1.5 times speed), a CSS animation inside a shadow root, a CSS
 * transition started by a click, and a control under the same CSS animation. The page is grey, so a
 * white pixel anywhere in a band is a field. Two more animations must come back as they were: one
 * paused by animation-play-state, and the script one's rate.
 */
export const BANDS = ['secret', 'secret-script', 'secret-shadow', 'secret-transition', 'control'] as const;
export const BAND_TOP = 80;
export const BAND_HEIGHT = 90;
const ANIMATED = `${HEAD(
  'Moving fields',
  `body { background: #777; margin: 0; }
  @keyframes slide { from { transform: translateX(0); } to { transform: translateX(800px); } }
  .band { position: absolute; left: 20px; height: ${BAND_HEIGHT}px; }
  .band input { margin: 0; }
  .slide { animation: slide 1.3s linear infinite alternate; }
  #go-target { transition: transform 8s linear; }
  #go-target.gone { transform: translateX(1600px); }
  #still { width: 20px; height: 20px; background: #333; animation: slide 2s linear infinite paused; position: absolute; top: 560px; }`,
)}
<body><button id="go" style="position:absolute;top:10px;left:20px">Go</button>
<div class="band" style="top:${BAND_TOP}px"><input class="slide" data-t="secret" name="email"></div>
<div class="band" style="top:${BAND_TOP + BAND_HEIGHT}px"><input id="scripted" data-t="secret-script" name="phone"></div>
<div class="band" style="top:${BAND_TOP + 2 * BAND_HEIGHT}px"><x-moving></x-moving></div>
<div class="band" style="top:${BAND_TOP + 3 * BAND_HEIGHT}px"><input id="go-target" data-t="secret-transition" name="lastName"></div>
<div class="band" style="top:${BAND_TOP + 4 * BAND_HEIGHT}px"><input class="slide" data-t="control" name="note"></div>
<div id="still"></div>
<script>
  const shadow = document.querySelector('x-moving').attachShadow({ mode: 'open' });
  shadow.innerHTML = '<style>@keyframes s { from { transform: translateX(0); } to { transform: translateX(800px); } }' +
    'input { box-sizing: border-box; width: 280px; height: 44px; font: 22px monospace; color: #000; background: #fff; border: 1px solid #888;' +
    ' padding: 4px 8px; outline: none; caret-color: transparent; display: block; animation: s 1.1s linear infinite alternate; }</style>' +
    '<input data-t="secret-shadow" name="cardNumber">';
  window.shadowScopes = [shadow];
  window.scripted = document.getElementById('scripted').animate(
    [{ transform: 'translateX(0)' }, { transform: 'translateX(800px)' }],
    { duration: 1700, iterations: Infinity, direction: 'alternate' },
  );
  window.scripted.playbackRate = 1.5;
  document.getElementById('go').addEventListener('click', () => document.getElementById('go-target').classList.add('gone'));
  ${FIND}
</script>
</body></html>`;

/** A plain form, for page zoom and device scale factor. */
const PLAIN = `${HEAD('Plain form', '#form { position: absolute; top: 200px; left: 300px; }')}
<body><div id="form"><input data-t="secret" name="email"><input data-t="control" name="note"></div>
<script>${FIND}</script>
</body></html>`;

/**
 * A page that watches for Peakend: every node added or removed anywhere, every attribute change,
 * focus and toggle events, and a running animation's rate, logged on each frame.
 */
const WATCHER = `${HEAD('Watcher', '@keyframes pulse { from { opacity: 1; } to { opacity: .5; } } #pulse { width: 20px; height: 20px; background: #333; animation: pulse 1s infinite alternate; }')}
<body><div id="pulse"></div><input data-t="secret" name="email"><input data-t="control" name="note">
<script>
  ${FIND}
  window.seen = { nodes: [], attributes: [], events: [], rates: [], times: [] };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') window.seen.attributes.push(r.target.nodeName + '@' + r.attributeName);
      for (const n of r.addedNodes) window.seen.nodes.push('+' + n.nodeName + ' in ' + r.target.nodeName);
      for (const n of r.removedNodes) window.seen.nodes.push('-' + n.nodeName + ' in ' + r.target.nodeName);
      window.seen.times.push(performance.now());
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  for (const type of ['toggle', 'beforetoggle', 'focusin', 'focusout', 'scroll', 'resize'])
    addEventListener(type, () => window.seen.events.push(type), true);
  const pulse = document.getElementById('pulse').getAnimations()[0];
  const tick = () => {
    const rate = pulse.playbackRate;
    if (window.seen.rates.at(-1) !== rate) window.seen.rates.push(rate);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  window.resetSeen = () => { window.seen = { nodes: [], attributes: [], events: [], rates: [pulse.playbackRate], times: [] }; };
</script></body></html>`;

export const COVERS_PAGES: Record<string, string> = {
  '/dialog.html': DIALOG,
  '/popover.html': POPOVER,
  '/fullscreen.html': FULLSCREEN,
  '/root-transform.html': ROOT_TRANSFORM,
  '/root-zoom.html': ROOT_ZOOM,
  '/animated.html': ANIMATED,
  '/plain.html': PLAIN,
  '/watcher.html': WATCHER,
};
