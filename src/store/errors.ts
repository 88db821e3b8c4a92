// Storage failures leave the store as codes: a full disk is one the auditor can act on; any other
// IndexedDB failure keeps the browser's own text as its detail.
import { PeakendFailure } from '../domain/errors.ts';

export function toStoreError(error: unknown): PeakendFailure {
  if (error instanceof PeakendFailure) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return new PeakendFailure({ code: 'storage-full' });
  const detail = error instanceof Error ? error.message : String(error);
  return new PeakendFailure({ code: 'storage-failed', detail });
}

export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(error);
  }
}
