// Issue 18, part 2, in a real Chromium: e-mails, phone numbers and card numbers shown as text (in
// the page, in open and closed shadow roots, in a cross-site iframe) are covered in the stored JPEG,
// while a price, a date, an order number and a number failing the Luhn check stay readable; with the
// audit's text switch off, the same text shows.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Screenshot } from '../../src/domain/model.ts';
import { onePageAuditFixture } from './support/one-page-audit.ts';
import { audits, eventually } from './support/peakend.ts';
import { boxStats, captureStep, storedJpeg, type Box, type BoxStats } from './support/stored-pixels.ts';
import {
  FRAME_CONTROLS,
  FRAME_SENSITIVE,
  TOP_CONTROLS,
  TOP_SENSITIVE,
  privacyTextFrame,
  privacyTextPage,
} from './support/privacy-text-fixture.ts';

const names = (list: ReadonlyArray<readonly [string, string]>) => list.map(([t]) => t);
const SENSITIVE = [...names(TOP_SENSITIVE), ...names(FRAME_SENSITIVE)];
const CONTROLS = [...names(TOP_CONTROLS), ...names(FRAME_CONTROLS)];

const fx = onePageAuditFixture('/order.html', (req, server) =>
  req.url === '/frame.html' ? privacyTextFrame() : privacyTextPage(`${server.otherSiteUrl}/frame.html`),
);

/** Each named span's box in `target`'s viewport, shrunk by 2 px (JPEG edges bleed), moved by `dx, dy`. */
function boxesIn(target: Page | Frame, ts: readonly string[], dx = 0, dy = 0): Promise<Box[]> {
  return target.evaluate(
    ({ ts, dx, dy }) =>
      ts.map((t) => {
        const el = (window as unknown as { textEl(t: string): Element | undefined }).textEl(t);
        if (!el) throw new Error(`no ${t} on the page`);
        const r = el.getBoundingClientRect();
        return [
          Math.round(r.left + dx) + 2,
          Math.round(r.top + dy) + 2,
          Math.round(r.width) - 4,
          Math.round(r.height) - 4,
        ];
      }) as Box[],
    { ts, dx, dy },
  );
}

/** Luminance statistics of every named span's box in the stored image of `shot`. */
async function stats(shot: Screenshot): Promise<Map<string, BoxStats>> {
  const top = [...names(TOP_SENSITIVE), ...names(TOP_CONTROLS)];
  const inFrame = [...names(FRAME_SENSITIVE), ...names(FRAME_CONTROLS)];
  const frame = fx.page.frames().find((f) => f.url().endsWith('/frame.html'))!;
  const at = await fx.page.evaluate(() => {
    const r = document.querySelector('iframe')!.getBoundingClientRect();
    return { x: r.left, y: r.top };
  });
  const boxes = [...(await boxesIn(fx.page, top)), ...(await boxesIn(frame, inFrame, at.x, at.y))];
  const out = await boxStats(fx.panel, await storedJpeg(fx.h, shot), boxes);
  return new Map([...top, ...inFrame].map((t, i) => [t, out[i]!]));
}

const covered = (s: BoxStats) => s.max < 60 && s.sd < 12;
const readable = (s: BoxStats) => s.max > 200 && s.min < 100 && s.sd > 30;
const show = (m: Map<string, BoxStats>, ts: string[]) =>
  ts.map((t) => `${t}: max ${Math.round(m.get(t)!.max)} sd ${Math.round(m.get(t)!.sd)}`).join('; ');

describe('privacy: personal data shown as text', () => {
  it('covers e-mails, phones and card numbers in the page, its shadow roots and a cross-site frame', async () => {
    const shot = await captureStep(fx, fx.step);
    const m = await stats(shot);
    const leaked = SENSITIVE.filter((t) => !covered(m.get(t)!));
    console.log(`[e2e] privacy text: ${SENSITIVE.length - leaked.length} of ${SENSITIVE.length} texts covered`);
    expect(leaked, show(m, leaked)).toEqual([]);
    const hidden = CONTROLS.filter((t) => !readable(m.get(t)!));
    expect(hidden, `controls covered: ${show(m, hidden)}`).toEqual([]);
    // Text is not a field: the screenshot's field count stays that of the fields (none here).
    expect(shot.maskedFields).toBe(0);
  }, 60_000);

  it("shows the text once the audit's switch is off, as the auditor sets it in the panel", async () => {
    await fx.panel.getByText('Privacy: sensitive fields masked').click();
    const box = fx.panel.getByRole('checkbox', { name: 'Cover e-mails, phone numbers and card numbers shown as text' });
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await eventually(
      () => audits(fx.h),
      (list) => list[0]?.maskText === false,
    );
    const m = await stats(await captureStep(fx, fx.step));
    const stillHidden = [...SENSITIVE, ...CONTROLS].filter((t) => !readable(m.get(t)!));
    expect(stillHidden, show(m, stillHidden)).toEqual([]);
  }, 60_000);
});
