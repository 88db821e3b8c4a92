import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ToWorker, type KeptText } from '../protocol.ts';
import { useBackend } from './context.ts';
import { useLatest } from './latest.ts';

/** Saved this long after the last keystroke: well inside the half second an edit may take to reach IndexedDB. */
export const TEXT_SAVE_DELAY_MS = 150;

/**
 * A text field's value that is local while the auditor types and saved after a short pause, on blur
 * (call `flush`), when the page is hidden or closed, and when the field goes away. A change from
 * elsewhere (another panel, an import) shows up unless the auditor is typing.
 *
 * A closing panel cannot finish its own IndexedDB write (measured: a note typed and closed inside
 * the pause was lost), so on pagehide the unsaved text also goes to the worker, described by
 * `keptAs`, which writes it. Both writes set the same text, so either may land first.
 */
export function useDebouncedText(
  stored: string,
  owner: string,
  save: (text: string) => unknown,
  keptAs: (text: string) => KeptText,
  /**
   * Whether the field's text already says what is stored. Text saved in another form (a selector list
   * stored split and trimmed) comes back different: the field keeps what the auditor typed, or a
   * trailing comma they are about to follow with another selector would vanish under their caret.
   */
  says: (text: string, stored: string) => boolean = (a, b) => a === b,
) {
  const backend = useBackend();
  const [text, setText] = useState(stored);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | null>(null);
  const saveRef = useLatest(save);
  const keptRef = useLatest(keptAs);
  // Read when the stored text changes, not each time the auditor types.
  const shown = useLatest({ text, says });

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (pending.current !== null) {
      const value = pending.current;
      pending.current = null;
      void saveRef.current(value);
    }
  }, [saveRef]);
  useEffect(() => {
    if (pending.current === null && !shown.current.says(shown.current.text, stored)) setText(stored);
  }, [stored, shown]);
  useEffect(() => {
    const leave = () => {
      const value = pending.current;
      flush();
      if (value !== null)
        void backend.request(ToWorker.KeepText, { kept: keptRef.current(value) }).catch(() => undefined);
    };
    addEventListener('pagehide', leave);
    return () => {
      removeEventListener('pagehide', leave);
      flush();
    };
  }, [owner, backend, flush, keptRef]);

  const onInput = (value: string) => {
    setText(value);
    pending.current = value;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, TEXT_SAVE_DELAY_MS);
  };
  return { text, onInput, flush };
}
