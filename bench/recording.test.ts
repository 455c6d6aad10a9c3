/** The bench's recording: what first-call-probe.mjs writes in a process is what the floor replays. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecording } from './floor.js';

const PROBE = fileURLToPath(new URL('./first-call-probe.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tc-recording-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Bodies a run sends: newlines and quotes inside, astral characters (two UTF-16 units, four bytes).
const BODIES = ['{"description":"two\\nlines \\"quoted\\" 𝔘𝔫𝔦\\u2028"}', '{}', `{"tags":[${'{"key":"𠀀","value":""},'.repeat(300)}{"key":"k","value":"v"}]}`];

describe('the bench recording', () => {
  it('reads back every request a process sent, body for body and in order, and the tunnels its server opened', () => {
    const record = join(dir, 'rec');
    // One process with the probe preloaded: a loopback server answering one OpenTunnel, and requests to it over node:http.
    const script = `
      import http from 'node:http';
      const bodies = ${JSON.stringify(BODIES)};
      const server = http.createServer((req, res) => { req.resume(); req.on('end', () => res.end(JSON.stringify({ tunnelId: 'b5f1c2d3-0000-4000-8000-00000000000' + (req.headers['x-amz-target']?.endsWith('OpenTunnel') ? '1' : '2'), tunnelArn: 'arn', destinationAccessToken: 'x' }))); });
      server.listen(0, '127.0.0.1', async () => {
        const send = (target, body) => new Promise((resolve) => {
          const r = http.request({ port: server.address().port, method: 'POST', headers: target ? { 'x-amz-target': target } : {} }, (res) => { res.resume(); res.on('end', resolve); });
          r.end(body);
        });
        await send('IoTSecuredTunneling.OpenTunnel', bodies[0]);
        for (const b of bodies.slice(1)) await send('IoTSecuredTunneling.TagResource', b);
        await send(undefined, '{"not":"a service request"}');
        server.close();
      });`;
    execFileSync(process.execPath, ['--import', PROBE, '--input-type=module', '-e', script], { env: { ...process.env, TC_BENCH_RECORD: record }, timeout: 20_000 });
    const recording = readRecording(readFileSync(record, 'utf8'));
    expect(recording.requests).toEqual([
      { target: 'IoTSecuredTunneling.OpenTunnel', body: BODIES[0] },
      { target: 'IoTSecuredTunneling.TagResource', body: BODIES[1] },
      { target: 'IoTSecuredTunneling.TagResource', body: BODIES[2] },
    ]);
    // Every reply that reads as an open's (tunnelArn and destinationAccessToken in it): here the server answers all four alike.
    expect(recording.opened).toEqual(['b5f1c2d3-0000-4000-8000-000000000001', ...Array(3).fill('b5f1c2d3-0000-4000-8000-000000000002')]);
  });

  it('refuses a recording cut short or not written by the probe', () => {
    expect(() => readRecording('t IoTSecuredTunneling.ListTunnels 10\n{}\n')).toThrow(/not as first-call-probe.mjs writes it at character 0/);
    expect(() => readRecording('{"t":"IoTSecuredTunneling.ListTunnels","b":"{}"}\n')).toThrow(/not as first-call-probe/);
  });
});
