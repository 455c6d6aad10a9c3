import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
// The models are committed in the project, so the drift test runs on every clone.
const modelDir = join(root, 'specs', 'model');
const smithy = join(modelDir, 'iotsecuretunneling-2018-10-05.smithy.json');
const botocore = join(modelDir, 'botocore-service-2.json');
// The shared reference folder the copies were taken from, present only in the project's own workspace.
const sharedModelDir = join(root, '..', 'shared', 'model');
const haveShared = existsSync(sharedModelDir);

async function specs(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(root, 'specs/cli.ts'), ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('deriver input errors: one line, exit 2', () => {
  const dir = tempDir('tc-deriver-');
  const notJson = join(dir, 'not.json');
  writeFileSync(notJson, '{ this is not json');
  const notModel = join(dir, 'other.json');
  writeFileSync(notModel, JSON.stringify({ hello: 'world' }));

  it.each([
    ['a missing file', join(dir, 'missing.json'), /cannot read model .*missing\.json: no such file/],
    ['a file that is not JSON', notJson, /is not JSON/],
    ['JSON that is not a model', notModel, /neither a Smithy JSON AST/],
  ])('%s', async (_what, path, message) => {
    const r = await specs('derive', '--model', path, '--out', dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it('a missing --model or unknown flag is a usage error', async () => {
    expect((await specs('derive')).code).toBe(2);
    expect((await specs('derive', '--bogus', 'x')).code).toBe(2);
    expect((await specs('diff', smithy)).code).toBe(2);
  });
});

describe.skipIf(!haveShared)(`the committed models${haveShared ? '' : ' (skipped: no ../shared/model beside this clone to compare with)'}`, () => {
  it.each(['iotsecuretunneling-2018-10-05.smithy.json', 'botocore-service-2.json'])('%s equals the reference copy byte for byte', (file) => {
    expect(readFileSync(join(modelDir, file)).equals(readFileSync(join(sharedModelDir, file))), `copy ../shared/model/${file} to specs/model/`).toBe(true);
  });
});

describe('against the official model', () => {
  it('the committed specs equal a fresh derivation (drift)', async () => {
    const out = tempDir('tc-derive-');
    const r = await specs('derive', '--model', smithy, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['schema.json', 'operations.json', 'provenance.json', 'codepoints.json']) {
      const fresh = readFileSync(join(out, 'iotsecuretunneling/2018-10-05', f), 'utf8');
      const committed = readFileSync(join(root, 'specs/iotsecuretunneling/2018-10-05', f), 'utf8');
      const unicode = (text: string) => (JSON.parse(text) as { unicode: string }).unicode;
      if (f === 'codepoints.json' && unicode(fresh) !== unicode(committed)) {
        // Scanned from this Node's Unicode data, which differs from the deriving Node's: the run
        // does not use the table here (it scans, specs/index.ts), so only its classes must agree.
        const classes = (text: string) => Object.keys((JSON.parse(text) as { sets: object }).sets);
        expect(classes(committed), `${f} drifted from the model: run npm run specs:derive`).toEqual(classes(fresh));
        continue;
      }
      expect(committed, `${f} drifted from the model: run npm run specs:derive`).toBe(fresh);
    }
  });

  it('diff of a model with itself is empty', async () => {
    const r = await specs('diff', smithy, smithy, '--exit-code');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no contract differences/);
  });

  it('diff Smithy vs botocore names anchoring, pagination and error codes, and exits 0', async () => {
    const r = await specs('diff', smithy, botocore);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('~ shape Description: pattern "^[^\\\\p{C}]{1,2048}$" -> "[^\\\\p{C}]{1,2048}"');
    expect(r.stdout).toMatch(/~ operation ListTunnels: paginated \{.*"pageSize":"maxResults"\} -> \(none\)/);
    expect(r.stdout).toMatch(/~ shape ResourceNotFoundException: error \{"fault":"client","httpStatus":404\} -> \{"fault":"client"\}/);
    expect((await specs('diff', smithy, botocore, '--exit-code')).code).toBe(1);
  });

  it('diff reports added/removed operations and changed lengths and required members', async () => {
    const dir = tempDir('tc-diff-');
    const model = JSON.parse(readFileSync(smithy, 'utf8'));
    const ns = 'com.amazonaws.iotsecuretunneling#';
    model.shapes[`${ns}TagList`].traits['smithy.api#length'].max = 50;
    model.shapes[`${ns}TimeoutInMin`].traits['smithy.api#range'].max = 1440;
    delete model.shapes[`${ns}TagResourceRequest`].members.tags.traits['smithy.api#required'];
    model.shapes[`${ns}ClientMode`].members.BOTH = { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 'BOTH' } };
    const svc = model.shapes[`${ns}IoTSecuredTunneling`];
    svc.operations = svc.operations.filter((o: { target: string }) => !o.target.endsWith('#UntagResource'));
    const changed = join(dir, 'changed.json');
    writeFileSync(changed, JSON.stringify(model));
    const r = await specs('diff', smithy, changed);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- operation UntagResource');
    expect(r.stdout).toContain('~ shape TagList: length {"min":1,"max":200} -> {"min":1,"max":50}');
    expect(r.stdout).toContain('~ shape TimeoutInMin: range {"min":1,"max":720} -> {"min":1,"max":1440}');
    expect(r.stdout).toContain('~ member TagResourceRequest.tags: required true -> false');
    expect(r.stdout).toContain('~ shape ClientMode: enum ["SOURCE","DESTINATION","ALL"] -> ["SOURCE","DESTINATION","ALL","BOTH"]');
  });
});
