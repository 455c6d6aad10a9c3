/**
 * `validateReport`: a report.json value against `reports/report.schema.json` (Ajv2020, strict),
 * plus the one rule a schema cannot say: the summary counts are the tally of the checks.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { operationNames } from '../specs/index.js';
import type { CheckStatus, Report, Summary } from './types.js';

const published = JSON.parse(readFileSync(new URL('./report.schema.json', import.meta.url), 'utf8')) as Record<string, unknown> & { $defs: Record<string, object> };

/** The schema as validated: the published one, with the operations of the derived specs as OperationName's enum. */
export const reportSchema: Record<string, unknown> = {
  ...published,
  $defs: { ...published.$defs, OperationName: { ...published.$defs.OperationName, enum: operationNames } },
};

// Compiled on first use, not at import: the start of a run (and `run --plan`) does not need it.
let compiled: ValidateFunction | undefined;
const validator = () => (compiled ??= new Ajv2020({ strict: true, allErrors: true }).compile(reportSchema));

const SUMMARY_KEY: Record<CheckStatus, keyof Summary> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  'expected-failure': 'expectedFailures',
};

export function tally(checks: readonly { status: CheckStatus }[]): Summary {
  const summary: Summary = { passed: 0, failed: 0, skipped: 0, expectedFailures: 0 };
  for (const c of checks) summary[SUMMARY_KEY[c.status]]++;
  return summary;
}

/** One line per problem (`/checks/2/status: must be equal to one of the allowed values`); empty when valid. */
export function validateReport(value: unknown): string[] {
  const validate = validator();
  if (!validate(value)) {
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`);
  }
  const report = value as Report;
  const counted = tally(report.checks);
  return (Object.keys(counted) as (keyof Summary)[])
    .filter((k) => counted[k] !== report.summary[k])
    .map((k) => `/summary/${k}: is ${report.summary[k]} but ${counted[k]} checks have that status`);
}

export function assertValidReport(value: unknown): asserts value is Report {
  const errors = validateReport(value);
  if (errors.length) throw new Error(`invalid report: ${errors.slice(0, 3).join('; ')}${errors.length > 3 ? ` (+${errors.length - 3} more)` : ''}`);
}
