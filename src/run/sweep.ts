/**
 * What a run left behind, closed and deleted: from a report dir's ledger, or by listing every
 * tunnel (bounded pages) and keeping those tagged with the run id.
 */
import { def } from '../../specs/index.js';
import { RUN_ID_TAG_KEY } from '../../suites/api.js';
import type { Target } from '../targets/target.js';
import { cleanUp } from './cleanup.js';
import { appendLedger, ledgerPath, ledgerState, readLedger } from './ledger.js';

/** At most this many ListTunnels pages: an account with more tunnels than that needs a second sweep. */
export const MAX_PAGES = 100;

export interface SweepResult {
  found: string[];
  cleaned: string[];
  leaked: string[];
}

export async function sweepLedger(target: Target, reportDir: string): Promise<SweepResult> {
  const path = ledgerPath(reportDir);
  const entries = readLedger(path);
  const { pending } = ledgerState(entries);
  const runOf = new Map(entries.map((e) => [e.tunnelId, e.runId]));
  const cleaned: string[] = [];
  const leaked: string[] = [];
  for (const id of pending) {
    const r = await cleanUp(target, [id], undefined);
    if (r.cleaned.length) appendLedger(path, { event: 'cleaned', runId: runOf.get(id)!, tunnelId: id });
    cleaned.push(...r.cleaned);
    leaked.push(...r.leaked);
  }
  return { found: pending, cleaned, leaked };
}

export async function tunnelsTaggedWith(target: Target, runId: string): Promise<string[]> {
  const pageSize = (def('MaxResults') as { maximum?: number }).maximum;
  const found: string[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const r = await target.call('ListTunnels', { ...(pageSize ? { maxResults: pageSize } : {}), ...(nextToken ? { nextToken } : {}) });
    if (!r.ok) throw new Error(`ListTunnels answered ${r.status} ${r.code}`);
    for (const t of (r.output.tunnelSummaries ?? []) as { tunnelId?: string; tunnelArn?: string }[]) {
      if (!t.tunnelId || !t.tunnelArn) continue;
      const tags = await target.call('ListTagsForResource', { resourceArn: t.tunnelArn });
      if (tags.ok && ((tags.output.tags ?? []) as { key: string; value: string }[]).some((g) => g.key === RUN_ID_TAG_KEY && g.value === runId)) found.push(t.tunnelId);
    }
    nextToken = typeof r.output.nextToken === 'string' && r.output.nextToken !== '' ? r.output.nextToken : undefined;
    if (!nextToken) break;
  }
  return found;
}

export async function sweepRunId(target: Target, runId: string): Promise<SweepResult> {
  const found = await tunnelsTaggedWith(target, runId);
  return { found, ...(await cleanUp(target, found, undefined)) };
}
