import { readFileSync } from 'node:fs';
import { measureRun } from './processes.js';
import { mockReplay, readRecording } from './floor.js';
const recordFile = '/tmp/ana/mock.jsonl';
if (process.argv[2] === 'record') {
  const run = await measureRun(['--target', 'mock', '--profile', 'standard', '--seed', '1'], 600000, { recordFile });
  console.log('wall', run.wallMs);
} else {
  const rec = readRecording(readFileSync(recordFile, 'utf8'));
  const t0 = process.cpuUsage();
  const ms = await mockReplay(rec);
  const c = process.cpuUsage(t0);
  console.log('floor ms', ms, 'cpu', (c.user + c.system) / 1000);
}
