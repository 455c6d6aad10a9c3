/**
 * The driver registry is the only list of target kinds: every kind parses and prints its own
 * `--target` text, states every policy, and nothing outside the drivers branches on a kind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { parseRunArgs } from '../../src/cli/run-options.js';
import { profiles } from '../../src/run/profile.js';
import { DEFAULT_TARGET, drivers, formatTargetSpec, parseTargetSpec, type TargetKind } from '../../src/targets/index.js';

// Keyed by the derived TargetKind: tsc fails here when a driver is added without an example.
const examples: Record<TargetKind, string[]> = {
  mock: ['mock'],
  http: ['http://127.0.0.1:8080', 'https://[::1]:8443'],
  aws: ['aws'],
  container: ['container:ghcr.io/acme/tunnels:1.2'],
  module: ['module:./fake.ts'],
};
const allExamples = Object.values(examples).flat();

describe.each(drivers.map((d) => [d.kind, d] as const))('the %s driver', (kind, driver) => {
  it('parses and prints its own --target texts, and no other', () => {
    for (const text of examples[kind]) {
      const spec = driver.parse(text);
      expect(spec).toMatchObject({ kind });
      expect(driver.format(spec as never)).toBe(text);
      expect(parseTargetSpec(formatTargetSpec(parseTargetSpec(text)))).toEqual(spec);
    }
    for (const text of allExamples.filter((t) => !examples[kind].includes(t))) expect(driver.parse(text)).toBeUndefined();
  });

  it('states every policy', () => {
    const { policy } = driver;
    expect(typeof policy.realAccount).toBe('boolean');
    for (const p of profiles) expect(Number.isInteger(policy.runsPerProperty[p]) && policy.runsPerProperty[p] > 0).toBe(true);
    expect(policy.runsPerProperty.quick).toBeLessThanOrEqual(policy.runsPerProperty.full);
    expect(policy.eventually.totalMs).toBeGreaterThan(0);
    expect(policy.eventually.polls).toBeGreaterThan(0);
    expect(policy.callMs).toBeGreaterThan(0);
    for (const p of policy.maxTunnels ? profiles : []) expect(Number.isInteger(policy.maxTunnels![p]) && policy.maxTunnels![p] > 0).toBe(true);
    expect(driver.sweep === 'reconnect' || typeof Object.values(driver.sweep)[0] === 'string').toBe(true);
  });

  it.each(Object.keys(driver.flags?.options ?? {}).map((f) => [f]))('refuses --%s beside any other target', (flag) => {
    for (const other of drivers.filter((d) => d.kind !== kind)) {
      expect(() => parseRunArgs(['--target', examples[other.kind][0], `--${flag}`, '1'])).toThrow(UsageError);
    }
  });
});

describe('the registry', () => {
  it('names each kind once, and the default among them', () => {
    expect(new Set(drivers.map((d) => d.kind)).size).toBe(drivers.length);
    expect(drivers.map((d) => d.syntax)).toContain(DEFAULT_TARGET);
  });

  it('gives each flag to one driver', () => {
    const flags = drivers.flatMap((d) => Object.keys(d.flags?.options ?? {}));
    expect(new Set(flags).size).toBe(flags.length);
  });

  it('names every kind when a target is unknown', () => {
    expect(() => parseTargetSpec('nonsense')).toThrow(drivers.map((d) => d.syntax).join(', '));
  });

  it('is the only place that branches on a kind', () => {
    const root = join(import.meta.dirname, '../..');
    const allowed = join(root, 'src/targets/drivers');
    const kinds = drivers.map((d) => d.kind).join('|');
    const branch = new RegExp(`(kind\\s*[!=]==?\\s*|case )'(${kinds})'`);
    const offenders = ['src', 'suites', 'reports']
      .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(root, dir, f)))
      .filter((f) => f.endsWith('.ts') && !f.startsWith(allowed))
      .filter((f) => branch.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});
