import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeFrame, FrameReader, MAX_PAYLOAD, MessageType } from '../../specs/dataplane.js';

// The reference regroups every connection's bytes with specs' FrameReader (behaviour.ts FAITHFUL).
describe('FrameReader, as the relay uses it', () => {
  afterEach(() => vi.restoreAllMocks());

  const frames = [MAX_PAYLOAD, 0, 17].map((n) => encodeFrame({ type: MessageType.DATA, streamId: 1, payload: randomBytes(n) }));
  const bytes = Buffer.concat(frames);

  it('regroups frames pushed one byte at a time, copying the unfinished frame once per completed frame, not once per chunk', () => {
    const concat = vi.spyOn(Buffer, 'concat');
    const reader = new FrameReader();
    const got: Buffer[] = [];
    for (let i = 0; i < bytes.length; i++) got.push(...reader.push(bytes.subarray(i, i + 1)));
    expect(got).toEqual(frames);
    expect(reader.buffered).toBe(0);
    expect(concat.mock.calls.length).toBeLessThanOrEqual(frames.length);
  });

  it('keeps what it was given after push returns, and reports the unfinished bytes', () => {
    const reader = new FrameReader();
    const chunk = Buffer.from(bytes.subarray(0, 1000));
    expect(reader.push(chunk)).toEqual([]);
    expect(reader.buffered).toBe(1000);
    chunk.fill(0); // the caller reuses its buffer
    expect(reader.push(bytes.subarray(1000))).toEqual(frames);
    expect(reader.buffered).toBe(0);
  });

  it('returns every frame a chunk completes, with the rest of the next kept', () => {
    const reader = new FrameReader();
    expect(reader.push(Buffer.concat([frames[0], frames[1], frames[2].subarray(0, 1)]))).toEqual([frames[0], frames[1]]);
    expect(reader.buffered).toBe(1);
    expect(reader.push(frames[2].subarray(1))).toEqual([frames[2]]);
  });
});
