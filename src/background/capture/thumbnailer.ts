// The worker's side of the offscreen document that draws thumbnails (src/offscreen/): it decodes the
// JPEG straight to thumbnail size, 2-3 ms sooner than the worker's own full decode (measured in
// docs/performance.md). The document only makes thumbnails faster: when it is not open, does not
// answer in time, or fails, the worker draws the thumbnail itself. It is opened once a capture is
// stored and no other is queued, so that opening it (a renderer process) does not compete with one.
import browser from 'webextension-polyfill';
import { jpegSize } from '../../domain/jpeg.ts';
import { thumbSize } from '../../domain/thumbnail.ts';
import { isThumbnailAnswer, ToOffscreen, type ThumbnailAnswer, type ThumbnailRequest } from '../../protocol.ts';
import { closeOffscreenDocument, hasOffscreenDocuments, openOffscreenDocument } from '../chrome/offscreen.ts';
import type { CoverVerdict } from '../../domain/cover-check.ts';
import { markPhase } from './phases.ts';
import { checkBoxes, drawThumbnailHere, type CapturedJpeg, type CheckedThumb, type CoverCheck } from './image.ts';

export const OFFSCREEN_PATH = 'src/offscreen/offscreen.html';
/**
 * A round trip takes about 5 ms; past this the worker stops waiting and draws the thumbnail itself
 * (7 ms), so a document that is busy or gone costs a capture at most this much.
 */
const ANSWER_TIMEOUT_MS = 500;
/** A document that has not answered even this long after a request is wedged: it is closed and opened afresh. */
const WEDGED_MS = 5000;

/** Requests in flight (only these: a stopped worker loses its capture under way anyway). */
const waiting = new Map<string, (answer: ThumbnailAnswer) => void>();
let opening: Promise<void> | null = null;
let warned = false;

const scope = () => globalThis as unknown as Partial<ServiceWorkerGlobalScope>;

/** Listens for the document's answers; added at the worker's start, as every listener must be. */
export function listenForThumbnails(): () => void {
  const listener = (event: Event) => {
    const data = (event as MessageEvent<unknown>).data;
    if (isThumbnailAnswer(data)) waiting.get(data.id)?.(data);
  };
  scope().addEventListener?.('message', listener);
  return () => scope().removeEventListener?.('message', listener);
}

/** The open document, or null (the worker then draws the thumbnail itself). */
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

interface DocumentAnswer {
  thumb: Blob;
  verdict: CoverVerdict | null;
}

function askDocument(client: Client, request: Omit<ThumbnailRequest, 'type' | 'id'>): Promise<DocumentAnswer | null> {
  const id = crypto.randomUUID();
  return new Promise((resolve) => {
    const late = setTimeout(() => resolve(null), ANSWER_TIMEOUT_MS);
    // Slow is fine (the worker drew that thumbnail itself); silent this long, the document is replaced.
    const wedged = setTimeout(() => {
      waiting.delete(id);
      void closeOffscreenDocument().catch(() => undefined);
    }, WEDGED_MS);
    const finish = (answer: DocumentAnswer | null) => {
      clearTimeout(late);
      clearTimeout(wedged);
      waiting.delete(id);
      resolve(answer);
    };
    waiting.set(id, (answer) => {
      markPhase('offscreen', answer.thumb ? answer.timing : undefined);
      finish(answer.thumb ? { thumb: answer.thumb, verdict: answer.verdict ?? null } : null);
    });
    try {
      client.postMessage({ type: ToOffscreen.MakeThumbnail, id, ...request } satisfies ThumbnailRequest);
    } catch {
      finish(null);
    }
  });
}

/**
 * The screenshot's thumbnail, drawn by the offscreen document when it is open, else in the worker,
 * with the covers' check read from the same decode (a document that answers without a verdict for
 * boxes it was given is not trusted: the worker checks itself).
 */
export async function makeThumbnail(
  image: CapturedJpeg,
  thumbnailer: Promise<Client | null>,
  check: CoverCheck | null = null,
): Promise<CheckedThumb> {
  const [client, bytes] = await Promise.all([thumbnailer.catch(() => null), image.bytes]);
  const size = jpegSize(bytes);
  if (client && size) {
    const { thumbWidth, thumbHeight } = thumbSize(size.width, size.height);
    const boxes = checkBoxes(check, size.width, size.height);
    markPhase('offscreen-asked');
    const answer = await askDocument(client, {
      bytes,
      mime: image.full.type,
      width: thumbWidth,
      height: thumbHeight,
      boxes,
    });
    if (answer && (boxes.length === 0 || answer.verdict)) return { ...answer, thumbWidth, thumbHeight };
  }
  return drawThumbnailHere(image.full, check);
}
