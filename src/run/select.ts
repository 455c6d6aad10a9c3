/** `--only` / `--skip`: comma-separated ids or globs (`LIST-*`) over the catalogue. */
import type { CheckDefinition } from '../../suites/api.js';

export class SelectionError extends Error {}

const globToRegExp = (glob: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

export const splitList = (text: string | undefined) => (text ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');

/** Keeps catalogue order. An --only entry that matches nothing is an error (a typo must not pass silently). */
export function selectChecks(checks: CheckDefinition[], only: string[], skip: string[]): CheckDefinition[] {
  const matches = (patterns: string[], id: string) => patterns.some((p) => globToRegExp(p).test(id));
  for (const p of only) {
    if (!checks.some((c) => globToRegExp(p).test(c.id))) throw new SelectionError(`unknown check id "${p}" in --only`);
  }
  return checks.filter((c) => (only.length === 0 || matches(only, c.id)) && !matches(skip, c.id));
}
