/**
 * Nothing left behind: the open-tunnel limit a run may have set is restored, and every journaled
 * tunnel not yet cleaned is closed with `delete: true`.
 */
import type { Target } from '../targets/target.js';
import { appendLedger } from './ledger.js';

export async function closeAndDelete(target: Target, tunnelId: string): Promise<boolean> {
  const r = await target.call('CloseTunnel', { tunnelId, delete: true });
  // Already gone is as clean as it gets.
  return r.ok || r.code === 'ResourceNotFoundException';
}

/**
 * Requests in flight at once while cleaning up: one at a time would leave the target idle
 * while the run handles each answer, and the other way round (the run's last minute on an
 * emulator is its cleanup); a handful stays well inside a real account's request rate, and a
 * throttled close is retried like any call.
 */
const CLEANUP_IN_FLIGHT = 4;

/** Closes each id, journals the ones cleaned, and returns those that could not be (each list in the order given). */
export async function cleanUp(target: Target, ids: string[], ledger: { path: string; runId: string } | undefined): Promise<{ cleaned: string[]; leaked: string[] }> {
  const ok: boolean[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      ok[i] = await closeAndDelete(target, ids[i]).catch(() => false);
      if (ok[i] && ledger) appendLedger(ledger.path, { event: 'cleaned', runId: ledger.runId, tunnelId: ids[i] });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CLEANUP_IN_FLIGHT, ids.length) }, worker));
  return { cleaned: ids.filter((_, i) => ok[i]), leaked: ids.filter((_, i) => !ok[i]) };
}

/**
 * CONTRACT.md: the suite restores the limit it sets "also when the check fails or the run is
 * interrupted"; the check's own finally cannot run in a killed worker, so the run resets it here
 * too (null: the target's default). Resolves to why it could not, if it could not.
 */
export async function restoreLimit(target: Target): Promise<string | undefined> {
  try {
    await target.setMaxOpenTunnels(null);
    return undefined;
  } catch (e) {
    return `could not restore the target's open-tunnel limit (POST /_conformance/v1/limits {"maxOpenTunnels": null}): ${(e as Error).message}`;
  }
}
