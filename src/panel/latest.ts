import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * The value of the last committed render, for an effect or handler that must read it when it runs
 * without running again each time it changes (a listener subscribed once, a save made on unmount).
 * Set after the render commits, not during it, so a render that never commits cannot leak into it.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
