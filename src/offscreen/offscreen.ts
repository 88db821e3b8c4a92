// The offscreen document that draws screenshot thumbnails for the service worker. A worker has only
// createImageBitmap, which decodes the whole JPEG to RGBA (6-8 ms for 1280x800); WebCodecs'
// ImageDecoder, exposed to documents and not to service workers, decodes straight to thumbnail size
// (about 1.4 ms). A capture with covers is decoded at full size once, and the covers' boxes are read
// from it before the thumbnail is drawn (src/domain/cover-check.ts). The document holds nothing: it
// answers each request and closes itself when idle.
import { FromOffscreen, isThumbnailRequest, type ThumbnailAnswer, type ThumbnailRequest } from '../protocol.ts';
import { drawThumbnail } from './draw-thumbnail.ts';

/** An idle document is closed to give its memory back; the worker opens it again when needed. */
const IDLE_CLOSE_MS = 5 * 60_000;

let idle: ReturnType<typeof setTimeout> | undefined;
const restartIdle = () => {
  clearTimeout(idle);
  idle = setTimeout(() => window.close(), IDLE_CLOSE_MS);
};

async function answer(request: ThumbnailRequest): Promise<ThumbnailAnswer> {
  try {
    const { thumb, verdict, timing } = await drawThumbnail(
      request.bytes,
      request.mime,
      request.width,
      request.height,
      request.boxes ?? [],
    );
    return { type: FromOffscreen.Thumbnail, id: request.id, thumb, verdict, timing };
  } catch (error) {
    return {
      type: FromOffscreen.Thumbnail,
      id: request.id,
      thumb: null,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

navigator.serviceWorker.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isThumbnailRequest(event.data)) return;
  restartIdle();
  const source = event.source as ServiceWorker | null;
  void answer(event.data)
    .then(async (reply) => {
      // The asking worker; when the event does not say, the extension's (there is only one).
      const worker = source ?? (await navigator.serviceWorker.ready).active;
      worker?.postMessage(reply);
    })
    // The worker stopped meanwhile: nobody waits for this thumbnail any more.
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
  await drawThumbnail(jpeg, 'image/jpeg', 8, 8);
}
void warmUp().catch(() => undefined);
