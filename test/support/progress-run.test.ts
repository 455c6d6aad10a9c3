import { expect, test } from 'vitest';
import { progressRun } from './progress-run.js';

// Prints its lines to stderr in pieces (a line cut across writes), then would run for a minute.
const SCRIPT = `
const w = (s) => new Promise((r) => process.stderr.write(s, r));
(async () => {
  await w('PASS A (1 ms)\\nFA');
  await new Promise((r) => setTimeout(r, 50));
  await w('IL B (shrinking): x\\nFAIL B (7 ms)\\n');
  setTimeout(() => {}, 60_000);
})();
`;

test('the child is stopped with the rule’s signal at the first line the rule picks, lines cut across writes whole', async () => {
  const seen: string[] = [];
  const r = await progressRun(process.execPath, ['-e', SCRIPT], {
    cwd: process.cwd(),
    timeoutMs: 20_000,
    onLine: (line) => (seen.push(line), /^FAIL \S+ \(\d+ ms\)/.test(line) ? 'SIGINT' : undefined),
  });
  expect(seen).toEqual(['PASS A (1 ms)', 'FAIL B (shrinking): x', 'FAIL B (7 ms)']);
  expect(r.stoppedAt?.line).toBe('FAIL B (7 ms)');
  expect(r.stoppedAt!.elapsedMs).toBeGreaterThanOrEqual(50);
  // SIGINT is the rule's; the timeout would have sent SIGTERM
  expect([r.code, r.signal]).toEqual([null, 'SIGINT']);
  expect(r.stderr).toContain('FAIL B (7 ms)');
});

test('without a stop the child runs to its exit, and only the timeout ends one that would not', async () => {
  const done = await progressRun(process.execPath, ['-e', 'process.stderr.write("FAIL X (1 ms)\\n"); process.exitCode = 1'], { cwd: process.cwd(), timeoutMs: 20_000 });
  expect(done).toEqual({ code: 1, signal: null, stderr: 'FAIL X (1 ms)\n' });
  const hung = await progressRun(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { cwd: process.cwd(), timeoutMs: 300 });
  expect([hung.code, hung.signal]).toEqual([null, 'SIGTERM']);
  expect(hung.stoppedAt).toBeUndefined();
});
