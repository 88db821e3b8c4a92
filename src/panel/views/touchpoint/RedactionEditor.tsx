// Before an attached image is stored the auditor blacks out what must not be kept (a name, a card
// number, a face): drag a box over it; the boxes are burned into the pixels on Attach (redact.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Rect } from '../../../domain/model.ts';
import { t } from '../../../i18n/t.ts';
import { boxBetween, paint } from './redact.ts';

export function RedactionEditor(props: {
  image: ImageBitmap;
  name: string;
  busy: boolean;
  onAttach: (boxes: Rect[]) => void;
  onCancel: () => void;
}) {
  const { image } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const [boxes, setBoxes] = useState<Rect[]>([]);
  const [drawing, setDrawing] = useState<Rect | null>(null);
  const start = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx) paint(ctx, image, drawing ? [...boxes, drawing] : boxes);
  }, [image, boxes, drawing]);

  // Pointer position in the image's own pixels (the canvas is shown scaled to the panel's width).
  const at = (event: PointerEvent) => {
    const el = canvas.current!;
    const r = el.getBoundingClientRect();
    return {
      x: ((event.clientX - r.left) / r.width) * image.width,
      y: ((event.clientY - r.top) / r.height) * image.height,
    };
  };
  const onDown = (event: PointerEvent) => {
    event.preventDefault();
    canvas.current?.setPointerCapture?.(event.pointerId);
    start.current = at(event);
    setDrawing(null);
  };
  const onMove = (event: PointerEvent) => {
    if (start.current) setDrawing(boxBetween(start.current, at(event), image.width, image.height));
  };
  const onUp = (event: PointerEvent) => {
    if (!start.current) return;
    const box = boxBetween(start.current, at(event), image.width, image.height);
    start.current = null;
    setDrawing(null);
    if (box.width >= 2 && box.height >= 2) setBoxes((list) => [...list, box]);
  };

  return (
    <div class="redact" role="group" aria-label={t('redactTitle')}>
      <p class="redact__title">
        <strong>{t('redactTitle')}</strong> <bdi class="muted">{props.name}</bdi>
      </p>
      <p class="muted">{t('redactHint')}</p>
      <canvas
        ref={canvas}
        class="redact__canvas"
        width={image.width}
        height={image.height}
        data-redact-canvas=""
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
      />
      <div class="redact__actions">
        <span class="muted" role="status">
          {t('redactBoxes', String(boxes.length))}
        </span>
        <button
          type="button"
          disabled={boxes.length === 0 || props.busy}
          onClick={() => setBoxes((l) => l.slice(0, -1))}
        >
          {t('redactUndo')}
        </button>
        <button type="button" class="primary" disabled={props.busy} onClick={() => props.onAttach(boxes)}>
          {t('redactAttach')}
        </button>
        <button type="button" disabled={props.busy} onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
