// 4. Report: time and size of the HTML export (self-contained, screenshots inline) and of the zip
// bundle for audits of 50, 100, 200 and 500 steps, made in an extension page the way the report
// tab's buttons make them (store -> report data -> screenshot bytes -> export -> Blob). Sizes are
// interleaved within each round so the 500/100 ratio compares like with like.
import type { Page } from 'playwright-core';
import type { BenchApi, ExportTiming } from '../page/bench-page.ts';
import { info, judged, type BenchResult } from '../lib/result.ts';
import { TARGETS } from '../lib/targets.ts';
import { at, bootstrapCI, fmtCI, median, paired, round, rounded, summarize } from '../lib/stats.ts';
import type { Session } from '../lib/session.ts';

type Bench = { peakendBench: BenchApi };
export const REPORT_SIZES = [50, 100, 200, 500] as const;
type Format = 'html' | 'zip';
const FORMATS: Format[] = ['html', 'zip'];

export async function runReport(
  s: Session,
  bench: Page,
  opts: { reps: number; warmup: number; existing: Partial<Record<number, string>> },
): Promise<BenchResult[]> {
  const ids: Record<number, string> = {};
  for (const n of REPORT_SIZES) {
    ids[n] =
      opts.existing[n] ??
      (
        await bench.evaluate(
          ([size, origin]) =>
            (window as unknown as Bench).peakendBench.seedAudit(size, {
              site: `Northwind Outfitters (${size} steps)`,
              active: false,
              origin,
            }),
          [n, s.shop.url] as const,
        )
      ).auditId;
  }
  const times: Record<Format, Record<number, ExportTiming[]>> = { html: {}, zip: {} };
  for (const f of FORMATS) for (const n of REPORT_SIZES) times[f][n] = [];
  for (let r = 0; r < opts.warmup + opts.reps; r++) {
    const sizes = REPORT_SIZES.map((_, i) => REPORT_SIZES[(i + r) % REPORT_SIZES.length]!);
    for (const n of sizes) {
      for (const f of r % 2 === 0 ? FORMATS : [...FORMATS].reverse()) {
        const t = await bench.evaluate(
          ([id, format]) => (window as unknown as Bench).peakendBench.exportOnce(id, format),
          [ids[n]!, f] as const,
        );
        if (t.steps !== n) throw new Error(`audit of ${n} steps exported ${t.steps}`);
        if (r >= opts.warmup) times[f][n]!.push(t);
      }
    }
  }
  const results: BenchResult[] = [];
  for (const f of FORMATS) {
    const label = f === 'html' ? 'HTML export' : 'zip bundle';
    const total = (n: number) => times[f][n]!.map((t) => t.totalMs);
    const part = (n: number, k: keyof ExportTiming) => round(summarize(times[f][n]!.map((t) => t[k])).median);
    const perSize = Object.fromEntries(
      REPORT_SIZES.map((n) => [
        n,
        {
          totalMs: rounded(summarize(total(n))),
          loadMs: part(n, 'loadMs'),
          collectMs: part(n, 'collectMs'),
          renderMs: part(n, 'renderMs'),
          blobMs: part(n, 'blobMs'),
          bytes: times[f][n]![0]?.bytes ?? null,
        },
      ]),
    );
    const t100 = summarize(total(100));
    const t500 = summarize(total(500));
    const growth = t500.median / t100.median;
    const ci = bootstrapCI(
      Math.min(total(500).length, total(100).length),
      (i) => median(at(total(500), i)) / median(at(total(100), i)),
    );
    const mb = (n: number) => round((times[f][n]![0]?.bytes ?? Number.NaN) / 1e6, 1);
    results.push(
      // A diagnostic: milliseconds do not carry across machines; the growth below is the target.
      info(`report: ${label}, 100 steps`, round(t100.median), 'ms', {
        perSize,
        rounds: t100.n,
        summary: `p95 ${round(t100.p95)} ms, ${mb(100)} MB`,
      }),
      judged(f === 'html' ? TARGETS.htmlGrowth : TARGETS.zipGrowth, round(growth, 2), {
        pairedRatio: rounded(summarize(paired(total(500), total(100), (a, b) => a / b)), 2),
        ci95: ci.map((v) => round(v, 2)),
        summary: `500 steps ${round(t500.median)} ms vs 100 steps ${round(t100.median)} ms (linear: 5x); ${fmtCI(ci)}`,
      }),
    );
    for (const n of REPORT_SIZES.filter((x) => x !== 100)) {
      const sN = summarize(total(n));
      results.push(
        info(`report: ${label}, ${n} steps`, round(sN.median), 'ms', {
          ...rounded(sN),
          bytes: times[f][n]![0]?.bytes ?? null,
          summary: `p95 ${round(sN.p95)} ms, ${mb(n)} MB`,
        }),
      );
    }
  }
  return results;
}
