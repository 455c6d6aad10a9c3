/**
 * The check registry. Like Schemathesis's checks, every check is one named definition with its
 * own documentation: a stable id, a title, a level, the sentence or model trait it rests on,
 * and the operations it touches. `run --plan`, the docs' catalogue table and the reports are
 * all generated from these definitions.
 */
import type { CheckDefinition } from './api.js';

const registry = new Map<string, CheckDefinition>();

export function defineCheck(check: CheckDefinition): CheckDefinition {
  if (!/^(OPEN|CLOSE|DESCRIBE|LIST|ROTATE|TAG|ERR|LIFE|WIRE|MODEL|LIMIT|DP)-[A-Z0-9-]+-\d{3}$/.test(check.id)) {
    throw new Error(`check id ${check.id} does not follow PREFIX-NAME-NNN`);
  }
  if (registry.has(check.id)) throw new Error(`duplicate check id ${check.id}`);
  // Current and former ids share one namespace: an id a user writes must name exactly one check.
  for (const id of [check.id, ...(check.formerly ?? [])]) {
    const holder = [...registry.values()].find((c) => c.id === id || c.formerly?.includes(id));
    if (holder) throw new Error(`check ${check.id}: id ${id} is taken by ${holder.id}`);
  }
  registry.set(check.id, check);
  return check;
}

export const allChecks = (): CheckDefinition[] => [...registry.values()];
