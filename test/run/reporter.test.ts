import { describe, expect, it, vi } from 'vitest';
import type { CheckOutcome } from '../../suites/api.js';
import { RunReporter } from '../../src/run/reporter.js';

const outcome = (id: string, status: CheckOutcome['status']): CheckOutcome => ({
  id,
  status,
  durationMs: 12,
  calls: 1,
  tunnelsOpened: 0,
  ...(status === 'failed' ? { failure: { message: 'boom', counterexample: null, seed: 1, replay: 'r' } } : {}),
});

describe('RunReporter', () => {
  it('keeps one live line on a TTY: current check, done/total, elapsed, failures', () => {
    vi.stubEnv('CI', '');
    let screen = '';
    const r = new RunReporter(2, { write: (t) => (screen += t), isTTY: true });
    r.runStarted();
    r.checkStarted('LIST-ORDER-001');
    r.checkEnded(outcome('LIST-ORDER-001', 'failed'));
    expect(screen).not.toContain('\n');
    expect(screen.split('\r').at(-1)).toMatch(/^\x1b\[2KLIST-ORDER-001 1\/2 \d+\.\ds 1 failed$/);
    vi.unstubAllEnvs();
  });

  it('writes plain lines otherwise, and turns a check without a verdict into a failure', () => {
    const lines: string[] = [];
    const r = new RunReporter(2, { write: (t) => lines.push(t), isTTY: false }, { seed: 9, command: (id) => `replay ${id}` });
    r.checkEnded(outcome('OPEN-IDS-001', 'skipped'));
    r.checkFailing('LIST-ORDER-001', 'page 1 is oldest first\ndetail');
    r.checkBroke('OPEN-ARN-001', 'worker crashed\nstack', 5);
    expect(lines).toEqual(['skip OPEN-IDS-001 (12 ms)\n', 'FAIL LIST-ORDER-001 (shrinking): page 1 is oldest first\n', 'FAIL OPEN-ARN-001 (5 ms): worker crashed\n']);
    expect(r.outcomes.get('OPEN-ARN-001')).toMatchObject({ status: 'failed', failure: { message: 'worker crashed\nstack', seed: 9, replay: 'replay OPEN-ARN-001' } });
  });
});
