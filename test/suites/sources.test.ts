/** Every check cites the section of docs/service-facts.md it rests on, and that section exists. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allChecks } from '../../suites/catalogue.js';

const doc = readFileSync(new URL('../../docs/service-facts.md', import.meta.url), 'utf8');

/** The anchor GitHub (and most Markdown renderers) gives a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

const anchors = new Set([...doc.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!)));
const CITATION = /service-facts\.md#([\w-]+)/g;

describe('check sources cite docs/service-facts.md', () => {
  it('anchors are computed as a renderer does', () => {
    expect(anchorOf('Legitimate freedom')).toBe('legitimate-freedom');
    expect(anchorOf('Data plane')).toBe('data-plane');
    expect(anchorOf('How to read this page')).toBe('how-to-read-this-page');
    expect(anchorOf('Unknown: observed, never asserted')).toBe('unknown-observed-never-asserted');
  });

  it.each(allChecks().map((c) => [c.id, c.source]))('%s starts with a section that exists', (_id, source) => {
    expect(source, 'a source starts with service-facts.md#<section>: ').toMatch(/^service-facts\.md#[\w-]+: /);
    for (const [, anchor] of source.matchAll(CITATION)) expect([...anchors], `no section #${anchor} in docs/service-facts.md`).toContain(anchor);
  });

  it('intra-page links of docs/service-facts.md point at its sections', () => {
    for (const [, anchor] of doc.matchAll(/\]\(#([\w-]+)\)/g)) expect([...anchors]).toContain(anchor);
  });
});
