// @vitest-environment jsdom
// Touchpoints lined up across audits by stage and channel, in the domain and in the compare document.
import { describe, expect, it } from 'vitest';
import { compareAudits } from '../../../src/domain/compare/index.ts';
import type { Step } from '../../../src/domain/model.ts';
import { buildCompareData } from '../../../src/report/compare/data.ts';
import { renderComparisonBody } from '../../../src/report/compare/render.ts';
import { noImages } from '../../../src/report/data.ts';
import { makeAudit, makeStep } from '../scores/factory.ts';
import { loadMessages, reportDataOf } from '../compare/fixtures.ts';

loadMessages();

const page = (auditId: string, index: number, stage: string): Step =>
  makeStep({ id: `${auditId}_${index}`, auditId, index, stage, ease: 6, valence: 1 });

const touchpoint = (auditId: string, index: number, stage: string | null, channel: Step['channel'], title: string) =>
  makeStep({
    id: `${auditId}_${index}`,
    auditId,
    index,
    url: '',
    stage,
    kind: 'touchpoint',
    channel,
    title,
    ease: 3,
    valence: -2,
  });

function pair() {
  const a = makeAudit({ id: 'audA', site: 'A' });
  const b = makeAudit({ id: 'audB', site: 'B' });
  const stepsA = [
    page('audA', 0, 'product'),
    touchpoint('audA', 1, 'product', 'chat', 'Chat about <sizes>'),
    page('audA', 2, 'delivery'),
    touchpoint('audA', 3, 'delivery', 'phone', 'Courier called'),
  ];
  const stepsB = [
    page('audB', 0, 'product'),
    page('audB', 1, 'delivery'),
    touchpoint('audB', 2, 'delivery', 'phone', 'Courier called too'),
    touchpoint('audB', 3, 'delivery', 'delivery', 'Parcel left at door'),
  ];
  return { a, b, stepsA, stepsB };
}

describe('alignTouchpoints', () => {
  it('gives one row per stage and channel, in stage order, missing where a site has none', () => {
    const { a, b, stepsA, stepsB } = pair();
    const { touchpoints } = compareAudits([
      { audit: a, steps: stepsA },
      { audit: b, steps: stepsB },
    ]);
    expect(
      touchpoints.map((row) => [row.stage, row.channel, row.cells.map((c) => c.steps.map((s) => s.title))]),
    ).toEqual([
      ['product', 'chat', [['Chat about <sizes>'], []]],
      ['delivery', 'phone', [['Courier called'], ['Courier called too']]],
      ['delivery', 'delivery', [[], ['Parcel left at door']]],
    ]);
    expect(touchpoints[0]!.cells[1]!.missing).toBe(true);
  });

  it('has no rows when no audit has a touchpoint', () => {
    const { a, b, stepsA, stepsB } = pair();
    const pages = (steps: Step[]) => steps.filter((s) => s.kind !== 'touchpoint');
    expect(
      compareAudits([
        { audit: a, steps: pages(stepsA) },
        { audit: b, steps: pages(stepsB) },
      ]).touchpoints,
    ).toEqual([]);
  });
});

describe('the compare document', () => {
  it('shows the touchpoints table, escaped, only when there are touchpoints', () => {
    const { a, b, stepsA, stepsB } = pair();
    const data = buildCompareData([reportDataOf(a, stepsA).data, reportDataOf(b, stepsB).data]);
    const doc = new DOMParser().parseFromString(renderComparisonBody(data, noImages), 'text/html');
    const rows = [...doc.querySelectorAll('#touchpoints tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-channel'))).toEqual(['chat', 'phone', 'delivery']);
    expect(rows[0]!.querySelector('th')!.textContent).toContain('Chat');
    expect(rows[0]!.querySelector('td[data-audit="0"]')!.textContent).toContain('Chat about <sizes>');
    expect(rows[0]!.querySelector('td[data-audit="1"]')!.getAttribute('data-missing')).toBe('true');
    expect(doc.querySelector('#touchpoints img, #touchpoints sizes')).toBeNull();
    const plain = buildCompareData([
      reportDataOf(
        a,
        stepsA.filter((s) => s.kind !== 'touchpoint'),
      ).data,
      reportDataOf(
        b,
        stepsB.filter((s) => s.kind !== 'touchpoint'),
      ).data,
    ]);
    expect(renderComparisonBody(plain, noImages)).not.toContain('id="touchpoints"');
  });
});
