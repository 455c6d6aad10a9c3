import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operationNames } from '../../specs/index.js';
import { allChecks } from '../../suites/catalogue.js';
import { defineCheck } from '../../suites/check.js';
import { catalogueMarkdown } from '../../suites/catalogue-doc.js';

describe('check catalogue', () => {
  const checks = allChecks();

  it('docs/checks.md is the table generated from the definitions', () => {
    const doc = readFileSync(new URL('../../docs/checks.md', import.meta.url), 'utf8');
    expect(doc, 'regenerate with: npx tsx suites/catalogue-doc.ts > docs/checks.md').toBe(catalogueMarkdown());
  });

  it('every check has a stable id, a level, a source and known operations', () => {
    expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
    for (const c of checks) {
      expect(['MUST', 'SHOULD']).toContain(c.level);
      expect(c.source.length, c.id).toBeGreaterThan(10);
      expect(c.operations.length, c.id).toBeGreaterThan(0);
      for (const op of c.operations) expect(operationNames).toContain(op);
      const cost = c.cost(10);
      expect(cost.tunnels).toBeGreaterThanOrEqual(0);
      expect(cost.calls).toBeGreaterThan(0);
    }
  });

  it('no check id depends on a list position: ERR-INVALID ids name their operation, and former ids are unique and unused', () => {
    for (const op of operationNames) {
      expect(checks.filter((c) => c.id.startsWith('ERR-INVALID-') && c.operations.includes(op)).map((c) => c.id)).toEqual([`ERR-INVALID-${op.toUpperCase()}-001`]);
    }
    const former = checks.flatMap((c) => c.formerly ?? []);
    expect(new Set(former).size).toBe(former.length);
    for (const id of former) expect(checks.map((c) => c.id)).not.toContain(id);
  });

  it('keeps the positional ERR-INVALID ids of 0.1.0 as former ids, each on the check it named then', () => {
    const formerOf = Object.fromEntries(checks.flatMap((c) => (c.formerly ?? []).map((f) => [f, c.id])));
    expect(formerOf).toEqual({
      'ERR-INVALID-001': 'ERR-INVALID-OPENTUNNEL-001',
      'ERR-INVALID-002': 'ERR-INVALID-CLOSETUNNEL-001',
      'ERR-INVALID-003': 'ERR-INVALID-DESCRIBETUNNEL-001',
      'ERR-INVALID-004': 'ERR-INVALID-LISTTUNNELS-001',
      'ERR-INVALID-005': 'ERR-INVALID-ROTATETUNNELACCESSTOKEN-001',
      'ERR-INVALID-006': 'ERR-INVALID-TAGRESOURCE-001',
      'ERR-INVALID-007': 'ERR-INVALID-UNTAGRESOURCE-001',
      'ERR-INVALID-008': 'ERR-INVALID-LISTTAGSFORRESOURCE-001',
    });
  });

  it('refuses an id, current or former, that another check already holds as its former id, so an old id names one check', () => {
    expect(() => defineCheck({ ...checks[0], id: 'ERR-REUSED-001', formerly: ['ERR-INVALID-001'] })).toThrow('check ERR-REUSED-001: id ERR-INVALID-001 is taken by ERR-INVALID-OPENTUNNEL-001');
    expect(() => defineCheck({ ...checks[0], id: 'ERR-INVALID-002', formerly: undefined })).toThrow('id ERR-INVALID-002 is taken by ERR-INVALID-CLOSETUNNEL-001');
    expect(allChecks().map((c) => c.id)).not.toContain('ERR-REUSED-001');
  });

  it('covers all 8 operations with a contract check and an invalid-input check', () => {
    for (const op of operationNames) {
      expect(checks.some((c) => c.id.includes('-CONTRACT-') && c.operations.includes(op)), op).toBe(true);
      expect(checks.some((c) => c.id.startsWith('ERR-INVALID-') && c.operations.includes(op)), op).toBe(true);
    }
  });
});
