/**
 * report.html: one self-contained page for a person deciding what to fix first. No script, no
 * external resource (a Content-Security-Policy forbids any), every value escaped. Failures come
 * MUST before SHOULD; colours always come with a symbol and a word.
 */
import { operationNames, type OperationName } from '../specs/index.js';
import { formatValue, targetLabel, visible } from './format.js';
import type { CheckReport, CheckStatus, LatencySummary, Report } from './types.js';
import { xmlSafe } from './xml.js';

/** HTML also treats DEL and the C1 controls as errors: they are made visible like XML's forbidden ones. */
const esc = (s: string | number) =>
  xmlSafe(String(s))
    .replace(/[\u007F-\u009F]/g, visible)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const STATUS: Record<CheckStatus, { symbol: string; label: string }> = {
  passed: { symbol: '✓', label: 'passed' },
  failed: { symbol: '✗', label: 'failed' },
  skipped: { symbol: '–', label: 'skipped' },
  'expected-failure': { symbol: '≈', label: 'expected failure' },
};

const STYLE = `
:root { --pass:#1a7f37; --fail:#cf222e; --skip:#8c959f; --xfail:#9a6700; --ink:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; padding: 24px 32px 48px; max-width: 1280px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 32px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 0 0 6px; }
code, pre { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; margin: 4px 0 8px; }
.verdict { display: inline-block; padding: 2px 10px; border-radius: 12px; color: #fff; font-weight: 600; font-size: 13px; vertical-align: middle; margin-left: 8px; }
.verdict.failed { background: var(--fail); } .verdict.passed { background: var(--pass); }
dl.identity { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 12px 0; }
dl.identity dt { color: var(--muted); } dl.identity dd { margin: 0; word-break: break-all; }
.counts { display: flex; gap: 12px; flex-wrap: wrap; margin: 16px 0; }
.count { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 8px 16px; min-width: 130px; }
.count .n { font-size: 26px; font-weight: 700; display: block; } .count .k { color: var(--muted); }
.count.passed { border-left-color: var(--pass); } .count.failed { border-left-color: var(--fail); }
.count.skipped { border-left-color: var(--skip); } .count.expected-failure { border-left-color: var(--xfail); } .count.total { border-left-color: var(--ink); }
.warn { border: 1px solid var(--fail); background: #ffebe9; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
.note { border: 1px solid var(--xfail); background: #fff8c5; border-radius: 6px; padding: 8px 12px; margin: 8px 0; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: 600; }
table.matrix th.op { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 500; padding: 6px 2px; text-align: left; }
table.matrix td.cell { text-align: center; width: 34px; font-weight: 700; }
td.cell.passed, .status.passed { background: #dafbe1; color: var(--pass); }
td.cell.failed, .status.failed { background: #ffebe9; color: var(--fail); }
td.cell.skipped, .status.skipped { background: #eff2f5; color: var(--muted); }
td.cell.expected-failure, .status.expected-failure { background: #fff8c5; color: var(--xfail); }
.status { border-radius: 4px; padding: 0 6px; white-space: nowrap; font-weight: 600; }
table.matrix td:first-child { white-space: nowrap; }
pre.answer { word-break: normal; overflow-wrap: anywhere; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.failure { border: 1px solid var(--line); border-left: 6px solid var(--fail); border-radius: 6px; padding: 10px 14px; margin: 12px 0; }
.failure.expected-failure { border-left-color: var(--xfail); }
.meta { color: var(--muted); margin-bottom: 6px; } .label { color: var(--muted); font-size: 12px; margin-top: 6px; }
.legend span { margin-right: 14px; }
table.observations td:nth-child(1) { width: 20%; } table.observations td:nth-child(2) { width: 35%; } .empty { color: var(--muted); font-style: italic; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
`;

function identity(r: Report): string {
  const caps = Object.entries(r.target.capabilities).map(([k, v]) => `${k}: ${v ? 'yes' : 'no'}`).join(', ') || 'none';
  const rows: [string, string][] = [
    ['tool', `${r.tool.name} ${r.tool.version}`],
    ['model', `${r.model.service} ${r.model.apiVersion}`],
    ['model sha256', r.model.sha256],
    ['target', targetLabel(r)],
    ['target control', caps],
    ['seed', String(r.seed)],
    ['profile', r.profile],
    ['run id', r.runId],
    ['started', r.startedAt],
    ['duration', `${(r.durationMs / 1000).toFixed(1)} s`],
  ];
  return `<dl class="identity">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd data-field="${esc(k)}">${esc(v)}</dd>`).join('')}</dl>`;
}

function counts(r: Report): string {
  const cards: [string, string, number][] = [
    ['total', 'checks', r.checks.length],
    ['passed', 'passed', r.summary.passed],
    ['failed', 'failed', r.summary.failed],
    ['skipped', 'skipped', r.summary.skipped],
    ['expected-failure', 'expected failures', r.summary.expectedFailures],
  ];
  return `<div class="counts">${cards
    .map(([cls, label, n]) => `<div class="count ${cls}" data-count="${cls}"><span class="n">${n}</span><span class="k">${esc(label)}</span></div>`)
    .join('')}</div>`;
}

function warnings(r: Report): string {
  const out: string[] = [];
  if (r.resources.leaked.length) {
    out.push(`<div class="warn" data-warning="leaked"><strong>${r.resources.leaked.length} tunnel(s) left behind.</strong> Close them with <code>tunnel-conformance sweep --target … --run-id ${esc(r.runId)}</code>.</div>`);
  }
  if (r.unexpectedPasses?.length) {
    out.push(`<div class="note" data-warning="unexpected-passes"><strong>Listed as expected failures but now passing:</strong> ${r.unexpectedPasses.map((id) => `<code>${esc(id)}</code>`).join(', ')}. Remove them from the expect file.</div>`);
  }
  return out.join('');
}

const statusBadge = (s: CheckStatus) => `<span class="status ${s}">${STATUS[s].symbol} ${esc(STATUS[s].label)}</span>`;

function matrix(r: Report): string {
  if (!r.checks.length) return '<p class="empty">No check was selected.</p>';
  const used = new Set(r.checks.flatMap((c) => c.operations));
  const ops = operationNames.filter((op) => used.has(op));
  const head = `<tr><th>check</th><th>title</th><th>level</th><th>status</th>${ops.map((op) => `<th class="op">${esc(op)}</th>`).join('')}<th>calls</th><th>tunnels</th><th>ms</th></tr>`;
  const row = (c: CheckReport) => {
    const cells = ops
      .map((op) => (c.operations.includes(op) ? `<td class="cell ${c.status}" title="${esc(`${c.id} × ${op}: ${STATUS[c.status].label}`)}">${STATUS[c.status].symbol}</td>` : '<td></td>'))
      .join('');
    const id = c.failure ? `<a href="#check-${esc(c.id)}">${esc(c.id)}</a>` : esc(c.id);
    const title = c.status === 'skipped' && c.skipReason ? `${esc(c.title)}<div class="meta">skipped: ${esc(c.skipReason)}</div>` : esc(c.title);
    return `<tr data-check="${esc(c.id)}" data-status="${c.status}"><td><code>${id}</code></td><td>${title}</td><td>${c.level}</td><td>${statusBadge(c.status)}</td>${cells}<td class="num">${c.calls}</td><td class="num">${c.tunnels ?? ''}</td><td class="num">${Math.round(c.durationMs)}</td></tr>`;
  };
  const legend = `<p class="legend">${(Object.keys(STATUS) as CheckStatus[]).map((s) => `<span>${statusBadge(s)}</span>`).join('')}</p>`;
  return `${legend}<table class="matrix"><thead>${head}</thead><tbody>${r.checks.map(row).join('')}</tbody></table>`;
}

function failureBlock(c: CheckReport): string {
  const f = c.failure!;
  return `<section class="failure ${c.status}" id="check-${esc(c.id)}" data-failure="${esc(c.id)}">
<h3><code>${esc(c.id)}</code> ${esc(c.title)} ${statusBadge(c.status)}</h3>
<div class="meta">${c.level} · ${esc(c.operations.join(', ') || 'no operation')} · source: ${esc(c.source)}</div>
${c.expected ? `<div class="note">expected: ${esc(c.expected)}</div>` : ''}
<div class="label">message</div><pre>${esc(f.message)}</pre>
${f.counterexample === undefined ? '' : `<div class="label">shrunk counterexample</div><pre data-role="counterexample">${esc(formatValue(f.counterexample))}</pre>`}
<div class="label">seed ${f.seed}${f.path !== undefined ? ` · path <code>${esc(f.path)}</code>` : ''}</div>
<div class="label">replay</div><pre data-role="replay">${esc(f.replay)}</pre>
</section>`;
}

function failures(r: Report): string {
  const rank = (c: CheckReport) => (c.status === 'failed' ? 0 : 2) + (c.level === 'MUST' ? 0 : 1);
  const shown = r.checks.filter((c) => c.failure && (c.status === 'failed' || c.status === 'expected-failure'));
  if (!shown.length) return '<p class="empty">No failure.</p>';
  return shown
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => failureBlock(c))
    .join('\n');
}

/** An answer keyed by case (reason → codes) reads best one case a line. */
const answerText = (answer: unknown) =>
  typeof answer === 'object' && answer !== null && !Array.isArray(answer)
    ? Object.entries(answer).map(([k, v]) => `${k}: ${formatValue(v, 0)}`).join('\n')
    : formatValue(answer, 0);

function observations(r: Report): string {
  if (!r.observations.length) return '<p class="empty">No observation recorded.</p>';
  return `<p class="meta">What the target answered where the contract leaves a choice open: facts, never failures.</p><table class="observations"><thead><tr><th>id</th><th>question</th><th>answer</th></tr></thead><tbody>${r.observations
    .map((o) => `<tr data-observation="${esc(o.id)}"><td><code>${esc(o.id)}</code></td><td>${esc(o.question)}</td><td><pre class="answer">${esc(answerText(o.answer))}</pre></td></tr>`)
    .join('')}</tbody></table>`;
}

function resources(r: Report): string {
  const res = r.resources;
  return `<table><tbody><tr><th>tunnels opened</th><td class="num">${res.opened}</td></tr><tr><th>cleaned up</th><td class="num">${res.cleanedUp}</td></tr><tr><th>leaked</th><td>${
    res.leaked.length ? res.leaked.map((id) => `<code>${esc(id)}</code>`).join(' ') : '0'
  }</td></tr></tbody></table>`;
}

/** Horizontal bars, p95 behind p50, scaled to the slowest p95. */
function latencyChart(r: Report): string {
  const rows = operationNames.flatMap((op) => (r.latency?.[op] ? [[op, r.latency[op]] as [OperationName, LatencySummary]] : []));
  if (!rows.length) return '<p class="empty">No latency samples recorded.</p>';
  const labelW = 200, barW = 560, rowH = 26, top = 28, width = labelW + barW + 280;
  const max = Math.max(...rows.map(([, l]) => l.p95), 1);
  const x = (ms: number) => (ms / max) * barW;
  const height = top + rows.length * rowH + 8;
  const bars = rows
    .map(([op, l], i) => {
      const y = top + i * rowH;
      return `<g data-latency="${esc(op)}"><text x="${labelW - 8}" y="${y + 15}" text-anchor="end">${esc(op)}</text>
<rect x="${labelW}" y="${y + 3}" width="${x(l.p95).toFixed(1)}" height="16" fill="#9ecbff"><title>${esc(`${op} p95 ${l.p95.toFixed(1)} ms`)}</title></rect>
<rect x="${labelW}" y="${y + 7}" width="${x(l.p50).toFixed(1)}" height="8" fill="#0969da"><title>${esc(`${op} p50 ${l.p50.toFixed(1)} ms`)}</title></rect>
<text x="${labelW + barW + 8}" y="${y + 15}">${esc(`p50 ${l.p50.toFixed(1)} · p95 ${l.p95.toFixed(1)} ms · n=${l.count}`)}</text></g>`;
    })
    .join('\n');
  const legend = `<g><rect x="${labelW}" y="6" width="14" height="10" fill="#0969da"/><text x="${labelW + 20}" y="15">p50</text><rect x="${labelW + 60}" y="6" width="14" height="10" fill="#9ecbff"/><text x="${labelW + 80}" y="15">p95 (ms per call, scale to ${max.toFixed(1)} ms)</text></g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="per-operation latency p50 and p95" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${legend}${bars}</svg>`;
}

export function toHtml(r: Report): string {
  const verdict = r.summary.failed ? 'failed' : 'passed';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${r.tool.name}: ${verdict} (${r.summary.failed} failed) against ${targetLabel(r)}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(r.model.service)} conformance <span class="verdict ${verdict}" data-verdict="${verdict}">${verdict.toUpperCase()}</span></h1>
${identity(r)}
</header>
<section id="summary"><h2>Summary</h2>${counts(r)}${warnings(r)}</section>
<section id="matrix"><h2>Checks × operations</h2>${matrix(r)}</section>
<section id="failures"><h2>Failures</h2>${failures(r)}</section>
<section id="observations"><h2>Observations</h2>${observations(r)}</section>
<section id="latency"><h2>Latency per operation</h2>${latencyChart(r)}</section>
<section id="resources"><h2>Resources</h2>${resources(r)}</section>
</body>
</html>
`;
}
