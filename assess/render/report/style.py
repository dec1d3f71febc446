"""The report's stylesheet, inlined into every HTML report.

Kept in a module rather than a .css file so that it ships with the package
without package-data rules. System fonts only; nothing is fetched.
"""

from __future__ import annotations

CSS = """
:root { --ink: #1f2933; --muted: #52606d; --rule: #d9dee3; --soft: #f4f6f8; --accent: #2f6f9f;
  --warn: #8c2d04; --mark: #fff1b8; }
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.5rem 3rem; color: var(--ink);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; line-height: 1.5;
  background: #ffffff; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.2rem 0 0.6rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 0.7rem; padding-bottom: 0.25rem;
  border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.6rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 0 0 0.3rem; }
p { margin: 0.4rem 0 0.7rem; }
.kicker { text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; color: var(--muted);
  margin: 0; }
.meta, .note, figcaption, .muted { color: var(--muted); font-size: 0.9rem; }
nav.toc { border: 1px solid var(--rule); background: var(--soft); padding: 0.6rem 1rem; margin: 1rem 0; }
nav.toc ol { margin: 0; padding-left: 1.2rem; columns: 2; }
nav.toc a { color: var(--accent); }
.summary { border-left: 4px solid var(--accent); background: var(--soft); padding: 0.7rem 1rem; }
.summary ul { margin: 0.3rem 0; padding-left: 1.2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.35rem 0.5rem; text-align: left;
  vertical-align: top; }
thead th { border-bottom: 2px solid var(--muted); background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tr.excluded td { color: var(--muted); }
.desc { display: block; color: var(--muted); font-size: 0.85rem; font-weight: 400; }
figure { margin: 0.8rem 0 1.2rem; }
svg.chart { max-width: 100%; height: auto; display: block; }
svg.swatch { vertical-align: -1px; margin-right: 0.35rem; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem 2rem; margin: 0.3rem 0 0.8rem; font-size: 0.85rem; }
.legend ul { list-style: none; margin: 0.2rem 0 0; padding: 0; }
.legend h4 { font-size: 0.85rem; color: var(--muted); margin: 0; }
.excluded-list li { margin-bottom: 0.4rem; }
.reason { color: var(--warn); }
.changed { color: var(--warn); font-size: 0.88rem; margin: 0.1rem 0 0.3rem; }
ol.sources { padding-left: 1.4rem; font-size: 0.92rem; }
.method { border: 1px solid var(--rule); padding: 0.6rem 1rem; margin: 0.6rem 0 1rem; }
.method p { margin: 0.2rem 0; }
.cell { border-top: 1px solid var(--rule); padding: 0.6rem 0 0.5rem; }
.cell .score { font-weight: 400; color: var(--muted); margin-left: 0.4rem; }
blockquote { margin: 0.4rem 0 0.2rem; padding: 0.3rem 0.8rem; border-left: 3px solid var(--rule);
  background: var(--soft); font-size: 0.9rem; }
blockquote p { margin: 0.2rem 0; }
mark { background: var(--mark); color: inherit; padding: 0 0.1rem; }
.quote figcaption { font-size: 0.82rem; margin-top: 0.1rem; }
.quote { margin: 0.3rem 0 0.2rem; }
dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.provenance dt { color: var(--muted); }
dl.provenance dd { margin: 0; overflow-wrap: anywhere; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.88em; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule);
  padding-top: 0.5rem; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  nav.toc { display: none; }
  a { color: inherit; text-decoration: none; }
  h2, h3, h4, h3 + p.note { break-after: avoid; }
  figure, tr, .cell, .summary, .method { break-inside: avoid; }
  thead { display: table-header-group; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
@page { margin: 16mm 14mm; }
"""
