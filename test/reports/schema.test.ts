import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { operationNames } from '../../specs/index.js';
import type { TargetKind } from '../../src/targets/target.js';
import type { CheckStatus, Level, Profile } from '../../suites/api.js';
import { reportSchema, validateReport } from '../../reports/validate.js';
import { writeReports } from '../../reports/write.js';
import { check, faultyReport, report } from './fixtures.js';
import { tempDir } from '../support/temp.js';

const roundTrip = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
type Schema = Record<string, any>;
const defs = reportSchema.$defs as Record<string, Schema>;

// Records keyed by the TypeScript unions: tsc fails here when a union gains a member the schema lacks.
const kinds: Record<TargetKind, true> = { mock: true, http: true, aws: true, container: true, module: true };
const statuses: Record<CheckStatus, true> = { passed: true, failed: true, skipped: true, 'expected-failure': true };
const levels: Record<Level, true> = { MUST: true, SHOULD: true };
const profiles: Record<Profile, true> = { quick: true, standard: true, full: true };

/** Every property path the schema declares (`checks[].failure.path`), following $refs. */
function schemaPaths(s: Schema, prefix = ''): string[] {
  if (s.$ref) return schemaPaths(defs[String(s.$ref).split('/').pop()!], prefix);
  if (s.items) return schemaPaths(s.items, `${prefix}[]`);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') return schemaPaths(s.additionalProperties, `${prefix}{}`);
  return Object.entries((s.properties ?? {}) as Record<string, Schema>).flatMap(([k, v]) => [`${prefix}.${k}`, ...schemaPaths(v, `${prefix}.${k}`)]);
}

/** Every property path present in a value, with the same notation. */
function valuePaths(v: unknown, prefix = '', mapAt = new Set(['.latency'])): string[] {
  if (Array.isArray(v)) return v.flatMap((x) => valuePaths(x, `${prefix}[]`, mapAt));
  if (typeof v !== 'object' || v === null) return [];
  if (mapAt.has(prefix)) return Object.values(v).flatMap((x) => valuePaths(x, `${prefix}{}`, mapAt));
  return Object.entries(v).flatMap(([k, x]) => (k === 'answer' || k === 'counterexample' ? [`${prefix}.${k}`] : [`${prefix}.${k}`, ...valuePaths(x, `${prefix}.${k}`, mapAt)]));
}

describe('report.schema.json and the Report type', () => {
  test('the faulty-target fixture and a clean report are valid', () => {
    expect(validateReport(roundTrip(faultyReport()))).toEqual([]);
    expect(validateReport(roundTrip(report()))).toEqual([]);
  });

  test('the faulty fixture uses every field the schema declares, so the type and the schema describe the same value', () => {
    const used = new Set(valuePaths(roundTrip(faultyReport())));
    const declared = schemaPaths(reportSchema);
    expect(declared.length).toBeGreaterThan(40);
    expect(declared.filter((p) => !used.has(p))).toEqual([]);
  });

  test('enums follow the specs and the TypeScript unions', () => {
    // The published file keeps no list of operations: the validator takes them from the derived specs.
    const published = JSON.parse(readFileSync(new URL('../../reports/report.schema.json', import.meta.url), 'utf8'));
    expect(published.$defs.OperationName).not.toHaveProperty('enum');
    expect(defs.OperationName.enum).toEqual(operationNames);
    const props = reportSchema.properties as Record<string, Schema>;
    expect([...props.target.properties.kind.enum].sort()).toEqual(Object.keys(kinds).sort());
    expect([...defs.Check.properties.status.enum].sort()).toEqual(Object.keys(statuses).sort());
    expect([...defs.Check.properties.level.enum].sort()).toEqual(Object.keys(levels).sort());
    expect([...props.profile.enum].sort()).toEqual(Object.keys(profiles).sort());
  });

  const broken: [string, (r: any) => void, RegExp][] = [
    ['a failed check without failure', (r) => delete r.checks[1].failure, /^\/checks\/1: must have required property 'failure'/],
    ['a skipped check without reason', (r) => delete r.checks[4].skipReason, /^\/checks\/4: must have required property 'skipReason'/],
    ['an unknown status', (r) => (r.checks[0].status = 'flaky'), /^\/checks\/0\/status: must be equal to one of the allowed values/],
    ['an unknown operation', (r) => (r.checks[0].operations = ['OpenTunnels']), /^\/checks\/0\/operations\/0:/],
    ['an unknown top-level field', (r) => (r.extra = 1), /^\/: must NOT have additional properties/],
    ['a model hash that is not sha256', (r) => (r.model.sha256 = 'abc'), /^\/model\/sha256: must match pattern/],
    ['a leaked entry that is not an id', (r) => (r.resources.leaked = [{ id: 1 }]), /^\/resources\/leaked\/0: must be string/],
    ['a startedAt that is not a date-time', (r) => (r.startedAt = 'yesterday'), /^\/startedAt: must match pattern/],
    ['a summary that does not tally the checks', (r) => (r.summary.failed = 99), /^\/summary\/failed: is 99 but 3 checks have that status$/],
    ['a target kind outside the contract', (r) => (r.target.kind = 'grpc'), /^\/target\/kind: must be equal to one of the allowed values \(mock, http, aws, container, module\)/],
  ];
  test.each(broken)('rejects %s, naming the place', (_, breakIt, message) => {
    const r = roundTrip(faultyReport());
    breakIt(r);
    const errors = validateReport(r);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => message.test(e)), errors.join('\n')).toBe(true);
  });

  test('writeReports refuses an invalid report and writes nothing', async () => {
    const dir = join(tempDir('tc-reports-'), 'out');
    const r = report([check('OPEN-SHAPE-001', 'failed', { failure: undefined })]);
    await expect(writeReports(dir, r)).rejects.toThrow(/invalid report: \/checks\/0: must have required property 'failure'/);
    await expect(readdir(dir)).rejects.toThrow(/ENOENT/);
  });
});
