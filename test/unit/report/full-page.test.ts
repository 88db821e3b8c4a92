// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildReportData } from '../../../src/report/data.ts';
import { renderReportHtml } from '../../../src/report/html/render.ts';
import { dataUrlImages } from '../../../src/report/images.ts';
import { imageBytes, journeyAudit, journeySteps, shotFor, loadMessages } from './fixtures.ts';

loadMessages();

describe('HTML report: full-page screenshots', () => {
  const steps = journeySteps();
  const [first, second] = [steps[0]!, steps[1]!];
  const blobs = new Map<string, Uint8Array>();
  const viewport = shotFor(first, imageBytes(2000, 1));
  const full = { ...shotFor(first, imageBytes(3000, 2), 1), kind: 'full-page' as const, height: 4000 };
  const cut = { ...shotFor(second, imageBytes(3000, 3), 1), kind: 'full-page' as const, height: 16_384, cut: true };
  for (const shot of [viewport, full, cut]) blobs.set(shot.id, imageBytes(shot.bytes, 9));
  const data = buildReportData(journeyAudit(), steps, [viewport, full, cut], '2026-12-05T12:00:00.000Z');
  const doc = new DOMParser().parseFromString(
    renderReportHtml(data, dataUrlImages(data.screenshots, blobs), { locale: 'en' }),
    'text/html',
  );
  const figure = (id: string) => doc.querySelector(`figure[data-shot-id="${id}"]`);

  it('shows a full page with the step, captioned with its size, beside the viewport capture', () => {
    const fig = figure(full.id);
    expect(fig?.classList.contains('full-page')).toBe(true);
    expect(fig?.querySelector('figcaption')?.textContent).toBe('Full page, 1280 × 4000 pixels');
    expect(fig?.querySelector('img')?.getAttribute('height')).toBe('4000');
    expect(figure(viewport.id)?.querySelector('figcaption')).toBeNull();
  });

  it('says when a full page was cut at the height limit', () => {
    expect(figure(cut.id)?.querySelector('figcaption')?.textContent).toBe(
      'Full page, cut at 16384 pixels (the page is taller)',
    );
  });
});
