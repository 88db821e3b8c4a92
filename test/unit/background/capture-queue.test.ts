import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAPTURE_GAP_MS, CaptureQueue, isQuotaError } from '../../../src/background/capture/queue.ts';

const clock = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

/** No window of 1,000 ms may hold more than 2 starts: Chrome's captureVisibleTab quota. */
function maxPerSecond(starts: number[]): number {
  return Math.max(...starts.map((s) => starts.filter((t) => t >= s && t < s + 1000).length));
}

describe('CaptureQueue', () => {
  it('runs a burst of 5 in order, spaced so no second holds more than 2', async () => {
    const queue = new CaptureQueue(CAPTURE_GAP_MS, clock);
    const starts: number[] = [];
    const order: number[] = [];
    const results = [0, 1, 2, 3, 4].map((i) =>
      queue.run(async () => {
        starts.push(Date.now());
        order.push(i);
        return i * 10;
      }),
    );
    await vi.runAllTimersAsync();
    expect(await Promise.all(results)).toEqual([0, 10, 20, 30, 40]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(maxPerSecond(starts)).toBeLessThanOrEqual(2);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(CAPTURE_GAP_MS);
    // and it does not dawdle: the fifth starts exactly 4 gaps after the first
    expect(starts[4]! - starts[0]!).toBe(4 * CAPTURE_GAP_MS);
  });

  it('starts at once when idle long enough', async () => {
    const queue = new CaptureQueue(CAPTURE_GAP_MS, clock);
    const starts: number[] = [];
    await queue.run(async () => starts.push(Date.now()));
    vi.setSystemTime(5000);
    const p = queue.run(async () => starts.push(Date.now()));
    await vi.runAllTimersAsync();
    await p;
    expect(starts).toEqual([0, 5000]);
  });

  it('starts a job asked without the gap at once, and counts it for the next one', async () => {
    const queue = new CaptureQueue(CAPTURE_GAP_MS, clock);
    const starts: number[] = [];
    await queue.run(async () => starts.push(Date.now()));
    vi.setSystemTime(80);
    const again = queue.run(async () => starts.push(Date.now()), { gap: false });
    const next = queue.run(async () => starts.push(Date.now()));
    await vi.runAllTimersAsync();
    await Promise.all([again, next]);
    // Two gaps after the first: a start at 80 + 520 would be the third within the quota's second.
    expect(starts).toEqual([0, 80, 2 * CAPTURE_GAP_MS]);
    expect(maxPerSecond(starts)).toBeLessThanOrEqual(2);
  });

  it('holds a job without the gap while it would be the third start within two gaps', async () => {
    const queue = new CaptureQueue(CAPTURE_GAP_MS, clock);
    const starts: number[] = [];
    const all = [
      queue.run(async () => starts.push(Date.now())),
      queue.run(async () => starts.push(Date.now())),
      queue.run(async () => starts.push(Date.now()), { gap: false }),
    ];
    await vi.runAllTimersAsync();
    await Promise.all(all);
    expect(starts).toEqual([0, CAPTURE_GAP_MS, 2 * CAPTURE_GAP_MS]);
    expect(maxPerSecond(starts)).toBeLessThanOrEqual(2);
  });

  it('waits out a quota error and retries instead of dropping the capture', async () => {
    const queue = new CaptureQueue(CAPTURE_GAP_MS, clock);
    let calls = 0;
    const p = queue.run(async () => {
      calls++;
      if (calls === 1) throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
      return 'shot';
    });
    await vi.runAllTimersAsync();
    await expect(p).resolves.toBe('shot');
    expect(calls).toBe(2);
  });

  it('passes other errors through and keeps serving later jobs', async () => {
    const queue = new CaptureQueue(CAPTURE_GAP_MS, clock);
    const failed = queue.run(async () => {
      throw new Error('Cannot access contents of the page');
    });
    const next = queue.run(async () => 'next');
    const settled = Promise.allSettled([failed, next]);
    await vi.runAllTimersAsync();
    const [a, b] = await settled;
    expect(a.status).toBe('rejected');
    expect(b).toEqual({ status: 'fulfilled', value: 'next' });
    expect(queue.size).toBe(0);
  });

  it('recognises the quota message', () => {
    expect(isQuotaError(new Error('exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota'))).toBe(true);
    expect(isQuotaError(new Error('Cannot access a chrome:// URL'))).toBe(false);
  });
});

describe('CaptureQueue pacing within a job', () => {
  it('spaces the captures of one job by the gap, counted from each capture, not from the job start', async () => {
    const queue = new CaptureQueue(CAPTURE_GAP_MS, clock);
    const calls: number[] = [];
    const job = queue.run(async (pace) => {
      // A long preparation before the first capture (a full page scrolls through first).
      await clock.sleep(300);
      for (let i = 0; i < 4; i++) {
        await pace();
        calls.push(Date.now());
      }
    });
    const after = queue.run(async () => calls.push(Date.now()));
    await vi.runAllTimersAsync();
    await Promise.all([job, after]);
    expect(calls).toEqual([300, 300 + 520, 300 + 2 * 520, 300 + 3 * 520, 300 + 4 * 520]);
    expect(maxPerSecond(calls)).toBeLessThanOrEqual(2);
  });
});
