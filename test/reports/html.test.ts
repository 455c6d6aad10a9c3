import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { toHtml } from '../../reports/html.js';
import { redact } from '../../reports/redact.js';
import { check, faultyReport, report } from './fixtures.js';

describe('report.html (as text)', () => {
  const html = toHtml(redact(faultyReport()));

  test('is self-contained: no script, no external resource, a CSP that forbids loading any', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\(|@import/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  test('says how many tunnels each check opened, and the run`s total', () => {
    const page = toHtml(report([check('OPEN-SHAPE-001', 'passed', { tunnels: 7 })], { resources: { opened: 9, cleanedUp: 9, leaked: [] } }));
    expect(page).toMatch(/<th>tunnels<\/th>/);
    expect(page).toMatch(/data-check="OPEN-SHAPE-001".*<td class="num">7<\/td>/);
    expect(page).toContain('<th>tunnels opened</th><td class="num">9</td>');
  });

  test('escapes what the target returned', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('\\u0001');
  });

  test('no title, reason, message or counterexample can inject markup', () => {
    const unit = fc.oneof(fc.constantFrom('<', '>', '&', '"', "'", '</pre>', '<script>', '\u0000', '\u007f', '\u0085', '\ud800', '-->'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    const text = fc.string({ unit, maxLength: 30 });
    fc.assert(
      fc.property(text, text, text, (title, message, reason) => {
        const page = toHtml(
          report([
            check('OPEN-SHAPE-001', 'failed', { title, failure: { message, counterexample: { title }, seed: 1, replay: reason } }),
            check('LIFE-EXPIRY-001', 'skipped', { skipReason: reason }),
          ], { observations: [{ id: title || 'x', question: message, answer: reason }] }),
        );
        // every tag in the page is one the writer made, never one from the data
        const tags = new Set([...page.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()));
        expect([...tags].filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
        expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(page)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

const ALLOWED_TAGS = new Set(
  'html head meta title style body header h1 h2 h3 span dl dt dd section div strong code p table thead tbody tr th td a pre svg g rect text'.split(' '),
);
