/**
 * Former check ids (`CheckDefinition.formerly`): the one place that turns an id a user still
 * writes into the check that now has it, and tells them so. --only, --skip and --expect all go
 * through here, so a rename is honoured everywhere for the release that keeps the old id.
 */
import type { CheckDefinition } from '../../suites/api.js';

/** Where deprecation notes go: stderr, one line each, never stdout (which may be a --plan piped on). */
export type Warn = (line: string) => void;
export const toStderr: Warn = (line) => console.error(line);

export const deprecationNote = (where: string, former: string, current: string) =>
  `note: ${where} ${former} is the former id of ${current}; it is accepted for one release, write ${current}`;

/** The check that used to have the id `former`, if any. */
export const renamedTo = (checks: readonly CheckDefinition[], former: string) => checks.find((c) => c.formerly?.includes(former));
