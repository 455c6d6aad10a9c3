/**
 * `npm run bench`: how close a standard run comes to the cost of the API calls it makes (the
 * `mock` target and `serve` over loopback, each against a plain SDK loop of the same calls in
 * the same process), its start-up and peak memory, and how fast a full standard run catches each
 * faulty variant.
 * Options: --seed N (default 1), --targets mock,http (default both), --variants N (the first N
 * caught faults of the kill matrix; default all, 0 for none). Prints a table, then one JSON line (see docs/performance.md).
 */
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import type { Report } from '../reports/types.js';
import type { OperationName } from '../specs/index.js';
import { detect, readCaughtFaults, type Detection } from './detect.js';
import { httpFloor, interleave, mockFloor, type CallMix } from './floor.js';
import { measureRun, startServe } from './processes.js';
import { formatTable, summarise, type TargetFigures } from './summary.js';

const RUN_TIMEOUT_MS = 15 * 60_000;
// A full standard run per variant, stopped at its first failure; one that finds nothing runs to the end.
const DETECT_TIMEOUT_MS = 6 * 60_000;

const { values } = parseArgs({ options: { seed: { type: 'string', default: '1' }, targets: { type: 'string', default: 'mock,http' }, variants: { type: 'string' } } });
const seed = Number(values.seed);
const chosen = new Set(values.targets.split(','));

const callMix = (report: Report): CallMix =>
  Object.fromEntries(Object.entries(report.latency ?? {}).map(([op, l]) => [op as OperationName, l!.count]));

async function measureTarget(target: 'mock' | 'http', spec: string, floor: (order: OperationName[]) => Promise<number>): Promise<TargetFigures> {
  const log = (m: string) => console.error(`bench: ${target}: ${m}`);
  log('standard run');
  const run = await measureRun(['--target', spec, '--profile', 'standard', '--seed', String(seed)], RUN_TIMEOUT_MS);
  if (!run.report) throw new Error(`the ${target} run wrote no report (exit ${run.exitCode}): ${run.stderr.trim().split('\n').at(-1)}`);
  // The per-operation counts and the checks' calls come from the same counters: one sum.
  const order = interleave(callMix(run.report));
  const calls = order.length;
  log(`${calls} calls in ${run.wallMs} ms; the same calls through a plain SDK loop`);
  const floorMs = await floor(order);
  const figures: TargetFigures = { target, exitCode: run.exitCode, wallMs: run.wallMs, calls, floorMs, ratio: run.wallMs / floorMs, startupMs: run.startupMs, peakRssMb: run.peakRssMb, load: Math.round(loadavg()[0] * 100) / 100 };
  log(JSON.stringify(figures));
  return figures;
}

const targets: TargetFigures[] = [];
if (chosen.has('mock')) targets.push(await measureTarget('mock', 'mock', mockFloor));
if (chosen.has('http')) {
  const served = await startServe();
  try {
    targets.push(await measureTarget('http', served.url, (order) => httpFloor(served.url, order)));
  } finally {
    await served.close();
  }
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
