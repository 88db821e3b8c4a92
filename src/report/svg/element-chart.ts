// The five elements' scores (0-100) as horizontal bars, with the Immersion index as a line, the
// critical cap at 50 marked on capped elements, and "not assessed" elements shown as such.
import { html, join, type SafeHtml } from '../escape.ts';
import { bandOf, c } from './common.ts';

export interface ElementBar {
  element: string;
  name: string;
  /** 0-100 after the cap; null: not assessed. */
  score: number | null;
  /** Formatted score ("63"). */
  scoreText: string;
  capped: boolean;
  /** Weight in the Immersion index (2 = double under the touchpoint scenario). */
  weight: number;
}

export interface ElementLabels {
  title: string;
  notAssessed: string;
  capped: string;
  /** e.g. "Immersion 62"; null: no line. */
  immersion: string | null;
  /** "×2" badge text. */
  double: string;
}

const W = 760;
const ROW = 46;
const M = { left: 190, right: 64, top: 34, bottom: 26 };
const PLOT_W = W - M.left - M.right;

export function elementChartSvg(
  bars: readonly ElementBar[],
  immersion: number | null,
  labels: ElementLabels,
): SafeHtml {
  const H = M.top + bars.length * ROW + M.bottom;
  const xOf = (score: number): number => M.left + (Math.min(100, Math.max(0, score)) / 100) * PLOT_W;
  const bottom = M.top + bars.length * ROW;

  const grid = join(
    [0, 25, 50, 75, 100].map(
      (v) =>
        html`<line class="grid" x1="${c(xOf(v))}" x2="${c(xOf(v))}" y1="${c(M.top - 6)}" y2="${c(bottom)}"/><text class="tick" x="${c(xOf(v))}" y="${c(bottom + 16)}" text-anchor="middle">${v}</text>`,
    ),
  );

  const rows = join(
    bars.map((b, i) => {
      const y = M.top + i * ROW + 10;
      const h = ROW - 20;
      const name = html`<text class="label" x="${c(M.left - 12)}" y="${c(y + h / 2)}" text-anchor="end" dominant-baseline="middle">${b.name}${b.weight > 1 ? html`<tspan class="double"> ${labels.double}</tspan>` : ''}</text>`;
      const track = html`<rect class="track" x="${c(M.left)}" y="${c(y)}" width="${c(PLOT_W)}" height="${c(h)}" rx="4"/>`;
      if (b.score === null) {
        return html`<g class="row not-assessed" data-element="${b.element}">${name}${track}<text class="na" x="${c(M.left + 10)}" y="${c(y + h / 2)}" dominant-baseline="middle">${labels.notAssessed}</text></g>`;
      }
      const w = Math.max(xOf(b.score) - M.left, 2);
      const cap = b.capped
        ? html`<g class="cap"><line x1="${c(xOf(50))}" x2="${c(xOf(50))}" y1="${c(y - 5)}" y2="${c(y + h + 5)}"/><text x="${c(xOf(50) + 5)}" y="${c(y - 1)}">${labels.capped}</text></g>`
        : '';
      return html`<g class="row ${bandOf(b.score)}${b.capped ? ' capped' : ''}" data-element="${b.element}" data-score="${b.scoreText}">${name}${track}<rect class="bar" x="${c(M.left)}" y="${c(y)}" width="${c(w)}" height="${c(h)}" rx="4"/><text class="value" x="${c(M.left + w + 8)}" y="${c(y + h / 2)}" dominant-baseline="middle">${b.scoreText}</text>${cap}</g>`;
    }),
  );

  const immersionLine =
    immersion === null || labels.immersion === null
      ? ''
      : html`<g class="immersion" data-role="immersion"><line x1="${c(xOf(immersion))}" x2="${c(xOf(immersion))}" y1="${c(M.top - 8)}" y2="${c(bottom)}"/><text x="${c(xOf(immersion))}" y="${c(M.top - 14)}" text-anchor="middle">${labels.immersion}</text></g>`;

  return html`<svg class="chart elements" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${labels.title}" xmlns="http://www.w3.org/2000/svg">
<title>${labels.title}</title>
${grid}
${rows}
${immersionLine}
</svg>`;
}
