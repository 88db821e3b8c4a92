// One test page, served on 127.0.0.1, audited: the set-up of the privacy tests, which each read what
// the stored screenshots of a single page show. Started once for a test file, closed after it.
import type { IncomingMessage } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Step } from '../../../src/domain/model.ts';
import { launchExtension, type Harness } from '../harness/index.ts';
import { serve, type LocalServer } from './offline.ts';
import { eventually, openPanel, startAudit, steps } from './peakend.ts';

export interface OnePageAudit {
  readonly server: LocalServer;
  readonly h: Harness;
  /** The audited tab, on the page. */
  readonly page: Page;
  readonly panel: Page;
  readonly windowId: number;
  /** The audit's first and only step: the page, its first capture settled. */
  readonly step: Step;
}

/**
 * Serves `html` (given the request, and the server for its cross-site address), opens `path` of it
 * in a browser with Peakend, and starts an audit there from the panel.
 */
export function onePageAuditFixture(
  path: string,
  html: (req: IncomingMessage, server: LocalServer) => string,
): OnePageAudit {
  // Filled in by beforeAll: the tests read it once it has run.
  const audit = {} as { -readonly [K in keyof OnePageAudit]: OnePageAudit[K] };
  beforeAll(async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html(req, server));
    });
    audit.server = server;
    const h = (audit.h = await launchExtension());
    const page = h.context.pages()[0] ?? (await h.context.newPage());
    const windowId = await h.windowIdOf(page);
    await page.goto(`${server.url}${path}`);
    const panel = await openPanel({ h, windowId });
    await startAudit(panel);
    const [step] = await eventually(
      () => steps(h),
      (list) => list.length === 1 && list[0]!.capture.status !== 'pending',
    );
    Object.assign(audit, { page, panel, windowId, step: step! });
  }, 60_000);
  afterAll(async () => {
    await audit.h?.close();
    await audit.server?.close();
  });
  return audit;
}
