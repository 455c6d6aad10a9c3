/** `--only` / `--skip`: comma-separated ids or globs (`LIST-*`) over the catalogue. */
import type { CheckDefinition } from '../../suites/api.js';
import { deprecationNote, toStderr, type Warn } from './former-ids.js';

export class SelectionError extends Error {}

const globToRegExp = (glob: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

export const splitList = (text: string | undefined) => (text ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');

/**
 * The checks one pattern names: by id, or else by a former id, which is noted on `warn` (so an
 * old --only or --skip keeps working for the release that keeps the old id, and says what to write).
 */
function matching(checks: CheckDefinition[], pattern: string, flag: string, warn: Warn): CheckDefinition[] {
  const glob = globToRegExp(pattern);
  return checks.filter((c) => {
    if (glob.test(c.id)) return true;
    const former = c.formerly?.find((f) => glob.test(f));
    if (former) warn(deprecationNote(flag, former, c.id));
    return former !== undefined;
  });
}

/** Keeps catalogue order. An --only entry that matches nothing is an error (a typo must not pass silently). */
export function selectChecks(checks: CheckDefinition[], only: string[], skip: string[], warn: Warn = toStderr): CheckDefinition[] {
  const picked = new Set<CheckDefinition>();
  for (const p of only) {
    const found = matching(checks, p, '--only', warn);
    if (!found.length) throw new SelectionError(`unknown check id "${p}" in --only`);
    for (const c of found) picked.add(c);
  }
  const skipped = new Set(skip.flatMap((p) => matching(checks, p, '--skip', warn)));
  return checks.filter((c) => (only.length === 0 || picked.has(c)) && !skipped.has(c));
}
