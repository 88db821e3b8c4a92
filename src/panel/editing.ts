// Whether the auditor is working in one step's editor, so that a step arriving meanwhile waits
// instead of taking the editor (and the caret, and the rest of the sentence) away.
import { useEffect, useRef } from 'preact/hooks';

const CARET_TYPES = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password', 'number']);

/** Whether `el` shows a caret that typing goes into. */
export function hasCaret(el: Element | null): boolean {
  if (!el) return false;
  if (el.tagName === 'TEXTAREA') return true;
  if (el.tagName === 'INPUT') return CARET_TYPES.has((el.getAttribute('type') ?? '').toLowerCase());
  return (el as HTMLElement).isContentEditable === true;
}

/** The step whose editor holds `el`: the editor itself, or a part of the step's editing beside it. */
const editorOf = (el: Element | null): string | null => {
  const part = el?.closest('[data-editor-for], [data-edits-step]');
  return part?.getAttribute('data-editor-for') ?? part?.getAttribute('data-edits-step') ?? null;
};

/** The step whose editor holds a caret in a panel that has focus: the auditor is typing there. */
export function typingIn(doc: Document): string | null {
  const active = doc.activeElement;
  return doc.hasFocus() && hasCaret(active) ? editorOf(active) : null;
}

/** Whether focus is still somewhere in the editor of `stepId` in a panel that has focus. */
export function stillIn(doc: Document, stepId: string): boolean {
  return doc.hasFocus() && editorOf(doc.activeElement) === stepId;
}

/**
 * Calls `onLeave` once focus has left the editor of `stepId` (another element, the panel left for the
 * audited page). A press of the pointer is waited out first: mid-click, focus sits on the body for a
 * moment, and switching steps then would move what the click is about to land on.
 */
export function useLeaveEditor(stepId: string | null, onLeave: () => void): void {
  const leave = useRef(onLeave);
  leave.current = onLeave;
  useEffect(() => {
    if (!stepId) return;
    let pressed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      // After the focus change (and the click that follows a release) has settled.
      timer = setTimeout(() => {
        if (!pressed && !stillIn(document, stepId)) leave.current();
      });
    };
    const down = () => {
      pressed = true;
    };
    const up = () => {
      pressed = false;
      check();
    };
    // A press released outside the panel never reports its release.
    const blur = up;
    document.addEventListener('focusout', check, true);
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('pointerup', up, true);
    document.addEventListener('pointercancel', up, true);
    addEventListener('blur', blur);
    check();
    return () => {
      clearTimeout(timer);
      document.removeEventListener('focusout', check, true);
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('pointerup', up, true);
      document.removeEventListener('pointercancel', up, true);
      removeEventListener('blur', blur);
    };
  }, [stepId]);
}
