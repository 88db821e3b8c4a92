// What every comparison section gets: the data, the formatter, the image source, the audits'
// display labels and series styles (colour, line dash, marker shape), and stage names.
import type { StageRow } from '../../domain/compare/index.ts';
import { t } from '../../i18n/t.ts';
import type { ImageSource } from '../data.ts';
import { makeFormatter, type Formatter } from '../format.ts';
import type { RenderOptions } from '../html/context.ts';
import { humanise, tOr } from '../i18n.ts';
import type { CompareData } from './data.ts';

export type { RenderOptions };

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface SeriesStyle {
  /** 0-based audit index; also the CSS class suffix (series-0 ...). */
  index: number;
  /** Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. */
  colour: string;
  /** SVG stroke-dasharray of the audit's curve ('' solid). */
  dash: string;
  /** Marker shape, so the curves are told apart without colour too. */
  shape: MarkerShape;
}

export const SERIES: readonly SeriesStyle[] = [
  { index: 0, colour: '#0072b2', dash: '', shape: 'circle' },
  { index: 1, colour: '#d55e00', dash: '8 4', shape: 'square' },
  { index: 2, colour: '#009e73', dash: '2 4', shape: 'triangle' },
  { index: 3, colour: '#cc79a7', dash: '10 4 2 4', shape: 'diamond' },
];

export const seriesOf = (i: number): SeriesStyle => SERIES[i % SERIES.length] ?? (SERIES[0] as SeriesStyle);

export interface CompareContext {
  data: CompareData;
  images: ImageSource;
  fmt: Formatter;
  /** One display label per audit: the site, with its date when two audits share a site name. */
  labels: string[];
  /** Display name of an aligned row's stage. */
  rowName(row: StageRow): string;
  /** Display name of a stage id (null: steps without a stage). A function of its own, to hand on. */
  stageName: (stage: string | null) => string;
}

/** Site names, made unique with the audit's date (and then a number) when they repeat. */
export function auditLabels(data: CompareData, fmt: Formatter): string[] {
  const sites = data.items.map((item) => (item.audit.site?.trim() ? item.audit.site.trim() : t('untitledSite')));
  const count = (list: readonly string[], x: string): number => list.filter((y) => y === x).length;
  const dated = sites.map((site, i) => {
    if (count(sites, site) < 2) return site;
    const audit = data.items[i]?.audit;
    const when = audit?.startedAt ?? audit?.createdAt ?? null;
    return when ? t('compare_siteOnDate', site, fmt.date(when)) : site;
  });
  return dated.map((label, i) => (count(dated, label) < 2 ? label : t('compare_siteNumbered', label, i + 1)));
}

export function makeCompareContext(data: CompareData, images: ImageSource, opts: RenderOptions = {}): CompareContext {
  const fmt = makeFormatter(opts.locale ?? 'en');
  const rows = data.comparison.alignment.rows;
  const rowName = (row: StageRow): string => {
    if (row.stage === null) return t('compare_unstaged');
    if (row.templateStage) return tOr(row.templateStage.nameKey, row.templateStage.name);
    return humanise(row.stage);
  };
  const stageName = (stage: string | null): string => {
    const row = rows.find((r) => r.stage === stage);
    if (row) return rowName(row);
    return stage === null ? t('compare_unstaged') : humanise(stage);
  };
  return { data, images, fmt, labels: auditLabels(data, fmt), rowName, stageName };
}
