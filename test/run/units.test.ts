/** The run pipeline's small parts: options, selection, expect files, ledger, seeds, run-id tag, plan. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { def } from '../../specs/index.js';
import { RUN_ID_TAG_KEY, type CheckDefinition, type TunnelNeeds } from '../../suites/api.js';
import { UsageError } from '../../src/cli/args.js';
import { cleanUp } from '../../src/run/cleanup.js';
import { withRunIdTag } from '../../src/run/context.js';
import { readExpectFile } from '../../src/run/expect.js';
import { appendLedger, ledgerPath, ledgerState, readLedger } from '../../src/run/ledger.js';
import { parseRunArgs } from '../../src/cli/run-options.js';
import { formatPlan, planRun } from '../../src/run/plan.js';
import { checkSeed } from '../../src/run/seed.js';
import { selectChecks } from '../../src/run/select.js';
import { planTunnels, runOrder, runsFor } from '../../src/run/tunnels.js';
import { targetDriver } from '../../src/targets/index.js';
import type { Target } from '../../src/targets/target.js';
import { tempDir } from './helpers.js';

const check = (id: string, tunnels = 1): CheckDefinition => ({
  id,
  title: `title of ${id}`,
  level: 'MUST',
  source: 'test',
  operations: [],
  cost: (runs) => ({ tunnels: tunnels * runs, calls: 2 * runs }),
  run: async () => {},
});
const catalogue = ['LIST-ORDER-001', 'LIST-PAGES-001', 'OPEN-IDS-001', 'ERR-NOT-FOUND-001'].map((id) => check(id));

describe('run options', () => {
  it('defaults: mock, standard, random seed', () => {
    expect(parseRunArgs([])).toEqual({ help: false, plan: false, options: expect.objectContaining({ target: 'mock', profile: 'standard', seed: undefined }) });
  });

  it('reads every flag', () => {
    const { options, plan } = parseRunArgs(['--target', 'aws', '--profile', 'full', '--seed=-7', '--only', 'LIST-*', '--skip', 'LIST-PAGES-001', '--expect', 'x.yaml', '--region', 'eu-west-1', '--max-tunnels', '3', '--plan', '--report-dir', 'out']);
    expect(plan).toBe(true);
    expect(options).toEqual({ target: 'aws', profile: 'full', seed: -7, only: 'LIST-*', skip: 'LIST-PAGES-001', expect: 'x.yaml', region: 'eu-west-1', maxTunnels: 3, reportDir: 'out' });
  });

  it.each([[['--seed', '1.5']], [['--max-tunnels', '-1']], [['--profile', 'QUICK']], [['--target', 'gopher://x']], [['positional']]])('rejects %j', (args) => {
    expect(() => parseRunArgs(args)).toThrow(UsageError);
  });
});

describe('selection', () => {
  it('keeps catalogue order, takes globs, and skips after selecting', () => {
    expect(selectChecks(catalogue, ['OPEN-*', 'LIST-*'], ['LIST-PAGES-001']).map((c) => c.id)).toEqual(['LIST-ORDER-001', 'OPEN-IDS-001']);
    expect(selectChecks(catalogue, [], ['*-001']).map((c) => c.id)).toEqual([]);
  });

  it('refuses an --only entry that matches nothing', () => {
    expect(() => selectChecks(catalogue, ['LIST-*', 'LSIT-ORDER-001'], [])).toThrow('LSIT-ORDER-001');
  });
});

describe('expect files', () => {
  it('reads JSON and YAML lists', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'e.json'), JSON.stringify([{ id: 'A-B-001', reason: 'r' }]));
    writeFileSync(join(dir, 'e.yaml'), '- id: A-B-001\n  reason: r\n');
    expect(readExpectFile(join(dir, 'e.json'))).toEqual([{ id: 'A-B-001', reason: 'r' }]);
    expect(readExpectFile(join(dir, 'e.yaml'))).toEqual([{ id: 'A-B-001', reason: 'r' }]);
  });

  it.each([['{"id": "x"}'], ['- id: A-B-001\n'], ['- id: A-B-001\n  reason: ""\n'], ['[: broken']])('rejects %j', (text) => {
    const path = join(tempDir(), 'e.yaml');
    writeFileSync(path, text);
    expect(() => readExpectFile(path)).toThrow(path);
  });
});

describe('ledger', () => {
  it('tells opened, cleaned and pending tunnels apart, per run, and survives a torn last line', () => {
    const path = ledgerPath(tempDir());
    appendLedger(path, { event: 'opened', runId: 'r1', tunnelId: 'a' });
    appendLedger(path, { event: 'opened', runId: 'r1', tunnelId: 'b' });
    appendLedger(path, { event: 'opened', runId: 'r2', tunnelId: 'c' });
    appendLedger(path, { event: 'cleaned', runId: 'r1', tunnelId: 'a' });
    writeFileSync(path, '{"event":"opened","runId":"r2","tunn', { flag: 'a' });
    const entries = readLedger(path);
    expect(ledgerState(entries, ['r1'])).toEqual({ opened: ['a', 'b'], cleaned: ['a'], pending: ['b'] });
    expect(ledgerState(entries).pending).toEqual(['b', 'c']);
  });

  it('makes a missing report dir on the first entry', () => {
    const path = ledgerPath(join(tempDir(), 'not', 'made', 'yet'));
    appendLedger(path, { event: 'opened', runId: 'r1', tunnelId: 'a' });
    appendLedger(path, { event: 'opened', runId: 'r1', tunnelId: 'b' });
    expect(ledgerState(readLedger(path)).pending).toEqual(['a', 'b']);
  });
});

describe('seeds, tags and plans', () => {
  it('derives a check`s seed from the run seed and the id alone', () => {
    expect(checkSeed(42, 'LIST-ORDER-001')).toBe(checkSeed(42, 'LIST-ORDER-001'));
    expect(checkSeed(42, 'LIST-ORDER-001')).not.toBe(checkSeed(42, 'LIST-PAGES-001'));
    expect(checkSeed(42, 'LIST-ORDER-001')).not.toBe(checkSeed(43, 'LIST-ORDER-001'));
  });

  it('adds the run-id tag, giving up the last tag of a full list', () => {
    expect(withRunIdTag({ description: 'd' }, 'r1')).toEqual({ description: 'd', tags: [{ key: RUN_ID_TAG_KEY, value: 'r1' }] });
    const max = (def('TagList') as { maxItems: number }).maxItems;
    const full = Array.from({ length: max }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    const tagged = withRunIdTag({ tags: full }, 'r1').tags as { key: string }[];
    expect(tagged).toHaveLength(max);
    expect(tagged.at(-1)).toEqual({ key: RUN_ID_TAG_KEY, value: 'r1' });
    expect(tagged.at(-2)).toEqual(full[max - 2]);
  });

  it('runs fewer cases on aws', () => {
    const runs = (kind: 'aws' | 'http' | 'mock') => targetDriver(kind).policy.runsPerProperty;
    for (const p of ['quick', 'standard', 'full'] as const) expect(runs('aws')[p]).toBeLessThan(runs('http')[p]);
    expect(runs('mock').quick).toBeLessThan(runs('mock').full);
  });

  it('plans from the checks` costs where every request opens a tunnel, counting the cleanup calls', () => {
    const plan = planRun(catalogue.slice(0, 2), { kind: 'http', profile: 'quick', numRuns: 5, budget: 25 });
    expect(plan).toMatchObject({ numRuns: 5, maxTunnels: 10, maxCalls: 30, budget: 25 });
    expect(formatPlan(plan)).toContain('LIST-ORDER-001  MUST    title of LIST-ORDER-001');
    expect(formatPlan(plan)).toContain('at most 10 tunnels (budget 25)');
  });
});

describe('shared tunnels', () => {
  const needs = (n: TunnelNeeds) => ({ needs: n, tunnels: 99 });

  it('plans the samples and the work tunnel once, takes from them, and opens only when none is left', () => {
    const plan = planTunnels(
      [
        needs({ samples: true }),
        needs({ work: true, samples: true }),
        needs({ take: [{ stage: 'open', count: 3, leaves: 'closed' }] }),
        // A closed tunnel is never deleted for a take (UNKNOWN whether allowed): a new one is opened.
        needs({ take: [{ stage: 'deleted', count: 1, leaves: 'deleted' }] }),
        needs({ take: [{ stage: 'closed', count: 2, leaves: 'deleted' }] }),
        needs({ fresh: 2 }),
      ],
      true,
      1,
    );
    expect(plan).toEqual([1, 1, 1, 1, 0, 2]);
  });

  it('a tunnel a check lends is counted open for later takes', () => {
    const plan = planTunnels([needs({ fresh: 1, lends: 1 }), needs({ take: [{ stage: 'open', count: 2, leaves: 'closed' }] })], true, 1);
    expect(plan).toEqual([1, 1]);
  });

  it('where tunnels are shared, a check that ends them runs once per tunnel it takes, at most the consuming runs', () => {
    const share = { consumingRuns: { quick: 1, standard: 2, full: 3 } };
    const perRun = { tunnelNeeds: (runs: number) => ({ take: [{ stage: 'open' as const, count: runs, leaves: 'closed' as const }] }) };
    const once = { tunnelNeeds: () => ({ take: [{ stage: 'open' as const, count: 1, leaves: 'closed' as const }] }) };
    expect(runsFor(perRun, { share, profile: 'standard', numRuns: 10, clock: false })).toBe(2);
    expect(runsFor(once, { share, profile: 'standard', numRuns: 10, clock: false })).toBe(1);
    expect(runsFor({}, { share, profile: 'standard', numRuns: 10, clock: false })).toBe(10);
    expect(runsFor(once, { share: undefined, profile: 'standard', numRuns: 10, clock: false })).toBe(10);
  });

  it('where tunnels are not shared, each check opens what its cost says', () => {
    expect(planTunnels([needs({ samples: true }), needs({})], false, 3)).toEqual([99, 99]);
  });

  it('plans a check needing a control as skipped where the target surely lacks it, and says so where only the target knows', () => {
    const needy = { ...catalogue[0], id: 'LIMIT-TEST-001', needs: ['limits' as const] };
    const plan = (kind: 'aws' | 'module' | 'http' | 'mock') => planRun([needy], { kind, profile: 'quick', numRuns: 5, capabilities: targetDriver(kind).offers });
    const line = (kind: 'aws' | 'module' | 'http' | 'mock') => formatPlan(plan(kind)).split('\n')[0];
    expect(plan('aws')).toMatchObject({ maxTunnels: 0, checks: [{ tunnels: 0, calls: 0, skip: 'exceeding the real quota would open hundreds of billed tunnels' }] });
    expect(line('aws')).toContain('(skipped: exceeding the real quota would open hundreds of billed tunnels)');
    expect(line('module')).toContain('(skipped: no limits control)');
    expect(line('http')).toMatch(/\(5 runs, ≤ 5 new tunnels, ≤ 10 calls; skipped unless the target offers the limits control\)$/);
    expect(line('mock')).toMatch(/\(5 runs, ≤ 5 new tunnels, ≤ 10 calls\)$/);
  });
});

describe('run order', () => {
  const share = { consumingRuns: { quick: 1, standard: 2, full: 3 } };
  const run = (shared: boolean) => ({ share: shared ? share : undefined, profile: 'standard' as const, numRuns: 10, clock: false });
  /** A check declaring `calls(runs)` calls; `ends`: it ends one tunnel a run. */
  const costing = (id: string, calls: (runs: number) => number, ends = false): CheckDefinition => ({
    ...check(id),
    cost: (runs) => ({ tunnels: runs, calls: calls(runs) }),
    ...(ends && { tunnelNeeds: (runs: number) => ({ take: [{ stage: 'open' as const, count: runs, leaves: 'closed' as const }] }) }),
  });
  const ids = (checks: CheckDefinition[]) => checks.map((c) => c.id);

  it('runs the cheapest first, equals in catalogue order', () => {
    const checks = [costing('A-001', (r) => 5 * r), costing('B-001', () => 3), costing('C-001', (r) => r), costing('D-001', () => 10)];
    expect(ids(runOrder(checks, run(false)))).toEqual(['B-001', 'C-001', 'D-001', 'A-001']);
  });

  it('runs the checks that need the target alone first, each group cheapest first', () => {
    const alone = (c: CheckDefinition): CheckDefinition => ({ ...c, alone: 'moves the clock' });
    const checks = [costing('A-001', () => 1), alone(costing('B-001', () => 9)), costing('C-001', () => 2), alone(costing('D-001', () => 3))];
    expect(ids(runOrder(checks, run(false)))).toEqual(['D-001', 'B-001', 'A-001', 'C-001']);
    // Where tunnels are shared, ending them last still comes first.
    expect(ids(runOrder([alone(costing('CLOSE-A-001', () => 1, true)), costing('OPEN-B-001', () => 5)], run(true)))).toEqual(['OPEN-B-001', 'CLOSE-A-001']);
  });

  it('where every check opens its own tunnels, a check that ends them runs where its cost puts it', () => {
    const checks = [costing('LIST-A-001', (r) => 9 * r), costing('CLOSE-B-001', () => 4, true), costing('OPEN-C-001', () => 4)];
    expect(ids(runOrder(checks, run(false)))).toEqual(['CLOSE-B-001', 'OPEN-C-001', 'LIST-A-001']);
  });

  it('where tunnels are shared, the checks that end them run after all others, each group cheapest first', () => {
    const checks = [costing('CLOSE-A-001', () => 1, true), costing('LIST-B-001', (r) => 9 * r), costing('CLOSE-C-001', () => 5, true), costing('OPEN-D-001', () => 2), costing('CLOSE-E-001', () => 1, true)];
    expect(ids(runOrder(checks, run(true)))).toEqual(['OPEN-D-001', 'LIST-B-001', 'CLOSE-A-001', 'CLOSE-E-001', 'CLOSE-C-001']);
  });

  it('prices each check at the runs it will get: one that ends shared tunnels gets the consuming runs', () => {
    // At the run's 10 runs the first would cost 30 calls; it gets 2, so 6: below the second's 8.
    const checks = [costing('CLOSE-A-001', (r) => 3 * r, true), costing('CLOSE-B-001', () => 8, true)];
    expect(ids(runOrder(checks, run(true)))).toEqual(['CLOSE-A-001', 'CLOSE-B-001']);
    expect(ids(runOrder(checks, run(false)))).toEqual(['CLOSE-B-001', 'CLOSE-A-001']);
  });

  it('--plan lists the checks in run order', () => {
    const plan = planRun([costing('LIST-A-001', (r) => 9 * r), costing('OPEN-B-001', () => 1)], { kind: 'http', profile: 'quick', numRuns: 5 });
    expect(plan.checks.map((c) => c.id)).toEqual(['OPEN-B-001', 'LIST-A-001']);
  });
});

describe('cleanup', () => {
  it('closes and deletes a few at a time, journals those cleaned and keeps the order given in both lists', async () => {
    const path = join(tempDir(), 'tunnels.jsonl');
    let inFlight = 0;
    let most = 0;
    const sent: unknown[] = [];
    const target = {
      async call(op: string, input: Record<string, unknown>) {
        sent.push({ op, ...input });
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        const id = String(input.tunnelId);
        if (id === 't3') throw new Error('connection reset');
        return id === 't5' ? { ok: false, status: 500, code: 'InternalFailure', message: '' } : id === 't2' ? { ok: false, status: 404, code: 'ResourceNotFoundException', message: '' } : { ok: true, status: 200, output: {} };
      },
    } as unknown as Target;
    const ids = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'];
    expect(await cleanUp(target, ids, { path, runId: 'r1' })).toEqual({ cleaned: ['t1', 't2', 't4', 't6', 't7', 't8', 't9'], leaked: ['t3', 't5'] });
    expect(sent).toHaveLength(9);
    expect(sent[0]).toEqual({ op: 'CloseTunnel', tunnelId: 't1', delete: true });
    expect(most).toBe(4);
    expect(ledgerState(readLedger(path), ['r1'])).toEqual({ opened: [], cleaned: [], pending: [] });
    expect(readLedger(path).map((e) => [e.event, e.tunnelId]).sort()).toEqual(['t1', 't2', 't4', 't6', 't7', 't8', 't9'].map((id) => ['cleaned', id]));
  });
});
