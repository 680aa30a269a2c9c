/** The report's style sheet: readable on screen, and on paper without colour or cut rows. */
export const REPORT_CSS = `
:root { --pass: #1b7a3a; --fail: #b3261e; --warn: #8a5a00; --skip: #555; --error: #6b2fa3; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111;
  max-width: 1100px; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.2rem; border-bottom: 2px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-bottom: .3rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, pre, .code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: 12px; }
.code { word-break: break-all; }
pre { background: #f7f7f7; border: 1px solid #ddd; padding: .5rem; white-space: pre-wrap;
  word-break: break-word; }
.banner { font-size: 1.5rem; font-weight: 700; padding: .8rem 1rem; border: 3px solid;
  margin: 1rem 0 .5rem; letter-spacing: .03em; }
.banner.exit-0 { color: var(--pass); border-color: var(--pass); background: #eaf6ee; }
.banner.exit-1 { color: var(--fail); border-color: var(--fail); background: #fbeceb; }
.banner.exit-2 { color: var(--error); border-color: var(--error); background: #f3edf9; }
.verdict { font-weight: 700; text-transform: uppercase; }
.verdict-pass { color: var(--pass); } .verdict-fail { color: var(--fail); }
.verdict-warn { color: var(--warn); } .verdict-skip { color: var(--skip); }
.verdict-error { color: var(--error); }
.finding { margin: .2rem 0; }
.detail { border-left: 4px solid #ccc; padding-left: .8rem; margin: 1rem 0; }
.detail.verdict-fail-box { border-color: var(--fail); }
.detail.verdict-warn-box { border-color: var(--warn); }
.detail.verdict-error-box { border-color: var(--error); }
.sign-off td { height: 2.6rem; }
.sign-off th { width: 14rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  h2 { break-after: avoid; }
  tr, .detail pre, .sign-off { break-inside: avoid; }
  .banner { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  pre { max-height: none; }
}
`;
