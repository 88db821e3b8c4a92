// The offscreen document's side: it answers each thumbnail request (or says why it could not), to the
// worker that asked, and closes itself after five idle minutes.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FromOffscreen, ToOffscreen } from '../../../src/protocol.ts';

const drawn = vi.hoisted(() => ({ fail: false, calls: [] as Array<[number, string, number, number]> }));
vi.mock('../../../src/offscreen/draw-thumbnail.ts', () => ({
  drawThumbnail: async (bytes: Uint8Array, mime: string, width: number, height: number) => {
    drawn.calls.push([bytes.length, mime, width, height]);
    if (drawn.fail) throw new Error('no ImageDecoder');
    return { thumb: new Blob(['thumb'], { type: 'image/jpeg' }), timing: {} };
  },
}));
const checked = vi.hoisted(() => ({ fail: false, boxes: [] as unknown[] }));
vi.mock('../../../src/offscreen/check-covers.ts', () => ({
  checkCovers: async (_bytes: Uint8Array, _mime: string, boxes: unknown[]) => {
    checked.boxes.push(...boxes);
    if (checked.fail) throw new Error('no ImageDecoder');
    return { verdict: { ok: true, checked: boxes.length, failing: [] }, timing: { verified: 1 } };
  },
}));

const g = globalThis as unknown as Record<string, unknown>;
const worker = new EventTarget() as EventTarget & {
  startMessages: () => void;
  started: boolean;
  ready: Promise<unknown>;
};
/** What the extension's active worker receives (the answer to a message that did not name its source). */
const active = { received: [] as unknown[], postMessage: (m: unknown) => active.received.push(m) };
const close = vi.fn<() => void>();

beforeAll(async () => {
  vi.useFakeTimers();
  worker.started = false;
  worker.startMessages = () => {
    worker.started = true;
  };
  worker.ready = Promise.resolve({ active });
  Object.defineProperty(globalThis, 'navigator', { value: { serviceWorker: worker }, configurable: true });
  g.window = { close };
  await import('../../../src/offscreen/offscreen.ts');
});
afterAll(() => {
  vi.useRealTimers();
  delete g.window;
});

/** Sends a message as the worker would, and resolves with what the document posts back to it. */
function ask(data: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const source = { postMessage: resolve };
    const event = new MessageEvent('message', { data });
    Object.defineProperty(event, 'source', { value: source });
    worker.dispatchEvent(event);
    // Nothing comes back for what is not a thumbnail request.
    setTimeout(() => resolve('no answer'), 50);
  });
}

const request = (id: string) => ({
  type: ToOffscreen.MakeThumbnail,
  id,
  bytes: new Uint8Array(10),
  mime: 'image/jpeg',
  width: 320,
  height: 200,
});

describe('offscreen document', () => {
  it('takes messages held before it listened', () => {
    expect(worker.started).toBe(true);
  });

  it('answers a request with its thumbnail, under the request id', async () => {
    const answer = ask(request('r7'));
    await vi.advanceTimersByTimeAsync(0);
    const got = (await answer) as { type: string; id: string; thumb: Blob };
    expect(got.type).toBe(FromOffscreen.Thumbnail);
    expect(got.id).toBe('r7');
    expect(await got.thumb.text()).toBe('thumb');
    expect(drawn.calls.at(-1)).toEqual([10, 'image/jpeg', 320, 200]);
  });

  it('says why it has no thumbnail, so the worker draws its own', async () => {
    drawn.fail = true;
    const answer = ask(request('r8'));
    await vi.advanceTimersByTimeAsync(0);
    expect(await answer).toEqual({ type: FromOffscreen.Thumbnail, id: 'r8', thumb: null, error: 'no ImageDecoder' });
    drawn.fail = false;
  });

  it('answers a check of the covers with its verdict alone, or says why it has none', async () => {
    const box = { x: 2, y: 4, width: 10, height: 6 };
    const check = (id: string) => ({
      type: ToOffscreen.CheckCovers,
      id,
      bytes: new Uint8Array(10),
      mime: 'image/jpeg',
      boxes: [box],
    });
    const drawnBefore = drawn.calls.length;
    const answer = ask(check('c1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(await answer).toEqual({
      type: FromOffscreen.Verdict,
      id: 'c1',
      verdict: { ok: true, checked: 1, failing: [] },
      timing: { verified: 1 },
    });
    expect(checked.boxes.at(-1)).toEqual(box);
    // No thumbnail is drawn for a check.
    expect(drawn.calls.length).toBe(drawnBefore);
    checked.fail = true;
    const failed = ask(check('c2'));
    await vi.advanceTimersByTimeAsync(0);
    expect(await failed).toEqual({ type: FromOffscreen.Verdict, id: 'c2', verdict: null, error: 'no ImageDecoder' });
    checked.fail = false;
  });

  it('answers the extension worker when the message does not say which worker sent it', async () => {
    const event = new MessageEvent('message', { data: request('r12') });
    worker.dispatchEvent(event);
    await vi.advanceTimersByTimeAsync(0);
    expect(active.received).toHaveLength(1);
    expect(active.received[0]).toMatchObject({ type: FromOffscreen.Thumbnail, id: 'r12' });
  });

  it('ignores anything else', async () => {
    const before = drawn.calls.length;
    const answer = ask({ type: 'content/mask', id: 9 });
    await vi.advanceTimersByTimeAsync(50);
    expect(await answer).toBe('no answer');
    expect(drawn.calls.length).toBe(before);
  });

  it('closes itself after five minutes without a request, each request starting the wait again', async () => {
    close.mockClear();
    const answer = ask(request('r10'));
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    await answer;
    expect(close).not.toHaveBeenCalled();
    void ask(request('r11'));
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(close).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(close).toHaveBeenCalledTimes(1);
  });
});
