import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { within } from '../../../src/background/within.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('within', () => {
  it("gives the work's value when it comes in time, and leaves no timer behind", async () => {
    expect(await within(Promise.resolve('answer'), 2500, null)).toBe('answer');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives the fallback once the time is up for work that never settles', async () => {
    const pending = within(new Promise<string>(() => undefined), 2500, null);
    await vi.advanceTimersByTimeAsync(2499);
    let settled = false;
    void pending.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toBeNull();
  });
});
