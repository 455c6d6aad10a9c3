import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../models/certificate.js';
import { encodeFrame, MessageType, SUBPROTOCOLS } from '../../specs/dataplane.js';
import { callTunnelApi } from '../support/tunnel-api.js';
import { connected, h2cListTunnels, rawRequest, type Peer } from './dataplane-client.js';
import { startServe, type Serve } from './serve-process.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Answer {
  status: number;
  body: string;
  peer: X509Certificate;
}

/** GET over https, bounded to 10 s; `verify` false is what `-k` does in curl and the local proxy. */
function get(url: string, options: RequestOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false, timeout: 10_000, ...options }, (res) => {
      const peer = new X509Certificate((res.socket as TLSSocket).getPeerCertificate().raw);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8'), peer }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

async function stopped(serve: Serve) {
  serve.child.kill('SIGTERM');
  expect(await serve.exit).toBe(0);
  expect(serve.laterLines).toEqual([]);
}

describe('tunnel-conformance serve over TLS', () => {
  it('--tls prints one https line and answers over TLS with a generated certificate for localhost, 127.0.0.1 and ::1', async () => {
    const serve = await startServe(['--tls', '--port', '0']);
    try {
      expect(serve.url).toMatch(/^https:\/\/127\.0\.0\.1:[1-9]\d*$/);
      const answer = await get(`${serve.url}/_conformance/v1/capabilities`);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toHaveProperty('clock', true);
      expect(answer.peer.subject).toBe('CN=localhost');
      expect(answer.peer.subjectAltName?.split(', ').sort()).toEqual(['DNS:localhost', 'IP Address:0:0:0:0:0:0:0:1', 'IP Address:127.0.0.1']);
      expect(answer.peer.verify(answer.peer.publicKey)).toBe(true); // signed by its own key
      const lifetime = Date.parse(answer.peer.validTo) - Date.parse(answer.peer.validFrom);
      expect(lifetime).toBeLessThanOrEqual(2 * 24 * 3600_000);
      // Nobody signed it: a verifying client refuses it, which is why clients are told to skip.
      await expect(get(`${serve.url}/_conformance/v1/capabilities`, { rejectUnauthorized: true })).rejects.toThrow(/self.signed|unable to verify/i);
      await stopped(serve);
    } finally {
      if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
    }
  });

  it('a control-plane call answers over https, also one that asks to upgrade to h2c', async () => {
    const serve = await startServe(['--tls', '--port', '0']);
    try {
      expect(await callTunnelApi(serve.url, 'ListTunnels', { maxResults: 1 })).toEqual({ tunnelSummaries: [] });
      // an upgrade other than websocket is the control plane's, over TLS too
      expect(await rawRequest(serve.url, h2cListTunnels)).toMatch(/^HTTP\/1\.1 200 [^]*tunnelSummaries/);
      await stopped(serve);
    } finally {
      if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
    }
  });

  it('the data plane upgrades over wss on the same port: SERVICE_IDS arrives, DescribeTunnel shows the side CONNECTED, a frame reaches the peer', async () => {
    const serve = await startServe(['--tls', '--port', '0']);
    const peers: Peer[] = [];
    try {
      const opened = await callTunnelApi(serve.url, 'OpenTunnel', { destinationConfig: { services: ['ECHO'] } });
      const side = async (mode: 'source' | 'destination', token: string) => {
        const peer = await connected(serve.url, { mode, token, protocols: [SUBPROTOCOLS[2]], insecure: true, handshakeMs: 10_000 });
        peers.push(peer);
        await peer.waitFrames(1, 10_000);
        return peer;
      };
      const source = await side('source', opened.sourceAccessToken);
      expect(source.ws.url).toMatch(/^wss:/);
      expect(source.protocol).toBe(SUBPROTOCOLS[2]);
      const [message] = source.messages();
      expect({ type: message.type, services: message.availableServiceIds }).toEqual({ type: MessageType.SERVICE_IDS, services: ['ECHO'] });
      const { tunnel } = await callTunnelApi(serve.url, 'DescribeTunnel', { tunnelId: opened.tunnelId });
      expect(tunnel.sourceConnectionState.status).toBe('CONNECTED');
      const destination = await side('destination', opened.destinationAccessToken);
      const frame = encodeFrame({ type: MessageType.STREAM_START, streamId: 1, serviceId: 'ECHO', connectionId: 1 });
      source.ws.send(frame);
      expect((await destination.waitFrames(2, 10_000))[1]).toEqual(frame);
      for (const peer of peers) peer.ws.close();
      await stopped(serve);
    } finally {
      for (const peer of peers) peer.ws.terminate();
      if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
    }
  });

  describe('--tls-cert and --tls-key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-serve-tls-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const serveSync = (...args: string[]) =>
      spawnSync(process.execPath, ['bin/tunnel-conformance.js', 'serve', '--port', '0', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });

    it("serves the user's own certificate", async () => {
      const own = await selfSignedCertificate();
      writeFileSync(join(dir, 'own.crt'), own.cert);
      writeFileSync(join(dir, 'own.key'), own.key);
      const serve = await startServe(['--port', '0', '--tls-cert', join(dir, 'own.crt'), '--tls-key', join(dir, 'own.key')]);
      try {
        expect(serve.url).toMatch(/^https:\/\//);
        const answer = await get(`${serve.url}/_conformance/v1/capabilities`);
        expect(answer.peer.fingerprint256).toBe(new X509Certificate(own.cert).fingerprint256);
        await stopped(serve);
      } finally {
        if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
      }
    });

    it('refuses one without the other, a missing file and a key of another certificate with exit 2 and one line', async () => {
      const [a, b] = await Promise.all([selfSignedCertificate(), selfSignedCertificate()]);
      writeFileSync(join(dir, 'a.crt'), a.cert);
      writeFileSync(join(dir, 'b.key'), b.key);
      const cases: [string[], RegExp][] = [
        [['--tls-cert', join(dir, 'a.crt')], /--tls-cert and --tls-key go together/],
        [['--tls-cert', join(dir, 'a.crt'), '--tls-key', join(dir, 'absent.key')], /--tls-key .*ENOENT/],
        [['--tls-cert', join(dir, 'a.crt'), '--tls-key', join(dir, 'b.key')], /--tls-cert\/--tls-key: .*mismatch/],
      ];
      for (const [args, reason] of cases) {
        const r = serveSync(...args);
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(reason)]);
      }
    });
  });
});
