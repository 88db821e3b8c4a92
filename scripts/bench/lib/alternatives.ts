// Content scripts the benchmark runs beside Peakend's, to compare with: not shipped. They go into the
// bench's copy of the build, in the file Peakend registers, each behind a test of the page's URL
// (`impl=<name>`), so they run from the same extension in the same session as Peakend's: every figure
// stays a paired difference within a round. Every page parses them all (the branches not taken too),
// so each configuration carries the others' parse: a few tenths of a millisecond, against Peakend.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.ts';
import type { StepRow } from './session.ts';

const TOOLS_DIR = fileURLToPath(new URL('../tools/', import.meta.url));

/**
 * base: the content script's part in the step's masked capture, no signals. floor: the least a script
 * can do for METHOD.md's signals. method: the same with what the method's definitions need on any page.
 * One file holds the three and tells them apart itself.
 */
const ALTERNATIVES_FILE = 'floor-content-script.js';
export type Alternative = 'base' | 'floor' | 'method';

/** Puts `alternatives` into the built content script of `dist`, in one branch before Peakend's. */
export function addAlternativeScripts(dist: string, alternatives: readonly Alternative[]): void {
  const file = join(dist, 'src/content/content-script.js');
  const peakend = readFileSync(file, 'utf8');
  const theirs = readFileSync(join(TOOLS_DIR, ALTERNATIVES_FILE), 'utf8');
  writeFileSync(
    file,
    `if (/[?&]impl=(${alternatives.join('|')})(&|$)/.test(location.search)) {\n${theirs}\n} else {\n${peakend}\n}\n`,
  );
}

/** The implementation a bench page ran: its `impl=` parameter, or Peakend's. */
export const implOf = (url: string): string => /[?&]impl=(\w+)/.exec(url)?.[1] ?? 'peakend';

/** What a page's URL gets so that it runs `impl` (nothing for Peakend's own script): read by implOf. */
export const implQuery = (impl: string): string => (impl === 'peakend' ? '' : `&impl=${impl}`);

const SIGNALS = [
  'clicks',
  'rageClicks',
  'deadClicks',
  'fields',
  'requiredFields',
  'formErrors',
  'backNavigations',
  'lcpMs',
  'cls',
  'inpMs',
] as const;
/** What two implementations must agree on for one to stand for the other (the vitals move with timing). */
const COMPARED = [
  'clicks',
  'rageClicks',
  'deadClicks',
  'fields',
  'requiredFields',
  'formErrors',
  'backNavigations',
] as const;

/** What an implementation recorded of the visit, signal by signal: medians over its pages that filed. */
export function recordedSignals(steps: readonly StepRow[], impl: string): Record<string, number | null> {
  const pages = steps.filter((st) => implOf(st.url) === impl && st.signals);
  return Object.fromEntries(
    SIGNALS.map((n) => {
      const values = pages.map((st) => st.signals![n]).filter((v): v is number => typeof v === 'number');
      return [n, values.length ? +median(values).toFixed(3) : null];
    }),
  );
}

/** The signals on which `a` and `b` differ, described; empty when they agree. */
export function disagreements(a: Record<string, number | null>, b: Record<string, number | null>): string[] {
  return COMPARED.filter((n) => a[n] !== b[n]).map((n) => `${n} ${a[n]} vs ${b[n]}`);
}

export const describeSignals = (r: Record<string, number | null>): string =>
  SIGNALS.map((n) => `${n} ${r[n] ?? '-'}`).join(', ');
