/**
 * The reference image's entry point: `serve` on its own, so the bundle carries the reference
 * server and none of the suite (the CLI's lazy imports would pull vitest into the bundle).
 */
import { UsageError } from '../src/cli/args.js';
import { serveCommand } from '../src/cli/serve.js';

try {
  process.exitCode = await serveCommand(process.argv.slice(2));
} catch (e) {
  const why = (e as Error).message.split('\n')[0];
  console.error(`tunnel-conformance serve: ${e instanceof UsageError ? why : `internal error: ${why}`}`);
  process.exitCode = 2;
}
