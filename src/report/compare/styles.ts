// The comparison's stylesheet, added after the report's own (REPORT_CSS) so the two documents share
// type, colours, tables and print rules. Logical properties throughout, for dir="rtl".
export const COMPARE_CSS = String.raw`
.series-0 { --series: #0072b2; } .series-1 { --series: #d55e00; } .series-2 { --series: #009e73; } .series-3 { --series: #cc79a7; }
.report.compare { max-inline-size: 1120px; }
.audit-name { display: inline-flex; align-items: center; gap: 7px; font-weight: 650; min-inline-size: 0; overflow-wrap: anywhere; }
.series-swatch { flex: none; }

/* Cover */
.compare-title { font-size: 38px; line-height: 1.15; }
.compare-title .vs-word { color: var(--muted); font-weight: 500; font-size: .6em; letter-spacing: .02em; }
.audit-cards { display: grid; grid-template-columns: repeat(var(--n, 2), minmax(0, 1fr)); gap: 14px; margin-block: 22px 8px; }
.audit-card { border: 1px solid var(--line); border-block-start: 5px solid var(--series, var(--ink)); border-radius: 10px; padding: 14px 16px 10px; background: #fff; break-inside: avoid; }
.audit-card .card-title { font-size: 17px; margin-block-end: 8px; padding: 0; border: 0; letter-spacing: 0; }
.card-facts { display: grid; grid-template-columns: 1fr; gap: 0; margin: 0; }
.card-facts > div { display: grid; grid-template-columns: 9.5em 1fr; gap: 8px; padding-block: 4px; border-block-end: 1px dotted var(--line); font-size: 13px; }
.card-facts dt { font-size: 10.5px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); padding-block-start: 2px; }
.card-facts dd { margin: 0; overflow-wrap: anywhere; }
.audit-card .badges { margin-block: 10px 2px; }

/* Differences */
.diffs { list-style: none; margin: 0; padding: 0; counter-reset: none; }
.diff { display: grid; grid-template-columns: 34px 1fr 110px; gap: 14px; align-items: center; padding: 12px 14px; border: 1px solid var(--line); border-inline-start: 5px solid var(--series, var(--line-2)); border-radius: 8px; margin-block-end: 8px; background: #fff; break-inside: avoid; }
.diff:first-child { background: var(--tint); }
.diff.critical { border-color: #f0c4c0; border-inline-start-color: var(--series); background: #fffafa; }
.diff-rank { display: grid; place-items: center; inline-size: 30px; block-size: 30px; border-radius: 50%; background: var(--ink); color: #fff; font-weight: 750; font-size: 14px; }
.diff-text { margin: 0; font-size: 15px; line-height: 1.45; overflow-wrap: anywhere; color: var(--ink-2); }
.diff-text .d-main { color: var(--ink); font-weight: 650; }
.diff-meta { margin: 4px 0 0; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.diff-tag { font-size: 11px; font-weight: 600; padding: 1px 8px; border-radius: 4px; background: var(--accent-soft); color: var(--accent); }
.diff-bar { display: block; block-size: 8px; background: #eef1f6; border-radius: 4px; overflow: hidden; }
.diff-bar > span { display: block; block-size: 100%; background: var(--series, var(--ink-2)); border-radius: 4px; }
.diffs.minor .diff { grid-template-columns: 26px 1fr 80px; padding: 6px 12px; margin-block-end: 5px; }
.diffs.minor .diff-rank { inline-size: 22px; block-size: 22px; font-size: 11px; background: var(--ink-2); }
.diffs.minor .diff-text { font-size: 13.5px; }
.diffs.minor .diff-meta { display: none; }

/* Tables */
.cmp-table { table-layout: fixed; }
.cmp-table thead th:first-child { inline-size: 28%; }
.moments-table thead th:first-child { inline-size: 22%; }
.cmp-table thead th.audit-col { text-transform: none; letter-spacing: 0; font-size: 13px; color: var(--ink); }
.headline-table td, .headline-table th { padding-block: 10px; vertical-align: middle; }
.headline-table .m-label { display: block; font-weight: 650; }
.headline-table .m-sub { display: block; font-size: 11.5px; color: var(--muted); font-weight: 400; }
.headline-table td .num { font-size: 22px; font-weight: 720; letter-spacing: -.01em; }
.headline-table td.missing .num { font-size: 13px; font-weight: 600; color: var(--muted); }
.headline-table td.tone-good .num { color: var(--good); } .headline-table td.tone-fair .num { color: var(--fair); } .headline-table td.tone-weak .num { color: var(--weak); }
td.best { background: var(--good-soft); box-shadow: inset 0 0 0 1.5px rgb(31 122 77 / .35); }
.best-mark { display: inline-block; margin-inline-start: 8px; font-size: 10.5px; font-weight: 750; text-transform: uppercase; letter-spacing: .06em; color: var(--good); vertical-align: middle; }
.moments-table { margin-block-start: 14px; }
.moments-table td.num { font-weight: 700; }
.elements-table td, .elements-table th { vertical-align: middle; }
.bar-row { display: grid; grid-template-columns: 1fr 3ch auto; gap: 8px; align-items: center; }
.bar { display: block; block-size: 12px; background: #eef1f6; border-radius: 6px; overflow: hidden; }
.bar .fill { display: block; block-size: 100%; border-radius: 6px; background: var(--ink-2); }
.bar .fill.good { background: var(--good); } .bar .fill.fair { background: #e0a030; } .bar .fill.weak { background: var(--neg); }
.el-cell .num { font-weight: 720; text-align: end; }
.el-cell.best .best-mark { margin: 0; }
.el-flags { margin-block-start: 4px; font-size: 11.5px; }
.immersion-row th, .immersion-row td { border-block-start: 1.5px solid var(--line-2); font-weight: 700; }

/* Curves */
.overlay-curves .band-bg { fill: #fff; }
.overlay-curves .stage-band.odd .band-bg { fill: #f3f5f9; }
.overlay-curves .band-label { fill: var(--ink-2); font-size: 11px; font-weight: 600; }
.overlay-curves .band-sep { stroke: var(--line); stroke-width: 1; }
.overlay-curves .half.pos { fill: rgb(47 158 98 / .05); } .overlay-curves .half.neg { fill: rgb(214 69 69 / .05); }
.overlay-curves .seg { stroke-width: 2.6; stroke-linecap: round; }
.overlay-curves .seg.across-missing { stroke-width: 1.6; opacity: .35; }
.overlay-curves .pt { stroke: #fff; stroke-width: 1.5; }
.overlay-curves .pt.unrated { fill: #fff; stroke-width: 1.4; stroke-dasharray: 2 2; }
.overlay-curves .ring { fill: none; stroke-width: 2.4; }
.overlay-curves .moment.end .ring { stroke-dasharray: 4 3; }
.overlay-curves .moment-tag { font-size: 11px; font-weight: 800; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.overlay-curves .presence text { fill: var(--ink-2); font-size: 10px; font-weight: 700; }
.overlay-curves .absent line { stroke: var(--muted); stroke-width: 2; }
.series-legend .tag-key { display: inline-grid; place-items: center; min-inline-size: 20px; padding: 0 4px; block-size: 18px; border-radius: 4px; background: var(--ink); color: #fff; font-size: 10.5px; font-weight: 800; }
.swatch.faint { block-size: 0; inline-size: 22px; border-block-start: 2px solid var(--ink-2); opacity: .35; border-radius: 0; background: none; }
.series-legend .dash-key { font-weight: 800; color: var(--muted); inline-size: 14px; text-align: center; }

/* Stage by stage */
.cmp-stage { margin-block: 0 26px; break-inside: auto; }
.stage-title { display: flex; align-items: center; gap: 10px; font-size: 17px; padding-block: 8px; border-block-end: 1px solid var(--line-2); margin-block-end: 12px; }
.stage-pos { display: inline-grid; place-items: center; inline-size: 28px; block-size: 28px; border-radius: 50%; background: var(--accent-soft); color: var(--accent); font-size: 13px; font-weight: 800; }
.cmp-cells { display: grid; grid-template-columns: repeat(var(--n, 2), minmax(0, 1fr)); gap: 14px; align-items: start; }
.cmp-cell { border: 1px solid var(--line); border-block-start: 4px solid var(--series, var(--line-2)); border-radius: 8px; padding: 10px 12px 12px; background: #fff; min-inline-size: 0; break-inside: avoid; }
.cmp-cell.hardest { box-shadow: inset 0 0 0 1.5px rgb(180 35 35 / .35); }
.cell-head { font-size: 13px; margin-block-end: 8px; }
.cell-metrics { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6px; list-style: none; margin: 0; padding: 0; }
.cell-metrics li { display: flex; flex-direction: column; padding: 6px 8px; border-radius: 6px; background: var(--tint); border-inline-start: 3px solid var(--line-2); }
.cell-metrics .m-k { font-size: 10px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 600; }
.cell-metrics .m-v { font-size: 19px; font-weight: 720; }
.cell-metrics li.tone-good { border-inline-start-color: var(--good); } .cell-metrics li.tone-fair { border-inline-start-color: #e0a030; } .cell-metrics li.tone-weak { border-inline-start-color: var(--weak); }
.cell-metrics li.tone-weak .m-v { color: var(--weak); }
.cell-metrics li.pos .m-v { color: var(--pos); } .cell-metrics li.neg .m-v { color: var(--neg); }
.hardest-tag { display: inline-block; margin: 8px 0 0; font-size: 10.5px; font-weight: 750; text-transform: uppercase; letter-spacing: .06em; color: var(--weak); }
.cell-signals { list-style: none; margin: 8px 0 10px; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 12.5px; }
.cell-signals li.bad .s-value { color: var(--weak); font-weight: 800; }
.cell-signals li.ok .s-value { color: var(--good); font-weight: 700; }
.cell-signals .s-label { color: var(--muted); }
.cell-signals .vital-row { flex-basis: 100%; }
.cell-shots { display: flex; flex-direction: column; gap: 10px; }
.cmp-shot { margin: 0; }
.cmp-shot .shot-frame { display: block; }
.cmp-shot .shot-frame img { inline-size: 100%; block-size: auto; }
.cmp-shot figcaption { font-size: 12px; color: var(--ink-2); margin-block-start: 4px; overflow-wrap: anywhere; }
.shared-step { display: block; font-size: 11.5px; color: var(--ink-2); }
.step-no-s { display: inline-grid; place-items: center; min-inline-size: 18px; block-size: 18px; padding: 0 4px; border-radius: 9px; background: var(--ink); color: #fff; font-size: 10.5px; font-weight: 800; margin-inline-end: 4px; }
.missing-box { display: grid; place-items: center; text-align: center; min-block-size: 120px; padding: 14px; border: 1.5px dashed var(--line-2); border-radius: 6px; color: var(--muted); font-weight: 600; font-size: 13px; background: repeating-linear-gradient(45deg, var(--tint), var(--tint) 8px, #fff 8px, #fff 16px); }

@media screen and (max-width: 820px) {
  .audit-cards, .cmp-cells { grid-template-columns: 1fr; }
  .diff { grid-template-columns: 30px 1fr; }
  .diff-bar { display: none; }
}
@media print {
  .compare-title { font-size: 24pt; }
  .audit-cards { gap: 8px; margin-block: 10px 4px; }
  .audit-card { padding: 8px 10px; }
  .diff { padding: 6px 10px; margin-block-end: 5px; grid-template-columns: 24px 1fr 70px; }
  .diff-rank { inline-size: 22px; block-size: 22px; font-size: 9pt; }
  .diff-text { font-size: 10pt; }
  .headline-table td .num { font-size: 14pt; }
  .headline-table td, .headline-table th { padding-block: 4px; }
  .keep-together, .moments-table, .chart-figure, section.headline, section.curves, section.elements-compare, .report-footer { break-inside: avoid; page-break-inside: avoid; }
  .report-footer { break-before: avoid; page-break-before: avoid; }
  .cmp-shot .shot-frame { max-inline-size: 72%; margin-inline: auto; }
  .cmp-shot figcaption { text-align: center; font-size: 8pt; }
  .cell-signals { font-size: 8pt; margin-block: 4px 6px; }
  .headline-table .m-sub { font-size: 7pt; }
  .cmp-cell { padding: 6px 8px; }
  .cell-metrics .m-v { font-size: 12pt; }
}
`;
