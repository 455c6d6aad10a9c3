/**
 * The executable model of IoT Secure Tunneling's control plane: pure and deterministic (time,
 * ids and tokens are injected), wire-form in and out (the JSON of awsJson1_1, timestamps epoch
 * seconds). Every rule names its source: a model trait, or a line of docs/service-facts.md (SF).
 *
 * Each operation is its own overridable method so that a deliberately faulty variant can subclass
 * this and break exactly one rule; `call` validates against the derived input shape first, so a
 * method only ever sees a well-formed input and a rejected request changes nothing.
 */
import type {
  CloseTunnelRequest, DescribeTunnelRequest, DestinationConfig, ListTagsForResourceRequest, ListTunnelsRequest,
  OpenTunnelRequest, RotateTunnelAccessTokenRequest, TagResourceRequest, UntagResourceRequest,
} from '@aws-sdk/client-iotsecuretunneling';
import { def, inputShape, operationsIndex, validateShape, type OperationName } from '../specs/index.js';
import { violationOf } from './violations.js';

export interface TunnelServiceOptions {
  /** epoch ms */
  now(): number;
  newId(): string;
  newToken(): string;
  region?: string;
  account?: string;
  /**
   * The default open-tunnel limit (the real quota is UNKNOWN): OpenTunnel with this many tunnels
   * OPEN is LimitExceededException. No limit when absent; `limitOpenTunnels` overrides it.
   */
  maxOpenTunnels?: number;
}

export type ServiceError = { code: string; status: number; message: string };
export type ServiceResult = { ok: true; output: Record<string, unknown> } | { ok: false; error: ServiceError };

export type Side = 'SOURCE' | 'DESTINATION';
export type ConnectionStatus = 'CONNECTED' | 'DISCONNECTED';

/** What the data plane learns of an access token: whose it is, and whether it still admits. */
export interface TokenHolder {
  tunnelId: string;
  side: Side;
  /** false once a rotation replaced it (SF Lifecycle: rotation revokes the current token) */
  current: boolean;
  /** the tunnel is OPEN (expiry applied) */
  open: boolean;
  /** the tunnel's lifetime has passed (whether or not CloseTunnel came first) */
  expired: boolean;
  /** the tunnel's destinationConfig.services, for SERVICE_IDS and the relay's serviceId rule */
  services: string[];
}

interface TunnelRecord {
  id: string;
  /** the n-th tunnel this service opened: the order tokenHolder weighs the holders of a shared token in */
  order: number;
  arn: string;
  description?: string;
  destinationConfig?: DestinationConfig;
  lifetimeMinutes: number;
  /** insertion-ordered, keys case-sensitive (TagKey has no case-folding trait) */
  tags: Map<string, string>;
  /** epoch ms */
  createdAt: number;
  lastUpdatedAt: number;
  status: 'OPEN' | 'CLOSED';
  tokens: Record<Side, string>;
  /** tokens a rotation replaced: the data plane refuses them rather than not knowing them */
  revoked: Record<Side, string[]>;
  /** SF Data plane: each side's connection state, moved by the data plane (epoch ms) */
  connections: Record<Side, { status: ConnectionStatus; lastUpdatedAt: number }>;
}

/** SF Lifecycle: "reaching maxLifetimeTimeoutMinutes (default 720)", the longest lifetime TimeoutInMin allows. */
export const DEFAULT_LIFETIME_MINUTES = def('TimeoutInMin').maximum as number;
/** SF UNKNOWN "default page size": the model chooses the largest page MaxResults allows. */
export const DEFAULT_PAGE_SIZE = def('MaxResults').maximum as number;
/** MODEL: TagList maxItems, read here as the per-resource limit. */
const MAX_TAGS = def('TagList').maxItems as number;
/** SF Quotas: "at most 3 services per tunnel"; the model itself sets no maximum on ServiceList. */
export const MAX_SERVICES = 3;

/**
 * The HTTP status the model gives a modelled error (LimitExceededException 403, ResourceNotFoundException 404),
 * looked up per failure rather than tabled at load so that mutation testing can reach it.
 */
const modelledStatus = (code: string) =>
  Object.values(operationsIndex.operations).flatMap((o) => o.errors).find((e) => e.code === code)?.httpStatus ?? 400;
const failure = (code: string, message: string): ServiceResult => ({
  ok: false,
  error: { code, status: modelledStatus(code), message },
});
const success = (output: Record<string, unknown>): ServiceResult => ({ ok: true, output });

/** awsJson1_1 timestamps: epoch seconds, the millisecond part as a fraction (MODEL: no timestampFormat trait). */
const wireTime = (ms: number) => ms / 1000;

/** ListTunnels order, SF "newest first"; equal createdAt is ordered by id, descending, so a cursor alone places a page. */
const newestFirst = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The opaque nextToken: the (createdAt, id) of the last tunnel a page returned, as base64url (which
 * matches the NextToken pattern). A page resumes strictly after it, so tunnels opened or deleted
 * between pages neither repeat nor hide older ones.
 */
interface Cursor { createdAt: number; id: string }
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');
function decodeCursor(token: string): Cursor | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && Number.isFinite(v[0]) && typeof v[1] === 'string') return { createdAt: v[0], id: v[1] };
  } catch {
    // not JSON: falls through to "invalid"
  }
  return undefined;
}

/** Each operation's method is the lower camel case of its name: the dispatch needs no table of its own. */
export type MethodName<Op extends OperationName = OperationName> = Uncapitalize<Op>;
export const methodOf = <Op extends OperationName>(op: Op) => `${op[0].toLowerCase()}${op.slice(1)}` as MethodName<Op>;

/**
 * One method per derived operation, each taking its own validated input: a model re-derived with
 * a new operation does not compile until the service has its method.
 */
type OperationMethods = { [Op in OperationName as MethodName<Op>]: (input: never) => ServiceResult };

export class TunnelService implements OperationMethods {
  protected readonly tunnels = new Map<string, TunnelRecord>();
  /**
   * Each access token ever issued, with the ids of the tunnels it was issued to (one, unless a
   * variant reuses tokens): the data plane's lookup, per handshake and per live connection on
   * every change, without scanning every tunnel. Only a candidate list: tokenHolder checks the
   * tunnels' own tokens, so a rotation, a deletion or a replaced record needs no entry removed
   * (a deleted tunnel leaves a few bytes here, as a CLOSED one leaves its whole record).
   */
  private readonly issued = new Map<string, Set<string>>();
  private opened = 0;
  protected readonly region: string;
  protected readonly account: string;
  protected maxOpenTunnels: number;

  constructor(protected readonly options: TunnelServiceOptions) {
    this.region = options.region ?? 'us-east-1';
    this.account = options.account ?? '123456789012';
    this.maxOpenTunnels = options.maxOpenTunnels ?? Number.MAX_SAFE_INTEGER;
  }

  /** Validates against the derived input shape (MODEL constraints via ajv), then runs the operation. */
  call(op: OperationName, input: unknown): ServiceResult {
    const violation = violationOf(validateShape(inputShape(op), input));
    if (violation) return failure(violation.code, violation.message);
    const method = this[methodOf(op)] as (this: TunnelService, input: unknown) => ServiceResult;
    return method.call(this, input);
  }

  /**
   * The limits control (CONTRACT.md "Target control"): the open-tunnel limit from now on;
   * null restores the default the service was built with.
   */
  limitOpenTunnels(max: number | null): void {
    this.maxOpenTunnels = max ?? this.options.maxOpenTunnels ?? Number.MAX_SAFE_INTEGER;
  }

  openTunnel(input: OpenTunnelRequest): ServiceResult {
    if (input.destinationConfig && tooManyServices(input.destinationConfig)) return this.refuseServices(input.destinationConfig);
    const counted = () => [...this.all()].filter((t) => this.countsTowardLimit(t)).length;
    // The count reads every tunnel, and cannot exceed how many there are: below the limit it is not taken.
    if (this.tunnels.size >= this.maxOpenTunnels && counted() >= this.maxOpenTunnels) return this.limitReached();
    const id = this.options.newId();
    const now = this.options.now();
    const t: TunnelRecord = {
      id,
      order: ++this.opened,
      arn: `arn:aws:iot:${this.region}:${this.account}:tunnel/${id}`, // SF Lifecycle: ARN (DOC-EXAMPLE)
      description: input.description,
      destinationConfig: input.destinationConfig && copyDestination(input.destinationConfig),
      lifetimeMinutes: input.timeoutConfig?.maxLifetimeTimeoutMinutes ?? DEFAULT_LIFETIME_MINUTES,
      tags: new Map((input.tags ?? []).map((tag) => [tag.key!, tag.value!])),
      createdAt: now,
      lastUpdatedAt: now,
      status: 'OPEN', // SF Lifecycle: "A new tunnel is OPEN"
      tokens: { SOURCE: this.issue(id), DESTINATION: this.issue(id) },
      revoked: { SOURCE: [], DESTINATION: [] },
      connections: { SOURCE: { status: 'DISCONNECTED', lastUpdatedAt: now }, DESTINATION: { status: 'DISCONNECTED', lastUpdatedAt: now } },
    };
    this.tunnels.set(id, t);
    return success({ tunnelId: id, tunnelArn: t.arn, sourceAccessToken: t.tokens.SOURCE, destinationAccessToken: t.tokens.DESTINATION });
  }

  closeTunnel(input: CloseTunnelRequest): ServiceResult {
    const t = this.find(input.tunnelId!);
    if (!t) return this.notFound(input.tunnelId!);
    // SF Lifecycle: "`delete: true` ... deletes the tunnel data immediately (then it is not found)".
    if (input.delete) this.tunnels.delete(t.id);
    // SF UNKNOWN "closing a CLOSED tunnel": the model accepts it and changes nothing.
    else if (t.status === 'OPEN') Object.assign(t, { status: 'CLOSED', lastUpdatedAt: this.options.now() });
    return success({});
  }

  describeTunnel(input: DescribeTunnelRequest): ServiceResult {
    const t = this.find(input.tunnelId!);
    return t ? success({ tunnel: this.view(t) }) : this.notFound(input.tunnelId!);
  }

  listTunnels(input: ListTunnelsRequest): ServiceResult {
    let after: Cursor | undefined;
    if (input.nextToken !== undefined) {
      after = decodeCursor(input.nextToken);
      if (!after) return failure('ValidationException', 'The nextToken is invalid or expired');
    }
    const size = input.maxResults ?? DEFAULT_PAGE_SIZE;
    const rest = [...this.all()]
      // SF Lifecycle: "`thingName` filters to tunnels whose destination is that thing"
      .filter((t) => input.thingName === undefined || t.destinationConfig?.thingName === input.thingName)
      .sort(newestFirst)
      .filter((t) => !after || newestFirst(after, t) < 0);
    const page = rest.slice(0, size);
    const last = page.at(-1);
    return success({
      tunnelSummaries: page.map((t) => ({
        tunnelId: t.id,
        tunnelArn: t.arn,
        status: t.status,
        ...(t.description === undefined ? {} : { description: t.description }),
        createdAt: wireTime(t.createdAt),
        lastUpdatedAt: wireTime(t.lastUpdatedAt),
      })),
      ...(rest.length > size && last ? { nextToken: encodeCursor(last) } : {}),
    });
  }

  rotateTunnelAccessToken(input: RotateTunnelAccessTokenRequest): ServiceResult {
    // SF Lifecycle: "DOC: DestinationConfig may not be combined with SOURCE." Checked before lookup: it is a property of the request.
    if (input.clientMode === 'SOURCE' && input.destinationConfig) {
      return failure('ValidationException', 'destinationConfig cannot be specified when clientMode is SOURCE');
    }
    if (input.destinationConfig && tooManyServices(input.destinationConfig)) return this.refuseServices(input.destinationConfig);
    const t = this.find(input.tunnelId!);
    if (!t) return this.notFound(input.tunnelId!);
    // SF Lifecycle: rotation revokes and replaces exactly the tokens of its clientMode, and never moves expiry
    // (lifetimeMinutes and createdAt are untouched). SF UNKNOWN "rotating a CLOSED tunnel": the model allows it.
    const sides: Side[] = input.clientMode === 'ALL' ? ['SOURCE', 'DESTINATION'] : [input.clientMode as Side];
    for (const side of sides) {
      t.revoked[side].push(t.tokens[side]);
      t.tokens[side] = this.issue(t.id);
    }
    if (input.destinationConfig) t.destinationConfig = copyDestination(input.destinationConfig);
    t.lastUpdatedAt = this.options.now();
    return success({
      tunnelArn: t.arn,
      ...(sides.includes('SOURCE') ? { sourceAccessToken: t.tokens.SOURCE } : {}),
      ...(sides.includes('DESTINATION') ? { destinationAccessToken: t.tokens.DESTINATION } : {}),
    });
  }

  tagResource(input: TagResourceRequest): ServiceResult {
    const t = this.findByArn(input.resourceArn!);
    if (!t) return this.notFound(input.resourceArn!);
    const merged = new Map(t.tags);
    for (const tag of input.tags!) merged.set(tag.key!, tag.value!); // upsert
    if (merged.size > MAX_TAGS) return failure('ValidationException', `A resource can have at most ${MAX_TAGS} tags`);
    t.tags = merged;
    return success({});
  }

  untagResource(input: UntagResourceRequest): ServiceResult {
    const t = this.findByArn(input.resourceArn!);
    if (!t) return this.notFound(input.resourceArn!);
    for (const key of input.tagKeys!) t.tags.delete(key); // an absent key is a no-op
    return success({});
  }

  listTagsForResource(input: ListTagsForResourceRequest): ServiceResult {
    const t = this.findByArn(input.resourceArn!);
    if (!t) return this.notFound(input.resourceArn!);
    // MODEL: TagList has minItems 1, so no tags is an absent member rather than [].
    return success(t.tags.size ? { tags: tagList(t.tags) } : {});
  }

  /** Which side a token currently admits, if any (for the data plane and for tests of revocation). */
  tokenSide(tunnelId: string, token: string): Side | undefined {
    const t = this.find(tunnelId);
    if (!t || t.status !== 'OPEN') return undefined;
    return (Object.keys(t.tokens) as Side[]).find((side) => t.tokens[side] === token);
  }

  /**
   * The data plane's token lookup: the tunnel and side a token was issued for, current or revoked;
   * undefined for a token never issued or of a deleted tunnel. When a variant issues one token to
   * several tunnels, a current holder wins over a revoked one, then the first opened.
   */
  tokenHolder(token: string): TokenHolder | undefined {
    const issuedTo = [...(this.issued.get(token) ?? [])].flatMap((id) => this.tunnels.get(id) ?? []).sort((a, b) => a.order - b.order);
    let revoked: TokenHolder | undefined;
    for (const t of this.all(issuedTo)) {
      for (const side of ['SOURCE', 'DESTINATION'] as const) {
        const holder = () => ({
          tunnelId: t.id,
          side,
          open: t.status === 'OPEN',
          expired: this.options.now() >= expiryOf(t),
          services: [...(t.destinationConfig?.services ?? [])],
        });
        if (t.tokens[side] === token) return { ...holder(), current: true };
        if (!revoked && t.revoked[side].includes(token)) revoked = { ...holder(), current: false };
      }
    }
    return revoked;
  }

  /** SF Data plane: a handshake flips its side to CONNECTED, a disconnect back to DISCONNECTED, each with a new lastUpdatedAt. */
  setConnectionState(tunnelId: string, side: Side, status: ConnectionStatus): void {
    const t = this.tunnels.get(tunnelId);
    if (t) t.connections[side] = { status, lastUpdatedAt: this.options.now() };
  }

  /**
   * The tunnels as a reader of more than one sees them (ListTunnels, the open-tunnel limit, the
   * lookups by ARN and by token): every tunnel, or only those `among` a lookup's candidates, with
   * expiry applied first: time alone is evaluated lazily, on each read.
   */
  protected *all(among: Iterable<TunnelRecord> = this.tunnels.values()): Iterable<TunnelRecord> {
    for (const t of among) yield this.settle(t);
  }

  protected find(tunnelId: string): TunnelRecord | undefined {
    const t = this.tunnels.get(tunnelId);
    return t && this.settle(t);
  }

  /** The model's ARNs end with `/` and the tunnel's id (openTunnel), so that id names the only tunnel an ARN can be. */
  protected findByArn(arn: string): TunnelRecord | undefined {
    const candidate = this.tunnels.get(arn.slice(arn.lastIndexOf('/') + 1));
    for (const t of this.all(candidate ? [candidate] : [])) if (t.arn === arn) return t;
    return undefined;
  }

  /** A new access token for the tunnel `id`, remembered for tokenHolder. */
  private issue(id: string): string {
    const token = this.options.newToken();
    this.issued.set(token, (this.issued.get(token) ?? new Set()).add(id));
    return token;
  }

  /** SF Lifecycle: reaching maxLifetimeTimeoutMinutes makes a tunnel CLOSED, as of its expiry instant; never OPEN again. */
  protected settle(t: TunnelRecord): TunnelRecord {
    const expiresAt = expiryOf(t);
    if (t.status === 'OPEN' && this.options.now() >= expiresAt) Object.assign(t, { status: 'CLOSED', lastUpdatedAt: expiresAt });
    return t;
  }

  /**
   * SF UNKNOWN "whether CLOSED tunnels count against the open-tunnel quota": the model counts only
   * OPEN tunnels, as the quota's name says; a CLOSED tunnel frees its place.
   */
  protected countsTowardLimit(t: TunnelRecord): boolean {
    return t.status === 'OPEN';
  }

  /** MODEL: OpenTunnel's only modelled error; SF Quotas: "OpenTunnel answers LimitExceededException … and creates nothing". */
  protected limitReached(): ServiceResult {
    return failure('LimitExceededException', `Open tunnel limit of ${this.maxOpenTunnels} reached`);
  }

  /**
   * SF Quotas "at most 3 services per tunnel"; SF UNKNOWN "what is answered for a 4th service": the
   * model answers the API's quota error, LimitExceededException, on RotateTunnelAccessToken too.
   */
  protected refuseServices(d: DestinationConfig): ServiceResult {
    return failure('LimitExceededException', `A tunnel can have at most ${MAX_SERVICES} services, got ${d.services!.length}`);
  }

  protected notFound(what: string): ServiceResult {
    // MODEL: ResourceNotFoundException on every operation that names a tunnel.
    return failure('ResourceNotFoundException', `Tunnel or resource ${what} not found`);
  }

  protected view(t: TunnelRecord): Record<string, unknown> {
    const state = (side: Side) => ({ status: t.connections[side].status, lastUpdatedAt: wireTime(t.connections[side].lastUpdatedAt) });
    return {
      tunnelId: t.id,
      tunnelArn: t.arn,
      status: t.status,
      sourceConnectionState: state('SOURCE'),
      destinationConnectionState: state('DESTINATION'),
      ...(t.description === undefined ? {} : { description: t.description }),
      ...(t.destinationConfig ? { destinationConfig: copyDestination(t.destinationConfig) } : {}),
      // SF UNKNOWN "whether timeoutConfig is echoed": the model echoes it, 720 when not given.
      timeoutConfig: { maxLifetimeTimeoutMinutes: t.lifetimeMinutes },
      ...(t.tags.size ? { tags: tagList(t.tags) } : {}),
      createdAt: wireTime(t.createdAt),
      lastUpdatedAt: wireTime(t.lastUpdatedAt),
    };
  }
}

/** Only the modelled members, and a copy: neither a caller's object nor an answer may alias the model's state. */
const copyDestination = (d: DestinationConfig): DestinationConfig => ({
  ...(d.thingName === undefined ? {} : { thingName: d.thingName }),
  services: [...d.services!],
});
const expiryOf = (t: TunnelRecord) => t.createdAt + t.lifetimeMinutes * 60_000;
const tooManyServices = (d: DestinationConfig) => d.services!.length > MAX_SERVICES;
const tagList = (tags: Map<string, string>) => [...tags].map(([key, value]) => ({ key, value }));
