// A ring gauge for a 0-100 score (the overall CX score on the first page).
import { html, type SafeHtml } from '../escape.ts';
import { bandOf, c } from './common.ts';

export function gaugeSvg(score: number | null, valueText: string, caption: string): SafeHtml {
  const r = 62;
  const circumference = 2 * Math.PI * r;
  const share = score === null ? 0 : Math.min(100, Math.max(0, score)) / 100;
  const dash = `${c(circumference * share)} ${c(circumference)}`;
  return html`<svg class="gauge ${bandOf(score)}" viewBox="0 0 160 160" width="160" height="160" role="img" aria-label="${caption}: ${valueText}" xmlns="http://www.w3.org/2000/svg">
<circle class="track" cx="80" cy="80" r="${r}"/>
${score === null ? '' : html`<circle class="arc" cx="80" cy="80" r="${r}" stroke-dasharray="${dash}" transform="rotate(-90 80 80)"/>`}
<text class="value" x="80" y="80" text-anchor="middle" dominant-baseline="central">${valueText}</text>
<text class="of" x="80" y="113" text-anchor="middle">/ 100</text>
</svg>`;
}

/** A horizontal stacked bar of shares (the emotional signature). */
export function stackedBarSvg(
  parts: readonly { key: string; label: string; share: number }[],
  title: string,
): SafeHtml {
  const W = 760;
  const H = 34;
  let x = 0;
  const segs = parts
    .filter((p) => p.share > 0)
    .map((p) => {
      const w = p.share * W;
      const seg = html`<rect class="seg ${p.key}" x="${c(x)}" y="0" width="${c(w)}" height="${H}"><title>${p.label}</title></rect>`;
      x += w;
      return seg;
    });
  return html`<svg class="chart stacked" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${title}" preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg"><title>${title}</title>${segs}</svg>`;
}
