/**
 * Faulty variants: the bugs real emulators ship, one broken rule each. Every description names
 * the rule (a model trait or a line of docs/service-facts.md, SF) the variant breaks; the suite must fail
 * on every one of them.
 */
import { randomBytes } from 'node:crypto';
import type {
  CloseTunnelRequest, DestinationConfig, ListTunnelsRequest, OpenTunnelRequest, RotateTunnelAccessTokenRequest, TagResourceRequest, UntagResourceRequest,
} from '@aws-sdk/client-iotsecuretunneling';
import { def, inputShape, validateShape, type OperationName } from '../../specs/index.js';
import { DEFAULT_PAGE_SIZE, MAX_SERVICES, TunnelService, type ServiceResult } from '../service.js';
import { violationOf } from '../violations.js';
import type { Variant } from './variant.js';
import { editingDataPayload, flipLastByte, forgetfulRegrouper } from './dataplane-edits.js';
import { finding, invoke, overriding, refusal, skippingValidation } from './service-edits.js';
import { editOutput, mapMembers, operationOf, type Json } from './wire-edits.js';

type Summary = Json & { tunnelId: string; createdAt: number };
const summariesOf = (r: ServiceResult) => (r.ok ? (r.output.tunnelSummaries as Summary[]) : []);
const withSummaries = (r: ServiceResult, edit: (s: Summary[]) => Summary[]): ServiceResult =>
  r.ok ? { ok: true, output: { ...r.output, tunnelSummaries: edit(summariesOf(r)) } } : r;


const TAG_VALUE_MAX = def('TagValue').maxLength as number;
const TAG_LIST_MAX = def('TagList').maxItems as number;

const listing: Variant[] = [
  {
    name: 'list-oldest-first',
    kind: 'fault',
    description: 'ListTunnels pages list oldest first (SF Lifecycle: "lists by creation time, newest first")',
    service: overriding(
      class extends TunnelService {
        override listTunnels(input: ListTunnelsRequest): ServiceResult {
          return withSummaries(super.listTunnels(input), (s) => [...s].reverse());
        }
      },
    ),
  },
  {
    name: 'list-page-over-max',
    kind: 'fault',
    description: 'ListTunnels returns one tunnel more than maxResults per page (MODEL: paginated pageSize maxResults)',
    service: overriding(
      class extends TunnelService {
        override listTunnels(input: ListTunnelsRequest): ServiceResult {
          return super.listTunnels({ ...input, maxResults: (input.maxResults ?? DEFAULT_PAGE_SIZE) + 1 });
        }
      },
    ),
  },
  {
    name: 'list-loses-boundary-item',
    kind: 'fault',
    description: 'the last tunnel of every page but the last is dropped while the cursor still points past it (MODEL: paginated; every item exactly once)',
    service: overriding(
      class extends TunnelService {
        override listTunnels(input: ListTunnelsRequest): ServiceResult {
          const r = super.listTunnels(input);
          return r.ok && r.output.nextToken ? withSummaries(r, (s) => s.slice(0, -1)) : r;
        }
      },
    ),
  },
  {
    name: 'list-repeats-boundary-item',
    kind: 'fault',
    description: 'every page after the first starts again with the last tunnel of the page before (MODEL: paginated; every item exactly once)',
    service: overriding(
      class extends TunnelService {
        private readonly lastOfPage = new Map<string, Summary>();
        override listTunnels(input: ListTunnelsRequest): ServiceResult {
          const r = super.listTunnels(input);
          const s = summariesOf(r);
          if (r.ok && typeof r.output.nextToken === 'string' && s.length) this.lastOfPage.set(r.output.nextToken, s[s.length - 1]);
          const repeated = input.nextToken === undefined ? undefined : this.lastOfPage.get(input.nextToken);
          return repeated ? withSummaries(r, (page) => [repeated, ...page]) : r;
        }
      },
    ),
  },
  {
    name: 'list-filter-lost-on-later-pages',
    kind: 'fault',
    description: 'the thingName filter applies to the first page only (MODEL: ListTunnelsRequest.thingName; SF "filters to tunnels whose destination is that thing")',
    service: overriding(
      class extends TunnelService {
        override listTunnels(input: ListTunnelsRequest): ServiceResult {
          return super.listTunnels(input.nextToken === undefined ? input : { ...input, thingName: undefined });
        }
      },
    ),
  },
  {
    name: 'list-cycling-token',
    kind: 'fault',
    description: 'the last page carries a nextToken that starts over at the first page: pagination never ends (MODEL: paginated)',
    service: overriding(
      class extends TunnelService {
        override listTunnels(input: ListTunnelsRequest): ServiceResult {
          const restart = input.nextToken === 'cycle';
          const r = super.listTunnels(restart ? { ...input, nextToken: undefined } : input);
          return r.ok && r.output.nextToken === undefined ? { ok: true, output: { ...r.output, nextToken: 'cycle' } } : r;
        }
      },
    ),
  },
  {
    name: 'list-ignores-thing-filter',
    kind: 'fault',
    description: 'ListTunnels ignores thingName altogether (MODEL: ListTunnelsRequest.thingName)',
    service: overriding(
      class extends TunnelService {
        override listTunnels(input: ListTunnelsRequest): ServiceResult {
          return super.listTunnels({ ...input, thingName: undefined });
        }
      },
    ),
  },
  {
    name: 'list-hides-closed',
    kind: 'fault',
    description: 'ListTunnels leaves CLOSED tunnels out (SF Lifecycle: "A closed tunnel stays visible to DescribeTunnel and ListTunnels for at least three hours")',
    service: overriding(
      class extends TunnelService {
        override listTunnels(input: ListTunnelsRequest): ServiceResult {
          return withSummaries(super.listTunnels(input), (s) => s.filter((x) => x.status !== 'CLOSED'));
        }
      },
    ),
  },
  {
    name: 'list-timestamps-iso-strings',
    kind: 'fault',
    description: 'ListTunnels gives createdAt/lastUpdatedAt as ISO strings (MODEL: timestamps without format trait are epoch seconds in awsJson1_1)',
    wire: editOutput(
      (out) => mapMembers(mapMembers(out, 'createdAt', (v) => new Date(Number(v) * 1000).toISOString()), 'lastUpdatedAt', (v) => new Date(Number(v) * 1000).toISOString()) as Json,
      ['ListTunnels'],
    ),
  },
];

const rotation: Variant[] = [
  {
    name: 'rotate-extends-lifetime',
    kind: 'fault',
    description: 'rotation restarts the lifetime from now (SF Lifecycle: rotation "does not extend the tunnel\'s lifetime")',
    service: overriding(
      class extends TunnelService {
        override rotateTunnelAccessToken(input: RotateTunnelAccessTokenRequest): ServiceResult {
          const r = super.rotateTunnelAccessToken(input);
          const t = this.find(input.tunnelId!);
          if (r.ok && t) t.lifetimeMinutes += (this.options.now() - t.createdAt) / 60_000;
          return r;
        }
      },
    ),
  },
  {
    name: 'rotate-returns-old-token',
    kind: 'fault',
    description: 'rotation answers with the tokens the tunnel already had (SF Lifecycle: "revokes the current token(s) and returns new ones")',
    service: overriding(
      class extends TunnelService {
        override rotateTunnelAccessToken(input: RotateTunnelAccessTokenRequest): ServiceResult {
          const t = this.find(input.tunnelId!);
          const before = t && { ...t.tokens };
          const r = super.rotateTunnelAccessToken(input);
          if (!r.ok || !t || !before) return r;
          t.tokens = before;
          const output = { ...r.output };
          if ('sourceAccessToken' in output) output.sourceAccessToken = before.SOURCE;
          if ('destinationAccessToken' in output) output.destinationAccessToken = before.DESTINATION;
          return { ok: true, output };
        }
      },
    ),
  },
  {
    name: 'rotate-source-returns-both',
    kind: 'fault',
    description: 'rotation with clientMode SOURCE rotates and returns both tokens (SF DOC-EXAMPLE: "SOURCE returns only sourceAccessToken")',
    service: overriding(
      class extends TunnelService {
        override rotateTunnelAccessToken(input: RotateTunnelAccessTokenRequest): ServiceResult {
          return super.rotateTunnelAccessToken(input.clientMode === 'SOURCE' ? { ...input, clientMode: 'ALL' } : input);
        }
      },
    ),
  },
  {
    name: 'rotate-reopens-closed',
    kind: 'fault',
    description: 'rotating a CLOSED tunnel makes it OPEN again (SF Lifecycle: "a CLOSED tunnel never becomes OPEN again")',
    service: overriding(
      class extends TunnelService {
        override rotateTunnelAccessToken(input: RotateTunnelAccessTokenRequest): ServiceResult {
          const r = super.rotateTunnelAccessToken(input);
          const t = this.find(input.tunnelId!);
          if (r.ok && t) t.status = 'OPEN';
          return r;
        }
      },
    ),
  },
  {
    name: 'rotate-source-with-destination-accepted',
    kind: 'fault',
    description: 'rotation accepts clientMode SOURCE with a destinationConfig and applies it (SF DOC: "DestinationConfig may not be combined with SOURCE")',
    service: overriding(
      class extends TunnelService {
        override rotateTunnelAccessToken(input: RotateTunnelAccessTokenRequest): ServiceResult {
          if (input.clientMode !== 'SOURCE' || !input.destinationConfig) return super.rotateTunnelAccessToken(input);
          const r = super.rotateTunnelAccessToken({ ...input, destinationConfig: undefined });
          const t = this.find(input.tunnelId!);
          if (r.ok && t) t.destinationConfig = { ...input.destinationConfig, services: [...input.destinationConfig.services!] };
          return r;
        }
      },
    ),
  },
];

const errors: Variant[] = [
  {
    name: 'not-found-wrong-type',
    kind: 'fault',
    description: 'a missing tunnel is InvalidRequestException (MODEL: ResourceNotFoundException on every operation naming a tunnel)',
    service: overriding(
      class extends TunnelService {
        protected override notFound(what: string): ServiceResult {
          return refusal('InvalidRequestException', 400, `No tunnel ${what}`);
        }
      },
    ),
  },
  {
    name: 'errors-with-200',
    kind: 'fault',
    description: 'errors carry their __type but a 200 status (CONTRACT Wire: errors are "a 4xx/5xx status with {__type, message}")',
    wire: (inner) => (req) => {
      const res = inner(req);
      return operationOf(req) && res.status >= 400 ? { ...res, status: 200 } : res;
    },
  },
  {
    name: 'tag-ops-ignore-missing',
    kind: 'fault',
    description: 'TagResource/UntagResource/ListTagsForResource answer success for an unknown ARN (MODEL: ResourceNotFoundException on the tag operations)',
    service: overriding(
      class extends TunnelService {
        protected override notFound(what: string): ServiceResult {
          return what.startsWith('arn:') ? { ok: true as const, output: {} } : super.notFound(what);
        }
      },
    ),
  },
];

const closing: Variant[] = [
  {
    name: 'close-not-closing',
    kind: 'fault',
    description: 'CloseTunnel answers success and leaves the tunnel OPEN (SF Lifecycle: "CloseTunnel … makes it CLOSED")',
    service: overriding(
      class extends TunnelService {
        override closeTunnel(input: CloseTunnelRequest): ServiceResult {
          return input.delete ? super.closeTunnel(input) : this.find(input.tunnelId!) ? { ok: true as const, output: {} } : super.closeTunnel(input);
        }
      },
    ),
  },
  {
    name: 'delete-ignored',
    kind: 'fault',
    description: 'CloseTunnel with delete only closes (SF Lifecycle: "`delete: true` … deletes the tunnel data immediately (then it is not found)")',
    service: overriding(
      class extends TunnelService {
        override closeTunnel(input: CloseTunnelRequest): ServiceResult {
          return super.closeTunnel({ ...input, delete: false });
        }
      },
    ),
  },
  {
    name: 'closed-gone-after-an-hour',
    kind: 'fault',
    description: 'a CLOSED tunnel is deleted an hour after it closed (SF Lifecycle: "A closed tunnel stays visible to DescribeTunnel and ListTunnels for at least three hours")',
    service: overriding(
      class extends TunnelService {
        protected override settle(t: Parameters<TunnelService['settle']>[0]) {
          const settled = super.settle(t);
          if (settled.status === 'CLOSED' && this.options.now() - settled.lastUpdatedAt > 3_600_000) this.tunnels.delete(settled.id);
          return settled;
        }
        protected override find(tunnelId: string) {
          const t = super.find(tunnelId);
          return t && this.tunnels.has(t.id) ? t : undefined;
        }
        protected override *all(among?: Parameters<TunnelService['all']>[0]) {
          for (const t of super.all(among)) if (this.tunnels.has(t.id)) yield t;
        }
      },
    ),
  },
];

const constraints: Variant[] = [
  {
    name: 'description-pattern-unchecked',
    kind: 'fault',
    description: 'description is not checked against its pattern: control characters and over 2048 characters accepted (MODEL: Description ^[^\\p{C}]{1,2048}$)',
    service: skippingValidation(finding(/^\/description$/, 'pattern')),
  },
  {
    name: 'max-results-range-unchecked',
    kind: 'fault',
    description: 'maxResults outside 1..100 is accepted (MODEL: MaxResults range 1..100)',
    service: skippingValidation(finding(/^\/maxResults$/, 'minimum', 'maximum')),
  },
  {
    name: 'tag-key-pattern-unchecked',
    kind: 'fault',
    description: 'tag keys are not checked against their pattern (MODEL: TagKey ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$)',
    service: skippingValidation(finding(/^\/tags\/\d+\/key$/, 'pattern')),
  },
  {
    name: 'tag-list-max-unchecked',
    kind: 'fault',
    description: `more than ${TAG_LIST_MAX} tags are accepted in one request (MODEL: TagList maxItems ${TAG_LIST_MAX})`,
    service: skippingValidation(finding(/^\/tags$/, 'maxItems')),
  },
  {
    name: 'thing-name-pattern-unchecked',
    kind: 'fault',
    description: 'thingName is not checked against its pattern or length (MODEL: ThingName 1..128, ^[a-zA-Z0-9:_-]+$)',
    service: skippingValidation(finding(/\/thingName$/, 'pattern', 'minLength', 'maxLength')),
  },
  {
    name: 'client-mode-enum-unchecked',
    kind: 'fault',
    description: 'any clientMode is accepted and treated as ALL (MODEL: ClientMode enum SOURCE|DESTINATION|ALL)',
    service: overriding(
      class extends TunnelService {
        override call(op: OperationName, input: unknown): ServiceResult {
          const i = input as Json;
          const bogus = op === 'RotateTunnelAccessToken' && typeof i?.clientMode === 'string' && !['SOURCE', 'DESTINATION', 'ALL'].includes(i.clientMode);
          return super.call(op, bogus ? { ...i, clientMode: 'ALL' } : input);
        }
      },
    ),
  },
  {
    name: 'rejected-open-still-creates',
    kind: 'fault',
    description: 'an OpenTunnel that fails validation is refused but the tunnel is created anyway (SF: "a 4xx client error and no side effect")',
    service: overriding(
      class extends TunnelService {
        override call(op: OperationName, input: unknown): ServiceResult {
          const r = super.call(op, input);
          // Only a constraint violation: a body that is not even a JSON object has nothing to keep.
          if (r.ok || op !== 'OpenTunnel' || r.error.code !== 'ValidationException') return r;
          // Keeps what is well-formed, as an emulator that validates after storing would.
          const i = input as OpenTunnelRequest;
          const keep = (member: keyof OpenTunnelRequest) => (validateShape(inputShape(op), { [member]: i[member] }).length ? {} : { [member]: i[member] });
          invoke(this, op, { ...keep('description'), ...keep('destinationConfig'), ...keep('tags'), ...keep('timeoutConfig') });
          return r;
        }
      },
    ),
  },
  {
    name: 'rejected-tag-still-applied',
    kind: 'fault',
    description: 'a TagResource that fails validation is refused but its well-formed tags are applied (SF: "a 4xx client error and no side effect")',
    service: overriding(
      class extends TunnelService {
        override call(op: OperationName, input: unknown): ServiceResult {
          const r = super.call(op, input);
          const i = input as TagResourceRequest;
          if (r.ok || op !== 'TagResource' || typeof i?.resourceArn !== 'string' || !Array.isArray(i.tags)) return r;
          const good = i.tags.filter((tag) => validateShape('Tag', tag).length === 0);
          if (good.length && !violationOf(validateShape(inputShape(op), { resourceArn: i.resourceArn, tags: good }))) invoke(this, op, { ...i, tags: good });
          return r;
        }
      },
    ),
  },
  {
    name: 'unicode-tags-rejected',
    kind: 'fault',
    description: 'tag keys and values outside ASCII are refused (MODEL: TagKey/TagValue patterns use \\p{L}, \\p{Z}, \\p{N}: any script)',
    service: overriding(
      class extends TunnelService {
        override call(op: OperationName, input: unknown): ServiceResult {
          const tags = (input as Json)?.tags;
          const nonAscii = Array.isArray(tags) && tags.some((t) => /[^\x20-\x7e]/.test(`${(t as Json)?.key ?? ''}${(t as Json)?.value ?? ''}`));
          return nonAscii ? refusal('ValidationException', 400, 'Tags must be ASCII') : super.call(op, input);
        }
      },
    ),
  },
  {
    name: 'unicode-description-rejected',
    kind: 'fault',
    description: 'a description outside ASCII is refused (MODEL: Description ^[^\\p{C}]{1,2048}$ allows every non-control character)',
    service: overriding(
      class extends TunnelService {
        override call(op: OperationName, input: unknown): ServiceResult {
          const d = (input as Json)?.description;
          return typeof d === 'string' && /[^\x20-\x7e]/.test(d) ? refusal('ValidationException', 400, 'description must be ASCII') : super.call(op, input);
        }
      },
    ),
  },
];

const tagging: Variant[] = [
  {
    name: 'open-tags-lost',
    kind: 'fault',
    description: 'tags given to OpenTunnel are not stored (MODEL: OpenTunnelRequest.tags)',
    service: overriding(
      class extends TunnelService {
        override openTunnel(input: OpenTunnelRequest): ServiceResult {
          return super.openTunnel({ ...input, tags: undefined });
        }
      },
    ),
  },
  {
    name: 'tag-keys-case-folded',
    kind: 'fault',
    description: 'TagResource stores keys lower-cased (MODEL: TagKey has no case-folding: keys are case-sensitive)',
    service: overriding(
      class extends TunnelService {
        override tagResource(input: TagResourceRequest): ServiceResult {
          return super.tagResource({ ...input, tags: input.tags!.map((t) => ({ ...t, key: t.key!.toLowerCase() })) });
        }
      },
    ),
  },
  {
    name: 'tag-values-truncated',
    kind: 'fault',
    description: `tag values are stored cut to ${TAG_VALUE_MAX / 2} characters (MODEL: TagValue length 0..${TAG_VALUE_MAX})`,
    service: overriding(
      class extends TunnelService {
        override openTunnel(input: OpenTunnelRequest): ServiceResult {
          return super.openTunnel({ ...input, tags: input.tags?.map((t) => ({ ...t, value: [...t.value!].slice(0, TAG_VALUE_MAX / 2).join('') })) });
        }
      },
    ),
  },
  {
    name: 'tags-limited-to-50',
    kind: 'fault',
    description: `only the first 50 tags of an OpenTunnel are kept (MODEL: TagList up to ${TAG_LIST_MAX})`,
    service: overriding(
      class extends TunnelService {
        override openTunnel(input: OpenTunnelRequest): ServiceResult {
          return super.openTunnel({ ...input, tags: input.tags?.slice(0, 50) });
        }
      },
    ),
  },
  {
    name: 'untag-removes-all',
    kind: 'fault',
    description: 'UntagResource removes every tag, not only the keys given (MODEL: UntagResourceRequest.tagKeys "The keys of the tags to remove")',
    service: overriding(
      class extends TunnelService {
        override untagResource(input: UntagResourceRequest): ServiceResult {
          const r = super.untagResource(input);
          const t = this.findByArn(input.resourceArn!);
          if (r.ok && t && input.tagKeys!.length) t.tags.clear();
          return r;
        }
      },
    ),
  },
  {
    name: 'tag-insert-only',
    kind: 'fault',
    description: 'TagResource never overwrites the value of an existing key (MODEL: TagResource sets the given tags: an upsert)',
    service: overriding(
      class extends TunnelService {
        override tagResource(input: TagResourceRequest): ServiceResult {
          const t = this.findByArn(input.resourceArn!);
          return super.tagResource(t ? { ...input, tags: input.tags!.filter((tag) => !t.tags.has(tag.key!)) } : input);
        }
      },
    ),
  },
];

/** Moves every timestamp of a DescribeTunnel answer by `scale`. */
const describeTimestamps = (scale: (v: number) => number) =>
  editOutput((out) => ['createdAt', 'lastUpdatedAt'].reduce((o, k) => mapMembers(o, k, (v) => scale(Number(v))), out as unknown) as Json, ['DescribeTunnel']);

const state: Variant[] = [
  {
    name: 'timestamps-milliseconds',
    kind: 'fault',
    description: 'DescribeTunnel timestamps are epoch milliseconds (MODEL: epoch seconds in awsJson1_1)',
    wire: describeTimestamps((v) => Math.round(v * 1000)),
  },
  {
    name: 'status-lowercase',
    kind: 'fault',
    description: 'DescribeTunnel gives status as lowercase "open"/"closed" (MODEL: TunnelStatus enum OPEN|CLOSED)',
    wire: editOutput((out) => mapMembers(out, 'tunnel', (t) => ({ ...(t as Json), status: String((t as Json).status).toLowerCase() })) as Json, ['DescribeTunnel']),
  },
  {
    name: 'new-tunnel-connected',
    kind: 'fault',
    description: 'a new tunnel shows its source side CONNECTED (SF Lifecycle: "both connection states DISCONNECTED")',
    wire: editOutput((out) => mapMembers(out, 'sourceConnectionState', (s) => ({ ...(s as Json), status: 'CONNECTED' })) as Json, ['DescribeTunnel']),
  },
  {
    name: 'destination-config-dropped',
    kind: 'fault',
    description: 'DescribeTunnel leaves out the destinationConfig given at open (MODEL: Tunnel.destinationConfig)',
    wire: editOutput((out) => mapMembers(out, 'tunnel', (t) => ({ ...(t as Json), destinationConfig: undefined })) as Json, ['DescribeTunnel']),
  },
  {
    name: 'description-truncated',
    kind: 'fault',
    description: 'descriptions are stored cut to 256 characters (MODEL: Description up to 2048)',
    service: overriding(
      class extends TunnelService {
        override openTunnel(input: OpenTunnelRequest): ServiceResult {
          return super.openTunnel(input.description === undefined ? input : { ...input, description: [...input.description].slice(0, 256).join('') });
        }
      },
    ),
  },
  {
    name: 'ids-collide-concurrently',
    kind: 'fault',
    description: 'tunnel ids come from the clock in seconds, so opens within one second share an id (MODEL: "A unique alpha-numeric tunnel ID")',
    service: (options) => new TunnelService({ ...options, newId: () => `tunnel-${Math.floor(options.now() / 1000)}` }),
  },
  {
    name: 'tokens-reused-across-tunnels',
    kind: 'fault',
    description: 'access tokens are drawn from a small fixed pool, so tunnels share them (DOC: tokens are credentials of one tunnel side)',
    service: (options) => {
      const pool = Array.from({ length: 4 }, () => randomBytes(24).toString('base64url'));
      let n = 0;
      return new TunnelService({ ...options, newToken: () => pool[n++ % pool.length] });
    },
  },
];

const expiry: Variant[] = [
  {
    name: 'expiry-ignored',
    kind: 'fault',
    description: 'tunnels never expire (SF Lifecycle: "reaching maxLifetimeTimeoutMinutes … makes it CLOSED")',
    service: overriding(
      class extends TunnelService {
        protected override settle<T>(t: T): T {
          return t;
        }
      },
    ),
  },
  {
    name: 'expiry-describe-only',
    kind: 'fault',
    description: 'expiry is applied when a tunnel is read by id (Describe/Close/Rotate) but not by ListTunnels or the tag operations, which show it OPEN (SF Lifecycle: expiry makes it CLOSED for every reader)',
    service: overriding(
      class extends TunnelService {
        protected override *all(among: Parameters<TunnelService['all']>[0] = this.tunnels.values()) {
          yield* among;
        }
      },
    ),
  },
  {
    name: 'lifetime-in-seconds',
    kind: 'fault',
    description: 'maxLifetimeTimeoutMinutes is read as seconds: tunnels close 60 times too early (MODEL: TimeoutConfig.maxLifetimeTimeoutMinutes, minutes)',
    service: overriding(
      class extends TunnelService {
        protected override settle<T>(t: T): T {
          const r = t as unknown as { createdAt: number; lifetimeMinutes: number; status: string; lastUpdatedAt: number };
          const expiresAt = r.createdAt + r.lifetimeMinutes * 1000;
          if (r.status === 'OPEN' && this.options.now() >= expiresAt) Object.assign(r, { status: 'CLOSED', lastUpdatedAt: expiresAt });
          return t;
        }
      },
    ),
  },
  {
    name: 'default-lifetime-60',
    kind: 'fault',
    description: 'a tunnel opened without timeoutConfig lives 60 minutes (MODEL: maxLifetimeTimeoutMinutes "defaults to 720 minutes")',
    service: overriding(
      class extends TunnelService {
        override openTunnel(input: OpenTunnelRequest): ServiceResult {
          return super.openTunnel(input.timeoutConfig?.maxLifetimeTimeoutMinutes === undefined ? { ...input, timeoutConfig: { maxLifetimeTimeoutMinutes: 60 } } : input);
        }
      },
    ),
  },
  {
    name: 'timeout-config-ignored',
    kind: 'fault',
    description: 'the maxLifetimeTimeoutMinutes given is ignored: every tunnel lives 720 minutes (MODEL: TimeoutConfig.maxLifetimeTimeoutMinutes)',
    service: overriding(
      class extends TunnelService {
        override openTunnel(input: OpenTunnelRequest): ServiceResult {
          return super.openTunnel({ ...input, timeoutConfig: undefined });
        }
      },
    ),
  },
];

/** The first 3 services of a destinationConfig: what a service that drops the rest keeps. */
const firstThree = <T extends { destinationConfig?: DestinationConfig }>(input: T): T =>
  input.destinationConfig ? { ...input, destinationConfig: { ...input.destinationConfig, services: input.destinationConfig.services!.slice(0, MAX_SERVICES) } } : input;

const quotas: Variant[] = [
  {
    name: 'limit-ignored',
    kind: 'fault',
    description: 'the limits control is advertised and answered but never applied (CONTRACT: "While maxOpenTunnels is set, OpenTunnel with that many tunnels OPEN answers LimitExceededException")',
    service: overriding(
      class extends TunnelService {
        override limitOpenTunnels(): void {}
      },
    ),
  },
  {
    name: 'limit-refused-but-created',
    kind: 'fault',
    description: 'at the open-tunnel limit OpenTunnel answers LimitExceededException yet creates the tunnel (SF Quotas: "answers LimitExceededException … and creates nothing")',
    service: overriding(
      class extends TunnelService {
        override openTunnel(input: OpenTunnelRequest): ServiceResult {
          const refused = super.openTunnel(input);
          if (refused.ok || refused.error.code !== 'LimitExceededException') return refused;
          const limit = this.maxOpenTunnels;
          this.maxOpenTunnels = Number.MAX_SAFE_INTEGER;
          super.openTunnel(input);
          this.maxOpenTunnels = limit;
          return refused;
        }
      },
    ),
  },
  {
    name: 'limit-wrong-code',
    kind: 'fault',
    description: 'at the open-tunnel limit OpenTunnel answers 400 ServiceQuotaExceededException (MODEL: OpenTunnel\'s error is LimitExceededException)',
    service: overriding(
      class extends TunnelService {
        protected override limitReached(): ServiceResult {
          return refusal('ServiceQuotaExceededException', 400, 'Open tunnel quota reached');
        }
      },
    ),
  },
  {
    name: 'fourth-service-dropped',
    kind: 'fault',
    description: 'a 4th service is accepted and silently dropped, on OpenTunnel and RotateTunnelAccessToken (SF Quotas: "at most 3 services per tunnel"; SF UNKNOWN: "either way a 4xx that creates nothing")',
    service: overriding(
      class extends TunnelService {
        override openTunnel(input: OpenTunnelRequest): ServiceResult {
          return super.openTunnel(firstThree(input));
        }
        override rotateTunnelAccessToken(input: RotateTunnelAccessTokenRequest): ServiceResult {
          return super.rotateTunnelAccessToken(firstThree(input));
        }
      },
    ),
  },
];

const dataPlane: Variant[] = [
  {
    name: 'dp-state-never-connected',
    kind: 'fault',
    description: 'The data plane never moves the connection states: DescribeTunnel says DISCONNECTED while a side is connected (SF Data plane: "a successful handshake flips that side\'s connection state to CONNECTED")',
    dataPlane: { reportsConnectionState: false },
  },
  {
    name: 'dp-rotated-token-accepted',
    kind: 'fault',
    description: 'A token that RotateTunnelAccessToken replaced still opens a connection (SF Data plane: "A rotated-away token is refused")',
    dataPlane: { refusesRevokedTokens: false },
  },
  {
    name: 'dp-token-reusable',
    kind: 'fault',
    description: 'An access token admits any number of handshakes without a client-token (SF Data plane: "A token works for one successful handshake (single-use)")',
    dataPlane: { singleUseTokens: false },
  },
  {
    name: 'dp-close-leaves-sockets',
    kind: 'fault',
    description: 'CloseTunnel leaves the tunnel\'s WebSocket connections open (SF Data plane, SEED: CloseTunnel "closes the WebSocket connections … so no data can be transmitted")',
    dataPlane: { closesOnCloseTunnel: false },
  },
  {
    name: 'dp-payload-altered',
    kind: 'fault',
    description: 'The last byte of every DATA payload over 100 bytes is inverted on the way to the peer (SF Data plane: "DATA is relayed byte-exact to the peer")',
    dataPlane: { forward: editingDataPayload(100, flipLastByte) },
  },
  {
    name: 'dp-no-service-ids',
    kind: 'fault',
    description: 'No SERVICE_IDS after a V2/V3 handshake (SF Data plane: "After the handshake (V2/V3) the service sends SERVICE_IDS listing the tunnel\'s services")',
    dataPlane: { sendsServiceIds: false },
  },
  {
    name: 'dp-wrong-mode-accepted',
    kind: 'fault',
    description: 'A token is admitted whatever local-proxy-mode says (SF Data plane: "`local-proxy-mode` must match the side the token was issued for")',
    dataPlane: { checksMode: false },
  },
  {
    name: 'dp-split-frame-mishandled',
    kind: 'fault',
    description: 'Each WebSocket frame is read as starting a new tunnel frame, so a tunnel frame split across two is lost or misread (SF Data plane: "Tunnel frames may be split across … WebSocket frames; the service regroups")',
    dataPlane: { regrouper: forgetfulRegrouper },
  },
  {
    name: 'dp-expiry-leaves-sockets',
    kind: 'fault',
    description: 'A tunnel reaching its maxLifetime leaves its WebSocket connections open (SF Data plane: "expiry does the same" as CloseTunnel, closing them)',
    dataPlane: { closesOnExpiry: false },
  },
];

export const faults: Variant[] = [...listing, ...rotation, ...errors, ...closing, ...constraints, ...tagging, ...state, ...expiry, ...quotas, ...dataPlane];
