/** What OpenTunnel promises about the tunnel it creates, read back through DescribeTunnel. */
import fc from 'fast-check';
import { def } from '../../specs/index.js';
import type { TunnelSample } from '../api.js';
import { defineCheck } from '../check.js';
import { assertProperty } from '../property.js';
import { describe, fail, sameTags, tagSet, TAGS_PER_TUNNEL_QUOTA } from '../support.js';
import { targetNow } from '../time.js';

/** SERVICE-FACTS: maxLifetimeTimeoutMinutes defaults to 720. */
const DEFAULT_LIFETIME_MIN = 720;
/** Tolerance around the target's clock (without clock control: the caller's clock, so also skew); ms-as-seconds is off by a factor of 1000. */
const SKEW_S = 300;

/** MODEL: the TunnelId pattern, with the `u` flag (SERVICE-FACTS: patterns use Unicode classes; this one carries its anchors). */
const TUNNEL_ID = new RegExp(def('TunnelId').pattern as string, 'u');

defineCheck({
  id: 'OPEN-ROUNDTRIP-001',
  title: 'DescribeTunnel returns what OpenTunnel was given: description, destinationConfig, tags (as a set), timeoutConfig when echoed',
  level: 'MUST',
  source: 'service-facts.md#lifecycle: DOC (API reference): DescribeTunnel "gets information about a tunnel"; MODEL: Tunnel members mirror OpenTunnelRequest; service-facts.md#unknown: whether timeoutConfig is echoed when not set (if echoed, it must say 720)',
  operations: ['OpenTunnel', 'DescribeTunnel'],
  cost: (runs) => ({ tunnels: runs, calls: 2 * runs }),
  tunnelNeeds: () => ({ samples: true }),
  async run(ctx) {
    const echoed = { given: 0, defaultEchoed: 0, defaultOmitted: 0 };
    // Above the tag quota a whole refusal is legitimate: the pool then draws another sample.
    let keptOverQuota = 0;
    await assertProperty(ctx, ctx.tunnels.samples(), async (sample) => {
      const t = await sample.get();
      if (tagSet(t.sent.tags).size > TAGS_PER_TUNNEL_QUOTA) keptOverQuota++;
      const d = await describe(ctx, t.tunnelId);
      const sent = t.sent as { description?: string; destinationConfig?: { thingName?: string; services: string[] }; timeoutConfig?: { maxLifetimeTimeoutMinutes?: number }; tags?: unknown };
      if (d.tunnelId !== undefined && d.tunnelId !== t.tunnelId) fail(`DescribeTunnel(${t.tunnelId}) described ${d.tunnelId}`);
      if (sent.description !== undefined && d.description !== sent.description) fail(`description came back as ${JSON.stringify(d.description)}`);
      if (sent.destinationConfig) {
        const got = d.destinationConfig;
        if (!got) fail('destinationConfig was given but not described');
        if (got.thingName !== sent.destinationConfig.thingName) fail(`destinationConfig.thingName came back as ${JSON.stringify(got.thingName)}`);
        // Services compared as a set: the documents promise the list, not its order.
        const a = [...new Set(sent.destinationConfig.services)].sort();
        const b = [...new Set(got.services ?? [])].sort();
        if (JSON.stringify(a) !== JSON.stringify(b)) fail(`destinationConfig.services came back as ${JSON.stringify(got.services)}`);
      }
      if (!sameTags(tagSet(sent.tags), tagSet(d.tags))) fail(`tags came back as ${JSON.stringify(d.tags)}`);
      const given = sent.timeoutConfig?.maxLifetimeTimeoutMinutes;
      const shown = d.timeoutConfig?.maxLifetimeTimeoutMinutes;
      if (given !== undefined) {
        echoed.given++;
        if (shown !== undefined && shown !== given) fail(`timeoutConfig.maxLifetimeTimeoutMinutes came back as ${shown}, given ${given}`);
      } else if (shown !== undefined) {
        echoed.defaultEchoed++;
        if (shown !== DEFAULT_LIFETIME_MIN) fail(`timeoutConfig was not given and is described as ${shown} minutes, not the default ${DEFAULT_LIFETIME_MIN}`);
      } else echoed.defaultOmitted++;
    });
    ctx.observe({ id: 'open-over-tag-quota', question: `How many tunnels opened with more than ${TAGS_PER_TUNNEL_QUOTA} tags were kept whole (a refusal is passed over)?`, answer: keptOverQuota });
    ctx.observe({ id: 'timeout-config-echoed', question: 'Does DescribeTunnel echo timeoutConfig when OpenTunnel did not set it?', answer: echoed.defaultEchoed > 0 ? 'yes (720)' : echoed.defaultOmitted > 0 ? 'no' : 'not seen' });
  },
});

defineCheck({
  id: 'OPEN-STATE-001',
  title: 'A new tunnel is OPEN with both connection states DISCONNECTED, and createdAt <= lastUpdatedAt near the target\'s clock',
  level: 'MUST',
  source: 'service-facts.md#lifecycle: DOC (developer guide, tunnel lifecycle): "A new tunnel is OPEN; both connection states DISCONNECTED"; MODEL: timestamps are epoch seconds',
  operations: ['OpenTunnel', 'DescribeTunnel'],
  cost: (runs) => ({ tunnels: runs, calls: 2 * runs }),
  tunnelNeeds: () => ({ samples: true }),
  async run(ctx) {
    await assertProperty(ctx, ctx.tunnels.samples(), async (sample) => {
      const now = await targetNow(ctx);
      const t = await sample.get();
      const d = await describe(ctx, t.tunnelId);
      const after = await targetNow(ctx);
      // A shared sample was opened earlier in the run: the window reaches back to when it was sent.
      const before = now - Math.max(0, Date.now() / 1000 - t.opened.wall);
      if (d.status !== 'OPEN') fail(`a new tunnel is ${d.status}, not OPEN`);
      for (const side of ['sourceConnectionState', 'destinationConnectionState'] as const) {
        // The member is optional in the model; when present it must say DISCONNECTED (no proxy has connected).
        const s = d[side]?.status;
        if (s !== undefined && s !== 'DISCONNECTED') fail(`${side} of a new tunnel is ${s}`);
      }
      for (const k of ['createdAt', 'lastUpdatedAt'] as const) {
        const v = d[k];
        if (v === undefined) continue;
        if (typeof v !== 'number') fail(`${k} is not epoch seconds: ${JSON.stringify(v)}`);
        if (v < before - SKEW_S || v > after + SKEW_S) {
          const hint = v > after * 100 ? '; milliseconds given as seconds?' : '';
          fail(`${k} ${v} is not near the target's clock ${before.toFixed(3)}..${after.toFixed(3)} (tolerance ${SKEW_S}s${hint})`);
        }
      }
      if (d.createdAt !== undefined && d.lastUpdatedAt !== undefined && d.createdAt > d.lastUpdatedAt) {
        fail(`createdAt ${d.createdAt} is after lastUpdatedAt ${d.lastUpdatedAt}`);
      }
    });
  },
});

defineCheck({
  id: 'OPEN-IDS-001',
  title: 'Tunnel ids are unique, also for concurrent opens, and match the TunnelId pattern',
  level: 'MUST',
  source: 'service-facts.md#constraints: MODEL: OpenTunnelResponse.tunnelId "A unique alpha-numeric tunnel ID" (TunnelId pattern)',
  operations: ['OpenTunnel'],
  cost: (runs) => ({ tunnels: runs * 4, calls: runs * 4 }),
  // Shared samples are opened the first alone and the rest side by side: concurrent opens are among them.
  tunnelNeeds: () => ({ samples: true }),
  async run(ctx) {
    const seen = new Map<string, TunnelSample>();
    await assertProperty(ctx, fc.uniqueArray(ctx.tunnels.samples(), { minLength: 1, maxLength: 4 }), async (samples) => {
      const opened = await Promise.all(samples.map(async (s) => ({ s, t: await s.get() })));
      for (const { s, t } of opened) {
        if (!TUNNEL_ID.test(t.tunnelId)) fail(`tunnel id ${JSON.stringify(t.tunnelId)} does not match the TunnelId pattern ${TUNNEL_ID.source}`);
        if ((seen.get(t.tunnelId) ?? s) !== s) fail(`tunnel id ${t.tunnelId} was given twice (${samples.length} concurrent opens)`);
        seen.set(t.tunnelId, s);
      }
    });
  },
});

defineCheck({
  id: 'OPEN-TOKENS-001',
  title: 'OpenTunnel returns non-empty access tokens, distinct within and across tunnels',
  level: 'MUST',
  source: 'service-facts.md#lifecycle: MODEL: OpenTunnelResponse sourceAccessToken/destinationAccessToken; DOC: tokens are single-use credentials for each side',
  operations: ['OpenTunnel'],
  cost: (runs) => ({ tunnels: runs, calls: runs }),
  tunnelNeeds: () => ({ samples: true }),
  async run(ctx) {
    // Tokens are secrets: kept in memory to compare (with the tunnel they were given for), never put into a message or counterexample.
    const seen = new Map<string, string>();
    await assertProperty(ctx, ctx.tunnels.samples(), async (sample) => {
      const { output, tunnelId } = await sample.get();
      const s = output.sourceAccessToken;
      const d = output.destinationAccessToken;
      if (typeof s !== 'string' || s === '') fail('OpenTunnel returned no sourceAccessToken');
      if (typeof d !== 'string' || d === '') fail('OpenTunnel returned no destinationAccessToken');
      if (s === d) fail('OpenTunnel returned the same token for source and destination');
      for (const token of [s, d]) {
        if ((seen.get(token) ?? tunnelId) !== tunnelId) fail('OpenTunnel returned an access token already given to another tunnel');
        seen.set(token, tunnelId);
      }
    });
  },
});

defineCheck({
  id: 'OPEN-ARN-001',
  title: "The tunnel ARN ends with tunnel/<tunnelId> (the ARN's service part is not asserted)",
  level: 'SHOULD',
  source: 'service-facts.md#lifecycle: DOC-EXAMPLE: "Tunnel ARN: arn:aws:iot:{region}:{account}:tunnel/{tunnelId}"; stale docs show arn:aws:tunnel:…',
  operations: ['OpenTunnel'],
  cost: () => ({ tunnels: 1, calls: 1 }),
  tunnelNeeds: () => ({ work: true }),
  async run(ctx) {
    const t = await ctx.tunnels.work();
    if (!t.tunnelArn.startsWith('arn:') || !t.tunnelArn.endsWith(`:tunnel/${t.tunnelId}`)) {
      fail(`tunnel ARN ${t.tunnelArn} does not end with :tunnel/${t.tunnelId}`);
    }
  },
});
