/**
 * Compares two runs' report.json: what newly fails (the gate), what newly passes, other status
 * changes, checks added or removed, and observations whose answer changed. Check ids and
 * observation ids are the keys, so reordering the catalogue is not a change, and nor is
 * renaming a check that lists its former id.
 */
import { isDeepStrictEqual } from 'node:util';
import { formatValue, printable, targetLabel } from './format.js';
import type { CheckReport, CheckStatus, Observation, Report } from './types.js';

export interface StatusChange {
  id: string;
  title: string;
  /** undefined: the check is new in B */
  from: CheckStatus | undefined;
  to: CheckStatus;
}

export interface ReportDiff {
  /** failed in B, and not failed (or absent) in A: these fail the diff */
  newlyFailing: StatusChange[];
  /** passed in B, failed or expected to fail in A */
  newlyPassing: StatusChange[];
  otherChanges: StatusChange[];
  added: CheckReport[];
  removed: CheckReport[];
  observations: { id: string; question: string; before: unknown; after: unknown; presence: 'changed' | 'added' | 'removed' }[];
}

const byId = <T extends { id: string }>(xs: T[], key = (id: string) => id) => new Map(xs.map((x) => [key(x.id), x]));

/**
 * A check renamed between the two runs is one check: either report may list the former ids of
 * its checks (`formerly`), and both sides are keyed by the current id.
 */
function currentIds(a: Report, b: Report): (id: string) => string {
  const renamed = new Map([...a.checks, ...b.checks].flatMap((c) => (c.formerly ?? []).map((former) => [former, c.id] as const)));
  return (id) => renamed.get(id) ?? id;
}

export function diffReports(a: Report, b: Report): ReportDiff {
  const current = currentIds(a, b);
  const before = byId(a.checks, current);
  const after = byId(b.checks, current);
  const diff: ReportDiff = { newlyFailing: [], newlyPassing: [], otherChanges: [], added: [], removed: [], observations: [] };
  for (const c of b.checks) {
    const old = before.get(current(c.id));
    if (!old) diff.added.push(c);
    const change: StatusChange = { id: c.id, title: c.title, from: old?.status, to: c.status };
    if (c.status === 'failed' && old?.status !== 'failed') diff.newlyFailing.push(change);
    else if (c.status === 'passed' && (old?.status === 'failed' || old?.status === 'expected-failure')) diff.newlyPassing.push(change);
    else if (old && old.status !== c.status) diff.otherChanges.push(change);
  }
  diff.removed = a.checks.filter((c) => !after.has(current(c.id)));

  const obsBefore = byId(a.observations);
  const obsAfter = byId(b.observations);
  const entry = (o: Observation, presence: ReportDiff['observations'][number]['presence'], was?: Observation) => ({
    id: o.id,
    question: o.question,
    before: was?.answer ?? (presence === 'removed' ? o.answer : undefined),
    after: presence === 'removed' ? undefined : o.answer,
    presence,
  });
  for (const o of b.observations) {
    const was = obsBefore.get(o.id);
    if (!was) diff.observations.push(entry(o, 'added'));
    else if (!isDeepStrictEqual(was.answer, o.answer)) diff.observations.push(entry(o, 'changed', was));
  }
  for (const o of a.observations) if (!obsAfter.has(o.id)) diff.observations.push(entry(o, 'removed'));
  return diff;
}

export const hasNewFailures = (d: ReportDiff) => d.newlyFailing.length > 0;

const oneLine = (v: unknown) => formatValue(v, 0);

function section<T>(title: string, items: T[], line: (x: T) => string[]): string[] {
  return items.length ? [`${title} (${items.length}):`, ...items.flatMap(line), ''] : [];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Answers keyed by case (reason → codes) are compared case by case, so only what differs is shown. */
function answerLines(o: ReportDiff['observations'][number]): string[] {
  if (o.presence === 'changed' && isRecord(o.before) && isRecord(o.after)) {
    const { before, after } = o;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const show = (r: Record<string, unknown>, k: string) => (k in r ? oneLine(r[k]) : '(not observed)');
    return keys.filter((k) => !isDeepStrictEqual(before[k], after[k])).map((k) => `    ${k}: A ${show(before, k)}, B ${show(after, k)}`);
  }
  return [...(o.presence === 'added' ? [] : [`    A: ${oneLine(o.before)}`]), ...(o.presence === 'removed' ? [] : [`    B: ${oneLine(o.after)}`])];
}

const changeLine = (c: StatusChange) => [`  ${c.id}  ${c.from ?? 'new'} → ${c.to}  ${c.title}`];

/** The text `report diff` prints: one section per kind of change, or a single line when there is none. */
export function formatDiff(d: ReportDiff, a: Report, b: Report): string {
  const lines = [
    `A: run ${a.runId} (seed ${a.seed}, ${targetLabel(a)}, ${a.startedAt})`,
    `B: run ${b.runId} (seed ${b.seed}, ${targetLabel(b)}, ${b.startedAt})`,
    '',
    ...section('newly failing', d.newlyFailing, changeLine),
    ...section('newly passing', d.newlyPassing, changeLine),
    ...section('other status changes', d.otherChanges, changeLine),
    ...section('checks added', d.added, (c) => [`  ${c.id}  ${c.status}  ${c.title}`]),
    ...section('checks removed', d.removed, (c) => [`  ${c.id}  was ${c.status}  ${c.title}`]),
    ...section('changed observations', d.observations, (o) => [`  ${o.id}  ${o.question}${o.presence === 'changed' ? '' : ` (${o.presence})`}`, ...answerLines(o)]),
  ];
  const changes = d.newlyFailing.length + d.newlyPassing.length + d.otherChanges.length + d.added.length + d.removed.length + d.observations.length;
  if (!changes) lines.push('no change in check statuses or observations', '');
  return lines.map(printable).join('\n');
}
