/**
 * Preloaded (`--import`) into a run and, through NODE_OPTIONS, into its vitest worker. Appends to
 * the file named by TC_BENCH_PROBE one line when each process or thread starts and one at its
 * first service call (a request carrying X-Amz-Target, sent through node:http or built as a fetch
 * Request): `<start|call> <epoch ms> <pid>`. Plain JavaScript, so that it loads before any
 * TypeScript loader.
 */
import { appendFileSync } from 'node:fs';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

const file = process.env.TC_BENCH_PROBE;
if (file) {
  const stamp = (event) => appendFileSync(file, `${event} ${Date.now()} ${process.pid}\n`);
  stamp('start');
  let called = false;
  const call = () => {
    if (!called) stamp('call');
    called = true;
  };
  const channel = 'http.client.request.start';
  const onStart = ({ request }) => {
    if (!request.getHeader('x-amz-target')) return;
    unsubscribe(channel, onStart);
    call();
  };
  subscribe(channel, onStart);
  // msw answers a fetch without any socket or channel event: the Request it is given is the sign.
  globalThis.Request = class extends globalThis.Request {
    constructor(input, init) {
      super(input, init);
      if (!called && this.headers.get('x-amz-target')) call();
    }
  };
}
