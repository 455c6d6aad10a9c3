/**
 * report.html in a real browser: it loads with no console error and no network request, the
 * DOM shows the report's numbers, and a screenshot `report.png` is left next to it for a person
 * to look at (in `<tmpdir>/tunnel-conformance-html-test/<case>/`).
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Report } from '../../reports/types.js';
import { writeReports } from '../../reports/write.js';
import { systemTool, titled } from '../support/system-tool.js';
import { faultyReport, report, TOKEN } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const tool = systemTool('chromium', [CHROMIUM, '--version'], 'apt-get install chromium');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const OUT = join(tmpdir(), 'tunnel-conformance-html-test');

async function open(browser: Browser, name: string, r: Report) {
  const dir = join(OUT, name);
  await rm(dir, { recursive: true, force: true });
  const paths = await writeReports(dir, r);
  const url = pathToFileURL(paths.html).href;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  const png = join(dir, 'report.png');
  await page.screenshot({ path: png, fullPage: true });
  return { page, url, requests, errors, png };
}

const number = async (page: import('playwright-core').Page, key: string) => Number(await page.locator(`[data-count="${key}"] .n`).innerText());

describe.skipIf(!tool.available)(titled('report.html in headless Chromium', tool), () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 30_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('a faulty target\'s report loads offline and shows the right counts, failures and identity', async () => {
    const r = faultyReport();
    const { page, url, requests, errors, png } = await open(browser, 'faulty', r);

    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);

    expect(await number(page, 'total')).toBe(r.checks.length);
    expect(await number(page, 'passed')).toBe(r.summary.passed);
    expect(await number(page, 'failed')).toBe(r.summary.failed);
    expect(await number(page, 'skipped')).toBe(r.summary.skipped);
    expect(await number(page, 'expected-failure')).toBe(r.summary.expectedFailures);
    expect(await page.locator('[data-verdict]').innerText()).toBe('FAILED');

    const rows = page.locator('table.matrix tbody tr');
    expect(await rows.count()).toBe(r.checks.length);
    expect(await page.locator('table.matrix tr[data-status="failed"]').count()).toBe(r.summary.failed);
    // every (check, operation) pair is a coloured cell
    expect(await page.locator('table.matrix td.cell').count()).toBe(r.checks.reduce((n, c) => n + c.operations.length, 0));

    // failures first by verdict, then MUST before SHOULD
    const shown = await page.locator('[data-failure]').evaluateAll((els) => els.map((e) => e.getAttribute('data-failure')));
    expect(shown).toEqual(['OPEN-TOKENS-001', 'DESCRIBE-SHAPE-001', 'LIST-ORDER-001', 'TAG-LIMIT-001', 'CLOSE-TWICE-001']);
    const failure = r.checks.find((c) => c.id === 'LIST-ORDER-001')!.failure!;
    expect(await page.locator('#check-LIST-ORDER-001 [data-role="replay"]').innerText()).toBe(failure.replay);
    expect(await page.locator('#check-OPEN-TOKENS-001 [data-role="counterexample"]').innerText()).toContain('"destinationAccessToken": "<redacted>"');

    expect(await page.locator('[data-field="model sha256"]').innerText()).toBe(r.model.sha256);
    expect(await page.locator('[data-field="seed"]').innerText()).toBe(String(r.seed));
    expect(await page.locator('[data-field="target"]').innerText()).toBe('http http://127.0.0.1:8080');

    expect(await page.locator('[data-observation]').count()).toBe(r.observations.length);
    expect(await page.locator('[data-observation="OBS-MISSING-TUNNEL"] pre').innerText()).toBe('status: 404\ncode: "ResourceNotFoundException"');
    expect(await page.locator('#latency svg g[data-latency]').count()).toBe(Object.keys(r.latency!).length);
    expect(await page.locator('[data-warning="leaked"]').innerText()).toContain('1 tunnel(s) left behind');
    expect(await page.locator('[data-warning="unexpected-passes"]').innerText()).toContain('WIRE-CONTENT-TYPE-001');

    // the hostile text is shown as text, and nothing ran
    expect(await page.locator('script').count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).not.toContain(TOKEN);

    const image = await readFile(png);
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    expect(image.length).toBeGreaterThan(20_000);
    await page.close();
  });

  test('a clean run reads as passed, with no failure section entries', async () => {
    const { page, errors, requests, url } = await open(browser, 'clean', report());
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    expect(await page.locator('[data-verdict]').innerText()).toBe('PASSED');
    expect(await number(page, 'passed')).toBe(1);
    expect(await number(page, 'failed')).toBe(0);
    expect(await page.locator('[data-failure]').count()).toBe(0);
    expect(await page.locator('#failures').innerText()).toContain('No failure.');
    await page.close();
  });
});
