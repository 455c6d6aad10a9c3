/**
 * The DP-* checks against the reference's data plane (in the mock and over node:http), against
 * each faulty data-plane variant (the check meant to catch it fails), each legitimate one (every
 * DP check passes), and a control-plane-only emulator (every DP check skipped, naming the URL).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createReference } from '../../models/reference.js';
import { startServer } from '../../models/server.js';
import { faults, legitimate, serveVariant } from '../../models/variants/index.js';
import { runConformance } from '../../src/index.js';
import { allChecks } from '../../suites/catalogue.js';
import { tempDir } from '../run/helpers.js';

const DP = allChecks().filter((c) => c.id.startsWith('DP-')).map((c) => c.id);

/** Which check catches which faulty data plane (measured; the report's table says the same). */
const CAUGHT_BY: Record<string, string[]> = {
  'dp-state-never-connected': ['DP-STATE-001'],
  'dp-rotated-token-accepted': ['DP-REFUSE-001'],
  'dp-token-reusable': ['DP-REFUSE-001', 'DP-SINGLE-USE-001'],
  'dp-close-leaves-sockets': ['DP-CLOSE-001'],
  'dp-payload-altered': ['DP-RELAY-001'],
  'dp-no-service-ids': ['DP-SERVICE-IDS-001'],
  'dp-wrong-mode-accepted': ['DP-REFUSE-001'],
  'dp-split-frame-mishandled': ['DP-RELAY-001'],
  'dp-expiry-leaves-sockets': ['DP-EXPIRY-001'],
};

const run = (target: string, only: string[] = DP) => runConformance({ target, only, profile: 'quick', seed: 7, reportDir: tempDir() });
const statuses = (report: Awaited<ReturnType<typeof run>>) => Object.fromEntries(report.checks.map((c) => [c.id, c.status]));
const allPassed = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'passed']));

describe('the data-plane checks', () => {
  it('pass against the mock, none skipped', async () => {
    const report = await run('mock');
    expect(statuses(report)).toEqual(allPassed(DP));
  }, 120_000);

  it('pass against serve over http, and observe what the documentation leaves open', async () => {
    const server = await startServer({ port: 0 });
    try {
      const report = await run(server.url);
      expect(statuses(report)).toEqual(allPassed(DP));
      expect(report.target.capabilities.dataPlane).toBe(true);
      expect(report.observations.map((o) => o.id)).toEqual(expect.arrayContaining(['dp-refusal-status', 'dp-rotation-drops-connection']));
      expect(JSON.stringify(report)).not.toMatch(/AccessToken"\s*:\s*"[^<]/);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('name every faulty data-plane variant', () => {
    expect(Object.keys(CAUGHT_BY).sort()).toEqual(faults.filter((f) => f.name.startsWith('dp-')).map((f) => f.name).sort());
  });

  it.each(Object.entries(CAUGHT_BY))('catch %s', async (name, checks) => {
    const server = await serveVariant(faults.find((f) => f.name === name)!);
    try {
      const report = await run(server.url, checks);
      expect(statuses(report)).toEqual(Object.fromEntries(checks.map((id) => [id, 'failed'])));
    } finally {
      await server.close();
    }
  }, 120_000);

  it.each(legitimate.filter((v) => v.name.startsWith('dp-')).map((v) => [v.name, v] as const))('accept %s', async (_, variant) => {
    const server = await serveVariant(variant);
    try {
      expect(statuses(await run(server.url))).toEqual(allPassed(DP));
    } finally {
      await server.close();
    }
  }, 120_000);

  it('are skipped, naming the URL, on a control-plane-only emulator, and the run is green', async () => {
    // The reference's control plane without its data plane or control endpoints: upgrades are dropped.
    const reference = createReference();
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (req.url !== '/') {
        res.writeHead(404).end();
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const out = reference.handle({ method: req.method ?? 'POST', path: '/', headers, body: Buffer.concat(chunks).toString() });
      res.writeHead(out.status, out.headers).end(out.body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const report = await run(url, [...DP, 'ERR-NOT-FOUND-001']);
      expect(report.target.capabilities.dataPlane).toBe(false);
      expect(report.summary.failed).toBe(0);
      for (const c of report.checks.filter((c) => c.id.startsWith('DP-'))) {
        expect(c.status).toBe('skipped');
        expect(c.skipReason).toContain(`no data plane: ${url.replace('http', 'ws')}/tunnel`);
      }
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  }, 120_000);
});
