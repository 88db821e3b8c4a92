// Ease per step (Single Ease Question, 1-7) as bars against the SEQ benchmark of 5.5 (METHOD.md).
import { html, join, type SafeHtml } from '../escape.ts';
import { boxAttr, c, textWidth } from './common.ts';

export interface EaseStep {
  stepId: string;
  stepNo: number;
  /** 1-7, null when not rated. */
  ease: number | null;
}

export interface EaseLabels {
  title: string;
  /** e.g. "SEQ average 5.5" */
  benchmark: string;
  axis: string;
  step: string;
  notRated: string;
}

const W = 760;
const H = 220;
// The top margin holds the axis caption and the legend (the SEQ average) above the tallest bar's
// value, so the benchmark's label never sits on a bar.
const M = { left: 46, right: 20, top: 44, bottom: 30 };
const LEGEND_Y = 16;
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
const E_MAX = 7;

export const EASE_BENCHMARK_LINE = 5.5;
/** Below 5 is worse than average (METHOD.md). */
export const EASE_WORSE_THAN_AVERAGE = 5;

export function easeChartSvg(steps: readonly EaseStep[], labels: EaseLabels): SafeHtml {
  const n = Math.max(steps.length, 1);
  const slot = PLOT_W / n;
  const barW = Math.min(44, slot * 0.62);
  const yOf = (e: number): number => M.top + (1 - e / E_MAX) * PLOT_H;
  const base = yOf(0);

  const grid = join(
    [1, 2, 3, 4, 5, 6, 7].map(
      (e) =>
        html`<line class="grid" x1="${c(M.left)}" x2="${c(W - M.right)}" y1="${c(yOf(e))}" y2="${c(yOf(e))}"/><text class="tick" x="${c(M.left - 8)}" y="${c(yOf(e))}" text-anchor="end" dominant-baseline="middle">${e}</text>`,
    ),
  );

  const bars = join(
    steps.map((s, i) => {
      const cx = M.left + (i + 0.5) * slot;
      if (s.ease === null) {
        return html`<g class="unrated" data-step-id="${s.stepId}"><title>${labels.notRated}</title><text x="${c(cx)}" y="${c(base - 6)}" text-anchor="middle">–</text></g>`;
      }
      const tone = s.ease >= EASE_BENCHMARK_LINE ? 'good' : s.ease >= EASE_WORSE_THAN_AVERAGE ? 'fair' : 'weak';
      const y = yOf(s.ease);
      const vw = textWidth(String(s.ease), 11);
      return html`<g class="bar ${tone}" data-step-id="${s.stepId}" data-ease="${s.ease}"><rect x="${c(cx - barW / 2)}" y="${c(y)}" width="${c(barW)}" height="${c(base - y)}" rx="3" data-box="${boxAttr({ x: cx - barW / 2, y, width: barW, height: base - y })}"/><text class="value" x="${c(cx)}" y="${c(y - 5)}" text-anchor="middle" data-box="${boxAttr({ x: cx - vw / 2, y: y - 16, width: vw, height: 14 })}">${s.ease}</text></g>`;
    }),
  );

  const ticks = join(
    steps.map(
      (s, i) =>
        html`<text class="tick" x="${c(M.left + (i + 0.5) * slot)}" y="${c(base + 16)}" text-anchor="middle">${s.stepNo}</text>`,
    ),
  );
  const by = yOf(EASE_BENCHMARK_LINE);
  const legendW = textWidth(labels.benchmark, 11, true);
  const legendX = W - M.right - legendW;

  return html`<svg class="chart ease" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${labels.title}" xmlns="http://www.w3.org/2000/svg">
<title>${labels.title}</title>
${grid}
<line class="zero" x1="${c(M.left)}" x2="${c(W - M.right)}" y1="${c(base)}" y2="${c(base)}"/>
<text class="axis-caption" x="${c(M.left)}" y="${c(LEGEND_Y)}" data-box="${boxAttr({ x: M.left, y: LEGEND_Y - 11, width: textWidth(labels.axis, 11) * 1.05, height: 14 })}">${labels.axis}</text>
${bars}
<g class="benchmark" data-role="benchmark"><line x1="${c(M.left)}" x2="${c(W - M.right)}" y1="${c(by)}" y2="${c(by)}"/><line class="legend-swatch" x1="${c(legendX - 30)}" x2="${c(legendX - 6)}" y1="${c(LEGEND_Y - 4)}" y2="${c(LEGEND_Y - 4)}"/><text data-role="benchmark-label" x="${c(legendX)}" y="${c(LEGEND_Y)}" data-box="${boxAttr({ x: legendX - 30, y: LEGEND_Y - 11, width: legendW + 30, height: 14 })}">${labels.benchmark}</text></g>
${ticks}
<text class="axis-caption" x="${c(M.left - 8)}" y="${c(base + 16)}" text-anchor="end">${labels.step}</text>
</svg>`;
}
