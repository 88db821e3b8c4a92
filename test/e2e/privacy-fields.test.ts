// Issue 18, part 1, in a real Chromium: every field of the privacy fixture is typed into, the step
// is captured, and the stored JPEG is read inside each field's box. A covered field has no bright
// pixel; a control field (same text, neutral name) keeps its white background and black text.
import { describe, expect, it } from 'vitest';
import type { Screenshot } from '../../src/domain/model.ts';
import { PIXEL_SCRIPT } from './support/jpeg.ts';
import { onePageAuditFixture } from './support/one-page-audit.ts';
import { blobs } from './support/peakend.ts';
import { CONTROLS, PRIVACY_FIXTURE_HTML, SENSITIVE } from './support/privacy-fixture.ts';
import { captureStep } from './support/stored-pixels.ts';

const TYPED = 'Sensitive 4111 2222';

const fx = onePageAuditFixture('/privacy.html', () => PRIVACY_FIXTURE_HTML);

/** Captures the step again (the panel's Capture) and returns the new screenshot. */
const captureAgain = (): Promise<Screenshot> => captureStep(fx, fx.step);

/** Brightest pixel inside each named field's box (shrunk by 3 px: JPEG edges bleed). */
async function brightest(shot: Screenshot, names: readonly string[]): Promise<Map<string, number>> {
  const boxes = await fx.page.evaluate((ts) => {
    const find = (window as unknown as { fieldEl: (t: string) => Element }).fieldEl;
    return ts.map((t) => {
      const r = find(t).getBoundingClientRect();
      return [Math.round(r.left) + 3, Math.round(r.top) + 3, Math.round(r.width) - 6, Math.round(r.height) - 6];
    });
  }, names);
  const full = (await blobs(fx.h, true)).find((b) => b.kind === 'full' && b.shotId === shot.id)!;
  const stats = await fx.page.evaluate<Array<{ max: number }>>(
    `(${PIXEL_SCRIPT})(${JSON.stringify({ base64: full.blob.base64, points: boxes })})`,
  );
  return new Map(names.map((t, i) => [t, stats[i]!.max]));
}

describe('privacy fixture: sensitive fields wherever they are', () => {
  it('covers every sensitive field once typed into, and leaves the controls readable', async () => {
    for (const t of [...SENSITIVE, ...CONTROLS]) {
      await fx.page.evaluate(
        (name) => (window as unknown as { fieldEl(t: string): HTMLElement }).fieldEl(name).focus(),
        t,
      );
      await fx.page.keyboard.type(TYPED);
    }
    // The shopper checks what they typed: the password turns to plain text.
    await fx.page.locator('#show-password').click();
    expect(await fx.page.locator('[data-t="shown-password"]').getAttribute('type')).toBe('text');
    await fx.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const shot = await captureAgain();
    const max = await brightest(shot, [...SENSITIVE, ...CONTROLS]);
    const leaked = SENSITIVE.filter((t) => max.get(t)! >= 40);
    console.log(
      `[e2e] privacy fixture: ${SENSITIVE.length - leaked.length} of ${SENSITIVE.length} sensitive fields covered`,
    );
    expect(leaked, 'sensitive fields with a bright pixel in the screenshot').toEqual([]);
    // Uncovered: the white field background is there (and the typed text, which the box includes).
    for (const t of CONTROLS) expect(max.get(t)!, `${t} stays readable`).toBeGreaterThan(200);
    expect(shot.maskedFields).toBe(SENSITIVE.length);
  }, 60_000);
});
