// The report's one stylesheet, inlined in the exported HTML and injected in the report tab.
// Logical properties throughout (margin-inline-start, border-inline-start, inset-inline-*) so
// dir="rtl" lays out correctly. Print rules: A4, sections start on a new page, a step is never
// split across pages, the toolbar is hidden.
export const REPORT_CSS = String.raw`
:root {
  --ink: #14213d; --ink-2: #3d4a63; --muted: #5b6375; --line: #e2e6ee; --line-2: #cfd6e2;
  --paper: #ffffff; --bg: #eceff5; --tint: #f6f8fb;
  --accent: #0f6e84; --accent-soft: #e3f1f4;
  --good: #1f7a4d; --good-soft: #e4f3ea; --fair: #955405; --fair-soft: #fbf0dc; --weak: #b42323; --weak-soft: #fbe6e4;
  --pos: #2f9e62; --neg: #d64545; --peak: #6d3fd1; --end: #0f6e84; --mean: #7b8499;
  --sev0: #8a94a6; --sev1: #3f7fbf; --sev2: #c9a100; --sev3: #e07b00; --sev4: #c62828;
  --c-advocacy: #1f7a4d; --c-recommendation: #3fa46f; --c-attention: #8cc9a4; --c-destroying: #d64545;
  --font: "Inter", "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  --mono: ui-monospace, "SFMono-Regular", "Cascadia Mono", Menlo, Consolas, monospace;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 15px/1.5 var(--font); font-variant-numeric: tabular-nums; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
/* Links are underlined: colour alone does not tell them from the text around them. */
a { color: var(--accent); text-decoration: underline; text-underline-offset: 2px; text-decoration-thickness: 1px; }
a:hover { text-decoration-thickness: 2px; }
.report { max-inline-size: 1000px; margin: 32px auto; background: var(--paper); padding: 56px 64px 48px; box-shadow: 0 1px 2px rgb(20 33 61 / .06), 0 12px 40px rgb(20 33 61 / .08); border-radius: 6px; }
h1, h2, h3, h4 { line-height: 1.2; margin: 0; }
h2 { font-size: 24px; letter-spacing: -.01em; padding-block-end: 10px; margin-block: 8px 16px; border-block-end: 2px solid var(--ink); }
h3.sub { font-size: 15px; text-transform: uppercase; letter-spacing: .06em; color: var(--ink-2); margin-block: 28px 10px; }
h4 { font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin-block-end: 4px; }
section { margin-block-start: 48px; }
.lede { color: var(--ink-2); margin-block: -4px 18px; max-inline-size: 72ch; }
.lede.small { font-size: 13.5px; }
.note, .basis, .sources { font-size: 12.5px; color: var(--muted); margin-block: 6px; }
.muted { color: var(--muted); }
.empty { padding: 18px; background: var(--tint); border-radius: 6px; color: var(--ink-2); }
.sr-only { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.mono { font-family: var(--mono); font-size: 11.5px; }
.hash { word-break: break-all; }

/* Page 1: summary and fix first */
.byline { font-size: 12.5px; color: var(--ink-2); align-self: center; }
.summary { margin-block-start: 28px; }
.sum-parts { display: grid; gap: 14px; }
.sum-part { border-inline-start: 3px solid var(--accent); padding-inline-start: 14px; }
.sum-part[data-source="auditor"] { border-inline-start-color: var(--ink); }
.sum-part h3 { font-size: 16px; margin-block-end: 2px; }
.sum-part .source { font-size: 12px; color: var(--ink-2); font-style: italic; margin: 0 0 6px; }
.sum-part p, .sum-part ol, .sum-part ul { margin-block: 4px; max-inline-size: 80ch; }
.sum-part ol, .sum-part ul { padding-inline-start: 1.4em; }
.sum-moments { display: grid; grid-template-columns: repeat(2, minmax(0, 220px)); gap: 12px; margin-block-start: 8px; }
.sum-moments.one { grid-template-columns: minmax(0, 220px); }
.sum-shot { margin: 0; }
.sum-shot .shot-frame, .sum-shot .img-missing { max-block-size: 150px; overflow: hidden; }
.sum-shot figcaption { font-size: 12.5px; }
.sum-shot.peak .moment-label { color: var(--peak); font-weight: 700; }
.sum-shot.end .moment-label { color: var(--end); font-weight: 700; }
.fix-first { margin-block-start: 28px; }
.fix-table { inline-size: 100%; border-collapse: collapse; font-size: 13.5px; }
.fix-table th, .fix-table td { text-align: start; padding: 6px 8px; border-block-end: 1px solid var(--line); vertical-align: top; }
.fix-table thead th { font-size: 11.5px; text-transform: uppercase; letter-spacing: .06em; color: var(--ink-2); }
.fix-table .ftitle { font-weight: 600; }
.fix-table .fcode { font-family: var(--mono); color: var(--ink-2); }
.rec { display: block; font-weight: 400; color: var(--ink-2); margin-block-start: 2px; }
.rec-k { font-weight: 600; }
.why { display: block; font-size: 12px; color: var(--ink-2); }
.status-line { font-size: 13px; margin: 6px 0; color: var(--ink-2); }
.means { display: block; font-size: 12.5px; color: var(--ink-2); }
.rests { display: block; font-size: 12px; color: var(--ink-2); font-style: italic; }
.scale-story { margin-block-start: 16px; padding: 12px 16px; background: var(--tint); border-radius: 6px; }
.scale-story h3 { font-size: 14px; margin-block-end: 4px; }
.scale-story p { margin: 0; font-size: 13px; color: var(--ink-2); }

/* The report tab's summary editor (never in an export or in print) */
.summary-editor { display: grid; gap: 10px; margin-block: 0 16px; padding: 14px 16px; border: 1px solid var(--line-2); border-radius: 8px; background: var(--tint); }
.summary-editor h3 { font-size: 15px; }
.summary-editor .hint { margin: 0; font-size: 13px; color: var(--ink-2); }
.summary-editor label { display: grid; gap: 4px; font-weight: 600; font-size: 13.5px; }
.summary-editor textarea { font: 14px/1.45 var(--font); padding: 6px 8px; border: 1px solid var(--ink-2); border-radius: 6px; resize: vertical; }
.summary-editor .editor-actions { display: flex; gap: 8px; }
.summary-editor button { font: inherit; font-size: 14px; padding: 6px 14px; border-radius: 6px; border: 1px solid var(--ink-2); background: #fff; color: var(--ink); cursor: pointer; }
.summary-editor button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }

/* Cover */
.cover { padding-block-end: 8px; }
.brand { display: flex; align-items: center; gap: 10px; color: var(--ink); margin-block-end: 56px; }
.brand .logo rect { fill: var(--ink); }
.brand .logo polyline { fill: none; stroke: #fff; stroke-width: 2.4; stroke-linejoin: round; stroke-linecap: round; }
.brand .logo circle { fill: #7fd3e3; }
.brand-name { font-weight: 700; font-size: 18px; letter-spacing: .02em; }
.brand-sub { color: var(--muted); font-size: 13px; padding-inline-start: 10px; border-inline-start: 1px solid var(--line-2); }
.eyebrow { text-transform: uppercase; letter-spacing: .14em; font-size: 12px; font-weight: 600; color: var(--accent); margin: 0 0 8px; }
.site { font-size: 44px; letter-spacing: -.02em; font-weight: 750; overflow-wrap: anywhere; margin-block-end: 14px; }
.scenario { display: grid; grid-template-columns: 11.5rem 1fr; align-items: baseline; gap: 12px; margin: 4px 0; font-size: 16px; color: var(--ink-2); max-inline-size: 80ch; }
.scenario .k { font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
.badges { display: flex; flex-wrap: wrap; gap: 8px; margin-block: 18px 22px; }
.badge { display: inline-block; font-size: 11px; font-weight: 600; letter-spacing: .03em; padding: 2px 9px; border-radius: 999px; border: 1px solid currentColor; white-space: nowrap; vertical-align: middle; }
.badge.ok { color: var(--good); background: var(--good-soft); }
.badge.warn { color: var(--fair); background: var(--fair-soft); }
.badge.neutral { color: var(--ink-2); background: var(--tint); border-color: var(--line-2); }
.badge.peak { color: #fff; background: var(--peak); border-color: var(--peak); }
.badge.end { color: #fff; background: var(--end); border-color: var(--end); }
.badge.critical-badge { color: var(--weak); background: var(--weak-soft); }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 0; margin: 0; border-block-start: 1px solid var(--line); }
.facts > div { padding: 9px 12px 9px 0; padding-inline: 0 12px; border-block-end: 1px solid var(--line); min-inline-size: 0; }
.facts dt { font-size: 10.5px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
.facts dd { margin: 2px 0 0; font-weight: 500; overflow-wrap: anywhere; }

/* Alerts */
.alert { border: 1px solid; border-inline-start-width: 5px; border-radius: 6px; padding: 12px 16px; margin-block: 18px; }
.alert p { margin: 4px 0; }
.alert ul { margin: 6px 0; padding-inline-start: 20px; }
.alert-title { font-weight: 700; }
.alert.critical { border-color: var(--weak); background: var(--weak-soft); }
.alert.critical .alert-title { color: var(--weak); }
.alert.incomplete { border-color: var(--fair); background: var(--fair-soft); }
.alert.incomplete .alert-title { color: var(--fair); }
.alert-note { font-size: 12.5px; color: var(--ink-2); }

/* Headline */
.headline-grid { display: grid; grid-template-columns: 300px 1fr; gap: 20px; align-items: stretch; }
.overall { display: flex; flex-direction: column; align-items: center; text-align: center; gap: 10px; padding: 20px 18px; border-radius: 10px; background: var(--ink); color: #fff; }
.overall .metric-label { font-size: 12px; text-transform: uppercase; letter-spacing: .1em; font-weight: 600; color: #c6d0e2; }
.overall .formula { font-size: 12px; color: #c6d0e2; margin: 6px 0 0; }
.overall .note { color: #c6d0e2; font-size: 11.5px; }
.overall .status-line, .overall .means { color: #dfe5f0; }
.overall .status-line .badge.warn { color: var(--fair); }
.gauge .track { fill: none; stroke: rgb(255 255 255 / .16); stroke-width: 13; }
.gauge .arc { fill: none; stroke-width: 13; stroke-linecap: round; }
.gauge.good .arc { stroke: #4fd18b; } .gauge.fair .arc { stroke: #f3b340; } .gauge.weak .arc { stroke: #ff6b61; }
.gauge .value { fill: #fff; font-size: 46px; font-weight: 750; letter-spacing: -.02em; }
.gauge .of { fill: #aab5ca; font-size: 12px; }
.metrics { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; }
.metric { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; border-block-start: 4px solid var(--line-2); background: #fff; min-inline-size: 0; }
.metric-label { font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 600; }
.metric-value { font-size: 30px; font-weight: 720; letter-spacing: -.02em; line-height: 1.15; margin-block: 4px 2px; }
.metric.missing .metric-value { font-size: 16px; font-weight: 600; color: var(--muted); line-height: 1.5; margin-block: 10px 6px; }
.metric-sub { font-size: 11.5px; color: var(--muted); line-height: 1.35; }
.metric.tone-good { border-block-start-color: var(--good); } .metric.tone-good .metric-value { color: var(--good); }
.metric.tone-fair { border-block-start-color: #e0a030; } .metric.tone-fair .metric-value { color: var(--fair); }
.metric.tone-weak { border-block-start-color: var(--weak); } .metric.tone-weak .metric-value { color: var(--weak); }
.benchmarks { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; margin-block-start: 14px; }
.bench { display: grid; grid-template-columns: 1fr auto; grid-template-areas: "label value" "ref value"; column-gap: 10px; align-items: center; padding: 10px 14px; border-radius: 8px; background: var(--tint); border-inline-start: 4px solid var(--line-2); }
.bench.under { border-inline-start-color: var(--good); } .bench.mid { border-inline-start-color: #e0a030; } .bench.over { border-inline-start-color: var(--weak); }
.bench-label { grid-area: label; font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 600; }
.bench-value { grid-area: value; font-size: 24px; font-weight: 720; margin: 0; }
.bench-ref { grid-area: ref; font-size: 11.5px; color: var(--ink-2); }

/* Remembered */
.moments { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
.moments.one { grid-template-columns: 1fr; max-inline-size: 620px; }
.moment { border: 1px solid var(--line); border-radius: 10px; padding: 14px; background: #fff; break-inside: avoid; }
.moment.peak { border-block-start: 5px solid var(--peak); } .moment.end { border-block-start: 5px solid var(--end); }
.moment header { display: flex; align-items: center; gap: 8px; margin-block-end: 6px; }
.moment-label { font-size: 11px; text-transform: uppercase; letter-spacing: .1em; font-weight: 700; color: var(--ink-2); }
.moment.peak .moment-label { color: var(--peak); } .moment.end .moment-label { color: var(--end); }
.moment-valence { margin-inline-start: auto; font-size: 26px; font-weight: 750; }
.moment-valence.pos { color: var(--pos); } .moment-valence.neg { color: var(--neg); } .moment-valence.neutral { color: var(--muted); }
.moment h3 { font-size: 16px; overflow-wrap: anywhere; }
.moment-meta { font-size: 12.5px; margin: 4px 0 10px; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.memory-metrics { display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; margin-block-start: 18px; }
.memory-metrics .metric-value { font-size: 24px; }
.versus { display: grid; grid-template-columns: repeat(3, 1fr); border: 1px solid var(--line); border-radius: 10px; overflow: hidden; }
.vs-col { display: flex; flex-direction: column; padding: 14px 16px; gap: 2px; }
.vs-col + .vs-col { border-inline-start: 1px solid var(--line); }
.vs-col.diff { background: var(--tint); }
.vs-label { font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 600; }
.vs-value { font-size: 28px; font-weight: 720; }
.vs-sub { font-size: 12px; color: var(--ink-2); }
blockquote.note-text, p.note-text { margin: 8px 0 0; padding: 8px 12px; border-inline-start: 3px solid var(--line-2); background: var(--tint); white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; border-radius: 0 4px 4px 0; }

/* Charts */
.chart-figure, figure.signature { margin: 0 0 8px; }
svg.chart, svg.gauge { direction: ltr; unicode-bidi: isolate; }
svg.chart { display: block; inline-size: 100%; block-size: auto; font-family: var(--font); }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .zero { stroke: var(--ink-2); stroke-width: 1.2; }
svg.chart .tick { fill: var(--muted); font-size: 11px; }
svg.chart .axis-caption { fill: var(--muted); font-size: 11px; letter-spacing: .04em; }
.curve .half.pos { fill: #f1faf5; } .curve .half.neg { fill: #fdf3f2; }
.curve .area.pos { fill: rgb(47 158 98 / .16); } .curve .area.neg { fill: rgb(214 69 69 / .16); }
.curve .line { fill: none; stroke: var(--ink); stroke-width: 2.4; stroke-linejoin: round; stroke-linecap: round; }
.curve .pt { stroke: #fff; stroke-width: 2; }
.curve .pt.pos { fill: var(--pos); } .curve .pt.neg { fill: var(--neg); } .curve .pt.neutral { fill: var(--mean); }
.curve .unrated circle { fill: #fff; stroke: var(--mean); stroke-width: 1.5; stroke-dasharray: 2 2; }
.curve .mean line { stroke: var(--mean); stroke-width: 1.4; stroke-dasharray: 6 4; }
.curve .mean text { fill: var(--mean); font-size: 11px; font-weight: 600; }
.curve .marker circle { fill: none; stroke-width: 2.6; }
.curve .marker.peak circle { stroke: var(--peak); } .curve .marker.peak text { fill: var(--peak); }
.curve .marker.end circle { stroke: var(--end); stroke-dasharray: 4 3; } .curve .marker.end text { fill: var(--end); }
.curve .marker text { font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .06em; }
.curve .stage-band rect { fill: #eef1f6; } .curve .stage-band.odd rect { fill: #e2e7f0; }
.curve .stage-band text { fill: var(--ink-2); font-size: 10.5px; font-weight: 600; }
.ease .bar rect { fill: var(--accent); } .ease .bar.fair rect { fill: #e0a030; } .ease .bar.weak rect { fill: var(--neg); }
.ease .bar .value { fill: var(--ink); font-size: 11.5px; font-weight: 700; }
.ease .unrated text { fill: var(--muted); font-size: 14px; }
.ease .benchmark line { stroke: var(--ink); stroke-width: 1.4; stroke-dasharray: 6 4; }
.ease .benchmark text { fill: var(--ink); font-size: 11px; font-weight: 600; }
.elements .track { fill: #eef1f6; }
.elements .row.good .bar { fill: var(--good); } .elements .row.fair .bar { fill: #e0a030; } .elements .row.weak .bar { fill: var(--neg); }
.elements .label { fill: var(--ink); font-size: 13.5px; font-weight: 600; }
.elements .label .double { fill: var(--accent); font-size: 11.5px; font-weight: 700; }
.elements .value { fill: var(--ink); font-size: 13px; font-weight: 700; }
.elements .na { fill: var(--muted); font-size: 12px; font-style: italic; }
.elements .cap line { stroke: var(--weak); stroke-width: 2; }
.elements .cap text { fill: var(--weak); font-size: 10px; font-weight: 700; }
.elements .immersion line { stroke: var(--ink); stroke-width: 1.5; stroke-dasharray: 5 4; }
.elements .immersion text { fill: var(--ink); font-size: 11px; font-weight: 700; }
.stacked .seg.advocacy { fill: var(--c-advocacy); } .stacked .seg.recommendation { fill: var(--c-recommendation); }
.stacked .seg.attention { fill: var(--c-attention); } .stacked .seg.destroying { fill: var(--c-destroying); }
svg.stacked { block-size: 26px; border-radius: 5px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; padding: 0; margin: 8px 0 0; font-size: 12px; color: var(--ink-2); }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; inline-size: 12px; block-size: 12px; border-radius: 3px; background: var(--line-2); }
.swatch.peak { background: none; border: 2.5px solid var(--peak); border-radius: 50%; }
.swatch.end { background: none; border: 2.5px dashed var(--end); border-radius: 50%; }
.swatch.mean { block-size: 0; border-block-start: 2px dashed var(--mean); border-radius: 0; }
.swatch.unrated { background: #fff; border: 1.5px dashed var(--mean); border-radius: 50%; }
.swatch.advocacy { background: var(--c-advocacy); } .swatch.recommendation { background: var(--c-recommendation); }
.swatch.attention { background: var(--c-attention); } .swatch.destroying { background: var(--c-destroying); }

/* Tables */
table { inline-size: 100%; border-collapse: collapse; font-size: 13px; }
th, td { text-align: start; vertical-align: top; padding: 7px 8px; border-block-end: 1px solid var(--line); }
thead th { font-size: 10.5px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 600; border-block-end: 1.5px solid var(--line-2); }
tr { break-inside: avoid; }
.element-block { margin-block-start: 26px; break-inside: auto; }
.element-head { display: flex; justify-content: space-between; align-items: baseline; font-size: 18px; border-block-end: 1px solid var(--line-2); padding-block-end: 6px; }
.element-score { font-size: 18px; font-weight: 750; }
.element-counts { font-size: 12px; color: var(--muted); margin: 6px 0; }
.criteria .cid { font-family: var(--mono); font-size: 12px; inline-size: 3em; }
.criteria .cmark { inline-size: 6.5em; } .criteria .cweight { inline-size: 4em; text-align: center; }
.criteria .ccomment { inline-size: 30%; overflow-wrap: anywhere; white-space: pre-wrap; }
.criteria .cevidence { inline-size: 5.5em; white-space: nowrap; }
.criteria tr.critical-fail { background: var(--weak-soft); }
.mark { display: inline-block; font-size: 11px; font-weight: 700; padding: 1px 8px; border-radius: 4px; white-space: nowrap; }
.mark-pass { background: var(--good-soft); color: var(--good); } .mark-partial { background: var(--fair-soft); color: var(--fair); }
.mark-fail { background: var(--weak-soft); color: var(--weak); } .mark-na { background: var(--tint); color: var(--muted); }
.mark-unmarked { background: #fff; color: var(--muted); border: 1px dashed var(--line-2); }
.formulas th { inline-size: 34%; font-weight: 600; color: var(--ink-2); }
.formulas code { font-family: var(--mono); font-size: 12px; background: var(--tint); padding: 2px 6px; border-radius: 4px; }
.integrity td { font-size: 12px; }
.integrity td:nth-child(4) { white-space: nowrap; }
.step-link { white-space: nowrap; }
.missing { columns: 3 14em; column-gap: 24px; }
.missing li { break-inside: avoid; }
.findings-table .fcode, .step-findings .fcode { font-family: var(--mono); font-weight: 700; }
.findings-table .ftitle { overflow-wrap: anywhere; }
.sev-summary { display: flex; flex-wrap: wrap; gap: 8px 18px; list-style: none; padding: 0; margin: 0 0 14px; }
.sev { display: inline-flex; align-items: center; gap: 6px; font-size: 11.5px; font-weight: 600; white-space: nowrap; }
.sev-n { display: inline-grid; place-items: center; inline-size: 20px; block-size: 20px; border-radius: 50%; color: #fff; font-size: 11px; font-weight: 800; background: var(--sev0); }
.sev-1 .sev-n { background: var(--sev1); } .sev-2 .sev-n { background: var(--sev2); } .sev-3 .sev-n { background: var(--sev3); } .sev-4 .sev-n { background: var(--sev4); }
.sev-none { color: var(--muted); }

/* Steps */
.step { border: 1px solid var(--line); border-radius: 10px; padding: 16px 18px; margin-block-end: 22px; break-inside: avoid; page-break-inside: avoid; background: #fff; }
.step-head { display: grid; grid-template-columns: auto 1fr auto; gap: 14px; align-items: start; margin-block-end: 12px; }
.step-no { display: grid; place-items: center; inline-size: 38px; block-size: 38px; border-radius: 50%; background: var(--ink); color: #fff; font-weight: 750; font-size: 16px; }
.step-titles { min-inline-size: 0; }
.step-titles h3 { font-size: 17px; overflow-wrap: anywhere; }
.step-meta { margin: 4px 0 0; font-size: 12.5px; color: var(--ink-2); display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.step-url { margin: 2px 0 0; font-size: 12px; overflow-wrap: anywhere; word-break: break-all; }
.step-url .url { color: var(--muted); }
.step-channel { margin: 2px 0 0; font-size: 12.5px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.attachment figcaption { font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
.step-flags { display: flex; gap: 6px; }
.stage-chip { display: inline-block; font-size: 11px; font-weight: 600; padding: 1px 8px; border-radius: 4px; background: var(--accent-soft); color: var(--accent); }
.step-shots { display: flex; flex-direction: column; align-items: center; gap: 10px; margin-block-end: 14px; }
.shot { margin: 0; max-inline-size: 100%; text-align: center; }
.shot-frame { position: relative; display: inline-block; max-inline-size: 100%; line-height: 0; border: 1px solid var(--line-2); border-radius: 4px; overflow: hidden; background: var(--tint); }
.shot-frame img { display: block; max-inline-size: 100%; block-size: auto; }
.shot .overlay { position: absolute; inset: 0; inline-size: 100%; block-size: 100%; direction: ltr; }
.overlay .box > rect:first-child { fill: rgb(198 40 40 / .10); stroke: var(--sev4); stroke-width: 3; }
.overlay .box .tag { fill: var(--sev4); }
.overlay .box text { fill: #fff; font-family: var(--font); font-weight: 800; }
.overlay .box.sev-0 > rect:first-child { stroke: var(--sev0); fill: rgb(138 148 166 / .10); } .overlay .box.sev-0 .tag { fill: var(--sev0); }
.overlay .box.sev-1 > rect:first-child { stroke: var(--sev1); fill: rgb(63 127 191 / .10); } .overlay .box.sev-1 .tag { fill: var(--sev1); }
.overlay .box.sev-2 > rect:first-child { stroke: var(--sev2); fill: rgb(201 161 0 / .10); } .overlay .box.sev-2 .tag { fill: var(--sev2); }
.overlay .box.sev-3 > rect:first-child { stroke: var(--sev3); fill: rgb(224 123 0 / .10); } .overlay .box.sev-3 .tag { fill: var(--sev3); }
.img-missing { display: grid; place-items: center; inline-size: 100%; min-block-size: 80px; background: repeating-linear-gradient(45deg, var(--tint), var(--tint) 8px, #fff 8px, #fff 16px); color: var(--muted); font-size: 13px; border: 1px dashed var(--line-2); border-radius: 6px; line-height: 1.4; padding: 12px; }
.img-missing.small { min-block-size: 60px; }
.step-facts { display: grid; grid-template-columns: 1fr 1fr; gap: 12px 24px; }
.step-facts .ratings, .step-facts .wide { grid-column: 1 / -1; }
.ratings { display: flex; gap: 10px; list-style: none; padding: 0; margin: 0; flex-wrap: wrap; }
.rating { flex: 1 1 0; min-inline-size: 120px; display: flex; justify-content: space-between; align-items: baseline; gap: 8px; padding: 8px 12px; border-radius: 6px; background: var(--tint); border-inline-start: 4px solid var(--line-2); }
.rating.good { border-inline-start-color: var(--good); } .rating.fair { border-inline-start-color: #e0a030; } .rating.weak { border-inline-start-color: var(--weak); }
.r-label { font-size: 11px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 600; }
.r-value { font-size: 18px; font-weight: 720; }
.rating.missing .r-value { font-size: 13px; color: var(--muted); font-weight: 600; }
.fact-block { min-inline-size: 0; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; margin: 0; padding: 0; }
.chip { font-size: 12px; padding: 2px 10px; border-radius: 999px; font-weight: 600; }
.chip.pos { background: var(--good-soft); color: var(--good); } .chip.neg { background: var(--weak-soft); color: var(--weak); }
/* Full colour: a faded intensity fell to 3.3:1 on the chip's tint. */
.chip .intensity { font-weight: 500; }
.signals .facts { grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); border-block-start: 0; column-gap: 12px; }
.signals .facts > div { padding-block: 4px; border-block-end: 1px dotted var(--line); }
.signals .facts dd { font-size: 13px; }
.vital { display: inline-block; font-size: 10px; font-weight: 700; padding: 0 6px; border-radius: 4px; margin-inline-start: 4px; }
.vital-good { background: var(--good-soft); color: var(--good); } .vital-needs-improvement { background: var(--fair-soft); color: var(--fair); } .vital-poor { background: var(--weak-soft); color: var(--weak); }
.step-findings { list-style: none; padding: 0; margin: 0; font-size: 13px; }
.step-findings li { padding: 4px 0; border-block-end: 1px dotted var(--line); overflow-wrap: anywhere; }

/* Appendix */
.choices, .warnings, .missing { font-size: 13px; padding-inline-start: 20px; }
.choices li, .warnings li, .missing li { margin-block: 4px; }
.ok-text { color: var(--good); font-weight: 600; }
.report-footer { margin-block-start: 40px; padding-block-start: 12px; border-block-start: 1px solid var(--line); font-size: 11.5px; color: var(--muted); display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap; }

@media screen and (max-width: 820px) {
  .report { padding: 28px 20px; margin: 0; border-radius: 0; }
  .headline-grid, .moments, .step-facts { grid-template-columns: 1fr; }
  .metrics, .benchmarks, .memory-metrics { grid-template-columns: repeat(2, 1fr); }
}

@page { size: A4; margin: 14mm 13mm 16mm; }
@page { @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; font-family: system-ui, sans-serif; color: #6b7385; } }

/* Channel view: a lane per channel, probes against their expectations */
.timeline .band { fill: #fff; } .timeline .lane.odd .band { fill: var(--tint); }
.timeline .lane-label { fill: var(--ink); font-size: 12.5px; font-weight: 600; }
.timeline .lane-line { stroke: var(--line-2); stroke-width: 1; }
.timeline .tl-step circle { fill: var(--accent); stroke: #fff; stroke-width: 1.5; }
.timeline .tl-step text { fill: #fff; font-size: 10.5px; font-weight: 700; }
.timeline .tl-probe line { stroke-width: 3; stroke-linecap: round; }
.timeline .tl-probe .resolve, .timeline .tl-probe .wait { stroke-width: 1.6; stroke-dasharray: 4 3; }
.timeline .tl-probe .expect { stroke: var(--ink); stroke-width: 1.6; stroke-dasharray: none; }
.timeline .tl-probe .t0 { fill: #fff; stroke-width: 2; }
.timeline .tl-probe .code { fill: var(--ink-2); font-size: 10.5px; font-weight: 700; }
.timeline .outcome-met line, .timeline .outcome-met .t0 { stroke: var(--good); } .timeline .outcome-met .t1, .timeline .outcome-met .t2, .timeline .outcome-met .wait-end { fill: var(--good); }
.timeline .outcome-missed line, .timeline .outcome-missed .t0 { stroke: var(--weak); } .timeline .outcome-missed .t1, .timeline .outcome-missed .t2, .timeline .outcome-missed .wait-end { fill: var(--weak); }
.timeline .outcome-open line, .timeline .outcome-open .t0 { stroke: var(--fair); } .timeline .outcome-open .t1, .timeline .outcome-open .t2, .timeline .outcome-open .wait-end { fill: var(--fair); }
.timeline .outcome-untimed line, .timeline .outcome-untimed .t0 { stroke: var(--mean); } .timeline .outcome-untimed .t1, .timeline .outcome-untimed .t2, .timeline .outcome-untimed .wait-end { fill: var(--mean); }
.timeline .tl-probe line.expect { stroke: var(--ink); }
.swatch.tl-step { background: var(--accent); border-radius: 50%; }
.swatch.tl-t0 { background: #fff; border: 2px solid var(--ink-2); border-radius: 50%; }
.swatch.tl-t1 { background: var(--ink-2); border-radius: 50%; }
.swatch.tl-t2 { background: var(--ink-2); border-radius: 0; inline-size: 9px; block-size: 9px; }
.swatch.tl-expect { background: var(--ink); inline-size: 2px; border-radius: 0; }
.swatch.outcome-met { background: var(--good); } .swatch.outcome-missed { background: var(--weak); } .swatch.outcome-open { background: var(--fair); }
.scenario-block ul.reasons { margin: 4px 0 0; padding-inline-start: 1.2em; font-size: 13px; color: var(--ink-2); }
.table-scroll { overflow-x: auto; }
.probes .pcode { font-family: var(--mono); font-size: 12px; }
.probes .pquestion { overflow-wrap: anywhere; white-space: pre-wrap; max-inline-size: 28ch; }
.outcome { display: inline-block; font-size: 11px; font-weight: 700; padding: 1px 8px; border-radius: 4px; white-space: nowrap; }
.outcome-met { background: var(--good-soft); color: var(--good); } .outcome-missed { background: var(--weak-soft); color: var(--weak); }
.outcome-open { background: var(--fair-soft); color: var(--fair); } .outcome-untimed { background: var(--tint); color: var(--muted); }
@media print {
  body { background: #fff; font-size: 9.5pt; }
  .report { max-inline-size: none; margin: 0; padding: 0; box-shadow: none; border-radius: 0; }
  .no-print { display: none !important; }
  .page-start { break-before: page; page-break-before: always; margin-block-start: 0; }
  section { margin-block-start: 18px; }
  h2 { font-size: 17pt; margin-block: 0 10px; padding-block-end: 6px; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .brand { margin-block-end: 7mm; }
  .cover .facts { grid-template-columns: repeat(4, 1fr); }
  .cover .facts dd { font-size: 9pt; }
  .cover .facts > div { padding-block: 3px; }
  .metric-sub { font-size: 7.5pt; }
  .overall .note { display: none; }
  .remembered { break-before: auto; }
  /* Page 1 is the conclusions: summary and fix first; the scores start page 2. */
  .summary, .fix-first { margin-block-start: 4mm; }
  .summary h2, .fix-first h2 { font-size: 14pt; margin-block-end: 6px; padding-block-end: 4px; }
  .sum-parts { grid-template-columns: 1fr 1fr; gap: 6px 8mm; }
  .sum-part[data-part="remembered"] { grid-row: 1 / span 2; }
  .sum-part h3 { font-size: 10.5pt; }
  .sum-part .source { font-size: 7.5pt; margin-block-end: 2px; }
  .sum-moments { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 4mm; }
  .sum-moments.one { grid-template-columns: minmax(0, 1fr); }
  .sum-shot .shot-frame, .sum-shot .img-missing { max-block-size: 30mm; }
  .sum-shot figcaption { font-size: 8pt; }
  .fix-first .lede { font-size: 8.5pt; margin-block: 0 4px; }
  .brand { margin-block-end: 3mm; }
  .cover .eyebrow { display: none; }
  .cover .site { font-size: 22pt; margin-block-end: 4px; }
  .cover .scenario { margin: 0; font-size: 10pt; }
  .cover .badges { margin-block: 6px 4px; }
  .alert { margin-block: 4px; padding: 4px 10px; font-size: 8.5pt; }
  .alert p, .alert ul { margin-block: 1px; }
  .sum-part p, .sum-part li { font-size: 9pt; line-height: 1.4; }
  .fix-table .why { display: inline; }
  .fix-table .why::before { content: " · "; }
  .fix-table { font-size: 8.5pt; }
  .fix-table th, .fix-table td { padding: 3px 6px; }
  .fix-first { break-inside: avoid; page-break-inside: avoid; }
  .headline { break-before: page; page-break-before: always; margin-block-start: 0; }
  .moments { break-inside: avoid; }
  .site { font-size: 28pt; margin-block-end: 8px; }
  .scenario { font-size: 11pt; }
  .badges { margin-block: 10px 12px; }
  .facts > div { padding-block: 5px; }
  .alert { margin-block: 10px; padding: 8px 12px; }
  .headline-grid { grid-template-columns: 62mm 1fr; gap: 12px; }
  .overall { padding: 12px; gap: 4px; }
  .gauge { inline-size: 120px; block-size: 120px; }
  .metrics { gap: 8px; }
  .metric { padding: 8px 10px; }
  .metric-value { font-size: 20pt; }
  .benchmarks { gap: 8px; margin-block-start: 8px; }
  .bench { padding: 6px 10px; }
  .bench-value { font-size: 16pt; }
  .step { break-inside: avoid; page-break-inside: avoid; padding: 10px 12px; margin-block-end: 12px; }
  .step-body { display: grid; grid-template-columns: 58% 1fr; gap: 6px 14px; align-items: start; grid-auto-rows: auto; }
  .step-facts { display: contents; }
  .step-shots { margin: 0; grid-column: 1; grid-row: 1 / span 3; }
  .step-facts > .ratings, .step-facts > .fact-block { grid-column: 2; }
  .step-facts > .wide { grid-column: 1 / -1; }
  .ratings { flex-direction: column; gap: 4px; }
  .rating { padding: 3px 8px; flex: none; }
  .r-value { font-size: 11pt; }
  .signals .facts { grid-template-columns: repeat(5, 1fr); }
  .signals .facts > div { padding-block: 2px; }
  .signals .facts dd { font-size: 8.5pt; }
  .step-head { margin-block-end: 8px; }
  .step-no { inline-size: 28px; block-size: 28px; font-size: 11pt; }
  .step-titles h3 { font-size: 11.5pt; }
  /* Sized from the width and the aspect ratio only, so page fragmentation knows the real height. */
  .shot-frame { display: block; margin-inline: auto; max-inline-size: min(100%, calc(140mm * var(--ar, 1.6))); }
  .shot-frame img { inline-size: 100%; block-size: auto; max-inline-size: none; }
  .moment .shot-frame { max-inline-size: min(100%, calc(62mm * var(--ar, 1.6))); }
  .moment, .metric, .bench, .versus, figure, .alert, .element-head, .overall { break-inside: avoid; page-break-inside: avoid; }
  .element-block { break-inside: auto; }
  .criteria, .findings-table, .integrity, .probes, .probe-summary { font-size: 8.5pt; }
  .table-scroll { overflow: visible; }
  a { color: inherit; }
  a.url { color: var(--muted); }
}
`;
