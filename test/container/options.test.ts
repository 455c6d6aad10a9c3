/** --container-port and --container-env as the run command parses them, and the replayable target text. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { parseRunArgs, RUN_USAGE } from '../../src/cli/run-options.js';
import { formatTargetSpec, parseTargetSpec } from '../../src/targets/index.js';

const IMAGE = 'container:acme/tunnels:1';

describe('container options', () => {
  it('pass port and environment to the run', () => {
    const { options } = parseRunArgs(['--target', IMAGE, '--container-port', '9000', '--container-env', 'A=1', '--container-env', 'B=x=y', '--container-env', 'EMPTY=']);
    expect(options.containerPort).toBe(9000);
    expect(options.containerEnv).toEqual({ A: '1', B: 'x=y', EMPTY: '' });
  });

  it('default to none (port 8080 is the run default)', () => {
    const { options } = parseRunArgs(['--target', IMAGE]);
    expect(options.containerPort).toBeUndefined();
    expect(options.containerEnv).toBeUndefined();
  });

  it.each([
    [['--target', IMAGE, '--container-port', '0'], '--container-port must be an integer in 1..65535'],
    [['--target', IMAGE, '--container-port', 'http'], '--container-port must be an integer in 1..65535'],
    [['--target', IMAGE, '--container-env', 'NOVALUE'], '--container-env must be KEY=VALUE'],
    [['--target', IMAGE, '--container-env', '=v'], '--container-env must be KEY=VALUE'],
    [['--target', 'mock', '--container-env', 'A=1'], 'container: targets only'],
    [['--container-port', '8080'], 'container: targets only'],
  ])('reject %j', (args, reason) => {
    expect(() => parseRunArgs(args)).toThrow(UsageError);
    expect(() => parseRunArgs(args)).toThrow(reason);
  });

  it('never echo an environment value in the error', () => {
    expect(() => parseRunArgs(['--target', IMAGE, '--container-env', 'bad key=secret-value'])).toThrow(/^(?!.*secret-value)/s);
  });

  it('are documented in run --help', () => {
    expect(RUN_USAGE).toMatch(/--container-port N .*default 8080/);
    expect(RUN_USAGE).toMatch(/--container-env K=V .*repeatable/);
  });
});

describe('container target specs', () => {
  it.each(['localhost:5000/acme/tunnels:1', '127.0.0.1:1/absent:1', 'acme/tunnels', `acme/t@sha256:${'a'.repeat(64)}`])('accept %s', (image) => {
    expect(parseTargetSpec(`container:${image}`)).toEqual({ kind: 'container', image });
  });

  it.each(['acme//tunnels', '/acme', 'acme/tunnels:', 'acme tunnels'])('reject %s', (image) => {
    expect(() => parseTargetSpec(`container:${image}`)).toThrow('malformed container image');
  });

  it('name a non-default port in the target text, so replay commands start the image the same way', () => {
    expect(formatTargetSpec({ kind: 'container', image: 'acme/t:1', port: 9000 })).toBe('container:acme/t:1 --container-port 9000');
    expect(formatTargetSpec({ kind: 'container', image: 'acme/t:1', port: 8080 })).toBe('container:acme/t:1');
  });
});
