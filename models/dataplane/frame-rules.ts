/**
 * What a client may send through the data plane (V2/V3 guides "Message rules"), judged per
 * complete tunnel frame: a frame that breaks a rule closes the sender's connection.
 */
import protobuf from 'protobufjs';
import { decodeFrame, encodeMessage, MAX_PAYLOAD, MessageType, type TunnelMessage } from '../../specs/dataplane.js';
import type { Side } from '../service.js';

/** A WebSocket close code and reason for a frame the relay refuses; undefined when it is forwarded. */
export interface Breach {
  code: number;
  reason: string;
}

/** The field numbers in an encoded Message, in order. */
function fieldNumbers(bytes: Uint8Array): number[] {
  const reader = protobuf.Reader.create(bytes);
  const fields: number[] = [];
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    fields.push(tag >>> 3);
    reader.skipType(tag & 7);
  }
  return fields;
}

// Every member set, so that the encoding names every field the schema has (the type makes this
// literal name them all): the known numbers come from the shared codec, not a copied list.
const EVERY_FIELD: TunnelMessage = {
  type: 1, streamId: 1, ignorable: true, payload: new Uint8Array(1), serviceId: 's', availableServiceIds: ['s'], connectionId: 1,
};
const SCHEMA_FIELDS: ReadonlySet<number> = new Set(fieldNumbers(encodeMessage(EVERY_FIELD)));

/** 1007: not a Message; 1009: too big; 1008: a rule of the protocol broken. */
export function breachOf(frame: Buffer, from: Side, services: readonly string[]): Breach | undefined {
  let m: TunnelMessage;
  let fields: number[];
  try {
    m = decodeFrame(frame);
    fields = fieldNumbers(frame.subarray(2));
  } catch {
    return { code: 1007, reason: 'a tunnel frame is not a Message' };
  }
  // protobuf decoders skip unknown fields; the guides: "It is invalid to extend the schema with
  // additional fields … The service will close the WebSocket connection if this occurs".
  if (fields.some((f) => !SCHEMA_FIELDS.has(f))) return { code: 1008, reason: 'a field the Message schema does not have' };
  if (m.payload.length > MAX_PAYLOAD) return { code: 1009, reason: `a payload over ${MAX_PAYLOAD} bytes` };
  if (m.type === MessageType.SERVICE_IDS) return { code: 1008, reason: 'SERVICE_IDS comes from the service only' };
  // the guides: "It is invalid for any client to send SessionReset"
  if (m.type === MessageType.SESSION_RESET) return { code: 1008, reason: 'SESSION_RESET comes from the service only' };
  if (m.type === MessageType.STREAM_START && from !== 'SOURCE') return { code: 1008, reason: 'STREAM_START comes from the source only' };
  if (m.serviceId !== '' && !services.includes(m.serviceId)) return { code: 1008, reason: 'a serviceId the tunnel does not have' };
  return undefined;
}
