/**
 * `tunnel-conformance/vitest` in a consumer project of its own (a temp dir that depends on the
 * package by name): the catalogue's checks become tests of the consumer's vitest run, a failed
 * check fails its test with the replay, a check that cannot run is skipped with its reason.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, tempDir } from './helpers.js';

interface JsonResult {
  testResults: { assertionResults: { title: string; status: string; failureMessages: string[] }[] }[];
}

/** A consumer with one test file, run by vitest's own binary; resolves to vitest's JSON results. */
async function runConsumer(testFile: string): Promise<JsonResult['testResults'][number]['assertionResults']> {
  const dir = tempDir();
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'tunnel-conformance'), 'dir');
  // What a consumer holding its own client installs beside the package.
  mkdirSync(join(dir, 'node_modules', '@aws-sdk'));
  for (const dep of ['@aws-sdk/client-iotsecuretunneling', 'aws-sdk-client-mock']) symlinkSync(join(root, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  // The package's exports name the compiled dist/ (tested as installed by test/package/); this
  // consumer runs the sources, as the rest of the suite does.
  const alias = { 'tunnel-conformance/vitest': join(root, 'src/vitest.ts') };
  writeFileSync(join(dir, 'vitest.config.mjs'), `export default { resolve: { alias: ${JSON.stringify(alias)} }, test: { include: ['*.test.ts'], testTimeout: 120000, hookTimeout: 120000 } };\n`);
  writeFileSync(join(dir, 'conformance.test.ts'), testFile);
  const out = join(dir, 'results.json');
  const child = spawn(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=json', `--outputFile=${out}`], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
  await new Promise((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  let results: JsonResult;
  try {
    results = JSON.parse(readFileSync(out, 'utf8')) as JsonResult;
  } catch {
    throw new Error(`the consumer's vitest wrote no results: ${stderr.slice(-2000)}`);
  }
  return results.testResults.flatMap((f) => f.assertionResults);
}

describe('conformanceSuite from tunnel-conformance/vitest', () => {
  it('runs the selected checks against the mock as the consumer`s own tests', async () => {
    const results = await runConsumer(
      `import { conformanceSuite } from 'tunnel-conformance/vitest';\n` +
        `conformanceSuite({ profile: 'quick', seed: 5, only: 'ERR-NOT-FOUND-001,OPEN-STATE-001', reportDir: 'reports' });\n`,
    );
    expect(results.map((r) => [r.title.split(':')[0], r.status])).toEqual([
      ['ERR-NOT-FOUND-001', 'passed'],
      ['OPEN-STATE-001', 'passed'],
    ]);
  }, 180_000);

  it('fails a check`s test with its replay when a client object breaks the contract, and skips what cannot run', async () => {
    const results = await runConsumer(
      `import { IoTSecureTunnelingClient } from '@aws-sdk/client-iotsecuretunneling';\n` +
        `import { mockClient } from 'aws-sdk-client-mock';\n` +
        `import { conformanceSuite } from 'tunnel-conformance/vitest';\n` +
        `const client = new IoTSecureTunnelingClient({ region: 'us-east-1' });\n` +
        `mockClient(client).resolves({});\n` +
        `conformanceSuite({ client, profile: 'quick', seed: 3, only: 'ERR-NOT-FOUND-001,LIFE-EXPIRY-001', reportDir: 'reports' });\n`,
    );
    const byId = Object.fromEntries(results.map((r) => [r.title.split(':')[0], r]));
    expect(byId['ERR-NOT-FOUND-001'].status).toBe('failed');
    expect(byId['ERR-NOT-FOUND-001'].failureMessages[0]).toMatch(/of an unknown tunnel answered 200 OK, expected a 4xx ResourceNotFoundException/);
    expect(byId['ERR-NOT-FOUND-001'].failureMessages[0]).toMatch(/replay: runConformance\(\{ client, seed: 3, only: 'ERR-NOT-FOUND-001', profile: 'quick', path: '\d+(:\d+)*' \}\)/);
    // An SDK-level client has no clock control: the expiry check cannot pass time.
    expect(byId['LIFE-EXPIRY-001'].status).toBe('skipped');
  }, 180_000);
});
