/**
 * Variants the suite misjudges at the self-validation profile and seed, each with the reason: a
 * fault no check catches (a missing or too weak check) or a legitimate variant a check rejects
 * (an over-assertion), for the owner of suites/checks/ to fix. The self-validation test asserts
 * these are still misjudged, so the list stays exact: when a check is fixed the test fails until
 * the entry is removed.
 */
export const KNOWN_MISJUDGED: Record<string, string> = {};

/** The README promises shrunk counterexamples: none the kill matrix reports may be longer, in JSON characters. */
export const COUNTEREXAMPLE_LIMIT = 2000;

/**
 * Variants whose counterexample cannot shrink below COUNTEREXAMPLE_LIMIT, each with the reason
 * (docs/kill-matrix.md prints it). The self-validation test fails on any other longer one.
 */
export const LARGE_COUNTEREXAMPLES: Record<string, string> = {
  'ids-collide-concurrently':
    "its ids come from the clock's second, so another lane's open in the same second can take the id of a check's own tunnel, which the check then reads back changed; that case does not fail again when shrinking re-runs it without the other lane, so the first case stays (OPEN-IDS-001 reports the fault itself with a small case)",
};
