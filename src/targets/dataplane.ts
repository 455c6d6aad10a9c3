/**
 * Where a target's data plane is (CONTRACT.md "Data plane") and whether anything answers there.
 * The data plane of `http://H:P` is `ws://H:P/tunnel` (`https` → `wss`) unless `--data-endpoint`
 * names another; a loopback `wss://` is an emulator's self-signed certificate (`serve --tls`), so
 * it is not verified there, and never anywhere else.
 */
import WebSocket from 'ws';
import { SUBPROTOCOLS, TUNNEL_PATH } from '../../specs/dataplane.js';
import type { DataPlane } from '../../suites/api.js';
import { TargetSpecError } from './driver.js';

/** A data plane as the run knows it: `given` when `--data-endpoint` named it, so nothing needs to be asked. */
export interface DataPlaneSetting extends DataPlane {
  readonly given: boolean;
}

/** How long the probe waits for an answer to its upgrade. */
export const PROBE_TIMEOUT_MS = 5_000;

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/** A host on this machine: the only place where a self-signed certificate is accepted. */
export const isLoopbackHost = (hostname: string): boolean => LOOPBACK.has(hostname.toLowerCase());

/** Whether an `https://` endpoint's certificate is an emulator's own (loopback): not verified. */
export const insecureEndpoint = (endpoint: string): boolean => {
  const url = new URL(endpoint);
  return url.protocol === 'https:' && isLoopbackHost(url.hostname);
};

/** `--data-endpoint`: a `ws://` or `wss://` URL without query, fragment or credentials. */
export function dataEndpointUrl(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (!url || !/^wss?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new TargetSpecError(`--data-endpoint must be a ws:// or wss:// URL (e.g. ws://127.0.0.1:8080/tunnel), got "${text}"`);
  }
  return text;
}

/** The data plane `--data-endpoint` names. */
export function givenDataPlane(dataEndpoint: string): DataPlaneSetting {
  const url = new URL(dataEndpointUrl(dataEndpoint));
  return { url: dataEndpoint, insecure: url.protocol === 'wss:' && isLoopbackHost(url.hostname), given: true };
}

/** The data plane beside an `http(s)://` endpoint, unless `--data-endpoint` names another. */
export function dataPlaneBeside(endpoint: string, dataEndpoint?: string): DataPlaneSetting {
  if (dataEndpoint !== undefined) return givenDataPlane(dataEndpoint);
  const url = new URL(endpoint);
  const scheme = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return { url: `${scheme}//${url.host}${TUNNEL_PATH}`, insecure: insecureEndpoint(endpoint), given: false };
}

/** The real service's data plane of a region: its certificate is always verified. */
export function awsDataPlane(region: string, dataEndpoint?: string): DataPlaneSetting {
  if (dataEndpoint !== undefined) return givenDataPlane(dataEndpoint);
  return { url: `wss://data.tunneling.iot.${region}.amazonaws.com${TUNNEL_PATH}`, insecure: false, given: false };
}

/** What the probe saw: `present` when something speaking WebSocket refuses (or accepts) a tokenless upgrade. */
export interface ProbeResult {
  present: boolean;
  /** what answered, in words ("answered 401", "refused the connection"), for the skip reason */
  answer: string;
}

/** Statuses that say "no WebSocket endpoint here" rather than "not without a token". */
const ABSENT_STATUSES = new Set([404, 405, 501]);

/**
 * One WebSocket upgrade to the data plane without a token: a refusal for want of a token (400,
 * 401, 403, …) means a data plane is there; 404/405/501, an answer that is not HTTP, a refused
 * connection or silence means none is. Bounded by `timeoutMs`.
 */
export function probeDataPlane(dataPlane: DataPlane, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  return new Promise((resolve) => {
    let settled = false;
    const url = new URL(dataPlane.url);
    url.searchParams.set('local-proxy-mode', 'source');
    const socket = new WebSocket(url, [...SUBPROTOCOLS], { rejectUnauthorized: !dataPlane.insecure, handshakeTimeout: timeoutMs });
    const done = (r: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => done({ present: false, answer: `did not answer within ${timeoutMs / 1000} s` }), timeoutMs);
    socket.on('unexpected-response', (_req, res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      done({ present: !ABSENT_STATUSES.has(status), answer: `answered ${status} to a WebSocket upgrade` });
    });
    socket.on('open', () => done({ present: true, answer: 'accepted a WebSocket upgrade without a token' }));
    socket.on('error', (e: NodeJS.ErrnoException) => done({ present: false, answer: e.code === 'ECONNREFUSED' ? 'refused the connection' : `gave no HTTP answer (${e.code ?? e.message})` }));
  });
}
