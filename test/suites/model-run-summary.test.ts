import { describe, expect, it } from 'vitest';
import { summarise } from '../../suites/checks/model-run.js';

describe('model run: a failure summarises the inputs of its steps', () => {
  const input = { description: 'd'.repeat(2048), tags: Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: 'v'.repeat(256) })), destinationConfig: { thingName: `t-${'x'.repeat(100)}`, services: ['ssh'] } };

  it('counts lists and cuts long strings to their start and length, outside the failing step', () => {
    expect(summarise(input, undefined, false, undefined)).toEqual({
      description: `dddddddd… (2048 characters)`,
      tags: '(50 tags)',
      destinationConfig: { thingName: `t-xxxxxx… (102 characters)`, services: '(1 item)' },
    });
  });

  it('shows the member a comparison is about whole, up to 128 characters', () => {
    const shown = summarise(input, undefined, false, 'thingName') as { destinationConfig: { thingName: string } };
    expect(shown.destinationConfig.thingName).toBe(input.destinationConfig.thingName);
  });

  it('keeps the first items of a list and its length in the failing step', () => {
    const shown = summarise(input, undefined, true, undefined) as { tags: unknown[] };
    expect(shown.tags).toHaveLength(5);
    expect(shown.tags[0]).toEqual({ key: 'k0', value: `${'v'.repeat(32)}… (256 characters)` });
    expect(shown.tags[4]).toBe('… (50 in all)');
    expect(JSON.stringify(summarise(input, undefined, true, undefined)).length).toBeLessThan(600);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(summarise('𝟙'.repeat(40), undefined, false, undefined)).toBe(`${'𝟙'.repeat(8)}… (40 characters)`);
  });
});
