import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFor, commandDescriptions, serviceList, tagList, uniqueThingName, validInput, tunnelNamingMembers } from '../../generators/index.js';
import { def, inputShape, operationNames, schema, validateShape } from '../../specs/index.js';

const seed = 20261126;

describe('valid inputs', () => {
  it.each(operationNames)('%s: every sample validates against its input shape', (op) => {
    for (const input of fc.sample(validInput(op, { runId: 'r1' }), { numRuns: 300, seed })) {
      expect(validateShape(inputShape(op), input)).toEqual([]);
      expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
    }
  });

  it('arbitraryFor compiles every shape of the schema, with and without boundary bias', () => {
    for (const name of Object.keys(schema.$defs)) {
      for (const boundaryBias of [false, true]) {
        for (const value of fc.sample(arbitraryFor(name, { boundaryBias }), { numRuns: 20, seed })) {
          expect(validateShape(name, value), `${name} ${JSON.stringify(value).slice(0, 120)}`).toEqual([]);
        }
      }
    }
  });

  it('optional members are sometimes present and sometimes absent', () => {
    const samples = fc.sample(validInput('OpenTunnel'), { numRuns: 400, seed });
    for (const key of Object.keys(def('OpenTunnelRequest').properties as object)) {
      const present = samples.filter((s) => key in s).length;
      expect(present, key).toBeGreaterThan(0);
      expect(present, key).toBeLessThan(samples.length);
    }
  });
});

describe('domain knowledge', () => {
  it('tag lists have distinct keys, none with the reserved aws: prefix', () => {
    for (const tags of fc.sample(tagList(), { numRuns: 200, seed })) {
      const keys = tags.map((t) => t.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.some((k) => k.toLowerCase().startsWith('aws:'))).toBe(false);
      expect(validateShape('TagList', tags)).toEqual([]);
    }
  });

  it('tagList honours narrower item bounds', () => {
    for (const tags of fc.sample(tagList({ minItems: 2, maxItems: 4 }), { numRuns: 100, seed })) {
      expect(tags.length).toBeGreaterThanOrEqual(2);
      expect(tags.length).toBeLessThanOrEqual(4);
    }
  });

  it('service lists hold 1..3 distinct valid services (SERVICE-FACTS: at most 3 per tunnel)', () => {
    const lengths = new Set<number>();
    for (const services of fc.sample(serviceList(), { numRuns: 300, seed })) {
      lengths.add(services.length);
      expect(new Set(services).size).toBe(services.length);
      expect(validateShape('ServiceList', services)).toEqual([]);
    }
    expect([...lengths].sort()).toEqual([1, 2, 3]);
  });

  it('run-scoped thing names match ThingName and carry the run id', () => {
    for (const name of fc.sample(uniqueThingName('run-42'), { numRuns: 300, seed })) {
      expect(name.startsWith('tc-run-42-')).toBe(true);
      expect(validateShape('ThingName', name)).toEqual([]);
    }
  });

  it('a run id that cannot prefix a ThingName is refused', () => {
    expect(() => uniqueThingName('has space')).toThrow(/cannot prefix a ThingName/);
    expect(() => uniqueThingName('x'.repeat(200))).toThrow(/cannot prefix a ThingName/);
  });

  it('OpenTunnel thing names are run-scoped when a run id is given', () => {
    const named = fc.sample(validInput('OpenTunnel', { runId: 'abc' }), { numRuns: 300, seed })
      .map((i) => (i.destinationConfig as { thingName?: string } | undefined)?.thingName)
      .filter((n): n is string => n !== undefined);
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((n) => n.startsWith('tc-abc-'))).toBe(true);
  });

  it('a SOURCE rotation never carries a destinationConfig (SERVICE-FACTS: DOC)', () => {
    const samples = fc.sample(validInput('RotateTunnelAccessToken'), { numRuns: 300, seed });
    expect(samples.some((s) => s.clientMode === 'SOURCE')).toBe(true);
    expect(samples.some((s) => s.destinationConfig !== undefined)).toBe(true);
    expect(samples.filter((s) => s.clientMode === 'SOURCE' && s.destinationConfig !== undefined)).toEqual([]);
  });
});

describe('command descriptions', () => {
  it('cover every operation, with valid inputs that leave the tunnel to the runner', () => {
    const commands = fc.sample(commandDescriptions({ runId: 'r9' }), { numRuns: 600, seed });
    expect(new Set(commands.map((c) => c.op))).toEqual(new Set(operationNames));
    for (const c of commands) {
      if (c.tunnelRef !== undefined) expect(Number.isInteger(c.tunnelRef) && c.tunnelRef >= 0).toBe(true);
      expect(c.tunnelRef !== undefined, c.op).toBe(tunnelNamingMembers(c.op).length > 0);
      expect(c.input, c.op).not.toHaveProperty('nextToken');
      for (const k of tunnelNamingMembers(c.op)) expect(c.input).not.toHaveProperty(k);
      // Put back a valid tunnel name and the input must be valid for its operation.
      const filled = { ...c.input, ...Object.fromEntries(tunnelNamingMembers(c.op).map((k) => [k, 'tid-1'])) };
      expect(validateShape(inputShape(c.op), filled), JSON.stringify(c).slice(0, 200)).toEqual([]);
      if (c.op === 'ListTunnels') expect(String(c.input.thingName)).toMatch(/^tc-r9-/);
    }
  });

  it('CloseTunnel descriptions both close and delete', () => {
    const closes = fc.sample(commandDescriptions({ runId: 'r9' }), { numRuns: 600, seed }).filter((c) => c.op === 'CloseTunnel');
    expect(new Set(closes.map((c) => c.input.delete === true))).toEqual(new Set([true, false]));
  });
});
