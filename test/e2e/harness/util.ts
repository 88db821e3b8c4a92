// Small timing helpers shared by the e2e harness. Every wait is bounded and fails with a message
// that says what was awaited, so a hung browser shows up as a readable error, not a test timeout.

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class HarnessTimeoutError extends Error {
  override name = 'HarnessTimeoutError';
}

/** Resolves like `promise`, or rejects with `HarnessTimeoutError(message)` after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HarnessTimeoutError(`${message} (timed out after ${ms} ms)`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Calls `probe` until it returns something other than `undefined` (or `false`/`null`), then returns
 * that value. Errors thrown by the probe are kept and reported if the deadline passes.
 */
export async function poll<T>(
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  opts: { timeoutMs: number; intervalMs?: number; message: string },
): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  const interval = opts.intervalMs ?? 50;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new HarnessTimeoutError(`${opts.message} (timed out after ${opts.timeoutMs} ms${cause})`);
    }
    await sleep(interval);
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
