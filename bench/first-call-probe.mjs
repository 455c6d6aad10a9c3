/**
 * Preloaded (`--import`) into a run and, through NODE_OPTIONS, into its worker thread. Appends to
 * the file named by TC_BENCH_PROBE one line when each process or thread starts and one at its
 * first service call (a request carrying X-Amz-Target, sent through node:http or built as a fetch
 * Request): `<start|call> <epoch ms> <pid>`. Plain JavaScript, so that it loads before any
 * TypeScript loader.
 *
 * With TC_BENCH_RECORD, it also appends to that file every service request the process sends
 * (`t <X-Amz-Target> <body length in UTF-16 units>`, a newline, the body as it is, a newline;
 * through node:http or fetch) and every tunnel the reference opens in it (`open <tunnelId>`, from
 * OpenTunnel's reply body, through msw or the `serve` server): the bench replays the requests,
 * tunnel ids mapped, as the run's floor (bench/floor.ts reads it). The body goes out as the
 * caller made it: escaping some 30 MB of JSON bodies into JSON strings cost the timed run half a
 * second of CPU.
 */
import { appendFileSync, openSync, writeSync } from 'node:fs';
import http from 'node:http';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

const record = process.env.TC_BENCH_RECORD;
if (record) {
  // One descriptor per process or thread, opened for appending: a request costs the run one
  // write(2), not the open, write and close of an appendFileSync.
  let fd;
  const append = (line) => writeSync((fd ??= openSync(record, 'a')), line);
  const text = (body) => (typeof body === 'string' ? body : body instanceof Uint8Array ? Buffer.from(body).toString('utf8') : undefined);
  const request = (target, body) => {
    const b = target ? text(body) : undefined;
    if (b !== undefined) append(`t ${target} ${b.length}\n${b}\n`);
  };
  const reply = (body) => {
    const b = text(body);
    if (!b || !b.includes('"destinationAccessToken"') || !b.includes('"tunnelArn"')) return;
    try {
      const { tunnelId } = JSON.parse(b);
      if (typeof tunnelId === 'string') append(`open ${tunnelId}\n`);
    } catch {}
  };
  const end = http.ClientRequest.prototype.end;
  http.ClientRequest.prototype.end = function (chunk, ...rest) {
    if (chunk && typeof chunk !== 'function') request(this.getHeader('x-amz-target'), chunk);
    return end.call(this, chunk, ...rest);
  };
  const serverEnd = http.ServerResponse.prototype.end;
  http.ServerResponse.prototype.end = function (chunk, ...rest) {
    if (chunk && typeof chunk !== 'function') reply(chunk);
    return serverEnd.call(this, chunk, ...rest);
  };
  globalThis.Request = class extends globalThis.Request {
    constructor(input, init) {
      super(input, init);
      request(this.headers.get('x-amz-target'), init?.body);
    }
  };
  // msw's HttpResponse extends the global Response as it is when msw loads: after this.
  globalThis.Response = class extends globalThis.Response {
    constructor(body, init) {
      super(body, init);
      reply(body);
    }
  };
}

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
