/**
 * Former check ids (CheckDefinition.formerly): accepted by --only, --skip and --expect for one
 * release, each time with a note naming the new id, and paired by `report diff`.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CheckDefinition } from '../../suites/api.js';
import { renameFormerIds } from '../../src/run/expect.js';
import { planConformance } from '../../src/run/conformance.js';
import { selectChecks } from '../../src/run/select.js';

const check = (id: string, formerly?: string[]): CheckDefinition => ({
  id,
  ...(formerly && { formerly }),
  title: `title of ${id}`,
  level: 'MUST',
  source: 'test',
  operations: [],
  cost: (runs) => ({ tunnels: runs, calls: runs }),
  run: async () => {},
});
const catalogue = [check('ERR-INVALID-OPENTUNNEL-001', ['ERR-INVALID-001']), check('ERR-INVALID-CLOSETUNNEL-001', ['ERR-INVALID-002']), check('LIST-ORDER-001')];
const ids = (checks: CheckDefinition[]) => checks.map((c) => c.id);

describe('--only and --skip with a former id', () => {
  it('select the renamed check and note the new id', () => {
    const notes: string[] = [];
    expect(ids(selectChecks(catalogue, ['ERR-INVALID-002', 'LIST-*'], [], (l) => notes.push(l)))).toEqual(['ERR-INVALID-CLOSETUNNEL-001', 'LIST-ORDER-001']);
    expect(notes).toEqual(['note: --only ERR-INVALID-002 is the former id of ERR-INVALID-CLOSETUNNEL-001; it is accepted for one release, write ERR-INVALID-CLOSETUNNEL-001']);
  });

  it('a glob over former ids reaches each renamed check; a glob that matches a current id needs no note', () => {
    const notes: string[] = [];
    expect(ids(selectChecks(catalogue, ['ERR-INVALID-00?'], ['ERR-INVALID-001'], (l) => notes.push(l)))).toEqual(['ERR-INVALID-CLOSETUNNEL-001']);
    expect(notes).toHaveLength(3);
    expect(notes[2]).toMatch(/^note: --skip ERR-INVALID-001 is the former id of ERR-INVALID-OPENTUNNEL-001/);
    notes.length = 0;
    expect(ids(selectChecks(catalogue, ['ERR-INVALID-*'], [], (l) => notes.push(l)))).toHaveLength(2);
    expect(notes).toEqual([]);
  });

  it('an id that is neither current nor former is still an error', () => {
    expect(() => selectChecks(catalogue, ['ERR-INVALID-009'], [], () => {})).toThrow('unknown check id "ERR-INVALID-009"');
  });
});

describe('--expect with a former id', () => {
  it('moves the entry to the current id with a note, and leaves current and unknown ids alone', () => {
    const notes: string[] = [];
    const expected = [{ id: 'ERR-INVALID-001', reason: 'r1' }, { id: 'LIST-ORDER-001', reason: 'r2' }, { id: 'GONE-CHECK-001', reason: 'r3' }];
    expect(renameFormerIds(expected, catalogue, (l) => notes.push(l))).toEqual([
      { id: 'ERR-INVALID-OPENTUNNEL-001', reason: 'r1' },
      { id: 'LIST-ORDER-001', reason: 'r2' },
      { id: 'GONE-CHECK-001', reason: 'r3' },
    ]);
    expect(notes).toEqual(['note: --expect entry ERR-INVALID-001 is the former id of ERR-INVALID-OPENTUNNEL-001; it is accepted for one release, write ERR-INVALID-OPENTUNNEL-001']);
  });
});

describe('the real catalogue', () => {
  it('--plan accepts the positional ERR-INVALID ids in --only and --expect, noting each on stderr', async () => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const plan = await planConformance({ target: 'mock', profile: 'quick', only: 'ERR-INVALID-004', expect: [{ id: 'ERR-INVALID-006', reason: 'known' }] });
      expect(plan.checks.map((c) => c.id)).toEqual(['ERR-INVALID-LISTTUNNELS-001']);
      const notes = stderr.mock.calls.map(([line]) => String(line));
      expect(notes).toContain('note: --only ERR-INVALID-004 is the former id of ERR-INVALID-LISTTUNNELS-001; it is accepted for one release, write ERR-INVALID-LISTTUNNELS-001');
      expect(notes).toContain('note: --expect entry ERR-INVALID-006 is the former id of ERR-INVALID-TAGRESOURCE-001; it is accepted for one release, write ERR-INVALID-TAGRESOURCE-001');
    } finally {
      stderr.mockRestore();
    }
  });
});
