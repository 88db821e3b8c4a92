import { useEffect, useRef, useState } from 'preact/hooks';
import type { Rect, Screenshot } from '../../domain/model.ts';
import { t } from '../../i18n/t.ts';
import { readShotImage } from '../audit-data.ts';
import { useBackend } from '../context.ts';

/** Smallest box the drawer accepts, in image pixels (a slip of the pointer is not an area). */
const MIN_SIDE = 4;

/** One arrow key press moves or resizes the box by this share of the image's width. */
const KEY_STEP = 1 / 50;

/** Where the first arrow key puts a box: the middle quarter of the image. */
const startBox = (w: number, h: number): Rect => ({
  x: Math.round(w * 0.375),
  y: Math.round(h * 0.375),
  width: Math.round(w / 4),
  height: Math.round(h / 4),
});

/** The box after one arrow key: moved, or with Shift resized, and kept inside the image. */
export function nudge(rect: Rect, key: string, resize: boolean, w: number, h: number): Rect {
  const step = Math.max(1, Math.round(w * KEY_STEP));
  const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
  const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
  if (resize) {
    const width = Math.min(Math.max(MIN_SIDE, rect.width + dx), w - rect.x);
    const height = Math.min(Math.max(MIN_SIDE, rect.height + dy), h - rect.y);
    return { ...rect, width, height };
  }
  return {
    ...rect,
    x: Math.min(Math.max(0, rect.x + dx), w - rect.width),
    y: Math.min(Math.max(0, rect.y + dy), h - rect.height),
  };
}

const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

/**
 * Draw one rectangle on a screenshot, over the whole panel so the image is as large as the panel
 * allows; by pointer (drag) or by keys (arrows move, Shift+arrows resize, Enter uses it, Escape
 * cancels). The result is in the image's own pixels.
 */
export function RegionDrawer({
  shot,
  initial,
  onDone,
  onCancel,
}: {
  shot: Screenshot;
  initial?: Rect | null;
  onDone: (rect: Rect) => void;
  onCancel: () => void;
}) {
  const backend = useBackend();
  const [src, setSrc] = useState<string | null>(null);
  const [start, setStart] = useState<{ x: number; y: number } | null>(null);
  const [rect, setRect] = useState<Rect | null>(initial ?? null);
  const img = useRef<HTMLImageElement>(null);
  const canvas = useRef<HTMLDivElement>(null);
  const valid = !!rect && rect.width >= MIN_SIDE && rect.height >= MIN_SIDE;

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

  // A modal dialog of the platform's own: the rest of the panel is inert while it is open and Tab
  // stays inside. The keys work from the moment it opens.
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal?.();
    canvas.current?.focus();
    return () => el?.close?.();
  }, []);

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
  const key = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (valid) onDone(rect);
    } else if (ARROWS.has(event.key)) {
      event.preventDefault();
      const base = rect && valid ? rect : startBox(shot.width, shot.height);
      setRect(nudge(base, event.key, event.shiftKey, shot.width, shot.height));
    }
  };

  return (
    <dialog
      ref={dialog}
      class="drawer-overlay"
      aria-labelledby="drawer-title"
      onCancel={(event) => {
        // Escape: the drawer closes itself through its owner, which puts the focus back.
        event.preventDefault();
        onCancel();
      }}
    >
      <div class="drawer">
        <h2 id="drawer-title" class="drawer__title">
          {t('markAreaTitle')}
        </h2>
        <p class="muted" id="drawer-hint">
          {t('drawHint')} {t('drawKeysHint')}
        </p>
        <div
          ref={canvas}
          class="drawer__canvas"
          role="group"
          tabIndex={0}
          aria-labelledby="drawer-title"
          aria-describedby="drawer-hint"
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={() => setStart(null)}
          onKeyDown={key}
        >
          <img
            ref={img}
            src={src ?? undefined}
            alt={t('screenshotAlt', String(shot.width), String(shot.height))}
            draggable={false}
          />
          {rect && rect.width > 0 && <RectBox rect={rect} shot={shot} />}
        </div>
        <p class="muted drawer__box" role="status">
          {valid && t('areaBox', String(rect.x), String(rect.y), String(rect.width), String(rect.height))}
        </p>
        <div class="actions">
          <button type="button" class="primary" disabled={!valid} onClick={() => valid && onDone(rect)}>
            {t('useArea')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </div>
    </dialog>
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
