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

/** Closes each id, journals the ones cleaned, and returns those that could not be. */
export async function cleanUp(target: Target, ids: string[], ledger: { path: string; runId: string } | undefined): Promise<{ cleaned: string[]; leaked: string[] }> {
  const cleaned: string[] = [];
  const leaked: string[] = [];
  for (const tunnelId of ids) {
    let ok = false;
    try {
      ok = await closeAndDelete(target, tunnelId);
    } catch {
      ok = false;
    }
    if (ok) {
      cleaned.push(tunnelId);
      if (ledger) appendLedger(ledger.path, { event: 'cleaned', runId: ledger.runId, tunnelId });
    } else leaked.push(tunnelId);
  }
  return { cleaned, leaked };
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
