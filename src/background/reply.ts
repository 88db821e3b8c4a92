// The worker's answer to a panel request: the value, or what went wrong as a code (never as text).
import type { WorkerResponse } from '../protocol.ts';
import { fromBrowserError } from './browser-errors.ts';

export async function reply(work: () => Promise<unknown>): Promise<WorkerResponse> {
  try {
    return { ok: true, value: (await work()) as never };
  } catch (error) {
    return { ok: false, error: fromBrowserError(error) };
  }
}
