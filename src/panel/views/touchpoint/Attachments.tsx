// A touchpoint's evidence: photos and files chosen, dropped or pasted. Each file is checked first
// (size, type, and that its bytes are what its name says); an image then opens in the redaction
// editor and only its redacted copy is stored; a PDF is stored as it is.
import { useEffect, useState } from 'preact/hooks';
import {
  ATTACHMENT_MAX_BYTES,
  checkAttachment,
  isImageMime,
  pastedName,
  SNIFF_BYTES,
} from '../../../domain/attachments.ts';
import { PeakendFailure } from '../../../domain/errors.ts';
import type { Rect, Step } from '../../../domain/model.ts';
import type { Attachment, AttachmentMime } from '../../../domain/touchpoints.ts';
import { formatBytes } from '../../../i18n/errors.ts';
import { t } from '../../../i18n/t.ts';
import { useActions } from '../../actions.ts';
import { readAttachmentImage, readStepAttachments } from '../../attachments-data.ts';
import { useBackend } from '../../context.ts';
import { useLatest } from '../../latest.ts';
import { burn } from './redact.ts';
import { RedactionEditor } from './RedactionEditor.tsx';

const ACCEPT = '.jpg,.jpeg,.png,.webp,.gif,.pdf,image/jpeg,image/png,image/webp,image/gif,application/pdf';

interface Editing {
  name: string;
  mime: AttachmentMime;
  image: ImageBitmap;
}

function AttachmentThumb({ attachment }: { attachment: Attachment }) {
  const backend = useBackend();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    void backend.db().then(async (db) => {
      const blob = await readAttachmentImage(db, attachment.id);
      if (!blob || cancelled) return;
      url = URL.createObjectURL(blob);
      setSrc(url);
    });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [backend, attachment.id]);
  return <img class="attachment__thumb" src={src ?? undefined} alt={t('attachmentAlt', attachment.name)} />;
}

export function Attachments(props: { step: Step; onError: (error: unknown) => void; onChanged?: () => void }) {
  const { step } = props;
  const backend = useBackend();
  const actions = useActions();
  const [list, setList] = useState<Attachment[]>([]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [queue, setQueue] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const [input, setInput] = useState<HTMLInputElement | null>(null);

  useEffect(() => {
    let cancelled = false;
    void backend
      .db()
      .then((db) => readStepAttachments(db, step.id))
      .then((found) => {
        if (!cancelled) setList(found);
      });
    return () => {
      cancelled = true;
    };
  }, [backend, step.id, version]);

  const stored = () => {
    setVersion((v) => v + 1);
    props.onChanged?.();
  };

  // One file at a time: the next waits until the editor has the previous one attached or dropped.
  const takeNext = useLatest((file: File) => void take(file));
  useEffect(() => {
    if (editing || busy || queue.length === 0) return;
    const [file, ...rest] = queue;
    setQueue(rest);
    if (file) takeNext.current(file);
  }, [editing, busy, queue, takeNext]);

  async function take(file: File) {
    setBusy(true);
    try {
      const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
      const mime = checkAttachment(file, head);
      const name = file.name || pastedName(mime, new Date().toISOString());
      if (!isImageMime(mime)) {
        await actions.attach(step, {
          name,
          mime,
          full: new Blob([file], { type: mime }),
          thumb: null,
          width: null,
          height: null,
          redactions: 0,
        });
        stored();
        return;
      }
      let image: ImageBitmap;
      try {
        image = await createImageBitmap(file);
      } catch {
        throw new PeakendFailure({ code: 'attachment-unreadable', name });
      }
      setEditing({ name, mime, image });
    } catch (error) {
      props.onError(error);
    } finally {
      setBusy(false);
    }
  }

  const close = () => {
    editing?.image.close();
    setEditing(null);
  };

  async function attach(boxes: Rect[]) {
    if (!editing) return;
    setBusy(true);
    try {
      const { full, thumb, type } = await burn(editing.image, boxes, editing.mime);
      await actions.attach(step, {
        name: editing.name,
        mime: type,
        full,
        thumb,
        width: editing.image.width,
        height: editing.image.height,
        redactions: boxes.length,
      });
      stored();
      close();
    } catch (error) {
      props.onError(error);
    } finally {
      setBusy(false);
    }
  }

  const add = (files: FileList | null | undefined) => {
    if (files && files.length > 0) setQueue((q) => [...q, ...Array.from(files)]);
  };

  return (
    <div class="attachments" data-attachments-for={step.id}>
      <h3 class="attachments__title">{t('attachmentsTitle')}</h3>
      {list.length === 0 ? (
        <p class="muted">{t('attachNone')}</p>
      ) : (
        <ul class="attachments__list">
          {list.map((a) => (
            <li class="attachment" key={a.id} data-attachment-id={a.id}>
              {a.mime.startsWith('image/') ? (
                <AttachmentThumb attachment={a} />
              ) : (
                <span class="attachment__file">PDF</span>
              )}
              <span class="attachment__meta">
                <bdi class="attachment__name">{a.name}</bdi>
                <span class="muted">
                  {formatBytes(a.bytes)}
                  {a.redactions > 0 ? ` · ${t('attachmentRedacted', String(a.redactions))}` : ''}
                </span>
              </span>
              <button
                type="button"
                class="link"
                onClick={() =>
                  void actions
                    .detach(a.id)
                    .then(stored)
                    .catch((e: unknown) => props.onError(e))
                }
              >
                {t('attachmentRemove', a.name)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <RedactionEditor
          image={editing.image}
          name={editing.name}
          busy={busy}
          onAttach={(boxes) => void attach(boxes)}
          onCancel={close}
        />
      ) : (
        // Focusable, so an image on the clipboard can be pasted straight into it.
        <div
          class="attachments__drop"
          tabIndex={0}
          role="group"
          aria-label={t('attachmentsTitle')}
          data-paste-target=""
          onPaste={(event) => {
            const files = event.clipboardData?.files;
            if (files && files.length > 0) {
              event.preventDefault();
              add(files);
            }
          }}
          onDragOver={(event) => event.preventDefault()}
          onDrop={(event) => {
            event.preventDefault();
            add(event.dataTransfer?.files);
          }}
        >
          <p class="muted">{t('attachHint', formatBytes(ATTACHMENT_MAX_BYTES))}</p>
          <button type="button" disabled={busy} onClick={() => input?.click()}>
            {t('attachFile')}
          </button>
          <input
            ref={setInput}
            type="file"
            multiple
            hidden
            accept={ACCEPT}
            onChange={(event) => {
              add(event.currentTarget.files);
              event.currentTarget.value = '';
            }}
          />
        </div>
      )}
    </div>
  );
}
