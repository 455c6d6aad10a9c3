/**
 * The data plane alone on a loopback port, for a reference whose control plane is reached some
 * other way (the in-process `mock` target's msw): plain HTTP requests are answered 404, upgrades
 * at `/tunnel` go to the data plane over the same Reference.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Reference } from '../reference.js';
import type { DataPlaneBehaviour } from './behaviour.js';
import { createDataPlane } from './proxy.js';

export interface LoopbackDataPlane {
  /** `ws://127.0.0.1:PORT/tunnel` */
  url: string;
  close(): Promise<void>;
}

export async function serveDataPlane(reference: Pick<Reference, 'service' | 'onChange'>, behaviour?: Partial<DataPlaneBehaviour>): Promise<LoopbackDataPlane> {
  const server = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('only the data plane is served here\n'));
  const dataPlane = createDataPlane({ reference, behaviour });
  dataPlane.attach(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/tunnel`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        dataPlane.close();
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
