/**
 * What every file of the repository keeps to: no merge left half done, and the project stands
 * alone (only test/ and .ci/ may name the ../shared folder beside a checkout).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const root = join(import.meta.dirname, '..');
/** Generated, installed or scratch folders, never committed (.gitignore). */
const SKIPPED = new Set(['node_modules', 'dist', '.git', 'reports-out', 'tunnel-conformance-report', 'coverage', '.stryker-tmp']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIPPED.has(e.name) || e.name.startsWith('.scratch') || e.name.endsWith('.tgz')) return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path) : /\.(ts|mts|mjs|js|json|md|yml|yaml|sh|txt)$|^[^.]+$/.test(e.name) ? [path] : [];
  });
}

const texts = files(root).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

test('no file holds a merge conflict left unresolved', () => {
  const marker = /^(<{7}|>{7}) /m;
  expect(texts.filter((f) => marker.test(f.text)).map((f) => f.path)).toEqual([]);
});

test('nothing outside test/ and .ci/ names ../shared: a clone or an installed package is complete', () => {
  const outside = texts.filter((f) => !/^(test|\.ci)\//.test(f.path) && f.text.includes('../shared'));
  expect(outside.map((f) => f.path)).toEqual([]);
});
