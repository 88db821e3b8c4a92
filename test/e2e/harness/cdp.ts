// A CDP session to a target that Playwright does not manage (the extension's side panel), tunnelled
// through a browser-level session: Target.attachToTarget {flatten: false}, then every command is a
// Target.sendMessageToTarget and every answer/event a Target.receivedMessageFromTarget.
// (Playwright's CDPSession cannot address flatten:true child sessions, so the old tunnel is used.)
import type { CDPSession } from 'playwright-core';
import { errorMessage, withTimeout } from './util.ts';

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface WireMessage {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: string };
}

export interface RemoteEvaluateResult {
  result: { type: string; subtype?: string; value?: unknown; description?: string; unserializableValue?: string };
  exceptionDetails?: { text: string; exception?: { description?: string; value?: unknown } };
}

export class TunnelledSession {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(params: unknown) => void>>();
  private detachedReason: string | undefined;
  private readonly onMessage: (e: { sessionId: string; message: string }) => void;
  private readonly onDetached: (e: { sessionId: string }) => void;

  private constructor(
    private readonly browser: CDPSession,
    readonly targetId: string,
    readonly sessionId: string,
    private readonly defaultTimeoutMs: number,
  ) {
    this.onMessage = (e) => {
      if (e.sessionId !== this.sessionId) return;
      let msg: WireMessage;
      try {
        msg = JSON.parse(e.message) as WireMessage;
      } catch {
        return;
      }
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        if (msg.error)
          p.reject(new Error(`${p.method}: ${msg.error.message}${msg.error.data ? ` (${msg.error.data})` : ''}`));
        else p.resolve(msg.result);
      } else if (msg.method) {
        for (const fn of this.listeners.get(msg.method) ?? []) fn(msg.params);
      }
    };
    this.onDetached = (e) => {
      if (e.sessionId === this.sessionId) this.dispose('target detached (closed or crashed)');
    };
    browser.on('Target.receivedMessageFromTarget', this.onMessage);
    browser.on('Target.detachedFromTarget', this.onDetached);
  }

  static async attach(browser: CDPSession, targetId: string, timeoutMs: number): Promise<TunnelledSession> {
    const { sessionId } = await withTimeout(
      browser.send('Target.attachToTarget', { targetId, flatten: false }),
      timeoutMs,
      `CDP: attaching to target ${targetId}`,
    );
    return new TunnelledSession(browser, targetId, sessionId, timeoutMs);
  }

  get isDetached(): boolean {
    return this.detachedReason !== undefined;
  }

  send<T = unknown>(
    method: string,
    params: Record<string, unknown> = {},
    timeoutMs = this.defaultTimeoutMs,
  ): Promise<T> {
    if (this.detachedReason) return Promise.reject(new Error(`CDP ${method}: session is gone: ${this.detachedReason}`));
    const id = ++this.nextId;
    const answer = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject });
    });
    this.browser
      .send('Target.sendMessageToTarget', {
        sessionId: this.sessionId,
        message: JSON.stringify({ id, method, params }),
      })
      .catch((err: unknown) => {
        const p = this.pending.get(id);
        this.pending.delete(id);
        p?.reject(new Error(`CDP ${method}: could not send: ${errorMessage(err)}`));
      });
    return withTimeout(answer, timeoutMs, `CDP ${method} on target ${this.targetId}`).finally(() =>
      this.pending.delete(id),
    );
  }

  on(method: string, fn: (params: unknown) => void): () => void {
    let set = this.listeners.get(method);
    if (!set) this.listeners.set(method, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  /** Runtime.evaluate with awaitPromise + returnByValue; throws the page's exception as an Error. */
  async evaluate<T>(expression: string, timeoutMs = this.defaultTimeoutMs): Promise<T> {
    const res = await this.send<RemoteEvaluateResult>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true, userGesture: true },
      timeoutMs,
    );
    if (res.exceptionDetails) {
      const d = res.exceptionDetails;
      throw new Error(
        `evaluate failed: ${d.exception?.description ?? d.text}\n  expression: ${expression.slice(0, 300)}`,
      );
    }
    if (res.result.unserializableValue !== undefined) {
      const u = res.result.unserializableValue;
      if (u === 'NaN') return Number.NaN as T;
      if (u === 'Infinity') return Number.POSITIVE_INFINITY as T;
      if (u === '-Infinity') return Number.NEGATIVE_INFINITY as T;
      if (u === '-0') return -0 as T;
      if (u.endsWith('n')) return BigInt(u.slice(0, -1)) as T;
    }
    return res.result.value as T;
  }

  async detach(): Promise<void> {
    if (this.detachedReason) return;
    this.dispose('detached by the harness');
    await this.browser.send('Target.detachFromTarget', { sessionId: this.sessionId }).catch(() => undefined);
  }

  private dispose(reason: string): void {
    if (this.detachedReason) return;
    this.detachedReason = reason;
    this.browser.off('Target.receivedMessageFromTarget', this.onMessage);
    this.browser.off('Target.detachedFromTarget', this.onDetached);
    for (const [, p] of this.pending) p.reject(new Error(`CDP ${p.method}: ${reason}`));
    this.pending.clear();
  }
}
