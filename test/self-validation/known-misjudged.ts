/**
 * Variants the suite misjudges at the self-validation profile and seed, each with the reason: a
 * fault no check catches (a missing or too weak check) or a legitimate variant a check rejects
 * (an over-assertion), for the owner of suites/checks/ to fix. The self-validation test asserts
 * these are still misjudged, so the list stays exact: when a check is fixed the test fails until
 * the entry is removed.
 */
export const KNOWN_MISJUDGED: Record<string, string> = {
  'list-timestamps-iso-strings':
    'LIST-CONTRACT-001 validates the output shape of ListTunnels only on the pages its generated inputs ask for, and every generated input carries a fresh thingName that matches no tunnel, so it only ever validates empty pages; LIST-ORDER-001 skips non-number createdAt instead of failing. No check validates a non-empty ListTunnels page against ListTunnelsResponse.',
  'expiry-describe-only':
    'LIFE-EXPIRY-001 and ROTATE-LIFETIME-001 read expiry only through DescribeTunnel; no check lists (or tags) an expired tunnel before describing it, so ListTunnels showing an expired tunnel OPEN is never seen. MODEL-RUN-001 never passes time.',
  'description-pattern-unchecked':
    'ERR-INVALID-001 draws invalid OpenTunnel inputs at random among all breakers; a description pattern break is about 5% of draws, so 5 draws (--profile quick) miss it, and at seed 1 so do 50 (--profile standard). A check that sends every breaker at least once would catch it at any budget.',
  'max-results-range-unchecked':
    'ERR-INVALID-004 sends a broken maxResults together with a made-up nextToken in about 9 of 10 samples (generators/invalid.ts keeps the valid base input\'s random nextToken), and a correct implementation rejects the unknown token anyway, so the rejection says nothing about maxResults; still escaped at --profile standard (seed 1). The fix LIST-CONTRACT-001 got (drop the made-up nextToken) is needed here too.',
  'thing-name-pattern-unchecked':
    'ERR-INVALID-001/004/005 draw 5 invalid inputs each at --profile quick and none breaks thingName (sample size only: --profile standard, seed 1, catches it in all three).',
  'client-mode-enum-unchecked':
    'ERR-INVALID-005 draws invalid RotateTunnelAccessToken inputs at random; a clientMode enum break is about 5% of draws: missed with 5 (quick) and, at seed 1, with 50 (standard).',
  'close-closed-errors-even-with-delete':
    'CLOSE-DELETE-001 (closeFirst=true) accepts that CloseTunnel with delete on a CLOSED tunnel is rejected (UNKNOWN in SERVICE-FACTS) but then still demands DescribeTunnel answer ResourceNotFoundException; a rejected delete rightly leaves the tunnel in place. The check should demand not-found only when the delete succeeded.',
};
