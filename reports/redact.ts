/**
 * No access token ever reaches a report. The sensitive members are those the derived schema
 * marks `x-sensitive` (the model's `sensitive` trait), on the member or on the shape it targets,
 * so a new sensitive member in a future model version is redacted without a change here.
 */
import { schema, defName } from '../specs/index.js';
import { CYCLE } from './format.js';

export const REDACTED = '<redacted>';

type Schema = Record<string, unknown>;

const isSensitive = (s: Schema | undefined): boolean =>
  !!s && (s['x-sensitive'] === true || (typeof s.$ref === 'string' && isSensitive(schema.$defs[defName(s.$ref)])));

/** Member names whose values are secrets, from every structure in the derived schema. */
export const sensitiveMembers: ReadonlySet<string> = new Set(
  Object.values(schema.$defs).flatMap((d) =>
    Object.entries((d.properties ?? {}) as Record<string, Schema>)
      .filter(([, member]) => isSensitive(member))
      .map(([name]) => name),
  ),
);

/** Values JSON writes through their own `toJSON` (Date): they hold no member to redact. */
const isOpaque = (v: object) => typeof (v as { toJSON?: unknown }).toJSON === 'function';

/**
 * Shorter values are only redacted where they sit under a sensitive member: scrubbing every
 * occurrence of a 3-character "token" a faulty target returned would shred the whole report,
 * and real tokens are hundreds of characters long.
 */
const MIN_SCRUBBED_LENGTH = 8;

/** Every string held by a sensitive member anywhere in `value`, added to `found`. */
export function secretsIn(value: unknown, found: Set<string>, seen: Set<object> = new Set()): Set<string> {
  if (typeof value !== 'object' || value === null || seen.has(value)) return found;
  seen.add(value);
  for (const [k, v] of Object.entries(value)) {
    if (sensitiveMembers.has(k) && typeof v === 'string' && v.length >= MIN_SCRUBBED_LENGTH && v !== REDACTED) found.add(v);
    secretsIn(v, found, seen);
  }
  return found;
}

/**
 * A copy of `value` with every sensitive member's value replaced by `"<redacted>"`, and every
 * occurrence of such a value elsewhere (a failure message quoting the token, a replayed input)
 * replaced too. Objects of any class are copied as plain objects (what JSON would write of
 * them anyway, so a token inside an SDK output object is caught too); a cycle becomes `"<cycle>"`.
 * `known` adds secrets seen elsewhere: the run collects every token a target returned, so a
 * message quoting one is scrubbed even when the token itself is not in `value`.
 */
export function redact<T>(value: T, known: Iterable<string> = []): T {
  const found = secretsIn(value, new Set());
  for (const k of known) if (k.length >= MIN_SCRUBBED_LENGTH) found.add(k);
  const secrets = [...found].sort((a, b) => b.length - a.length);
  const shortest = secrets.length ? secrets[secrets.length - 1].length : Infinity;
  // A run knows thousands of tokens by its end: a string too short to hold one, or a token it
  // does not hold, is passed over without the split and join that would give it back unchanged.
  const scrub = (s: string) => (s.length < shortest ? s : secrets.reduce((acc, secret) => (acc.includes(secret) ? acc.split(secret).join(REDACTED) : acc), s));
  const walk = (v: unknown, ancestors: object[]): unknown => {
    if (typeof v === 'string') return scrub(v);
    if (typeof v !== 'object' || v === null || isOpaque(v)) return v;
    if (ancestors.includes(v)) return CYCLE;
    const inner = [...ancestors, v];
    if (Array.isArray(v)) return v.map((x) => walk(x, inner));
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [scrub(k), sensitiveMembers.has(k) && x !== undefined && x !== null ? REDACTED : walk(x, inner)]),
    );
  };
  return walk(value, []) as T;
}
