// The programme view as CSV (RFC 4180, via the report's CSV helpers): one tidy table whose first
// column says what a row is: `score` (site x wave x metric), `stage_ease` (stage x wave, `*` for all
// waves), `recurring_criterion`, `recurring_title`, `spread` (site x wave x overall/pe100) and
// `trend` (site, wave to wave, metric). Machine column names, not translated; sites by name; every
// text cell guarded against formula injection; numbers to 3 decimals at most.
import { PROGRAMME_METRICS } from '../../domain/programme-view/index.ts';
import { CSV_BOM, textCell, toCsv, type CsvCell } from '../csv.ts';
import type { ProgrammeData } from './data.ts';

export const PROGRAMME_CSV_COLUMNS: readonly string[] = [
  'section',
  'programme',
  'site',
  'wave',
  'to_wave',
  'stage',
  'metric',
  'key',
  'n',
  'mean',
  'sd',
  'ci_low',
  'ci_high',
  'range',
  'count',
  'of',
  'provisional',
  'not_assessed',
  'missing',
  'flag',
];

const r3 = (n: number | null | undefined): number | null =>
  n === null || n === undefined || !Number.isFinite(n) ? null : Math.round(n * 1000) / 1000;

type Row = Partial<Record<(typeof PROGRAMME_CSV_COLUMNS)[number], CsvCell>>;

export function programmeRows(data: ProgrammeData): CsvCell[][] {
  const { stats } = data;
  const siteName = new Map(stats.sites.map((s) => [s.key, s.name]));
  const site = (key: string) => textCell(siteName.get(key) ?? key);
  const rows: Row[] = [];
  for (const cell of stats.cells) {
    for (const metric of PROGRAMME_METRICS) {
      const m = cell.metrics[metric];
      rows.push({
        section: 'score',
        site: site(cell.site),
        wave: textCell(cell.wave),
        metric,
        n: m.n,
        mean: r3(m.mean),
        sd: r3(m.sd),
        ci_low: r3(m.low),
        ci_high: r3(m.high),
        count: cell.counted,
        of: cell.audits,
        provisional: cell.provisional,
        not_assessed: cell.notAssessed,
        missing: m.missing,
      });
    }
  }
  for (const stage of stats.stages) {
    for (const [wave, m] of [...stage.waves.map((w) => [w.wave, w] as const), ['*', stage.all] as const]) {
      rows.push({
        section: 'stage_ease',
        wave: textCell(wave),
        stage: textCell(stage.stage ?? ''),
        metric: 'ease',
        n: m.n,
        mean: r3(m.mean),
        sd: r3(m.sd),
        ci_low: r3(m.low),
        ci_high: r3(m.high),
      });
    }
  }
  for (const r of stats.recurring) {
    rows.push({
      section: 'recurring_criterion',
      site: textCell(r.sites.map((k) => siteName.get(k) ?? k).join('; ')),
      key: r.criterionId,
      mean: r3(r.share),
      count: r.failed,
      of: r.marked,
      flag: r.critical ? 'critical' : null,
    });
  }
  for (const r of stats.recurringTitles) {
    rows.push({
      section: 'recurring_title',
      site: textCell(r.sites.map((k) => siteName.get(k) ?? k).join('; ')),
      key: textCell(r.title),
      count: r.audits,
    });
  }
  for (const s of stats.spread) {
    for (const [metric, stat] of [
      ['overall', s.overall],
      ['pe100', s.pe100],
    ] as const) {
      rows.push({
        section: 'spread',
        site: site(s.site),
        wave: textCell(s.wave),
        metric,
        n: stat.byAuditor.length,
        sd: r3(stat.sd),
        range: r3(stat.range),
        flag: s.flagged ? 'flagged' : null,
      });
    }
  }
  for (const tr of stats.trends) {
    rows.push({
      section: 'trend',
      site: site(tr.site),
      wave: textCell(tr.from),
      to_wave: textCell(tr.to),
      metric: tr.metric,
      mean: r3(tr.change?.delta),
      ci_low: r3(tr.change?.low),
      ci_high: r3(tr.change?.high),
      flag: tr.change?.clear ? 'clear' : null,
    });
  }
  const programme = textCell(data.programme.name);
  return [
    [...PROGRAMME_CSV_COLUMNS],
    ...rows.map((row) => PROGRAMME_CSV_COLUMNS.map((c) => (c === 'programme' ? programme : (row[c] ?? null)))),
  ];
}

/** The programme CSV text, with a BOM for Excel. */
export function programmeCsv(data: ProgrammeData, opts: { bom?: boolean } = {}): string {
  return (opts.bom === false ? '' : CSV_BOM) + toCsv(programmeRows(data));
}
