// Keys for fast rating without the mouse: 1-7 set the selected step's ease, Alt+1..9 its valence
// (-4..+4). Never while typing in a field, and never a key whose field was just taken away by a
// re-render: those keys belong to text (measured: a note's "3 tries and 5 clicks" set ease to 5).
export type RatingKey = { kind: 'ease'; value: number } | { kind: 'valence'; value: number };

type Target = { tagName?: string; isContentEditable?: boolean; type?: string } | null;

/** Whether typing into `target` makes text (a radio takes no text, so a digit on it is still a rating). */
export function takesText(target: Target): boolean {
  const tag = target?.tagName;
  if (tag === 'INPUT') return target?.type !== 'radio';
  return tag === 'TEXTAREA' || tag === 'SELECT' || !!target?.isContentEditable;
}

export function ratingFromKey(
  event: Pick<KeyboardEvent, 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'target'>,
  /** The focused element was removed before this key (see `watchLostFocus`). */
  focusLost = false,
): RatingKey | null {
  if (focusLost || takesText(event.target as Target)) return null;
  if (event.ctrlKey || event.metaKey || event.shiftKey) return null;
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  if (!match) return null;
  const digit = Number(match[1]);
  if (event.altKey) return { kind: 'valence', value: digit - 5 };
  return digit <= 7 ? { kind: 'ease', value: digit } : null;
}

/**
 * Tells whether focus was lost to a re-render: the element last focused is gone from the document
 * and nothing has been focused or pressed since. Keys typed then land on the body although the
 * auditor aimed them at that element. Pressing the pointer anywhere, or focusing anything, is a
 * deliberate choice again.
 */
export function watchLostFocus(doc: Document): { lost: () => boolean; stop: () => void } {
  let last: Element | null = null;
  const onFocus = (event: FocusEvent) => {
    last = event.target instanceof Element ? event.target : null;
  };
  const onPointer = () => {
    last = null;
  };
  doc.addEventListener('focusin', onFocus, true);
  doc.addEventListener('pointerdown', onPointer, true);
  return {
    lost: () => {
      const active = doc.activeElement;
      return !!last && !last.isConnected && (!active || active === doc.body || active === doc.documentElement);
    },
    stop: () => {
      doc.removeEventListener('focusin', onFocus, true);
      doc.removeEventListener('pointerdown', onPointer, true);
    },
  };
}
