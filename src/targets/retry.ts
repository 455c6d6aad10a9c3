/**
 * Throttling and 5xx are the service's right (SERVICE-FACTS: "ThrottlingException at any time:
 * retry with backoff, never a failure"), so every target retries them itself, bounded in
 * attempts and in time, with exponential backoff and full jitter.
 */
import type { CallResult } from '../../suites/api.js';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** no new attempt starts after this much time since the first one */
  budgetMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 5_000, budgetMs: 30_000 };

/**
 * LimitExceededException is a verdict, never retried (SERVICE-FACTS: the AWS SDKs class it as
 * throttling and retry it by default), whatever status it comes with: the limit check judges the
 * first answer, and a retry at the limit would only ask again what was already answered.
 */
export const isRetryable = (r: CallResult) =>
  !r.ok && r.code !== 'LimitExceededException' && (r.code === 'ThrottlingException' || r.code === 'TooManyRequestsException' || (r.status !== undefined && r.status >= 500));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it gives a non-retryable result or the policy is spent; `onRetry` counts retries. */
export async function withRetry(attempt: () => Promise<CallResult>, onRetry: () => void, policy = defaultRetryPolicy, random = Math.random): Promise<CallResult> {
  const started = Date.now();
  let result = await attempt();
  for (let n = 1; n < policy.maxAttempts && isRetryable(result); n++) {
    const delay = random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** n);
    if (Date.now() - started + delay > policy.budgetMs) break;
    await sleep(delay);
    onRetry();
    result = await attempt();
  }
  return result;
}
