/**
 * Quotas: the open-tunnel limit (through the target's limits control), at most 3 services per
 * tunnel, and the 50-tags quota. A check reasons about its own tunnels only, found by a thing
 * name it alone uses: other clients' tunnels may exist and change meanwhile.
 */
import { defineCheck } from '../check.js';
import { answerText, CheckFailed, unexpectedAnswer, type CallResult, type CheckContext } from '../api.js';
import { callOk, describe, destinationFor, fail, freshThingName, isClientError, listAll, listedSummary, removeCreated, sameTags, sortedEntries, tagSet, type Json } from '../support.js';

/** Every tunnel ListTunnels shows (the run's and anyone else's), and those of them shown OPEN. */
async function census(ctx: CheckContext, except?: string): Promise<{ open: number; all: number }> {
  const summaries = (await listAll(ctx, {})).flatMap((p) => p.summaries).filter((s) => s.tunnelId !== except);
  return { open: summaries.filter((s) => s.status === 'OPEN').length, all: summaries.length };
}

const limitExceeded = (r: CallResult) => isClientError(r) && !r.ok && r.code === 'LimitExceededException';

defineCheck({
  id: 'LIMIT-OPEN-001',
  title: 'At the open-tunnel limit OpenTunnel is LimitExceededException (4xx) and creates nothing; below it, OpenTunnel succeeds',
  level: 'MUST',
  source:
    'service-facts.md#quotas: "While the open-tunnel limit is reached, OpenTunnel answers LimitExceededException (a 4xx; the model\'s httpError is 403) and creates nothing"; service-facts.md#unknown: "whether CLOSED tunnels count against the open-tunnel quota"',
  operations: ['OpenTunnel', 'ListTunnels', 'CloseTunnel'],
  needs: ['limits'],
  alone: "sets the target's open-tunnel limit: another check's opens would be refused",
  // ListTunnels pages depend on how many tunnels the target holds: the calls are counted for an empty one.
  cost: () => ({ tunnels: 4, calls: 16 }),
  async run(ctx) {
    const limits = ctx.target.limits;
    if (!limits) return ctx.skip('no limits control');
    const thing = (label: string) => freshThingName(ctx, `limit-${label}`);
    const first = thing('a');
    const a = await ctx.tunnels.open({ destinationConfig: destinationFor(first) });
    // Counted once the run's own tunnel is seen, so a lagging list does not set the limit short.
    await ctx.eventually(`tunnel ${a.tunnelId} listed`, () => listedSummary(ctx, first, a.tunnelId));
    try {
      // Below the limit whether or not CLOSED tunnels count: one place left even if every listed tunnel counts.
      const below = (await census(ctx)).all + 1;
      await limits.setMaxOpenTunnels(below);
      const b = await ctx.openTunnel({ destinationConfig: destinationFor(thing('b')) });
      if (!b.result.ok) {
        // Another client may have taken the place meanwhile; only then is the refusal right.
        if (limitExceeded(b.result) && (await census(ctx)).all >= below) ctx.skip('other clients opened tunnels while the limit was set: not judged');
        throw unexpectedAnswer('OpenTunnel', b.result, `a 2xx success below the limit of ${below}`, { maxOpenTunnels: below }, 'OpenTunnel below the open-tunnel limit');
      }
      const bId = String(b.result.output.tunnelId);

      // At the limit whether or not CLOSED tunnels count: exactly as many as are OPEN.
      const atLimit = (await census(ctx)).open;
      await limits.setMaxOpenTunnels(atLimit);
      const over = thing('c');
      const c = await ctx.openTunnel({ destinationConfig: destinationFor(over) });
      if (c.result.ok) {
        if ((await census(ctx, String(c.result.output.tunnelId))).open < atLimit) ctx.skip('other clients closed tunnels while the limit was set: not judged');
        throw unexpectedAnswer('OpenTunnel', c.result, 'a 4xx LimitExceededException', { maxOpenTunnels: atLimit }, `OpenTunnel with ${atLimit} tunnels OPEN and maxOpenTunnels ${atLimit}`);
      }
      const created = await removeCreated(ctx, over);
      if (created.length) {
        throw new CheckFailed(`OpenTunnel answered ${answerText(c.result)} at the open-tunnel limit but created ${created.join(', ')}`, { maxOpenTunnels: atLimit }, undefined, {
          kind: 'state',
          operation: 'OpenTunnel',
          expected: 'no tunnel created',
          actual: `${created.length} created`,
        });
      }
      if (!limitExceeded(c.result)) throw unexpectedAnswer('OpenTunnel', c.result, 'a 4xx LimitExceededException', { maxOpenTunnels: atLimit }, 'OpenTunnel at the open-tunnel limit');

      // One of the run's tunnels CLOSED: whether that frees a place is UNKNOWN, only observed.
      await callOk(ctx, 'CloseTunnel', { tunnelId: bId });
      const after = thing('d');
      const d = await ctx.openTunnel({ destinationConfig: destinationFor(after) });
      if (!d.result.ok) await removeCreated(ctx, after);
      ctx.observe({
        id: 'limit-closed-counted',
        question: 'At the open-tunnel limit, does closing one tunnel let OpenTunnel succeed again (are CLOSED tunnels not counted)?',
        answer: d.result.ok ? 'yes: CLOSED tunnels are not counted' : `no (${answerText(d.result)}): CLOSED tunnels are counted`,
      });
    } finally {
      await limits.setMaxOpenTunnels(null);
    }
  },
});

/** Four distinct valid services: one more than a tunnel may have. */
const FOUR_SERVICES = ['SSH', 'RDP', 'HTTP', 'VNC'];

defineCheck({
  id: 'LIMIT-SERVICES-001',
  title: 'A 4th service in destinationConfig is a 4xx that changes nothing, on OpenTunnel and on RotateTunnelAccessToken',
  level: 'MUST',
  source:
    'service-facts.md#quotas: "at most 3 services per tunnel (since December 2024)"; service-facts.md#unknown: "what is answered for a 4th service (LimitExceededException or a validation error: either way a 4xx that creates nothing)"',
  operations: ['OpenTunnel', 'RotateTunnelAccessToken', 'ListTunnels', 'DescribeTunnel'],
  cost: () => ({ tunnels: 2, calls: 8 }),
  // The refused rotation changes nothing of the work tunnel; the refused open costs none.
  tunnelNeeds: () => ({ work: true }),
  async run(ctx) {
    // A refusal costs no tunnel; an acceptance is journaled and cleaned up with the run.
    const thingName = freshThingName(ctx, 'services');
    const four = { thingName, services: FOUR_SERVICES };
    const opened = await ctx.openTunnel({ destinationConfig: four });
    if (!isClientError(opened.result)) throw unexpectedAnswer('OpenTunnel', opened.result, 'a 4xx client error', { destinationConfig: four }, 'OpenTunnel with 4 services');
    const created = await removeCreated(ctx, thingName);
    if (created.length) fail(`OpenTunnel with 4 services answered ${answerText(opened.result)} but created ${created.join(', ')}`, { destinationConfig: four });

    const t = await ctx.tunnels.work();
    const before = (await describe(ctx, t.tunnelId)).destinationConfig;
    const input = { tunnelId: t.tunnelId, clientMode: 'DESTINATION', destinationConfig: { ...before, services: FOUR_SERVICES } };
    const rotated = await ctx.target.call('RotateTunnelAccessToken', input);
    if (!isClientError(rotated)) throw unexpectedAnswer('RotateTunnelAccessToken', rotated, 'a 4xx client error', input, 'RotateTunnelAccessToken with 4 services');
    const after = (await describe(ctx, t.tunnelId)).destinationConfig;
    if (JSON.stringify(after) !== JSON.stringify(before)) fail(`RotateTunnelAccessToken with 4 services answered ${answerText(rotated)} but the destinationConfig became ${JSON.stringify(after)}`, input);
    ctx.observe({ id: 'fourth-service', question: 'What do OpenTunnel and RotateTunnelAccessToken answer for a 4th service?', answer: { OpenTunnel: answerText(opened.result), RotateTunnelAccessToken: answerText(rotated) } });
  },
});

/** The AWS-wide tagging quota the docs name: at least this many tags on one tunnel. */
const TAG_QUOTA = 50;
const tagsNamed = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: `v${i}` }));

/** After `r`, the tunnel lists exactly `expected`: above the quota, some tags dropped is never right. */
async function demandTags(ctx: CheckContext, what: string, r: CallResult, resourceArn: string, expected: Json[]) {
  const listed = tagSet((await callOk(ctx, 'ListTagsForResource', { resourceArn })).tags);
  if (!sameTags(tagSet(expected), listed)) fail(`${what} answered ${answerText(r)} but ${listed.size} tags are listed, expected ${expected.length}: ${JSON.stringify(sortedEntries(listed))}`);
}

defineCheck({
  id: 'LIMIT-TAGS-001',
  title: 'A tunnel keeps 50 tags; above 50, TagResource and OpenTunnel keep every tag or refuse with a 4xx that changes nothing',
  level: 'MUST',
  source:
    'service-facts.md#quotas: "the AWS-wide tagging quota is 50 tags per resource, so at least 50 must be accepted on one tunnel"; service-facts.md#unknown: "more than 50 tags on one tunnel (either all kept, or a 4xx that changes nothing; never some silently dropped)"',
  operations: ['OpenTunnel', 'TagResource', 'ListTagsForResource', 'ListTunnels'],
  cost: () => ({ tunnels: 2, calls: 10 }),
  // The work tunnel is tagged up to the quota and back; an OpenTunnel above it may open one (keeping every tag is allowed),
  // which then serves a check that ends tunnels.
  tunnelNeeds: () => ({ work: true, fresh: 1, lends: 1 }),
  async run(ctx) {
    const t = await ctx.tunnels.work();
    const own = [...tagSet((await callOk(ctx, 'ListTagsForResource', { resourceArn: t.tunnelArn })).tags)].map(([key, value]) => ({ key, value }));
    const added = tagsNamed('tc-quota-', TAG_QUOTA - own.length);
    await callOk(ctx, 'TagResource', { resourceArn: t.tunnelArn, tags: added });
    const sent = [...own, ...added];
    const listed = tagSet((await callOk(ctx, 'ListTagsForResource', { resourceArn: t.tunnelArn })).tags);
    if (!sameTags(tagSet(sent), listed)) fail(`a tunnel tagged up to ${TAG_QUOTA} tags: ${listed.size} are listed`, { tags: sent.length });

    const extra = tagsNamed('tc-quota-extra-', 10);
    const tagged = await ctx.target.call('TagResource', { resourceArn: t.tunnelArn, tags: extra });
    const tagging = `TagResource taking a tunnel to ${sent.length + extra.length} tags`;
    if (!tagged.ok && !isClientError(tagged)) throw unexpectedAnswer('TagResource', tagged, 'a 2xx success keeping every tag, or a 4xx that changes nothing', undefined, tagging);
    await demandTags(ctx, tagging, tagged, t.tunnelArn, tagged.ok ? [...sent, ...extra] : sent);
    // The work tunnel serves other checks: back to its own tags.
    await callOk(ctx, 'UntagResource', { resourceArn: t.tunnelArn, tagKeys: [...added, ...extra].map((x) => x.key) });

    const thingName = freshThingName(ctx, 'tags');
    const many = await ctx.openTunnel({ destinationConfig: destinationFor(thingName), tags: tagsNamed('tc-quota-', TAG_QUOTA + 9) });
    const what = `OpenTunnel with ${TAG_QUOTA + 10} tags`;
    if (many.result.ok) {
      const output = many.result.output;
      await demandTags(ctx, what, many.result, String(output.tunnelArn), (many.sent.tags ?? []) as Json[]);
      ctx.tunnels.lend({ tunnelId: String(output.tunnelId), tunnelArn: String(output.tunnelArn), sent: many.sent, output });
    }
    else {
      if (!isClientError(many.result)) throw unexpectedAnswer('OpenTunnel', many.result, 'a 2xx success keeping every tag, or a 4xx that creates nothing', undefined, what);
      const created = await removeCreated(ctx, thingName);
      if (created.length) fail(`${what} answered ${answerText(many.result)} but created ${created.join(', ')}`);
    }
    ctx.observe({ id: 'tags-above-50', question: 'What do TagResource and OpenTunnel answer above 50 tags on one tunnel?', answer: { TagResource: answerText(tagged), OpenTunnel: answerText(many.result) } });
  },
});
