// One measured figure: what `bench/results.json` holds (an array of these) and what the table prints.
import type { Machine } from './machine.ts';
import { targetText, type Target } from './targets.ts';

export interface BenchResult {
  /** Stable, human-readable name, e.g. "capture.logStep/bare". */
  name: string;
  value: number | null;
  unit: string;
  /** The target as written in the issue, e.g. "<= 2", or null for a figure reported without a target. */
  target: string | null;
  /** null when there is no target, or when the figure could not be measured. */
  met: boolean | null;
  detail: Record<string, unknown> & { machine?: Machine; summary?: string };
}

export type Comparator = '<=' | '<' | '>=' | '>';

export function check(value: number | null, cmp: Comparator, limit: number): boolean | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (cmp) {
    case '<=':
      return value <= limit;
    case '<':
      return value < limit;
    case '>=':
      return value >= limit;
    case '>':
      return value > limit;
  }
}

/** Whether a 95% interval reaches down to `limit` (its lower end at most `limit`); null when there is none. */
export function intervalReaches(ci: unknown, limit: number): boolean | null {
  if (!Array.isArray(ci) || ci.length !== 2) return null;
  const [lo, hi] = ci.map(Number) as [number, number];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return null;
  return lo <= limit;
}

/**
 * A figure judged against its target: on the value for a comparison, on `detail.ci95` for a
 * `ci95-low` target (where the value, the median, is shown beside the verdict but does not make it).
 */
export function judged(t: Target, value: number | null, detail: BenchResult['detail']): BenchResult {
  const met =
    t.cmp === 'ci95-low'
      ? value === null
        ? null
        : intervalReaches(detail.ci95, t.limit)
      : check(value, t.cmp, t.limit);
  return { name: t.name, value, unit: t.unit, target: targetText(t), met, detail };
}

export function info(name: string, value: number | null, unit: string, detail: BenchResult['detail']): BenchResult {
  return { name, value, unit, target: null, met: null, detail };
}

/** A failed section still yields its targeted figures, unmeasured (met: null) with the error. */
export function failed(targets: readonly Target[], error: unknown): BenchResult[] {
  const message = error instanceof Error ? `${error.message}` : String(error);
  return targets.map((t) => ({
    name: t.name,
    value: null,
    unit: t.unit,
    target: targetText(t),
    met: null,
    detail: { error: message, summary: `not measured: ${message.split('\n')[0]}` },
  }));
}

function fmtValue(r: BenchResult): string {
  if (r.value === null) return 'n/a';
  const v =
    Math.abs(r.value) >= 100 ? r.value.toFixed(0) : Math.abs(r.value) >= 10 ? r.value.toFixed(1) : r.value.toFixed(2);
  return `${v} ${r.unit}`;
}

/**
 * True when a comparison's 95% interval (detail.ci95) contains its limit: the verdict on the median is
 * not firm. Never for a `ci95-low` target, whose verdict is the interval itself.
 */
export function straddles(r: BenchResult): boolean {
  const ci = r.detail.ci95;
  const m = /^(<=|<|>=|>) (-?[\d.]+)$/.exec(r.target ?? '');
  if (!m || !Array.isArray(ci) || ci.length !== 2) return false;
  const limit = Number(m[2]);
  return Number(ci[0]) <= limit && limit <= Number(ci[1]);
}

function status(r: BenchResult): string {
  if (r.target === null) return '';
  if (r.met === null) return 'NOT MEASURED';
  const verdict = r.met ? 'met' : 'MISSED';
  return straddles(r) ? `${verdict} (CI spans target)` : verdict;
}

/** A plain-text table for the terminal, also used (as Markdown) in docs/performance.md. */
export function table(results: readonly BenchResult[], markdown = false): string {
  const rows = results.map((r) => [
    r.name,
    fmtValue(r),
    r.target === null ? '' : `${r.target} ${r.unit}`,
    status(r),
    r.detail.summary ?? '',
  ]);
  const head = ['figure', 'value', 'target', 'status', 'notes'];
  if (markdown) {
    const esc = (s: string) => s.replace(/\|/g, '\\|');
    return [
      `| ${head.join(' | ')} |`,
      `| ${head.map(() => '---').join(' | ')} |`,
      ...rows.map(
        (row) => `| ${row.map((c, i) => (i === 3 && c.startsWith('MISSED') ? `**${c}**` : esc(c))).join(' | ')} |`,
      ),
    ].join('\n');
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (i === 4 ? 0 : row[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 4 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w)).concat('-----')), ...rows.map(line)].join('\n');
}
