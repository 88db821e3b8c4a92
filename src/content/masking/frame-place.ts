// A frame with a cross-origin ancestor cannot read where it sits in the top page. Its parent frame's
// content script can: in each mask round it measures its in-view iframes and posts each child its
// origin in the top viewport, with the round's nonce from the worker. A child takes a message only
// from its own parent window and only with the nonce the worker gave it for that round; frames
// nested deeper are told in turn once their parent knows its own origin.
import type { FrameOrigin } from './frame-origin.ts';
import { childOrigin, TOP_ORIGIN } from './frame-origin.ts';
import { measureIframe, sameOriginOffset } from './placement.ts';

const KIND = 'peakend/place';
/** Origins heard from the parent, by round nonce; a few rounds are kept, the first per round wins. */
const heard = new Map<string, FrameOrigin>();
const waiting = new Map<string, (origin: FrameOrigin) => void>();
const KEEP = 8;

interface PlaceMessage extends FrameOrigin {
  kind: typeof KIND;
  nonce: string;
}

function isPlace(data: unknown): data is PlaceMessage {
  const d = data as Partial<PlaceMessage> | null;
  return (
    d?.kind === KIND &&
    typeof d.nonce === 'string' &&
    [d.x, d.y, d.scale].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    (d.scale ?? 0) > 0
  );
}

/** Started in child frames when the content script loads, so an early message is not missed. */
export function listenForPlace(): void {
  if (window === window.top) return;
  addEventListener('message', (event) => {
    if (event.source !== window.parent || !isPlace(event.data)) return;
    const { nonce, x, y, scale } = event.data;
    if (heard.has(nonce)) return;
    heard.set(nonce, { x, y, scale });
    for (const old of [...heard.keys()].slice(0, Math.max(0, heard.size - KEEP))) heard.delete(old);
    waiting.get(nonce)?.({ x, y, scale });
  });
}

/** This frame's origin in the top viewport for the round, or null when it cannot be known in `ms`. */
export function originInTop(nonce: string | undefined, ms: number): Promise<FrameOrigin | null> {
  if (window === window.top) return Promise.resolve(TOP_ORIGIN);
  const own = sameOriginOffset();
  if (own || !nonce) return Promise.resolve(own);
  const known = heard.get(nonce);
  if (known) return Promise.resolve(known);
  return new Promise((resolve) => {
    const done = (origin: FrameOrigin | null) => {
      clearTimeout(timer);
      waiting.delete(nonce);
      resolve(origin);
    };
    const timer = setTimeout(() => done(null), ms);
    waiting.set(nonce, done);
  });
}

/** Tells each iframe of this document that shows in its viewport where it sits in the top viewport. */
export function placeChildren(nonce: string, origin: FrameOrigin): void {
  for (const el of document.querySelectorAll('iframe, frame')) {
    const target = (el as HTMLIFrameElement).contentWindow;
    if (!target) continue;
    const m = measureIframe(el, window);
    const r = el.getBoundingClientRect();
    if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) continue;
    const message: PlaceMessage = { kind: KIND, nonce, ...childOrigin(origin, m) };
    // '*': the child's origin is not known here (and may have navigated); the nonce is the secret.
    target.postMessage(message, '*');
  }
}
