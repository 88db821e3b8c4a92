// Every target the bench judges, in one place: the sections judge their figures against these, a
// section that breaks reports these figures unmeasured, and the run prints them before it starts.
// Timings are judged only as ratios of two things measured in the same run (absolute milliseconds
// do not carry from one machine to another: the same panel render took 92 ms on one and 180 ms on
// another); the sizes of the bundles are the same on every machine.
import type { Comparator } from './result.ts';

export interface Target {
  /** The section of `npm run bench` that measures it (`--only`). */
  section: 'capture' | 'content' | 'scale' | 'report' | 'bundle' | 'fullpage' | 'programme' | 'sync';
  /** The figure's name in the table and in bench/results.json. */
  name: string;
  unit: string;
  /** `ci95-low` judges the figure's 95% interval: met when its lower end is at most `limit`. */
  cmp: Comparator | 'ci95-low';
  limit: number;
  /** What it asks, for the list the run prints. */
  meaning: string;
}

export const TARGETS = {
  logStep: {
    section: 'capture',
    name: 'capture: Log step / bare captureVisibleTab (medians)',
    unit: 'x',
    cmp: '<=',
    limit: 2,
    meaning: 'a Log step takes at most twice the browser call it is built on',
  },
  domCapture: {
    section: 'capture',
    name: 'capture: html-to-image / Log step (medians)',
    unit: 'x',
    cmp: '>=',
    limit: 5,
    meaning: 'a DOM-to-canvas capture is at least 5x slower than a Log step',
  },
  contentVsRrweb: {
    section: 'content',
    name: 'content script: Peakend added / rrweb added main-thread time',
    unit: 'x',
    cmp: '<=',
    limit: 0.3,
    meaning: "Peakend adds at most 0.3x the main-thread time rrweb's recorder adds to the audited page",
  },
  contentVsMethod: {
    section: 'content',
    name: "content script: Peakend above the least script for the method's signals",
    unit: 'ms',
    cmp: 'ci95-low',
    limit: 0,
    meaning:
      "Peakend's paired excess over the least script that records METHOD.md's signals has a 95% interval reaching 0 or below",
  },
  panelSize: {
    section: 'scale',
    name: 'scale: panel first render, 500-step / 1-step audit (medians)',
    unit: 'x',
    cmp: '<=',
    limit: 1.15,
    meaning: "the panel's first render of a 500-step audit takes at most 1.15x that of a 1-step audit",
  },
  panelStartup: {
    section: 'scale',
    name: 'scale: panel first render, 1-step audit / empty extension page load (medians)',
    unit: 'x',
    cmp: '<=',
    limit: 2,
    meaning: "the panel's first render of a 1-step audit takes at most twice the load of an empty extension page",
  },
  programmeSize: {
    section: 'programme',
    name: 'programme: view first render, 200 / 10 audits of 30 steps (medians)',
    unit: 'x',
    cmp: '<=',
    limit: 1.5,
    meaning: "the programme view's first render with 200 audits takes at most 1.5x that with 10",
  },
  htmlGrowth: {
    section: 'report',
    name: 'report: HTML export, 500-step / 100-step time',
    unit: 'x',
    cmp: '<=',
    limit: 6,
    meaning: 'the HTML export grows about linearly with the audit (5x would be exactly linear)',
  },
  zipGrowth: {
    section: 'report',
    name: 'report: zip bundle, 500-step / 100-step time',
    unit: 'x',
    cmp: '<=',
    limit: 6,
    meaning: 'the zip bundle grows about linearly with the audit (5x would be exactly linear)',
  },
  fullPage: {
    section: 'fullpage',
    name: 'full page: 5-viewport page / the quota floor of 2 s (median)',
    unit: 'x',
    cmp: '<=',
    limit: 1.3,
    meaning: "a full page of 5 viewports takes at most 1.3x the 2 s captureVisibleTab's quota allows at best",
  },
  panelBundle: {
    section: 'bundle',
    name: 'bundle: panel JS, gzip',
    unit: 'kB',
    cmp: '<',
    limit: 40,
    meaning: "the panel's JavaScript is under 40 kB gzipped",
  },
  contentBundle: {
    section: 'bundle',
    name: 'bundle: content script, gzip',
    unit: 'kB',
    cmp: '<',
    limit: 15,
    meaning: 'the content script is under 15 kB gzipped',
  },
} as const satisfies Record<string, Target>;

/** How a target reads in the table and in results.json: "<= 1.15", "ci95-low <= 0". */
export const targetText = (t: Pick<Target, 'cmp' | 'limit'>): string =>
  t.cmp === 'ci95-low' ? `ci95-low <= ${t.limit}` : `${t.cmp} ${t.limit}`;

/** The list the run prints before it measures. */
export function describeTargets(targets: readonly Target[]): string {
  return targets.map((t) => `  ${t.name}: ${targetText(t)} ${t.unit} (${t.meaning})`).join('\n');
}
