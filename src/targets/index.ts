/**
 * The target kinds: one driver each, listed once here. Everything that differs between kinds
 * (the `--target` text, how the target is reached from the calling process and from the worker,
 * its budget, pace and sweep) is read from its driver; adding a kind is one driver file and one
 * line in `drivers`.
 */
import type { AwsCredentialIdentity } from '@smithy/types';
import { TargetSpecError, type CommonTargetOptions, type TargetDriver } from './driver.js';
import { awsDriver } from './drivers/aws.js';
import { containerDriver } from './drivers/container.js';
import { httpDriver } from './drivers/http.js';
import { mockDriver } from './drivers/mock.js';
import { moduleDriver } from './drivers/module.js';
import type { DataPlaneSetting } from './dataplane.js';
import type { Target } from './target.js';

/** In the order `--help` and error messages name them; `mock` is the default. */
export const drivers = [mockDriver, httpDriver, awsDriver, containerDriver, moduleDriver] as const;

type Driver = (typeof drivers)[number];
type SpecOf<D> = D extends TargetDriver<infer S, infer _> ? S : never;
// Read off `connect`, where a driver states what it takes.
type OptionsOf<D> = D extends { connect(spec: never, options: infer O): unknown } ? O : never;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export type TargetSpec = SpecOf<Driver>;
export type TargetKind = TargetSpec['kind'];
/** Every option any kind reads: the run takes them all and hands each driver its own. */
export type TargetOptions = CommonTargetOptions & Intersection<OptionsOf<Driver>>;

export { TargetSpecError };
export const DEFAULT_TARGET = mockDriver.syntax;

/**
 * What a worker needs to reach the implementation: plain data (it crosses a thread boundary).
 * `module:` and library clients arrive here already bridged to an http endpoint, and a
 * `container:` as the endpoint of the container the calling process started.
 */
export interface Connection {
  kind: TargetKind;
  endpoint?: string;
  region?: string;
  credentials?: AwsCredentialIdentity;
  /** where its data plane is, when it has one beside its endpoint (the mock's own is the worker's) */
  dataPlane?: DataPlaneSetting;
}

export function targetDriver<K extends TargetKind>(kind: K): TargetDriver<Extract<TargetSpec, { kind: K }>, TargetOptions> {
  const driver = drivers.find((d) => d.kind === kind);
  if (!driver) throw new Error(`no driver for target kind "${kind}"`);
  return driver as unknown as TargetDriver<Extract<TargetSpec, { kind: K }>, TargetOptions>;
}

export function parseTargetSpec(text: string): TargetSpec {
  for (const driver of drivers) {
    const spec = driver.parse(text);
    if (spec) return spec;
  }
  throw new TargetSpecError(`unknown target "${text}" (${drivers.map((d) => d.syntax).join(', ')})`);
}

/** The spec of a run: the one its options name (a client object), else its --target text's. */
export const targetSpecOf = (options: TargetOptions & { target?: string }): TargetSpec =>
  completeSpec(drivers.map((d) => d.fromOptions?.(options)).find((spec) => spec !== undefined) ?? parseTargetSpec(options.target ?? DEFAULT_TARGET), options);

/** The spec as a run or a sweep uses it: completed from the options its driver reads (--container-port, …). */
export const completeSpec = (spec: TargetSpec, options: TargetOptions): TargetSpec => targetDriver(spec.kind).complete?.(spec, options) ?? spec;

/** Every driver's own flags, for a command that takes a --target to parse along with its own. */
export const targetFlagOptions: Record<string, { type: 'string'; multiple?: boolean }> = Object.fromEntries(
  drivers.flatMap((d) => Object.entries(d.flags?.options ?? {})),
);

/** The flags of the target's own driver, read; another driver's flag is an error (TargetSpecError). */
export function readTargetFlags(spec: TargetSpec, values: Record<string, unknown>): Partial<TargetOptions> {
  let options: Partial<TargetOptions> = {};
  for (const driver of drivers) {
    const flags = driver.flags;
    if (!flags) continue;
    const names = Object.keys(flags.options);
    const given = Object.fromEntries(names.filter((n) => values[n] !== undefined).map((n) => [n, values[n] as string | string[]]));
    if (Object.keys(given).length === 0) continue;
    if (driver.kind !== spec.kind) throw new TargetSpecError(`${names.map((n) => `--${n}`).join(' and ')} apply to ${flags.owner} targets only`);
    options = flags.read(given);
  }
  return options;
}

/** As the user would type it: the replay command of every failure is built from it. */
export const formatTargetSpec = (spec: TargetSpec): string => targetDriver(spec.kind).format(spec);

/** In the worker: the Target the checks call. */
export const createTarget = (connection: Connection): Promise<Target> => targetDriver(connection.kind).open(connection);
