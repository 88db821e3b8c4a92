// @vitest-environment jsdom
// Charts that read: stage names whole (never "Search / b…"), the SEQ-average label clear of the
// bars, the mean's label clear of the END marker. Every label the charts place carries its box
// (data-box, from the same width estimate the layout uses); no two boxes may overlap.
import { describe, expect, it } from 'vitest';
import { easeChartSvg } from '../../../src/report/svg/ease-chart.ts';
import { emotionCurveSvg, type CurveInput } from '../../../src/report/svg/emotion-curve.ts';
import { overlaps, textWidth, type Box } from '../../../src/report/svg/common.ts';

const labels: CurveInput['labels'] = {
  title: 'Emotion curve',
  peak: 'Peak',
  end: 'End',
  peakAndEnd: 'Peak and end',
  mean: 'mean +1.6',
  axis: 'Valence (−4 very unpleasant … +4 very pleasant)',
  step: 'Step',
  notRated: 'not rated',
  valence: (v) => (v > 0 ? `+${v}` : String(v)),
};

const STAGES = [
  'Landing',
  'Search / browse',
  'Product',
  'Cart',
  'Checkout details',
  'Delivery',
  'Payment',
  'Confirmation',
  'Post-purchase',
];

function svgOf(markup: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  return doc.querySelector('svg') as SVGSVGElement;
}

const boxOf = (el: Element): Box => {
  const [x, y, width, height] = (el.getAttribute('data-box') ?? '').split(' ').map(Number);
  return { x: x!, y: y!, width: width!, height: height! };
};

function overlapping(boxes: { name: string; box: Box }[]): string[] {
  const out: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (overlaps(a.box, b.box)) out.push(`${a.name} × ${b.name}`);
    }),
  );
  return out;
}

describe('emotion curve geometry', () => {
  // Ten steps, one per stage (two in checkout details), the end a +4 at the far right.
  const steps = [...STAGES, 'Checkout details'].map((stage, i) => ({
    stepId: `s${i}`,
    stepNo: i + 1,
    valence: i === 9 ? 4 : i === 4 ? -4 : (i % 5) - 2,
    stage,
  }));
  steps.sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
  steps.forEach((s, i) => (s.stepNo = i + 1));
  const last = steps.at(-1)!;
  last.valence = 4;
  const svg = svgOf(emotionCurveSvg({ steps, peakStepId: 's4', endStepId: last.stepId, mean: 1.6, labels }).value);
  const width = Number(svg.getAttribute('viewBox')?.split(' ')[2]);
  const height = Number(svg.getAttribute('viewBox')?.split(' ')[3]);

  it('writes every stage name whole, none clipped', () => {
    const names = [...svg.querySelectorAll('.stage-band text')].map((t) => t.textContent);
    expect(names).toEqual(STAGES);
    for (const name of names) expect(name).not.toContain('…');
  });

  it('places the stage names in rows where no two overlap, inside the chart', () => {
    const boxes = [...svg.querySelectorAll('.stage-band text')].map((t) => ({
      name: t.textContent ?? '',
      box: boxOf(t),
    }));
    expect(overlapping(boxes)).toEqual([]);
    for (const { box } of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
    }
    // Nine names cannot share one row at this width: the layout used more than one.
    expect(
      new Set([...svg.querySelectorAll('.stage-band text')].map((t) => t.getAttribute('data-row'))).size,
    ).toBeGreaterThan(1);
  });

  it('keeps the mean label clear of the END marker, its label, the peak and the axis caption', () => {
    const mean = svg.querySelector('[data-role="mean-label"]')!;
    const others = [
      ...[...svg.querySelectorAll('.marker [data-box]')].map((el, i) => ({ name: `marker ${i}`, box: boxOf(el) })),
      { name: 'axis caption', box: boxOf(svg.querySelector('.axis-caption[data-box]')!) },
      { name: 'mean label', box: boxOf(mean) },
    ];
    expect(others.length).toBeGreaterThanOrEqual(5);
    expect(overlapping(others)).toEqual([]);
    // The END marker is at the top right, where the mean's label used to sit.
    const end = boxOf(svg.querySelector('.marker.end circle')!);
    expect(end.x + end.width).toBeGreaterThan(width - 80);
  });
});

describe('ease chart geometry', () => {
  const steps = Array.from({ length: 9 }, (_, i) => ({
    stepId: `s${i}`,
    stepNo: i + 1,
    ease: i >= 6 ? 7 : 3 + (i % 4),
  }));
  const svg = svgOf(
    easeChartSvg(steps, {
      title: 'Ease',
      benchmark: 'SEQ average 5.5',
      axis: 'Ease (1 very difficult … 7 very easy)',
      step: 'Step',
      notRated: 'not rated',
    }).value,
  );

  it('keeps "SEQ average 5.5" clear of every bar and value, and of the axis caption', () => {
    const label = { name: 'benchmark label', box: boxOf(svg.querySelector('[data-role="benchmark-label"]')!) };
    const bars = [...svg.querySelectorAll('.bar [data-box]')].map((el, i) => ({
      name: `bar part ${i}`,
      box: boxOf(el),
    }));
    expect(bars).toHaveLength(18);
    const caption = { name: 'axis caption', box: boxOf(svg.querySelector('.axis-caption[data-box]')!) };
    expect(
      overlapping([label, caption, ...bars]).filter((pair) => pair.includes('benchmark') || pair.includes('caption')),
    ).toEqual([]);
  });
});

describe('text width estimate', () => {
  it('grows with the text and counts wide characters as 1 em', () => {
    expect(textWidth('Confirmation', 10)).toBeGreaterThan(textWidth('Cart', 10));
    expect(textWidth('确认', 10)).toBe(20);
  });
});
