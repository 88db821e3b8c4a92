// The worker's side of the offscreen document: its thumbnail and its covers' verdict when it answers,
// the worker's own otherwise (no document, an error, silence, bytes that are not a readable JPEG).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FromOffscreen, ToOffscreen, type CheckRequest, type ThumbnailRequest } from '../../../src/protocol.ts';
import type * as ImageModule from '../../../src/background/capture/image.ts';

const drawn = vi.hoisted(() => ({ calls: 0, checks: 0 }));
vi.mock('../../../src/background/capture/image.ts', async (importOriginal) => {
  const real = await importOriginal<typeof ImageModule>();
  return {
    ...real,
    drawThumbnailHere: async () => {
      drawn.calls++;
      return { thumb: new Blob(['worker'], { type: 'image/jpeg' }), thumbWidth: 320, thumbHeight: 200 };
    },
    checkHere: async () => {
      drawn.checks++;
      return { ok: true, checked: 1, failing: [], by: 'worker' };
    },
  };
});

// The worker's own URLs (runtime.getURL); the offscreen API is chrome.offscreen, faked per test below.
vi.mock('webextension-polyfill', () => ({
  default: { runtime: { getURL: (path: string) => `chrome-extension://peakend/${path}` } },
}));

const { checkCapture, findThumbnailer, listenForThumbnails, makeThumbnail, OFFSCREEN_PATH, openThumbnailer } =
  await import('../../../src/background/capture/thumbnailer.ts');

// SOI, APP0, then SOF0: 1280 x 800.
const jpeg = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x03, 0x20, 0x05, 0x00, 0x03, 0x01,
  0x22, 0x00,
]);
const capture = (bytes: Uint8Array<ArrayBuffer> = jpeg) => ({
  full: new Blob([bytes], { type: 'image/jpeg' }),
  bytes: Promise.resolve(bytes),
  facts: Promise.resolve({ width: 1280, height: 800, sha256: '' }),
});

/** The worker's global scope, as far as the thumbnailer uses it: message events and clients. */
const scope = new EventTarget();
const g = globalThis as unknown as Record<string, unknown>;
let stopListening: () => void;

/** A fake document: answers each request as `reply` says, and keeps what it was sent. */
type Request = ThumbnailRequest | CheckRequest;
function documentClient(
  reply: (req: Request) => { thumb?: Blob | null; error?: string; verdict?: unknown } | 'silent',
) {
  const sent: Request[] = [];
  const client = {
    url: `chrome-extension://peakend/${OFFSCREEN_PATH}`,
    postMessage(message: Request) {
      sent.push(message);
      const answer = reply(message);
      if (answer === 'silent') return;
      const type = message.type === ToOffscreen.CheckCovers ? FromOffscreen.Verdict : FromOffscreen.Thumbnail;
      queueMicrotask(() =>
        scope.dispatchEvent(new MessageEvent('message', { data: { type, id: message.id, ...answer } })),
      );
    },
  };
  return { client: client as unknown as Client, sent };
}

beforeEach(() => {
  drawn.calls = 0;
  drawn.checks = 0;
  g.addEventListener = scope.addEventListener.bind(scope);
  g.removeEventListener = scope.removeEventListener.bind(scope);
  stopListening = listenForThumbnails();
});

afterEach(() => {
  stopListening();
  delete g.addEventListener;
  delete g.removeEventListener;
  delete g.clients;
  delete g.chrome;
  vi.useRealTimers();
});

describe('makeThumbnail', () => {
  it("uses the document's thumbnail, asked at the thumbnail size with the JPEG's bytes", async () => {
    const fromDocument = new Blob(['document'], { type: 'image/jpeg' });
    const { client, sent } = documentClient(() => ({ thumb: fromDocument }));
    const thumb = await makeThumbnail(capture(), Promise.resolve(client));
    expect(thumb).toEqual({ thumb: fromDocument, thumbWidth: 320, thumbHeight: 200 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: ToOffscreen.MakeThumbnail, mime: 'image/jpeg', width: 320, height: 200 });
    expect([...sent[0]!.bytes]).toEqual([...jpeg]);
    expect(drawn.calls).toBe(0);
  });

  it('draws the thumbnail itself when the document fails', async () => {
    const { client, sent } = documentClient(() => ({ thumb: null, error: 'no ImageDecoder' }));
    const thumb = await makeThumbnail(capture(), Promise.resolve(client));
    expect(sent).toHaveLength(1);
    expect(await thumb.thumb.text()).toBe('worker');
    expect(drawn.calls).toBe(1);
  });

  it('stops waiting for a silent document after half a second, and draws the thumbnail itself', async () => {
    vi.useFakeTimers();
    const { client } = documentClient(() => 'silent');
    const made = makeThumbnail(capture(), Promise.resolve(client));
    await vi.advanceTimersByTimeAsync(499);
    expect(drawn.calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(await (await made).thumb.text()).toBe('worker');
    expect(drawn.calls).toBe(1);
  });

  it('draws the thumbnail itself when there is no document, or no size in the JPEG header', async () => {
    expect(await (await makeThumbnail(capture(), Promise.resolve(null))).thumb.text()).toBe('worker');
    const { client, sent } = documentClient(() => ({ thumb: new Blob(['document']) }));
    const notJpeg = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect(await (await makeThumbnail(capture(notJpeg), Promise.resolve(client))).thumb.text()).toBe('worker');
    expect(sent).toHaveLength(0);
    expect(drawn.calls).toBe(2);
  });

  it('ignores answers to other requests', async () => {
    vi.useFakeTimers();
    const { client } = documentClient((req) => {
      queueMicrotask(() =>
        scope.dispatchEvent(
          new MessageEvent('message', {
            data: { type: FromOffscreen.Thumbnail, id: `${req.id}x`, thumb: new Blob(['stranger']) },
          }),
        ),
      );
      return 'silent';
    });
    const made = makeThumbnail(capture(), Promise.resolve(client));
    await vi.advanceTimersByTimeAsync(500);
    expect(await (await made).thumb.text()).toBe('worker');
  });

  it('asks each request under an id of its own that a later worker instance will not repeat', async () => {
    const { client, sent } = documentClient(() => ({ thumb: new Blob(['document']) }));
    await makeThumbnail(capture(), Promise.resolve(client));
    await makeThumbnail(capture(), Promise.resolve(client));
    vi.resetModules();
    const again = await import('../../../src/background/capture/thumbnailer.ts');
    const stop = again.listenForThumbnails();
    await again.makeThumbnail(capture(), Promise.resolve(client));
    stop();
    const ids = sent.map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
  });

  it('replaces a document still silent five seconds after a request, and keeps one that was only slow', async () => {
    vi.useFakeTimers();
    const closeDocument = vi.fn<() => Promise<void>>(async () => undefined);
    g.chrome = { offscreen: { closeDocument } };
    let answerLate: (() => void) | null = null;
    const slow = documentClient((req) => {
      answerLate = () =>
        scope.dispatchEvent(
          new MessageEvent('message', {
            data: { type: FromOffscreen.Thumbnail, id: req.id, thumb: new Blob(['late']) },
          }),
        );
      return 'silent';
    });
    const fromSlow = makeThumbnail(capture(), Promise.resolve(slow.client));
    await vi.advanceTimersByTimeAsync(500);
    expect(await (await fromSlow).thumb.text()).toBe('worker');
    await vi.advanceTimersByTimeAsync(1000);
    answerLate!();
    await vi.advanceTimersByTimeAsync(5000);
    expect(closeDocument).not.toHaveBeenCalled();

    const { client } = documentClient(() => 'silent');
    void makeThumbnail(capture(), Promise.resolve(client));
    await vi.advanceTimersByTimeAsync(4999);
    expect(closeDocument).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(closeDocument).toHaveBeenCalledTimes(1);
  });

  it('ignores an answer that carries no image, and draws the thumbnail itself', async () => {
    const { client } = documentClient(() => ({ thumb: 'not a blob' as unknown as Blob }));
    expect(await (await makeThumbnail(capture(), Promise.resolve(client))).thumb.text()).toBe('worker');
  });
});

describe('checkCapture', () => {
  // The image is 1280 px wide for a 640 CSS px viewport: two image pixels per CSS px.
  const check = { boxes: [{ x: 10, y: 20, width: 100, height: 30 }], viewportWidth: 640 };

  it("asks the document to check the covers' boxes in image pixels, alone, and keeps its verdict", async () => {
    const verdict = { ok: false, checked: 1, failing: [{ x: 22, y: 42, width: 196, height: 56 }] };
    const { client, sent } = documentClient(() => ({ verdict }));
    expect(await checkCapture(capture(), Promise.resolve(client), check)).toEqual(verdict);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: ToOffscreen.CheckCovers, mime: 'image/jpeg' });
    expect((sent[0] as CheckRequest).boxes).toEqual([{ x: 22, y: 42, width: 196, height: 56 }]);
    expect('width' in sent[0]!).toBe(false);
    expect(drawn.checks + drawn.calls).toBe(0);
  });

  it('refuses covers it cannot place in the pixels (no viewport width), asking nothing', async () => {
    const { client, sent } = documentClient(() => ({ verdict: { ok: true, checked: 1, failing: [] } }));
    const unplaced = { boxes: check.boxes, viewportWidth: 0 };
    expect(await checkCapture(capture(), Promise.resolve(client), unplaced)).toEqual({
      ok: false,
      checked: 0,
      failing: [],
    });
    expect(sent).toHaveLength(0);
  });

  it("checks in the worker when the document's verdict covers fewer boxes than it was sent", async () => {
    const { client } = documentClient(() => ({ verdict: { ok: true, checked: 0, failing: [] } }));
    expect(await checkCapture(capture(), Promise.resolve(client), check)).toMatchObject({ by: 'worker' });
    expect(drawn.checks).toBe(1);
  });

  it('asks nothing when there is nothing to check', async () => {
    const { client, sent } = documentClient(() => ({ verdict: { ok: true, checked: 0, failing: [] } }));
    expect(await checkCapture(capture(), Promise.resolve(client), null)).toBeNull();
    expect(await checkCapture(capture(), Promise.resolve(client), { boxes: [], viewportWidth: 640 })).toBeNull();
    expect(sent).toHaveLength(0);
  });

  it('checks in the worker when the document fails, is silent, or is not open', async () => {
    vi.useFakeTimers();
    const failing = documentClient(() => ({ verdict: null, error: 'no ImageDecoder' }));
    expect(await checkCapture(capture(), Promise.resolve(failing.client), check)).toMatchObject({ by: 'worker' });
    const silent = documentClient(() => 'silent');
    const late = checkCapture(capture(), Promise.resolve(silent.client), check);
    await vi.advanceTimersByTimeAsync(500);
    expect(await late).toMatchObject({ by: 'worker' });
    expect(await checkCapture(capture(), Promise.resolve(null), check)).toMatchObject({ by: 'worker' });
    expect(drawn.checks).toBe(3);
  });

  it('takes no thumbnail answer for a verdict', async () => {
    const { client } = documentClient(() => ({ thumb: new Blob(['document']) }));
    // An answer of the other kind under the request's id: the worker checks itself.
    client.postMessage = ((message: Request) => {
      queueMicrotask(() =>
        scope.dispatchEvent(
          new MessageEvent('message', {
            data: { type: FromOffscreen.Thumbnail, id: message.id, thumb: new Blob(['document']) },
          }),
        ),
      );
    }) as Client['postMessage'];
    expect(await checkCapture(capture(), Promise.resolve(client), check)).toMatchObject({ by: 'worker' });
  });
});

describe('findThumbnailer', () => {
  function fakeBrowser(open: string[]) {
    const created: string[] = [];
    g.clients = { matchAll: async () => open.map((url) => ({ url })) };
    g.chrome = {
      offscreen: {
        Reason: { BLOBS: 'BLOBS' },
        createDocument: async ({ url }: { url: string }) => {
          created.push(url);
          open.push(`chrome-extension://peakend/${url}`);
        },
      },
    };
    return created;
  }

  it('finds the open document', async () => {
    const created = fakeBrowser([
      `chrome-extension://peakend/src/panel/index.html`,
      `chrome-extension://peakend/${OFFSCREEN_PATH}`,
    ]);
    expect((await findThumbnailer())?.url).toBe(`chrome-extension://peakend/${OFFSCREEN_PATH}`);
    expect(created).toEqual([]);
  });

  it('does not open the document while looking for it (a capture may be under way)', async () => {
    const created = fakeBrowser([`chrome-extension://peakend/src/panel/index.html`]);
    expect(await findThumbnailer()).toBeNull();
    expect(created).toEqual([]);
  });

  it('opens the document once, however often it is asked to, and not when it is open', async () => {
    const created = fakeBrowser([`chrome-extension://peakend/src/panel/index.html`]);
    openThumbnailer();
    openThumbnailer();
    await vi.waitFor(() => expect(created).toEqual([OFFSCREEN_PATH]));
    expect((await findThumbnailer())?.url).toBe(`chrome-extension://peakend/${OFFSCREEN_PATH}`);
    openThumbnailer();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(created).toEqual([OFFSCREEN_PATH]);
  });

  it('warns once when the browser refuses to open it, and captures go on without it', async () => {
    fakeBrowser([]);
    const refuse = vi.fn<() => Promise<never>>(async () => {
      throw new Error('Only a single offscreen document may be created.');
    });
    (g.chrome as { offscreen: { createDocument: unknown } }).offscreen.createDocument = refuse;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    openThumbnailer();
    await vi.waitFor(() => expect(refuse).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    openThumbnailer();
    await vi.waitFor(() => expect(refuse).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/thumbnail document could not be opened/);
    warn.mockRestore();
  });

  it('gives null where the browser has no offscreen documents', async () => {
    g.clients = { matchAll: async () => [] };
    g.chrome = { runtime: {} };
    expect(await findThumbnailer()).toBeNull();
  });
});
