[
  {
    "name": "tunnel-conformance serve over TLS > --tls prints one https line and answers over TLS with a generated certificate for localhost, 127.0.0.1 and ::1",
    "file": "/work/wt-tls/test/models/serve-tls.test.ts"
  },
  {
    "name": "tunnel-conformance serve over TLS > a control-plane call answers over https",
    "file": "/work/wt-tls/test/models/serve-tls.test.ts"
  },
  {
    "name": "tunnel-conformance serve over TLS > --tls-cert and --tls-key > serves the user's own certificate",
    "file": "/work/wt-tls/test/models/serve-tls.test.ts"
  },
  {
    "name": "tunnel-conformance serve over TLS > --tls-cert and --tls-key > refuses one without the other, a missing file and a key of another certificate with exit 2 and one line",
    "file": "/work/wt-tls/test/models/serve-tls.test.ts"
  },
  {
    "name": "the whole catalogue on aws, against the reference > standard: every check within 10 tunnels, while another client churns tunnels of its own",
    "file": "/work/wt-tls/test/run/aws-economy.test.ts"
  },
  {
    "name": "the whole catalogue on aws, against the reference > quick: every check within 5 tunnels",
    "file": "/work/wt-tls/test/run/aws-economy.test.ts"
  },
  {
    "name": "the whole catalogue on aws, against the reference > --max-tunnels below the need: exit 2 within 10 s naming the need, and no call",
    "file": "/work/wt-tls/test/run/aws-economy.test.ts"
  },
  {
    "name": "two runs at once against one target > both pass, each judging time by the target`s own clock while the other moves it",
    "file": "/work/wt-tls/test/run/aws-economy.test.ts"
  },
  {
    "name": "no access token leaks > appears in no report file and no console output, even when the target quotes one back",
    "file": "/work/wt-tls/test/reports/no-token-leak.test.ts"
  },
  {
    "name": "interrupted runs > SIGINT: the checks stop, the opened tunnel is closed, the report says so, exit 2",
    "file": "/work/wt-tls/test/run/interrupt.test.ts"
  },
  {
    "name": "interrupted runs > SIGINT while the limit is set: the run restores it (null) and closes its tunnel",
    "file": "/work/wt-tls/test/run/interrupt.test.ts"
  },
  {
    "name": "interrupted runs > SIGTERM while vitest is still being created: no check runs, the report still says so, exit 2",
    "file": "/work/wt-tls/test/run/interrupt.test.ts"
  },
  {
    "name": "interrupted runs > SIGKILL leaves a tunnel; sweep --report-dir closes it from the ledger",
    "file": "/work/wt-tls/test/run/interrupt.test.ts"
  },
  {
    "name": "interrupted runs > sweep --run-id finds the run`s tunnels by their tag and leaves other tunnels alone",
    "file": "/work/wt-tls/test/run/interrupt.test.ts"
  },
  {
    "name": "deriver input errors: one line, exit 2 > a missing file",
    "file": "/work/wt-tls/test/specs/deriver.test.ts"
  },
  {
    "name": "deriver input errors: one line, exit 2 > a file that is not JSON",
    "file": "/work/wt-tls/test/specs/deriver.test.ts"
  },
  {
    "name": "deriver input errors: one line, exit 2 > JSON that is not a model",
    "file": "/work/wt-tls/test/specs/deriver.test.ts"
  },
  {
    "name": "deriver input errors: one line, exit 2 > a missing --model or unknown flag is a usage error",
    "file": "/work/wt-tls/test/specs/deriver.test.ts"
  },
  {
    "name": "the committed models > iotsecuretunneling-2018-10-05.smithy.json equals the reference copy byte for byte",
    "file": "/work/wt-tls/test/specs/deriver.test.ts"
  },
  {
    "name": "the committed models > botocore-service-2.json equals the reference copy byte for byte",
    "file": "/work/wt-tls/test/specs/deriver.test.ts"
  },
  {
    "name": "against the official model > the committed specs equal a fresh derivation (drift)",
    "file": "/work/wt-tls/test/specs/deriver.test.ts"
  },
  {
    "name": "against the official model > diff of a model with itself is empty",
    "file": "/work/wt-tls/test/specs/deriver.test.ts"
  },
  {
    "name": "against the official model > diff Smithy vs botocore names anchoring, pagination and error codes, and exits 0",
    "file": "/work/wt-tls/test/specs/deriver.test.ts"
  },
  {
    "name": "against the official model > diff reports added/removed operations and changed lengths and required members",
    "file": "/work/wt-tls/test/specs/deriver.test.ts"
  },
  {
    "name": "tunnel-conformance run: could not run (exit 2, one line) > names an unreachable address",
    "file": "/work/wt-tls/test/run/cli.test.ts"
  },
  {
    "name": "tunnel-conformance run: could not run (exit 2, one line) > [\"--profile\",\"slow\"]",
    "file": "/work/wt-tls/test/run/cli.test.ts"
  },
  {
    "name": "tunnel-conformance run: could not run (exit 2, one line) > [\"--bogus\"]",
    "file": "/work/wt-tls/test/run/cli.test.ts"
  },
  {
    "name": "tunnel-conformance run: could not run (exit 2, one line) > [\"--target\",\"http://nowhere\"]",
    "file": "/work/wt-tls/test/run/cli.test.ts"
  },
  {
    "name": "tunnel-conformance run: could not run (exit 2, one line) > [\"--container-port\",\"9000\"]",
    "file": "/work/wt-tls/test/run/cli.test.ts"
  },
  {
    "name": "tunnel-conformance run: could not run (exit 2, one line) > [\"--only\",\"NOPE-NOTHING-001\"]",
    "file": "/work/wt-tls/test/run/cli.test.ts"
  },
  {
    "name": "tunnel-conformance run: could not run (exit 2, one line) > [\"--seed\",\"abc\"]",
    "file": "/work/wt-tls/test/run/cli.test.ts"
  },
  {
    "name": "tunnel-conformance run: could not run (exit 2, one line) > [\"--max-tunnels\",\"0\"]",
    "file": "/work/wt-tls/test/run/cli.test.ts"
  },
  {
    "name": "tunnel-conformance run: could not run (exit 2, one line) > [\"--expect\",\"/nonexistent/expect.yaml\",\"--plan\"]",
    "file": "/work/wt-tls/test/run/cli.test.ts"
  },
  {
    "name": "tunnel-conformance run --plan > prints checks, maximum tunnels and calls and a duration, and sends no request at all",
    "file": "/work/wt-tls/test/run/cli.test.ts"
  },
  {
    "name": "conformanceSuite from tunnel-conformance/vitest > runs the selected checks against the mock as the consumer`s own tests",
    "file": "/work/wt-tls/test/run/vitest-entry.test.ts"
  },
  {
    "name": "conformanceSuite from tunnel-conformance/vitest > fails a check`s test with its replay when a client object breaks the contract, and skips what cannot run",
    "file": "/work/wt-tls/test/run/vitest-entry.test.ts"
  },
  {
    "name": "report.html in headless Chromium > a faulty target's report loads offline and shows the right counts, failures and identity",
    "file": "/work/wt-tls/test/reports/html.browser.test.ts"
  },
  {
    "name": "report.html in headless Chromium > a clean run reads as passed, with no failure section entries",
    "file": "/work/wt-tls/test/reports/html.browser.test.ts"
  },
  {
    "name": "runCheck > tags and journals opened tunnels, also those opened by a direct OpenTunnel call",
    "file": "/work/wt-tls/test/run/context.test.ts"
  },
  {
    "name": "runCheck > skips a check that needs a control the target lacks, with the reason, before it runs",
    "file": "/work/wt-tls/test/run/context.test.ts"
  },
  {
    "name": "runCheck > hands a check the limits control only when the target advertises it",
    "file": "/work/wt-tls/test/run/context.test.ts"
  },
  {
    "name": "runCheck > skips the check once the run`s tunnel budget is spent, without sending the open",
    "file": "/work/wt-tls/test/run/context.test.ts"
  },
  {
    "name": "runCheck > reports a call still throttled after its retries as not judged (skipped), neither a pass nor a 4xx rejection",
    "file": "/work/wt-tls/test/run/context.test.ts"
  },
  {
    "name": "runCheck > turns a property failure into a failure with the check's own counterexample (shrunk), seed and replay command",
    "file": "/work/wt-tls/test/run/context.test.ts"
  },
  {
    "name": "runCheck > keeps a failure found before an interruption that came while shrinking (the interruption only ends the shrinking)",
    "file": "/work/wt-tls/test/run/context.test.ts"
  },
  {
    "name": "runCheck > reports an unexpected exception as a failure and ctx.skip as a skip",
    "file": "/work/wt-tls/test/run/context.test.ts"
  },
  {
    "name": "runCheck > eventually polls until the probe answers, and collects observations",
    "file": "/work/wt-tls/test/run/context.test.ts"
  },
  {
    "name": "runCheck > eventually fails with the check's own message once the window passes, and lets a probe's error through as it is",
    "file": "/work/wt-tls/test/run/context.test.ts"
  },
  {
    "name": "a run against the in-process mock > runs the checks against msw in the worker, shows progress lines, and writes all reports",
    "file": "/work/wt-tls/test/run/run.test.ts"
  },
  {
    "name": "a run against the reference over HTTP > passes, writes report.json, and leaves no tunnel OPEN",
    "file": "/work/wt-tls/test/run/run.test.ts"
  },
  {
    "name": "a run against the reference over HTTP > reports a failure with a replay command that reproduces it (exit 1)",
    "file": "/work/wt-tls/test/run/run.test.ts"
  },
  {
    "name": "a run against the reference over HTTP > turns listed failures into expected failures (exit 0) and reports listed checks that pass",
    "file": "/work/wt-tls/test/run/run.test.ts"
  },
  {
    "name": "a run against the reference over HTTP > refuses a budget below what the selection needs before its first call, naming the number needed",
    "file": "/work/wt-tls/test/run/run.test.ts"
  },
  {
    "name": "a run against the reference over HTTP > a check that runs out of budget mid-run makes the run exit 2 naming it, and what was opened is cleaned up",
    "file": "/work/wt-tls/test/run/run.test.ts"
  },
  {
    "name": "SDK-level implementations > runs the catalogue`s checks against an aws-sdk-client-mock client handed to runConformance",
    "file": "/work/wt-tls/test/run/library.test.ts"
  },
  {
    "name": "SDK-level implementations > fails the check when the client answers a missing tunnel with success",
    "file": "/work/wt-tls/test/run/library.test.ts"
  },
  {
    "name": "SDK-level implementations > is importable by the package name, as docs/usage.md shows",
    "file": "/work/wt-tls/test/run/library.test.ts"
  },
  {
    "name": "SDK-level implementations > loads a module: target`s default export",
    "file": "/work/wt-tls/test/run/library.test.ts"
  },
  {
    "name": "invalid inputs > CloseTunnel: each sample fails ajv for exactly its labelled reason, at its path",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > DescribeTunnel: each sample fails ajv for exactly its labelled reason, at its path",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > ListTagsForResource: each sample fails ajv for exactly its labelled reason, at its path",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > ListTunnels: each sample fails ajv for exactly its labelled reason, at its path",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > OpenTunnel: each sample fails ajv for exactly its labelled reason, at its path",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > RotateTunnelAccessToken: each sample fails ajv for exactly its labelled reason, at its path",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > TagResource: each sample fails ajv for exactly its labelled reason, at its path",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > UntagResource: each sample fails ajv for exactly its labelled reason, at its path",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > CloseTunnel: wrong-type puts a structure where a scalar belongs or the reverse; coercible-type a scalar for a scalar",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > DescribeTunnel: wrong-type puts a structure where a scalar belongs or the reverse; coercible-type a scalar for a scalar",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > ListTagsForResource: wrong-type puts a structure where a scalar belongs or the reverse; coercible-type a scalar for a scalar",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > ListTunnels: wrong-type puts a structure where a scalar belongs or the reverse; coercible-type a scalar for a scalar",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > OpenTunnel: wrong-type puts a structure where a scalar belongs or the reverse; coercible-type a scalar for a scalar",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > RotateTunnelAccessToken: wrong-type puts a structure where a scalar belongs or the reverse; coercible-type a scalar for a scalar",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > TagResource: wrong-type puts a structure where a scalar belongs or the reverse; coercible-type a scalar for a scalar",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > UntagResource: wrong-type puts a structure where a scalar belongs or the reverse; coercible-type a scalar for a scalar",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > reports the reasons each operation can break, from its schema",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "invalid inputs > labels a too-long string as a pattern break where only the quantifier limits length",
    "file": "/work/wt-tls/test/generators/invalid.test.ts"
  },
  {
    "name": "run --target container: without a Docker engine > exits 2 with one line saying how to provide one",
    "file": "/work/wt-tls/test/container/run.test.ts"
  },
  {
    "name": "tunnel-conformance serve > prints one listening line with the real port, serves, and exits 0 on SIGINT",
    "file": "/work/wt-tls/test/models/serve.test.ts"
  },
  {
    "name": "tunnel-conformance serve > prints one listening line with the real port, serves, and exits 0 on SIGTERM",
    "file": "/work/wt-tls/test/models/serve.test.ts"
  },
  {
    "name": "tunnel-conformance serve > refuses a bad port with exit status 2 and a one-line reason",
    "file": "/work/wt-tls/test/models/serve.test.ts"
  },
  {
    "name": "tunnel-conformance serve > exits 2 with a one-line reason when the port is taken",
    "file": "/work/wt-tls/test/models/serve.test.ts"
  },
  {
    "name": "valid inputs > CloseTunnel: every sample validates against its input shape",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "valid inputs > DescribeTunnel: every sample validates against its input shape",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "valid inputs > ListTagsForResource: every sample validates against its input shape",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "valid inputs > ListTunnels: every sample validates against its input shape",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "valid inputs > OpenTunnel: every sample validates against its input shape",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "valid inputs > RotateTunnelAccessToken: every sample validates against its input shape",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "valid inputs > TagResource: every sample validates against its input shape",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "valid inputs > UntagResource: every sample validates against its input shape",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "valid inputs > arbitraryFor compiles every shape of the schema, with and without boundary bias",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "valid inputs > optional members are sometimes present and sometimes absent",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "domain knowledge > tag lists have distinct keys, none with the reserved aws: prefix",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "domain knowledge > tagList honours narrower item bounds",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "domain knowledge > service lists hold 1..3 distinct valid services (SERVICE-FACTS: at most 3 per tunnel)",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "domain knowledge > run-scoped thing names match ThingName and carry the run id",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "domain knowledge > a run id that cannot prefix a ThingName is refused",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "domain knowledge > OpenTunnel thing names are run-scoped when a run id is given",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "domain knowledge > a SOURCE rotation never carries a destinationConfig (SERVICE-FACTS: DOC)",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "command descriptions > cover every operation, with valid inputs that leave the tunnel to the runner",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "command descriptions > CloseTunnel descriptions both close and delete",
    "file": "/work/wt-tls/test/generators/valid.test.ts"
  },
  {
    "name": "the quota checks (LIMIT-*) over HTTP > pass against the reference, and leave its limit restored",
    "file": "/work/wt-tls/test/run/quotas.test.ts"
  },
  {
    "name": "the quota checks (LIMIT-*) over HTTP > skip the limit check with its reason on a target without the control, run the others, exit 0",
    "file": "/work/wt-tls/test/run/quotas.test.ts"
  },
  {
    "name": "aws with another endpoint > --endpoint-url: the real-account run, sent there, asks no control endpoint",
    "file": "/work/wt-tls/test/run/aws-endpoint.test.ts"
  },
  {
    "name": "aws with another endpoint > AWS_ENDPOINT_URL_IOTSECURETUNNELING: the SDK sends the same run there",
    "file": "/work/wt-tls/test/run/aws-endpoint.test.ts"
  },
  {
    "name": "aws with another endpoint > an unreachable --endpoint-url is \"could not run\"",
    "file": "/work/wt-tls/test/run/aws-endpoint.test.ts"
  },
  {
    "name": "aws with another endpoint > sweep reaches the same endpoint, and only through the service",
    "file": "/work/wt-tls/test/run/aws-endpoint.test.ts"
  },
  {
    "name": "--endpoint-url on the command line > is read for aws",
    "file": "/work/wt-tls/test/run/aws-endpoint.test.ts"
  },
  {
    "name": "--endpoint-url on the command line > rejects [\"--target\",\"aws\",\"--endpoint-url\",\"ftp://h:1\"]",
    "file": "/work/wt-tls/test/run/aws-endpoint.test.ts"
  },
  {
    "name": "--endpoint-url on the command line > rejects [\"--target\",\"aws\",\"--endpoint-url\",\"nothing\"]",
    "file": "/work/wt-tls/test/run/aws-endpoint.test.ts"
  },
  {
    "name": "--endpoint-url on the command line > rejects [\"--target\",\"mock\",\"--endpoint-url\",\"http://127.0.0.1:1\"]",
    "file": "/work/wt-tls/test/run/aws-endpoint.test.ts"
  },
  {
    "name": "junit.xml > totals match the summary",
    "file": "/work/wt-tls/test/reports/junit.test.ts"
  },
  {
    "name": "junit.xml > one testcase per check, named id + title, in a suite per first operation",
    "file": "/work/wt-tls/test/reports/junit.test.ts"
  },
  {
    "name": "junit.xml > a failure carries its message, counterexample and replay command",
    "file": "/work/wt-tls/test/reports/junit.test.ts"
  },
  {
    "name": "junit.xml > skips carry their reason; expected failures pass with a note",
    "file": "/work/wt-tls/test/reports/junit.test.ts"
  },
  {
    "name": "junit.xml > every suite names the seed, target and model",
    "file": "/work/wt-tls/test/reports/junit.test.ts"
  },
  {
    "name": "junit.xml > hostile text stays well-formed XML 1.0 and reads back as written (forbidden characters made visible)",
    "file": "/work/wt-tls/test/reports/junit.test.ts"
  },
  {
    "name": "junit.xml > the fixture's control characters are visible, not dropped",
    "file": "/work/wt-tls/test/reports/junit.test.ts"
  },
  {
    "name": "diffReports > sorts every change into its kind, keyed by id, not position",
    "file": "/work/wt-tls/test/reports/diff.test.ts"
  },
  {
    "name": "diffReports > a check renamed between the runs is paired through its former id, whichever report lists it",
    "file": "/work/wt-tls/test/reports/diff.test.ts"
  },
  {
    "name": "diffReports > a report compared with itself, reordered, has no change",
    "file": "/work/wt-tls/test/reports/diff.test.ts"
  },
  {
    "name": "diffReports > the text names each change and keeps control characters off the terminal",
    "file": "/work/wt-tls/test/reports/diff.test.ts"
  },
  {
    "name": "diffReports > answers keyed by case show only the cases that differ",
    "file": "/work/wt-tls/test/reports/diff.test.ts"
  },
  {
    "name": "tunnel-conformance report > exit 1 when a check newly fails, 0 when only fixes, and never prints a token",
    "file": "/work/wt-tls/test/reports/diff.test.ts"
  },
  {
    "name": "tunnel-conformance report > exit 2 with one line on a missing file",
    "file": "/work/wt-tls/test/reports/diff.test.ts"
  },
  {
    "name": "tunnel-conformance report > exit 2 with one line on one file",
    "file": "/work/wt-tls/test/reports/diff.test.ts"
  },
  {
    "name": "tunnel-conformance report > exit 2 with one line on no subcommand",
    "file": "/work/wt-tls/test/reports/diff.test.ts"
  },
  {
    "name": "tunnel-conformance report > exit 2 with one line on an unknown subcommand",
    "file": "/work/wt-tls/test/reports/diff.test.ts"
  },
  {
    "name": "tunnel-conformance report > exit 2 with one line on an unknown flag",
    "file": "/work/wt-tls/test/reports/diff.test.ts"
  },
  {
    "name": "tunnel-conformance report > exit 2 on a file that is not JSON or not a report",
    "file": "/work/wt-tls/test/reports/diff.test.ts"
  },
  {
    "name": "tunnel-conformance report > the installed binary exits with the diff verdict",
    "file": "/work/wt-tls/test/reports/diff.test.ts"
  },
  {
    "name": "report.html (as text) > is self-contained: no script, no external resource, a CSP that forbids loading any",
    "file": "/work/wt-tls/test/reports/html.test.ts"
  },
  {
    "name": "report.html (as text) > says how many tunnels each check opened, and the run`s total",
    "file": "/work/wt-tls/test/reports/html.test.ts"
  },
  {
    "name": "report.html (as text) > escapes what the target returned",
    "file": "/work/wt-tls/test/reports/html.test.ts"
  },
  {
    "name": "report.html (as text) > no title, reason, message or counterexample can inject markup",
    "file": "/work/wt-tls/test/reports/html.test.ts"
  },
  {
    "name": "boundary hit rates > descriptions: at least 5% at the maximum length, 5% at the minimum, never a \\p{C} character",
    "file": "/work/wt-tls/test/generators/boundaries.test.ts"
  },
  {
    "name": "boundary hit rates > descriptions reach letters, marks, symbols and separators beyond ASCII, and astral characters",
    "file": "/work/wt-tls/test/generators/boundaries.test.ts"
  },
  {
    "name": "boundary hit rates > tag lists: some at 200 items, some at 1, some empty values, keys at 128 code points made of astral letters",
    "file": "/work/wt-tls/test/generators/boundaries.test.ts"
  },
  {
    "name": "boundary hit rates > tag keys reach Unicode letters, separators and digits beyond ASCII (\\p{L}, \\p{Z}, \\p{N})",
    "file": "/work/wt-tls/test/generators/boundaries.test.ts"
  },
  {
    "name": "boundary hit rates > thing names: colons and dashes in the generated part, and names at the maximum length",
    "file": "/work/wt-tls/test/generators/boundaries.test.ts"
  },
  {
    "name": "boundary hit rates > MaxResults: min, min+1, max-1 and max are each drawn in at least 1 of 20 draws",
    "file": "/work/wt-tls/test/generators/boundaries.test.ts"
  },
  {
    "name": "boundary hit rates > TimeoutInMin: min, min+1, max-1 and max are each drawn in at least 1 of 20 draws",
    "file": "/work/wt-tls/test/generators/boundaries.test.ts"
  },
  {
    "name": "boundary hit rates > without boundary bias lengths are uniform: the maximum is rare",
    "file": "/work/wt-tls/test/generators/boundaries.test.ts"
  },
  {
    "name": "handshake > admits a matching token and mode with 101, echoing the newest subprotocol offered",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "handshake > takes the token from the awsiot-tunnel-token cookie",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "handshake > refuses a path other than /tunnel with a 4xx and connects nothing",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "handshake > refuses no local-proxy-mode with a 4xx and connects nothing",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "handshake > refuses an unknown local-proxy-mode with a 4xx and connects nothing",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "handshake > refuses the mode of the other side with a 4xx and connects nothing",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "handshake > refuses no token with a 4xx and connects nothing",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "handshake > refuses a token both in the header and the cookie with a 4xx and connects nothing",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "handshake > refuses an unknown token with a 4xx and connects nothing",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "handshake > refuses no subprotocol it speaks with a 4xx and connects nothing",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "handshake > refuses a malformed client-token with a 4xx and connects nothing",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "handshake > admits a token once; a client-token lets the same token and client-token reconnect, nothing else",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "handshake > refuses a rotated-away token, admits the new one, and drops the rotated side live connection",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "handshake > refuses on a CLOSED tunnel",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "relay > sends SERVICE_IDS with the tunnel services on V2 and V3, nothing on V1",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "relay > relays tunnel frames byte-exact both ways, regrouping a split frame and coalesced ones",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "relay > closes the connection that sends a text frame, forwarding nothing of it",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "relay > closes the connection that sends SERVICE_IDS from a client, forwarding nothing of it",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "relay > closes the connection that sends STREAM_START from the destination, forwarding nothing of it",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "relay > closes the connection that sends a serviceId the tunnel lacks, forwarding nothing of it",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "relay > closes the connection that sends a payload over 63 KiB, forwarding nothing of it",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "relay > closes the connection that sends a WebSocket frame over 131076 bytes, forwarding nothing of it",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "relay > a new connection of a side replaces the old one",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "connection state and the end of a tunnel > flips each side to CONNECTED and back to DISCONNECTED, with a new lastUpdatedAt each time",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "connection state and the end of a tunnel > CloseTunnel closes both sockets promptly",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "connection state and the end of a tunnel > CloseTunnel with delete closes both sockets promptly",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "connection state and the end of a tunnel > expiry through the clock control closes both sockets promptly",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "connection state and the end of a tunnel > shows both sides DISCONNECTED after CloseTunnel",
    "file": "/work/wt-tls/test/models/dataplane.test.ts"
  },
  {
    "name": "replay and shrinking > the same seed gives the same samples (the per-string PRNG is seeded from fast-check)",
    "file": "/work/wt-tls/test/generators/shrink.test.ts"
  },
  {
    "name": "replay and shrinking > a failing string shrinks to a short one made of simple characters",
    "file": "/work/wt-tls/test/generators/shrink.test.ts"
  },
  {
    "name": "replay and shrinking > a failing input shrinks towards fewer members",
    "file": "/work/wt-tls/test/generators/shrink.test.ts"
  },
  {
    "name": "check catalogue > docs/checks.md is the table generated from the definitions",
    "file": "/work/wt-tls/test/suites/catalogue.test.ts"
  },
  {
    "name": "check catalogue > every check has a stable id, a level, a source and known operations",
    "file": "/work/wt-tls/test/suites/catalogue.test.ts"
  },
  {
    "name": "check catalogue > no check id depends on a list position: ERR-INVALID ids name their operation, and former ids are unique and unused",
    "file": "/work/wt-tls/test/suites/catalogue.test.ts"
  },
  {
    "name": "check catalogue > keeps the positional ERR-INVALID ids of 0.1.0 as former ids, each on the check it named then",
    "file": "/work/wt-tls/test/suites/catalogue.test.ts"
  },
  {
    "name": "check catalogue > refuses an id, current or former, that another check already holds as its former id, so an old id names one check",
    "file": "/work/wt-tls/test/suites/catalogue.test.ts"
  },
  {
    "name": "check catalogue > covers all 8 operations with a contract check and an invalid-input check",
    "file": "/work/wt-tls/test/suites/catalogue.test.ts"
  },
  {
    "name": "variant catalogue > has at least 30 faults and 10 legitimate variants, names unique and kebab-case",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > every variant but the reference changes something, and says which source it breaks or uses",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > list-oldest-first is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > list-page-over-max is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > list-loses-boundary-item is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > list-repeats-boundary-item is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > list-filter-lost-on-later-pages is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > list-cycling-token is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > list-ignores-thing-filter is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > list-hides-closed is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > list-timestamps-iso-strings is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > rotate-extends-lifetime is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > rotate-returns-old-token is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > rotate-source-returns-both is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > rotate-reopens-closed is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > rotate-source-with-destination-accepted is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > not-found-wrong-type is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > errors-with-200 is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > tag-ops-ignore-missing is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > close-not-closing is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > delete-ignored is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > closed-gone-after-an-hour is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > description-pattern-unchecked is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > max-results-range-unchecked is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > tag-key-pattern-unchecked is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > tag-list-max-unchecked is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > thing-name-pattern-unchecked is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > client-mode-enum-unchecked is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > rejected-open-still-creates is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > rejected-tag-still-applied is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > unicode-tags-rejected is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > unicode-description-rejected is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > open-tags-lost is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > tag-keys-case-folded is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > tag-values-truncated is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > tags-limited-to-50 is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > untag-removes-all is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > tag-insert-only is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > timestamps-milliseconds is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > status-lowercase is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > new-tunnel-connected is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > destination-config-dropped is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > description-truncated is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > ids-collide-concurrently is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > tokens-reused-across-tunnels is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > expiry-ignored is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > expiry-describe-only is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > lifetime-in-seconds is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > default-lifetime-60 is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > timeout-config-ignored is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > limit-ignored is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > limit-refused-but-created is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > limit-wrong-code is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > fourth-service-dropped is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > reference is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > not-found-400 is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > other-id-and-token-formats is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > arn-tunnel-service is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > short-pages is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > default-page-size-10 is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > optional-members-omitted is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > extra-members is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > second-precision-timestamps is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > throttles-every-7th is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > list-lags-writes is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > validation-invalid-request is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > close-closed-errors is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > close-closed-errors-even-with-delete is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > rotate-closed-errors is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > tag-closed-errors is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > tags-listed-in-reverse is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > limit-counts-closed is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > fourth-service-validation-error is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > coercing-deserializer is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > rotate-keeps-destination is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > clock-days-ahead is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > other-users is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "variant catalogue > tag-quota-50 is served on loopback and opens and describes a tunnel",
    "file": "/work/wt-tls/test/self-validation/variants.test.ts"
  },
  {
    "name": "TunnelService lifecycle > opens a tunnel OPEN, both sides DISCONNECTED, with the documented ARN and the default lifetime echoed",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService lifecycle > writes timestamps as epoch seconds with the milliseconds as a fraction",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService lifecycle > closes on CloseTunnel, stays describable and listable, and never reopens",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService lifecycle > expires at maxLifetimeTimeoutMinutes, evaluated on the next read, as of the expiry instant",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService lifecycle > omits the optional members a tunnel was opened without, in DescribeTunnel and ListTunnels alike",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService lifecycle > deletes with delete: true, after which every operation on it is ResourceNotFoundException (404)",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService lifecycle > counts only OPEN tunnels against maxOpenTunnels (LimitExceededException, 403)",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService lifecycle > limitOpenTunnels overrides the default limit, 0 included, and null restores it",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService lifecycle > refuses a 4th service with LimitExceededException (403) and changes nothing, on OpenTunnel and on rotation",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService token rotation > SOURCE revokes and replaces exactly its own tokens and never moves expiry",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService token rotation > DESTINATION revokes and replaces exactly its own tokens and never moves expiry",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService token rotation > ALL revokes and replaces exactly its own tokens and never moves expiry",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService token rotation > admits no token of a CLOSED, expired or unknown tunnel",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService token rotation > rejects DestinationConfig with SOURCE as ValidationException and changes nothing",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService token rotation > replaces the destination configuration given with DESTINATION",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService tags > upserts, treats keys case-sensitively, ignores untagging an absent key, and omits an empty list",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService tags > allows at most 200 tags per resource and a rejected TagResource changes nothing",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService tags > answers ResourceNotFoundException for an ARN it never issued",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService ListTunnels > lists newest first, equal createdAt by id descending, and filters by thingName",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService ListTunnels > orders tunnels opened in the same millisecond by id, descending, whatever order the ids were issued in (property)",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService ListTunnels > pages through tunnels opened in the same millisecond exactly once, ordered by id (the model's tie rule)",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService ListTunnels > pages by 100 when maxResults is not given",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService ListTunnels > rejects a nextToken it did not issue with ValidationException",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService ListTunnels > walks every tunnel exactly once, in order, even when tunnels are opened between pages (property)",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService validation > rejects a constraint violation with a message naming the member and the constraint",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService validation > answers a value of the wrong JSON type with SerializationException",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "TunnelService validation > changes nothing when any part of an OpenTunnel is invalid",
    "file": "/work/wt-tls/test/models/service.test.ts"
  },
  {
    "name": "--only and --skip with a former id > select the renamed check and note the new id",
    "file": "/work/wt-tls/test/run/former-ids.test.ts"
  },
  {
    "name": "--only and --skip with a former id > a glob over former ids reaches each renamed check; a glob that matches a current id needs no note",
    "file": "/work/wt-tls/test/run/former-ids.test.ts"
  },
  {
    "name": "--only and --skip with a former id > an id that is neither current nor former is still an error",
    "file": "/work/wt-tls/test/run/former-ids.test.ts"
  },
  {
    "name": "--expect with a former id > moves the entry to the current id with a note, and leaves current and unknown ids alone",
    "file": "/work/wt-tls/test/run/former-ids.test.ts"
  },
  {
    "name": "the real catalogue > --plan accepts the positional ERR-INVALID ids in --only and --expect, noting each on stderr",
    "file": "/work/wt-tls/test/run/former-ids.test.ts"
  },
  {
    "name": "pattern family > reads anchored character-class repetitions",
    "file": "/work/wt-tls/test/generators/charset.test.ts"
  },
  {
    "name": "pattern family > refuses ^(?!aws:)[a-z]+$ with a clear error",
    "file": "/work/wt-tls/test/generators/charset.test.ts"
  },
  {
    "name": "pattern family > refuses ^[a-z]+ with a clear error",
    "file": "/work/wt-tls/test/generators/charset.test.ts"
  },
  {
    "name": "pattern family > refuses [a-z]+$ with a clear error",
    "file": "/work/wt-tls/test/generators/charset.test.ts"
  },
  {
    "name": "pattern family > refuses ^[a-z]+|[0-9]+$ with a clear error",
    "file": "/work/wt-tls/test/generators/charset.test.ts"
  },
  {
    "name": "pattern family > refuses ^([a-z]+$ with a clear error",
    "file": "/work/wt-tls/test/generators/charset.test.ts"
  },
  {
    "name": "pattern family > refuses ^[a-z][0-9]$ with a clear error",
    "file": "/work/wt-tls/test/generators/charset.test.ts"
  },
  {
    "name": "pattern family > refuses ^[a-z]{5,2}$ with a clear error",
    "file": "/work/wt-tls/test/generators/charset.test.ts"
  },
  {
    "name": "pattern family > refuses ^[\\p{Nope}]+$ with a clear error",
    "file": "/work/wt-tls/test/generators/charset.test.ts"
  },
  {
    "name": "code-point sets > [^\\p{C}] has letters from every plane and no C character",
    "file": "/work/wt-tls/test/generators/charset.test.ts"
  },
  {
    "name": "code-point sets > membership and its complement partition the scalar values, surrogates excluded",
    "file": "/work/wt-tls/test/generators/charset.test.ts"
  },
  {
    "name": "code-point sets > an empty class is refused",
    "file": "/work/wt-tls/test/generators/charset.test.ts"
  },
  {
    "name": "sdkTarget over the wire > returns the body exactly as sent, timestamps as numbers, and sends the awsJson target header",
    "file": "/work/wt-tls/test/targets/sdk.test.ts"
  },
  {
    "name": "sdkTarget over the wire > shows a 2xx reply the SDK cannot parse as a success with the raw output",
    "file": "/work/wt-tls/test/targets/sdk.test.ts"
  },
  {
    "name": "sdkTarget over the wire > reads the error code from x-amzn-errortype, stripping prefix# and :suffix",
    "file": "/work/wt-tls/test/targets/sdk.test.ts"
  },
  {
    "name": "sdkTarget over the wire > reads the error code from __type when there is no header",
    "file": "/work/wt-tls/test/targets/sdk.test.ts"
  },
  {
    "name": "sdkTarget over the wire > retries throttling and 5xx, counts the retries, and never reports them as the result",
    "file": "/work/wt-tls/test/targets/sdk.test.ts"
  },
  {
    "name": "sdkTarget over the wire > gives up after the policy`s attempts and returns the last reply",
    "file": "/work/wt-tls/test/targets/sdk.test.ts"
  },
  {
    "name": "sdkTarget over the wire > reports a refused connection as NetworkError without a status",
    "file": "/work/wt-tls/test/targets/sdk.test.ts"
  },
  {
    "name": "sdkTarget over the wire > discovers capabilities once, all false on 404",
    "file": "/work/wt-tls/test/targets/sdk.test.ts"
  },
  {
    "name": "sdkTarget over the wire > reads capabilities and advances the clock through the control endpoints",
    "file": "/work/wt-tls/test/targets/sdk.test.ts"
  },
  {
    "name": "sdkTarget over the wire > reads the limits capability and sets and restores the limit through the control endpoint",
    "file": "/work/wt-tls/test/targets/sdk.test.ts"
  },
  {
    "name": "sdkTarget over the wire > calls a target answering LimitExceededException with 403 once, and returns it",
    "file": "/work/wt-tls/test/targets/sdk.test.ts"
  },
  {
    "name": "sdkTarget over the wire > calls a target answering LimitExceededException with 400 once, and returns it",
    "file": "/work/wt-tls/test/targets/sdk.test.ts"
  },
  {
    "name": "sdkTarget over the wire > calls a target answering LimitExceededException with 503 once, and returns it",
    "file": "/work/wt-tls/test/targets/sdk.test.ts"
  },
  {
    "name": "sdkTarget over the wire > calls a target answering LimitExceededException with 429 once, and returns it",
    "file": "/work/wt-tls/test/targets/sdk.test.ts"
  },
  {
    "name": "AWS SDK v3 client against the reference over msw (in process) > OpenTunnel, DescribeTunnel and CloseTunnel round-trip a tunnel",
    "file": "/work/wt-tls/test/models/sdk-msw.test.ts"
  },
  {
    "name": "AWS SDK v3 client against the reference over msw (in process) > ListTunnels pages newest first through the SDK's own paginator",
    "file": "/work/wt-tls/test/models/sdk-msw.test.ts"
  },
  {
    "name": "AWS SDK v3 client against the reference over msw (in process) > RotateTunnelAccessToken with SOURCE returns only the source token",
    "file": "/work/wt-tls/test/models/sdk-msw.test.ts"
  },
  {
    "name": "AWS SDK v3 client against the reference over msw (in process) > TagResource, UntagResource and ListTagsForResource",
    "file": "/work/wt-tls/test/models/sdk-msw.test.ts"
  },
  {
    "name": "AWS SDK v3 client against the reference over msw (in process) > LimitExceededException (403) past the open-tunnel quota",
    "file": "/work/wt-tls/test/models/sdk-msw.test.ts"
  },
  {
    "name": "AWS SDK v3 client against the reference over msw (in process) > ResourceNotFoundException (404) for an unknown tunnel and an unknown ARN",
    "file": "/work/wt-tls/test/models/sdk-msw.test.ts"
  },
  {
    "name": "AWS SDK v3 client against the reference over msw (in process) > a constraint violation reaches the SDK as a ValidationException naming the member",
    "file": "/work/wt-tls/test/models/sdk-msw.test.ts"
  },
  {
    "name": "redact > the sensitive members are derived from the schema: both access tokens, nothing else of the tunnel",
    "file": "/work/wt-tls/test/reports/redact.test.ts"
  },
  {
    "name": "redact > no token survives, wherever it sits in the value",
    "file": "/work/wt-tls/test/reports/redact.test.ts"
  },
  {
    "name": "redact > a value without sensitive members comes back equal and the input is never mutated",
    "file": "/work/wt-tls/test/reports/redact.test.ts"
  },
  {
    "name": "redact > a token quoted elsewhere (a message, a replayed input) is scrubbed too",
    "file": "/work/wt-tls/test/reports/redact.test.ts"
  },
  {
    "name": "redact > a short token is redacted under its member but does not shred other text",
    "file": "/work/wt-tls/test/reports/redact.test.ts"
  },
  {
    "name": "redact > dates pass through; class instances are searched too; a cycle is cut, not followed",
    "file": "/work/wt-tls/test/reports/redact.test.ts"
  },
  {
    "name": "redact > writeReports applies it: no written file holds the token of the faulty report",
    "file": "/work/wt-tls/test/reports/redact.test.ts"
  },
  {
    "name": "reference over node:http > listens on the real port when asked for port 0",
    "file": "/work/wt-tls/test/models/server.test.ts"
  },
  {
    "name": "reference over node:http > refuses a 2 MiB body with 413, by its content-length",
    "file": "/work/wt-tls/test/models/server.test.ts"
  },
  {
    "name": "reference over node:http > refuses an oversized content-length before any of the body is sent, and closes the connection",
    "file": "/work/wt-tls/test/models/server.test.ts"
  },
  {
    "name": "reference over node:http > refuses a 2 MiB chunked body with 413, by counting while it streams",
    "file": "/work/wt-tls/test/models/server.test.ts"
  },
  {
    "name": "reference over node:http > refuses a chunked body whose last chunk crosses the limit, once, and keeps serving",
    "file": "/work/wt-tls/test/models/server.test.ts"
  },
  {
    "name": "reference over node:http > accepts a body of exactly the limit (by its content-length)",
    "file": "/work/wt-tls/test/models/server.test.ts"
  },
  {
    "name": "reference over node:http > accepts a body of exactly the limit (chunked)",
    "file": "/work/wt-tls/test/models/server.test.ts"
  },
  {
    "name": "reference over node:http > answers malformed JSON with SerializationException and an unknown target with UnknownOperationException",
    "file": "/work/wt-tls/test/models/server.test.ts"
  },
  {
    "name": "startServer > listens on 127.0.0.1 unless asked otherwise",
    "file": "/work/wt-tls/test/models/server.test.ts"
  },
  {
    "name": "startServer > listens on ::1 with a bracketed url (skipped where ::1 cannot be bound)",
    "file": "/work/wt-tls/test/models/server.test.ts"
  },
  {
    "name": "startServer > rejects with the listen error when the port is taken",
    "file": "/work/wt-tls/test/models/server.test.ts"
  },
  {
    "name": "startServer > stops accepting connections once closed",
    "file": "/work/wt-tls/test/models/server.test.ts"
  },
  {
    "name": "legitimate variants of issue 15 > coercing-deserializer coerces a numeric string and a fraction, and still refuses a list for a string",
    "file": "/work/wt-tls/test/self-validation/legitimate-freedoms.test.ts"
  },
  {
    "name": "legitimate variants of issue 15 > rotate-keeps-destination keeps the thingName the tunnel was opened with",
    "file": "/work/wt-tls/test/self-validation/legitimate-freedoms.test.ts"
  },
  {
    "name": "legitimate variants of issue 15 > clock-days-ahead reads days ahead of the wall clock, and so are its timestamps",
    "file": "/work/wt-tls/test/self-validation/legitimate-freedoms.test.ts"
  },
  {
    "name": "legitimate variants of issue 15 > other-users has tunnels before the run, and they change while it goes on",
    "file": "/work/wt-tls/test/self-validation/legitimate-freedoms.test.ts"
  },
  {
    "name": "AWS SDK v3 client against the reference over node:http (127.0.0.1) > OpenTunnel, DescribeTunnel and CloseTunnel round-trip a tunnel",
    "file": "/work/wt-tls/test/models/sdk-http.test.ts"
  },
  {
    "name": "AWS SDK v3 client against the reference over node:http (127.0.0.1) > ListTunnels pages newest first through the SDK's own paginator",
    "file": "/work/wt-tls/test/models/sdk-http.test.ts"
  },
  {
    "name": "AWS SDK v3 client against the reference over node:http (127.0.0.1) > RotateTunnelAccessToken with SOURCE returns only the source token",
    "file": "/work/wt-tls/test/models/sdk-http.test.ts"
  },
  {
    "name": "AWS SDK v3 client against the reference over node:http (127.0.0.1) > TagResource, UntagResource and ListTagsForResource",
    "file": "/work/wt-tls/test/models/sdk-http.test.ts"
  },
  {
    "name": "AWS SDK v3 client against the reference over node:http (127.0.0.1) > LimitExceededException (403) past the open-tunnel quota",
    "file": "/work/wt-tls/test/models/sdk-http.test.ts"
  },
  {
    "name": "AWS SDK v3 client against the reference over node:http (127.0.0.1) > ResourceNotFoundException (404) for an unknown tunnel and an unknown ARN",
    "file": "/work/wt-tls/test/models/sdk-http.test.ts"
  },
  {
    "name": "AWS SDK v3 client against the reference over node:http (127.0.0.1) > a constraint violation reaches the SDK as a ValidationException naming the member",
    "file": "/work/wt-tls/test/models/sdk-http.test.ts"
  },
  {
    "name": "derived schema > compiles every $defs entry with strict Ajv2020",
    "file": "/work/wt-tls/test/specs/schemas.test.ts"
  },
  {
    "name": "derived schema > carries the model ranges: MaxResults 1..100, TimeoutInMin 1..720",
    "file": "/work/wt-tls/test/specs/schemas.test.ts"
  },
  {
    "name": "derived schema > keeps patterns as written, anchors included",
    "file": "/work/wt-tls/test/specs/schemas.test.ts"
  },
  {
    "name": "derived schema > validates Unicode classes with the u flag",
    "file": "/work/wt-tls/test/specs/schemas.test.ts"
  },
  {
    "name": "derived schema > rejects a tunnelId with a space and accepts the id alphabet",
    "file": "/work/wt-tls/test/specs/schemas.test.ts"
  },
  {
    "name": "derived schema > states required members, list lengths and enums",
    "file": "/work/wt-tls/test/specs/schemas.test.ts"
  },
  {
    "name": "derived schema > types timestamps as epoch seconds and marks tokens sensitive",
    "file": "/work/wt-tls/test/specs/schemas.test.ts"
  },
  {
    "name": "derived schema > indexes the 8 operations with targets, errors and pagination",
    "file": "/work/wt-tls/test/specs/schemas.test.ts"
  },
  {
    "name": "client bridge > answers with wire JSON (Date → epoch seconds) over a loopback socket",
    "file": "/work/wt-tls/test/targets/client.test.ts"
  },
  {
    "name": "client bridge > passes errors on with their name as the code and their status",
    "file": "/work/wt-tls/test/targets/client.test.ts"
  },
  {
    "name": "client bridge > passes LimitExceededException on as itself, with its 4xx, after one call of the client",
    "file": "/work/wt-tls/test/targets/client.test.ts"
  },
  {
    "name": "client bridge > calls the client directly in the calling process",
    "file": "/work/wt-tls/test/targets/client.test.ts"
  },
  {
    "name": "writeReports > writes the three files into a new directory and report.json is the valid report",
    "file": "/work/wt-tls/test/reports/write.test.ts"
  },
  {
    "name": "writeReports > a counterexample JSON cannot hold (bigint, cycle, Map) is written with stand-ins instead of failing the run",
    "file": "/work/wt-tls/test/reports/write.test.ts"
  },
  {
    "name": "report.schema.json and the Report type > the faulty-target fixture and a clean report are valid",
    "file": "/work/wt-tls/test/reports/schema.test.ts"
  },
  {
    "name": "report.schema.json and the Report type > the faulty fixture uses every field the schema declares, so the type and the schema describe the same value",
    "file": "/work/wt-tls/test/reports/schema.test.ts"
  },
  {
    "name": "report.schema.json and the Report type > enums follow the specs and the TypeScript unions",
    "file": "/work/wt-tls/test/reports/schema.test.ts"
  },
  {
    "name": "report.schema.json and the Report type > rejects a failed check without failure, naming the place",
    "file": "/work/wt-tls/test/reports/schema.test.ts"
  },
  {
    "name": "report.schema.json and the Report type > rejects a skipped check without reason, naming the place",
    "file": "/work/wt-tls/test/reports/schema.test.ts"
  },
  {
    "name": "report.schema.json and the Report type > rejects an unknown status, naming the place",
    "file": "/work/wt-tls/test/reports/schema.test.ts"
  },
  {
    "name": "report.schema.json and the Report type > rejects an unknown operation, naming the place",
    "file": "/work/wt-tls/test/reports/schema.test.ts"
  },
  {
    "name": "report.schema.json and the Report type > rejects an unknown top-level field, naming the place",
    "file": "/work/wt-tls/test/reports/schema.test.ts"
  },
  {
    "name": "report.schema.json and the Report type > rejects a model hash that is not sha256, naming the place",
    "file": "/work/wt-tls/test/reports/schema.test.ts"
  },
  {
    "name": "report.schema.json and the Report type > rejects a leaked entry that is not an id, naming the place",
    "file": "/work/wt-tls/test/reports/schema.test.ts"
  },
  {
    "name": "report.schema.json and the Report type > rejects a startedAt that is not a date-time, naming the place",
    "file": "/work/wt-tls/test/reports/schema.test.ts"
  },
  {
    "name": "report.schema.json and the Report type > rejects a summary that does not tally the checks, naming the place",
    "file": "/work/wt-tls/test/reports/schema.test.ts"
  },
  {
    "name": "report.schema.json and the Report type > rejects a target kind outside the contract, naming the place",
    "file": "/work/wt-tls/test/reports/schema.test.ts"
  },
  {
    "name": "report.schema.json and the Report type > writeReports refuses an invalid report and writes nothing",
    "file": "/work/wt-tls/test/reports/schema.test.ts"
  },
  {
    "name": "reference wire handler (AWS JSON 1.1) > dispatches on X-Amz-Target and answers JSON 1.1 with a request id",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference wire handler (AWS JSON 1.1) > answers an unknown or missing target with UnknownOperationException 400, naming what it got",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference wire handler (AWS JSON 1.1) > answers anything but POST / with UnknownOperationException 404, whatever its target",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference wire handler (AWS JSON 1.1) > answers malformed JSON and a non-object body with SerializationException 400",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference wire handler (AWS JSON 1.1) > reads an empty or blank body as {}",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference wire handler (AWS JSON 1.1) > answers a constraint violation with a ValidationException that names the member",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference wire handler (AWS JSON 1.1) > answers a service that throws with InternalFailure 500 instead of failing the transport",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference wire handler (AWS JSON 1.1) > answers a missing tunnel with ResourceNotFoundException at the modelled 404",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference target control (CONTRACT.md) > offers the clock, reset and limits, in plain JSON",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference target control (CONTRACT.md) > offers no control endpoint when the target has none (CONTRACT: they are optional)",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference target control (CONTRACT.md) > advancing the clock an hour closes a 30-minute tunnel",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference target control (CONTRACT.md) > refuses a clock request without a finite, non-negative advanceSeconds, and accepts 0",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference target control (CONTRACT.md) > sets the open-tunnel limit and echoes it; null restores no limit",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference target control (CONTRACT.md) > refuses a limits request without a non-negative integer or null, and changes nothing",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference target control (CONTRACT.md) > reset restores the default limit",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference target control (CONTRACT.md) > reset forgets every tunnel and rebuilds the same service variant",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "reference target control (CONTRACT.md) > answers an unknown control path, or a known one with the wrong method, with 404 and no effect",
    "file": "/work/wt-tls/test/models/wire.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > has a row for every derived operation and no other",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > CloseTunnel: the member that names the tunnel is a required TunnelId or AmazonResourceName, and the only one",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > DescribeTunnel: the member that names the tunnel is a required TunnelId or AmazonResourceName, and the only one",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > ListTagsForResource: the member that names the tunnel is a required TunnelId or AmazonResourceName, and the only one",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > ListTunnels: the member that names the tunnel is a required TunnelId or AmazonResourceName, and the only one",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > OpenTunnel: the member that names the tunnel is a required TunnelId or AmazonResourceName, and the only one",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > RotateTunnelAccessToken: the member that names the tunnel is a required TunnelId or AmazonResourceName, and the only one",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > TagResource: the member that names the tunnel is a required TunnelId or AmazonResourceName, and the only one",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > UntagResource: the member that names the tunnel is a required TunnelId or AmazonResourceName, and the only one",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > CloseTunnel: a scoping member is an input member, and changes or unknowns need a named tunnel",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > DescribeTunnel: a scoping member is an input member, and changes or unknowns need a named tunnel",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > ListTagsForResource: a scoping member is an input member, and changes or unknowns need a named tunnel",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > ListTunnels: a scoping member is an input member, and changes or unknowns need a named tunnel",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > OpenTunnel: a scoping member is an input member, and changes or unknowns need a named tunnel",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > RotateTunnelAccessToken: a scoping member is an input member, and changes or unknowns need a named tunnel",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > TagResource: a scoping member is an input member, and changes or unknowns need a named tunnel",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > UntagResource: a scoping member is an input member, and changes or unknowns need a named tunnel",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "operation facts agree with the derived specs > the derived index gives each operation its X-Amz-Target and SDK command",
    "file": "/work/wt-tls/test/specs/facts.test.ts"
  },
  {
    "name": "violation messages > minLength",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "violation messages > maxLength",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "violation messages > minItems",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "violation messages > maxItems",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "violation messages > minimum",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "violation messages > maximum",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "violation messages > pattern",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "violation messages > enum",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "violation messages > required",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "violation messages > nested path",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "violation messages > counts several violations in the plural",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "violation messages > a value of the wrong JSON type is a SerializationException naming the member, or the body",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "violation messages > a member path keeps escaped JSON-pointer characters readable",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "violation messages > a keyword without AWS wording (none in the derived schema today) falls back to ajv's own message",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "violation messages > nothing to report is undefined",
    "file": "/work/wt-tls/test/models/violations.test.ts"
  },
  {
    "name": "the mock driver > parses and prints its own --target texts, and no other",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the mock driver > states every policy",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the http driver > parses and prints its own --target texts, and no other",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the http driver > states every policy",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the aws driver > parses and prints its own --target texts, and no other",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the aws driver > states every policy",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the aws driver > refuses --endpoint-url beside any other target",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the container driver > parses and prints its own --target texts, and no other",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the container driver > states every policy",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the container driver > refuses --container-port beside any other target",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the container driver > refuses --container-env beside any other target",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the module driver > parses and prints its own --target texts, and no other",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the module driver > states every policy",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the registry > names each kind once, and the default among them",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the registry > gives each flag to one driver",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the registry > names every kind when a target is unknown",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "the registry > is the only place that branches on a kind",
    "file": "/work/wt-tls/test/targets/drivers.test.ts"
  },
  {
    "name": "container options > pass port and environment to the run",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container options > default to none (port 8080 is the run default)",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container options > reject [\"--target\",\"container:acme/tunnels:1\",\"--container-port\",\"0\"]",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container options > reject [\"--target\",\"container:acme/tunnels:1\",\"--container-port\",\"http\"]",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container options > reject [\"--target\",\"container:acme/tunnels:1\",\"--container-env\",\"NOVALUE\"]",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container options > reject [\"--target\",\"container:acme/tunnels:1\",\"--container-env\",\"=v\"]",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container options > reject [\"--target\",\"mock\",\"--container-env\",\"A=1\"]",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container options > reject [\"--container-port\",\"8080\"]",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container options > never echo an environment value in the error",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container options > are documented in run --help",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container target specs > accept localhost:5000/acme/tunnels:1",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container target specs > accept 127.0.0.1:1/absent:1",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container target specs > accept acme/tunnels",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container target specs > accept acme/t@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container target specs > reject acme//tunnels",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container target specs > reject /acme",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container target specs > reject acme/tunnels:",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container target specs > reject acme tunnels",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "container target specs > name a non-default port in the target text, so replay commands start the image the same way",
    "file": "/work/wt-tls/test/container/options.test.ts"
  },
  {
    "name": "bench output > the last JSON line round-trips the summary",
    "file": "/work/wt-tls/bench/summary.test.ts"
  },
  {
    "name": "bench output > an output without the JSON line, or with one lacking a figure, is refused",
    "file": "/work/wt-tls/bench/summary.test.ts"
  },
  {
    "name": "bench output > median of an even and an odd count, none for no values",
    "file": "/work/wt-tls/bench/summary.test.ts"
  },
  {
    "name": "bench inputs > reads the caught faults, not escapes or legitimate variants, from the kill matrix table",
    "file": "/work/wt-tls/bench/summary.test.ts"
  },
  {
    "name": "bench inputs > interleaves operations in proportion and keeps every count",
    "file": "/work/wt-tls/bench/summary.test.ts"
  },
  {
    "name": "the derived code-point table > lists every set the schema`s patterns need, and the sets are its own",
    "file": "/work/wt-tls/test/generators/codepoints.test.ts"
  },
  {
    "name": "run options > defaults: mock, standard, random seed",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "run options > reads every flag",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "run options > rejects [\"--seed\",\"1.5\"]",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "run options > rejects [\"--max-tunnels\",\"-1\"]",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "run options > rejects [\"--profile\",\"QUICK\"]",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "run options > rejects [\"--target\",\"gopher://x\"]",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "run options > rejects [\"positional\"]",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "selection > keeps catalogue order, takes globs, and skips after selecting",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "selection > refuses an --only entry that matches nothing",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "expect files > reads JSON and YAML lists",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "expect files > rejects \"{\\\"id\\\": \\\"x\\\"}\"",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "expect files > rejects \"- id: A-B-001\\n\"",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "expect files > rejects \"- id: A-B-001\\n  reason: \\\"\\\"\\n\"",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "expect files > rejects \"[: broken\"",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "ledger > tells opened, cleaned and pending tunnels apart, per run, and survives a torn last line",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "seeds, tags and plans > derives a check`s seed from the run seed and the id alone",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "seeds, tags and plans > adds the run-id tag, giving up the last tag of a full list",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "seeds, tags and plans > runs fewer cases on aws",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "seeds, tags and plans > plans from the checks` costs where every request opens a tunnel, counting the cleanup calls",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "shared tunnels > plans the samples and the work tunnel once, takes from them, and opens only when none is left",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "shared tunnels > where tunnels are not shared, each check opens what its cost says",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "shared tunnels > runs the checks that end tunnels after all others, each group in catalogue order",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "shared tunnels > plans a check needing a control as skipped where the target surely lacks it, and says so where only the target knows",
    "file": "/work/wt-tls/test/run/units.test.ts"
  },
  {
    "name": "aws preflight > refuses to run without a region",
    "file": "/work/wt-tls/test/run/aws-preflight.test.ts"
  },
  {
    "name": "aws preflight > refuses to run without credentials from the standard chain",
    "file": "/work/wt-tls/test/run/aws-preflight.test.ts"
  },
  {
    "name": "verdictOf > fault with exit 1 is caught",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "verdictOf > fault with exit 0 is escaped",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "verdictOf > legitimate with exit 0 is accepted",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "verdictOf > legitimate with exit 1 is false alarm",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "verdictOf > fault with exit 2 is could not run",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "verdictOf > legitimate with exit null is could not run",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "writes one row per variant, explains misjudged ones and keeps the recorded mutation section",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "a kill matrix over several seeds > a fault every seed catches is caught",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "a kill matrix over several seeds > a fault one seed misses escaped",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "a kill matrix over several seeds > a legitimate variant every seed accepts is accepted",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "a kill matrix over several seeds > a legitimate variant one seed fails is a false alarm",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "a kill matrix over several seeds > a seed that could not run is said",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "a kill matrix over several seeds > each row counts the seeds that judged the variant right and lists the checks of every seed",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "the verdicts a kill matrix records, compared with a run > reads back one verdict per variant row, and nothing from the mutation table",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "the verdicts a kill matrix records, compared with a run > the same verdicts, with other timings and checks, are no drift",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "the verdicts a kill matrix records, compared with a run > a changed verdict, a variant added and one removed are each named",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "the verdicts a kill matrix records, compared with a run > the committed docs/kill-matrix.md has a verdict for every variant",
    "file": "/work/wt-tls/test/self-validation/kill-matrix.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > anchors are computed as a renderer does",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > OPEN-CONTRACT-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > DESCRIBE-CONTRACT-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > LIST-CONTRACT-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ROTATE-CONTRACT-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > CLOSE-CONTRACT-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > TAG-CONTRACT-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > TAG-CONTRACT-002 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > TAG-CONTRACT-003 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ERR-INVALID-CLOSETUNNEL-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ERR-INVALID-DESCRIBETUNNEL-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ERR-INVALID-LISTTAGSFORRESOURCE-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ERR-INVALID-LISTTUNNELS-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ERR-INVALID-OPENTUNNEL-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ERR-INVALID-ROTATETUNNELACCESSTOKEN-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ERR-INVALID-TAGRESOURCE-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ERR-INVALID-UNTAGRESOURCE-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ERR-NOT-FOUND-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > OPEN-ROUNDTRIP-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > OPEN-STATE-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > OPEN-IDS-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > OPEN-TOKENS-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > OPEN-ARN-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > CLOSE-STATE-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > CLOSE-DELETE-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > CLOSE-VISIBLE-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > LIST-ORDER-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > LIST-PAGES-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > TAG-OPEN-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > TAG-UPSERT-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ERR-NOT-FOUND-002 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ROTATE-TOKENS-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ROTATE-NEW-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ROTATE-SOURCE-DEST-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > ROTATE-LIFETIME-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > LIFE-EXPIRY-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > LIFE-DEFAULT-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > LIMIT-OPEN-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > LIMIT-SERVICES-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > LIMIT-TAGS-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > MODEL-RUN-001 starts with a section that exists",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "check sources cite docs/service-facts.md > intra-page links of docs/service-facts.md point at its sections",
    "file": "/work/wt-tls/test/suites/sources.test.ts"
  },
  {
    "name": "wire form > normalises awsJson error codes",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "wire form > turns SDK output into wire JSON",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "wire form > keeps a body that is not a JSON object visible",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "target specs > parses mock",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "target specs > parses aws",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "target specs > parses http://127.0.0.1:8080",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "target specs > parses https://[::1]:8443/",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "target specs > parses container:ghcr.io/acme/tunnels:1.2",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "target specs > parses module:./fake.ts",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "target specs > rejects http://127.0.0.1",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "target specs > rejects http://h:1/path",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "target specs > rejects ftp://h:1",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "target specs > rejects container:",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "target specs > rejects module:",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "target specs > rejects nonsense",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "target specs > rejects http://h:99999",
    "file": "/work/wt-tls/test/targets/wire.test.ts"
  },
  {
    "name": "belowOpenLimit > asks again while the limit is held, and returns the first success",
    "file": "/work/wt-tls/test/suites/open-limit.test.ts"
  },
  {
    "name": "belowOpenLimit > ends the check not judged after five answers at the limit",
    "file": "/work/wt-tls/test/suites/open-limit.test.ts"
  },
  {
    "name": "belowOpenLimit > hands LimitExceededException back at once where the input carries more tags than the quota",
    "file": "/work/wt-tls/test/suites/open-limit.test.ts"
  },
  {
    "name": "belowOpenLimit > hands any other answer back at once, refusals included",
    "file": "/work/wt-tls/test/suites/open-limit.test.ts"
  },
  {
    "name": "record-score > matches an explanation by file, mutator, the code replaced, replacement and a piece of the line, not by line number",
    "file": "/work/wt-tls/test/mutation/record-score.test.ts"
  },
  {
    "name": "record-score > tells apart two mutants of one line that differ only in the code they replace",
    "file": "/work/wt-tls/test/mutation/record-score.test.ts"
  },
  {
    "name": "record-score > finds explanations that match no survivor (stale) or more than one (ambiguous)",
    "file": "/work/wt-tls/test/mutation/record-score.test.ts"
  },
  {
    "name": "record-score > writes the score over detected and undetected mutants, the timeouts, and marks the unexplained survivors",
    "file": "/work/wt-tls/test/mutation/record-score.test.ts"
  },
  {
    "name": "the recorded mutation section of docs/kill-matrix.md > claims a score of at least 85% and no unexplained survivor (what `npm run mutation` last measured)",
    "file": "/work/wt-tls/test/mutation/record-score.test.ts"
  },
  {
    "name": "RunReporter > keeps one live line on a TTY: current check, done/total, elapsed, failures",
    "file": "/work/wt-tls/test/run/reporter.test.ts"
  },
  {
    "name": "RunReporter > writes plain lines otherwise, and turns a test without a verdict into a failure",
    "file": "/work/wt-tls/test/run/reporter.test.ts"
  },
  {
    "name": "exitCodeOf > is 2 when a check was not judged and none failed",
    "file": "/work/wt-tls/test/run/exit-status.test.ts"
  },
  {
    "name": "exitCodeOf > is 1 when a check failed, whatever else was not judged",
    "file": "/work/wt-tls/test/run/exit-status.test.ts"
  },
  {
    "name": "exitCodeOf > is 0 when the only skips are for a missing capability",
    "file": "/work/wt-tls/test/run/exit-status.test.ts"
  },
  {
    "name": "AWS CLI v2 against tunnel-conformance serve > open-tunnel, describe-tunnel and close-tunnel",
    "file": "/work/wt-tls/test/models/cli.test.ts"
  },
  {
    "name": "AWS CLI v2 against tunnel-conformance serve > list-tunnels walks the pages by --next-token, newest first, and filters by --thing-name",
    "file": "/work/wt-tls/test/models/cli.test.ts"
  },
  {
    "name": "AWS CLI v2 against tunnel-conformance serve > rotate-tunnel-access-token with DESTINATION returns only the destination token",
    "file": "/work/wt-tls/test/models/cli.test.ts"
  },
  {
    "name": "AWS CLI v2 against tunnel-conformance serve > tag-resource, untag-resource and list-tags-for-resource",
    "file": "/work/wt-tls/test/models/cli.test.ts"
  },
  {
    "name": "AWS CLI v2 against tunnel-conformance serve > a deleted tunnel is ResourceNotFoundException, exit status 254",
    "file": "/work/wt-tls/test/models/cli.test.ts"
  },
  {
    "name": "AWS CLI v2 against tunnel-conformance serve > a constraint the CLI does not check itself comes back as a ValidationException naming the member",
    "file": "/work/wt-tls/test/models/cli.test.ts"
  },
  {
    "name": "AWS CLI v2 against tunnel-conformance serve > after advancing the clock an hour, a 30-minute tunnel is CLOSED",
    "file": "/work/wt-tls/test/models/cli.test.ts"
  },
  {
    "name": "AWS CLI v2 against tunnel-conformance serve > SIGTERM ends serve with exit status 0",
    "file": "/work/wt-tls/test/models/cli.test.ts"
  },
  {
    "name": "the packed tarball, installed into an empty project > holds compiled JavaScript with declarations, the derived specs and no TypeScript sources",
    "file": "/work/wt-tls/test/package/pack.test.ts"
  },
  {
    "name": "the packed tarball, installed into an empty project > npx tunnel-conformance run --profile quick passes against the embedded mock",
    "file": "/work/wt-tls/test/package/pack.test.ts"
  },
  {
    "name": "the packed tarball, installed into an empty project > runConformance runs from an import of the package by name, and its declarations type-check",
    "file": "/work/wt-tls/test/package/pack.test.ts"
  },
  {
    "name": "the packed tarball, installed into an empty project > conformanceSuite from tunnel-conformance/vitest defines the checks as tests of the consumer`s vitest run",
    "file": "/work/wt-tls/test/package/pack.test.ts"
  },
  {
    "name": "fault variants > list-oldest-first",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > list-page-over-max",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > list-loses-boundary-item",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > list-repeats-boundary-item",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > list-filter-lost-on-later-pages",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > list-cycling-token",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > list-ignores-thing-filter",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > list-hides-closed",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > list-timestamps-iso-strings",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > rotate-extends-lifetime",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > rotate-returns-old-token",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > rotate-source-returns-both",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > rotate-reopens-closed",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > rotate-source-with-destination-accepted",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > not-found-wrong-type",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > errors-with-200",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > tag-ops-ignore-missing",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > close-not-closing",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > delete-ignored",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > closed-gone-after-an-hour",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > description-pattern-unchecked",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > max-results-range-unchecked",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > tag-key-pattern-unchecked",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > tag-list-max-unchecked",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > thing-name-pattern-unchecked",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > client-mode-enum-unchecked",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > rejected-open-still-creates",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > rejected-tag-still-applied",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > unicode-tags-rejected",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > unicode-description-rejected",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > open-tags-lost",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > tag-keys-case-folded",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > tag-values-truncated",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > tags-limited-to-50",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > untag-removes-all",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > tag-insert-only",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > timestamps-milliseconds",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > status-lowercase",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > new-tunnel-connected",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > destination-config-dropped",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > description-truncated",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > ids-collide-concurrently",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > tokens-reused-across-tunnels",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > expiry-ignored",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > expiry-describe-only",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > lifetime-in-seconds",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > default-lifetime-60",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > timeout-config-ignored",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > limit-ignored",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > limit-refused-but-created",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > limit-wrong-code",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "fault variants > fourth-service-dropped",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > reference",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > not-found-400",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > other-id-and-token-formats",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > arn-tunnel-service",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > short-pages",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > default-page-size-10",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > optional-members-omitted",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > extra-members",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > second-precision-timestamps",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > throttles-every-7th",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > list-lags-writes",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > validation-invalid-request",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > close-closed-errors",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > close-closed-errors-even-with-delete",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > rotate-closed-errors",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > tag-closed-errors",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > tags-listed-in-reverse",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > limit-counts-closed",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > fourth-service-validation-error",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > coercing-deserializer",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > rotate-keeps-destination",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > clock-days-ahead",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > other-users",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "legitimate variants > tag-quota-50",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  },
  {
    "name": "docs/kill-matrix.md records the verdicts this run measured",
    "file": "/work/wt-tls/test/self-validation/self-validation.test.ts"
  }
]