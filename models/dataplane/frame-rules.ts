/**
 * What a client may send through the data plane (V2/V3 guides "Message rules"), judged per
 * complete tunnel frame: a frame that breaks a rule closes the sender's connection.
 */
import { decodeFrame, MAX_PAYLOAD, MessageType, type TunnelMessage } from '../../specs/dataplane.js';
import type { Side } from '../service.js';

/** A WebSocket close code and reason for a frame the relay refuses; undefined when it is forwarded. */
export interface Breach {
  code: number;
  reason: string;
}

/** 1007: not a Message; 1009: too big; 1008: a rule of the protocol broken. */
export function breachOf(frame: Buffer, from: Side, services: readonly string[]): Breach | undefined {
  let m: TunnelMessage;
  try {
    m = decodeFrame(frame);
  } catch {
    return { code: 1007, reason: 'a tunnel frame is not a Message' };
  }
  if (m.payload.length > MAX_PAYLOAD) return { code: 1009, reason: `a payload over ${MAX_PAYLOAD} bytes` };
  if (m.type === MessageType.SERVICE_IDS) return { code: 1008, reason: 'SERVICE_IDS comes from the service only' };
  if (m.type === MessageType.STREAM_START && from !== 'SOURCE') return { code: 1008, reason: 'STREAM_START comes from the source only' };
  if (m.serviceId !== '' && !services.includes(m.serviceId)) return { code: 1008, reason: 'a serviceId the tunnel does not have' };
  return undefined;
}
