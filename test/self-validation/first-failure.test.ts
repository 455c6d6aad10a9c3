/**
 * `npm run kill-matrix -- --first-failure`: a fault's run is cancelled at its first failed check
 * and still counts as caught, from the report the cancelled run wrote. Loopback only, one quick run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { variants } from '../../models/variants/index.js';
import { runVariant, SELF_VALIDATION } from './kill-run.js';
import { verdictOf } from './kill-matrix.js';
import { tempDir } from '../run/helpers.js';

test('a fault many checks catch is stopped after the first of them, and judged caught', async () => {
  // caught by a dozen checks in a whole run (docs/kill-matrix.md)
  const variant = variants.find((v) => v.name === 'list-cycling-token')!;
  const reportRoot = tempDir();
  const o = await runVariant(variant, { ...SELF_VALIDATION, reportRoot, firstFailure: true });
  expect(o.stoppedAtFailure).toBe(true);
  expect(o.exitCode, 'a cancelled run exits 2').toBe(2);
  expect(o.caughtBy.length).toBeGreaterThan(0);
  expect(verdictOf(o)).toBe('caught');
  const report = JSON.parse(readFileSync(join(reportRoot, variant.name, 'report.json'), 'utf8')) as { checks: { status: string; skipReason?: string }[] };
  const cancelled = report.checks.filter((c) => c.status === 'skipped' && /interrupted/.test(c.skipReason ?? ''));
  expect(cancelled.length, 'the checks after the first failure were not run').toBeGreaterThan(0);
}, 120_000);
