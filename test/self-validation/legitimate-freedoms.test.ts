/** The legitimate variants of issue 15 take the freedom they claim (else the kill matrix would accept them for nothing). */
import { afterEach, describe, expect, test } from 'vitest';
import { serveVariant, variantNamed } from '../../models/variants/index.js';
import type { RunningServer } from '../../models/server.js';
import { postJson, sendTunnelApi } from '../support/tunnel-api.js';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const call = (op: string, input: unknown) => sendTunnelApi(server!.url, op, input);
const serve = async (name: string) => void (server = await serveVariant(variantNamed(name)));

describe('legitimate variants of issue 15', () => {
  test('coercing-deserializer coerces a numeric string and a fraction, and still refuses a list for a string', async () => {
    await serve('coercing-deserializer');
    expect((await call('ListTunnels', { maxResults: '5' })).status).toBe(200);
    expect((await call('ListTunnels', { maxResults: 5.5 })).status).toBe(200);
    expect((await call('ListTunnels', { thingName: ['x'] })).status).toBe(400);
  });

  test('rotate-keeps-destination keeps the thingName the tunnel was opened with', async () => {
    await serve('rotate-keeps-destination');
    const { body } = await call('OpenTunnel', { destinationConfig: { thingName: 'kept', services: ['SSH'] } });
    expect((await call('RotateTunnelAccessToken', { tunnelId: body.tunnelId, clientMode: 'ALL', destinationConfig: { thingName: 'given', services: ['SSH'] } })).status).toBe(200);
    expect((await call('DescribeTunnel', { tunnelId: body.tunnelId })).body.tunnel.destinationConfig.thingName).toBe('kept');
  });

  test('clock-days-ahead reads days ahead of the wall clock, and so are its timestamps', async () => {
    await serve('clock-days-ahead');
    const { body } = await postJson(server!.url, '/_conformance/v1/clock', { advanceSeconds: 0 });
    expect(body.now - Date.now() / 1000).toBeGreaterThan(2 * 86400);
    const opened = await call('OpenTunnel', {});
    expect((await call('DescribeTunnel', { tunnelId: opened.body.tunnelId })).body.tunnel.createdAt).toBeGreaterThan(Date.now() / 1000 + 2 * 86400);
  });

  test('other-users has tunnels before the run, and they change while it goes on', async () => {
    await serve('other-users');
    const ids = async () => {
      const all: string[] = [];
      let nextToken: string | undefined;
      do {
        const { body } = await call('ListTunnels', nextToken ? { nextToken } : {});
        all.push(...body.tunnelSummaries.map((s: { tunnelId: string; status: string }) => `${s.tunnelId}:${s.status}`));
        nextToken = body.nextToken;
      } while (nextToken);
      return all;
    };
    const before = await ids();
    expect(before.length).toBeGreaterThan(100);
    expect(await ids()).not.toEqual(before);
  });
});
