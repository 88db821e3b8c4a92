// Undoing a transaction that failed part-way: nothing it wrote stays. A failed request may already
// have aborted it, and its own rejection is awaited so it is not left unhandled.
export async function abandon(tx: { abort(): void; done: Promise<unknown> }): Promise<void> {
  try {
    tx.abort();
  } catch {
    // Already aborted by the failed request.
  }
  await tx.done.catch(() => undefined);
}
