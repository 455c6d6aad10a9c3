/**
 * The AWS SDK v3 client (code nobody here wrote) against the reference over one transport: all
 * eight operations and both modelled errors. Run once per transport, so msw in process and
 * node:http are held to the same answers.
 */
import {
  CloseTunnelCommand, DescribeTunnelCommand, IoTSecureTunnelingClient, IoTSecureTunnelingServiceException,
  LimitExceededException, ListTagsForResourceCommand, ListTunnelsCommand, OpenTunnelCommand, paginateListTunnels,
  ResourceNotFoundException, RotateTunnelAccessTokenCommand, TagResourceCommand, UntagResourceCommand,
} from '@aws-sdk/client-iotsecuretunneling';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createReference, type Reference } from '../../models/reference.js';

export const MAX_OPEN = 3;

export interface Transport {
  endpoint: string;
  stop(): Promise<void>;
}

export function sdkConformance(transportName: string, start: (reference: Reference) => Promise<Transport>) {
  describe(`AWS SDK v3 client against the reference over ${transportName}`, () => {
    const reference = createReference({ maxOpenTunnels: MAX_OPEN });
    let transport: Transport;
    let client: IoTSecureTunnelingClient;

    beforeAll(async () => {
      transport = await start(reference);
      client = new IoTSecureTunnelingClient({
        endpoint: transport.endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDTUNNELCONFORMANCE', secretAccessKey: 'placeholder' },
        maxAttempts: 1,
      });
    });
    afterAll(async () => {
      client?.destroy();
      await transport?.stop();
    });
    beforeEach(() => reference.reset());

    const rejection = async (p: Promise<unknown>) => {
      const e = await p.then(
        () => undefined,
        (err: unknown) => err,
      );
      if (!(e instanceof IoTSecureTunnelingServiceException)) throw new Error(`expected a service exception, got ${String(e)}`);
      return e;
    };

    it('OpenTunnel, DescribeTunnel and CloseTunnel round-trip a tunnel', async () => {
      const before = new Date(reference.now() - 1000);
      const opened = await client.send(
        new OpenTunnelCommand({
          description: 'sdk',
          destinationConfig: { thingName: 'thing-1', services: ['SSH'] },
          timeoutConfig: { maxLifetimeTimeoutMinutes: 30 },
          tags: [{ key: 'team', value: 'qa' }],
        }),
      );
      expect(opened.$metadata.httpStatusCode).toBe(200);
      expect(opened.tunnelArn).toBe(`arn:aws:iot:us-east-1:123456789012:tunnel/${opened.tunnelId}`);
      expect(opened.sourceAccessToken).toBeTruthy();
      expect(opened.destinationAccessToken).toBeTruthy();

      const { tunnel } = await client.send(new DescribeTunnelCommand({ tunnelId: opened.tunnelId }));
      expect(tunnel).toMatchObject({
        tunnelId: opened.tunnelId,
        status: 'OPEN',
        description: 'sdk',
        destinationConfig: { thingName: 'thing-1', services: ['SSH'] },
        timeoutConfig: { maxLifetimeTimeoutMinutes: 30 },
        tags: [{ key: 'team', value: 'qa' }],
        sourceConnectionState: { status: 'DISCONNECTED' },
        destinationConnectionState: { status: 'DISCONNECTED' },
      });
      // The SDK parsed the epoch-seconds wire timestamps into Dates.
      expect(tunnel!.createdAt).toBeInstanceOf(Date);
      expect(tunnel!.createdAt!.getTime()).toBeGreaterThan(before.getTime());

      await client.send(new CloseTunnelCommand({ tunnelId: opened.tunnelId }));
      const closed = await client.send(new DescribeTunnelCommand({ tunnelId: opened.tunnelId }));
      expect(closed.tunnel!.status).toBe('CLOSED');
      await client.send(new CloseTunnelCommand({ tunnelId: opened.tunnelId, delete: true }));
      expect(await rejection(client.send(new DescribeTunnelCommand({ tunnelId: opened.tunnelId })))).toBeInstanceOf(ResourceNotFoundException);
    });

    it("ListTunnels pages newest first through the SDK's own paginator", async () => {
      const ids: string[] = [];
      for (let i = 0; i < MAX_OPEN; i++) ids.push((await client.send(new OpenTunnelCommand({})))!.tunnelId!);
      const walked: string[] = [];
      let pages = 0;
      for await (const page of paginateListTunnels({ client, pageSize: 1 }, {})) {
        pages++;
        walked.push(...page.tunnelSummaries!.map((s) => s.tunnelId!));
        expect(pages).toBeLessThanOrEqual(MAX_OPEN + 1);
      }
      expect(pages).toBe(MAX_OPEN);
      const created = await Promise.all(ids.map(async (tunnelId) => (await client.send(new DescribeTunnelCommand({ tunnelId }))).tunnel!));
      const expected = created.sort((a, b) => b.createdAt!.getTime() - a.createdAt!.getTime() || (a.tunnelId! < b.tunnelId! ? 1 : -1));
      expect(walked).toEqual(expected.map((t) => t.tunnelId));
      const filtered = await client.send(new ListTunnelsCommand({ thingName: 'nobody' }));
      expect(filtered.tunnelSummaries).toEqual([]);
    });

    it('RotateTunnelAccessToken with SOURCE returns only the source token', async () => {
      const opened = await client.send(new OpenTunnelCommand({}));
      const rotated = await client.send(new RotateTunnelAccessTokenCommand({ tunnelId: opened.tunnelId, clientMode: 'SOURCE' }));
      expect(rotated.tunnelArn).toBe(opened.tunnelArn);
      expect(rotated.sourceAccessToken).toBeTruthy();
      expect(rotated.sourceAccessToken).not.toBe(opened.sourceAccessToken);
      expect(rotated.destinationAccessToken).toBeUndefined();
    });

    it('TagResource, UntagResource and ListTagsForResource', async () => {
      const { tunnelArn } = await client.send(new OpenTunnelCommand({}));
      await client.send(new TagResourceCommand({ resourceArn: tunnelArn, tags: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] }));
      await client.send(new UntagResourceCommand({ resourceArn: tunnelArn, tagKeys: ['a', 'absent'] }));
      const listed = await client.send(new ListTagsForResourceCommand({ resourceArn: tunnelArn }));
      expect(listed.tags).toEqual([{ key: 'b', value: '2' }]);
    });

    it('LimitExceededException (403) past the open-tunnel quota', async () => {
      for (let i = 0; i < MAX_OPEN; i++) await client.send(new OpenTunnelCommand({}));
      const e = await rejection(client.send(new OpenTunnelCommand({})));
      expect(e).toBeInstanceOf(LimitExceededException);
      expect(e.$metadata.httpStatusCode).toBe(403);
      expect(e.message).toMatch(/limit/i);
    });

    it('ResourceNotFoundException (404) for an unknown tunnel and an unknown ARN', async () => {
      const e = await rejection(client.send(new RotateTunnelAccessTokenCommand({ tunnelId: 'never-opened', clientMode: 'ALL' })));
      expect(e).toBeInstanceOf(ResourceNotFoundException);
      expect(e.$metadata.httpStatusCode).toBe(404);
      const arn = 'arn:aws:iot:us-east-1:123456789012:tunnel/never-opened';
      expect(await rejection(client.send(new ListTagsForResourceCommand({ resourceArn: arn })))).toBeInstanceOf(ResourceNotFoundException);
    });

    it('a constraint violation reaches the SDK as a ValidationException naming the member', async () => {
      const e = await rejection(client.send(new ListTunnelsCommand({ maxResults: 101 })));
      expect(e.name).toBe('ValidationException');
      expect(e.$metadata.httpStatusCode).toBe(400);
      expect(e.message).toContain("'maxResults'");
    });
  });
}
