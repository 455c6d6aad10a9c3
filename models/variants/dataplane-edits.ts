/**
 * Building blocks for data-plane variants: the behaviour functions (models/dataplane/behaviour.ts)
 * that do not fit in one line of a variant.
 */
import { decodeFrame, encodeFrame, FrameReader, MessageType } from '../../specs/dataplane.js';
import type { FrameRegrouper } from '../dataplane/index.js';

/** Rewrites the payload of every DATA frame longer than `over` bytes; other frames pass untouched. */
export const editingDataPayload =
  (over: number, edit: (payload: Uint8Array) => Uint8Array) =>
  (frame: Buffer): Buffer => {
    const m = decodeFrame(frame);
    return m.type === MessageType.DATA && m.payload.length > over ? encodeFrame({ ...m, payload: edit(m.payload) }) : frame;
  };

/** The last byte inverted: same length, one bit pattern off. */
export const flipLastByte = (payload: Uint8Array): Uint8Array => {
  const copy = Uint8Array.from(payload);
  copy[copy.length - 1] ^= 0xff;
  return copy;
};

/** A regrouper that forgets between WebSocket frames: each one is read as if it began a tunnel frame. */
export const forgetfulRegrouper = (): FrameRegrouper => ({ push: (chunk) => new FrameReader().push(chunk) });

/** The bytes of the frames, whole frames or not, cut into WebSocket frames of `size` bytes (the last shorter). */
export const slicing =
  (size: number) =>
  (frames: Buffer[]): Buffer[] => {
    const bytes = Buffer.concat(frames);
    const out: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
    return out;
  };
