/** Smoke test of the bench's pure parts: its JSON line, its table, the kill-matrix rows it reads. */
import { describe, expect, it } from 'vitest';
import { caughtFaults } from './detect.js';
import { combinePairs, formatTable, median, parseBenchOutput, summarise } from './summary.js';

const machine = { nproc: 2, memGb: 8, node: 'v20', loadavg: [1, 1, 1] };

describe('bench output', () => {
  it('the last JSON line round-trips the summary', () => {
    const r = summarise(
      [
        { target: 'mock', exitCode: 0, wallMs: 3000, calls: 10, floorMs: 2000, ratio: 1.5, startupMs: 900, peakRssMb: 300.4 },
        { target: 'http', exitCode: 0, wallMs: 2500, calls: 10, floorMs: 2000, ratio: 1.25, startupMs: 800, peakRssMb: 200 },
      ],
      [{ variant: 'v', detectMs: 100, exitCode: 1 }, { variant: 'w', detectMs: 300, exitCode: 1 }],
      machine,
    );
    const parsed = parseBenchOutput(`table | row\n{"not": "last"}\n${JSON.stringify(r)}\n`);
    expect(parsed).toMatchObject({ overheadRatio: 1.5, startupMs: 900, httpWallMs: 2500, medianDetectMs: 200, worstDetectMs: 300, missedDetections: 0, peakRssMb: 300 });
  });

  it('the table shows where a target’s wall went: the checks, and of them the data plane, which the floor does not replay', () => {
    const r = summarise([{ target: 'http', exitCode: 0, wallMs: 23_500, calls: 10, floorMs: 15_500, ratio: 1.52, startupMs: 970, checksMs: 20_250, dataPlaneMs: 3_850 }], [], machine);
    const [heading, rule, row] = formatTable(r).split('\n');
    expect(row).toBe('http | 0 | 23.50 | 10 | 15.50 | 1.52 | — | 0.97 | 20.25 | 3.85 | — | —');
    expect([heading, rule, row].map((l) => l.split(' | ').length)).toEqual([12, 12, 12]);
  });

  it('a target is its pairs’ medians (the ratio the median ratio), a failed pair’s exit code and the highest peak, each pair shown', () => {
    const pair = (wallMs: number, floorMs: number, exitCode: number | null, peakRssMb: number) => ({ exitCode, wallMs, calls: 10, floorMs, ratio: wallMs / floorMs, startupMs: wallMs / 10, peakRssMb, load: 1 });
    const t = combinePairs('http', [pair(12_000, 10_000, 0, 300), pair(16_000, 10_000, 1, 500), pair(13_000, 12_000, 0, 400)]);
    expect(t).toMatchObject({ target: 'http', exitCode: 1, wallMs: 13_000, floorMs: 10_000, ratio: 1.2, startupMs: 1_300, peakRssMb: 500 });
    const row = formatTable(summarise([t], [], machine)).split('\n')[2];
    expect(row.split(' | ')[6]).toBe('12.00 / 10.00 = 1.20 (1), 16.00 / 10.00 = 1.60 (1), 13.00 / 12.00 = 1.08 (1)');
    expect(summarise([t], [], machine)).toMatchObject({ overheadRatio: 1.2, httpWallMs: 13_000 });
  });

  it('an output without the JSON line, or with one lacking a figure, is refused', () => {
    expect(() => parseBenchOutput('only a table\n')).toThrow(/no JSON line/);
    expect(() => parseBenchOutput('{"overheadRatio": 1}\n')).toThrow(/startupMs/);
  });

  it('median of an even and an odd count, none for no values', () => {
    expect([median([3, 1, 2]), median([4, 1, 2, 3]), median([])]).toEqual([2, 2.5, null]);
  });
});

describe('bench inputs', () => {
  it('reads the caught faults, not escapes or legitimate variants, from the kill matrix table, its columns by their heading', () => {
    const md = [
      '| variant | kind | verdict | seeds | caught by (failed checks) | seconds | what it does |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| a | fault | caught | 1/1 | LIST-ORDER-001, ERR-INVALID-001 | 1 | x |',
      '| b | fault | escaped | 0/1 | — | 1 | x |',
      '| c | legitimate | accepted | 1/1 | — | 1 | x |',
    ].join('\n');
    expect(caughtFaults(md)).toEqual([{ variant: 'a', caughtBy: ['LIST-ORDER-001', 'ERR-INVALID-001'] }]);
  });
});
