/** The variant catalogue itself: its size and naming, and that every variant is served over HTTP. */
import { describe, expect, test } from 'vitest';
import { faults, legitimate, serveVariant, variants } from '../../models/variants/index.js';
import { sendTunnelApi } from '../support/tunnel-api.js';

describe('variant catalogue', () => {
  test('has at least 30 faults and 10 legitimate variants, names unique and kebab-case', () => {
    expect(faults.length).toBeGreaterThanOrEqual(30);
    expect(legitimate.length).toBeGreaterThanOrEqual(10);
    expect(new Set(variants.map((v) => v.name)).size).toBe(variants.length);
    for (const v of variants) expect(v.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('every variant but the reference changes something, and says which source it breaks or uses', () => {
    for (const v of variants.filter((x) => x.name !== 'reference')) {
      expect(v.service ?? v.wire ?? v.dataPlane, v.name).toBeDefined();
      expect(v.description, v.name).toMatch(/MODEL|SF|DOC|CONTRACT|freedom|set/);
    }
  });

  test.each(variants.map((v) => [v.name]))('%s is served on loopback and opens and describes a tunnel', async (name) => {
    const server = await serveVariant(variants.find((v) => v.name === name)!);
    try {
      expect(new URL(server.url).hostname).toBe('127.0.0.1');
      const opened = await sendTunnelApi(server.url, 'OpenTunnel', {});
      // Only the throttling variant may refuse, and only every 7th request.
      expect(opened.status).toBe(200);
      const described = await sendTunnelApi(server.url, 'DescribeTunnel', { tunnelId: opened.body.tunnelId });
      expect(described.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
