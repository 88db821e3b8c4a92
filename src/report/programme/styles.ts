// The programme view's stylesheet, after the report's own (REPORT_CSS): tables of sites x waves.
// Logical properties throughout, for dir="rtl".
export const PROGRAMME_CSS = String.raw`
.report.programme { max-inline-size: 1180px; }
.pv-title { font-size: 34px; line-height: 1.15; overflow-wrap: anywhere; }
.pv-waves { margin: 0; padding-inline-start: 1.2em; }
.pv-section { margin-block: 28px; }
.pv-table-wrap { overflow-x: auto; margin-block: 10px 18px; }
.pv-table { border-collapse: collapse; inline-size: 100%; font-size: 13.5px; }
.pv-table caption { text-align: start; font-weight: 700; font-size: 15px; padding-block: 6px; color: var(--ink); }
.pv-table th, .pv-table td { border: 1px solid var(--line); padding: 6px 9px; text-align: start; vertical-align: top; }
.pv-table thead th { background: var(--tint); font-size: 12.5px; }
.pv-cell .pv-mean { display: block; font-size: 18px; font-weight: 700; color: var(--ink); }
.pv-cell .pv-n, .pv-cell .pv-ci, .pv-cell .pv-note { display: block; font-size: 12px; color: var(--muted); }
.pv-cell .pv-note { color: var(--fair); }
.pv-absent { color: var(--muted); }
.pv-clear { background: var(--accent-soft); }
.pv-list { list-style: none; margin: 0; padding: 0; }
.pv-list li { display: flex; flex-direction: column; gap: 2px; padding: 9px 12px; border: 1px solid var(--line); border-radius: 8px; margin-block-end: 8px; overflow-wrap: anywhere; }
.pv-sites { font-size: 12.5px; color: var(--muted); }
.programme-picker { display: inline-flex; align-items: center; gap: 6px; font-size: 13px; }
.programme-picker select { font: inherit; padding: 5px 6px; border-radius: 6px; border: 1px solid rgb(255 255 255 / .35); background: #14213d; color: #fff; max-inline-size: 16em; }
`;
