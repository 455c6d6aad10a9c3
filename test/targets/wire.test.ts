import { describe, expect, it } from 'vitest';
import { errorCodeOf, normaliseErrorCode, parseBody, toWire } from '../../src/targets/wire.js';
import { formatTargetSpec, parseTargetSpec } from '../../src/targets/index.js';

describe('wire form', () => {
  it('normalises awsJson error codes', () => {
    expect(normaliseErrorCode('ResourceNotFoundException')).toBe('ResourceNotFoundException');
    expect(normaliseErrorCode('com.amazonaws.iotsecuretunneling#LimitExceededException')).toBe('LimitExceededException');
    expect(normaliseErrorCode('ThrottlingException:http://internal.amazon.com/coral/')).toBe('ThrottlingException');
    expect(errorCodeOf(undefined, { code: 'X#Y' })).toBe('Y');
    expect(errorCodeOf(undefined, {})).toBeUndefined();
  });

  it('turns SDK output into wire JSON', () => {
    const out = toWire({ $metadata: { httpStatusCode: 200 }, tunnel: { createdAt: new Date(1_700_000_000_250), tags: [{ key: 'k', value: undefined }] } });
    expect(out).toEqual({ tunnel: { createdAt: 1_700_000_000.25, tags: [{ key: 'k' }] } });
  });

  it('keeps a body that is not a JSON object visible', () => {
    expect(parseBody('')).toEqual({});
    expect(parseBody('[1]')).toEqual({ raw: [1] });
    expect(parseBody('<html>')).toEqual({ raw: '<html>' });
  });
});

describe('target specs', () => {
  it.each([
    ['mock', { kind: 'mock' }],
    ['aws', { kind: 'aws' }],
    ['http://127.0.0.1:8080', { kind: 'http', endpoint: 'http://127.0.0.1:8080' }],
    ['https://[::1]:8443/', { kind: 'http', endpoint: 'https://[::1]:8443' }],
    ['container:ghcr.io/acme/tunnels:1.2', { kind: 'container', image: 'ghcr.io/acme/tunnels:1.2' }],
    ['module:./fake.ts', { kind: 'module', path: './fake.ts' }],
  ])('parses %s', (text, spec) => {
    expect(parseTargetSpec(text)).toEqual(spec);
    expect(parseTargetSpec(formatTargetSpec(parseTargetSpec(text)))).toEqual(spec);
  });

  it.each(['http://127.0.0.1', 'http://h:1/path', 'ftp://h:1', 'container:', 'module:', 'nonsense', 'http://h:99999'])('rejects %s', (text) => {
    expect(() => parseTargetSpec(text)).toThrow();
  });
});
