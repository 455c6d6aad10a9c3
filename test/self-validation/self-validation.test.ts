/**
 * Self-validation (issue 9): the suite, run over HTTP against every variant of the reference,
 * fails every faulty one (exit 1) and passes every legitimate one (exit 0). Writes
 * docs/kill-matrix.md from the same run. Loopback only; each run bounded in time.
 */
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { variants } from '../../models/variants/index.js';
import { runVariants, type RunSettings, type VariantOutcome } from './kill-run.js';
import { writeKillMatrix } from './kill-matrix.js';
import { KNOWN_MISJUDGED } from './known-misjudged.js';

const DOC = fileURLToPath(new URL('../../docs/kill-matrix.md', import.meta.url));
const reportRoot = mkdtempSync(join(tmpdir(), 'tc-self-validation-'));
const settings: RunSettings = { profile: 'quick', seed: 1, concurrency: 2, reportRoot, timeoutMs: 300_000 };

const outcomes = new Map<string, VariantOutcome>();

beforeAll(async () => {
  const started = performance.now();
  for (const o of await runVariants(variants, settings)) outcomes.set(o.name, o);
  writeKillMatrix(DOC, variants, [...outcomes.values()], settings, performance.now() - started, KNOWN_MISJUDGED);
}, 60 * 60_000);

afterAll(() => rmSync(reportRoot, { recursive: true, force: true }));

describe.each(['fault', 'legitimate'] as const)('%s variants', (kind) => {
  test.each(variants.filter((v) => v.kind === kind).map((v) => [v.name]))('%s', (name) => {
    const o = outcomes.get(name)!;
    expect(o.reason, 'the run could be carried out').toBeUndefined();
    if (KNOWN_MISJUDGED[name]) {
      // A known gap in the checks (the reason is in known-misjudged.ts): fails once the checks judge it right.
      expect(o.exitCode, `${name} is now judged right: remove it from known-misjudged.ts`).toBe(kind === 'fault' ? 0 : 1);
    } else if (kind === 'fault') {
      expect(o.exitCode, 'a faulty variant fails the run').toBe(1);
      expect(o.caughtBy.length, 'report.json names the check that caught it').toBeGreaterThan(0);
    } else {
      expect(o.caughtBy, 'no check fails on a legitimate variant').toEqual([]);
      expect(o.exitCode, 'a legitimate variant passes the run').toBe(0);
    }
  });
});
