// Masking every frame before a capture: the answers add up, frames outside the viewport are not
// awaited, a frame showing the browser's error page is neither asked nor awaited, a silent frame is
// injected and asked again and, still silent, is named (the capture is then refused). No per-frame
// wait outlives its answer.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ToContent, type MaskReport } from '../../../src/protocol.ts';

type Answer = MaskReport | 'silent';
const page = vi.hoisted(() => ({
  frames: [] as { frameId: number; parentFrameId: number; url: string; errorOccurred?: boolean }[],
  answers: new Map<number, Answer[]>(),
  asked: [] as { frameId: number; type: string }[],
  injected: [] as number[][],
  rounds: [] as Array<string | undefined>,
}));

vi.mock('webextension-polyfill', () => ({
  default: {
    webNavigation: { getAllFrames: async () => page.frames },
    tabs: {
      sendMessage: (_tabId: number, message: { type: string; round?: string }, { frameId }: { frameId: number }) => {
        page.asked.push({ frameId, type: message.type });
        if (message.type === ToContent.Mask) page.rounds.push(message.round);
        if (message.type === ToContent.Unmask) return Promise.resolve({ removed: 1, changed: 1 });
        const answer = page.answers.get(frameId)?.shift() ?? 'silent';
        return answer === 'silent' ? new Promise(() => undefined) : Promise.resolve(answer);
      },
    },
  },
}));
vi.mock('../../../src/background/features/content-scripts.ts', () => ({
  injectInto: async (_tabId: number, frameIds: number[]) => void page.injected.push(frameIds),
}));

const { frameMasker } = await import('../../../src/background/capture/frame-masker.ts');
const audit = { maskSelectors: [] } as unknown as Parameters<typeof frameMasker.mask>[1];

const top = (fields: number): MaskReport => ({ frames: 1, fields });
/** A frame wholly outside the top-level viewport says so itself. */
const outside: MaskReport = { frames: 1, fields: 0, outside: true };

beforeEach(() => {
  vi.useFakeTimers();
  page.frames = [
    { frameId: 0, parentFrameId: -1, url: 'https://shop.example/checkout' },
    { frameId: 3, parentFrameId: 0, url: 'https://pay.example/card' },
    { frameId: 4, parentFrameId: 0, url: 'https://ads.example/below' },
    { frameId: 5, parentFrameId: 4, url: 'https://ads.example/inner' },
    { frameId: 9, parentFrameId: 0, url: 'chrome-extension://other/page.html' },
  ];
  page.answers.clear();
  page.asked = [];
  page.injected = [];
  page.rounds = [];
});
afterEach(() => vi.useRealTimers());

describe('frameMasker.mask', () => {
  it('adds up the fields of the frames in view and leaves no wait behind', async () => {
    page.answers.set(0, [top(4)]);
    page.answers.set(3, [{ frames: 1, fields: 3 }]);
    page.answers.set(4, [outside]);
    // The ad frame below the fold says it is outside; the frame inside it never answers: neither is
    // in the pixels.
    const report = await frameMasker.mask(7, audit);
    expect(report).toEqual({
      frames: 2,
      fields: 7,
      unpainted: 0,
      boxes: [],
      unplaced: 0,
      skippedFrames: [
        { url: 'https://ads.example/below', reason: 'offscreen' },
        { url: 'https://ads.example/inner', reason: 'offscreen' },
      ],
    });
    // Every web frame was asked (its covers are drawn even when not awaited); a non-web one was not.
    expect(page.asked.map((a) => a.frameId).sort((a, b) => a - b)).toEqual([0, 3, 4, 5]);
    expect(page.injected).toEqual([]);
    // The answered frames' timers are gone; only the frame never awaited still waits out its own.
    expect(vi.getTimerCount()).toBe(1);
  });

  it('injects into a silent frame in view and asks it again', async () => {
    page.answers.set(0, [top(0)]);
    page.answers.set(3, ['silent', { frames: 1, fields: 2 }]);
    page.answers.set(4, [outside]);
    const pending = frameMasker.mask(7, audit);
    await vi.advanceTimersByTimeAsync(2500);
    expect(await pending).toMatchObject({ frames: 2, fields: 2, unpainted: 0 });
    expect(page.injected).toEqual([[3]]);
  });

  it('gives every frame of a round, a retried one too, one fresh nonce, and the next round another', async () => {
    page.answers.set(0, [top(0), top(0)]);
    page.answers.set(3, ['silent', { frames: 1, fields: 2 }, { frames: 1, fields: 2 }]);
    page.answers.set(4, [outside, outside]);
    const first = frameMasker.mask(7, audit);
    await vi.advanceTimersByTimeAsync(2500);
    await first;
    const firstRound = page.rounds.splice(0);
    expect(firstRound).toHaveLength(5);
    expect(new Set(firstRound).size).toBe(1);
    expect(firstRound[0]).toMatch(/^[0-9a-f-]{36}$/);
    await frameMasker.mask(7, audit);
    expect(new Set(page.rounds).size).toBe(1);
    expect(page.rounds[0]).not.toBe(firstRound[0]);
  });

  it('names a loaded frame that stays silent after injection, so the capture is refused', async () => {
    page.answers.set(0, [top(1)]);
    page.answers.set(4, [outside]);
    const pending = frameMasker.mask(7, audit);
    await vi.advanceTimersByTimeAsync(5000);
    const report = await pending;
    expect(report).toMatchObject({ frames: 1, fields: 1, unpainted: 0, silentFrames: ['https://pay.example/card'] });
    expect(report.pageSilent).toBeUndefined();
  });

  it('says the page itself was silent when the top frame never answers', async () => {
    page.answers.set(3, [{ frames: 1, fields: 0 }]);
    const pending = frameMasker.mask(7, audit);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await pending).toMatchObject({ pageSilent: true });
  });

  it('goes ahead without a frame that shows the browser error page: not asked, not awaited, named', async () => {
    page.frames = [
      { frameId: 0, parentFrameId: -1, url: 'https://news.example/article', errorOccurred: false },
      { frameId: 3, parentFrameId: 0, url: 'https://ads.example/banner', errorOccurred: true },
      { frameId: 4, parentFrameId: 0, url: 'https://widget.example/like', errorOccurred: true },
    ];
    page.answers.set(0, [top(0)]);
    // No timer is advanced: the report comes without waiting out any frame.
    const report = await frameMasker.mask(7, audit);
    expect(report).toEqual({
      frames: 1,
      fields: 0,
      unpainted: 0,
      boxes: [],
      unplaced: 0,
      skippedFrames: [
        { url: 'https://ads.example/banner', reason: 'not-loaded' },
        { url: 'https://widget.example/like', reason: 'not-loaded' },
      ],
    });
    expect(page.asked.map((a) => a.frameId)).toEqual([0]);
    expect(page.injected).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('counts a frame whose covers failed (it answers with its error) as unpainted, so the capture is refused', async () => {
    page.answers.set(0, [top(1)]);
    page.answers.set(3, [{ error: 'TypeError: x is not a function' } as unknown as MaskReport]);
    page.answers.set(4, [outside]);
    const report = await frameMasker.mask(7, audit);
    expect(report).toMatchObject({ frames: 1, fields: 1, unpainted: 1 });
    expect(report.pageSilent).toBeUndefined();
  });

  it('tells twin frames with one address apart: only the one that says it is outside is not awaited', async () => {
    page.frames = [
      { frameId: 0, parentFrameId: -1, url: 'https://shop.example/checkout' },
      { frameId: 3, parentFrameId: 0, url: 'https://pay.example/card' },
      { frameId: 4, parentFrameId: 0, url: 'https://pay.example/card' },
    ];
    page.answers.set(0, [top(0)]);
    page.answers.set(3, [outside]);
    page.answers.set(4, [{ frames: 1, fields: 2, boxes: [{ x: 1, y: 2, width: 3, height: 4 }] }]);
    const report = await frameMasker.mask(7, audit);
    expect(report).toMatchObject({
      frames: 2,
      fields: 2,
      boxes: [{ x: 1, y: 2, width: 3, height: 4 }],
      skippedFrames: [{ url: 'https://pay.example/card', reason: 'offscreen' }],
    });
  });

  it('sums the fields each frame found added or moved while its covers were up', async () => {
    page.frames = [
      { frameId: 0, parentFrameId: -1, url: 'https://shop.example/checkout' },
      { frameId: 3, parentFrameId: 0, url: 'https://pay.example/card' },
    ];
    expect(await frameMasker.unmask(7)).toEqual({ changed: 2 });
  });

  it('asks the top frame to unmask even when no frame is listed', async () => {
    page.frames = [];
    await frameMasker.unmask(7);
    expect(page.asked).toEqual([{ frameId: 0, type: ToContent.Unmask }]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
