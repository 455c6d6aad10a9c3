import { describe, expect, it } from 'vitest';
import { createReference } from '../../models/reference.js';
import { TunnelService, type ServiceResult } from '../../models/service.js';
import { createWireHandler, type WireResponse } from '../../models/wire.js';

const JSON_11 = 'application/x-amz-json-1.1';

function post(reference: ReturnType<typeof createReference>, op: string | undefined, body: string): WireResponse & { json: any } {
  const headers: Record<string, string> = { 'Content-Type': JSON_11 };
  if (op) headers['X-Amz-Target'] = `IoTSecuredTunneling.${op}`;
  const res = reference.handle({ method: 'POST', path: '/', headers, body });
  return { ...res, json: JSON.parse(res.body) };
}

function expectError(res: WireResponse & { json: any }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.json.__type).toBe(code);
  expect(typeof res.json.message).toBe('string');
  expect(res.headers['x-amzn-errortype']).toBe(code);
  expect(res.headers['content-type']).toBe(JSON_11);
  expect(res.headers['x-amzn-RequestId']).toMatch(/\S/);
}

describe('reference wire handler (AWS JSON 1.1)', () => {
  it('dispatches on X-Amz-Target and answers JSON 1.1 with a request id', () => {
    const ref = createReference();
    const opened = post(ref, 'OpenTunnel', '{}');
    expect(opened.status).toBe(200);
    expect(opened.headers['content-type']).toBe(JSON_11);
    expect(opened.headers['x-amzn-RequestId']).toMatch(/\S/);
    expect(opened.json.tunnelId).toMatch(/^[0-9a-f-]{36}$/);
    const listed = post(ref, 'ListTunnels', '');
    expect(listed.json.tunnelSummaries.map((s: { tunnelId: string }) => s.tunnelId)).toEqual([opened.json.tunnelId]);
  });

  it('answers an unknown or missing target with UnknownOperationException 400, naming what it got', () => {
    const ref = createReference();
    const unknown = post(ref, 'DeleteEverything', '{}');
    expectError(unknown, 400, 'UnknownOperationException');
    expect(unknown.json.message).toBe('Unknown X-Amz-Target "IoTSecuredTunneling.DeleteEverything"');
    const missing = post(ref, undefined, '{}');
    expectError(missing, 400, 'UnknownOperationException');
    expect(missing.json.message).toBe('No X-Amz-Target header');
  });

  it('answers anything but POST / with UnknownOperationException 404, whatever its target', () => {
    const ref = createReference();
    const headers = { 'X-Amz-Target': 'IoTSecuredTunneling.OpenTunnel' };
    for (const [method, path] of [['GET', '/'], ['POST', '/tunnels'], ['PUT', '/?x=1']]) {
      const res = ref.handle({ method, path, headers, body: '{}' });
      expectError({ ...res, json: JSON.parse(res.body) }, 404, 'UnknownOperationException');
      expect(JSON.parse(res.body).message).toBe(`No operation at ${method} ${path.split('?')[0]}`);
    }
    expect(post(ref, 'ListTunnels', '{}').json).toEqual({ tunnelSummaries: [] });
  });

  it('answers malformed JSON and a non-object body with SerializationException 400', () => {
    const ref = createReference();
    const malformed = post(ref, 'ListTunnels', '{"maxResults":');
    expectError(malformed, 400, 'SerializationException');
    expect(malformed.json.message).toBe('The request body is not JSON');
    for (const body of ['[]', '"x"', 'null']) expectError(post(ref, 'ListTunnels', body), 400, 'SerializationException');
  });

  it('reads an empty or blank body as {}', () => {
    const ref = createReference();
    for (const body of ['', ' \n\t']) expect(post(ref, 'ListTunnels', body).json).toEqual({ tunnelSummaries: [] });
  });

  it('answers a constraint violation with a ValidationException that names the member', () => {
    const res = post(createReference(), 'ListTunnels', '{"maxResults":101}');
    expectError(res, 400, 'ValidationException');
    expect(res.json.message).toBe(
      "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
  });

  it('answers a service that throws with InternalFailure 500 instead of failing the transport', () => {
    class Broken extends TunnelService {
      override describeTunnel(): ServiceResult {
        throw new Error('boom');
      }
    }
    const res = post(createReference({ service: (o) => new Broken(o) }), 'DescribeTunnel', '{"tunnelId":"t"}');
    expectError(res, 500, 'InternalFailure');
    expect(res.json.message).toBe('The service failed: boom');
  });

  it('answers a missing tunnel with ResourceNotFoundException at the modelled 404', () => {
    expectError(post(createReference(), 'DescribeTunnel', '{"tunnelId":"nope"}'), 404, 'ResourceNotFoundException');
  });
});

describe('reference target control (CONTRACT.md)', () => {
  const control = (ref: ReturnType<typeof createReference>, method: string, name: string, body = '') =>
    ref.handle({ method, path: `/_conformance/v1/${name}`, headers: {}, body });

  it('offers the clock, reset and limits, in plain JSON', () => {
    const res = control(createReference(), 'GET', 'capabilities');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(JSON.parse(res.body)).toEqual({ clock: true, reset: true, limits: true, dataPlane: true });
  });

  it('offers no control endpoint when the target has none (CONTRACT: they are optional)', () => {
    const handle = createWireHandler({ service: () => createReference().service(), requestId: () => 'r' });
    const res = handle({ method: 'GET', path: '/_conformance/v1/capabilities', headers: {}, body: '' });
    expect([res.status, res.headers['content-type'], JSON.parse(res.body)]).toEqual([
      404,
      'application/json',
      { __type: 'NotFound', message: 'No control endpoint GET /_conformance/v1/capabilities' },
    ]);
  });

  it('advancing the clock an hour closes a 30-minute tunnel', () => {
    const ref = createReference();
    const { tunnelId } = post(ref, 'OpenTunnel', '{"timeoutConfig":{"maxLifetimeTimeoutMinutes":30}}').json;
    const before = Date.now() / 1000;
    const res = control(ref, 'POST', 'clock', '{"advanceSeconds":3600}');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(JSON.parse(res.body).now).toBeGreaterThanOrEqual(before + 3600);
    expect(JSON.parse(res.body).now).toBeLessThanOrEqual(Date.now() / 1000 + 3600);
    expect(post(ref, 'DescribeTunnel', JSON.stringify({ tunnelId })).json.tunnel.status).toBe('CLOSED');
  });

  it('refuses a clock request without a finite, non-negative advanceSeconds, and accepts 0', () => {
    const ref = createReference();
    for (const body of ['{}', '{"advanceSeconds":-1}', '{"advanceSeconds":"60"}', '{"advanceSeconds":1e999}', 'null', 'x', '']) {
      const res = control(ref, 'POST', 'clock', body);
      expect([res.status, res.headers['content-type'], JSON.parse(res.body)]).toEqual([
        400,
        'application/json',
        { __type: 'ValidationException', message: 'advanceSeconds must be a non-negative number' },
      ]);
    }
    const still = control(ref, 'POST', 'clock', '{"advanceSeconds":0}');
    expect(still.status).toBe(200);
    expect(JSON.parse(still.body).now).toBeCloseTo(Date.now() / 1000, 0);
  });

  it('sets the open-tunnel limit and echoes it; null restores no limit', () => {
    const ref = createReference();
    post(ref, 'OpenTunnel', '{}');
    const set = control(ref, 'POST', 'limits', '{"maxOpenTunnels":1}');
    expect([set.status, set.headers['content-type'], JSON.parse(set.body)]).toEqual([200, 'application/json', { maxOpenTunnels: 1 }]);
    expectError(post(ref, 'OpenTunnel', '{}'), 403, 'LimitExceededException');
    expect(post(ref, 'ListTunnels', '{}').json.tunnelSummaries).toHaveLength(1);
    expect(JSON.parse(control(ref, 'POST', 'limits', '{"maxOpenTunnels":null}').body)).toEqual({ maxOpenTunnels: null });
    expect(post(ref, 'OpenTunnel', '{}').status).toBe(200);
  });

  it('refuses a limits request without a non-negative integer or null, and changes nothing', () => {
    const ref = createReference();
    for (const body of ['{}', '{"maxOpenTunnels":-1}', '{"maxOpenTunnels":1.5}', '{"maxOpenTunnels":"1"}', '{"maxOpenTunnels":1e999}', 'null', 'x', '']) {
      const res = control(ref, 'POST', 'limits', body);
      expect([res.status, JSON.parse(res.body)]).toEqual([400, { __type: 'ValidationException', message: 'maxOpenTunnels must be a non-negative integer or null' }]);
    }
    expect(control(ref, 'POST', 'limits', '{"maxOpenTunnels":0}').status).toBe(200);
    expectError(post(ref, 'OpenTunnel', '{}'), 403, 'LimitExceededException');
  });

  it('reset restores the default limit', () => {
    const ref = createReference();
    control(ref, 'POST', 'limits', '{"maxOpenTunnels":0}');
    control(ref, 'POST', 'reset');
    expect(post(ref, 'OpenTunnel', '{}').status).toBe(200);
  });

  it('reset forgets every tunnel and rebuilds the same service variant', () => {
    class NeverCloses extends TunnelService {
      override closeTunnel(): ServiceResult {
        return { ok: true, output: {} };
      }
    }
    const ref = createReference({ service: (o) => new NeverCloses(o) });
    const { tunnelId } = post(ref, 'OpenTunnel', '{}').json;
    post(ref, 'CloseTunnel', JSON.stringify({ tunnelId }));
    expect(post(ref, 'DescribeTunnel', JSON.stringify({ tunnelId })).json.tunnel.status).toBe('OPEN');
    expect(control(ref, 'POST', 'reset').status).toBe(200);
    expectError(post(ref, 'DescribeTunnel', JSON.stringify({ tunnelId })), 404, 'ResourceNotFoundException');
    expect(ref.service()).toBeInstanceOf(NeverCloses);
  });

  it('answers an unknown control path, or a known one with the wrong method, with 404 and no effect', () => {
    const ref = createReference();
    post(ref, 'OpenTunnel', '{"timeoutConfig":{"maxLifetimeTimeoutMinutes":1}}');
    for (const [method, name] of [['GET', 'nothing'], ['POST', 'nothing'], ['POST', 'capabilities'], ['GET', 'reset'], ['GET', 'clock'], ['PUT', 'clock'], ['GET', 'limits']]) {
      const res = control(ref, method, name, '{"advanceSeconds":3600}');
      expect([res.status, JSON.parse(res.body).message]).toEqual([404, `No control endpoint ${method} /_conformance/v1/${name}`]);
    }
    expect(post(ref, 'ListTunnels', '{}').json.tunnelSummaries).toEqual([expect.objectContaining({ status: 'OPEN' })]);
  });
});
