/** ListTunnels: newest first, thingName filter, pagination that loses and repeats nothing. */
import fc from 'fast-check';
import { def } from '../../specs/index.js';
import type { CheckContext } from '../api.js';
import { defineCheck } from '../check.js';
import { assertProperty } from '../property.js';
import { callOk, fail, listAll, type Json, type Page } from '../support.js';
import { MOVES_CLOCK, nextSecond } from '../time.js';

const maxResults = def('MaxResults') as { minimum: number; maximum: number };

/** Tunnels of one thing (the run's samples where tunnels are shared), with their ids; `between` runs between two opens. */
async function ofOneThing(ctx: CheckContext, count: number, between?: () => Promise<void>) {
  const group = await ctx.tunnels.group(count, between);
  return { ...group, ids: group.tunnels.map((t) => t.tunnelId) };
}

/** Lists until every expected id is there (ListTunnels may lag writes: SERVICE-FACTS UNKNOWN), bounded. */
async function listConverged(ctx: CheckContext, input: Json, expected: string[]): Promise<Page[]> {
  return ctx.eventually(`ListTunnels(${JSON.stringify(input)}) shows all ${expected.length} tunnels`, async () => {
    const pages = await listAll(ctx, input);
    const ids = new Set(pages.flatMap((p) => p.ids));
    return expected.every((id) => ids.has(id)) ? pages : undefined;
  });
}

defineCheck({
  id: 'LIST-ORDER-001',
  title: 'ListTunnels lists newest first (any order among equal createdAt)',
  level: 'MUST',
  source: 'service-facts.md#lifecycle: DOC (API reference): "ListTunnels lists by creation time, newest first"; service-facts.md#legitimate-freedom: "any order among tunnels with equal createdAt"',
  operations: ['ListTunnels', 'OpenTunnel'],
  cost: (runs) => ({ tunnels: runs * 4, calls: runs * 6 }),
  tunnelNeeds: () => ({ samples: true }),
  alone: MOVES_CLOCK,
  async run(ctx) {
    // All createdAt equal at whole seconds would leave nothing to judge: with a clock every run
    // spaces its opens a second apart; without one, only the first run waits (a few seconds in all).
    let runs = 0;
    const pairs = { distinct: 0, tied: 0 };
    await assertProperty(ctx, fc.integer({ min: 2, max: 4 }), async (count) => {
      const spaced = ctx.target.clock !== undefined || runs++ === 0;
      const { thingName, ids, tunnels } = await ofOneThing(ctx, count, spaced ? () => nextSecond(ctx) : undefined);
      const summaries = (await listConverged(ctx, { thingName }, ids)).flatMap((p) => p.summaries);
      const created = summaries.map((s) => s.createdAt);
      for (let i = 1; i < summaries.length; i++) {
        const [a, b] = [created[i - 1], created[i]];
        if (typeof a === 'number' && typeof b === 'number' && a < b) {
          fail(`ListTunnels puts ${summaries[i - 1].tunnelId} (createdAt ${a}) before the newer ${summaries[i].tunnelId} (createdAt ${b})`);
        }
      }
      // One opened strictly after another (its open sent after the other's answered) must not come after it unless their createdAt tie.
      const position = new Map(summaries.map((s, i) => [String(s.tunnelId), i]));
      const createdOf = new Map(summaries.map((s) => [String(s.tunnelId), s.createdAt]));
      for (const older of tunnels) {
        for (const newer of tunnels.filter((t) => older.opened.ended < t.opened.started)) {
          const tie = createdOf.get(older.tunnelId) === undefined || createdOf.get(older.tunnelId) === createdOf.get(newer.tunnelId);
          pairs[tie ? 'tied' : 'distinct']++;
          if (!tie && position.get(newer.tunnelId)! > position.get(older.tunnelId)!) fail(`tunnel ${newer.tunnelId}, opened after ${older.tunnelId}, is listed after it`);
        }
      }
    });
    ctx.observe({ id: 'list-order-pairs', question: 'How many pairs of this check\'s tunnels had distinct createdAt (judged) and how many tied (any order allowed)?', answer: pairs });
  },
});

defineCheck({
  id: 'LIST-PAGES-001',
  title: 'Paginating ListTunnels with any maxResults returns every matching tunnel exactly once, never more than maxResults a page, keeps the thingName filter on every page, and ends',
  level: 'MUST',
  source: 'service-facts.md#constraints: MODEL: ListTunnels smithy.api#paginated (nextToken/maxResults), MaxResults range 1..100, ListTunnelsRequest.thingName; service-facts.md#legitimate-freedom: "pages shorter than maxResults", "a nextToken of any valid form"',
  operations: ['ListTunnels', 'OpenTunnel'],
  cost: (runs) => ({ tunnels: runs * 7, calls: runs * 20 }),
  tunnelNeeds: () => ({ samples: true, work: true }),
  async run(ctx) {
    const pageSizes = fc.oneof(fc.integer({ min: maxResults.minimum, max: 4 }), fc.integer({ min: maxResults.minimum, max: maxResults.maximum }));
    let defaultPage: { matching: number; firstPage: number } | undefined;
    await assertProperty(ctx, fc.record({ count: fc.integer({ min: 0, max: 6 }), maxResults: pageSizes }), async ({ count, maxResults: size }) => {
      const mine = await ofOneThing(ctx, count);
      // A decoy for another thing (the work tunnel): the filter must keep it out of every page.
      const decoy = { ids: [(await ctx.tunnels.work()).tunnelId] };
      const pages = await listConverged(ctx, { thingName: mine.thingName, maxResults: size }, mine.ids);
      const all = pages.flatMap((p) => p.ids);
      pages.forEach((p, i) => {
        if (p.ids.length > size) fail(`page ${i + 1} has ${p.ids.length} tunnels, over maxResults ${size}`);
        if (p.ids.includes(decoy.ids[0])) fail(`page ${i + 1} lists a tunnel of another thing: the thingName filter was lost`);
      });
      const foreign = all.filter((id) => !mine.ids.includes(id));
      if (foreign.length) fail(`ListTunnels(thingName) listed ${foreign.length} tunnels not opened for that thing`);
      const dupes = all.filter((id, i) => all.indexOf(id) !== i);
      if (dupes.length) fail(`pagination returned ${dupes.length} tunnels twice`);
      if (mine.ids.length > 0) {
        const first = await callOk(ctx, 'ListTunnels', { thingName: mine.thingName });
        defaultPage = { matching: mine.ids.length, firstPage: Array.isArray(first.tunnelSummaries) ? first.tunnelSummaries.length : 0 };
      }
    });
    ctx.observe({ id: 'default-page-size', question: 'How many tunnels does ListTunnels return on a page when maxResults is not given?', answer: defaultPage ?? 'not seen' });
  },
});
