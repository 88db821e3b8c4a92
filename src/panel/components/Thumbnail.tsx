import { useEffect, useState } from 'preact/hooks';
import type { Screenshot } from '../../domain/model.ts';
import { t } from '../../i18n/t.ts';
import { getBlob } from '../../store/index.ts';
import { useBackend } from '../context.ts';

/** Loads the small image only; the full screenshot stays in the blob store until someone opens it. */
export function Thumbnail({ shot }: { shot: Screenshot }) {
  const backend = useBackend();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    void backend.db().then(async (db) => {
      const blob = await getBlob(db, shot.id, 'thumb');
      if (!blob || cancelled) return;
      url = URL.createObjectURL(blob);
      setSrc(url);
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [shot.id]);
  return (
    <img
      class="thumb"
      src={src ?? undefined}
      width={shot.thumbWidth}
      height={shot.thumbHeight}
      loading="lazy"
      alt={t('screenshotAlt', String(shot.width), String(shot.height))}
      data-shot-id={shot.id}
    />
  );
}
