// The offscreen document that checks captures and draws thumbnails for the service worker. A worker
// has only createImageBitmap, which decodes the whole JPEG to RGBA (6-8 ms for 1280x800); WebCodecs'
// ImageDecoder, exposed to documents and not to service workers, decodes straight to thumbnail size
// (about 1.4 ms), and a decoded frame copies out just the covers' boxes (src/domain/cover-check.ts).
// The document holds nothing: it answers each request and closes itself when idle.
import {
  FromOffscreen,
  isOffscreenRequest,
  ToOffscreen,
  type CheckAnswer,
  type CheckRequest,
  type OffscreenAnswer,
  type OffscreenRequest,
  type ThumbnailAnswer,
  type ThumbnailRequest,
} from '../protocol.ts';
import { checkCovers } from './check-covers.ts';
import { drawThumbnail } from './draw-thumbnail.ts';

/** An idle document is closed to give its memory back; the worker opens it again when needed. */
const IDLE_CLOSE_MS = 5 * 60_000;

let idle: ReturnType<typeof setTimeout> | undefined;
const restartIdle = () => {
  clearTimeout(idle);
  idle = setTimeout(() => window.close(), IDLE_CLOSE_MS);
};

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function thumbnail(request: ThumbnailRequest): Promise<ThumbnailAnswer> {
  try {
    const { thumb, timing } = await drawThumbnail(request.bytes, request.mime, request.width, request.height);
    return { type: FromOffscreen.Thumbnail, id: request.id, thumb, timing };
  } catch (error) {
    return { type: FromOffscreen.Thumbnail, id: request.id, thumb: null, error: reason(error) };
  }
}

async function check(request: CheckRequest): Promise<CheckAnswer> {
  try {
    const { verdict, timing } = await checkCovers(request.bytes, request.mime, request.boxes);
    return { type: FromOffscreen.Verdict, id: request.id, verdict, timing };
  } catch (error) {
    return { type: FromOffscreen.Verdict, id: request.id, verdict: null, error: reason(error) };
  }
}

const answer = (request: OffscreenRequest): Promise<OffscreenAnswer> =>
  request.type === ToOffscreen.CheckCovers ? check(request) : thumbnail(request);

navigator.serviceWorker.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isOffscreenRequest(event.data)) return;
  restartIdle();
  const source = event.source as ServiceWorker | null;
  void answer(event.data)
    .then(async (reply) => {
      // The asking worker; when the event does not say, the extension's (there is only one).
      const worker = source ?? (await navigator.serviceWorker.ready).active;
      worker?.postMessage(reply);
    })
    // The worker stopped meanwhile: nobody waits for this answer any more.
    .catch(() => undefined);
});
// Messages sent before the listener existed are held until this call.
navigator.serviceWorker.startMessages();
restartIdle();

/** The codecs load on first use: a tiny round at start, so the first capture's request does not also pay for that. */
async function warmUp(): Promise<void> {
  const canvas = new OffscreenCanvas(16, 16);
  canvas.getContext('2d')?.fillRect(0, 0, 16, 16);
  const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer());
  await Promise.all([
    drawThumbnail(jpeg, 'image/jpeg', 8, 8),
    checkCovers(jpeg, 'image/jpeg', [{ x: 0, y: 0, width: 4, height: 4 }]),
  ]);
}
void warmUp().catch(() => undefined);
