import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateReport } from '../../reports/validate.js';
import { writeReports } from '../../reports/write.js';
import { check, faultyReport, report } from './fixtures.js';
import { tempDir } from '../support/temp.js';

describe('writeReports', () => {
  test('writes the three files into a new directory and report.json is the valid report', async () => {
    const dir = join(tempDir('tc-write-'), 'nested', 'report-dir');
    const paths = await writeReports(dir, faultyReport());
    expect(paths).toEqual({ json: join(dir, 'report.json'), junit: join(dir, 'junit.xml'), html: join(dir, 'report.html') });
    const json = JSON.parse(await readFile(paths.json, 'utf8'));
    expect(validateReport(json)).toEqual([]);
    expect(json.checks.map((c: { id: string }) => c.id)).toEqual(faultyReport().checks.map((c) => c.id));
    expect(json.checks.find((c: { id: string }) => c.id === 'CLOSE-TWICE-001')).not.toHaveProperty('expected');
    expect(await readFile(paths.junit, 'utf8')).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(await readFile(paths.html, 'utf8')).toMatch(/^<!doctype html>/);
  });

  test('a counterexample JSON cannot hold (bigint, cycle, Map) is written with stand-ins instead of failing the run', async () => {
    const counterexample: Record<string, unknown> = { n: 10n, fn: () => 1, m: new Map([['a', 1]]), list: [undefined, 1] };
    counterexample.self = counterexample;
    const r = report([check('OPEN-SHAPE-001', 'failed', { failure: { message: 'm', counterexample, seed: 1, replay: 'r' } })]);
    const paths = await writeReports(tempDir('tc-write-'), r);
    const written = JSON.parse(await readFile(paths.json, 'utf8')).checks[0].failure.counterexample;
    expect(written).toEqual({ n: '10n', fn: '<function>', m: {}, list: [null, 1], self: '<cycle>' });
    expect(await readFile(paths.html, 'utf8')).toContain('&quot;self&quot;: &quot;&lt;cycle&gt;&quot;');
  });
});
