// A programme read together: per site and wave the five headline numbers with n and a 95% interval,
// per stage the mean ease, the criteria failed on most visits, auditors' spread on the same site, and
// each site's change from wave to wave. Pure: the programme page and the tests compute the same.
//
// Definitions (the page's method note says the same in words):
// - Per site x wave: the audits of that site in that wave whose scores are final (metrics.ts); the
//   interval is Student's t (interval.ts).
// - Stage ease: each audit's mean ease (SEQ 1-7) over its rated steps of the stage, then the mean of
//   those over the wave's audits (an audit counts once however often it passed the stage). Unrated
//   steps are left out, not taken as any number; provisional audits count, as their ratings are real.
// - Recurring criterion: failed in MORE THAN HALF of the audits that marked it pass, partial or fail
//   (N/A and unmarked do not count), and marked by at least two audits. Finding titles that recur
//   (the same title, case and spacing ignored, in two or more audits) are listed as a weaker signal:
//   titles are free text, criterion marks are not.
// - Rater spread: per site and wave with two or more auditors, each auditor's mean overall score and
//   PE100, then the range (max - min) and SD of those means. Flagged when either range exceeds
//   SPREAD_FLAG_POINTS: auditors who walked the same journey a fifth of the scale apart disagree on
//   whether it is good, so their briefing or the scale's anchors need a look.
// - Trends: per site and metric, each wave against the previous wave that audited the site, as the
//   change of means with Welch's 95% interval; "clear" when that interval excludes 0.
import type { Audit, ElementId, Step } from '../model.ts';
import { rubricOf } from '../rubric.ts';
import { easeOf } from '../scores/normalise.ts';
import { getTemplate } from '../templates.ts';
import { auditorKey, orderedWaves, siteKey, sitesOf, waveKey, type SiteInfo, type WaveInfo } from './grouping.ts';
import { differenceInterval, meanInterval, type DifferenceInterval, type MeanInterval } from './interval.ts';
import {
  countsInStats,
  METRIC_BOUNDS,
  metricValue,
  PROGRAMME_METRICS,
  type ProgrammeMetric,
  type ScoreSummary,
} from './metrics.ts';

export const SPREAD_FLAG_POINTS = 20;
/** "Most": strictly more than this share of the audits that marked the criterion. */
export const RECURRING_SHARE = 0.5;
export const RECURRING_MIN_MARKED = 2;
export const TITLE_MIN_AUDITS = 2;

/** An audit with its scores: all the table of sites x waves needs. */
export interface ProgrammeScoredAudit {
  audit: Audit;
  /** From computeScores, as the audit's report; a full AuditScores serves too. */
  scores: ScoreSummary;
}

/** With its steps: what the rest of the view (stages, finding titles) needs. */
export interface ProgrammeItem extends ProgrammeScoredAudit {
  steps: readonly Step[];
}

export interface MetricCell extends MeanInterval {
  /** Final audits without this number (NEV with no emotion logged). */
  missing: number;
}

export interface SiteWaveCell {
  site: string;
  wave: string;
  /** Every audit of the site in the wave. */
  audits: number;
  /** Audits whose scores are final and counted. */
  counted: number;
  provisional: number;
  notAssessed: number;
  auditors: number;
  metrics: Record<ProgrammeMetric, MetricCell>;
}

export interface StageEase {
  /** Stage id; null: steps without a stage. */
  stage: string | null;
  /** One per wave, in wave order. */
  waves: Array<{ wave: string } & MeanInterval>;
  /** All waves together. */
  all: MeanInterval;
}

export interface RecurringCriterion {
  criterionId: string;
  element: ElementId;
  critical: boolean;
  /** Audits that marked it pass, partial or fail. */
  marked: number;
  failed: number;
  /** failed / marked. */
  share: number;
  /** Site keys where it failed at least once. */
  sites: string[];
}

export interface RecurringTitle {
  /** The title as most of its audits wrote it. */
  title: string;
  audits: number;
  sites: string[];
}

export interface SpreadStat {
  /** max - min of the auditors' means; null with fewer than two auditors with the number. */
  range: number | null;
  sd: number | null;
  /** Each auditor's mean (by pseudonym as first written), in name order. */
  byAuditor: Array<{ auditor: string; mean: number; audits: number }>;
}

export interface RaterSpread {
  site: string;
  wave: string;
  auditors: number;
  overall: SpreadStat;
  pe100: SpreadStat;
  /** A range above SPREAD_FLAG_POINTS on overall or PE100. */
  flagged: boolean;
}

export interface Trend {
  site: string;
  metric: ProgrammeMetric;
  from: string;
  to: string;
  /** null when either wave has no mean of this number. */
  change: DifferenceInterval | null;
}

/** The table of sites x waves: what the programme view draws first. */
export interface ProgrammeScoreStats {
  audits: number;
  waves: WaveInfo[];
  sites: SiteInfo[];
  /** Site-major, then wave order; only pairs with at least one audit. */
  cells: SiteWaveCell[];
}

export interface ProgrammeStats extends ProgrammeScoreStats {
  stages: StageEase[];
  recurring: RecurringCriterion[];
  recurringTitles: RecurringTitle[];
  spread: RaterSpread[];
  trends: Trend[];
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const siteOf = (item: ProgrammeScoredAudit): string => siteKey(item.audit.site);
const waveOf = (item: ProgrammeScoredAudit): string => waveKey(item.audit.programme?.wave ?? '');

function siteWaveCell(site: string, wave: string, items: readonly ProgrammeScoredAudit[]): SiteWaveCell {
  const counted = items.filter((item) => countsInStats(item.scores));
  const metrics = {} as Record<ProgrammeMetric, MetricCell>;
  for (const metric of PROGRAMME_METRICS) {
    const values = counted.map((item) => metricValue(item.scores, metric));
    const present = values.filter((v): v is number => v !== null);
    metrics[metric] = { ...meanInterval(present, METRIC_BOUNDS[metric]), missing: values.length - present.length };
  }
  return {
    site,
    wave,
    audits: items.length,
    counted: counted.length,
    provisional: items.filter((item) => item.scores.basis.status === 'provisional').length,
    notAssessed: items.filter((item) => item.scores.basis.status === 'not-assessed').length,
    auditors: new Set(items.map((item) => auditorKey(item.audit.auditor))).size,
    metrics,
  };
}

/** Stage ids in the order of the audits' templates, then the others by name, then no stage. */
function stageOrder(items: readonly ProgrammeItem[]): Array<string | null> {
  const used = new Set<string | null>();
  for (const item of items) for (const step of item.steps) used.add(step.stage ?? null);
  const order: Array<string | null> = [];
  for (const item of items) {
    const template = getTemplate(item.audit.templateId, item.audit.templateVersion);
    for (const stage of template?.stages ?? [])
      if (used.has(stage.id) && !order.includes(stage.id)) order.push(stage.id);
  }
  const rest = [...used].filter((s): s is string => s !== null && !order.includes(s)).sort();
  return [...order, ...rest, ...(used.has(null) ? [null] : [])];
}

/** An audit's mean ease over its rated steps of `stage`; null when it rated none there. */
function auditStageEase(steps: readonly Step[], stage: string | null): number | null {
  const eases = steps
    .filter((step) => (step.stage ?? null) === stage)
    .map((step) => easeOf(step))
    .filter((e): e is number => e !== null);
  return eases.length === 0 ? null : eases.reduce((a, b) => a + b, 0) / eases.length;
}

function stageEase(items: readonly ProgrammeItem[], waves: readonly WaveInfo[]): StageEase[] {
  const bounds = { min: 1, max: 7 };
  return stageOrder(items).map((stage) => {
    const perAudit = items.map((item) => ({ wave: waveOf(item), ease: auditStageEase(item.steps, stage) }));
    const valuesIn = (wave: string | null) =>
      perAudit.filter((a) => a.ease !== null && (wave === null || a.wave === wave)).map((a) => a.ease as number);
    return {
      stage,
      waves: waves.map((w) => ({ wave: w.wave, ...meanInterval(valuesIn(w.wave), bounds) })),
      all: meanInterval(valuesIn(null), bounds),
    };
  });
}

function recurringCriteria(items: readonly ProgrammeItem[]): RecurringCriterion[] {
  const tally = new Map<string, RecurringCriterion>();
  for (const item of items) {
    const rubric = rubricOf(item.audit);
    const marks = item.audit.rubric?.marks ?? {};
    for (const criterion of rubric.criteria) {
      const mark = marks[criterion.id]?.mark ?? null;
      if (mark !== 'pass' && mark !== 'partial' && mark !== 'fail') continue;
      let row = tally.get(criterion.id);
      if (!row) {
        row = {
          criterionId: criterion.id,
          element: criterion.element,
          critical: criterion.critical,
          marked: 0,
          failed: 0,
          share: 0,
          sites: [],
        };
        tally.set(criterion.id, row);
      }
      row.marked += 1;
      if (mark === 'fail') {
        row.failed += 1;
        const site = siteOf(item);
        if (!row.sites.includes(site)) row.sites.push(site);
      }
    }
  }
  return [...tally.values()]
    .map((row) => ({ ...row, share: row.failed / row.marked }))
    .filter((row) => row.marked >= RECURRING_MIN_MARKED && row.share > RECURRING_SHARE)
    .sort((a, b) => b.share - a.share || b.failed - a.failed || a.criterionId.localeCompare(b.criterionId));
}

const titleKey = (title: string): string =>
  title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim();

function recurringTitles(items: readonly ProgrammeItem[]): RecurringTitle[] {
  const byKey = new Map<string, { forms: Map<string, number>; audits: Set<string>; sites: Set<string> }>();
  for (const item of items) {
    for (const step of item.steps) {
      for (const finding of step.findings) {
        const key = titleKey(finding.title);
        if (key === '') continue;
        let row = byKey.get(key);
        if (!row) {
          row = { forms: new Map(), audits: new Set(), sites: new Set() };
          byKey.set(key, row);
        }
        const form = finding.title.trim();
        row.forms.set(form, (row.forms.get(form) ?? 0) + 1);
        row.audits.add(item.audit.id);
        row.sites.add(siteOf(item));
      }
    }
  }
  // Shown as most auditors wrote it (ties: the form first met).
  const commonForm = (forms: Map<string, number>): string =>
    [...forms].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
  return [...byKey.values()]
    .filter((row) => row.audits.size >= TITLE_MIN_AUDITS)
    .map((row) => ({ title: commonForm(row.forms), audits: row.audits.size, sites: [...row.sites] }))
    .sort((a, b) => b.audits - a.audits || a.title.localeCompare(b.title));
}

function spreadStat(items: readonly ProgrammeItem[], metric: ProgrammeMetric): SpreadStat {
  const byAuditor = new Map<string, { auditor: string; values: number[] }>();
  for (const item of items) {
    const value = metricValue(item.scores, metric);
    if (value === null) continue;
    const key = auditorKey(item.audit.auditor);
    const row = byAuditor.get(key) ?? { auditor: item.audit.auditor.trim(), values: [] };
    row.values.push(value);
    byAuditor.set(key, row);
  }
  const means = [...byAuditor.values()]
    .map((row) => ({
      auditor: row.auditor,
      mean: row.values.reduce((a, b) => a + b, 0) / row.values.length,
      audits: row.values.length,
    }))
    .sort((a, b) => a.auditor.localeCompare(b.auditor));
  if (means.length < 2) return { range: null, sd: null, byAuditor: means };
  const values = means.map((m) => m.mean);
  return {
    range: Math.max(...values) - Math.min(...values),
    sd: meanInterval(values, { min: -Infinity, max: Infinity }).sd,
    byAuditor: means,
  };
}

function raterSpread(site: string, wave: string, items: readonly ProgrammeItem[]): RaterSpread | null {
  const counted = items.filter((item) => countsInStats(item.scores));
  const auditors = new Set(counted.map((item) => auditorKey(item.audit.auditor))).size;
  if (auditors < 2) return null;
  const overall = spreadStat(counted, 'overall');
  const pe100 = spreadStat(counted, 'pe100');
  const over = (s: SpreadStat) => s.range !== null && s.range > SPREAD_FLAG_POINTS;
  return { site, wave, auditors, overall, pe100, flagged: over(overall) || over(pe100) };
}

function trends(cells: readonly SiteWaveCell[], sites: readonly SiteInfo[], waves: readonly WaveInfo[]): Trend[] {
  const out: Trend[] = [];
  for (const site of sites) {
    const seen = waves
      .map((w) => cells.find((c) => c.site === site.key && c.wave === w.wave))
      .filter((c): c is SiteWaveCell => c !== undefined);
    for (let i = 1; i < seen.length; i++) {
      const before = seen[i - 1] as SiteWaveCell;
      const after = seen[i] as SiteWaveCell;
      for (const metric of PROGRAMME_METRICS) {
        out.push({
          site: site.key,
          metric,
          from: before.wave,
          to: after.wave,
          change: differenceInterval(before.metrics[metric], after.metrics[metric]),
        });
      }
    }
  }
  return out;
}

/** The site x wave cells: only each audit's scores, site, wave and auditor are read. */
export function programmeScoreStats(items: readonly ProgrammeScoredAudit[]): ProgrammeScoreStats {
  const audits = items.map((item) => item.audit);
  const waves = orderedWaves(audits);
  const sites = sitesOf(audits);
  const cells: SiteWaveCell[] = [];
  for (const [site, byWave] of bySiteAndWave(items, sites)) {
    for (const wave of waves) {
      const inCell = byWave.get(wave.wave);
      if (inCell) cells.push(siteWaveCell(site, wave.wave, inCell));
    }
  }
  return { audits: items.length, waves, sites, cells };
}

function bySiteAndWave<T extends ProgrammeScoredAudit>(
  items: readonly T[],
  sites: readonly SiteInfo[],
): Array<[string, Map<string, T[]>]> {
  const bySite = group(items, siteOf);
  return sites.map((site) => [site.key, group(bySite.get(site.key) ?? [], waveOf)]);
}

/** The rest of the view (stage ease, recurring findings, rater spread, trends) beside `head`. */
export function programmeDetailStats(items: readonly ProgrammeItem[], head: ProgrammeScoreStats): ProgrammeStats {
  const spread: RaterSpread[] = [];
  for (const [site, byWave] of bySiteAndWave(items, head.sites)) {
    for (const wave of head.waves) {
      const inCell = byWave.get(wave.wave);
      const s = inCell ? raterSpread(site, wave.wave, inCell) : null;
      if (s) spread.push(s);
    }
  }
  return {
    ...head,
    stages: stageEase(items, head.waves),
    recurring: recurringCriteria(items),
    recurringTitles: recurringTitles(items),
    spread,
    trends: trends(head.cells, head.sites, head.waves),
  };
}

/** Everything the programme view shows, from the programme's audits with their steps and scores. */
export function programmeStats(items: readonly ProgrammeItem[]): ProgrammeStats {
  return programmeDetailStats(items, programmeScoreStats(items));
}
