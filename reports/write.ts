/**
 * Writes report.json, junit.xml and report.html into `dir`. The report is validated against
 * the schema first (a report that breaks the contract is a bug in the run, not something to
 * publish) and redacted once, so no writer can ever see an access token.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonReplacer } from './format.js';
import { toHtml } from './html.js';
import { toJunitXml } from './junit.js';
import { redact } from './redact.js';
import type { Report } from './types.js';
import { assertValidReport } from './validate.js';

export const REPORT_FILES = { json: 'report.json', junit: 'junit.xml', html: 'report.html' } as const;

export async function writeReports(dir: string, report: Report): Promise<{ json: string; junit: string; html: string }> {
  const safe = redact(report);
  // validated as written: what a consumer of report.json will read
  const json = JSON.stringify(safe, jsonReplacer(false), 2);
  assertValidReport(JSON.parse(json));
  await mkdir(dir, { recursive: true });
  const paths = { json: join(dir, REPORT_FILES.json), junit: join(dir, REPORT_FILES.junit), html: join(dir, REPORT_FILES.html) };
  await Promise.all([
    writeFile(paths.json, `${json}\n`),
    writeFile(paths.junit, toJunitXml(safe)),
    writeFile(paths.html, toHtml(safe)),
  ]);
  return paths;
}
