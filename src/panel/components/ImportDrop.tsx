// Importing from the panel: the "Import" button with its file input, dropping a file onto the
// library, and the browser-side helpers the pure checks need (SHA-256 through crypto.subtle,
// thumbnails through createImageBitmap).
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { ImportPlan, Result } from '../../domain/import/index.ts';
import { t } from '../../i18n/t.ts';

export const IMPORT_ACCEPT = '.zip,.json,application/zip,application/json';

export async function subtleSha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Checks a picked or dropped file; nothing is written. */
export async function checkImportFile(file: File): Promise<Result<ImportPlan>> {
  // The validators and the unzipper load on the first import only.
  const { prepareImport } = await import('../../domain/import/index.ts');
  return prepareImport(file, { sha256: subtleSha256 });
}

async function thumbOf(bytes: Uint8Array, mime: string, width: number): Promise<Blob> {
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
  const scale = Math.min(1, width / bitmap.width);
  const canvas = new OffscreenCanvas(
    Math.max(1, Math.round(bitmap.width * scale)),
    Math.max(1, Math.round(bitmap.height * scale)),
  );
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
}

/**
 * 320 px wide JPEG thumbnails like the capture makes, a few at a time (Chromium may hold each
 * encode back for a second when the panel is not in front) within a time budget; a screenshot
 * without one gets its full image as thumbnail (importAudit's fallback).
 */
export async function makeThumbs(
  plan: ImportPlan,
  opts: { width?: number; budgetMs?: number; parallel?: number } = {},
): Promise<Map<string, Blob>> {
  const thumbs = new Map<string, Blob>();
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return thumbs;
  const deadline = Date.now() + (opts.budgetMs ?? 8000);
  const queue = [...plan.images];
  const worker = async () => {
    for (let next = queue.shift(); next && Date.now() < deadline; next = queue.shift()) {
      const [shotId, image] = next;
      try {
        thumbs.set(shotId, await thumbOf(image.bytes, image.mime, opts.width ?? 320));
      } catch {
        // Not decodable here: the full image stands in.
      }
    }
  };
  await Promise.all(Array.from({ length: opts.parallel ?? 6 }, worker));
  return thumbs;
}

/** The "Import" button and its file input (the input is what tests and assistive tech can drive too). */
export function ImportPicker({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
        {t('library_import')}
      </button>
      <input
        ref={input}
        class="visually-hidden"
        type="file"
        accept={IMPORT_ACCEPT}
        aria-label={t('library_importFile')}
        tabIndex={-1}
        disabled={disabled}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

const hasFiles = (event: DragEvent): boolean => [...(event.dataTransfer?.types ?? [])].includes('Files');

/** Wraps the library: a file dropped anywhere on it is imported. */
export function ImportDrop(props: {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  children: ComponentChildren;
}) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const reset = () => {
    depth.current = 0;
    setOver(false);
  };
  return (
    <div
      class={`import-drop${over ? ' import-drop--over' : ''}`}
      onDragEnter={(e) => {
        if (!hasFiles(e) || props.disabled) return;
        e.preventDefault();
        depth.current += 1;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e) || props.disabled) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current -= 1;
        if (depth.current <= 0) reset();
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        reset();
        if (props.disabled) return;
        const files = [...(e.dataTransfer?.files ?? [])];
        if (files.length > 0) props.onFiles(files);
      }}
    >
      {props.children}
      {over && (
        <div class="import-drop__hint" aria-hidden="true">
          {t('import_dropHint')}
        </div>
      )}
    </div>
  );
}
