// The report's channel view: lanes per channel, probes against their expectations (open judged at
// the report's time), the scenario suggested beside the audit's own, in the HTML and the Markdown.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Step } from '../../../src/domain/model.ts';
import { DEFAULT_EXPECTATIONS, type Probe } from '../../../src/domain/probes.ts';
import { buildReportData } from '../../../src/report/data.ts';
import { renderReportHtml } from '../../../src/report/html/render.ts';
import { renderMarkdown } from '../../../src/report/markdown.ts';
import { makeStep } from '../scores/factory.ts';
import { journeyAudit, journeySteps, loadMessages } from './fixtures.ts';

beforeAll(() => loadMessages());

const at = (iso: string) => Date.parse(iso);
const HOSTILE_QUESTION = 'Can I <script>alert(1)</script> return it?';

function probe(id: string, over: Partial<Probe>): Probe {
  return {
    id,
    auditId: 'aud_test',
    stepId: null,
    channel: 'chat',
    question: '',
    sentAt: at('2026-11-23T10:01:10Z'),
    replies: [],
    resolvedAt: null,
    expectationMs: DEFAULT_EXPECTATIONS.chat,
    createdAt: '2026-11-23T10:01:10.000Z',
    updatedAt: '2026-11-23T10:01:10.000Z',
    ...over,
  };
}

function withChannels(generatedAt = '2026-11-23T10:30:00.000Z', touchpoint: 1 | 2 | 3 | 4 | null = 1) {
  const call: Step = makeStep({
    id: 'call',
    index: 99,
    url: '',
    title: 'Courier phoned ahead',
    kind: 'touchpoint',
    channel: 'phone',
    startedAt: '2026-11-23T10:20:00.000Z',
    occurredAt: at('2026-11-24T09:00:00Z'),
  });
  const probes = [
    probe('prb_met', {
      stepId: 's1',
      question: 'Is size M in stock?',
      replies: [{ at: at('2026-11-23T10:02:10Z'), answered: true }],
      resolvedAt: at('2026-11-23T10:05:10Z'),
    }),
    probe('prb_missed', {
      channel: 'email',
      expectationMs: DEFAULT_EXPECTATIONS.email,
      stepId: 's2',
      sentAt: at('2026-11-22T09:00:00Z'),
      question: 'Delivery to a locker?',
      replies: [
        { at: at('2026-11-23T10:00:00Z'), answered: false },
        { at: at('2026-11-23T10:04:00Z'), answered: true },
      ],
    }),
    probe('prb_open', { stepId: 's3', sentAt: at('2026-11-23T10:29:00Z'), question: HOSTILE_QUESTION }),
  ];
  const steps = [...journeySteps(), call];
  return buildReportData(journeyAudit({ touchpoint }), steps, [], generatedAt, undefined, [], probes);
}

const section = (htmlText: string): string => {
  const start = htmlText.indexOf('<section id="channels"');
  return htmlText.slice(start, htmlText.indexOf('</section>', start));
};

describe('the channel view in the HTML report', () => {
  it('draws a lane per channel used, web pages first, with every step and probe on it', () => {
    const view = section(renderReportHtml(withChannels(), () => null));
    const lanes = [...view.matchAll(/data-lane="([a-z-]+)"/g)].map((m) => m[1]);
    expect(lanes).toEqual(['web', 'phone', 'chat', 'email']);
    expect(view).toContain('role="img"');
    expect(view.match(/class="tl-step"/g)).toHaveLength(journeySteps().length + 1);
    expect(
      [...view.matchAll(/<g class="tl-probe outcome-([a-z]+)" data-probe="(P\d)"/g)]
        .map((m) => `${m[2]} ${m[1]}`)
        .toSorted(),
    ).toEqual(['P1 missed', 'P2 met', 'P3 open']);
  });

  it('lists each probe: channel, question, sent, durations, expectation, outcome and answers', () => {
    const view = section(renderReportHtml(withChannels(), () => null));
    const row = (id: string) =>
      view.slice(view.indexOf(`data-probe-id="${id}"`), view.indexOf('</tr>', view.indexOf(`data-probe-id="${id}"`)));
    const met = row('prb_met');
    expect(met).toContain('data-outcome="met"');
    expect(met).toContain('Chat');
    expect(met).toContain('Is size M in stock?');
    expect(met).toMatch(/data-col="first-reply">1 min</);
    expect(met).toMatch(/data-col="resolution">4 min</);
    expect(met).toMatch(/data-col="expectation">2 min</);
    expect(met).toContain('<span data-answered="true">Yes</span>');
    const missed = row('prb_missed');
    expect(missed).toContain('Missed');
    expect(missed).toMatch(/data-col="first-reply">1 day 1 hr</);
    expect(missed).toContain('Not resolved');
    expect(missed).toContain('<span data-answered="false">No</span>, <span data-answered="true">Yes</span>');
    const open = row('prb_open');
    expect(open).toContain('Still open');
    expect(open).toContain('No reply');
    // The question is the auditor's text: escaped and in its own direction.
    expect(open).toContain(
      '<td class="pquestion" dir="auto">Can I &lt;script&gt;alert(1)&lt;/script&gt; return it?</td>',
    );
    expect(view).not.toContain('<script>');
  });

  it('judges an open probe at the report’s time: past its expectation it has missed', () => {
    const later = section(renderReportHtml(withChannels('2026-11-23T10:45:00.000Z'), () => null));
    expect(later).toMatch(/data-probe-id="prb_open" data-outcome="missed"/);
    expect(later).not.toContain('data-outcome="open"');
  });

  it('sums up each channel: counts, medians and answers', () => {
    const view = section(renderReportHtml(withChannels(), () => null));
    const chat = view.slice(view.indexOf('<tr data-channel="chat">'));
    expect(chat).toMatch(
      /^<tr data-channel="chat"><th scope="row">Chat<\/th><td>2<\/td><td data-col="met">1<\/td><td data-col="missed">0<\/td><td data-col="open">1<\/td>/,
    );
    expect(chat).toContain('1 yes, 0 no');
  });

  it('shows the scenario suggested from the channels beside the audit’s, and which the scores use', () => {
    const changed = section(renderReportHtml(withChannels(), () => null));
    // Chat on step 2 and e-mail on step 3 before the last page; the phone call came after it.
    expect(changed).toContain('data-role="scenario-suggested" data-scenario="3"');
    expect(changed).toContain('3 · Relationship');
    expect(changed).toContain('Contacts with people before the end of the journey: 3 (Chat, E-mail or web form).');
    expect(changed).toContain('data-role="scenario-set" data-scenario="1"');
    expect(changed).toContain('data-state="changed"');
    const confirmed = section(renderReportHtml(withChannels(undefined, 3), () => null));
    expect(confirmed).toContain('data-state="confirmed"');
    expect(confirmed).toContain('The auditor set the suggested scenario; the scores use it.');
    const unset = section(renderReportHtml(withChannels(undefined, null), () => null));
    expect(unset).toContain('data-state="not-set"');
  });

  it('for a web-only audit: one lane, no probes, a transaction suggested', () => {
    const data = buildReportData(journeyAudit(), journeySteps(), [], '2026-11-23T12:00:00.000Z');
    const view = section(renderReportHtml(data, () => null));
    expect([...view.matchAll(/data-lane="([a-z-]+)"/g)].map((m) => m[1])).toEqual(['web']);
    expect(view).toContain('data-role="no-probes"');
    expect(view).toContain('data-role="scenario-suggested" data-scenario="1"');
    expect(view).toContain('data-state="confirmed"');
  });
});

describe('the channel view in the Markdown export', () => {
  it('carries the scenarios and the probe table, text escaped', () => {
    const md = renderMarkdown(withChannels());
    expect(md).toContain('## The journey across channels');
    expect(md).toContain('- **Suggested from the channels used:** 3 · Relationship');
    expect(md).toContain('- **Set for this audit:** 1 · Transaction');
    expect(md).toContain('| P1 | E-mail or web form (Step 3) | Delivery to a locker? |');
    expect(md).toContain('Can I \\<script\\>alert(1)\\</script\\> return it?');
    expect(md).toMatch(/\| \*\*Met\*\* \| Yes \|/);
    expect(md).toMatch(/\| \*\*Still open\*\* \| — \|/);
  });
});
