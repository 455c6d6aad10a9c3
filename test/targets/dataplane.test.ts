/**
 * Where each target's data plane is, `--data-endpoint`, the probe that tells a data plane from
 * none, and a loopback `https://` target (serve --tls, self-signed) reached with its data plane.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { parseRunArgs, RUN_USAGE } from '../../src/cli/run-options.js';
import { startServer } from '../../models/server.js';
import { planRun } from '../../src/run/plan.js';
import { runConformance } from '../../src/index.js';
import { awsDataPlane, dataPlaneBeside, probeDataPlane } from '../../src/targets/dataplane.js';
import { targetDriver } from '../../src/targets/index.js';
import { allChecks } from '../../suites/catalogue.js';
import { tempDir } from '../run/helpers.js';

describe('where the data plane is', () => {
  it('beside an http(s) endpoint, insecure only for a loopback https one; the region\'s for aws; --data-endpoint wins', () => {
    expect(dataPlaneBeside('http://10.0.0.5:8080')).toEqual({ url: 'ws://10.0.0.5:8080/tunnel', insecure: false, given: false });
    expect(dataPlaneBeside('https://example.com:8443')).toEqual({ url: 'wss://example.com:8443/tunnel', insecure: false, given: false });
    for (const host of ['127.0.0.1', '[::1]', 'localhost']) expect(dataPlaneBeside(`https://${host}:8443`)).toMatchObject({ url: `wss://${host}:8443/tunnel`, insecure: true });
    expect(awsDataPlane('eu-west-1')).toEqual({ url: 'wss://data.tunneling.iot.eu-west-1.amazonaws.com/tunnel', insecure: false, given: false });
    expect(dataPlaneBeside('http://127.0.0.1:1', 'ws://127.0.0.1:2/dp')).toEqual({ url: 'ws://127.0.0.1:2/dp', insecure: false, given: true });
  });

  it('--data-endpoint is a ws(s) URL, documented in --help', () => {
    expect(parseRunArgs(['--target', 'http://127.0.0.1:8080', '--data-endpoint', 'wss://h:1/tunnel']).options.dataEndpoint).toBe('wss://h:1/tunnel');
    for (const bad of ['http://h:1/tunnel', 'ws://h:1/tunnel?x=1', 'nonsense']) expect(() => parseRunArgs(['--data-endpoint', bad])).toThrow(UsageError);
    expect(RUN_USAGE).toContain('--data-endpoint URL');
  });

  it('the plan: aws has a data plane, module: none, http: only the target can say', () => {
    const dp = allChecks().filter((c) => c.id === 'DP-RELAY-001');
    const plan = (kind: 'aws' | 'module' | 'http') => planRun(dp, { kind, profile: 'quick', numRuns: 5, capabilities: targetDriver(kind).offers }).checks[0];
    expect(plan('aws').skip).toBeUndefined();
    expect(plan('module').skip).toBe('no data plane');
    expect(plan('http')).toMatchObject({ needs: ['dataPlane'] });
  });
});

describe('the probe', () => {
  it('finds the reference\'s data plane (a 4xx to a tokenless upgrade)', async () => {
    const server = await startServer({ port: 0 });
    try {
      expect(await probeDataPlane(dataPlaneBeside(server.url))).toEqual({ present: true, answer: 'answered 400 to a WebSocket upgrade' });
    } finally {
      await server.close();
    }
  });

  it('finds none behind a 404, a dropped upgrade or a closed port, within its bound', async () => {
    const notFound = createServer((_, res) => res.writeHead(404).end());
    notFound.on('upgrade', (_req, socket) => socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'));
    const dropped = createServer((_, res) => res.writeHead(404).end());
    for (const s of [notFound, dropped]) await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const url = (s: typeof notFound) => `ws://127.0.0.1:${(s.address() as AddressInfo).port}/tunnel`;
    try {
      expect(await probeDataPlane({ url: url(notFound), insecure: false })).toEqual({ present: false, answer: 'answered 404 to a WebSocket upgrade' });
      expect((await probeDataPlane({ url: url(dropped), insecure: false })).present).toBe(false);
      expect(await probeDataPlane({ url: 'ws://127.0.0.1:1/tunnel', insecure: false })).toEqual({ present: false, answer: 'refused the connection' });
    } finally {
      for (const s of [notFound, dropped]) {
        s.closeAllConnections();
        await new Promise((r) => s.close(r));
      }
    }
  });
});

describe('a loopback https target (serve --tls)', () => {
  it('is reached despite its self-signed certificate, control plane and data plane alike', async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], { keySize: 2048 });
    const server = await startServer({ port: 0, tls: { cert: pems.cert, key: pems.private } });
    try {
      const report = await runConformance({ target: server.url, only: ['DP-HANDSHAKE-001', 'DP-RELAY-001', 'ERR-NOT-FOUND-001'], profile: 'quick', seed: 5, reportDir: tempDir() });
      expect(report.target.capabilities).toEqual({ clock: true, reset: true, limits: true, dataPlane: true });
      expect(Object.fromEntries(report.checks.map((c) => [c.id, c.status]))).toEqual({ 'DP-HANDSHAKE-001': 'passed', 'DP-RELAY-001': 'passed', 'ERR-NOT-FOUND-001': 'passed' });
    } finally {
      await server.close();
    }
  }, 60_000);

  it('--data-endpoint travels into replay commands', async () => {
    const server = await startServer({ port: 0 });
    try {
      const dataEndpoint = `${server.url.replace('http', 'ws')}/tunnel`;
      const report = await runConformance({ target: server.url, dataEndpoint, only: 'DP-SERVICE-IDS-001', profile: 'quick', seed: 5, reportDir: tempDir() });
      expect(report.checks[0].status).toBe('passed');
      expect(report.target.endpoint).toBe(`${server.url} --data-endpoint ${dataEndpoint}`);
    } finally {
      await server.close();
    }
  }, 60_000);
});
