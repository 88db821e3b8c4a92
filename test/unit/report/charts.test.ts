// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { easeChartSvg } from '../../../src/report/svg/ease-chart.ts';
import { elementChartSvg } from '../../../src/report/svg/element-chart.ts';
import { emotionCurveSvg, type CurveInput } from '../../../src/report/svg/emotion-curve.ts';
import { renderReportBody } from '../../../src/report/html/render.ts';
import { journey, loadMessages } from './fixtures.ts';

loadMessages();

const labels: CurveInput['labels'] = {
  title: 'Curve',
  peak: 'Peak',
  end: 'End',
  peakAndEnd: 'Peak and end',
  mean: 'mean',
  axis: 'Valence',
  step: 'Step',
  notRated: 'not rated',
  valence: (v) => String(v),
};

function svgOf(markup: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  const svg = doc.querySelector('svg');
  if (!svg) throw new Error('no svg');
  return svg;
}

describe('emotion curve', () => {
  it('labels a step that holds several stages with all of them, and the report shows a chip for each', () => {
    const { data } = journey();
    const checkout = data.steps.find((st) => st.stage === 'checkout-details')!;
    checkout.alsoStages = ['delivery', 'payment'];
    const doc = new DOMParser().parseFromString(
      renderReportBody(data, () => null),
      'text/html',
    );
    const bands = [...doc.querySelectorAll('svg.curve .stage-band text')].map((t) => t.textContent);
    expect(bands).toContain('Checkout details, Delivery, and Payment');
    expect(bands).not.toContain('Checkout details');
    const chips = [
      ...(doc
        .querySelector(`article.step[data-step-id="${checkout.id}"] .step-meta`)
        ?.querySelectorAll('.stage-chip') ?? []),
    ];
    expect(chips.map((c) => c.textContent)).toEqual(['Checkout details', 'Delivery', 'Payment']);
  });

  it('has one point per rated step, with the peak and the end marked on their steps', () => {
    const { data } = journey();
    const doc = new DOMParser().parseFromString(
      renderReportBody(data, () => null),
      'text/html',
    );
    const svg = doc.querySelector('svg.curve');
    const points = [...(svg?.querySelectorAll('circle.pt') ?? [])];
    expect(points).toHaveLength(data.scores.rated.valence);
    expect(points.map((p) => p.getAttribute('data-step-id'))).toEqual(['s0', 's1', 's2', 's4']);
    expect(svg?.querySelectorAll('.unrated')).toHaveLength(2);
    const peak = svg?.querySelectorAll('[data-role="peak"]');
    const end = svg?.querySelectorAll('[data-role="end"]');
    expect(peak).toHaveLength(1);
    expect(end).toHaveLength(1);
    expect(peak?.[0]?.getAttribute('data-step-id')).toBe(data.scores.peakEnd?.peak.stepId);
    expect(end?.[0]?.getAttribute('data-step-id')).toBe('s4');
    // The peak marker sits on the peak point.
    const peakPoint = points.find((p) => p.getAttribute('data-step-id') === 's2');
    const ring = peak?.[0]?.querySelector('circle');
    expect([ring?.getAttribute('cx'), ring?.getAttribute('cy')]).toEqual([
      peakPoint?.getAttribute('cx'),
      peakPoint?.getAttribute('cy'),
    ]);
    expect(svg?.querySelector('[data-role="mean"]')).not.toBeNull();
    expect(svg?.textContent).toContain('Checkout details');
  });

  it('places higher valence higher, and marks one point when the peak is also the end', () => {
    const svg = svgOf(
      emotionCurveSvg({
        steps: [
          { stepId: 'a', stepNo: 1, valence: 1, stage: 'Landing' },
          { stepId: 'b', stepNo: 2, valence: -2, stage: 'Landing' },
          { stepId: 'c', stepNo: 3, valence: 4, stage: 'Cart' },
        ],
        peakStepId: 'c',
        endStepId: 'c',
        mean: 1,
        labels,
      }).value,
    );
    const y = (id: string) => Number(svg.querySelector(`circle.pt[data-step-id="${id}"]`)?.getAttribute('cy'));
    expect(y('c')).toBeLessThan(y('a'));
    expect(y('a')).toBeLessThan(y('b'));
    expect(svg.querySelector('[data-role="peak"]')?.textContent).toBe('Peak and end');
    // Two stage bands: Landing (steps 1-2) and Cart.
    expect([...svg.querySelectorAll('.stage-band text')].map((t) => t.textContent)).toEqual(['Landing', 'Cart']);
  });

  it('escapes stage names and has no point for unrated steps', () => {
    const svg = svgOf(
      emotionCurveSvg({
        steps: [
          { stepId: 'a', stepNo: 1, valence: null, stage: '<script>x</script>' },
          { stepId: 'b', stepNo: 2, valence: 2, stage: '' },
        ],
        peakStepId: 'b',
        endStepId: 'b',
        mean: 2,
        labels,
      }).value,
    );
    expect(svg.querySelectorAll('script')).toHaveLength(0);
    expect(svg.querySelectorAll('circle.pt')).toHaveLength(1);
    expect(svg.textContent).toContain('<script>x</script>');
  });
});

describe('ease and element charts', () => {
  it('draw one bar per rated step against the 5.5 benchmark', () => {
    const svg = svgOf(
      easeChartSvg(
        [
          { stepId: 'a', stepNo: 1, ease: 7 },
          { stepId: 'b', stepNo: 2, ease: null },
          { stepId: 'c', stepNo: 3, ease: 2 },
        ],
        { title: 't', benchmark: 'SEQ 5.5', axis: 'Ease', step: 'Step', notRated: '-' },
      ).value,
    );
    expect(svg.querySelectorAll('g.bar')).toHaveLength(2);
    expect(svg.querySelector('g.bar[data-step-id="c"]')?.classList.contains('weak')).toBe(true);
    const bench = Number(svg.querySelector('[data-role="benchmark"] line')?.getAttribute('y1'));
    const top7 = Number(svg.querySelector('g.bar[data-step-id="a"] rect')?.getAttribute('y'));
    const top2 = Number(svg.querySelector('g.bar[data-step-id="c"] rect')?.getAttribute('y'));
    expect(top7).toBeLessThan(bench);
    expect(top2).toBeGreaterThan(bench);
  });

  it('shows "not assessed" elements without a bar and marks the cap', () => {
    const svg = svgOf(
      elementChartSvg(
        [
          { element: 'multisensory', name: 'Multisensory', score: 80, scoreText: '80', capped: false, weight: 1 },
          { element: 'frictionless', name: 'Frictionless', score: 40, scoreText: '40', capped: true, weight: 2 },
          {
            element: 'storytelling',
            name: 'Storytelling',
            score: null,
            scoreText: 'not assessed',
            capped: false,
            weight: 1,
          },
        ],
        60,
        {
          title: 'Elements',
          notAssessed: 'not assessed',
          capped: 'capped at 50',
          immersion: 'Immersion 60',
          double: '×2',
        },
      ).value,
    );
    expect(svg.querySelectorAll('rect.bar')).toHaveLength(2);
    expect(svg.querySelector('[data-element="storytelling"]')?.textContent).toContain('not assessed');
    expect(svg.querySelector('[data-element="frictionless"] .cap')).not.toBeNull();
    expect(svg.querySelector('[data-element="frictionless"]')?.textContent).toContain('×2');
    const w80 = Number(svg.querySelector('[data-element="multisensory"] rect.bar')?.getAttribute('width'));
    const w40 = Number(svg.querySelector('[data-element="frictionless"] rect.bar')?.getAttribute('width'));
    expect(w80).toBeCloseTo(2 * w40, 0);
  });
});
