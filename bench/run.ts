/**
 * `npm run bench`: how close a standard run comes to the cost of the API calls it makes (the
 * `mock` target and `serve` over loopback, each against its own requests, recorded as the run
 * sent them and replayed in order through a bare SDK client on the same transport), its start-up and peak memory, and how fast a full standard run catches each
 * faulty variant. Every process it starts runs the compiled package (dist/, built first), as users install it.
 * Options: --seed N (default 1), --targets mock,http (default both), --repeats N (run-and-floor
 * pairs per target, default 3: each target's figures are the medians over its pairs, since this
 * machine's speed drifts by a fifth within minutes), --variants N (the first N caught faults of the
 * kill matrix; default all, 0 for none). Prints a table, then one JSON line (see docs/performance.md).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { allChecks } from '../suites/catalogue.js';
import { detect, readCaughtFaults, type Detection } from './detect.js';
import { readRecording, replayInFreshProcess } from './floor.js';
import { buildPackage, measureRun, startServe } from './processes.js';
import { combinePairs, formatTable, summarise, type PairFigures, type TargetFigures } from './summary.js';

const DATA_PLANE_CHECKS = new Set(allChecks().filter((c) => c.needs?.includes('dataPlane')).map((c) => c.id));
const RUN_TIMEOUT_MS = 15 * 60_000;
// A full standard run per variant, stopped at its first failure; one that finds nothing runs to the end.
const DETECT_TIMEOUT_MS = 6 * 60_000;

const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, targets: { type: 'string', default: 'mock,http' }, repeats: { type: 'string', default: '3' }, variants: { type: 'string' } } });
const seed = Number(values.seed);
const repeats = Number(values.repeats);
if (!Number.isInteger(repeats) || repeats < 1) throw new Error(`--repeats ${values.repeats}: a whole number of pairs, at least 1`);
const chosen = new Set(values.targets.split(','));

/**
 * One pair: a standard run against `spec` with its requests recorded, then the floor: the same
 * requests replayed in order through a bare SDK client on the same transport (`replay`).
 */
async function measurePair(target: 'mock' | 'http', spec: string, recordFile: string, replay: (recordFile: string) => Promise<number>, log: (m: string) => void): Promise<PairFigures> {
  rmSync(recordFile, { force: true });
  log('standard run');
  const run = await measureRun(['--target', spec, '--profile', 'standard', '--seed', String(seed)], RUN_TIMEOUT_MS, { recordFile });
  if (!run.report) throw new Error(`the ${target} run wrote no report (exit ${run.exitCode}): ${run.stderr.trim().split('\n').at(-1)}`);
  const recording = readRecording(existsSync(recordFile) ? readFileSync(recordFile, 'utf8') : '');
  // The checks' own count of their calls, beside what the probe saw leave the run's processes.
  const calls = run.report.checks.reduce((n, c) => n + (c.calls ?? 0), 0);
  log(`${recording.requests.length} requests recorded (the checks count ${calls} calls) in ${run.wallMs} ms; replaying them through a bare SDK client`);
  const floorMs = await replay(recordFile);
  const pair: PairFigures = {
    exitCode: run.exitCode,
    wallMs: run.wallMs,
    calls: recording.requests.length,
    floorMs,
    ratio: run.wallMs / floorMs,
    startupMs: run.startupMs,
    checksMs: run.report.checks.reduce((n, c) => n + c.durationMs, 0),
    dataPlaneMs: run.report.checks.filter((c) => DATA_PLANE_CHECKS.has(c.id)).reduce((n, c) => n + c.durationMs, 0),
    peakRssMb: run.peakRssMb,
    load: Math.round(loadavg()[0] * 100) / 100,
  };
  log(JSON.stringify(pair));
  return pair;
}

/** `repeats` pairs in a row against fresh targets (`pair`), summed up by their medians. */
async function measureTarget(target: 'mock' | 'http', pair: (log: (m: string) => void) => Promise<PairFigures>): Promise<TargetFigures> {
  const pairs: PairFigures[] = [];
  for (let i = 1; i <= repeats; i++) {
    pairs.push(await pair((m) => console.error(`bench: ${target} ${i}/${repeats}: ${m} (load ${loadavg()[0].toFixed(2)})`)));
  }
  return combinePairs(target, pairs);
}

console.error('bench: building dist/ (npm run build): every process measured runs the compiled package, as users install it');
buildPackage();
const scratch = mkdtempSync(join(tmpdir(), 'tc-bench-record-'));
const targets: TargetFigures[] = [];
try {
  if (chosen.has('mock')) targets.push(await measureTarget('mock', (log) => measurePair('mock', 'mock', join(scratch, 'mock.rec'), (file) => replayInFreshProcess('mock', file), log)));
  if (chosen.has('http')) {
    const recordFile = join(scratch, 'http.rec');
    // Each run and each replay against a fresh server: the same state, not another's leftovers.
    const replay = async (file: string) => {
      const fresh = await startServe();
      try {
        return await replayInFreshProcess('http', file, fresh.url);
      } finally {
        await fresh.close();
      }
    };
    targets.push(
      await measureTarget('http', async (log) => {
        const served = await startServe(undefined, recordFile);
        try {
          return await measurePair('http', served.url, recordFile, replay, log);
        } finally {
          await served.close();
        }
      }),
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const faults = readCaughtFaults().slice(0, values.variants === undefined ? undefined : Number(values.variants));
const detections: Detection[] = [];
for (const [i, row] of faults.entries()) {
  console.error(`bench: variant ${i + 1}/${faults.length}: ${row.variant} (a full standard run; the kill matrix names ${row.caughtBy.join(',')})`);
  detections.push(await detect(row, seed, DETECT_TIMEOUT_MS));
  console.error(`bench: ${JSON.stringify(detections.at(-1))}`);
}

const result = summarise(targets, detections, {
  nproc: availableParallelism(),
  memGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
});
console.log(formatTable(result));
console.log(JSON.stringify(result));
