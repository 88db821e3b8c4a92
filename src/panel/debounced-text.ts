import { useEffect, useRef, useState } from 'preact/hooks';
import type { KeptText } from '../protocol.ts';
import { useActions } from './actions.ts';
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
  const actions = useActions();
  // The text belongs to the owner it was typed for: a field handed to another owner shows that
  // owner's stored text, and what was typed before goes to the owner it was typed for.
  const [local, setLocal] = useState({ owner, text: stored });
  const text = local.owner === owner ? local.text : stored;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<Unsaved | null>(null);
  const saveRef = useLatest(save);
  const keptRef = useLatest(keptAs);
  // Read when the stored text changes, not a reason to compare it again on each keystroke.
  const shownRef = useLatest({ owner, text, says });

  // "Saved" once the last text typed is stored, so the auditor sees that typing was enough.
  const [saved, setSaved] = useState(false);
  const flush = () => {
    clearTimeout(timer.current);
    const unsaved = pending.current;
    pending.current = null;
    if (unsaved) {
      void Promise.resolve(unsaved.save(unsaved.text)).then(
        () => setSaved(pending.current === null),
        () => undefined,
      );
    }
    return unsaved;
  };
  useEffect(() => {
    const shown = shownRef.current;
    if (pending.current === null && !shown.says(shown.text, stored)) setLocal({ owner: shown.owner, text: stored });
  }, [stored, shownRef]);
  useEffect(() => {
    const leave = () => {
      const unsaved = flush();
      if (unsaved) void actions.keepText(unsaved.keptAs(unsaved.text)).catch(() => undefined);
    };
    addEventListener('pagehide', leave);
    return () => {
      removeEventListener('pagehide', leave);
      flush();
    };
  }, [owner, actions]);

  const onInput = (value: string) => {
    setLocal({ owner, text: value });
    setSaved(false);
    pending.current = { text: value, save: saveRef.current, keptAs: keptRef.current };
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, TEXT_SAVE_DELAY_MS);
  };
  return { text, onInput, flush: () => void flush(), saved };
}

interface Unsaved {
  text: string;
  save: (text: string) => unknown;
  keptAs: (text: string) => KeptText;
}
