import { generate } from 'selfsigned';
import { describe, expect, it } from 'vitest';
import { createReference } from '../../models/reference.js';
import { startServer } from '../../models/server.js';
import { encodeFrame, MessageType } from '../../specs/dataplane.js';
import { connected, h2cListTunnels, rawRequest } from './dataplane-client.js';

describe('startServer with tls', () => {
  it('serves https:// and the data plane as wss:// on the same port', async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], { keySize: 2048 });
    const reference = createReference();
    const server = await startServer({ port: 0, reference, tls: { cert: pems.cert, key: pems.private } });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const opened = reference.service().call('OpenTunnel', {});
      const t = (opened.ok ? opened.output : {}) as { tunnelId: string; sourceAccessToken: string; destinationAccessToken: string };
      const source = await connected(server.url, { mode: 'source', token: t.sourceAccessToken, insecure: true });
      const destination = await connected(server.url, { mode: 'destination', token: t.destinationAccessToken, insecure: true });
      expect(source.ws.url).toMatch(/^wss:/);
      const frame = encodeFrame({ type: MessageType.STREAM_START, streamId: 1 });
      source.ws.send(frame);
      expect((await destination.waitFrames(2))[1]).toEqual(frame);
      // an upgrade other than websocket is the control plane's, over TLS too
      expect(await rawRequest(server.url, h2cListTunnels)).toMatch(/^HTTP\/1\.1 200 [^]*tunnelSummaries/);
    } finally {
      await server.close();
    }
  }, 15_000);
});
