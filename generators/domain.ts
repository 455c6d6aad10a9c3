/**
 * What the service promises beyond its schema, as generator options. Sources:
 * docs/service-facts.md and the AWS documentation it cites.
 * Everything here narrows valid inputs; nothing here is asserted about a target.
 */
import fc from 'fast-check';
import { def } from '../specs/index.js';
import { SchemaCompiler, type CompileOptions } from './compile.js';
import { stringOver, stringRule } from './strings.js';

/** docs/service-facts.md#constraints: ServiceList at least 1, no maximum in the model; #quotas: at most 3 services per tunnel (since December 2024). */
const MAX_SERVICES = 3;

/**
 * AWS tagging rules (developer guide "Tagging your AWS IoT resources"): the `aws:` prefix is
 * reserved for AWS and user tags may not start with it, and keys in one list must be distinct.
 * docs/service-facts.md does not list these; they only narrow what is generated, never what is checked.
 */
const RESERVED_TAG_PREFIX = 'aws:';
// Only the first four code points (eight UTF-16 units at most) can lowercase to the prefix; a
// whole key, up to 128 of them, was lowercased per generated tag.
const isUserTagKey = (key: string) => !key.slice(0, 2 * RESERVED_TAG_PREFIX.length).toLowerCase().startsWith(RESERVED_TAG_PREFIX);

export interface DomainOptions {
  /** Makes thing names run-scoped (see uniqueThingName). */
  runId?: string;
  boundaryBias?: boolean;
}

export function domainCompileOptions({ runId, boundaryBias = true }: DomainOptions = {}): CompileOptions {
  const plain = new SchemaCompiler({ boundaryBias });
  const overrides: Record<string, fc.Arbitrary<unknown>> = {
    TagKey: (plain.shape('TagKey') as fc.Arbitrary<string>).filter(isUserTagKey),
  };
  if (runId !== undefined) overrides.ThingName = uniqueThingName(runId);
  return {
    boundaryBias,
    overrides,
    // A DestinationConfig names each service once (localproxy maps service ids one to one).
    distinct: { TagList: (t) => (t as { key: string }).key, ServiceList: (s) => s },
    itemBounds: { ServiceList: { maxItems: MAX_SERVICES } },
  };
}

/**
 * Thing names scoped to one run: `tc-<runId>-<suffix>`, the suffix drawn from ThingName's own
 * alphabet (so colons, dashes and underscores appear) and as long as ThingName's maximum allows.
 * Tunnels opened with them, and ListTunnels filtered by them, see only this run's tunnels on a
 * shared account (docs/service-facts.md#lifecycle: `thingName` filters to tunnels whose destination is
 * that thing). Names from different runs never collide; within a run they may repeat, which the
 * service allows (several tunnels to one thing).
 */
export function uniqueThingName(runId: string): fc.Arbitrary<string> {
  const rule = stringRule(def('ThingName'));
  const prefix = `tc-${runId}-`;
  const max = rule.bounds.max ?? prefix.length + 32;
  const prefixFits = [...prefix].every((ch) => rule.alphabet.has(ch.codePointAt(0)!));
  if (!prefixFits || [...prefix].length >= max) {
    throw new Error(`generators: run id ${JSON.stringify(runId)} cannot prefix a ThingName (alphabet ${rule.alphabet.source}, at most ${max - 1} code points with "tc-" and "-")`);
  }
  return stringOver(rule.alphabet, { min: 1, max: max - [...prefix].length }, true).map((suffix) => prefix + suffix);
}

/** Valid TagLists with distinct, non-reserved keys; 1..200 items by default (the schema's bounds). */
export function tagList(opts: { minItems?: number; maxItems?: number; boundaryBias?: boolean } = {}): fc.Arbitrary<{ key: string; value: string }[]> {
  const base = domainCompileOptions({ boundaryBias: opts.boundaryBias });
  const schema = def('TagList');
  const itemBounds = {
    TagList: { minItems: opts.minItems ?? (schema.minItems as number), maxItems: opts.maxItems ?? (schema.maxItems as number) },
  };
  return new SchemaCompiler({ ...base, itemBounds: { ...base.itemBounds, ...itemBounds } }).shape('TagList') as fc.Arbitrary<{ key: string; value: string }[]>;
}

/** 1..3 distinct valid services. */
export function serviceList(): fc.Arbitrary<string[]> {
  return new SchemaCompiler(domainCompileOptions()).shape('ServiceList') as fc.Arbitrary<string[]>;
}

/**
 * Cross-member rules a schema cannot say, as predicates on a whole input.
 * docs/service-facts.md#lifecycle: "DOC: DestinationConfig may not be combined with SOURCE" (RotateTunnelAccessToken).
 */
const crossMemberRules: Partial<Record<string, (input: Record<string, unknown>) => boolean>> = {
  RotateTunnelAccessTokenRequest: (input) => !(input.clientMode === 'SOURCE' && input.destinationConfig !== undefined),
};

/** Whether an input of the named shape keeps the cross-member rules. */
export const keepsCrossMemberRules = (shape: string, input: Record<string, unknown>) => crossMemberRules[shape]?.(input) ?? true;
