import { useEffect, useRef, useState } from 'preact/hooks';

/** Saved this long after the last keystroke: well inside the half second an edit may take to reach IndexedDB. */
export const TEXT_SAVE_DELAY_MS = 150;

/**
 * A text field's value that is local while the auditor types and saved after a short pause, on blur
 * (call `flush`), when the page is hidden or closed, and when the field goes away. A change from
 * elsewhere (another panel, an import) shows up unless the auditor is typing.
 */
export function useDebouncedText(stored: string, owner: string, save: (text: string) => unknown) {
  const [text, setText] = useState(stored);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = () => {
    clearTimeout(timer.current);
    if (pending.current !== null) {
      const value = pending.current;
      pending.current = null;
      void saveRef.current(value);
    }
  };
  useEffect(() => {
    if (pending.current === null) setText(stored);
  }, [stored]);
  useEffect(() => {
    addEventListener('pagehide', flush);
    return () => {
      removeEventListener('pagehide', flush);
      flush();
    };
  }, [owner]);

  const onInput = (value: string) => {
    setText(value);
    pending.current = value;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, TEXT_SAVE_DELAY_MS);
  };
  return { text, onInput, flush };
}
