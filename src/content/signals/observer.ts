// What the auditor cannot count: clicks, rage and dead clicks, fields, form errors, back navigations
// and Core Web Vitals (METHOD.md "Signals"), for the audited tab's top frame only. Light on the page:
// passive listeners, a mutation observer only in the second after a click, field counting and the
// LCP and CLS readings only when a batch is sent, and one message per batch.
import type { StepSignals } from '../../domain/model.ts';
import { ClickTracker } from '../../domain/signals/clicks.ts';
import { withoutHash } from '../../domain/urls.ts';
import { FromContent, type ContentEvent, type HelloAnswer, type SignalsAnswer } from '../../protocol.ts';
import { countFields } from '../dom/fields.ts';
import { FormErrorTracker } from '../dom/form-errors.ts';
import { findShadowRoots, setShadowRootProvider } from '../dom/visibility.ts';
import { MASK_LAYER_TAG, maskLayerChanges } from '../masking/covers.ts';
import { InpObserver } from './inp-observer.ts';
import { VitalsReader, type LoadVitals } from './vitals-reader.ts';

const DEAD_WINDOW_MS = 1000;
const BATCH_DELAY_MS = 1200;
const FIRST_ERRORS_MS = 60;
const LATE_ERRORS_MS = 700;
const FRESH_MS = 5000;
const PASSIVE = { capture: true, passive: true } as const;
const MASK_NODE_NAME = MASK_LAYER_TAG.toUpperCase();

interface Segment {
  url: string;
  clicks: ClickTracker;
  /**
   * Errors already on the page are not counted. That baseline is taken once the page is at rest
   * (idle after load), or at the shopper's first click or submit if that comes sooner: scanning a
   * page still loading forced a style and layout pass that measured 5 ms, against half a
   * millisecond on a page at rest. (A focus listener for keyboard users cost more than the scan.)
   */
  errors: FormErrorTracker | null;
  fields: number;
  required: number;
  back: number;
  /** Vitals belong to the document load, so only the first segment of a document carries them. */
  vitals: boolean;
}

/** Page mutations seen while watching, and which watch: tells whether the page changed in between. */
interface ChangeMark {
  watch: number;
  mutations: number;
}

/** What one observer knows of its page; every field changes over the page's life. */
interface ObserverState {
  segment: Segment | null;
  /** INP, kept up to date by a live observer; LCP and CLS are read from the browser's buffer when needed. */
  inp: number | null;
  /** When the page was first hidden, for a browser that keeps no record of it (see VitalsReader). */
  firstHiddenTime: number;
  /** What the last batch said of LCP and CLS: a page left with newer readings sends them. */
  sentVitals: LoadVitals | null;
  batchTimer: ReturnType<typeof setTimeout> | undefined;
  timerAt: number;
  sendAt: number;
  /**
   * Whether anything was recorded since the last batch the worker filed, and when that went out: a
   * page left with nothing new since a recent batch sends nothing again (the send's field count
   * measured 2-4 ms of the navigation away). Fields and headings a page changes on its own, with no
   * event, are not tracked: they are read again when the last batch is more than FRESH_MS old.
   */
  changedSinceSend: boolean;
  sentAt: number;
  observing: boolean;
  /** Where the Navigation API tells of URL changes, whether one came since location was last read. */
  urlMayHaveChanged: boolean;
  /**
   * A click is answered (or found dead) within a second, so the page is watched for an answer only
   * then: one mutation observer and one scroll listener, attached by the first click of a spell and
   * dropped a second after its last click. Attaching them costs more than a reaction that finds no
   * click waiting, so they stay attached through a spell of clicks. Between spells nothing runs.
   */
  watching: boolean;
  watchUntil: number;
  stopTimer: ReturnType<typeof setTimeout> | undefined;
  mutationObserver: MutationObserver | undefined;
  /**
   * Scrolls come in runs (typing in a long field scrolls it at every key): the listener is dropped at
   * the first scroll and put back by the next click, so a run costs one call into this script.
   */
  scrollListening: boolean;
  mutationCount: number;
  watchNumber: number;
  /** The mask layer's change count when the observer last looked at records for it. */
  layerChangesSeen: number;
  /**
   * A click on a label is dispatched again by the browser, trusted, on the label's control, within
   * the same task: the shopper clicked once. Chromium gives that forwarded click the label click's
   * own time stamp (and point), which no other click of the shopper can have. (Telling it by the
   * label instead, a `closest('label')` at every click and a timer at each on a label, measured
   * about 25 us a click.)
   */
  lastClickStamp: number;
  invalidQueued: boolean;
  /** Whether the `focusout` listener is attached (see listenForFieldLeave). */
  leaveListening: boolean;
  fieldCheck: ReturnType<typeof setTimeout> | undefined;
}

/** What the observer needs of its page and its worker: the real ones in the content script, fakes in tests. */
export interface SignalsObserverDeps {
  doc: Document;
  /** The page's Performance object, looked up once: each lookup is a call into the browser from this world. */
  clock: Pick<Performance, 'now' | 'getEntriesByType'>;
  /** Sends to the worker and resolves with its answer. */
  send: (event: ContentEvent) => Promise<unknown>;
}

export interface SignalsObserver {
  /** Asks the worker whether this tab is the audited one, and observes it if so; any other tab is left alone. */
  start(): void;
  /** The current step's signals now, for the worker; null when not observing. */
  flush(): StepSignals | null;
}

function newSegment(url: string, back: number, withVitals: boolean): Segment {
  return {
    url,
    clicks: new ClickTracker({ deadWindowMs: DEAD_WINDOW_MS }),
    errors: null,
    fields: 0,
    required: 0,
    back,
    vitals: withVitals,
  };
}

const isField = (target: EventTarget | null | undefined): boolean => {
  const tag = (target as Element | null | undefined)?.localName;
  return tag === 'input' || tag === 'select' || tag === 'textarea';
};

function isOwnLayer(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  const { addedNodes, removedNodes } = record;
  if (addedNodes.length + removedNodes.length === 0) return false;
  for (const node of addedNodes) if (node.nodeName !== MASK_NODE_NAME) return false;
  for (const node of removedNodes) if (node.nodeName !== MASK_NODE_NAME) return false;
  return true;
}

/** The page's main headings, a short sample for stage cues ("Order confirmed" on a one-page checkout). */
function headings(doc: Document): string {
  let text = '';
  for (const el of doc.querySelectorAll('h1, h2')) {
    text += ` ${el.textContent ?? ''}`;
    if (text.length > 300) break;
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

export function createSignalsObserver({ doc, clock, send: toWorker }: SignalsObserverDeps): SignalsObserver {
  const win = doc.defaultView as Window & typeof globalThis;
  const now = () => clock.now();
  const state: ObserverState = {
    segment: null,
    inp: null,
    firstHiddenTime: doc.visibilityState === 'hidden' ? 0 : Number.POSITIVE_INFINITY,
    sentVitals: null,
    batchTimer: undefined,
    timerAt: 0,
    sendAt: 0,
    changedSinceSend: true,
    sentAt: Number.NEGATIVE_INFINITY,
    observing: false,
    urlMayHaveChanged: true,
    watching: false,
    watchUntil: 0,
    stopTimer: undefined,
    mutationObserver: undefined,
    scrollListening: false,
    mutationCount: 0,
    watchNumber: 0,
    layerChangesSeen: 0,
    lastClickStamp: Number.NaN,
    invalidQueued: false,
    leaveListening: false,
    fieldCheck: undefined,
  };
  const inpObserver = new InpObserver((ms) => {
    state.inp = ms;
    schedule();
  });
  const vitalsReader = new VitalsReader(() => state.firstHiddenTime);

  // Where the Navigation API tells of URL changes, location is read only after one (reading it on
  // every click measured a noticeable share of the click handler).
  // An opaque-origin (sandboxed) page has the API but no entries, and is told of nothing: not trusted.
  const navigationApi = ((win as { navigation?: EventTarget & { currentEntry: unknown } }).navigation ?? null)
    ?.currentEntry
    ? (win as unknown as { navigation: EventTarget }).navigation
    : null;

  /** The current segment, with its form-error baseline taken (before the page reacts to the shopper). */
  function acted(): Segment {
    const seg = current();
    seg.errors ??= doc.body ? new FormErrorTracker(doc) : null;
    return seg;
  }

  /** Single-page apps change the URL without a load: each new URL is its own step and segment. */
  function current(): Segment {
    if (state.segment && navigationApi && !state.urlMayHaveChanged) return state.segment;
    state.urlMayHaveChanged = false;
    const url = withoutHash(win.location.href);
    if (!state.segment) {
      const nav = clock.getEntriesByType('navigation')[0];
      state.segment = newSegment(url, nav?.type === 'back_forward' ? 1 : 0, true);
    } else if (state.segment.url !== url) {
      send();
      const fresh = newSegment(url, 0, false);
      state.segment = fresh;
      // The new view has sent nothing yet.
      state.changedSinceSend = true;
      whenAtRest(() => {
        if (state.observing && state.segment === fresh) acted();
      });
    }
    return state.segment;
  }

  /** `vitals`: an LCP and CLS reading just taken, so it is not read twice. */
  function snapshot(seg: Segment, vitals?: LoadVitals): StepSignals {
    try {
      const counts = countFields(doc);
      seg.fields = Math.max(seg.fields, counts.fields);
      seg.required = Math.max(seg.required, counts.required);
    } catch {
      // A page with exotic DOM keeps the last counts.
    }
    const clicks = seg.clicks.flush(now());
    return {
      clicks: clicks.clicks,
      rageClicks: clicks.rageClicks,
      deadClicks: clicks.deadClicks,
      fields: seg.fields,
      requiredFields: seg.required,
      formErrors: seg.errors?.total ?? 0,
      backNavigations: seg.back,
      ...(seg.vitals ? (vitals ?? vitalsReader.read()) : { lcpMs: null, cls: null }),
      inpMs: seg.vitals ? state.inp : null,
    };
  }

  function send(vitals?: LoadVitals): void {
    const seg = state.segment;
    if (!seg || !state.observing) return;
    const signals = snapshot(seg, vitals);
    if (seg.vitals) state.sentVitals = { lcpMs: signals.lcpMs, cls: signals.cls };
    const event: ContentEvent = { type: FromContent.Signals, url: seg.url, signals, headings: headings(doc) };
    // A click still within its second is decided by a later batch: that one is still owed.
    state.changedSinceSend = seg.clicks.waiting;
    state.sentAt = now();
    // A batch the worker did not file (no step for this page yet, audit paused, worker restarting) is
    // still owed: the page sends again when it is left.
    const owed = () => {
      state.changedSinceSend = true;
    };
    toWorker(event).then((answer) => {
      if ((answer as SignalsAnswer | undefined)?.filed !== true) owed();
    }, owed);
  }

  /** The page is being left or hidden: the worker gets what it does not have yet. */
  function sendOnLeave(): void {
    // An interaction just before leaving may not have been delivered yet.
    inpObserver.flush();
    if (state.changedSinceSend || now() - state.sentAt >= FRESH_MS) {
      send();
      return;
    }
    const moved = movedVitals();
    if (moved) send(moved);
  }

  /**
   * The LCP and CLS reading when a late candidate or layout shift changed it since the last batch (no
   * event of the page told of those); null when it did not.
   */
  function movedVitals(): LoadVitals | null {
    const sent = state.sentVitals;
    if (!state.segment?.vitals || sent === null) return null;
    const reading = vitalsReader.read();
    return reading.lcpMs !== sent.lcpMs || reading.cls !== sent.cls ? reading : null;
  }

  /**
   * Sends the batch `delay` after the last event. Clicks and INP readings come in bursts, so the
   * timer is moved only when the batch must go sooner; a later deadline is picked up when it fires.
   */
  function schedule(delay = BATCH_DELAY_MS, at = now()): void {
    // Every event-driven change to the signals comes through here (see changedSinceSend).
    state.changedSinceSend = true;
    state.sendAt = at + delay;
    if (state.batchTimer !== undefined && state.timerAt <= state.sendAt) return;
    clearTimeout(state.batchTimer);
    armBatch(delay, at);
  }

  function armBatch(delay: number, at = now()): void {
    state.timerAt = at + delay;
    state.batchTimer = setTimeout(() => {
      state.batchTimer = undefined;
      const left = state.sendAt - now();
      if (left > 1) armBatch(left);
      // Sent already, when the page was hidden meanwhile.
      else if (state.changedSinceSend) send();
    }, delay);
  }

  function react(kind: 'mutation' | 'navigation' | 'scroll' | 'open'): void {
    state.segment?.clicks.react(now(), kind);
  }

  function watchForAnswer(at: number): void {
    state.watchUntil = at + DEAD_WINDOW_MS;
    if (!state.scrollListening) {
      state.scrollListening = true;
      win.addEventListener('scroll', onScroll, PASSIVE);
    }
    if (state.watching) return;
    state.watching = true;
    state.watchNumber += 1;
    state.mutationObserver ??= new MutationObserver(onMutations);
    state.mutationObserver.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    state.stopTimer = setTimeout(stopWhenDue, DEAD_WINDOW_MS + 10);
  }

  /** A mark to ask later whether the page changed; null when no watch will last until `ms` from now. */
  function changeMark(ms: number): ChangeMark | null {
    return state.watching && state.watchUntil - now() > ms
      ? { watch: state.watchNumber, mutations: state.mutationCount }
      : null;
  }

  function unchangedSince(mark: ChangeMark | null): boolean {
    return (
      mark !== null && state.watching && mark.watch === state.watchNumber && mark.mutations === state.mutationCount
    );
  }

  function stopWhenDue(): void {
    const left = state.watchUntil - now();
    if (left > 0) state.stopTimer = setTimeout(stopWhenDue, left + 10);
    else stopWatching();
  }

  function stopWatching(): void {
    if (!state.watching) return;
    state.watching = false;
    clearTimeout(state.stopTimer);
    state.mutationObserver?.disconnect();
    dropScrollListener();
  }

  function dropScrollListener(): void {
    if (!state.scrollListening) return;
    state.scrollListening = false;
    win.removeEventListener('scroll', onScroll, PASSIVE);
  }

  function onMutations(records: MutationRecord[]): void {
    // Our own mask layer, added and removed around a capture, is not the page reacting. Only records
    // delivered after the layer was put in or taken away can be its own (reading each record's node
    // lists measured about 0.3 ms a visit on the benchmark's page, with no capture in it).
    const layerChanges = maskLayerChanges();
    if (layerChanges !== state.layerChangesSeen) {
      state.layerChangesSeen = layerChanges;
      if (records.every(isOwnLayer)) return;
    }
    state.mutationCount += 1;
    if (state.segment?.clicks.unanswered) react('mutation');
  }

  function onScroll(): void {
    if (state.segment?.clicks.unanswered) react('scroll');
    // Every click waiting has now been answered, so later scrolls tell nothing until the next click.
    dropScrollListener();
  }

  function onClick(event: MouseEvent): void {
    if (!event.isTrusted) return;
    const stamp = event.timeStamp;
    if (stamp === state.lastClickStamp) {
      // A field a label click reached usually takes focus: its leave may show an inline error.
      if (isField(event.target)) listenForFieldLeave();
      return;
    }
    state.lastClickStamp = stamp;
    // One reading of the clock for the whole click.
    const at = now();
    acted().clicks.click(at, event.clientX, event.clientY);
    if (!state.leaveListening && isField(doc.activeElement)) listenForFieldLeave();
    watchForAnswer(at);
    schedule(DEAD_WINDOW_MS + 100, at);
  }

  function onSubmitAttempt(): void {
    const seg = acted();
    // Scripts render their errors a little after the event; count twice, the second adds only new
    // ones, and is skipped when the page was watched in between and did not change (nothing new to find).
    setTimeout(() => {
      seg.errors?.submitAttempt();
      schedule();
      const mark = changeMark(LATE_ERRORS_MS - FIRST_ERRORS_MS);
      setTimeout(() => {
        if (unchangedSince(mark)) return;
        seg.errors?.submitAttempt();
        schedule();
      }, LATE_ERRORS_MS - FIRST_ERRORS_MS);
    }, FIRST_ERRORS_MS);
  }

  function onInvalid(): void {
    acted();
    if (state.invalidQueued) return;
    state.invalidQueued = true;
    setTimeout(() => {
      state.invalidQueued = false;
      onSubmitAttempt();
    }, 0);
  }

  /**
   * Inline validation shows its message when a field is left. A `focusout` listener on the whole page
   * would run at every focus change (44 calls in the benchmark's 50 clicks on buttons, each a call
   * into this script), so it is attached only while a field may have focus: after a click on a field
   * or a label, a `change` of a field, or a field focused when observing starts (autofocus). Focus
   * moving on to another field (Tab through a form) keeps it; focus given to any other element drops
   * it. Not seen: a field entered with Tab from a non-field and left untouched; what it shows is
   * counted at the next check or submit attempt if it is still there.
   */
  function listenForFieldLeave(): void {
    if (state.leaveListening) return;
    state.leaveListening = true;
    win.addEventListener('focusout', onFieldLeft, PASSIVE);
  }

  function onChange(event: Event): void {
    if (isField(event.target)) listenForFieldLeave();
  }

  /** One check after the last field left. */
  function onFieldLeft(event: FocusEvent): void {
    // No relatedTarget: the window lost focus (the side panel was clicked) or nothing took it; the
    // field gets focus back without a click when the shopper returns, so the listener stays.
    if (event.relatedTarget && !isField(event.relatedTarget)) {
      state.leaveListening = false;
      win.removeEventListener('focusout', onFieldLeft, PASSIVE);
    }
    if (!isField(event.target)) return;
    clearTimeout(state.fieldCheck);
    state.fieldCheck = setTimeout(() => {
      state.segment?.errors?.check();
      schedule();
    }, 300);
  }

  /** Shadow roots are looked for at most every two seconds: the walk visits every element of the page. */
  function cachedShadowRoots(): (root: ParentNode) => ShadowRoot[] {
    let last: { root: ParentNode; at: number; roots: ShadowRoot[] } | null = null;
    return (root) => {
      const at = now();
      if (last && last.root === root && at - last.at < 2000) return last.roots;
      last = { root, at, roots: findShadowRoots(root) };
      return last.roots;
    };
  }

  function whenAtRest(run: () => void): void {
    const idle = () =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run, 300);
    if (doc.readyState === 'complete') idle();
    else win.addEventListener('load', idle, { once: true });
  }

  function observe(): void {
    state.observing = true;
    navigationApi?.addEventListener('currententrychange', () => {
      state.urlMayHaveChanged = true;
    });
    setShadowRootProvider(cachedShadowRoots());
    current();
    win.addEventListener('click', onClick, PASSIVE);
    win.addEventListener('submit', onSubmitAttempt, PASSIVE);
    win.addEventListener('invalid', onInvalid, PASSIVE);
    win.addEventListener('change', onChange, PASSIVE);
    if (isField(doc.activeElement)) listenForFieldLeave();
    win.addEventListener('popstate', () => {
      react('navigation');
      current().back += 1;
      schedule();
    });
    win.addEventListener('hashchange', () => react('navigation'));
    win.addEventListener('blur', () => react('open'));
    win.addEventListener('pageshow', (event: PageTransitionEvent) => {
      if (event.persisted) {
        state.segment = newSegment(withoutHash(win.location.href), 1, false);
        schedule();
      }
    });
    win.addEventListener('pagehide', () => {
      react('navigation');
      sendOnLeave();
    });
    doc.addEventListener('visibilitychange', (event) => {
      if (doc.visibilityState !== 'hidden') return;
      state.firstHiddenTime = Math.min(state.firstHiddenTime, event.timeStamp);
      sendOnLeave();
    });
    whenAtRest(() => {
      if (!state.observing) return;
      acted();
      // The load's LCP and layout shifts are mostly in the browser's buffer now: a batch carries them
      // (later ones go with the next batch, or when the page is left).
      schedule();
    });
    inpObserver.start();
    schedule();
  }

  return {
    start() {
      const hello: ContentEvent = { type: FromContent.Hello };
      toWorker(hello)
        .then((answer) => {
          if ((answer as HelloAnswer | undefined)?.observe) observe();
        })
        .catch(() => undefined);
    },
    flush() {
      return state.observing && state.segment ? snapshot(current()) : null;
    },
  };
}
