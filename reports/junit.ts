/**
 * junit.xml for CI systems: one <testsuite> per (first) operation, one <testcase> per check.
 * Expected failures are passing testcases with a <system-out> note, so a known gap does not
 * turn CI red; skipped checks carry their reason.
 */
import { formatValue, targetLabel } from './format.js';
import type { CheckReport, Report } from './types.js';
import { tally } from './validate.js';
import { escapeAttr as attr, escapeText as text } from './xml.js';

const NO_OPERATION = 'General';

export const suiteName = (check: CheckReport) => `tunnel-conformance.${check.operations[0] ?? NO_OPERATION}`;

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function failureBody(check: CheckReport): string {
  const f = check.failure!;
  return [
    f.message,
    ...(f.counterexample === undefined ? [] : [`counterexample:\n${formatValue(f.counterexample)}`]),
    `seed: ${f.seed}${f.path !== undefined ? `\npath: ${f.path}` : ''}`,
    `replay:\n${f.replay}`,
  ].join('\n\n');
}

function testcase(check: CheckReport): string {
  const open = `    <testcase name="${attr(`${check.id} ${check.title}`)}" classname="${attr(suiteName(check))}" time="${seconds(check.durationMs)}"`;
  switch (check.status) {
    case 'passed':
      return `${open}/>`;
    case 'skipped':
      return `${open}>\n      <skipped message="${attr(check.skipReason ?? '')}"/>\n    </testcase>`;
    case 'failed':
      return `${open}>\n      <failure message="${attr(check.failure?.message ?? 'failed')}" type="${check.level}">${text(failureBody(check))}</failure>\n    </testcase>`;
    case 'expected-failure': {
      const note = [`expected failure${check.expected ? `: ${check.expected}` : ''}`, ...(check.failure ? ['', failureBody(check)] : [])].join('\n');
      return `${open}>\n      <system-out>${text(note)}</system-out>\n    </testcase>`;
    }
  }
}

/** The run's identity, repeated in every suite because the junit schemas only allow properties there. */
function properties(report: Report): string[] {
  const props = {
    seed: String(report.seed),
    runId: report.runId,
    profile: report.profile,
    target: targetLabel(report),
    tool: `${report.tool.name} ${report.tool.version}`,
    model: `${report.model.service} ${report.model.apiVersion} sha256:${report.model.sha256}`,
  };
  return ['    <properties>', ...Object.entries(props).map(([k, v]) => `      <property name="${k}" value="${attr(v)}"/>`), '    </properties>'];
}

function testsuite(name: string, checks: CheckReport[], report: Report): string {
  const s = tally(checks);
  const time = checks.reduce((t, c) => t + c.durationMs, 0);
  return [
    `  <testsuite name="${attr(name)}" tests="${checks.length}" failures="${s.failed}" errors="0" skipped="${s.skipped}" time="${seconds(time)}" timestamp="${attr(report.startedAt)}">`,
    ...properties(report),
    ...checks.map(testcase),
    '  </testsuite>',
  ].join('\n');
}

export function toJunitXml(report: Report): string {
  const suites = new Map<string, CheckReport[]>();
  for (const c of report.checks) suites.set(suiteName(c), [...(suites.get(suiteName(c)) ?? []), c]);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(report.tool.name)}" tests="${report.checks.length}" failures="${report.summary.failed}" errors="0" skipped="${report.summary.skipped}" time="${seconds(report.durationMs)}" timestamp="${attr(report.startedAt)}">`,
    ...[...suites].map(([name, checks]) => testsuite(name, checks, report)),
    '</testsuites>',
    '',
  ].join('\n');
}
