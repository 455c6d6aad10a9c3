/**
 * The mutants of models/ that no test can kill, each with the reason it behaves exactly like the
 * original. `npm run mutation` fails on a survivor not listed here, so a new survivor is either
 * killed by a new test or argued for in this file, never silently tolerated.
 *
 * A mutant is matched by file, mutator, replacement and a piece of its original line (not by
 * line number, which moves with every edit above it).
 */
export interface EquivalentMutant {
  file: string;
  mutator: string;
  replacement: string;
  /** a piece of the original source line the mutant sits on */
  line: string;
  why: string;
}

export const equivalentMutants: EquivalentMutant[] = [];
