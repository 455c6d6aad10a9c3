/**
 * Legitimate variants: implementations that differ from the reference only where
 * docs/service-facts.md grants a freedom or leaves the answer UNKNOWN. The suite must pass every one of them; a check
 * that fails one over-asserts.
 */
import { randomBytes } from 'node:crypto';
import type {
  CloseTunnelRequest, ListTagsForResourceRequest, ListTunnelsRequest, OpenTunnelRequest, RotateTunnelAccessTokenRequest, TagResourceRequest,
} from '@aws-sdk/client-iotsecuretunneling';
import { inputShape, def, type OperationName } from '../../specs/index.js';
import { DEFAULT_PAGE_SIZE, TunnelService, type ServiceResult } from '../service.js';
import type { Variant } from './variant.js';
import { SUBPROTOCOLS } from '../../specs/dataplane.js';
import { slicing } from './dataplane-edits.js';
import { coerceScalars, overriding, refusal } from './service-edits.js';
import { editOutput, errorReply, mapMembers, operationOf, type Json } from './wire-edits.js';


/** Where the reframing data plane cuts the bytes it relays into WebSocket frames. */
const DP_SLICE_BYTES = 1000;
/** How long a new tunnel stays out of ListTunnels in the lagging variant (SF UNKNOWN: convergence window). */
const LIST_LAG_MS = 300;
const THROTTLE_EVERY = 7;
/** How far ahead of the wall clock the clock-ahead emulator starts (an earlier run moved it). */
const CLOCK_AHEAD_S = 3 * 24 * 3600;
/** The other user of the shared account acts once every this many operation requests. */
const OTHER_USER_EVERY = 3;
const OTHER_USER_TUNNELS_AT_START = 120;
/** The AWS-wide tagging quota (SF Quotas): a tunnel may refuse tags past it. */
const TAG_QUOTA = 50;

/** The answer an implementation may give to an operation on a CLOSED tunnel (SF UNKNOWN). */
const closedRefusal = (what: string) => refusal('InvalidRequestException', 400, `Tunnel is CLOSED: cannot ${what}`);

export const legitimate: Variant[] = [
  {
    name: 'reference',
    kind: 'legitimate',
    description: 'the reference implementation itself',
  },
  {
    name: 'not-found-400',
    kind: 'legitimate',
    description: 'ResourceNotFoundException with status 400 (SF Wire: "400 and 404 are both seen"; freedom "400 or 404 for not-found")',
    service: overriding(
      class extends TunnelService {
        protected override notFound(what: string): ServiceResult {
          return refusal('ResourceNotFoundException', 400, `Tunnel or resource ${what} not found`);
        }
      },
    ),
  },
  {
    name: 'other-id-and-token-formats',
    kind: 'legitimate',
    description: 'ids from a counter using every TunnelId character class, hex tokens (freedom: "Any id matching the pattern · any opaque token")',
    service: (options) => {
      let n = 0;
      const boot = randomBytes(3).toString('hex');
      return new TunnelService({ ...options, newId: () => `T_${boot}-${++n}+=:x`, newToken: () => randomBytes(32).toString('hex') });
    },
  },
  {
    name: 'arn-tunnel-service',
    kind: 'legitimate',
    description: 'ARNs of the form arn:aws:tunnel:… (SF Lifecycle: "do not assert the ARN\'s service part")',
    service: overriding(
      class extends TunnelService {
        override openTunnel(input: OpenTunnelRequest): ServiceResult {
          const r = super.openTunnel(input);
          if (!r.ok) return r;
          const t = this.find(String(r.output.tunnelId))!;
          t.arn = t.arn.replace(/^arn:aws:iot:/, 'arn:aws:tunnel:');
          return { ok: true, output: { ...r.output, tunnelArn: t.arn } };
        }
      },
    ),
  },
  {
    name: 'short-pages',
    kind: 'legitimate',
    description: 'ListTunnels pages hold at most 2 tunnels whatever maxResults says (freedom: "pages shorter than maxResults")',
    service: overriding(
      class extends TunnelService {
        override listTunnels(input: ListTunnelsRequest): ServiceResult {
          return super.listTunnels({ ...input, maxResults: Math.min(input.maxResults ?? DEFAULT_PAGE_SIZE, 2) });
        }
      },
    ),
  },
  {
    name: 'default-page-size-10',
    kind: 'legitimate',
    description: 'ListTunnels without maxResults returns pages of 10 (SF UNKNOWN: default page size)',
    service: overriding(
      class extends TunnelService {
        override listTunnels(input: ListTunnelsRequest): ServiceResult {
          return super.listTunnels({ ...input, maxResults: input.maxResults ?? 10 });
        }
      },
    ),
  },
  {
    name: 'optional-members-omitted',
    kind: 'legitimate',
    description: 'no lastUpdatedAt inside connection states and no timeoutConfig in DescribeTunnel (freedom: "optional members omitted"; SF UNKNOWN: whether timeoutConfig is echoed)',
    wire: editOutput((out) => {
      const drop = (key: string) => (v: unknown) => ({ ...(v as Json), [key]: undefined });
      const tunnel = mapMembers(mapMembers(out.tunnel, 'sourceConnectionState', drop('lastUpdatedAt')), 'destinationConnectionState', drop('lastUpdatedAt'));
      return { ...out, tunnel: drop('timeoutConfig')(tunnel) };
    }, ['DescribeTunnel']),
  },
  {
    name: 'extra-members',
    kind: 'legitimate',
    description: 'every object in every answer carries an extra vendor member (freedom: "extra unknown members in a response")',
    wire: editOutput((out) => withExtra(out) as Json),
  },
  {
    name: 'second-precision-timestamps',
    kind: 'legitimate',
    description: 'all timestamps are whole epoch seconds (freedom: "second-precision timestamps")',
    wire: editOutput((out) => ['createdAt', 'lastUpdatedAt'].reduce((o, k) => mapMembers(o, k, (v) => Math.floor(Number(v))), out as unknown) as Json),
  },
  {
    name: 'throttles-every-7th',
    kind: 'legitimate',
    description: `every ${THROTTLE_EVERY}th operation request answers 400 ThrottlingException (freedom: "ThrottlingException at any time")`,
    wire: (inner) => {
      let n = 0;
      return (req) => {
        if (operationOf(req) && ++n % THROTTLE_EVERY === 0) return errorReply({ headers: {} }, 400, 'ThrottlingException', 'Rate exceeded');
        return inner(req);
      };
    },
  },
  {
    name: 'list-lags-writes',
    kind: 'legitimate',
    description: `ListTunnels shows a new tunnel only ${LIST_LAG_MS} ms after it opened (SF UNKNOWN: "whether ListTunnels is immediately consistent")`,
    service: overriding(
      class extends TunnelService {
        override listTunnels(input: ListTunnelsRequest): ServiceResult {
          const r = super.listTunnels(input);
          if (!r.ok) return r;
          const visibleFrom = (this.options.now() - LIST_LAG_MS) / 1000;
          const summaries = (r.output.tunnelSummaries as { createdAt: number }[]).filter((s) => s.createdAt <= visibleFrom);
          return { ok: true, output: { ...r.output, tunnelSummaries: summaries } };
        }
      },
    ),
  },
  {
    name: 'validation-invalid-request',
    kind: 'legitimate',
    description: 'constraint violations are InvalidRequestException (SF: "The exact code the real service uses for a constraint violation is UNKNOWN")',
    service: overriding(
      class extends TunnelService {
        override call(op: OperationName, input: unknown): ServiceResult {
          const r = super.call(op, input);
          return !r.ok && r.error.code === 'ValidationException' ? refusal('InvalidRequestException', 400, r.error.message) : r;
        }
      },
    ),
  },
  {
    name: 'close-closed-errors',
    kind: 'legitimate',
    description: 'CloseTunnel on a CLOSED tunnel (without delete) answers 400 InvalidRequestException (SF UNKNOWN: closing a CLOSED tunnel)',
    service: overriding(
      class extends TunnelService {
        override closeTunnel(input: CloseTunnelRequest): ServiceResult {
          return !input.delete && this.find(input.tunnelId!)?.status === 'CLOSED' ? closedRefusal('close') : super.closeTunnel(input);
        }
      },
    ),
  },
  {
    name: 'close-closed-errors-even-with-delete',
    kind: 'legitimate',
    description: 'CloseTunnel on a CLOSED tunnel, with or without delete, answers 400 InvalidRequestException and changes nothing (SF UNKNOWN: closing a CLOSED tunnel)',
    service: overriding(
      class extends TunnelService {
        override closeTunnel(input: CloseTunnelRequest): ServiceResult {
          return this.find(input.tunnelId!)?.status === 'CLOSED' ? closedRefusal('close') : super.closeTunnel(input);
        }
      },
    ),
  },
  {
    name: 'rotate-closed-errors',
    kind: 'legitimate',
    description: 'rotating a CLOSED tunnel answers 400 InvalidRequestException (SF UNKNOWN: rotating a CLOSED tunnel)',
    service: overriding(
      class extends TunnelService {
        override rotateTunnelAccessToken(input: RotateTunnelAccessTokenRequest): ServiceResult {
          // SOURCE with a destinationConfig is refused first, as by the model: it is a property of the request.
          const badRequest = input.clientMode === 'SOURCE' && input.destinationConfig !== undefined;
          return !badRequest && this.find(input.tunnelId!)?.status === 'CLOSED' ? closedRefusal('rotate') : super.rotateTunnelAccessToken(input);
        }
      },
    ),
  },
  {
    name: 'tag-closed-errors',
    kind: 'legitimate',
    description: 'TagResource on a CLOSED tunnel answers 400 InvalidRequestException (SF UNKNOWN: tagging a CLOSED tunnel)',
    service: overriding(
      class extends TunnelService {
        override tagResource(input: TagResourceRequest): ServiceResult {
          return this.findByArn(input.resourceArn!)?.status === 'CLOSED' ? closedRefusal('tag') : super.tagResource(input);
        }
      },
    ),
  },
  {
    name: 'tags-listed-in-reverse',
    kind: 'legitimate',
    description: 'ListTagsForResource lists tags newest first (tags are a key->value set: no order is promised)',
    service: overriding(
      class extends TunnelService {
        override listTagsForResource(input: ListTagsForResourceRequest): ServiceResult {
          const r = super.listTagsForResource(input);
          return r.ok && Array.isArray(r.output.tags) ? { ok: true as const, output: { ...r.output, tags: [...r.output.tags].reverse() } } : r;
        }
      },
    ),
  },
  {
    name: 'limit-counts-closed',
    kind: 'legitimate',
    description: 'CLOSED tunnels count toward the open-tunnel limit too (SF UNKNOWN: "whether CLOSED tunnels count against the open-tunnel quota")',
    service: overriding(
      class extends TunnelService {
        protected override countsTowardLimit(): boolean {
          return true;
        }
      },
    ),
  },
  {
    name: 'fourth-service-validation-error',
    kind: 'legitimate',
    description: 'a 4th service is refused with 400 ValidationException instead of LimitExceededException (SF UNKNOWN: "LimitExceededException or a validation error: either way a 4xx that creates nothing")',
    service: overriding(
      class extends TunnelService {
        protected override refuseServices(): ServiceResult {
          return refusal('ValidationException', 400, 'destinationConfig.services: at most 3 services');
        }
      },
    ),
  },
  {
    name: 'coercing-deserializer',
    kind: 'legitimate',
    description: 'a lenient deserializer (Jackson\'s defaults): "5" and 5.5 for an integer, 7 for a string, "true" for a boolean are coerced before validation (SF Wire: whether a scalar of the wrong scalar type is coerced or refused is UNKNOWN)',
    service: overriding(
      class extends TunnelService {
        override call(op: OperationName, input: unknown): ServiceResult {
          return super.call(op, coerceScalars(def(inputShape(op)), input));
        }
      },
    ),
  },
  {
    name: 'rotate-keeps-destination',
    kind: 'legitimate',
    description: 'a rotation\'s destinationConfig does not replace the tunnel\'s own: DescribeTunnel shows what OpenTunnel was given (SF UNKNOWN: whether a destinationConfig given to RotateTunnelAccessToken replaces the tunnel\'s)',
    service: overriding(
      class extends TunnelService {
        override rotateTunnelAccessToken(input: RotateTunnelAccessTokenRequest): ServiceResult {
          const t = this.find(input.tunnelId!);
          const kept = t?.destinationConfig;
          const r = super.rotateTunnelAccessToken(input);
          if (r.ok && t) t.destinationConfig = kept;
          return r;
        }
      },
    ),
  },
  {
    name: 'clock-days-ahead',
    kind: 'legitimate',
    description: `an emulator whose clock starts ${CLOCK_AHEAD_S / 86400} days ahead of the wall clock, as after an earlier run advanced it (freedom: "an emulator clock ahead of the wall clock")`,
    wire: (inner) => {
      inner({ method: 'POST', path: '/_conformance/v1/clock', headers: {}, body: JSON.stringify({ advanceSeconds: CLOCK_AHEAD_S }) });
      return inner;
    },
  },
  {
    name: 'other-users',
    kind: 'legitimate',
    description: `a shared account: ${OTHER_USER_TUNNELS_AT_START} tunnels of another user exist before the run, and every ${OTHER_USER_EVERY}rd request that user opens, closes or deletes one of theirs (freedom: "other tunnels, of other users of the account, existing and changing while a run goes on")`,
    service: overriding(
      class extends TunnelService {
        private readonly others: string[] = [];
        private requests = 0;

        constructor(options: ConstructorParameters<typeof TunnelService>[0]) {
          super(options);
          for (let i = 0; i < OTHER_USER_TUNNELS_AT_START; i++) this.otherOpens(i);
        }

        override call(op: OperationName, input: unknown): ServiceResult {
          if (++this.requests % OTHER_USER_EVERY === 0) this.otherActs(this.requests / OTHER_USER_EVERY);
          return super.call(op, input);
        }

        /** Tunnels for the other user's own things, some without any, with and without descriptions and tags. */
        private otherOpens(i: number): void {
          const r = super.openTunnel({
            ...(i % 3 ? { destinationConfig: { thingName: `other-user-thing-${i % 7}`, services: ['SSH'] } } : {}),
            ...(i % 2 ? { description: `other user's tunnel ${i}` } : {}),
            ...(i % 5 === 0 ? { tags: [{ key: 'owner', value: 'someone-else' }] } : {}),
          });
          if (r.ok) this.others.push(String(r.output.tunnelId));
        }

        private otherActs(n: number): void {
          const victim = this.others[n % Math.max(this.others.length, 1)];
          if (n % 3 === 0 || !victim) return this.otherOpens(n);
          if (n % 3 === 1) super.closeTunnel({ tunnelId: victim });
          else {
            super.closeTunnel({ tunnelId: victim, delete: true });
            this.others.splice(this.others.indexOf(victim), 1);
          }
        }
      },
    ),
  },
  {
    name: 'tag-quota-50',
    kind: 'legitimate',
    description: `a ${TAG_QUOTA}-tags-per-tunnel quota: OpenTunnel with more is LimitExceededException, TagResource taking a tunnel past it a 400, and neither changes anything (SF Quotas: "at least 50 must be accepted"; UNKNOWN: "more than 50 tags on one tunnel (either all kept, or a 4xx that changes nothing)")`,
    service: overriding(
      class extends TunnelService {
        override openTunnel(input: OpenTunnelRequest): ServiceResult {
          if ((input.tags?.length ?? 0) > TAG_QUOTA) return refusal('LimitExceededException', 403, `at most ${TAG_QUOTA} tags per tunnel`);
          return super.openTunnel(input);
        }

        override tagResource(input: TagResourceRequest): ServiceResult {
          const t = this.findByArn(input.resourceArn!);
          const keys = new Set([...(t?.tags.keys() ?? []), ...(input.tags ?? []).map((tag) => tag.key)]);
          if (t && keys.size > TAG_QUOTA) return refusal('ValidationException', 400, `at most ${TAG_QUOTA} tags per tunnel`);
          return super.tagResource(input);
        }
      },
    ),
  },
  {
    name: 'dp-one-subprotocol',
    kind: 'legitimate',
    description: 'The data plane speaks aws.iot.securetunneling-2.0 only: it echoes 2.0 and refuses a handshake offering none it speaks (SF Data plane freedom, V2 guide: "at least one valid protocol string based on what is supported by the service")',
    dataPlane: { subprotocols: [SUBPROTOCOLS[1]] },
  },
  {
    name: 'dp-reframes',
    kind: 'legitimate',
    description: 'Bytes bound for a peer are gathered over an event-loop turn and cut every 1000 bytes, through tunnel frames (SF Data plane freedom, V2/V3 guides: a WebSocket frame "may contain multiple tunneling frames, or … only a slice of a tunneling frame")',
    dataPlane: { batches: true, cut: slicing(DP_SLICE_BYTES) },
  },
  {
    name: 'dp-rotation-keeps-connection',
    kind: 'legitimate',
    description: 'A rotation revokes the token for new handshakes but keeps a live connection made with it (SF UNKNOWN: "whether a rotation drops a live data-plane connection")',
    dataPlane: { rotationDropsConnection: false },
  },
];

/** Adds a vendor member to every object of an answer, nested ones (tags, connection states) included. */
function withExtra(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withExtra);
  if (value === null || typeof value !== 'object') return value;
  return { ...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withExtra(v)])), vendorExtension: { region: 'local' } };
}
