// Panel test harness: English messages for t(), rendering inside the backend context into a jsdom
// container, finding controls by role and accessible name, and real DOM events.
import { readFileSync } from 'node:fs';
import type { ComponentChildren } from 'preact';
import { render } from 'preact';
import { setMessages } from '../../../src/i18n/t.ts';
import { BackendContext } from '../../../src/panel/context.ts';
import type { Audit, Step } from '../../../src/domain/model.ts';
import { openPeakendDb, putAudit, resetDbCache } from '../../../src/store/index.ts';
import { fakeBackend, type FakeBackend } from './fake-backend.ts';

/** English messages for t() (tests run from the repository root). */
export function loadEnglish(): void {
  setMessages(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')));
}

/** A test's fresh start: an empty store (the setup gives each test a new IDBFactory), English, a fake backend. */
export function freshPanelTest(options?: Parameters<typeof fakeBackend>[0]): FakeBackend {
  resetDbCache();
  loadEnglish();
  return fakeBackend(options);
}

export interface Mounted {
  container: HTMLElement;
  unmount(): void;
}

const mounted: Mounted[] = [];

export function mount(backend: FakeBackend, ui: ComponentChildren): Mounted {
  const container = document.createElement('div');
  document.body.append(container);
  render(<BackendContext.Provider value={backend}>{ui}</BackendContext.Provider>, container);
  const m = {
    container,
    unmount() {
      render(null, container);
      container.remove();
    },
  };
  mounted.push(m);
  return m;
}

/**
 * Unmount everything mounted by this test (call in afterEach), then let Preact's after-paint
 * callbacks (35 ms timeout) and the writes flushed on unmount finish while jsdom is still there.
 */
export async function unmountAll(): Promise<void> {
  for (const m of mounted.splice(0)) m.unmount();
  await sleep(60);
}

export async function seed(audit: Audit, steps: Step[] = []): Promise<void> {
  const db = await openPeakendDb();
  await putAudit(db, { ...audit, stepCount: steps.length });
  for (const step of steps) await db.put('steps', step);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry `check` until it stops throwing (or `timeout` ms pass, then throw its last error). */
export async function waitFor<T>(check: () => T | Promise<T>, timeout = 1000): Promise<T> {
  const start = Date.now();
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() - start > timeout) throw error;
      await sleep(10);
    }
  }
}

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A simplified accessible name: aria-label, aria-labelledby, wrapping or for= label, own text. */
export function accessibleName(el: Element): string {
  const aria = el.getAttribute('aria-label');
  if (aria) return aria.trim();
  const by = el.getAttribute('aria-labelledby');
  if (by)
    return by
      .split(/\s+/)
      .map((id) => text(el.ownerDocument.getElementById(id)))
      .join(' ');
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
    const label = el.closest('label') ?? (el.id ? el.ownerDocument.querySelector(`label[for="${el.id}"]`) : null);
    if (label) {
      // The label's text without the text of the control itself (a select's options).
      const clone = label.cloneNode(true) as Element;
      clone.querySelectorAll('select, textarea').forEach((c) => c.remove());
      return text(clone);
    }
    return '';
  }
  return text(el);
}

type Role = 'radio' | 'checkbox' | 'button' | 'textbox' | 'combobox' | 'alert' | 'status';

const SELECTOR: Record<Role, string> = {
  radio: 'input[type="radio"]',
  checkbox: 'input[type="checkbox"]',
  button: 'button',
  textbox: 'textarea, input:not([type]), input[type="text"]',
  combobox: 'select',
  alert: '[role="alert"]',
  status: '[role="status"]',
};

export function allByRole<E extends Element = HTMLElement>(root: ParentNode, role: Role, name?: string | RegExp): E[] {
  return [...root.querySelectorAll<E>(SELECTOR[role])].filter((el) => {
    if (name === undefined) return true;
    const n = accessibleName(el);
    return typeof name === 'string' ? n === name : name.test(n);
  });
}

export function byRole<E extends Element = HTMLElement>(root: ParentNode, role: Role, name?: string | RegExp): E {
  const found = allByRole<E>(root, role, name);
  if (found.length !== 1) {
    throw new Error(`expected one ${role} named ${String(name)}, found ${found.length}`);
  }
  return found[0] as E;
}

export function click(el: Element): void {
  (el as HTMLElement).click();
}

export function type(el: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  el.focus();
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

export function blur(el: HTMLElement): void {
  el.dispatchEvent(new FocusEvent('blur'));
  el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

export { text };
