/**
 * The wording of the reference's errors, pinned per constraint kind: a vendor comparing its
 * emulator's messages with the reference reads these, and mutation testing showed them unpinned.
 */
import { describe, expect, it } from 'vitest';
import { inputShape, validateShape, type OperationName } from '../../specs/index.js';
import { violationOf } from '../../models/violations.js';

const violation = (op: OperationName, input: unknown) => violationOf(validateShape(inputShape(op), input));
const one = (line: string) => ({ code: 'ValidationException', message: `1 validation error detected: ${line}` });

describe('violation messages', () => {
  it.each([
    ['minLength', 'TagResource', { resourceArn: '', tags: [{ key: 'k', value: 'v' }] }, "Value at 'resourceArn' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['maxLength', 'TagResource', { resourceArn: 'a'.repeat(1012), tags: [{ key: 'k', value: 'v' }] }, "Value at 'resourceArn' failed to satisfy constraint: Member must have length less than or equal to 1011"],
    ['minItems', 'TagResource', { resourceArn: 'arn', tags: [] }, "Value at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['maxItems', 'UntagResource', { resourceArn: 'arn', tagKeys: Array.from({ length: 201 }, (_, i) => `k${i}`) }, "Value at 'tagKeys' failed to satisfy constraint: Member must have length less than or equal to 200"],
    ['minimum', 'ListTunnels', { maxResults: 0 }, "Value at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"],
    ['maximum', 'ListTunnels', { maxResults: 101 }, "Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"],
    ['pattern', 'DescribeTunnel', { tunnelId: 'a b' }, "Value at 'tunnelId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9_\\-+=:]{1,128}$"],
    ['enum', 'RotateTunnelAccessToken', { tunnelId: 't', clientMode: 'BOTH' }, "Value at 'clientMode' failed to satisfy constraint: Member must satisfy enum value set: [SOURCE, DESTINATION, ALL]"],
    ['required', 'DescribeTunnel', {}, "Value at 'tunnelId' failed to satisfy constraint: Member must not be null"],
    ['nested path', 'OpenTunnel', { destinationConfig: { services: ['a b'] } }, "Value at 'destinationConfig.services.0' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:_-]+$"],
  ] as const)('%s', (_kind, op, input, line) => {
    expect(violation(op, input)).toEqual(one(line));
  });

  it('counts several violations in the plural', () => {
    const v = violation('ListTunnels', { maxResults: 0, thingName: 'a b' });
    expect(v?.code).toBe('ValidationException');
    expect(v?.message).toMatch(/^2 validation errors detected: Value at '(maxResults|thingName)'.*; Value at '(maxResults|thingName)'/);
  });

  it('a value of the wrong JSON type is a SerializationException naming the member, or the body', () => {
    expect(violation('ListTunnels', { maxResults: 'ten' })).toEqual({ code: 'SerializationException', message: "Value at 'maxResults' could not be deserialized: expected integer" });
    expect(violation('ListTunnels', [])).toEqual({ code: 'SerializationException', message: 'Request body must be a JSON object' });
  });

  it('a member path keeps escaped JSON-pointer characters readable', () => {
    const v = violationOf([{ keyword: 'minLength', instancePath: '/a~1b/c~0d', params: { limit: 1 }, schemaPath: '', message: '' }]);
    expect(v?.message).toContain("Value at 'a/b.c~d'");
  });

  it('a keyword without AWS wording (none in the derived schema today) falls back to ajv\'s own message', () => {
    const v = violationOf([{ keyword: 'uniqueItems', instancePath: '/tagKeys', params: { i: 1, j: 0 }, schemaPath: '', message: 'must NOT have duplicate items' }]);
    expect(v?.message).toBe("1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: must NOT have duplicate items");
  });

  it('nothing to report is undefined', () => {
    expect(violation('DescribeTunnel', { tunnelId: 'ok' })).toBeUndefined();
  });
});

