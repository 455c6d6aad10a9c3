/**
 * A small builder of reports for the writers' tests: `report()` is a clean run; `faultyReport()`
 * is a run against a faulty target with failures (one with a token in its counterexample and
 * hostile characters), skips, expected failures, observations, a leak and latency samples.
 */
import { provenance } from '../../specs/index.js';
import type { CheckReport, Report } from '../../reports/types.js';
import { tally } from '../../reports/validate.js';

export const SEED = 424242;
export const TOKEN = 'AQGAAXiP3vj0z-sRc_8Fz7vSecretTokenValue-DoNotLeak_0123456789';
export const HOSTILE = 'é✓ 雪 🚇 <script>alert(1)</script> & "quotes" \'apos\' \u0000\u0001\u0007\u001b\u007f \ud800 end';

export const replay = (id: string) => `tunnel-conformance run --target http://127.0.0.1:8080 --seed ${SEED} --only ${id} --profile standard`;

export function check(id: string, status: CheckReport['status'], over: Partial<CheckReport> = {}): CheckReport {
  const base: CheckReport = {
    id,
    title: `title of ${id}`,
    level: 'MUST',
    source: 'smithy.api#required on OpenTunnelResponse$tunnelId',
    operations: ['OpenTunnel'],
    status,
    durationMs: 12.5,
    calls: 3,
    tunnels: 1,
  };
  if (status === 'skipped') base.skipReason = 'target has no clock control (capabilities.clock = false)';
  if (status === 'failed' || status === 'expected-failure') {
    base.failure = { message: `${id} failed`, counterexample: { input: { description: 'x' } }, seed: SEED, path: '0:1', replay: replay(id) };
  }
  if (status === 'expected-failure') base.expected = 'known gap, tracked upstream';
  return { ...base, ...over };
}

export function report(checks: CheckReport[] = [check('OPEN-SHAPE-001', 'passed')], over: Partial<Report> = {}): Report {
  return {
    tool: { name: 'tunnel-conformance', version: '0.1.0' },
    model: { service: provenance.model.service, apiVersion: provenance.model.apiVersion, sha256: provenance.model.sha256 },
    target: { kind: 'http', endpoint: 'http://127.0.0.1:8080', capabilities: { clock: false, reset: false, limits: false, dataPlane: false } },
    runId: 'run-2026-01-01-abc123',
    seed: SEED,
    profile: 'standard',
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 4321,
    summary: tally(checks),
    checks,
    observations: [],
    resources: { opened: 4, cleanedUp: 4, leaked: [] },
    ...over,
  };
}

export function faultyReport(): Report {
  const checks = [
    check('OPEN-SHAPE-001', 'passed', { formerly: ['OPEN-SHAPE-000'] }),
    check('OPEN-TOKENS-001', 'failed', {
      title: 'OpenTunnel returns both access tokens',
      failure: {
        message: `destinationAccessToken was ${TOKEN.slice(0, 4)}… shorter than expected: ${HOSTILE}`,
        counterexample: [{ description: HOSTILE, tags: [{ key: 'k', value: 'ü' }] }, { sourceAccessToken: TOKEN, destinationAccessToken: TOKEN, tunnelId: 'tid-1' }],
        seed: SEED,
        path: '3:0:0',
        replay: replay('OPEN-TOKENS-001'),
        kind: 'shape',
        operation: 'OpenTunnel',
        expected: 'a non-empty destinationAccessToken',
        actual: `${HOSTILE}`,
      },
    }),
    check('LIST-ORDER-001', 'failed', { level: 'SHOULD', operations: ['ListTunnels', 'OpenTunnel'], title: 'ListTunnels is newest first' }),
    check('DESCRIBE-SHAPE-001', 'failed', { operations: ['DescribeTunnel'], failure: { message: `echoed ${TOKEN} in an error`, counterexample: undefined, seed: SEED, replay: replay('DESCRIBE-SHAPE-001') } }),
    check('LIFE-EXPIRY-001', 'skipped', { operations: ['OpenTunnel', 'DescribeTunnel'] }),
    check('ROTATE-CLOSED-001', 'skipped', { operations: ['RotateTunnelAccessToken'], skipReason: 'budget of 25 tunnels spent (--max-tunnels)' }),
    check('TAG-LIMIT-001', 'expected-failure', { operations: ['TagResource', 'ListTagsForResource'] }),
    check('CLOSE-TWICE-001', 'expected-failure', { level: 'SHOULD', operations: ['CloseTunnel'], expected: undefined }),
    check('MODEL-PATTERN-001', 'passed', { operations: [] }),
  ];
  return report(checks, {
    target: { kind: 'http', endpoint: 'http://127.0.0.1:8080', capabilities: { clock: false, reset: false, limits: false, dataPlane: false } },
    durationMs: 98765,
    observations: [
      { id: 'OBS-MISSING-TUNNEL', question: 'Which status does DescribeTunnel return for a missing tunnel?', answer: { status: 404, code: 'ResourceNotFoundException' } },
      { id: 'OBS-DEFAULT-PAGE', question: 'Default page size of ListTunnels', answer: 50 },
      { id: 'OBS-ROTATE-ECHO', question: `Rotate echo ${HOSTILE}`, answer: { sourceAccessToken: TOKEN } },
    ],
    resources: { opened: 12, cleanedUp: 11, leaked: ['tid-leaked-1'] },
    latency: {
      OpenTunnel: { p50: 12.3, p95: 40.1, count: 20 },
      DescribeTunnel: { p50: 3.2, p95: 9.9, count: 31 },
      ListTunnels: { p50: 7.5, p95: 22, count: 8 },
      CloseTunnel: { p50: 4, p95: 5, count: 12 },
    },
    unexpectedPasses: ['WIRE-CONTENT-TYPE-001'],
  });
}
