import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { def } from '../../specs/index.js';
import { DEFAULT_LIFETIME_MINUTES, DEFAULT_PAGE_SIZE } from '../../models/service.js';
import { harness, MINUTE, T0 } from './model-harness.js';

const MAX_TAGS = def('TagList').maxItems as number;
const tags = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: `v${i}` }));

describe('TunnelService lifecycle', () => {
  it('opens a tunnel OPEN, both sides DISCONNECTED, with the documented ARN and the default lifetime echoed', () => {
    const m = harness({ region: 'eu-west-1', account: '111122223333' });
    const opened = m.open({ description: 'd' });
    expect(opened.tunnelArn).toBe(`arn:aws:iot:eu-west-1:111122223333:tunnel/${opened.tunnelId}`);
    expect(opened.sourceAccessToken).not.toBe(opened.destinationAccessToken);
    const t = m.describe(opened.tunnelId);
    expect(t).toMatchObject({
      tunnelId: opened.tunnelId,
      status: 'OPEN',
      description: 'd',
      sourceConnectionState: { status: 'DISCONNECTED' },
      destinationConnectionState: { status: 'DISCONNECTED' },
      timeoutConfig: { maxLifetimeTimeoutMinutes: DEFAULT_LIFETIME_MINUTES },
      createdAt: T0 / 1000,
    });
    expect(DEFAULT_LIFETIME_MINUTES).toBe(720);
  });

  it('writes timestamps as epoch seconds with the milliseconds as a fraction', () => {
    const m = harness();
    m.advance(123);
    const { tunnelId } = m.open();
    expect(m.describe(tunnelId).createdAt).toBe((T0 + 123) / 1000);
  });

  it('closes on CloseTunnel, stays describable and listable, and never reopens', () => {
    const m = harness();
    const { tunnelId } = m.open();
    m.advance(MINUTE);
    expect(m.ok('CloseTunnel', { tunnelId })).toEqual({});
    expect(m.describe(tunnelId)).toMatchObject({ status: 'CLOSED', lastUpdatedAt: (T0 + MINUTE) / 1000 });
    m.advance(MINUTE);
    m.ok('CloseTunnel', { tunnelId });
    expect(m.describe(tunnelId).lastUpdatedAt).toBe((T0 + MINUTE) / 1000); // closing a CLOSED tunnel changes nothing
    m.advance(DEFAULT_LIFETIME_MINUTES * MINUTE);
    expect(m.describe(tunnelId)).toMatchObject({ status: 'CLOSED', lastUpdatedAt: (T0 + MINUTE) / 1000 }); // expiry does not re-close it
    m.ok('RotateTunnelAccessToken', { tunnelId, clientMode: 'ALL' });
    expect(m.describe(tunnelId).status).toBe('CLOSED');
    expect(m.ok('ListTunnels', {}).tunnelSummaries).toEqual([expect.objectContaining({ tunnelId, status: 'CLOSED' })]);
  });

  it('expires at maxLifetimeTimeoutMinutes, evaluated on the next read, as of the expiry instant', () => {
    const m = harness();
    const { tunnelId } = m.open({ timeoutConfig: { maxLifetimeTimeoutMinutes: 30 } });
    m.advance(30 * MINUTE - 1);
    expect(m.describe(tunnelId).status).toBe('OPEN');
    m.advance(1);
    expect(m.ok('ListTunnels', {}).tunnelSummaries[0]).toMatchObject({ status: 'CLOSED', lastUpdatedAt: (T0 + 30 * MINUTE) / 1000 });
    expect(m.describe(tunnelId)).toMatchObject({ status: 'CLOSED', timeoutConfig: { maxLifetimeTimeoutMinutes: 30 } });
  });

  it('omits the optional members a tunnel was opened without, in DescribeTunnel and ListTunnels alike', () => {
    const m = harness();
    const bare = m.open({ destinationConfig: { services: ['SSH'] } });
    const described = m.describe(bare.tunnelId);
    expect(Object.keys(described)).not.toContain('description');
    expect(Object.keys(described.destinationConfig)).toEqual(['services']);
    m.advance(1);
    const full = m.open({ description: 'pump', destinationConfig: { thingName: 'thing', services: ['SSH'] } });
    expect(m.describe(full.tunnelId)).toMatchObject({ description: 'pump', destinationConfig: { thingName: 'thing', services: ['SSH'] } });
    const [fullSummary, bareSummary] = m.ok('ListTunnels', {}).tunnelSummaries;
    expect(fullSummary).toMatchObject({ tunnelId: full.tunnelId, description: 'pump' });
    expect(bareSummary.tunnelId).toBe(bare.tunnelId);
    expect(Object.keys(bareSummary)).not.toContain('description');
  });

  it('deletes with delete: true, after which every operation on it is ResourceNotFoundException (404)', () => {
    const m = harness();
    const { tunnelId, tunnelArn } = m.open();
    m.ok('CloseTunnel', { tunnelId, delete: true });
    for (const [op, input] of [
      ['DescribeTunnel', { tunnelId }],
      ['CloseTunnel', { tunnelId }],
      ['RotateTunnelAccessToken', { tunnelId, clientMode: 'ALL' }],
      ['TagResource', { resourceArn: tunnelArn, tags: tags(1) }],
      ['UntagResource', { resourceArn: tunnelArn, tagKeys: ['k0'] }],
      ['ListTagsForResource', { resourceArn: tunnelArn }],
    ] as const) {
      const error = m.err(op, input);
      expect(error).toMatchObject({ code: 'ResourceNotFoundException', status: 404 });
      expect(error.message).toContain('tunnelId' in input ? input.tunnelId : input.resourceArn);
    }
    expect(m.ok('ListTunnels', {}).tunnelSummaries).toEqual([]);
  });

  it('counts only OPEN tunnels against maxOpenTunnels (LimitExceededException, 403)', () => {
    const m = harness({ maxOpenTunnels: 2 });
    const a = m.open();
    m.open({ timeoutConfig: { maxLifetimeTimeoutMinutes: 5 } });
    expect(m.err('OpenTunnel', {})).toMatchObject({ code: 'LimitExceededException', status: 403 });
    m.ok('CloseTunnel', { tunnelId: a.tunnelId });
    m.open();
    expect(m.err('OpenTunnel', {}).code).toBe('LimitExceededException');
    m.advance(5 * MINUTE);
    m.open();
    expect(m.ok('ListTunnels', {}).tunnelSummaries).toHaveLength(4);
  });

  it('limitOpenTunnels overrides the default limit, 0 included, and null restores it', () => {
    const m = harness({ maxOpenTunnels: 3 });
    m.open();
    m.service.limitOpenTunnels(1);
    expect(m.err('OpenTunnel', {})).toMatchObject({ code: 'LimitExceededException', status: 403, message: 'Open tunnel limit of 1 reached' });
    m.service.limitOpenTunnels(0);
    expect(m.err('OpenTunnel', {}).code).toBe('LimitExceededException');
    m.service.limitOpenTunnels(null);
    m.open();
    m.open();
    expect(m.err('OpenTunnel', {}).code).toBe('LimitExceededException');
    expect(m.ok('ListTunnels', {}).tunnelSummaries).toHaveLength(3);
  });

  it('refuses a 4th service with LimitExceededException (403) and changes nothing, on OpenTunnel and on rotation', () => {
    const m = harness();
    const four = { thingName: 'thing', services: ['a', 'b', 'c', 'd'] };
    expect(m.err('OpenTunnel', { destinationConfig: four })).toMatchObject({ code: 'LimitExceededException', status: 403, message: 'A tunnel can have at most 3 services, got 4' });
    expect(m.ok('ListTunnels', {}).tunnelSummaries).toEqual([]);
    const { tunnelId } = m.open({ destinationConfig: { thingName: 'thing', services: ['a', 'b', 'c'] } });
    const before = m.describe(tunnelId);
    expect(m.err('RotateTunnelAccessToken', { tunnelId, clientMode: 'DESTINATION', destinationConfig: four })).toMatchObject({ code: 'LimitExceededException', status: 403 });
    expect(m.describe(tunnelId)).toEqual(before);
  });
});

describe('TunnelService token rotation', () => {
  it.each([
    ['SOURCE', ['sourceAccessToken'], ['SOURCE']],
    ['DESTINATION', ['destinationAccessToken'], ['DESTINATION']],
    ['ALL', ['destinationAccessToken', 'sourceAccessToken'], ['SOURCE', 'DESTINATION']],
  ] as const)('%s revokes and replaces exactly its own tokens and never moves expiry', (clientMode, members, sides) => {
    const m = harness();
    const opened = m.open({ timeoutConfig: { maxLifetimeTimeoutMinutes: 30 } });
    m.advance(20 * MINUTE);
    const rotated = m.ok('RotateTunnelAccessToken', { tunnelId: opened.tunnelId, clientMode });
    expect(Object.keys(rotated).sort()).toEqual(['tunnelArn', ...members].sort());
    expect(rotated.tunnelArn).toBe(opened.tunnelArn);
    const old = { SOURCE: opened.sourceAccessToken, DESTINATION: opened.destinationAccessToken } as const;
    const fresh = { SOURCE: rotated.sourceAccessToken, DESTINATION: rotated.destinationAccessToken };
    for (const side of ['SOURCE', 'DESTINATION'] as const) {
      const replaced = (sides as readonly string[]).includes(side);
      expect(m.service.tokenSide(opened.tunnelId, old[side])).toBe(replaced ? undefined : side);
      if (replaced) expect(m.service.tokenSide(opened.tunnelId, fresh[side])).toBe(side);
    }
    m.advance(10 * MINUTE);
    expect(m.describe(opened.tunnelId).status).toBe('CLOSED');
  });

  it('admits no token of a CLOSED, expired or unknown tunnel', () => {
    const m = harness();
    const closed = m.open();
    const expiring = m.open({ timeoutConfig: { maxLifetimeTimeoutMinutes: 1 } });
    expect(m.service.tokenSide(closed.tunnelId, closed.sourceAccessToken)).toBe('SOURCE');
    expect(m.service.tokenSide(expiring.tunnelId, expiring.destinationAccessToken)).toBe('DESTINATION');
    m.ok('CloseTunnel', { tunnelId: closed.tunnelId });
    m.advance(MINUTE);
    expect(m.service.tokenSide(closed.tunnelId, closed.sourceAccessToken)).toBeUndefined();
    expect(m.service.tokenSide(expiring.tunnelId, expiring.destinationAccessToken)).toBeUndefined();
    expect(m.service.tokenSide('never-opened', closed.sourceAccessToken)).toBeUndefined();
  });

  it('rejects DestinationConfig with SOURCE as ValidationException and changes nothing', () => {
    const m = harness();
    const opened = m.open({ destinationConfig: { thingName: 'thing', services: ['SSH'] } });
    const before = m.describe(opened.tunnelId);
    expect(
      m.err('RotateTunnelAccessToken', { tunnelId: opened.tunnelId, clientMode: 'SOURCE', destinationConfig: { services: ['RDP'] } }),
    ).toMatchObject({ code: 'ValidationException', status: 400, message: expect.stringMatching(/destinationConfig.*SOURCE/) });
    expect(m.describe(opened.tunnelId)).toEqual(before);
    expect(m.service.tokenSide(opened.tunnelId, opened.sourceAccessToken)).toBe('SOURCE');
  });

  it('replaces the destination configuration given with DESTINATION', () => {
    const m = harness();
    const { tunnelId } = m.open({ destinationConfig: { thingName: 'a', services: ['SSH'] } });
    m.ok('RotateTunnelAccessToken', { tunnelId, clientMode: 'DESTINATION', destinationConfig: { thingName: 'b', services: ['RDP'] } });
    expect(m.describe(tunnelId).destinationConfig).toEqual({ thingName: 'b', services: ['RDP'] });
  });
});

describe('TunnelService tags', () => {
  it('upserts, treats keys case-sensitively, ignores untagging an absent key, and omits an empty list', () => {
    const m = harness();
    const { tunnelId, tunnelArn } = m.open({ tags: [{ key: 'Env', value: 'dev' }] });
    m.ok('TagResource', { resourceArn: tunnelArn, tags: [{ key: 'Env', value: 'prod' }, { key: 'env', value: 'x' }] });
    expect(m.ok('ListTagsForResource', { resourceArn: tunnelArn }).tags).toEqual([
      { key: 'Env', value: 'prod' },
      { key: 'env', value: 'x' },
    ]);
    m.ok('UntagResource', { resourceArn: tunnelArn, tagKeys: ['ENV', 'env'] });
    expect(m.describe(tunnelId).tags).toEqual([{ key: 'Env', value: 'prod' }]);
    m.ok('UntagResource', { resourceArn: tunnelArn, tagKeys: ['Env'] });
    expect(m.ok('ListTagsForResource', { resourceArn: tunnelArn })).toEqual({});
    expect(m.describe(tunnelId).tags).toBeUndefined();
  });

  it(`allows at most ${MAX_TAGS} tags per resource and a rejected TagResource changes nothing`, () => {
    const m = harness();
    const { tunnelArn } = m.open({ tags: tags(MAX_TAGS - 50) });
    expect(m.err('TagResource', { resourceArn: tunnelArn, tags: tags(51, 'new') })).toMatchObject({
      code: 'ValidationException',
      message: expect.stringContaining(`at most ${MAX_TAGS} tags`),
    });
    expect(m.ok('ListTagsForResource', { resourceArn: tunnelArn }).tags).toHaveLength(MAX_TAGS - 50);
    m.ok('TagResource', { resourceArn: tunnelArn, tags: [...tags(50, 'new'), ...tags(10)] });
    expect(m.ok('ListTagsForResource', { resourceArn: tunnelArn }).tags).toHaveLength(MAX_TAGS);
  });

  it('answers ResourceNotFoundException for an ARN it never issued', () => {
    const m = harness();
    const { tunnelId } = m.open();
    const foreign = `arn:aws:iot:us-west-2:123456789012:tunnel/${tunnelId}`;
    expect(m.err('ListTagsForResource', { resourceArn: foreign })).toMatchObject({ code: 'ResourceNotFoundException', status: 404 });
    expect(m.err('TagResource', { resourceArn: foreign, tags: tags(1) }).code).toBe('ResourceNotFoundException');
  });

  it('finds each of many tunnels by its own ARN, and a deleted one no more', () => {
    const m = harness();
    const opened = Array.from({ length: 30 }, () => m.open());
    opened.forEach(({ tunnelArn }, i) => m.ok('TagResource', { resourceArn: tunnelArn, tags: [{ key: 'n', value: String(i) }] }));
    const deleted = (i: number) => i % 3 === 1;
    opened.forEach(({ tunnelId }, i) => deleted(i) && m.ok('CloseTunnel', { tunnelId, delete: true }));
    opened.forEach(({ tunnelArn }, i) => {
      if (deleted(i)) expect(m.err('ListTagsForResource', { resourceArn: tunnelArn }).code).toBe('ResourceNotFoundException');
      else expect(m.ok('ListTagsForResource', { resourceArn: tunnelArn }).tags).toEqual([{ key: 'n', value: String(i) }]);
    });
  });
});

describe('TunnelService ListTunnels', () => {
  it('lists newest first, equal createdAt by id descending, and filters by thingName', () => {
    const m = harness();
    const a = m.open({ destinationConfig: { thingName: 'pump', services: ['SSH'] } });
    const b = m.open();
    m.advance(1);
    const c = m.open({ destinationConfig: { thingName: 'pump', services: ['SSH'] } });
    const ids = (o: Record<string, any>) => o.tunnelSummaries.map((s: { tunnelId: string }) => s.tunnelId);
    expect(ids(m.ok('ListTunnels', {}))).toEqual([c.tunnelId, b.tunnelId, a.tunnelId]);
    expect(ids(m.ok('ListTunnels', { thingName: 'pump' }))).toEqual([c.tunnelId, a.tunnelId]);
    expect(ids(m.ok('ListTunnels', { thingName: 'valve' }))).toEqual([]);
  });

  it('orders tunnels opened in the same millisecond by id, descending, whatever order the ids were issued in (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,6}$/), { minLength: 2, maxLength: 100 }), (ids) => {
        const queue = [...ids];
        const m = harness({ newId: () => queue.shift()! });
        for (const _ of ids) m.open();
        const listed = m.ok('ListTunnels', { maxResults: 100 }).tunnelSummaries.map((s: { tunnelId: string }) => s.tunnelId);
        expect(listed).toEqual([...ids].sort().reverse());
      }),
      { numRuns: 100 },
    );
  });

  it('pages through tunnels opened in the same millisecond exactly once, ordered by id (the model\'s tie rule)', () => {
    const m = harness();
    for (let i = 0; i < 7; i++) m.open();
    const seen: string[] = [];
    let nextToken: string | undefined;
    for (let page = 0; page < 10; page++) {
      const out = m.ok('ListTunnels', { maxResults: 3, ...(nextToken && { nextToken }) });
      seen.push(...out.tunnelSummaries.map((s: { tunnelId: string }) => s.tunnelId));
      nextToken = out.nextToken;
      if (!nextToken) break;
    }
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1].map((n) => `tunnel-000${n}`));
  });

  it(`pages by ${DEFAULT_PAGE_SIZE} when maxResults is not given`, () => {
    const m = harness();
    for (let i = 0; i <= DEFAULT_PAGE_SIZE; i++) m.open();
    const first = m.ok('ListTunnels', {});
    expect(first.tunnelSummaries).toHaveLength(DEFAULT_PAGE_SIZE);
    expect(m.ok('ListTunnels', { nextToken: first.nextToken })).toEqual({ tunnelSummaries: [expect.anything()] });
  });

  it('rejects a nextToken it did not issue with ValidationException', () => {
    const m = harness();
    m.open();
    // Each is wrong in exactly one way; a well-formed cursor is `[createdAt, id]`.
    const malformed = ['[1,2]', '[1,"a","b"]', '["1","a"]', '[null,"a"]', '{"0":1,"1":"a"}', '{"length":2,"0":1,"1":"a"}', 'not-json'];
    expect(m.ok('ListTunnels', { nextToken: Buffer.from('[1,"a"]').toString('base64url') })).toEqual({ tunnelSummaries: [] });
    for (const nextToken of [...malformed.map((json) => Buffer.from(json).toString('base64url')), 'abc']) {
      expect(m.err('ListTunnels', { nextToken })).toEqual({ code: 'ValidationException', status: 400, message: 'The nextToken is invalid or expired' });
    }
  });

  it('walks every tunnel exactly once, in order, even when tunnels are opened between pages (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 0, maxLength: 25 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 10 }),
        (gaps, maxResults, openedBetweenPages) => {
          const m = harness();
          for (const gap of gaps) {
            m.advance(gap);
            m.open();
          }
          const expected = m.ok('ListTunnels', { maxResults: 100 }).tunnelSummaries;
          const walked: unknown[] = [];
          let nextToken: string | undefined;
          for (let page = 0; page <= gaps.length; page++) {
            const out = m.ok('ListTunnels', { maxResults, ...(nextToken ? { nextToken } : {}) });
            expect(out.tunnelSummaries.length).toBeLessThanOrEqual(maxResults);
            walked.push(...out.tunnelSummaries);
            nextToken = out.nextToken;
            if (!nextToken) break;
            for (let i = 0; i < (openedBetweenPages[page] ?? 0); i++) m.open();
          }
          expect(nextToken).toBeUndefined();
          expect(walked).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('TunnelService validation', () => {
  it('rejects a constraint violation with a message naming the member and the constraint', () => {
    const m = harness();
    expect(m.err('ListTunnels', { maxResults: 101 })).toEqual({
      code: 'ValidationException',
      status: 400,
      message: "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    });
    expect(m.err('RotateTunnelAccessToken', { tunnelId: 'x', clientMode: 'BOTH' }).message).toContain(
      "Value at 'clientMode' failed to satisfy constraint: Member must satisfy enum value set: [SOURCE, DESTINATION, ALL]",
    );
    expect(m.err('CloseTunnel', {}).message).toContain("Value at 'tunnelId' failed to satisfy constraint: Member must not be null");
  });

  it('answers a value of the wrong JSON type with SerializationException', () => {
    const m = harness();
    expect(m.err('ListTunnels', { maxResults: '5' })).toMatchObject({ code: 'SerializationException', status: 400 });
    expect(m.err('OpenTunnel', [])).toMatchObject({ code: 'SerializationException' });
  });

  it('changes nothing when any part of an OpenTunnel is invalid', () => {
    const m = harness();
    const invalid = [
      { tags: [{ key: 'ok', value: 'ok' }, { key: 'bad\u0000key', value: 'v' }] },
      { description: 'ok', timeoutConfig: { maxLifetimeTimeoutMinutes: 721 } },
      { destinationConfig: { thingName: 'thing', services: [] } },
      { tags: tags(MAX_TAGS + 1) },
    ];
    for (const input of invalid) expect(m.err('OpenTunnel', input).code).toBe('ValidationException');
    expect(m.ok('ListTunnels', {})).toEqual({ tunnelSummaries: [] });
  });
});

describe('TunnelService data-plane hooks', () => {
  it('tokenHolder knows current and rotated-away tokens, the tunnel being OPEN and its expiry', () => {
    const m = harness();
    const { tunnelId, sourceAccessToken, destinationAccessToken } = m.open({ destinationConfig: { services: ['SSH'] }, timeoutConfig: { maxLifetimeTimeoutMinutes: 1 } });
    expect(m.service.tokenHolder(destinationAccessToken)).toEqual({ tunnelId, side: 'DESTINATION', current: true, open: true, expired: false, services: ['SSH'] });
    m.ok('RotateTunnelAccessToken', { tunnelId, clientMode: 'SOURCE' });
    expect(m.service.tokenHolder(sourceAccessToken)).toMatchObject({ side: 'SOURCE', current: false, open: true });
    expect(m.service.tokenHolder('never-issued')).toBeUndefined();
    m.advance(MINUTE);
    expect(m.service.tokenHolder(destinationAccessToken)).toMatchObject({ open: false, expired: true });
    m.ok('CloseTunnel', { tunnelId, delete: true });
    expect(m.service.tokenHolder(destinationAccessToken)).toBeUndefined();
  });

  it('tokenHolder tells apart the tokens of many tunnels, after rotations and deletions', () => {
    const m = harness();
    const opened = Array.from({ length: 30 }, () => m.open());
    const fresh = opened.map(({ tunnelId }, i) => (i % 3 === 0 ? m.ok('RotateTunnelAccessToken', { tunnelId, clientMode: 'SOURCE' }).sourceAccessToken : undefined));
    opened.forEach(({ tunnelId }, i) => i % 3 === 1 && m.ok('CloseTunnel', { tunnelId, delete: true }));
    opened.forEach(({ tunnelId, sourceAccessToken, destinationAccessToken }, i) => {
      const holder = (token: string) => m.service.tokenHolder(token);
      if (i % 3 === 1) {
        expect(holder(sourceAccessToken)).toBeUndefined();
        expect(holder(destinationAccessToken)).toBeUndefined();
        return;
      }
      expect(holder(sourceAccessToken)).toMatchObject({ tunnelId, side: 'SOURCE', current: fresh[i] === undefined });
      expect(holder(destinationAccessToken)).toMatchObject({ tunnelId, side: 'DESTINATION', current: true });
      if (fresh[i]) expect(holder(fresh[i])).toMatchObject({ tunnelId, side: 'SOURCE', current: true });
    });
  });

  it('tokenHolder, of a token issued to several tunnels, names a current holder over a revoked one, then the first opened', () => {
    const issued = ['a-src', 'a-dst', 'x', 'b-dst', 'x', 'y', 'x', 'c-dst'];
    const m = harness({ newToken: () => issued.shift()! });
    const a = m.open();
    const b = m.open(); // SOURCE x
    const rotateSource = (t: { tunnelId: string }) => m.ok('RotateTunnelAccessToken', { tunnelId: t.tunnelId, clientMode: 'SOURCE' });
    rotateSource(a); // SOURCE x, issued to a after b
    expect(m.service.tokenHolder('x')).toMatchObject({ tunnelId: a.tunnelId, side: 'SOURCE', current: true });
    rotateSource(a); // SOURCE y: x revoked on a, current on b
    expect(m.service.tokenHolder('x')).toMatchObject({ tunnelId: b.tunnelId, current: true });
    const c = m.open(); // SOURCE x
    expect(m.service.tokenHolder('x')).toMatchObject({ tunnelId: b.tunnelId, current: true });
    m.ok('CloseTunnel', { tunnelId: b.tunnelId, delete: true });
    expect(m.service.tokenHolder('x')).toMatchObject({ tunnelId: c.tunnelId, current: true });
    m.ok('CloseTunnel', { tunnelId: c.tunnelId, delete: true });
    expect(m.service.tokenHolder('x')).toMatchObject({ tunnelId: a.tunnelId, side: 'SOURCE', current: false });
  });

  it('tokenHolder forgets the tokens of a tunnel whose id was issued again (the record replaced)', () => {
    const m = harness({ newId: () => 'same-id' });
    const first = m.open();
    const second = m.open();
    expect(m.service.tokenHolder(first.sourceAccessToken)).toBeUndefined();
    expect(m.service.tokenHolder(second.sourceAccessToken)).toMatchObject({ tunnelId: 'same-id', side: 'SOURCE', current: true });
  });

  it('setConnectionState moves a side and its lastUpdatedAt in DescribeTunnel, nothing else', () => {
    const m = harness();
    const { tunnelId } = m.open();
    m.advance(5000);
    m.service.setConnectionState(tunnelId, 'DESTINATION', 'CONNECTED');
    const t = m.describe(tunnelId);
    expect(t.destinationConnectionState).toEqual({ status: 'CONNECTED', lastUpdatedAt: (T0 + 5000) / 1000 });
    expect(t.sourceConnectionState).toEqual({ status: 'DISCONNECTED', lastUpdatedAt: T0 / 1000 });
    expect(t.lastUpdatedAt).toBe(T0 / 1000);
  });
});
