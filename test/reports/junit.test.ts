import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { toJunitXml } from '../../reports/junit.js';
import { redact } from '../../reports/redact.js';
import { xmlSafe } from '../../reports/xml.js';
import { check, faultyReport, HOSTILE, report } from './fixtures.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  htmlEntities: true, // decodes character references such as &#10;
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

/** The XML 1.0 Char production, written positively (independent of the writer's own regex). */
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(XML_CHARS.test(xml)).toBe(true);
  return parser.parse(xml).testsuites as { tests: string; failures: string; skipped: string; testsuite: any[] };
}

const cases = (suites: any[]) => suites.flatMap((s) => s.testcase as any[]);

describe('junit.xml', () => {
  const r = redact(faultyReport());
  const doc = parse(toJunitXml(r));

  test('totals match the summary', () => {
    expect(doc.tests).toBe(String(r.checks.length));
    expect(doc.failures).toBe(String(r.summary.failed));
    expect(doc.skipped).toBe(String(r.summary.skipped));
  });

  test('one testcase per check, named id + title, in a suite per first operation', () => {
    const all = cases(doc.testsuite);
    expect(all.map((c) => c.name)).toEqual(expect.arrayContaining(r.checks.map((c) => `${c.id} ${c.title}`)));
    expect(all).toHaveLength(r.checks.length);
    for (const s of doc.testsuite) {
      for (const c of s.testcase) expect(c.classname).toBe(s.name);
      expect(s.tests).toBe(String(s.testcase.length));
    }
    const suiteOf = (id: string) => doc.testsuite.find((s) => s.testcase.some((c: any) => c.name.startsWith(`${id} `))).name;
    expect(suiteOf('LIST-ORDER-001')).toBe('tunnel-conformance.ListTunnels');
    expect(suiteOf('TAG-LIMIT-001')).toBe('tunnel-conformance.TagResource');
    expect(suiteOf('MODEL-PATTERN-001')).toBe('tunnel-conformance.General');
  });

  test('a failure carries its message, counterexample and replay command', () => {
    const tc = cases(doc.testsuite).find((c) => c.name.startsWith('OPEN-TOKENS-001 '));
    const failure = r.checks.find((c) => c.id === 'OPEN-TOKENS-001')!.failure!;
    expect(tc.failure.message).toBe(xmlSafe(failure.message));
    expect(tc.failure.type).toBe('MUST');
    expect(tc.failure['#text']).toContain(failure.replay);
    expect(tc.failure['#text']).toContain('"tunnelId": "tid-1"');
    expect(tc.failure['#text']).toContain('path: 3:0:0');
  });

  test('skips carry their reason; expected failures pass with a note', () => {
    const tc = (id: string) => cases(doc.testsuite).find((c) => c.name.startsWith(`${id} `));
    expect(tc('ROTATE-CLOSED-001').skipped.message).toBe('budget of 25 tunnels spent (--max-tunnels)');
    const xfail = tc('TAG-LIMIT-001');
    expect(xfail.failure).toBeUndefined();
    expect(xfail['system-out']).toMatch(/^expected failure: known gap, tracked upstream\n/);
    expect(xfail['system-out']).toContain('--only TAG-LIMIT-001');
    expect(tc('OPEN-SHAPE-001').failure).toBeUndefined();
    expect(tc('OPEN-SHAPE-001').skipped).toBeUndefined();
  });

  test('every suite names the seed, target and model', () => {
    for (const s of doc.testsuite) {
      const props = Object.fromEntries(s.properties.property.map((p: any) => [p.name, p.value]));
      expect(props.seed).toBe(String(r.seed));
      expect(props.target).toBe('http http://127.0.0.1:8080');
      expect(props.model).toContain(r.model.sha256);
    }
  });

  test('hostile text stays well-formed XML 1.0 and reads back as written (forbidden characters made visible)', () => {
    const unit = fc.oneof(
      fc.constantFrom('\u0000', '\u0001', '\u001b', '\u007f', '\ud800', '\udfff', '\ufffe', '\uffff', '&', '<', '>', '"', "'", '\n', '\r', '\t', ']]>', '&amp;', '&#10;', '🚇'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    const text = fc.string({ unit, maxLength: 30 });
    fc.assert(
      fc.property(text, text, fc.jsonValue({ maxDepth: 2 }), (title, message, counterexample) => {
        const failed = check('OPEN-SHAPE-001', 'failed', { title, failure: { message, counterexample, seed: 1, replay: 'replay' } });
        const skipped = check('LIFE-EXPIRY-001', 'skipped', { skipReason: message });
        const d = parse(toJunitXml(report([failed, skipped])));
        const [tc, sk] = cases(d.testsuite);
        expect(tc.name).toBe(`OPEN-SHAPE-001 ${xmlSafe(title)}`);
        expect(tc.failure.message).toBe(xmlSafe(message));
        expect(tc.failure['#text'].startsWith(xmlSafe(message))).toBe(true);
        expect(sk.skipped.message).toBe(xmlSafe(message));
      }),
      { numRuns: 100 },
    );
  });

  test('the fixture\'s control characters are visible, not dropped', () => {
    const xml = toJunitXml(r);
    expect(HOSTILE).toContain('\u0001');
    expect(xml).toContain('\\u0001');
    expect(xml).toContain('\\uD800');
  });
});
