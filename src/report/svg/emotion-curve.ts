// The emotion curve: valence per step (-4..+4) as hand-written SVG, the peak and the end marked,
// the mean valence as a dashed line, and the steps' stages as bands under the axis. Steps without
// a valence have no point (a hollow tick on the axis says so).
import { html, join, type SafeHtml } from '../escape.ts';
import { boxAttr, c, layoutRows, textWidth } from './common.ts';

export interface CurveStep {
  stepId: string;
  /** 1-based step number. */
  stepNo: number;
  /** Raw valence -4..+4, null when not rated. */
  valence: number | null;
  /** Display name of the stage ('' when none). */
  stage: string;
}

export interface CurveLabels {
  title: string;
  peak: string;
  end: string;
  peakAndEnd: string;
  /** Label of the mean line, already formatted (e.g. "mean +0.8"). */
  mean: string;
  /** Axis caption, e.g. "Valence (-4 very unpleasant ... +4 very pleasant)". */
  axis: string;
  /** Caption of the x axis, e.g. "Step". */
  step: string;
  notRated: string;
  /** Formats a valence for a label ("+3"). */
  valence: (v: number) => string;
}

export interface CurveInput {
  steps: readonly CurveStep[];
  peakStepId: string | null;
  endStepId: string | null;
  /** Mean raw valence (-4..+4) of the rated steps; null: no line. */
  mean: number | null;
  labels: CurveLabels;
}

const W = 760;
// The top margin holds the axis caption and the legend (mean line) on one row above every marker
// label; the bottom holds step numbers, the stage strip and the stage names in as many rows as
// they need.
const M = { left: 46, right: 20, top: 48, bottom: 56 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = 320 - 30 - 70;
/** Baseline of the caption and legend row. */
const LEGEND_Y = 16;
export const STAGE_FONT = 10.5;
const STAGE_ROW = 15;
const V_MAX = 4;

const yOf = (valence: number): number => M.top + ((V_MAX - valence) / (2 * V_MAX)) * PLOT_H;

export function emotionCurveSvg(input: CurveInput): SafeHtml {
  const { steps, labels } = input;
  const n = Math.max(steps.length, 1);
  const slot = PLOT_W / n;
  const xOf = (i: number): number => M.left + (i + 0.5) * slot;
  const y0 = yOf(0);
  const rated = steps
    .map((s, i) => ({ s, i }))
    .filter((p): p is { s: CurveStep & { valence: number }; i: number } => p.s.valence !== null);

  const grid = join(
    [-4, -3, -2, -1, 0, 1, 2, 3, 4].map((v) => {
      const y = c(yOf(v));
      const label =
        v % 2 === 0
          ? html`<text class="tick" x="${c(M.left - 8)}" y="${y}" text-anchor="end" dominant-baseline="middle">${labels.valence(v)}</text>`
          : '';
      return html`<line class="${v === 0 ? 'zero' : 'grid'}" x1="${c(M.left)}" x2="${c(W - M.right)}" y1="${y}" y2="${y}"/>${label}`;
    }),
  );

  const linePoints = rated.map(({ s, i }) => `${c(xOf(i))},${c(yOf(s.valence))}`).join(' ');
  const first = rated[0];
  const last = rated[rated.length - 1];
  const area =
    first && last
      ? `M${c(xOf(first.i))},${c(y0)} L${linePoints.replace(/ /g, ' L')} L${c(xOf(last.i))},${c(y0)} Z`
      : '';

  // The mean's label sits in the legend row above the plot, so it never meets a marker or its label.
  const meanLabelW = textWidth(labels.mean, 11, true);
  const legendX = W - M.right - meanLabelW;
  const meanLine =
    input.mean === null
      ? ''
      : html`<g data-role="mean" class="mean"><line x1="${c(M.left)}" x2="${c(W - M.right)}" y1="${c(yOf(input.mean))}" y2="${c(yOf(input.mean))}"/><line class="legend-swatch" x1="${c(legendX - 30)}" x2="${c(legendX - 6)}" y1="${c(LEGEND_Y - 4)}" y2="${c(LEGEND_Y - 4)}"/><text data-role="mean-label" x="${c(legendX)}" y="${c(LEGEND_Y)}" data-box="${boxAttr({ x: legendX - 30, y: LEGEND_Y - 11, width: meanLabelW + 30, height: 14 })}">${labels.mean}</text></g>`;

  const points = join(
    steps.map((s, i) => {
      const x = c(xOf(i));
      if (s.valence === null) {
        return html`<g class="unrated" data-step-id="${s.stepId}"><title>${labels.notRated}</title><circle cx="${x}" cy="${c(y0)}" r="3.5"/></g>`;
      }
      const tone = s.valence > 0 ? 'pos' : s.valence < 0 ? 'neg' : 'neutral';
      return html`<circle class="pt ${tone}" data-step-id="${s.stepId}" data-step-no="${s.stepNo}" data-valence="${s.valence}" cx="${x}" cy="${c(yOf(s.valence))}" r="5.5"><title>${s.stepNo}: ${labels.valence(s.valence)}</title></circle>`;
    }),
  );

  const marker = (stepId: string | null, role: 'peak' | 'end', text: string): SafeHtml | string => {
    if (stepId === null) return '';
    const i = steps.findIndex((s) => s.stepId === stepId);
    const s = steps[i];
    if (!s || s.valence === null) return '';
    const x = xOf(i);
    const y = yOf(s.valence);
    // Labels go away from the zero line so they never cover the curve's middle.
    const above = s.valence >= 0;
    const ly = above ? y - 18 : y + 26;
    const anchor = i === 0 ? 'start' : i === steps.length - 1 ? 'end' : 'middle';
    const lx = anchor === 'start' ? x - 10 : anchor === 'end' ? x + 10 : x;
    const r = role === 'peak' ? 11 : 15;
    const tw = textWidth(text.toUpperCase(), 12, true) * 1.08;
    const left = anchor === 'start' ? lx : anchor === 'end' ? lx - tw : lx - tw / 2;
    const box = boxAttr({ x: left, y: ly - 11, width: tw, height: 14 });
    return html`<g class="marker ${role}" data-role="${role}" data-step-id="${s.stepId}"><circle cx="${c(x)}" cy="${c(y)}" r="${r}" data-box="${boxAttr({ x: x - r, y: y - r, width: 2 * r, height: 2 * r })}"/>${text ? html`<text x="${c(lx)}" y="${c(ly)}" text-anchor="${anchor}" data-box="${box}">${text}</text>` : ''}</g>`;
  };
  const samePoint = input.peakStepId !== null && input.peakStepId === input.endStepId;
  const peakMark = marker(input.peakStepId, 'peak', samePoint ? labels.peakAndEnd : labels.peak);
  const endMark = marker(input.endStepId, 'end', samePoint ? '' : labels.end);

  // X axis: step numbers, then bands of consecutive steps in the same stage.
  const stepTicks = join(
    steps.map(
      (s, i) =>
        html`<text class="tick step-no" x="${c(xOf(i))}" y="${c(M.top + PLOT_H + 16)}" text-anchor="middle">${s.stepNo}</text>`,
    ),
  );
  const bands: { stage: string; from: number; to: number }[] = [];
  steps.forEach((s, i) => {
    const prev = bands[bands.length - 1];
    if (prev && prev.stage === s.stage) prev.to = i;
    else bands.push({ stage: s.stage, from: i, to: i });
  });
  // Stage names whole, never clipped: a strip per stage under the step numbers, and each name
  // centred under its strip in the first row where it clears its neighbours.
  const stripY = M.top + PLOT_H + 24;
  const named = bands.filter((b) => b.stage !== '');
  const places = layoutRows(
    named.map((b) => ({
      centre: M.left + ((b.from + b.to + 1) / 2) * slot,
      width: textWidth(b.stage, STAGE_FONT, true),
    })),
    2,
    W - 2,
  );
  const rows = places.reduce((n, p) => Math.max(n, p.row + 1), 0);
  const H = stripY + 8 + rows * STAGE_ROW + 8;
  const stageBands = join(
    bands.map((b, k) => {
      const x = M.left + b.from * slot;
      const w = (b.to - b.from + 1) * slot;
      const at = named.indexOf(b);
      const place = at >= 0 ? places[at] : undefined;
      const label = place
        ? (() => {
            const tw = textWidth(b.stage, STAGE_FONT, true);
            const ty = stripY + 8 + (place.row + 1) * STAGE_ROW - 4;
            return html`<text x="${c(place.x + tw / 2)}" y="${c(ty)}" text-anchor="middle" data-row="${place.row}" data-box="${boxAttr({ x: place.x, y: ty - 11, width: tw, height: 14 })}">${b.stage}</text>`;
          })()
        : '';
      return html`<g class="stage-band ${k % 2 === 0 ? 'even' : 'odd'}"><rect x="${c(x + 1)}" y="${c(stripY)}" width="${c(Math.max(w - 2, 1))}" height="6" rx="2"/>${label}</g>`;
    }),
  );

  return html`<svg class="chart curve" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${labels.title}" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">
<title>${labels.title}</title>
<defs><clipPath id="curve-above"><rect x="0" y="0" width="${W}" height="${c(y0)}"/></clipPath><clipPath id="curve-below"><rect x="0" y="${c(y0)}" width="${W}" height="${c(H - y0)}"/></clipPath></defs>
<rect class="half pos" x="${c(M.left)}" y="${c(M.top)}" width="${c(PLOT_W)}" height="${c(PLOT_H / 2)}"/>
<rect class="half neg" x="${c(M.left)}" y="${c(y0)}" width="${c(PLOT_W)}" height="${c(PLOT_H / 2)}"/>
${grid}
<text class="axis-caption" x="${c(M.left)}" y="${c(LEGEND_Y)}" data-box="${boxAttr({ x: M.left, y: LEGEND_Y - 11, width: textWidth(labels.axis, 11) * 1.05, height: 14 })}">${labels.axis}</text>
${area ? html`<path class="area pos" clip-path="url(#curve-above)" d="${area}"/><path class="area neg" clip-path="url(#curve-below)" d="${area}"/>` : ''}
${meanLine}
${rated.length > 1 ? html`<polyline class="line" points="${linePoints}"/>` : ''}
${points}
${peakMark}${endMark}
${stepTicks}
<text class="axis-caption" x="${c(M.left - 8)}" y="${c(M.top + PLOT_H + 16)}" text-anchor="end">${labels.step}</text>
${stageBands}
</svg>`;
}
