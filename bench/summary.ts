/** The bench's figures: a table for the reader and, as the last line, one JSON object for tools. */

/** One standard run and the replay of its requests, measured back to back. */
export interface PairFigures {
  exitCode: number | null;
  wallMs: number;
  calls: number;
  floorMs: number;
  /** wall / floor */
  ratio: number;
  startupMs?: number;
  /** the checks' own durations summed (report.json); the rest of the wall is start-up, the worker's loading, cleanup and reports */
  checksMs?: number;
  /** of those, the data-plane checks': their WebSocket work and waits, which the floor (API requests only) does not replay */
  dataPlaneMs?: number;
  peakRssMb?: number;
  /** the 1-minute load average when the pair ended */
  load?: number;
}

/**
 * A target's figures: each the median over its pairs (the ratio is the median of the pairs'
 * ratios, not median wall over median floor), but the exit code of a failed pair if any and the
 * highest peak memory; the pairs themselves beside.
 */
export interface TargetFigures extends PairFigures {
  target: 'mock' | 'http';
  pairs?: PairFigures[];
}

export function combinePairs(target: TargetFigures['target'], pairs: PairFigures[]): TargetFigures {
  if (!pairs.length) throw new Error(`no pair measured for ${target}`);
  const of = (key: Exclude<keyof PairFigures, 'exitCode'>) => median(pairs.flatMap((p) => (p[key] === undefined ? [] : [p[key]]))) ?? undefined;
  const failed = pairs.find((p) => p.exitCode !== 0);
  return {
    target,
    exitCode: failed ? failed.exitCode : 0,
    wallMs: of('wallMs')!,
    calls: of('calls')!,
    floorMs: of('floorMs')!,
    ratio: of('ratio')!,
    startupMs: of('startupMs'),
    checksMs: of('checksMs'),
    dataPlaneMs: of('dataPlaneMs'),
    peakRssMb: max(pairs.map((p) => p.peakRssMb)) ?? undefined,
    load: of('load'),
    pairs,
  };
}

export interface BenchResult {
  /** the worst wall/floor ratio over the targets (each target's the median over its pairs) */
  overheadRatio: number | null;
  /** the worst process-start-to-first-call over the targets */
  startupMs: number | null;
  /** a standard run against `serve` over HTTP, spawn to exit (the median over its pairs); null when http was not measured */
  httpWallMs: number | null;
  /** spawn to the first failed verdict of a full standard run, over the faulty variants it caught */
  medianDetectMs: number | null;
  worstDetectMs: number | null;
  /** faulty variants the kill matrix lists as caught that the bench's run did not catch */
  missedDetections: number;
  peakRssMb: number | null;
  targets: TargetFigures[];
  detections: { variant: string; firstFailed?: string; detectMs?: number; counterexampleChars?: number; exitCode: number | null; load?: number }[];
  machine: { nproc: number; memGb: number; node: string; loadavg: number[] };
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const max = (values: (number | undefined)[]) => {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length ? Math.max(...known) : null;
};

export function summarise(targets: TargetFigures[], detections: BenchResult['detections'], machine: BenchResult['machine']): BenchResult {
  return {
    overheadRatio: max(targets.map((t) => round(t.ratio, 2))),
    startupMs: max(targets.map((t) => t.startupMs)),
    httpWallMs: targets.find((t) => t.target === 'http')?.wallMs ?? null,
    medianDetectMs: median(detections.flatMap((d) => (d.detectMs === undefined ? [] : [d.detectMs]))),
    worstDetectMs: max(detections.map((d) => d.detectMs)),
    missedDetections: detections.filter((d) => d.detectMs === undefined).length,
    peakRssMb: max(targets.map((t) => t.peakRssMb && round(t.peakRssMb, 0))),
    targets,
    detections,
    machine,
  };
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const s = (ms: number | undefined | null) => (ms == null ? '—' : (ms / 1000).toFixed(2));

export function formatTable(r: BenchResult): string {
  const lines = [
    'target | exit | wall s | calls | floor s | wall/floor | each pair: wall s / floor s = ratio (load) | start-up s | checks s | data-plane checks s | peak RSS MB | load',
    '--- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---',
    ...r.targets.map(
      (t) =>
        `${t.target} | ${t.exitCode} | ${s(t.wallMs)} | ${t.calls} | ${s(t.floorMs)} | ${t.ratio.toFixed(2)} | ${(t.pairs ?? []).map((p) => `${s(p.wallMs)} / ${s(p.floorMs)} = ${p.ratio.toFixed(2)} (${p.load ?? '—'})`).join(', ') || '—'} | ${s(t.startupMs)} | ${s(t.checksMs)} | ${s(t.dataPlaneMs)} | ${t.peakRssMb?.toFixed(0) ?? '—'} | ${t.load ?? '—'}`,
    ),
    '',
    'faulty variant | first failing check | detect s (spawn to verdict) | counterexample chars | exit | load',
    '--- | --- | --- | --- | --- | ---',
    ...r.detections.map((d) => `${d.variant} | ${d.firstFailed ?? '—'} | ${s(d.detectMs)} | ${d.counterexampleChars ?? '—'} | ${d.exitCode} | ${d.load ?? '—'}`),
    '',
    `overhead ratio ${r.overheadRatio} (goal ≤ 1.3) · start-up ${s(r.startupMs)} s (goal ≤ 1.5) · standard run over http ${s(r.httpWallMs)} s (goal ≤ 20) · median detection ${s(r.medianDetectMs)} s (goal ≤ 5), worst ${s(r.worstDetectMs)} s, missed ${r.missedDetections} · peak RSS ${r.peakRssMb ?? '—'} MB · load at the end ${r.machine.loadavg.join(' ')}`,
  ];
  return lines.join('\n');
}

/** The bench's result from its output: the last line that is a JSON object. */
export function parseBenchOutput(output: string): BenchResult {
  const line = output
    .trimEnd()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (!line) throw new Error('no JSON line in the bench output');
  const r = JSON.parse(line) as BenchResult;
  for (const key of ['overheadRatio', 'startupMs', 'httpWallMs', 'medianDetectMs', 'worstDetectMs', 'peakRssMb'] as const) {
    if (!(key in r)) throw new Error(`the bench's JSON line lacks ${key}`);
  }
  return r;
}
