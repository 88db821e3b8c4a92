// A wait with a bound: the worker must not hang on a page (or frame) that never answers.

/** What `work` settles to, or `fallback` once `ms` have passed; the timer goes with whichever comes first. */
export function within<T, F>(work: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
