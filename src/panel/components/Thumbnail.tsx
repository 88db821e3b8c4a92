import { useEffect, useRef, useState } from 'preact/hooks';
import type { Screenshot } from '../../domain/model.ts';
import { t } from '../../i18n/t.ts';
import { readShotImage } from '../audit-data.ts';
import { useBackend } from '../context.ts';

// One observer for every thumbnail: an image is read from IndexedDB only once it comes near the
// viewport, so a 500-step audit opens without reading 500 blobs.
const waiting = new Map<Element, () => void>();
let observer: IntersectionObserver | null = null;

function whenNearViewport(el: Element, load: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    load();
    return () => undefined;
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer?.unobserve(entry.target);
        const start = waiting.get(entry.target);
        waiting.delete(entry.target);
        start?.();
      }
    },
    { rootMargin: '600px 0px' },
  );
  waiting.set(el, load);
  observer.observe(el);
  return () => {
    waiting.delete(el);
    observer?.unobserve(el);
  };
}

/** Loads the small image only; the full screenshot stays in the blob store until someone opens it. */
export function Thumbnail({ shot }: { shot: Screenshot }) {
  const backend = useBackend();
  const [src, setSrc] = useState<string | null>(null);
  const img = useRef<HTMLImageElement>(null);
  const shown = useRef<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    const stop = whenNearViewport(img.current!, () => {
      void backend.db().then(async (db) => {
        const blob = await readShotImage(db, shot.id, 'thumb');
        if (!blob || cancelled) return;
        const url = URL.createObjectURL(blob);
        const previous = shown.current;
        shown.current = url;
        setSrc(url);
        // The image it replaces (the screenshot itself, shown until its thumbnail was stored) may
        // still be loading: its URL is let go once the new one has loaded or failed, never under it.
        if (previous) {
          const release = () => URL.revokeObjectURL(previous);
          img.current?.addEventListener('load', release, { once: true });
          img.current?.addEventListener('error', release, { once: true });
        }
      });
    });
    return () => {
      cancelled = true;
      stop();
    };
    // thumbBytes changes once the thumbnail is stored, after the screenshot: read the small one then.
  }, [backend, shot.id, shot.thumbBytes]);
  useEffect(
    () => () => {
      if (shown.current) URL.revokeObjectURL(shown.current);
    },
    [],
  );
  return (
    <img
      ref={img}
      class="thumb"
      src={src ?? undefined}
      width={shot.thumbWidth}
      height={shot.thumbHeight}
      alt={t('screenshotAlt', String(shot.width), String(shot.height))}
      data-shot-id={shot.id}
    />
  );
}
