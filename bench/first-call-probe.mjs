/**
 * Preloaded (`--import`) into a run and, through NODE_OPTIONS, into its vitest worker. Appends to
 * the file named by TC_BENCH_PROBE one line when each process starts and one at its first service
 * call (an HTTP request carrying X-Amz-Target): `<start|call> <epoch ms> <pid>`. Plain JavaScript
 * so that it loads before any TypeScript loader.
 */
import { appendFileSync } from 'node:fs';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

const file = process.env.TC_BENCH_PROBE;
if (file) {
  const stamp = (event) => appendFileSync(file, `${event} ${Date.now()} ${process.pid}\n`);
  stamp('start');
  const channel = 'http.client.request.start';
  const onStart = ({ request }) => {
    if (!request.getHeader('x-amz-target')) return;
    unsubscribe(channel, onStart);
    stamp('call');
  };
  subscribe(channel, onStart);
}
