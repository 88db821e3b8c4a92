// The emotion curves of 2-4 audits overlaid on one stage axis, as hand-written SVG. Each stage is a
// band as wide as the most steps any audit took in it; an audit's steps in the stage are spread
// evenly across the band (a small per-audit offset keeps equal points apart). Each audit has its
// own colour, dash pattern and marker shape (readable without colour), its peak and end ringed
// and tagged P and E. A segment that crosses a stage the audit lacks is drawn faint. Under the
// axis, one row per audit shows its marker where it has steps (with their count) and a dash where
// the stage is missing.
import { html, join, type SafeHtml } from '../escape.ts';
import { c, clip } from '../svg/common.ts';
import type { MarkerShape, SeriesStyle } from './context.ts';

export interface OverlayRow {
  name: string;
  /** Width of the band in step slots: the most steps any audit has in this stage (at least 1). */
  slots: number;
}

export interface OverlayPoint {
  stepId: string;
  /** 1-based step number in the audit's journey. */
  stepNo: number;
  row: number;
  /** Position of the step among the audit's steps in this row, and how many there are. */
  slot: number;
  of: number;
  /** Raw valence -4..+4; null: not rated. */
  valence: number | null;
}

export interface OverlaySeries {
  label: string;
  style: SeriesStyle;
  /** In axis order (row order, then journey order within the row). */
  points: OverlayPoint[];
  /** Rows where the audit has no step. */
  missingRows: ReadonlySet<number>;
  peakStepId: string | null;
  endStepId: string | null;
}

export interface OverlayLabels {
  title: string;
  axis: string;
  peakTag: string;
  endTag: string;
  peakEndTag: string;
  notRated: string;
  missing: string;
  /** Tooltip of a point: audit, step number, stage, valence. */
  point: (series: string, stepNo: number, stage: string, valence: string) => string;
  valence: (v: number) => string;
}

export interface OverlayInput {
  rows: OverlayRow[];
  series: OverlaySeries[];
  labels: OverlayLabels;
}

const W = 860;
const M = { left: 44, right: 16, top: 34 };
const PLOT_H = 250;
const PLOT_W = W - M.left - M.right;
const V_MAX = 4;
const LABEL_H = 44;
/** Approximate width of a character of the 11 px bold band label. */
const CHAR_W = 6.4;

/** A band label in at most two lines that fit `width` (the rest clipped with an ellipsis). */
export function wrapLabel(text: string, width: number): string[] {
  const max = Math.max(3, Math.floor((width - 6) / CHAR_W));
  if (Array.from(text).length <= max) return [text];
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (words.length < 2) return [clip(text, max)];
  // The split that keeps the longer line shortest (ties: the later split, so "Search /" stays together).
  let best: [string, string] = [words[0] ?? '', words.slice(1).join(' ')];
  for (let k = 1; k < words.length; k++) {
    const pair: [string, string] = [words.slice(0, k).join(' '), words.slice(k).join(' ')];
    if (Math.max(pair[0].length, pair[1].length) <= Math.max(best[0].length, best[1].length)) best = pair;
  }
  return [clip(best[0], max), clip(best[1], max)];
}
const PRESENCE_H = 18;

const yOf = (valence: number): number => M.top + ((V_MAX - valence) / (2 * V_MAX)) * PLOT_H;

/** A marker of the given shape centred on (x, y), radius r. */
export function shapePath(shape: MarkerShape, x: number, y: number, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${c(x - r)},${c(y)} a${c(r)},${c(r)} 0 1,0 ${c(2 * r)},0 a${c(r)},${c(r)} 0 1,0 ${c(-2 * r)},0 Z`;
    case 'square': {
      const s = r * 0.9;
      return `M${c(x - s)},${c(y - s)} H${c(x + s)} V${c(y + s)} H${c(x - s)} Z`;
    }
    case 'triangle': {
      const h = r * 1.15;
      return `M${c(x)},${c(y - h)} L${c(x + h)},${c(y + h * 0.8)} L${c(x - h)},${c(y + h * 0.8)} Z`;
    }
    case 'diamond': {
      const d = r * 1.2;
      return `M${c(x)},${c(y - d)} L${c(x + d)},${c(y)} L${c(x)},${c(y + d)} L${c(x - d)},${c(y)} Z`;
    }
  }
}

/** A legend swatch: a short line in the series' dash with its marker, as a small inline SVG. */
export function seriesSwatch(style: SeriesStyle): SafeHtml {
  return html`<svg class="series-swatch" viewBox="0 0 34 14" width="34" height="14" aria-hidden="true" xmlns="http://www.w3.org/2000/svg"><line x1="1" x2="33" y1="7" y2="7" stroke="${style.colour}" stroke-width="2.4"${style.dash ? html` stroke-dasharray="${style.dash}"` : ''}/><path d="${shapePath(style.shape, 17, 7, 4.6)}" fill="${style.colour}" stroke="#fff" stroke-width="1.2"/></svg>`;
}

export function overlayCurvesSvg(input: OverlayInput): SafeHtml {
  const { rows, series, labels } = input;
  const totalSlots = Math.max(
    1,
    rows.reduce((n, r) => n + Math.max(1, r.slots), 0),
  );
  const slotW = PLOT_W / totalSlots;
  const bandX: number[] = [];
  let acc = 0;
  for (const row of rows) {
    bandX.push(M.left + acc * slotW);
    acc += Math.max(1, row.slots);
  }
  const bandW = (r: number): number => Math.max(1, rows[r]?.slots ?? 1) * slotW;
  const n = series.length;
  const offset = (s: number): number => (s - (n - 1) / 2) * Math.min(7, slotW / (2 * Math.max(n, 1)));
  const xOf = (p: OverlayPoint, s: number): number =>
    (bandX[p.row] ?? M.left) + ((p.slot + 0.5) * bandW(p.row)) / Math.max(1, p.of) + offset(s);
  const y0 = yOf(0);
  const plotBottom = M.top + PLOT_H;
  const H = plotBottom + LABEL_H + n * PRESENCE_H + 12;

  const bands = join(
    rows.map((row, r) => {
      const x = bandX[r] ?? M.left;
      const w = bandW(r);
      const lines = wrapLabel(row.name, w);
      const label = join(
        lines.map((line, k) => html`<tspan x="${c(x + w / 2)}" dy="${k === 0 ? 0 : 13}">${line}</tspan>`),
      );
      return html`<g class="stage-band ${r % 2 === 0 ? 'even' : 'odd'}" data-row="${r}"><rect class="band-bg" x="${c(x)}" y="${c(M.top)}" width="${c(w)}" height="${c(PLOT_H)}"/><text class="band-label" x="${c(x + w / 2)}" y="${c(plotBottom + 16)}" text-anchor="middle"><title>${row.name}</title>${label}</text></g>`;
    }),
  );
  const separators = join(
    rows.slice(1).map((_, k) => {
      const x = bandX[k + 1] ?? M.left;
      return html`<line class="band-sep" x1="${c(x)}" x2="${c(x)}" y1="${c(M.top)}" y2="${c(plotBottom + LABEL_H + n * PRESENCE_H)}"/>`;
    }),
  );

  const grid = join(
    [-4, -3, -2, -1, 0, 1, 2, 3, 4].map((v) => {
      const y = c(yOf(v));
      const tick =
        v % 2 === 0
          ? html`<text class="tick" x="${c(M.left - 8)}" y="${y}" text-anchor="end" dominant-baseline="middle">${labels.valence(v)}</text>`
          : '';
      return html`<line class="${v === 0 ? 'zero' : 'grid'}" x1="${c(M.left)}" x2="${c(W - M.right)}" y1="${y}" y2="${y}"/>${tick}`;
    }),
  );

  const curves = join(
    series.map((se, s) => {
      const st = se.style;
      const rated = se.points.filter((p): p is OverlayPoint & { valence: number } => p.valence !== null);
      const segments: SafeHtml[] = [];
      for (let k = 1; k < rated.length; k++) {
        const a = rated[k - 1];
        const b = rated[k];
        if (!a || !b) continue;
        let gap = false;
        for (let r = Math.min(a.row, b.row) + 1; r < Math.max(a.row, b.row); r++) if (se.missingRows.has(r)) gap = true;
        segments.push(
          html`<line class="seg${gap ? ' across-missing' : ''}" x1="${c(xOf(a, s))}" y1="${c(yOf(a.valence))}" x2="${c(xOf(b, s))}" y2="${c(yOf(b.valence))}" stroke="${st.colour}"${st.dash ? html` stroke-dasharray="${st.dash}"` : ''}/>`,
        );
      }
      const points = join(
        se.points.map((p) => {
          const x = xOf(p, s);
          if (p.valence === null) {
            return html`<path class="pt unrated" data-step-id="${p.stepId}" d="${shapePath(st.shape, x, y0, 3.6)}" stroke="${st.colour}"><title>${labels.point(se.label, p.stepNo, rows[p.row]?.name ?? '', labels.notRated)}</title></path>`;
          }
          return html`<path class="pt" data-step-id="${p.stepId}" data-valence="${p.valence}" d="${shapePath(st.shape, x, yOf(p.valence), 5.2)}" fill="${st.colour}"><title>${labels.point(se.label, p.stepNo, rows[p.row]?.name ?? '', labels.valence(p.valence))}</title></path>`;
        }),
      );
      const ring = (stepId: string | null, role: 'peak' | 'end' | 'peak-end'): SafeHtml | string => {
        if (stepId === null) return '';
        const p = rated.find((q) => q.stepId === stepId);
        if (!p) return '';
        const x = xOf(p, s);
        const y = yOf(p.valence);
        const tag = role === 'peak' ? labels.peakTag : role === 'end' ? labels.endTag : labels.peakEndTag;
        const above = p.valence >= 0;
        const ty = above ? y - 16 : y + 24;
        return html`<g class="moment ${role}" data-role="${role}" data-step-id="${p.stepId}"><path class="ring" d="${shapePath(st.shape, x, y, role === 'end' ? 11 : 9.5)}" stroke="${st.colour}"/><text class="moment-tag" x="${c(x)}" y="${c(ty)}" text-anchor="middle" fill="${st.colour}">${tag}</text></g>`;
      };
      const same = se.peakStepId !== null && se.peakStepId === se.endStepId;
      const moments = same
        ? ring(se.peakStepId, 'peak-end')
        : html`${ring(se.peakStepId, 'peak')}${ring(se.endStepId, 'end')}`;
      return html`<g class="series series-${st.index}" data-series="${s}"><title>${se.label}</title>${segments}${points}${moments}</g>`;
    }),
  );

  // Presence rows: the audit's marker where it has steps (with a count above one), a dash where not.
  const presence = join(
    series.map((se, s) => {
      const y = plotBottom + LABEL_H + s * PRESENCE_H + PRESENCE_H / 2;
      const cells = rows.map((row, r) => {
        const x = (bandX[r] ?? M.left) + bandW(r) / 2;
        if (se.missingRows.has(r)) {
          return html`<g class="absent" data-row="${r}"><title>${se.label}: ${row.name} — ${labels.missing}</title><line x1="${c(x - 5)}" x2="${c(x + 5)}" y1="${c(y)}" y2="${c(y)}"/></g>`;
        }
        const count = se.points.filter((p) => p.row === r).length;
        return html`<g class="present" data-row="${r}"><path d="${shapePath(se.style.shape, x - (count > 1 ? 6 : 0), y, 4.2)}" fill="${se.style.colour}"/>${count > 1 ? html`<text x="${c(x + 2)}" y="${c(y)}" dominant-baseline="central">×${count}</text>` : ''}</g>`;
      });
      return html`<g class="presence series-${se.style.index}" data-series="${s}">${cells}</g>`;
    }),
  );

  return html`<svg class="chart overlay-curves" viewBox="0 0 ${W} ${c(H)}" width="${W}" height="${c(H)}" role="img" aria-label="${labels.title}" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet">
<title>${labels.title}</title>
${bands}
<rect class="half pos" x="${c(M.left)}" y="${c(M.top)}" width="${c(PLOT_W)}" height="${c(PLOT_H / 2)}"/>
<rect class="half neg" x="${c(M.left)}" y="${c(y0)}" width="${c(PLOT_W)}" height="${c(PLOT_H / 2)}"/>
${grid}
${separators}
<text class="axis-caption" x="${c(M.left)}" y="${c(M.top - 14)}">${labels.axis}</text>
${curves}
${presence}
</svg>`;
}
