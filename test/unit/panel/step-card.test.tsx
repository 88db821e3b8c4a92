// @vitest-environment jsdom
// Issue 17 part 4: what arrives after a step's first paint (its screenshot, its signals) has its
// place kept from the start. The pixels are measured in test/e2e/note-race.test.ts; this checks the
// markup that keeps the places.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Screenshot, Step } from '../../../src/domain/model.ts';
import { StepCard } from '../../../src/panel/components/StepCard.tsx';
import { makeSignals, makeStep } from '../scores/factory.ts';
import type { FakeBackend } from './fake-backend.ts';
import { freshPanelTest, mount, text, unmountAll } from './harness.tsx';

let backend: FakeBackend;
beforeEach(() => (backend = freshPanelTest()));
afterEach(() => unmountAll());

const card = (step: Step, shots: Screenshot[] = []) =>
  mount(
    backend,
    <StepCard
      step={step}
      shots={shots}
      selected
      dwellMs={null}
      frame={{ width: 1280, height: 800 }}
      onSelect={() => undefined}
    />,
  ).container;

const shot = (stepId: string): Screenshot => ({
  id: 'sh1',
  auditId: 'a1',
  stepId,
  takenAt: '2026-11-23T10:00:01.000Z',
  mime: 'image/jpeg',
  width: 1280,
  height: 800,
  bytes: 1000,
  sha256: '0'.repeat(64),
  thumbWidth: 320,
  thumbHeight: 200,
  thumbBytes: 100,
  masked: true,
  maskedFields: 0,
});

const chips = (c: HTMLElement) =>
  [...c.querySelectorAll<HTMLElement>('.signals > .signal')].map((el) => el.dataset.signal ?? el.dataset.vital);

describe('a step card before and after its screenshot and signals arrive', () => {
  it('keeps a box of the tab viewport’s shape for the screenshot being taken, then the screenshot’s own', () => {
    const waiting = card(makeStep({ id: 'st0', capture: { status: 'pending' }, signals: null }));
    const box = waiting.querySelector<HTMLElement>('.step__shots .shot--waiting');
    expect(box?.style.aspectRatio).toBe('1280 / 800');
    expect(text(box)).toBe('Screenshot once the page has settled…');
    // The notice is in the box, not in a line of its own above the ratings.
    expect(waiting.querySelector('.step__notice')).toBeNull();

    const done = card(makeStep({ id: 'st1', capture: { status: 'ok' }, signals: null }), [shot('st1')]);
    expect(done.querySelector<HTMLElement>('.step__shots .shot')?.style.aspectRatio).toBe('1280 / 800');
    expect(done.querySelector('.shot--waiting')).toBeNull();
  });

  it('shows every signal chip before the signals arrive, with a dash, and the same chips after', () => {
    const before = card(makeStep({ id: 'st0', signals: null }));
    const after = card(makeStep({ id: 'st1', signals: makeSignals({ clicks: 12, lcpMs: 900, cls: null, inpMs: 40 }) }));
    expect(chips(before)).toEqual(chips(after));
    expect(chips(before)).toEqual([
      'dwell',
      'clicks',
      'rageClicks',
      'deadClicks',
      'formErrors',
      'backNavigations',
      'fields',
      'lcp',
      'cls',
      'inp',
    ]);
    expect(before.querySelector<HTMLElement>('.signals')?.dataset.observed).toBe('false');
    expect(after.querySelector<HTMLElement>('.signals')?.dataset.observed).toBe('true');
    expect(text(before.querySelector('[data-signal="clicks"]'))).toBe('– clicks');
    expect(text(after.querySelector('[data-signal="clicks"]'))).toBe('12 clicks');
    // A vital the browser did not record stays a dash, never a rating.
    expect(text(after.querySelector('[data-vital="cls"]'))).toBe('CLS –');
    expect(after.querySelector('[data-vital="cls"]')?.hasAttribute('data-rating')).toBe(false);
    expect(after.querySelector('[data-vital="lcp"]')?.getAttribute('data-rating')).toBe('good');
  });
});
