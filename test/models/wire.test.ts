import { describe, expect, it } from 'vitest';
import { createReference } from '../../models/reference.js';
import { TunnelService, type ServiceResult } from '../../models/service.js';
import type { WireResponse } from '../../models/wire.js';

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

  it('answers an unknown or missing target with UnknownOperationException 400', () => {
    const ref = createReference();
    expectError(post(ref, 'DeleteEverything', '{}'), 400, 'UnknownOperationException');
    expectError(post(ref, undefined, '{}'), 400, 'UnknownOperationException');
  });

  it('answers malformed JSON and a non-object body with SerializationException 400', () => {
    const ref = createReference();
    for (const body of ['{"maxResults":', '[]', '"x"', 'null']) expectError(post(ref, 'ListTunnels', body), 400, 'SerializationException');
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
    expectError(post(createReference({ service: (o) => new Broken(o) }), 'DescribeTunnel', '{"tunnelId":"t"}'), 500, 'InternalFailure');
  });

  it('answers a missing tunnel with ResourceNotFoundException at the modelled 404', () => {
    expectError(post(createReference(), 'DescribeTunnel', '{"tunnelId":"nope"}'), 404, 'ResourceNotFoundException');
  });
});

describe('reference target control (CONTRACT.md)', () => {
  const control = (ref: ReturnType<typeof createReference>, method: string, name: string, body = '') =>
    ref.handle({ method, path: `/_conformance/v1/${name}`, headers: {}, body });

  it('offers the clock and reset', () => {
    const res = control(createReference(), 'GET', 'capabilities');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ clock: true, reset: true });
  });

  it('advancing the clock an hour closes a 30-minute tunnel', () => {
    const ref = createReference();
    const { tunnelId } = post(ref, 'OpenTunnel', '{"timeoutConfig":{"maxLifetimeTimeoutMinutes":30}}').json;
    const before = Date.now() / 1000;
    const res = control(ref, 'POST', 'clock', '{"advanceSeconds":3600}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).now).toBeGreaterThanOrEqual(before + 3600);
    expect(post(ref, 'DescribeTunnel', JSON.stringify({ tunnelId })).json.tunnel.status).toBe('CLOSED');
  });

  it('refuses a clock request without a non-negative advanceSeconds', () => {
    const ref = createReference();
    for (const body of ['{}', '{"advanceSeconds":-1}', '{"advanceSeconds":"60"}', 'x']) expect(control(ref, 'POST', 'clock', body).status).toBe(400);
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

  it('answers an unknown control path with 404', () => {
    expect(control(createReference(), 'GET', 'nothing').status).toBe(404);
  });
});
