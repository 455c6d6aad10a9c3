/**
 * Tests that need a system tool (AWS CLI, Docker engine, Chromium) skip with a stated reason
 * when it is absent, so `npm test` passes on a machine with only Node. CI sets
 * TC_REQUIRE_SYSTEM_TOOLS=1, which turns such a skip into a failure: there the tools are
 * installed by .ci/run and must really run.
 */
import { spawnSync } from 'node:child_process';

export interface SystemTool {
  available: boolean;
  /** Why the tests are skipped, for the test title. Empty when available. */
  reason: string;
}

export const requireSystemTools = process.env.TC_REQUIRE_SYSTEM_TOOLS === '1';

/** Probes a tool by running it; `probe` must exit 0 when the tool is usable. */
export function systemTool(name: string, probe: string[], hint: string): SystemTool {
  const r = spawnSync(probe[0], probe.slice(1), { stdio: 'ignore', timeout: 15_000 });
  const available = r.status === 0;
  const reason = available ? '' : `${name} not available (${hint})`;
  if (!available && requireSystemTools) {
    throw new Error(`TC_REQUIRE_SYSTEM_TOOLS=1 but ${reason}`);
  }
  return { available, reason };
}

/** A describe title that says why it was skipped, so the skip is visible in every reporter. */
export const titled = (title: string, tool: SystemTool) => (tool.available ? title : `${title} [skipped: ${tool.reason}]`);
