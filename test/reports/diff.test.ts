import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { diffReports, formatDiff } from '../../reports/diff.js';
import type { Report } from '../../reports/types.js';
import { main } from '../../src/cli/main.js';
import { reportCommand } from '../../src/cli/report.js';
import { check, faultyReport, report, TOKEN } from './fixtures.js';
import { tempDir } from '../support/temp.js';

const A = () =>
  report(
    [check('OPEN-SHAPE-001', 'passed'), check('LIST-ORDER-001', 'failed'), check('TAG-LIMIT-001', 'expected-failure'), check('LIFE-EXPIRY-001', 'passed'), check('CLOSE-TWICE-001', 'passed')],
    { observations: [{ id: 'OBS-PAGE', question: 'default page size', answer: 50 }, { id: 'OBS-GONE', question: 'gone', answer: true }] },
  );
const B = () =>
  report(
    [check('LIST-ORDER-001', 'passed'), check('OPEN-SHAPE-001', 'failed'), check('TAG-LIMIT-001', 'passed'), check('LIFE-EXPIRY-001', 'skipped'), check('ROTATE-NEW-001', 'failed')],
    { observations: [{ id: 'OBS-PAGE', question: 'default page size', answer: 100 }, { id: 'OBS-NEW', question: 'new', answer: { code: 'X' } }] },
  );

describe('diffReports', () => {
  test('sorts every change into its kind, keyed by id, not position', () => {
    const d = diffReports(A(), B());
    expect(d.newlyFailing.map((c) => [c.id, c.from, c.to])).toEqual([['OPEN-SHAPE-001', 'passed', 'failed'], ['ROTATE-NEW-001', undefined, 'failed']]);
    expect(d.newlyPassing.map((c) => [c.id, c.from])).toEqual([['LIST-ORDER-001', 'failed'], ['TAG-LIMIT-001', 'expected-failure']]);
    expect(d.otherChanges.map((c) => [c.id, c.from, c.to])).toEqual([['LIFE-EXPIRY-001', 'passed', 'skipped']]);
    expect(d.added.map((c) => c.id)).toEqual(['ROTATE-NEW-001']);
    expect(d.removed.map((c) => c.id)).toEqual(['CLOSE-TWICE-001']);
    expect(d.observations).toEqual([
      { id: 'OBS-PAGE', question: 'default page size', before: 50, after: 100, presence: 'changed' },
      { id: 'OBS-NEW', question: 'new', before: undefined, after: { code: 'X' }, presence: 'added' },
      { id: 'OBS-GONE', question: 'gone', before: true, after: undefined, presence: 'removed' },
    ]);
  });

  test('a check renamed between the runs is paired through its former id, whichever report lists it', () => {
    const old = report([check('ERR-INVALID-001', 'passed'), check('ERR-INVALID-002', 'passed')]);
    const renamed = report([
      check('ERR-INVALID-OPENTUNNEL-001', 'failed', { formerly: ['ERR-INVALID-001'] }),
      check('ERR-INVALID-CLOSETUNNEL-001', 'passed', { formerly: ['ERR-INVALID-002'] }),
    ]);
    const d = diffReports(old, renamed);
    expect(d.newlyFailing.map((c) => [c.id, c.from, c.to])).toEqual([['ERR-INVALID-OPENTUNNEL-001', 'passed', 'failed']]);
    expect([...d.added, ...d.removed, ...d.otherChanges]).toEqual([]);
    const back = diffReports(renamed, old);
    expect(back.newlyPassing.map((c) => [c.id, c.from, c.to])).toEqual([['ERR-INVALID-001', 'failed', 'passed']]);
    expect([...back.added, ...back.removed]).toEqual([]);
  });

  test('a report compared with itself, reordered, has no change', () => {
    const a = faultyReport();
    const b: Report = { ...a, checks: [...a.checks].reverse(), observations: [...a.observations].reverse() };
    const d = diffReports(a, b);
    expect(Object.values(d).flat()).toEqual([]);
    expect(formatDiff(d, a, b)).toContain('no change in check statuses or observations');
  });

  test('the text names each change and keeps control characters off the terminal', () => {
    const b = B();
    b.checks[1].title = 'evil \u001b[31m title';
    const text = formatDiff(diffReports(A(), b), A(), b);
    expect(text).toContain('newly failing (2):\n  OPEN-SHAPE-001  passed → failed  evil \\u001B[31m title\n  ROTATE-NEW-001  new → failed');
    expect(text).toContain('newly passing (2):');
    expect(text).toContain('checks removed (1):\n  CLOSE-TWICE-001  was passed');
    expect(text).toContain('  OBS-PAGE  default page size\n    A: 50\n    B: 100');
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
  });

  test('answers keyed by case show only the cases that differ', () => {
    const a = report([], { observations: [{ id: 'OBS-ERR', question: 'error per reason', answer: { pattern: ['400 ValidationException'], 'too-long': ['400 ValidationException'], enum: ['400 X'] } }] });
    const b = report([], { observations: [{ id: 'OBS-ERR', question: 'error per reason', answer: { pattern: ['404 ResourceNotFoundException'], 'too-long': ['400 ValidationException'], range: ['400 Y'] } }] });
    expect(formatDiff(diffReports(a, b), a, b)).toContain(
      [
        'changed observations (1):',
        '  OBS-ERR  error per reason',
        '    pattern: A ["400 ValidationException"], B ["404 ResourceNotFoundException"]',
        '    enum: A ["400 X"], B (not observed)',
        '    range: A (not observed), B ["400 Y"]',
      ].join('\n'),
    );
  });
});

describe('tunnel-conformance report', () => {
  afterEach(() => vi.restoreAllMocks());

  async function files(...reports: unknown[]) {
    const dir = tempDir('tc-diff-');
    return Promise.all(reports.map(async (r, i) => {
      const f = join(dir, `${i}.json`);
      await writeFile(f, typeof r === 'string' ? r : JSON.stringify(r));
      return f;
    }));
  }

  function capture() {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    vi.spyOn(console, 'log').mockImplementation((s) => void out.push(String(s)));
    vi.spyOn(console, 'error').mockImplementation((s) => void err.push(String(s)));
    return { out, err };
  }

  test('exit 1 when a check newly fails, 0 when only fixes, and never prints a token', async () => {
    const b = B();
    b.observations.push({ id: 'OBS-ROTATE', question: 'rotate', answer: { sourceAccessToken: TOKEN } });
    const [a, bf] = await files(A(), b);
    const io = capture();
    expect(await reportCommand(['diff', a, bf])).toBe(1);
    expect(io.out.join('')).toContain('newly failing (2)');
    expect(io.out.join('')).not.toContain(TOKEN);
    const fixedOnly = A();
    fixedOnly.checks[1] = check('LIST-ORDER-001', 'passed');
    fixedOnly.summary = { passed: 4, failed: 0, skipped: 0, expectedFailures: 1 };
    const [a2, b2] = await files(A(), fixedOnly);
    expect(await reportCommand(['diff', a2, b2])).toBe(0);
  });

  test.each([
    ['a missing file', ['diff', '/nonexistent/a.json', '/nonexistent/b.json'], /^tunnel-conformance report: cannot read \/nonexistent\/a\.json: ENOENT/],
    ['one file', ['diff', 'x.json'], /diff takes two report\.json files, got 1/],
    ['no subcommand', [], /missing subcommand/],
    ['an unknown subcommand', ['merge', 'a', 'b'], /unknown subcommand "merge"/],
    ['an unknown flag', ['diff', '--color', 'a', 'b'], /Unknown option '--color'/],
  ])('exit 2 with one line on %s', async (_, args, message) => {
    const io = capture();
    expect(await main(['report', ...args])).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toMatch(message);
    expect(io.err[0]).not.toContain('\n');
  });

  test('exit 2 on a file that is not JSON or not a report', async () => {
    const [good, notJson, notReport] = await files(A(), '{"tool": ', { ...A(), summary: undefined });
    for (const [bad, message] of [[notJson, /cannot read .*1\.json: .*JSON/], [notReport, /2\.json is not a valid report\.json: \/: must have required property 'summary'/]] as const) {
      const io = capture();
      expect(await main(['report', 'diff', good, bad])).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.err[0]).toMatch(message);
      vi.restoreAllMocks();
    }
  });

  test('the installed binary exits with the diff verdict', async () => {
    const [a, b] = await files(A(), B());
    const bin = fileURLToPath(new URL('../../bin/tunnel-conformance.js', import.meta.url));
    const r = spawnSync(process.execPath, [bin, 'report', 'diff', a, b], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('newly failing (2):');
    const same = spawnSync(process.execPath, [bin, 'report', 'diff', a, a], { encoding: 'utf8', timeout: 30_000 });
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('no change');
  });
});
