/**
 * The data plane's wire format (the localproxy WebSocket protocol guides V1–V3 and their
 * resources/Message.proto), shared by the reference that serves it and the checks that judge it.
 * A tunnel frame is a 2-byte big-endian length and a protobuf `Message`; tunnel frames may be split
 * across or coalesced in binary WebSocket frames, so a reader regroups bytes into frames.
 */
import protobuf from 'protobufjs';

/** The subprotocols a client may offer; the service echoes the one it speaks. */
export const SUBPROTOCOLS = ['aws.iot.securetunneling-1.0', 'aws.iot.securetunneling-2.0', 'aws.iot.securetunneling-3.0'] as const;
export type Subprotocol = (typeof SUBPROTOCOLS)[number];

export const TUNNEL_PATH = '/tunnel';
export const ACCESS_TOKEN_HEADER = 'access-token';
export const ACCESS_TOKEN_COOKIE = 'awsiot-tunnel-token';
export const CLIENT_TOKEN_HEADER = 'client-token';
/** A client-token lets the same access token reconnect (V2 guide). */
export const CLIENT_TOKEN_PATTERN = /^[a-zA-Z0-9-]{32,128}$/;
/** `local-proxy-mode` names the side the token was issued for. */
export const MODES = ['source', 'destination'] as const;
export type Mode = (typeof MODES)[number];

/** A message's payload: at most 63 KiB. */
export const MAX_PAYLOAD = 64512;
/** A WebSocket frame's payload, either way: at most 131076 bytes. */
export const MAX_WEBSOCKET_FRAME = 131076;
/** The 2-byte length prefix bounds a tunnel frame's message. */
export const MAX_MESSAGE = 0xffff;

/** Message.Type of resources/Message.proto. */
export const MessageType = {
  UNKNOWN: 0,
  DATA: 1,
  STREAM_START: 2,
  STREAM_RESET: 3,
  SESSION_RESET: 4,
  SERVICE_IDS: 5,
  CONNECTION_START: 6,
  CONNECTION_RESET: 7,
} as const;
export type MessageTypeName = keyof typeof MessageType;

/** The field list of resources/Message.proto (package com.amazonaws.iot.securedtunneling). */
const PROTO = `
syntax = "proto3";
package com.amazonaws.iot.securedtunneling;
message Message {
  Type type = 1;
  int32 streamId = 2;
  bool ignorable = 3;
  bytes payload = 4;
  string serviceId = 5;
  repeated string availableServiceIds = 6;
  uint32 connectionId = 7;
  enum Type { UNKNOWN = 0; DATA = 1; STREAM_START = 2; STREAM_RESET = 3; SESSION_RESET = 4; SERVICE_IDS = 5; CONNECTION_START = 6; CONNECTION_RESET = 7; }
}`;
const Message = protobuf.parse(PROTO).root.lookupType('com.amazonaws.iot.securedtunneling.Message');

/** One tunnel message; proto3 defaults (0, false, empty) stand for absent fields. */
export interface TunnelMessage {
  type: number;
  streamId: number;
  ignorable: boolean;
  payload: Uint8Array;
  serviceId: string;
  availableServiceIds: string[];
  connectionId: number;
}

export const tunnelMessage = (fields: Partial<TunnelMessage> & { type: number }): TunnelMessage => ({
  streamId: 0,
  ignorable: false,
  payload: new Uint8Array(0),
  serviceId: '',
  availableServiceIds: [],
  connectionId: 0,
  ...fields,
});

export const encodeMessage = (m: Partial<TunnelMessage>): Uint8Array => Message.encode(Message.fromObject(m)).finish();

export function decodeMessage(bytes: Uint8Array): TunnelMessage {
  const o = Message.toObject(Message.decode(bytes), { defaults: true, enums: Number, longs: Number, bytes: Uint8Array as never }) as TunnelMessage;
  return { ...o, payload: new Uint8Array(o.payload) };
}

/** One tunnel frame: the 2-byte big-endian length, then the message. */
export function encodeFrame(m: Partial<TunnelMessage>): Buffer {
  const body = encodeMessage(m);
  if (body.length > MAX_MESSAGE) throw new RangeError(`a tunnel message of ${body.length} bytes does not fit a 2-byte length`);
  const frame = Buffer.allocUnsafe(2 + body.length);
  frame.writeUInt16BE(body.length, 0);
  frame.set(body, 2);
  return frame;
}

/**
 * Regroups the bytes of successive WebSocket frames into whole tunnel frames, whatever the cuts.
 * `push` returns the raw frames completed so far (length prefix included), so that a relay can
 * forward them byte-exact; `decodeFrame` reads one.
 */
export class FrameReader {
  // The unfinished frame's bytes as they came: joined only once a frame is complete, so that tiny
  // chunks cost linear time, not a copy of everything pending per chunk.
  private chunks: Buffer[] = [];
  private size = 0;

  push(chunk: Uint8Array): Buffer[] {
    // a copy: the caller may reuse its buffer once push returns
    if (chunk.length > 0) {
      this.chunks.push(Buffer.from(chunk));
      this.size += chunk.length;
    }
    if (this.size < 2 || this.size < 2 + this.declaredLength()) return [];
    let buf = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
    const frames: Buffer[] = [];
    while (buf.length >= 2) {
      const end = 2 + buf.readUInt16BE(0);
      if (buf.length < end) break;
      frames.push(buf.subarray(0, end));
      buf = buf.subarray(end);
    }
    // a copy, so that the frames returned do not keep the rest alive, nor the rest them
    this.chunks = buf.length > 0 ? [Buffer.from(buf)] : [];
    this.size = buf.length;
    return frames;
  }

  /** The length prefix of the unfinished frame, whose two bytes may lie in two chunks. */
  private declaredLength(): number {
    const [first, second] = this.chunks;
    return first.length >= 2 ? first.readUInt16BE(0) : (first[0] << 8) | second[0];
  }

  /** Bytes of an unfinished tunnel frame, waiting for the rest. */
  get buffered(): number {
    return this.size;
  }
}

export const decodeFrame = (frame: Uint8Array): TunnelMessage => decodeMessage(frame.subarray(2));
