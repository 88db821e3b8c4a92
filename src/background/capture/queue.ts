// captureVisibleTab allows 2 calls a second per browser (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND);
// a third throws. Every capture goes through this queue: jobs run one at a time, in order, at least
// minGapMs apart, and a quota error is waited out and retried rather than dropped.
import { fromBrowserError } from '../browser-errors.ts';

export interface QueueClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: QueueClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const CAPTURE_GAP_MS = 520;
const QUOTA_RETRIES = 4;

export function isQuotaError(error: unknown): boolean {
  return fromBrowserError(error).code === 'capture-rate-limited';
}

export class CaptureQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private lastStart = Number.NEGATIVE_INFINITY;
  /** The start before `lastStart`: a job without the gap keeps two starts from sharing a quota second. */
  private startBefore = Number.NEGATIVE_INFINITY;
  private pending = 0;

  constructor(
    private readonly minGapMs = CAPTURE_GAP_MS,
    private readonly clock: QueueClock = realClock,
  ) {}

  get size(): number {
    return this.pending;
  }

  /**
   * Runs a job once the previous ones are done and the quota allows a capture. A job that captures
   * more than once (a full page) gets `pace`, to await before each of its captures: it waits out the
   * gap since the last one and counts the new one, so the gap is kept between the browser calls
   * themselves rather than between the jobs.
   */
  run<T>(job: (pace: () => Promise<void>) => Promise<T>, options: { gap?: boolean } = {}): Promise<T> {
    this.pending++;
    const result = this.tail.then(() => this.attempt(job, 0, options.gap ?? true));
    const settle = () => {
      this.pending--;
    };
    this.tail = result.then(settle, settle);
    return result;
  }

  /**
   * Waits until the quota allows the next capture and counts it. The browser's quota is two captures
   * a second, not one each half second: without the gap, a job may start right after the last one
   * as long as the one before that was two gaps ago (which the gap's wait also keeps, once a job
   * started without it).
   */
  private async pace(gap = true): Promise<void> {
    const twoBack = this.startBefore + 2 * this.minGapMs;
    const wait = (gap ? Math.max(this.lastStart + this.minGapMs, twoBack) : twoBack) - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait);
    this.startBefore = this.lastStart;
    this.lastStart = this.clock.now();
  }

  private async attempt<T>(job: (pace: () => Promise<void>) => Promise<T>, retry: number, gap = true): Promise<T> {
    await this.pace(gap);
    // The job's first capture needs no wait (the gap was waited out before the job started), but
    // is counted from when it is taken: after a job's own preparation, which may be long.
    let first = true;
    const pace = () => {
      if (!first) return this.pace();
      first = false;
      this.lastStart = this.clock.now();
      return Promise.resolve();
    };
    try {
      return await job(pace);
    } catch (error) {
      if (!isQuotaError(error) || retry >= QUOTA_RETRIES) throw error;
      // Another caller (or a worker instance the browser stopped) used the quota: wait a full second.
      await this.clock.sleep(1000);
      return this.attempt(job, retry + 1);
    }
  }
}
