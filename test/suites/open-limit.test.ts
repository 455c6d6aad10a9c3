/** belowOpenLimit: a tunnel a check needs waits out another client's hold on the open-tunnel limit, then is not judged. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotJudged, type CallResult } from '../../suites/api.js';
import { belowOpenLimit } from '../../suites/support.js';

const atLimit: CallResult = { ok: false, status: 403, code: 'LimitExceededException', message: 'Open tunnel limit of 2 reached' };
const opened: CallResult = { ok: true, status: 200, output: { tunnelId: 't1' } };

/** An open that answers each of `answers` in turn, counting its calls. */
function answering(...answers: CallResult[]) {
  let calls = 0;
  return { open: async () => ({ result: answers[Math.min(calls++, answers.length - 1)], sent: { tags: [{ key: 'k', value: 'v' }] } }), calls: () => calls };
}

describe('belowOpenLimit', () => {
  afterEach(() => void vi.useRealTimers());

  it('asks again while the limit is held, and returns the first success', async () => {
    vi.useFakeTimers();
    const target = answering(atLimit, atLimit, opened);
    const result = belowOpenLimit(target.open);
    await vi.runAllTimersAsync();
    expect((await result).result).toBe(opened);
    expect(target.calls()).toBe(3);
  });

  it('ends the check not judged after five answers at the limit', async () => {
    vi.useFakeTimers();
    const target = answering(atLimit);
    const result = belowOpenLimit(target.open);
    const verdict = expect(result).rejects.toThrow(NotJudged);
    await vi.runAllTimersAsync();
    await verdict;
    await expect(result).rejects.toThrow(/^not judged: OpenTunnel stayed at the target's open-tunnel limit \(403 LimitExceededException\) in 5 attempts: another client holds it/);
    expect(target.calls()).toBe(5);
  });

  it('hands LimitExceededException back at once where the input carries more tags than the quota', async () => {
    let calls = 0;
    const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    const r = await belowOpenLimit(async () => (calls++, { result: atLimit, sent: { tags } }));
    expect(r.result).toBe(atLimit);
    expect(calls).toBe(1);
  });

  it('hands any other answer back at once, refusals included', async () => {
    const refused: CallResult = { ok: false, status: 400, code: 'ValidationException', message: 'no' };
    const target = answering(refused);
    expect((await belowOpenLimit(target.open)).result).toBe(refused);
    expect(target.calls()).toBe(1);
  });
});
