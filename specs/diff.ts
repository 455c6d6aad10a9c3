import type { Constraints, Contract, Operation, Shape } from './contract.js';

export interface Difference {
  kind: 'added' | 'removed' | 'changed';
  /** e.g. `shape TagKey`, `member OpenTunnelRequest.tags`, `operation ListTunnels` */
  subject: string;
  /** which fact differs, for `changed` */
  aspect?: string;
  before?: unknown;
  after?: unknown;
}

const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function compare(out: Difference[], subject: string, aspect: string, before: unknown, after: unknown) {
  if (!same(before, after)) out.push({ kind: 'changed', subject, aspect, before, after });
}

function compareConstraints(out: Difference[], subject: string, a: Constraints, b: Constraints) {
  compare(out, subject, 'length', a.length, b.length);
  compare(out, subject, 'range', a.range, b.range);
  compare(out, subject, 'pattern', a.pattern, b.pattern);
  compare(out, subject, 'enum', a.enum, b.enum);
  compare(out, subject, 'sensitive', a.sensitive ?? false, b.sensitive ?? false);
}

function compareKeys<T>(out: Difference[], label: string, a: Record<string, T>, b: Record<string, T>, each: (name: string, x: T, y: T) => void) {
  for (const name of Object.keys(a).sort()) {
    if (!(name in b)) out.push({ kind: 'removed', subject: `${label} ${name}` });
    else each(name, a[name], b[name]);
  }
  for (const name of Object.keys(b).sort()) if (!(name in a)) out.push({ kind: 'added', subject: `${label} ${name}` });
}

/** Every contract difference between two models: what a nightly job needs to see when AWS changes the API. */
export function diffContracts(a: Contract, b: Contract): Difference[] {
  const out: Difference[] = [];
  for (const k of ['targetPrefix', 'apiVersion', 'signingName'] as const) compare(out, 'service', k, a.service[k], b.service[k]);
  compareKeys<Operation>(out, 'operation', a.operations, b.operations, (name, x, y) => {
    const s = `operation ${name}`;
    compare(out, s, 'input', x.input, y.input);
    compare(out, s, 'output', x.output, y.output);
    compare(out, s, 'errors', [...x.errors].sort(), [...y.errors].sort());
    compare(out, s, 'paginated', x.paginated, y.paginated);
  });
  compareKeys<Shape>(out, 'shape', a.shapes, b.shapes, (name, x, y) => {
    const s = `shape ${name}`;
    compare(out, s, 'type', x.type, y.type);
    compareConstraints(out, s, x, y);
    compare(out, s, 'list member', x.member, y.member);
    compare(out, s, 'error', x.error, y.error);
    compareKeys(out, 'member', prefixed(name, x.members), prefixed(name, y.members), (m, p, q) => {
      compare(out, `member ${m}`, 'target', p.target, q.target);
      compare(out, `member ${m}`, 'required', p.required ?? false, q.required ?? false);
      compareConstraints(out, `member ${m}`, p, q);
    });
  });
  return out;
}

function prefixed<T>(shape: string, members: Record<string, T> | undefined): Record<string, T> {
  return Object.fromEntries(Object.entries(members ?? {}).map(([k, v]) => [`${shape}.${k}`, v]));
}

export function formatDifference(d: Difference): string {
  if (d.kind === 'added') return `+ ${d.subject}`;
  if (d.kind === 'removed') return `- ${d.subject}`;
  return `~ ${d.subject}: ${d.aspect} ${show(d.before)} -> ${show(d.after)}`;
}
