// The channel view's timeline: one lane per channel, steps as numbered dots at their time, each
// probe as a bar from sent (t0) to first reply (t1), then a dashed line to resolution (t2), with a
// tick where its expectation passes. A probe still waiting runs on to the timeline's end. Time runs
// left to right in every language (the svg is direction: ltr, like the other charts).
import { html, type SafeHtml } from '../escape.ts';
import type { ChannelView, Lane } from '../channels.ts';
import { c, clip } from './common.ts';

export interface TimelineLabels {
  title: string;
  /** Read by assistive technology: what the chart shows (the tables below hold the numbers). */
  description: string;
  lane: (lane: Lane['key']) => string;
  start: string;
  end: string;
}

const W = 960;
const X0 = 176;
const X1 = W - 28;
const TOP = 6;
const STEP_ROW = 34;
const PROBE_ROW = 18;
const AXIS = 30;

const laneHeight = (lane: Lane): number => STEP_ROW + PROBE_ROW * lane.probes.length + 8;

export function channelTimelineSvg(view: ChannelView, labels: TimelineLabels): SafeHtml {
  const span = view.endMs - view.startMs;
  const xOf = (ms: number): number => (span > 0 ? X0 + ((ms - view.startMs) / span) * (X1 - X0) : (X0 + X1) / 2);
  const H = TOP + view.lanes.reduce((sum, l) => sum + laneHeight(l), 0) + AXIS;
  let y = TOP;
  const lanes = view.lanes.map((lane, i) => {
    const top = y;
    const height = laneHeight(lane);
    y += height;
    const mid = top + STEP_ROW / 2 + 2;
    let lastX = Number.NEGATIVE_INFINITY;
    let lift = 0;
    const steps = lane.steps.map((s) => {
      const x = xOf(s.at);
      // Steps closer than a dot's width take turns above and below the lane's line.
      lift = x - lastX < 20 ? (lift === 0 ? -7 : 0) : 0;
      lastX = x;
      return html`<g class="tl-step" data-step-no="${s.stepNo}" data-step-id="${s.stepId}"><circle cx="${c(x)}" cy="${c(mid + lift)}" r="9.5"/><text x="${c(x)}" y="${c(mid + lift)}" text-anchor="middle" dominant-baseline="central">${s.stepNo}</text></g>`;
    });
    const probes = lane.probes.map((row, k) => {
      const p = row.probe;
      const py = top + STEP_ROW + PROBE_ROW * k + PROBE_ROW / 2;
      const x0 = xOf(p.sentAt);
      const first = p.replies[0];
      const x1 = first ? xOf(first.at) : null;
      const x2 = p.resolvedAt !== null ? xOf(p.resolvedAt) : null;
      const outcome = row.outcome ?? 'untimed';
      const wait =
        x1 === null
          ? html`<line class="wait" x1="${c(x0)}" x2="${c(Math.max(x0 + 6, X1))}" y1="${c(py)}" y2="${c(py)}"/><path class="wait-end" d="M${c(Math.max(x0 + 6, X1))} ${c(py - 4)} l6 4 l-6 4 z"/>`
          : html`<line class="reply" x1="${c(x0)}" x2="${c(x1)}" y1="${c(py)}" y2="${c(py)}"/>`;
      const resolve =
        x2 === null
          ? ''
          : html`<line class="resolve" x1="${c(x1 ?? x0)}" x2="${c(x2)}" y1="${c(py)}" y2="${c(py)}"/><rect class="t2" x="${c(x2 - 3.5)}" y="${c(py - 3.5)}" width="7" height="7"/>`;
      const expect =
        p.expectationMs === null
          ? ''
          : html`<line class="expect" x1="${c(xOf(p.sentAt + p.expectationMs))}" x2="${c(xOf(p.sentAt + p.expectationMs))}" y1="${c(py - 7)}" y2="${c(py + 7)}"/>`;
      return html`<g class="tl-probe outcome-${outcome}" data-probe="${row.code}" data-outcome="${outcome}">${wait}${resolve}${expect}<circle class="t0" cx="${c(x0)}" cy="${c(py)}" r="4"/>${
        x1 === null ? '' : html`<circle class="t1" cx="${c(x1)}" cy="${c(py)}" r="4.5"/>`
      }<text class="code" x="${c(Math.max(X0 + 2, x0 - 7))}" y="${c(py)}" text-anchor="end" dominant-baseline="central">${row.code}</text></g>`;
    });
    return html`<g class="lane${i % 2 === 1 ? ' odd' : ''}" data-lane="${lane.key}"><rect class="band" x="0" y="${c(top)}" width="${W}" height="${c(height)}"/><text class="lane-label" x="10" y="${c(mid)}" dominant-baseline="central">${clip(labels.lane(lane.key), 22)}</text><line class="lane-line" x1="${X0}" x2="${X1}" y1="${c(mid)}" y2="${c(mid)}"/>${steps}${probes}</g>`;
  });
  const axisY = H - AXIS + 18;
  return html`<svg class="chart timeline" viewBox="0 0 ${W} ${c(H)}" width="${W}" height="${c(H)}" role="img" aria-label="${labels.title}" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">
<title>${labels.title}</title>
<desc>${labels.description}</desc>
${lanes}
<g class="axis"><line class="grid" x1="${X0}" x2="${X1}" y1="${c(H - AXIS + 2)}" y2="${c(H - AXIS + 2)}"/><text class="tick" x="${X0}" y="${c(axisY)}" text-anchor="start">${labels.start}</text><text class="tick" x="${X1}" y="${c(axisY)}" text-anchor="end">${labels.end}</text></g>
</svg>`;
}
