/**
 * `tsx bench/replay.ts <mock|http> <recording> [endpoint]`: one floor (floor.ts), replayed in this
 * fresh process; prints its milliseconds as the last line of stdout.
 */
import { readFileSync } from 'node:fs';
import { httpReplay, mockReplay, readRecording } from './floor.js';

const [target, recordFile, endpoint] = process.argv.slice(2);
const recording = readRecording(readFileSync(recordFile, 'utf8'));
if (target === 'mock') console.log(await mockReplay(recording));
else if (target === 'http' && endpoint) console.log(await httpReplay(endpoint, recording));
else throw new Error('usage: tsx bench/replay.ts <mock|http> <recording> [endpoint for http]');
