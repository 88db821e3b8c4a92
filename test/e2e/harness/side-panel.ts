// The extension's real side panel, reached over a tunnelled CDP session (Playwright does not list
// side panels as Pages). See cdp.ts for the transport.
import type { CDPSession } from 'playwright-core';
import type { TunnelledSession } from './cdp.ts';
import {
  ARM_PRESS_CHECK,
  FINISH_FILL,
  FOCUS_AND_SELECT,
  LOCATE_FOR_CLICK,
  PRESS_REACHED_TARGET,
  SELECT_OPTION,
  callScript,
} from './page-scripts.ts';
import { poll, sleep } from './util.ts';

export interface PanelConsoleMessage {
  type: string;
  text: string;
}

export interface SidePanelHandle {
  /** CDP target id of the panel's page. */
  readonly targetId: string;
  /** Chrome windowId the panel belongs to. */
  readonly windowId: number;
  /** The raw tunnelled CDP session, for anything not wrapped here (`session.send(method, params)`). */
  readonly session: TunnelledSession;
  /** Evaluates a JS expression in the panel (promises awaited, result returned by value). */
  evaluate<T = unknown>(expression: string, opts?: { timeoutMs?: number }): Promise<T>;
  /** Polls `expression` until it is truthy and returns its value. */
  waitFor<T = unknown>(expression: string, opts?: { timeoutMs?: number; message?: string }): Promise<T>;
  /**
   * Clicks with real mouse events (Input.dispatchMouseEvent, so it is a user gesture).
   * `query`: `css=...`, `text=...`, or bare (CSS selector first, then visible text). Waits until the
   * element exists, is visible, enabled and not covered.
   */
  click(query: string, opts?: { timeoutMs?: number }): Promise<void>;
  /** Replaces the content of an input/textarea/contenteditable with `text` (Input.insertText), then fires `change`. */
  fill(selector: string, text: string, opts?: { timeoutMs?: number }): Promise<void>;
  /** Chooses an option (by value, label or text) of a <select>. */
  selectOption(selector: string, value: string, opts?: { timeoutMs?: number }): Promise<void>;
  /** Presses a key on the focused element (Input.dispatchKeyEvent), e.g. 'Enter', 'Escape', 'Tab'. */
  press(key: 'Enter' | 'Escape' | 'Tab' | 'Backspace' | 'ArrowDown' | 'ArrowUp' | ' '): Promise<void>;
  /** `document.body.innerText`, or the element's innerText. */
  text(selector?: string): Promise<string>;
  /** PNG of the panel (Page.captureScreenshot). */
  screenshot(): Promise<Buffer>;
  /** Reloads the panel page and waits for `document.readyState === 'complete'`. */
  reload(opts?: { timeoutMs?: number }): Promise<void>;
  /** Uncaught exceptions reported by the panel since the handle was made. */
  errors(): string[];
  /** console.* calls of the panel since the handle was made. */
  consoleMessages(): PanelConsoleMessage[];
  /** Closes the side panel itself (window.close() in the panel) and waits until its target is gone. */
  close(opts?: { timeoutMs?: number }): Promise<void>;
  /** Leaves the panel open and only drops the CDP session. */
  detach(): Promise<void>;
}

const KEYS: Record<string, { code: string; keyCode: number; text?: string }> = {
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  Escape: { code: 'Escape', keyCode: 27 },
  Tab: { code: 'Tab', keyCode: 9 },
  Backspace: { code: 'Backspace', keyCode: 8 },
  ArrowDown: { code: 'ArrowDown', keyCode: 40 },
  ArrowUp: { code: 'ArrowUp', keyCode: 38 },
  ' ': { code: 'Space', keyCode: 32, text: ' ' },
};

interface LocateResult {
  found: boolean;
  reason?: string;
  x?: number;
  y?: number;
  /** The element's box changed between two frames: a click now could land on what replaces it. */
  moving?: boolean;
  disabled?: boolean;
  covered?: boolean;
  coveredBy?: string | null;
  description?: string;
}

export class SidePanel implements SidePanelHandle {
  private readonly seenErrors: string[] = [];
  private readonly seenConsole: PanelConsoleMessage[] = [];

  constructor(
    readonly session: TunnelledSession,
    readonly windowId: number,
    private readonly browser: CDPSession,
    private readonly defaultTimeoutMs: number,
    private readonly closeViaHost: (windowId: number) => Promise<void>,
  ) {
    session.on('Runtime.exceptionThrown', (p) => {
      const d = (p as { exceptionDetails?: { text?: string; exception?: { description?: string } } }).exceptionDetails;
      this.seenErrors.push(d?.exception?.description ?? d?.text ?? 'unknown exception');
    });
    session.on('Runtime.consoleAPICalled', (p) => {
      const e = p as { type: string; args: Array<{ value?: unknown; description?: string }> };
      const text = e.args
        .map((a) =>
          typeof a.value === 'string'
            ? a.value
            : a.value !== undefined
              ? JSON.stringify(a.value)
              : (a.description ?? ''),
        )
        .join(' ');
      this.seenConsole.push({ type: e.type, text });
    });
  }

  get targetId(): string {
    return this.session.targetId;
  }

  /** Turns on Runtime events (errors/console) and waits until the document has loaded. */
  async init(timeoutMs: number): Promise<void> {
    await this.session.send('Runtime.enable');
    await this.waitFor<boolean>("document.readyState === 'complete'", {
      timeoutMs,
      message: 'side panel document did not finish loading',
    });
  }

  evaluate<T = unknown>(expression: string, opts?: { timeoutMs?: number }): Promise<T> {
    return this.session.evaluate<T>(expression, opts?.timeoutMs ?? this.defaultTimeoutMs);
  }

  async waitFor<T = unknown>(expression: string, opts?: { timeoutMs?: number; message?: string }): Promise<T> {
    const timeoutMs = opts?.timeoutMs ?? this.defaultTimeoutMs;
    try {
      return await poll(() => this.session.evaluate<T>(expression, timeoutMs), {
        timeoutMs,
        intervalMs: 50,
        message: opts?.message ?? `side panel: waiting for ${expression.slice(0, 200)}`,
      });
    } catch (err) {
      // A wait that fails in CI should say what the panel showed instead.
      if (err instanceof Error) err.message += await this.describeForFailure();
      throw err;
    }
  }

  private async describeForFailure(): Promise<string> {
    const shown = await this.session
      .evaluate<string>('document.body?.innerText ?? ""', 2_000)
      .catch((e: unknown) => `(unreadable: ${e instanceof Error ? e.message : String(e)})`);
    const logged = this.seenConsole.map((m) => `${m.type}: ${m.text}`);
    return `\n  panel text: ${JSON.stringify(shown.slice(0, 600))}\n  panel errors: ${JSON.stringify(this.seenErrors.slice(-5))}\n  panel console: ${JSON.stringify(logged.slice(-5))}`;
  }

  async click(query: string, opts?: { timeoutMs?: number }): Promise<void> {
    const timeoutMs = opts?.timeoutMs ?? this.defaultTimeoutMs;
    const until = Date.now() + timeoutMs;
    let last: LocateResult | undefined;
    for (;;) {
      let spot: LocateResult;
      try {
        spot = await poll(
          async () => {
            last = await this.session.evaluate<LocateResult>(callScript(LOCATE_FOR_CLICK, { query }));
            return last.found && !last.moving && !last.disabled && !last.covered ? last : undefined;
          },
          { timeoutMs: Math.max(0, until - Date.now()), message: `side panel: click(${JSON.stringify(query)})` },
        );
      } catch (err) {
        const why = !last
          ? ''
          : !last.found
            ? `: ${last.reason}`
            : last.moving
              ? `: ${last.description} keeps moving`
              : last.disabled
                ? `: ${last.description} stays disabled`
                : `: ${last.description} is covered by ${last.coveredBy}`;
        throw new Error(`${(err as Error).message}${why}`);
      }
      const x = spot.x ?? 0;
      const y = spot.y ?? 0;
      const mouse = { x, y, button: 'left', clickCount: 1 };
      await this.session.evaluate(callScript(ARM_PRESS_CHECK));
      await this.session.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
      await this.session.send('Input.dispatchMouseEvent', { ...mouse, type: 'mousePressed', buttons: 1 });
      await this.session.send('Input.dispatchMouseEvent', { ...mouse, type: 'mouseReleased', buttons: 0 });
      // The element moved between the look and the press: the press was swallowed, so look again.
      const reached = await this.session.evaluate<string>(callScript(PRESS_REACHED_TARGET)).catch(() => 'none');
      if (reached !== 'missed') return;
      if (Date.now() > until)
        throw new Error(`side panel: click(${JSON.stringify(query)}): the press kept missing ${spot.description}`);
    }
  }

  async fill(selector: string, text: string, opts?: { timeoutMs?: number }): Promise<void> {
    const timeoutMs = opts?.timeoutMs ?? this.defaultTimeoutMs;
    await poll(() => this.session.evaluate<boolean>(callScript(FOCUS_AND_SELECT, { selector })), {
      timeoutMs,
      message: `side panel: fill(${JSON.stringify(selector)}): no such element`,
    });
    if (text !== '') await this.session.send('Input.insertText', { text });
    await this.session.evaluate(callScript(FINISH_FILL, { selector, text }));
  }

  async selectOption(selector: string, value: string, opts?: { timeoutMs?: number }): Promise<void> {
    const timeoutMs = opts?.timeoutMs ?? this.defaultTimeoutMs;
    let problem = '';
    try {
      await poll(
        async () => {
          problem = await this.session.evaluate<string>(callScript(SELECT_OPTION, { selector, value }));
          return problem === '';
        },
        { timeoutMs, message: `side panel: selectOption(${JSON.stringify(selector)}, ${JSON.stringify(value)})` },
      );
    } catch (err) {
      throw new Error(`${(err as Error).message}: ${problem}`);
    }
  }

  async press(key: keyof typeof KEYS): Promise<void> {
    const k = KEYS[key];
    if (!k) throw new Error(`press: unsupported key ${JSON.stringify(key)}`);
    const base = { key, code: k.code, windowsVirtualKeyCode: k.keyCode, nativeVirtualKeyCode: k.keyCode };
    await this.session.send('Input.dispatchKeyEvent', {
      ...base,
      type: k.text ? 'keyDown' : 'rawKeyDown',
      ...(k.text ? { text: k.text } : {}),
    });
    await this.session.send('Input.dispatchKeyEvent', { ...base, type: 'keyUp' });
  }

  text(selector?: string): Promise<string> {
    const expr = selector
      ? `(() => { const el = document.querySelector(${JSON.stringify(selector)}); if (!el) throw new Error('no element matches ' + ${JSON.stringify(JSON.stringify(selector))}); return el.innerText; })()`
      : 'document.body ? document.body.innerText : ""';
    return this.session.evaluate<string>(expr);
  }

  async screenshot(): Promise<Buffer> {
    const { data } = await this.session.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    return Buffer.from(data, 'base64');
  }

  async reload(opts?: { timeoutMs?: number }): Promise<void> {
    const timeoutMs = opts?.timeoutMs ?? this.defaultTimeoutMs;
    const before = await this.session.evaluate<number>('performance.timeOrigin');
    await this.session.send('Page.reload', {});
    await this.waitFor<boolean>(`performance.timeOrigin !== ${before} && document.readyState === 'complete'`, {
      timeoutMs,
      message: 'side panel: reload did not finish',
    });
  }

  errors(): string[] {
    return [...this.seenErrors];
  }

  consoleMessages(): PanelConsoleMessage[] {
    return [...this.seenConsole];
  }

  async close(opts?: { timeoutMs?: number }): Promise<void> {
    const timeoutMs = opts?.timeoutMs ?? this.defaultTimeoutMs;
    const targetId = this.targetId;
    const gone = async () => {
      const { targetInfos } = await this.browser.send('Target.getTargets');
      return !targetInfos.some((t) => t.targetId === targetId);
    };
    if (!this.session.isDetached) {
      // window.close() closes a side panel; the session may drop before the answer arrives.
      await this.session.evaluate('window.close(), true', 2_000).catch(() => undefined);
    }
    try {
      await poll(gone, { timeoutMs: Math.min(timeoutMs, 3_000), message: 'side panel: window.close()' });
    } catch {
      await this.closeViaHost(this.windowId); // chrome.sidePanel.close({ windowId })
      await poll(gone, { timeoutMs, message: `side panel in window ${this.windowId} did not close` });
    }
    await this.session.detach();
    await sleep(0);
  }

  detach(): Promise<void> {
    return this.session.detach();
  }
}
