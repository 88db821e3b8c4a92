import { useEffect, useRef, useState } from 'preact/hooks';
import type { Rect, Screenshot } from '../../domain/model.ts';
import { t } from '../../i18n/t.ts';
import { readShotImage } from '../audit-data.ts';
import { useBackend } from '../context.ts';

/** Draw one rectangle on a screenshot; the result is in the image's own pixels. */
export function RegionDrawer({
  shot,
  onDone,
  onCancel,
}: {
  shot: Screenshot;
  onDone: (rect: Rect) => void;
  onCancel: () => void;
}) {
  const backend = useBackend();
  const [src, setSrc] = useState<string | null>(null);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [rect, setRect] = useState<Rect | null>(null);
  const img = useRef<HTMLImageElement>(null);

  useEffect(() => {
    let url: string | null = null;
    void backend.db().then(async (db) => {
      const blob = await readShotImage(db, shot.id, 'full');
      if (blob) setSrc((url = URL.createObjectURL(blob)));
    });
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [backend, shot.id]);

  const toImage = (event: PointerEvent) => {
    const box = img.current!.getBoundingClientRect();
    const scale = shot.width / box.width;
    return {
      x: Math.round(Math.min(Math.max(event.clientX - box.left, 0), box.width) * scale),
      y: Math.round(Math.min(Math.max(event.clientY - box.top, 0), box.height) * scale),
    };
  };
  const down = (event: PointerEvent) => {
    (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    const p = toImage(event);
    setStart(p);
    setRect({ x: p.x, y: p.y, width: 0, height: 0 });
  };
  const move = (event: PointerEvent) => {
    if (!start) return;
    const p = toImage(event);
    setRect({
      x: Math.min(p.x, start.x),
      y: Math.min(p.y, start.y),
      width: Math.abs(p.x - start.x),
      height: Math.abs(p.y - start.y),
    });
  };

  return (
    <div class="drawer">
      <p class="muted">{t('drawHint')}</p>
      <div class="drawer__canvas" onPointerDown={down} onPointerMove={move} onPointerUp={() => setStart(null)}>
        <img
          ref={img}
          src={src ?? undefined}
          alt={t('screenshotAlt', String(shot.width), String(shot.height))}
          draggable={false}
        />
        {rect && rect.width > 0 && <RectBox rect={rect} shot={shot} />}
      </div>
      <div class="actions">
        <button
          type="button"
          class="primary"
          disabled={!rect || rect.width < 4 || rect.height < 4}
          onClick={() => rect && onDone(rect)}
        >
          {t('useArea')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

/** A rectangle in image pixels, placed over any rendering of that image by percentages. */
export function RectBox({
  rect,
  shot,
  label,
}: {
  rect: Rect;
  shot: Pick<Screenshot, 'width' | 'height'>;
  label?: string;
}) {
  // Physical left/top on purpose: a screenshot is not mirrored in right-to-left layouts.
  const style = {
    left: `${(rect.x / shot.width) * 100}%`,
    top: `${(rect.y / shot.height) * 100}%`,
    width: `${(rect.width / shot.width) * 100}%`,
    height: `${(rect.height / shot.height) * 100}%`,
  };
  return (
    <span class="rect" style={style}>
      {label && <span class="rect__label">{label}</span>}
    </span>
  );
}
