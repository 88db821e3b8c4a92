// The content script, injected into every frame of the audited tab while an audit runs. It stays
// light: message handlers, passive listeners, no DOM serialisation; and it never throws into the page.
import { ToContent, type ContentRequest, type MaskReport } from '../protocol.ts';
import { fullPage } from './full-page.ts';
import { cover, oneMoreFrame, uncover } from './masking/covers.ts';
import { inTopViewport, watchInView } from './masking/in-view.ts';
import { boxesInTop } from './masking/frame-origin.ts';
import { listenForPlace, originInTop, placeChildren } from './masking/frame-place.ts';
import { endWatch, startWatch, stopWatch, watchCovered } from './masking/watch.ts';
import { watchPasswords } from './masking/sensitive.ts';
import { sensitiveTextBoxes } from './masking/text.ts';
import { onWorkerMessage, toWorker } from './runtime.ts';
import { createSignalsObserver, type SignalsObserver } from './signals/observer.ts';
import { phaseTimer } from '../domain/phase-timer.ts';

declare global {
  // Set once per frame so a second injection (registered script plus executeScript) is a no-op.
  var __peakendContent: boolean | undefined;
}

/** Signals describe the page, that is its top frame: other frames observe none and answer with none. */
let signals: SignalsObserver | null = null;

/** Text is covered unless the audit's switch says not (a worker from before the switch sends nothing). */
const textBoxes = (on: boolean | undefined) =>
  on === false ? undefined : (scopes?: readonly ParentNode[]) => sensitiveTextBoxes(document, scopes);

/** How long a frame not yet measured waits for its first IntersectionObserver answer. */
const IN_VIEW_WAIT_MS = 400;
/** How long a frame with a cross-origin ancestor waits for its parent to say where it is. */
const PLACE_WAIT_MS = 300;

/** Covers this frame's fields and says where they are, watching the page until the covers go. */
async function mask(
  selectors: string[],
  text: boolean | undefined,
  round: string | undefined,
  frames: number | undefined,
): Promise<MaskReport> {
  const clock = phaseTimer(() => performance.now());
  startWatch(selectors);
  const oneFrame = frames === 1;
  const covering = cover(selectors, false, textBoxes(text), oneFrame ? 1 : 2);
  const origin = originInTop(round, PLACE_WAIT_MS);
  if (round) void origin.then((o) => o && placeChildren(round, o));
  if (!(await inTopViewport(IN_VIEW_WAIT_MS))) {
    // Not in the capture: its covers are drawn all the same, but not awaited.
    stopWatch();
    void covering.catch(() => undefined);
    return { frames: 1, fields: 0, outside: true };
  }
  const { boxes, ...result } = await covering;
  watchCovered(boxes);
  // A frame with nothing covered has nothing to place, and does not wait to be told where it is.
  const placed = boxes.length === 0 ? [] : await origin.then((o) => (o ? boxesInTop(boxes, o) : null));
  // Covers the worker cannot look for in the pixels get the second frame, whatever it asked for.
  if (!placed && oneFrame && !result.unpainted && !(await oneMoreFrame())) result.unpainted = 1;
  if (result.phases) result.phases.placed = clock.elapsed();
  const report: MaskReport = { frames: 1, ...result, boxes: placed ?? [], unplaced: placed ? 0 : boxes.length };
  if (window === window.top) report.viewport = { width: innerWidth, height: innerHeight, devicePixelRatio };
  return report;
}

async function handle(message: ContentRequest): Promise<unknown> {
  switch (message.type) {
    case ToContent.Mask:
      return mask(message.selectors, message.text, message.round, message.frames);
    case ToContent.PreviewMask: {
      const req = message;
      if (!req.on) return { frames: 1, fields: 0, removed: uncover() };
      return { frames: 1, ...(await cover(req.selectors, true, textBoxes(req.text))) };
    }
    case ToContent.Unmask: {
      // Measured before the covers go: a field that moved is still where the pixels saw it.
      const changed = endWatch();
      return { removed: uncover(), changed };
    }
    case ToContent.FlushSignals:
      return { signals: signals?.flush() ?? null };
    case ToContent.FullPage:
      return fullPage(message.op);
    default:
      return undefined;
  }
}

function isContentRequest(value: unknown): value is ContentRequest {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof type === 'string' && (Object.values(ToContent) as string[]).includes(type);
}

if (!globalThis.__peakendContent) {
  globalThis.__peakendContent = true;
  try {
    onWorkerMessage(isContentRequest, handle);
    watchPasswords(document);
    watchInView();
    listenForPlace();
    if (window === window.top) {
      signals = createSignalsObserver({ doc: document, clock: performance, send: toWorker });
      signals.start();
    }
  } catch {
    // Never let the audit tool break the page being audited.
  }
}
