// Storage failures the auditor can act on get a plain message instead of a DOMException name.
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: 'quota' | 'not-found' | 'conflict' | 'unknown',
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') {
    return new StoreError(
      'The disk is full: Peakend could not save. Free some disk space; nothing already saved was lost.',
      'quota',
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError(`Saving failed: ${message}`, 'unknown');
}

export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreError(error);
  }
}
