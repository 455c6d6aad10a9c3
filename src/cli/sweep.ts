/** `tunnel-conformance sweep --target T (--run-id ID | --report-dir DIR)`: close+delete what a run left. */
import { sweepLedger, sweepRunId } from '../run/sweep.js';
import { completeSpec, drivers, parseTargetSpec, readTargetFlags, targetDriver, targetFlagOptions, TargetSpecError, type TargetOptions } from '../targets/index.js';
import { parse, UsageError } from './args.js';

const USAGE = `usage: tunnel-conformance sweep --target T (--run-id ID | --report-dir DIR) [--region R]
  --report-dir DIR   closes and deletes every tunnel the ledger in DIR lists as not yet cleaned
  --run-id ID        lists all tunnels and closes and deletes those tagged with that run id
${drivers.flatMap((d) => (d.flags && d.sweep === 'reconnect' ? [d.flags.usage] : [])).join('\n')}
exit status: 0 nothing left, 1 some tunnels could not be closed, 2 the sweep could not be carried out`;

export async function sweepCommand(args: string[]): Promise<number> {
  // The target's own flags as `run` takes them: a replay or leak hint names them after --target.
  const { values } = parse(args, {
    ...targetFlagOptions,
    target: { type: 'string' },
    'run-id': { type: 'string' },
    'report-dir': { type: 'string' },
    region: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.target) throw new UsageError('--target is required');
  if ((values['run-id'] === undefined) === (values['report-dir'] === undefined)) throw new UsageError('give exactly one of --run-id and --report-dir');
  let spec;
  let options: TargetOptions;
  try {
    const parsed = parseTargetSpec(values.target);
    options = { ...readTargetFlags(parsed, values), region: values.region };
    spec = completeSpec(parsed, options);
  } catch (e) {
    if (e instanceof TargetSpecError) throw new UsageError(e.message);
    throw e;
  }
  const driver = targetDriver(spec.kind);
  if (driver.sweep !== 'reconnect' && 'nothingLeft' in driver.sweep) {
    console.log(`tunnel-conformance sweep: ${driver.sweep.nothingLeft}`);
    return 0;
  }
  try {
    if (driver.sweep !== 'reconnect') throw new Error(driver.sweep.unreachable);
    const session = await driver.connect(spec, options);
    const host = session.host;
    try {
      if (!host) throw new Error(`${values.target} cannot be reached from this process`);
      const r = values['run-id'] !== undefined ? await sweepRunId(host, values['run-id']) : await sweepLedger(host, values['report-dir']!);
      console.log(`tunnel-conformance sweep: ${r.found.length} found, ${r.cleaned.length} closed and deleted${r.leaked.length ? `, could not close: ${r.leaked.join(' ')}` : ''}`);
      return r.leaked.length ? 1 : 0;
    } finally {
      await session.close();
    }
  } catch (e) {
    console.error(`tunnel-conformance sweep: ${(e as Error).message.split('\n')[0]}`);
    return 2;
  }
}
