// The worker's side of the offscreen document (src/offscreen/): it checks a capture's covers in its
// pixels (a full decode that copies out only the covers' boxes) and draws thumbnails (a decode
// straight to thumbnail size), each sooner than the worker's own full decode (docs/performance.md).
// The document only makes these faster: when it is not open, does not answer in time, or fails, the
// worker does the work itself. It is opened once a capture is stored and no other is queued, so that
// opening it (a renderer process) does not compete with one.
import browser from 'webextension-polyfill';
import { jpegSize } from '../../domain/jpeg.ts';
import { thumbSize } from '../../domain/thumbnail.ts';
import {
  isOffscreenAnswer,
  ToOffscreen,
  type CheckAnswer,
  type CheckRequest,
  type OffscreenAnswer,
  type ThumbnailAnswer,
  type ThumbnailRequest,
} from '../../protocol.ts';
import { closeOffscreenDocument, hasOffscreenDocuments, openOffscreenDocument } from '../chrome/offscreen.ts';
import type { CoverVerdict } from '../../domain/cover-check.ts';
import { markPhase } from './phases.ts';
import {
  checkBoxes,
  checkHere,
  drawThumbnailHere,
  verdictWithoutBoxes,
  type CapturedJpeg,
  type CoverCheck,
  type Thumb,
} from './image.ts';

export const OFFSCREEN_PATH = 'src/offscreen/offscreen.html';
/**
 * A round trip takes about 5 ms; past this the worker stops waiting and does the work itself (7 ms),
 * so a document that is busy or gone costs a capture at most this much.
 */
const ANSWER_TIMEOUT_MS = 500;
/** A document that has not answered even this long after a request is wedged: it is closed and opened afresh. */
const WEDGED_MS = 5000;

/** Requests in flight (only these: a stopped worker loses its capture under way anyway). */
const waiting = new Map<string, (answer: OffscreenAnswer) => void>();
let opening: Promise<void> | null = null;
let warned = false;

const scope = () => globalThis as unknown as Partial<ServiceWorkerGlobalScope>;

/** Listens for the document's answers; added at the worker's start, as every listener must be. */
export function listenForThumbnails(): () => void {
  const listener = (event: Event) => {
    const data = (event as MessageEvent<unknown>).data;
    if (isOffscreenAnswer(data)) waiting.get(data.id)?.(data);
  };
  scope().addEventListener?.('message', listener);
  return () => scope().removeEventListener?.('message', listener);
}

/** The open document, or null (the worker then checks the covers and draws the thumbnail itself). */
export async function findThumbnailer(): Promise<Client | null> {
  const clients = scope().clients;
  if (!clients || !hasOffscreenDocuments()) return null;
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const all = await clients.matchAll({ type: 'window', includeUncontrolled: true }).catch(() => []);
  return all.find((c) => c.url === url) ?? null;
}

/** Opens the document for the next captures if it is not open; called when no capture is under way. */
export function openThumbnailer(): void {
  if (!hasOffscreenDocuments()) return;
  opening ??= findThumbnailer()
    .then((found) =>
      found
        ? undefined
        : openOffscreenDocument(
            OFFSCREEN_PATH,
            'Decodes screenshots straight to thumbnail size, which a service worker cannot do.',
          ),
    )
    .catch((error: unknown) => {
      // Refused (or opened meanwhile by another worker instance): the worker draws thumbnails itself.
      if (warned) return;
      warned = true;
      console.warn('Peakend: the thumbnail document could not be opened; thumbnails are drawn in the worker.', error);
    })
    .finally(() => {
      opening = null;
    });
}

type Sent<R> = R extends unknown ? Omit<R, 'id'> : never;

/** The document's answer to one request, or null when it is late, silent or cannot be asked. */
function askDocument(client: Client, request: Sent<ThumbnailRequest>): Promise<ThumbnailAnswer | null>;
function askDocument(client: Client, request: Sent<CheckRequest>): Promise<CheckAnswer | null>;
function askDocument(client: Client, request: Sent<ThumbnailRequest | CheckRequest>): Promise<OffscreenAnswer | null> {
  const id = crypto.randomUUID();
  return new Promise((resolve) => {
    const late = setTimeout(() => resolve(null), ANSWER_TIMEOUT_MS);
    // Slow is fine (the worker did that work itself); silent this long, the document is replaced.
    const wedged = setTimeout(() => {
      waiting.delete(id);
      void closeOffscreenDocument().catch(() => undefined);
    }, WEDGED_MS);
    const finish = (answer: OffscreenAnswer | null) => {
      clearTimeout(late);
      clearTimeout(wedged);
      waiting.delete(id);
      resolve(answer);
    };
    waiting.set(id, finish);
    try {
      client.postMessage({ ...request, id });
    } catch {
      finish(null);
    }
  });
}

/**
 * Whether every cover is black in the captured image (null: nothing to check), read by the offscreen
 * document when it is open, else in the worker. A capture is stored only after this.
 */
export async function checkCapture(
  image: CapturedJpeg,
  thumbnailer: Promise<Client | null>,
  check: CoverCheck | null,
): Promise<CoverVerdict | null> {
  if (!check || check.boxes.length === 0) return null;
  const [client, bytes] = await Promise.all([thumbnailer.catch(() => null), image.bytes]);
  const size = jpegSize(bytes);
  if (client && size) {
    const boxes = checkBoxes(check, size.width, size.height);
    if (boxes.length === 0) return verdictWithoutBoxes(check);
    markPhase('offscreen-asked');
    const answer = await askDocument(client, { type: ToOffscreen.CheckCovers, bytes, mime: image.full.type, boxes });
    markPhase('offscreen', answer?.verdict ? answer.timing : undefined);
    // A verdict over fewer boxes than were sent is not one on this image's covers.
    if (answer?.verdict && answer.verdict.checked === boxes.length) return answer.verdict;
  }
  return checkHere(image.full, check);
}

/** The screenshot's thumbnail, drawn by the offscreen document when it is open, else in the worker. */
export async function makeThumbnail(image: CapturedJpeg, thumbnailer: Promise<Client | null>): Promise<Thumb> {
  const [client, bytes] = await Promise.all([thumbnailer.catch(() => null), image.bytes]);
  const size = jpegSize(bytes);
  if (client && size) {
    const { thumbWidth, thumbHeight } = thumbSize(size.width, size.height);
    const answer = await askDocument(client, {
      type: ToOffscreen.MakeThumbnail,
      bytes,
      mime: image.full.type,
      width: thumbWidth,
      height: thumbHeight,
    });
    if (answer?.thumb) return { thumb: answer.thumb, thumbWidth, thumbHeight };
  }
  return drawThumbnailHere(image.full);
}
