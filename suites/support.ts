/**
 * Small steps shared by the checks: call and demand success or a client error, read a tunnel,
 * list every page. Each step fails the check with a message that names the operation and what
 * was wrong; none of them ever puts an access token into a message.
 */
import { outputShape, validateShape, type OperationName } from '../specs/index.js';
import { answerText, CheckFailed, NOT_JUDGED, NotJudged, type CallResult, type CheckContext, type FailureDetail, type RunTunnel } from './api.js';

export type Json = Record<string, unknown>;

export function fail(message: string, counterexample?: unknown, detail?: FailureDetail): never {
  throw new CheckFailed(message, counterexample, undefined, detail);
}

/** A success was refused: the message quotes the target's own words, the detail its answer. */
function rejected(op: OperationName, r: CallResult & { ok: false }, input: Json): never {
  const actual = answerText(r);
  throw new CheckFailed(`${op} was rejected: ${`${actual}: ${r.message}`.slice(0, 300)}`, { op, input }, undefined, { kind: 'answer', operation: op, expected: 'a 2xx success', actual });
}

export async function callOk(ctx: CheckContext, op: OperationName, input: Json): Promise<Json> {
  return demandOk(await ctx.target.call(op, input), op, input);
}

export function isClientError(r: CallResult): boolean {
  return !r.ok && r.status !== undefined && r.status >= 400 && r.status <= 499;
}

/** ResourceNotFoundException with a 4xx status (SERVICE-FACTS: 400 and 404 are both seen). */
export function isNotFound(r: CallResult): boolean {
  return isClientError(r) && !r.ok && r.code === 'ResourceNotFoundException';
}

export function demandOk(r: CallResult, op: OperationName, input: Json): Json {
  if (!r.ok) rejected(op, r, input);
  return r.output;
}

/** Schema errors of an output against the operation's derived output shape (extra members allowed). */
export function outputErrors(op: OperationName, output: Json): string[] {
  return validateShape(outputShape(op), output).map((e) => `${e.instancePath || '(root)'} ${e.message}`);
}

export interface TunnelView {
  tunnelId: string;
  tunnelArn?: string;
  status?: string;
  description?: string;
  destinationConfig?: { thingName?: string; services?: string[] };
  timeoutConfig?: { maxLifetimeTimeoutMinutes?: number };
  tags?: { key: string; value: string }[];
  sourceConnectionState?: { status?: string; lastUpdatedAt?: number };
  destinationConnectionState?: { status?: string; lastUpdatedAt?: number };
  createdAt?: number;
  lastUpdatedAt?: number;
}

export async function describe(ctx: CheckContext, tunnelId: string): Promise<TunnelView> {
  const out = await callOk(ctx, 'DescribeTunnel', { tunnelId });
  const tunnel = out.tunnel as TunnelView | undefined;
  if (!tunnel || typeof tunnel !== 'object') fail('DescribeTunnel answered without a tunnel', { tunnelId }, { kind: 'shape', operation: 'DescribeTunnel', expected: 'a tunnel member', actual: 'none' });
  return tunnel;
}

export interface Page {
  ids: string[];
  summaries: Json[];
  nextToken?: string;
}

/** A tunnel's summary as ListTunnels, filtered by its thing, lists it; undefined when it is not listed. */
export async function listedSummary(ctx: CheckContext, thingName: string, tunnelId: string): Promise<Json | undefined> {
  return (await listAll(ctx, { thingName })).flatMap((p) => p.summaries).find((s) => s.tunnelId === tunnelId);
}

/** Every page of ListTunnels, bounded in pages; fails when a token repeats or pages never end. */
export async function listAll(ctx: CheckContext, input: Json, maxPages = 200): Promise<Page[]> {
  const pages: Page[] = [];
  const seenTokens = new Set<string>();
  let nextToken: string | undefined;
  do {
    const req = nextToken ? { ...input, nextToken } : input;
    const out = await callOk(ctx, 'ListTunnels', req);
    const summaries = (Array.isArray(out.tunnelSummaries) ? out.tunnelSummaries : []) as Json[];
    nextToken = typeof out.nextToken === 'string' && out.nextToken !== '' ? out.nextToken : undefined;
    pages.push({ ids: summaries.map((s) => String(s.tunnelId)), summaries, nextToken });
    if (nextToken) {
      if (seenTokens.has(nextToken)) fail(`ListTunnels returned the same nextToken twice: pagination does not progress`, { input, pages: pages.length }, { kind: 'pagination', operation: 'ListTunnels', expected: 'a new nextToken on every page', actual: 'a repeated nextToken' });
      seenTokens.add(nextToken);
    }
    if (pages.length >= maxPages && nextToken) fail(`ListTunnels pagination did not end within ${maxPages} pages`, { input }, { kind: 'pagination', operation: 'ListTunnels', expected: `a last page within ${maxPages}`, actual: 'a nextToken on every page' });
  } while (nextToken);
  return pages;
}

/**
 * The tunnels listed under a thing the check alone uses, closed and deleted at once: an answer
 * that refused must have created none, and one that did must not outlive the check (the ledger
 * only knows the tunnels an OpenTunnel answered with).
 */
export async function removeCreated(ctx: CheckContext, thingName: string, maxPages?: number): Promise<string[]> {
  const ids = (await listAll(ctx, { thingName }, maxPages)).flatMap((p) => p.ids);
  for (const tunnelId of ids) await ctx.target.call('CloseTunnel', { tunnelId, delete: true });
  return ids;
}

export const tagSet = (tags: unknown): Map<string, string> =>
  new Map(((Array.isArray(tags) ? tags : []) as { key: string; value: string }[]).map((t) => [t.key, t.value]));

export function sameTags(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

export const sortedEntries = (m: Map<string, string>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

let things = 0;
/**
 * A thing name no other run uses (SERVICE-FACTS: never assume an empty account): ListTunnels
 * filtered by it sees only this run's tunnels.
 */
export const freshThingName = (ctx: CheckContext, label: string) => `tc-${ctx.runId}-${label}-${++things}`;

export const destinationFor = (thingName: string) => ({ thingName, services: ['SSH'] });

/** The thing a tunnel of the run was opened for (every tunnel the pool hands out has one). */
export function thingOf(t: RunTunnel): string {
  const thingName = (t.sent.destinationConfig as { thingName?: unknown } | undefined)?.thingName;
  if (typeof thingName !== 'string') throw new Error(`tunnel ${t.tunnelId} was opened without a thing`);
  return thingName;
}

/** Adds an observed answer once: observations list the distinct answers seen. */
export function noteAnswer(list: string[], r: CallResult): void {
  const a = answerText(r);
  if (!list.includes(a)) list.push(a);
}

/**
 * SERVICE-FACTS quotas: "the AWS-wide tagging quota is 50 tags per resource, so at least 50 must
 * be accepted"; above it a tunnel keeps all of them or refuses with a 4xx (UNKNOWN which).
 */
export const TAGS_PER_TUNNEL_QUOTA = 50;

/**
 * True when `r` is the whole refusal a target may give for a tunnel that would carry `total`
 * tags: a 4xx, and only above the quota. Whether the refusal really changed nothing is the
 * caller's to read back; a success must then show every tag (never some dropped).
 */
export const refusedOverTagQuota = (r: CallResult, total: number): boolean => total > TAGS_PER_TUNNEL_QUOTA && isClientError(r);

/** Distinct keys a tunnel would carry after `added` is upserted over `current`. */
export const tagTotal = (current: Iterable<string>, added: unknown): number => new Set([...current, ...tagSet(added).keys()]).size;

/** A JSON text with object members in key order: two reads that differ only in member order agree. */
const canonical = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(canonical) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, canonical(x)])) : v;

/**
 * What DescribeTunnel shows of a tunnel, comparable across reads: member order, tag order and
 * service order are not promised (tags are a set, services a list compared as a set elsewhere).
 */
export function tunnelFingerprint(t: TunnelView): string {
  const services = t.destinationConfig?.services && [...t.destinationConfig.services].sort();
  const view = { ...t, tags: t.tags && sortedEntries(tagSet(t.tags)), ...(t.destinationConfig && { destinationConfig: { ...t.destinationConfig, services } }) };
  return JSON.stringify(canonical(view));
}

/** Asks for a tunnel at the target's open-tunnel limit this many times, waiting a little longer each time (1 + 2 + 3 + 4 s at most). */
const LIMIT_ATTEMPTS = 5;
const LIMIT_WAIT_MS = 1_000;

/**
 * Opens a tunnel a check needs, through `open`. The target's open-tunnel limit may be held for a
 * moment by another client (CONTRACT.md: the suite is never the only client; another run's limit
 * check): LimitExceededException is asked again a few times, then the check is not judged. Only
 * a check about the limit judges that answer itself, and never through here. A refusal the input
 * itself explains (more tags than the quota: SERVICE-FACTS unknown) is handed back at once.
 */
export async function belowOpenLimit<T extends { result: CallResult; sent: Json }>(open: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const opened = await open();
    if (opened.result.ok || opened.result.code !== 'LimitExceededException' || refusedOverTagQuota(opened.result, tagSet(opened.sent.tags).size)) return opened;
    if (attempt === LIMIT_ATTEMPTS) throw new NotJudged(`${NOT_JUDGED}: OpenTunnel stayed at the target's open-tunnel limit (${answerText(opened.result)}) in ${LIMIT_ATTEMPTS} attempts: another client holds it, or the account is at its quota`);
    await new Promise((resolve) => setTimeout(resolve, LIMIT_WAIT_MS * attempt));
  }
}
