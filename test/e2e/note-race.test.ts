// Issue 17 parts 3 and 4 in the real side panel, on the demo shop: a note typed at a human pace
// while the next page loads stays whole on its own step, and the rating controls of a new step hold
// still while its screenshot and signals arrive.
import { describe, expect, it } from 'vitest';
import { DEMO_JOURNEY } from '../../scripts/demo-shop/pages.ts';
import type { SidePanelHandle } from './harness/index.ts';
import { eventually, settled, steps, type Session, demoShopFixture } from './support/peakend.ts';

const LISTING = DEMO_JOURNEY[1]!;
const PRODUCT = DEMO_JOURNEY[2]!;

const demo = demoShopFixture();
let s: Session | null = null;

/** The audited tab on the listing, an audit started from the real side panel, its first step settled. */
async function recordListing(): Promise<{ s: Session; side: SidePanelHandle }> {
  s = await demo.launch();
  await s.page.goto(`${demo.shop.url}${LISTING.path}`);
  const side = await s.h.openSidePanel(s.windowId);
  await side.waitFor(`document.querySelector('h1')?.textContent === 'Audits'`);
  await side.click('New audit');
  await side.waitFor(`document.querySelector('input[name=auditor]') !== null`);
  await side.fill('input[name=auditor]', 'fox');
  await side.click('Start audit');
  // The first step's card, waited for in the panel: a wait that fails says what the panel showed.
  await side.waitFor(`document.querySelector('li.step[data-step-index="0"]') !== null`);
  await eventually(
    () => steps(s!.h),
    (list) => list.length === 1 && settled(list),
  );
  await side.waitFor(`document.querySelector('li.step[data-step-index="0"] [data-editor-for] textarea') !== null`);
  return { s, side };
}

/** One key as a keyboard sends it: keyDown with its text, then keyUp. */
async function pressKey(side: SidePanelHandle, ch: string): Promise<void> {
  const upper = ch !== ch.toLowerCase();
  const code = ch === ' ' ? 'Space' : /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`;
  const keyCode = ch === ' ' ? 32 : ch.toUpperCase().charCodeAt(0);
  const base = {
    key: ch,
    code,
    windowsVirtualKeyCode: keyCode,
    nativeVirtualKeyCode: keyCode,
    modifiers: upper ? 8 : 0,
  };
  await side.session.send('Input.dispatchKeyEvent', {
    ...base,
    type: 'keyDown',
    text: ch,
    unmodifiedText: ch.toLowerCase(),
  });
  await side.session.send('Input.dispatchKeyEvent', { ...base, type: 'keyUp' });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Types at a steady human pace: one key every 60-120 ms (a fixed spread, so runs compare). Returns when each key went. */
async function typeLikeAPerson(side: SidePanelHandle, text: string, offset = 0): Promise<number[]> {
  const sent: number[] = [];
  for (const [i, ch] of text.split('').entries()) {
    const started = Date.now();
    await pressKey(side, ch);
    sent.push(started);
    const gap = 60 + (((i + offset) * 37) % 61);
    await sleep(Math.max(0, gap - (Date.now() - started)));
  }
  return sent;
}

describe('a note typed while the next page loads', () => {
  it('stays whole on the step it was typed on, and no digit in it rates anything', async () => {
    const { s, side } = await recordListing();
    const first = 'Filters are hard to find and the sort';
    const rest = ' took 3 tries and 5 clicks';
    await side.click('li.step[data-step-index="0"] textarea');
    // When the new step's card appears in the panel (the panel's clock is this machine's clock).
    await side.evaluate(`(() => {
      window.__arrivedAt = null;
      new MutationObserver((_, observer) => {
        if (document.querySelector('li.step[data-step-index="1"]')) {
          window.__arrivedAt = Date.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
      return true;
    })()`);

    const sentFirst = await typeLikeAPerson(side, first);
    // Mid-sentence, the audited tab goes to the next page (as a link followed a moment ago would).
    const navigation = s.page.goto(`${demo.shop.url}${PRODUCT.path}`);
    const sentRest = await typeLikeAPerson(side, rest, first.length);
    await navigation;
    const sent = [...sentFirst, ...sentRest];
    const gaps = sent.slice(1).map((t, i) => t - sent[i]!);

    // The new step arrived in the panel while the sentence was being typed, before its digits.
    const arrivedAt = await side.waitFor<number>('window.__arrivedAt');
    const firstDigitAt = sentRest[rest.indexOf('3')]!;
    expect(arrivedAt).toBeLessThan(firstDigitAt);

    // The caret never moved: the same step's note field still has focus and the whole sentence.
    const shown = await side.evaluate<{ editor: string | null; value: string; arrival: string }>(`(() => ({
      editor: document.activeElement?.closest('[data-editor-for]')?.closest('li.step')?.dataset.stepIndex ?? null,
      value: document.activeElement?.value ?? '',
      arrival: document.querySelector('.arrival__go')?.textContent ?? '',
    }))()`);
    expect(shown).toEqual({ editor: '0', value: first + rest, arrival: `New step: ${PRODUCT.title} — go to it` });

    const [listing, product] = await eventually(
      () => steps(s.h),
      (list) => list.length === 2 && list[0]!.note === first + rest,
    );
    expect(listing).toMatchObject({ note: first + rest, ease: null, valence: null });
    expect(product).toMatchObject({ title: PRODUCT.title, note: '', ease: null, valence: null });

    // The announcement goes to the new step, and its keys rate that step.
    await side.click('.arrival__go');
    await side.waitFor(`document.activeElement?.dataset.editorFor === ${JSON.stringify(product!.id)}`);
    await pressKey(side, '4');
    const rated = await eventually(
      () => steps(s.h),
      (list) => list[1]?.ease === 4,
    );
    expect(rated[0]).toMatchObject({ ease: null, note: first + rest });
    console.log(
      `[note-race] ${sent.length} keys, gaps ${Math.min(...gaps)}-${Math.max(...gaps)} ms; the step arrived ${
        arrivedAt - sentRest[0]!
      } ms after the navigation began, ${firstDigitAt - arrivedAt} ms before the first digit`,
    );
  });
});

interface Sample {
  t: number;
  /** Top of the ease and valence points of the new step, in the panel's viewport (where a click lands). */
  ease: number | null;
  valence: number | null;
  shot: boolean;
  signals: boolean;
}

/** Samples the new step's rating controls every animation frame (before each paint) and every 16 ms besides. */
async function startSampling(side: SidePanelHandle): Promise<void> {
  await side.evaluate(`(() => {
    window.__samples = [];
    const sample = () => {
      const card = document.querySelector('li.step[data-step-index="1"]');
      if (!card) return;
      const top = (sel) => card.querySelector(sel)?.getBoundingClientRect().top ?? null;
      const img = card.querySelector('img.thumb');
      window.__samples.push({
        t: performance.now(),
        ease: top('[data-scale^="ease-"] .scale__points'),
        valence: top('[data-scale^="valence-"] .scale__points'),
        shot: !!img && img.complete && img.naturalWidth > 0,
        signals: card.querySelector('.signals')?.dataset.observed === 'true',
      });
    };
    const frame = () => {
      sample();
      if (!window.__stopSampling) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    window.__sampler = setInterval(sample, 16);
    return true;
  })()`);
}

/** Waits until the last sample satisfies `until` (a JS expression over `x`), half a second more, then stops. */
async function stopSampling(side: SidePanelHandle, until: string): Promise<Sample[]> {
  await side.waitFor(`(() => { const x = window.__samples.at(-1); return !!x && (${until}); })()`, {
    timeoutMs: 20_000,
  });
  // A little longer: anything still settling after it all arrived would show too.
  await sleep(500);
  const samples = await side.evaluate<Sample[]>(
    `(() => { window.__stopSampling = true; clearInterval(window.__sampler); return window.__samples; })()`,
  );
  return samples.filter((x) => x.ease !== null);
}

function expectStill(painted: Sample[], what: string): void {
  const first = painted[0]!;
  const at = (arrived: (x: Sample) => boolean) => {
    const found = painted.find(arrived);
    return found ? `${Math.round(found.t - first.t)} ms` : 'never';
  };
  const easeTops = [...new Set(painted.map((x) => x.ease))];
  const valenceTops = [...new Set(painted.map((x) => x.valence))];
  console.log(
    `[note-race] ${what}: ${painted.length} samples over ${Math.round(painted.at(-1)!.t - first.t)} ms; screenshot at ${at(
      (x) => x.shot,
    )}, signals at ${at((x) => x.signals)}; ease tops ${easeTops.join(', ')}; valence tops ${valenceTops.join(', ')}`,
  );
  expect(first.shot).toBe(false);
  expect(easeTops).toEqual([first.ease]);
  expect(valenceTops).toEqual([first.valence]);
}

describe('the rating controls of a new step', () => {
  it('hold still from their first paint until the step has its screenshot and signals', async () => {
    const { s, side } = await recordListing();
    await startSampling(side);
    await s.page.goto(`${demo.shop.url}${PRODUCT.path}`);
    const painted = await stopSampling(side, 'x.shot && x.signals');
    expect(painted[0]!.signals).toBe(false);
    expectStill(painted, 'a new page');
  });

  it('hold still on a step logged by hand, while the panel says it is capturing', async () => {
    const { side } = await recordListing();
    await startSampling(side);
    await side.click('Log step');
    const painted = await stopSampling(side, 'x.shot');
    expectStill(painted, 'Log step');
  });
});
