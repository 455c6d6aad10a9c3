import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { REDACTED, redact, sensitiveMembers } from '../../reports/redact.js';
import { writeReports } from '../../reports/write.js';
import { faultyReport, TOKEN } from './fixtures.js';
import { tempDir } from '../support/temp.js';

const token = fc.string({ minLength: 8, maxLength: 40 }).map((s) => `tok-${s}-end`);
const sensitiveKey = fc.constantFrom(...sensitiveMembers);
const plainJson = fc.jsonValue({ maxDepth: 4 }).filter((v) => !JSON.stringify(v).includes('AccessToken'));

/** `value` with `{[key]: secret}` placed at a path chosen by `choices`. */
function plant(value: unknown, key: string, secret: string, choices: number[]): unknown {
  const [c, ...rest] = choices;
  if (Array.isArray(value) && value.length && c !== undefined) {
    const i = c % value.length;
    return value.map((x, j) => (j === i ? plant(x, key, secret, rest) : x));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && c !== undefined) {
    const keys = Object.keys(value);
    if (keys.length && c % 2) {
      const k = keys[c % keys.length];
      return { ...value, [k]: plant((value as Record<string, unknown>)[k], key, secret, rest) };
    }
  }
  return { wrapped: value, [key]: secret };
}

describe('redact', () => {
  test('the sensitive members are derived from the schema: both access tokens, nothing else of the tunnel', () => {
    expect([...sensitiveMembers].sort()).toEqual(['destinationAccessToken', 'sourceAccessToken']);
  });

  test('no token survives, wherever it sits in the value', () => {
    fc.assert(
      fc.property(plainJson, sensitiveKey, token, fc.array(fc.nat(), { maxLength: 6 }), (value, key, secret, choices) => {
        const planted = plant(value, key, secret, choices);
        const out = redact(planted);
        expect(JSON.stringify(out)).not.toContain(secret);
        expect(JSON.stringify(out)).toContain(`"${key}":"${REDACTED}"`);
      }),
      { numRuns: 300 },
    );
  });

  test('a value without sensitive members comes back equal and the input is never mutated', () => {
    fc.assert(
      fc.property(plainJson, (value) => {
        const before = structuredClone(value);
        expect(redact(value)).toEqual(value);
        expect(value).toEqual(before);
      }),
      { numRuns: 200 },
    );
    const input = { sourceAccessToken: TOKEN };
    redact(input);
    expect(input.sourceAccessToken).toBe(TOKEN);
  });

  test('a token quoted elsewhere (a message, a replayed input) is scrubbed too', () => {
    const out = redact({ outputs: [{ destinationAccessToken: TOKEN }], message: `got ${TOKEN} twice: ${TOKEN}`, [TOKEN]: 1 });
    expect(out).toEqual({ outputs: [{ destinationAccessToken: REDACTED }], message: `got ${REDACTED} twice: ${REDACTED}`, [REDACTED]: 1 });
  });

  test('a short token is redacted under its member but does not shred other text', () => {
    expect(redact({ sourceAccessToken: 'a', title: 'a tunnel' })).toEqual({ sourceAccessToken: REDACTED, title: 'a tunnel' });
  });

  test('dates pass through; class instances are searched too; a cycle is cut, not followed', () => {
    const d = new Date(0);
    expect(redact({ d, u: undefined, b: 1n, sourceAccessToken: undefined })).toEqual({ d, u: undefined, b: 1n, sourceAccessToken: undefined });
    class Output {
      constructor(readonly sourceAccessToken: string) {}
    }
    expect(JSON.stringify(redact({ out: new Output(TOKEN) }))).toBe(`{"out":{"sourceAccessToken":"${REDACTED}"}}`);
    const cyclic: Record<string, unknown> = { destinationAccessToken: TOKEN };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({ destinationAccessToken: REDACTED, self: '<cycle>' });
  });

  test('writeReports applies it: no written file holds the token of the faulty report', async () => {
    const r = faultyReport();
    expect(JSON.stringify(r)).toContain(TOKEN);
    const paths = await writeReports(tempDir('tc-redact-'), r);
    for (const file of Object.values(paths)) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toContain(TOKEN);
      expect(text, file).toMatch(/&lt;redacted&gt;|<redacted>/);
    }
  });
});
