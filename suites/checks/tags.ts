/** Tags: given at open, upserted by TagResource, removed exactly by UntagResource, keys case-sensitive. */
import fc from 'fast-check';
import { validateShape, type OperationName } from '../../specs/index.js';
import { arbitraryFor, tagList } from '../../generators/index.js';
import { defineCheck } from '../check.js';
import { assertProperty } from '../property.js';
import { callOk, fail, isNotFound, sameTags, sortedEntries, tagSet, TAGS_PER_TUNNEL_QUOTA } from '../support.js';
import { unexpectedAnswer, type CallResult } from '../api.js';

defineCheck({
  id: 'TAG-OPEN-001',
  title: 'Tags given to OpenTunnel are listed by ListTagsForResource (as a set)',
  level: 'MUST',
  source: 'service-facts.md#tags: MODEL: OpenTunnelRequest.tags "A collection of tag metadata"; ListTagsForResource "Lists the tags for the specified resource"; service-facts.md#unknown: "more than 50 tags on one tunnel (either all kept, or a 4xx that changes nothing; never some silently dropped)"',
  operations: ['OpenTunnel', 'ListTagsForResource'],
  cost: (runs) => ({ tunnels: runs, calls: 2 * runs }),
  tunnelNeeds: () => ({ samples: true }),
  async run(ctx) {
    // Above the quota a whole refusal is legitimate (the pool then draws another sample); a success must list every tag, never some.
    let keptOverQuota = 0;
    // Where tunnels are shared, the run's samples, whose generated inputs carry generated tags.
    await assertProperty(ctx, ctx.tunnels.samples(tagList().map((tags) => ({ tags }))), async (sample) => {
      const t = await sample.get();
      if (tagSet(t.sent.tags).size > TAGS_PER_TUNNEL_QUOTA) keptOverQuota++;
      const listed = tagSet((await callOk(ctx, 'ListTagsForResource', { resourceArn: t.tunnelArn })).tags);
      if (!sameTags(tagSet(t.sent.tags), listed)) fail(`ListTagsForResource lists ${JSON.stringify(sortedEntries(listed))}`);
    });
    ctx.observe({ id: 'open-over-tag-quota-listed', question: `How many tunnels opened with more than ${TAGS_PER_TUNNEL_QUOTA} tags were kept whole (a refusal is passed over)?`, answer: keptOverQuota });
  },
});

/** Case mapping can lengthen a key or add a combining mark (İ -> i̇): keep only variants the model allows. */
const usableKey = (k: string) =>
  validateShape('TagKey', k).length === 0 && !k.toLowerCase().startsWith('aws:') && !k.startsWith('tunnel-conformance:');

type TagStep = { tag: { key: string; value: string }[] } | { untag: string[] };

/**
 * Steps over a small key pool with case variants of each key, so that upserts, removals of
 * absent keys and case-sensitivity are all reached within a few steps.
 */
const tagSteps = fc
  .uniqueArray(arbitraryFor('TagKey') as fc.Arbitrary<string>, { minLength: 1, maxLength: 3 })
  .map((keys) => [...new Set(keys.flatMap((k) => [k, k.toUpperCase(), k.toLowerCase()]))].filter(usableKey))
  .filter((keys) => keys.length > 0)
  .chain((pool) => {
    const value = arbitraryFor('TagValue') as fc.Arbitrary<string>;
    const step: fc.Arbitrary<TagStep> = fc.oneof(
      fc.uniqueArray(fc.record({ key: fc.constantFrom(...pool), value }), { minLength: 1, maxLength: pool.length, selector: (t) => t.key }).map((tag) => ({ tag })),
      fc.subarray(pool).map((untag) => ({ untag })),
    );
    return fc.array(step, { minLength: 1, maxLength: 6 });
  });

defineCheck({
  id: 'TAG-UPSERT-001',
  title: 'TagResource upserts, UntagResource removes exactly the keys given (absent keys are a no-op), keys are case-sensitive',
  level: 'MUST',
  source: 'service-facts.md#tags: MODEL: TagResource "A resource tag", UntagResource "Removes a tag from a resource", TagKey pattern (case is significant); tags are a key->value set',
  operations: ['TagResource', 'UntagResource', 'ListTagsForResource'],
  cost: (runs) => ({ tunnels: runs, calls: runs * 15 }),
  tunnelNeeds: () => ({ work: true }),
  async run(ctx) {
    await assertProperty(ctx, tagSteps, async (steps) => {
      const t = await ctx.tunnels.work();
      // The work tunnel carries what earlier checks left: the steps start from what is listed, and are undone at the end.
      const start = tagSet((await callOk(ctx, 'ListTagsForResource', { resourceArn: t.tunnelArn })).tags);
      const expected = new Map(start);
      for (const [i, step] of steps.entries()) {
        if ('tag' in step) {
          await callOk(ctx, 'TagResource', { resourceArn: t.tunnelArn, tags: step.tag });
          for (const { key, value } of step.tag) expected.set(key, value);
        } else {
          await callOk(ctx, 'UntagResource', { resourceArn: t.tunnelArn, tagKeys: step.untag });
          for (const key of step.untag) expected.delete(key);
        }
        const listed = tagSet((await callOk(ctx, 'ListTagsForResource', { resourceArn: t.tunnelArn })).tags);
        if (!sameTags(expected, listed)) {
          fail(`after step ${i + 1} the tags are ${JSON.stringify(sortedEntries(listed))}, expected ${JSON.stringify(sortedEntries(expected))}`);
        }
      }
      const added = [...expected.keys()].filter((k) => !start.has(k));
      if (added.length) await callOk(ctx, 'UntagResource', { resourceArn: t.tunnelArn, tagKeys: added });
      const changed = sortedEntries(start).filter(([k, v]) => expected.get(k) !== v);
      if (changed.length) await callOk(ctx, 'TagResource', { resourceArn: t.tunnelArn, tags: changed.map(([key, value]) => ({ key, value })) });
    });
  },
});

defineCheck({
  id: 'ERR-NOT-FOUND-002',
  title: 'The ARN of a deleted tunnel is ResourceNotFoundException with a 4xx status on TagResource, UntagResource and ListTagsForResource',
  level: 'MUST',
  source: 'service-facts.md#tags: MODEL: errors of TagResource/UntagResource/ListTagsForResource list ResourceNotFoundException; service-facts.md#lifecycle: CloseTunnelRequest.delete deletes the tunnel data',
  operations: ['TagResource', 'UntagResource', 'ListTagsForResource', 'CloseTunnel'],
  cost: () => ({ tunnels: 1, calls: 5 }),
  // A tunnel an earlier check deleted, or one deleted for it.
  tunnelNeeds: () => ({ take: [{ stage: 'deleted', count: 1, leaves: 'deleted' }] }),
  async run(ctx) {
    const t = await ctx.tunnels.take('deleted');
    const calls: [OperationName, Promise<CallResult>][] = [
      ['TagResource', ctx.target.call('TagResource', { resourceArn: t.tunnelArn, tags: [{ key: 'k', value: 'v' }] })],
      ['UntagResource', ctx.target.call('UntagResource', { resourceArn: t.tunnelArn, tagKeys: ['k'] })],
      ['ListTagsForResource', ctx.target.call('ListTagsForResource', { resourceArn: t.tunnelArn })],
    ];
    for (const [op, p] of calls) {
      const r = await p;
      if (!isNotFound(r)) throw unexpectedAnswer(op, r, 'a 4xx ResourceNotFoundException', { resourceArn: t.tunnelArn }, `${op} on a deleted tunnel's ARN`);
    }
  },
});
