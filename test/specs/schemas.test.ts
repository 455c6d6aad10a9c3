import { describe, expect, it } from 'vitest';
import { createAjv, def, operationNames, operationsIndex, provenance, schema, validateShape } from '../../specs/index.js';

const ok = (shape: string, value: unknown) => expect(validateShape(shape, value), JSON.stringify(value)).toEqual([]);
const bad = (shape: string, value: unknown, keyword: string) =>
  expect(validateShape(shape, value).map((e) => e.keyword), JSON.stringify(value)).toContain(keyword);

describe('derived schema', () => {
  it('compiles every $defs entry with strict Ajv2020', () => {
    const ajv = createAjv();
    ajv.addSchema(schema);
    const names = Object.keys(schema.$defs);
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) expect(ajv.getSchema(`${schema.$id}#/$defs/${name}`), name).toBeTypeOf('function');
  });

  it('carries the model ranges: MaxResults 1..100, TimeoutInMin 1..720', () => {
    expect(def('MaxResults')).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
    expect(def('TimeoutInMin')).toMatchObject({ type: 'integer', minimum: 1, maximum: 720 });
    bad('MaxResults', 0, 'minimum');
    ok('MaxResults', 1);
    ok('MaxResults', 100);
    bad('MaxResults', 101, 'maximum');
    bad('MaxResults', 1.5, 'type');
  });

  it('keeps patterns as written, anchors included', () => {
    expect(def('TunnelId').pattern).toBe('^[a-zA-Z0-9_\\-+=:]{1,128}$');
    expect(def('Description').pattern).toBe('^[^\\p{C}]{1,2048}$');
  });

  it('validates Unicode classes with the u flag', () => {
    ok('Description', 'a tunnel — für Gerät 7');
    bad('Description', 'line\u0007bell', 'pattern');
    bad('Description', 'tab\there', 'pattern');
    bad('Description', '', 'pattern');
    ok('Description', 'x'.repeat(2048));
    bad('Description', 'x'.repeat(2049), 'pattern');
    ok('TagKey', 'ключ');
    ok('TagKey', 'a b:c/d=e+f-g@h_i.j');
    bad('TagKey', 'semi;colon', 'pattern');
    bad('TagKey', '', 'minLength');
    ok('TagValue', '');
    bad('TagValue', 'x'.repeat(257), 'maxLength');
  });

  it('rejects a tunnelId with a space and accepts the id alphabet', () => {
    bad('TunnelId', 'abc def', 'pattern');
    ok('TunnelId', '0a1b2c3d-4e5f-6789-abcd-ef0123456789');
    ok('TunnelId', 'a_b-c+d=e:f');
    bad('TunnelId', 'x'.repeat(129), 'pattern');
  });

  it('states required members, list lengths and enums', () => {
    expect(def('RotateTunnelAccessTokenRequest').required).toEqual(['tunnelId', 'clientMode']);
    expect(def('TagList')).toMatchObject({ type: 'array', minItems: 1, maxItems: 200 });
    expect(def('TagKeyList')).toMatchObject({ minItems: 0, maxItems: 200 });
    expect(def('ServiceList')).toMatchObject({ minItems: 1 });
    expect(def('ServiceList')).not.toHaveProperty('maxItems');
    expect(def('ClientMode').enum).toEqual(['SOURCE', 'DESTINATION', 'ALL']);
    bad('ClientMode', 'BOTH', 'enum');
    bad('TagResourceRequest', { resourceArn: 'arn' }, 'required');
    ok('OpenTunnelRequest', {});
  });

  it('types timestamps as epoch seconds and marks tokens sensitive', () => {
    expect(def('DateType')).toEqual({ type: 'number', 'x-timestamp': 'epoch-seconds' });
    expect(def('ClientAccessToken')).toMatchObject({ type: 'string', 'x-sensitive': true });
    bad('DateType', '2020-01-01T00:00:00Z', 'type');
  });

  it('indexes the 8 operations with targets, errors and pagination', () => {
    expect(operationNames).toHaveLength(8);
    const ops = operationsIndex.operations;
    expect(ops.OpenTunnel).toMatchObject({
      target: 'IoTSecuredTunneling.OpenTunnel',
      command: 'OpenTunnelCommand',
      input: '#/$defs/OpenTunnelRequest',
      errors: [{ code: 'LimitExceededException', httpStatus: 403 }],
    });
    expect(ops.DescribeTunnel.errors).toEqual([{ code: 'ResourceNotFoundException', fault: 'client', httpStatus: 404 }]);
    expect(ops.ListTunnels.errors).toEqual([]);
    expect(ops.ListTunnels.paginated).toEqual({ inputToken: 'nextToken', outputToken: 'nextToken', pageSize: 'maxResults' });
    expect(provenance.model.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
