/**
 * `--expect FILE`: known failures of an implementation, a JSON or YAML list of `{id, reason}`.
 * A listed failure does not fail the run; a listed check that passes is reported so lists don't rot.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { CheckDefinition } from '../../suites/api.js';
import { deprecationNote, renamedTo, toStderr, type Warn } from './former-ids.js';

export interface ExpectedFailure {
  id: string;
  reason: string;
}

export class ExpectFileError extends Error {}

export function readExpectFile(path: string): ExpectedFailure[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ExpectFileError(`cannot read --expect file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let value: unknown;
  try {
    // YAML is a superset of JSON: one parser reads both.
    value = parseYaml(text);
  } catch (e) {
    throw new ExpectFileError(`--expect file ${path} is neither JSON nor YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  return parseExpected(value, path);
}

export function parseExpected(value: unknown, path: string): ExpectedFailure[] {
  if (!Array.isArray(value)) throw new ExpectFileError(`--expect file ${path} must be a list of {id, reason}`);
  return value.map((entry, i) => {
    const e = entry as Partial<ExpectedFailure> | null;
    if (!e || typeof e.id !== 'string' || typeof e.reason !== 'string' || e.reason.trim() === '') {
      throw new ExpectFileError(`--expect file ${path}: entry ${i + 1} needs a string id and a non-empty reason`);
    }
    return { id: e.id, reason: e.reason };
  });
}

/** Entries that still use a check's former id are moved to its current id, with a note on `warn`. */
export function renameFormerIds(expected: ExpectedFailure[], checks: readonly CheckDefinition[], warn: Warn = toStderr): ExpectedFailure[] {
  return expected.map((e) => {
    const current = checks.some((c) => c.id === e.id) ? undefined : renamedTo(checks, e.id);
    if (!current) return e;
    warn(deprecationNote('--expect entry', e.id, current.id));
    return { ...e, id: current.id };
  });
}
