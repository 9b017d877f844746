// What instances send each other is an edge: update frames round-trip exactly, and anything that
// is not a frame or a control message of this version is refused rather than acted on.
import { describe, expect, it } from 'vitest';
import { CLUSTER_MESSAGE_VERSION } from '@parley/shared/protocol';
import {
  decodeAwarenessFrame,
  decodeUpdateFrame,
  encodeAwarenessFrame,
  encodeUpdateFrame,
  FRAME_VERSION,
  parseControlMessage,
} from './frames';

describe('update frames', () => {
  it('round-trip instance, seq and every byte of the update', () => {
    const update = new Uint8Array(256).map((_, i) => i);
    const frame = encodeUpdateFrame({ instance: 'instance-a', seq: 2 ** 40 + 7, update });
    expect(frame[0]).toBe(FRAME_VERSION);
    expect(decodeUpdateFrame(frame)).toEqual({ instance: 'instance-a', seq: 2 ** 40 + 7, update });
  });

  it('refuses another version, a bad seq, a bad instance length and a missing update', () => {
    const good = encodeUpdateFrame({ instance: 'a', seq: 3, update: new Uint8Array([1, 2]) });
    const otherVersion = Buffer.from(good);
    otherVersion[0] = FRAME_VERSION + 1;
    expect(decodeUpdateFrame(otherVersion)).toBeNull();
    const badSeq = Buffer.from(good);
    badSeq.writeDoubleBE(1.5, 1);
    expect(decodeUpdateFrame(badSeq)).toBeNull();
    badSeq.writeDoubleBE(0, 1);
    expect(decodeUpdateFrame(badSeq)).toBeNull();
    const badLength = Buffer.from(good);
    badLength[9] = 200;
    expect(decodeUpdateFrame(badLength)).toBeNull();
    expect(decodeUpdateFrame(good.subarray(0, good.length - 2))).toBeNull();
    expect(decodeUpdateFrame(new Uint8Array([FRAME_VERSION]))).toBeNull();
  });
});

describe('awareness frames', () => {
  it('round-trip, and refuse another version or a truncated frame', () => {
    const update = new Uint8Array([0, 1, 2, 250]);
    const frame = encodeAwarenessFrame({ instance: 'instance-b', update });
    expect(decodeAwarenessFrame(frame)).toEqual({ instance: 'instance-b', update });
    const otherVersion = Buffer.from(frame);
    otherVersion[0] = FRAME_VERSION + 1;
    expect(decodeAwarenessFrame(otherVersion)).toBeNull();
    expect(decodeAwarenessFrame(frame.subarray(0, 5))).toBeNull();
  });
});

describe('control messages', () => {
  const endSessions = {
    v: CLUSTER_MESSAGE_VERSION,
    kind: 'end-sessions',
    from: 'instance-a',
    roomId: 'room-1',
    memberId: 'member-1',
    closeCode: 4403,
    reason: 'revoked',
  };

  it('parses a well-formed message', () => {
    expect(parseControlMessage(JSON.stringify(endSessions))).toEqual(endSessions);
  });

  it('refuses what is not JSON, another version or kind, extra fields and bad close codes', () => {
    expect(parseControlMessage('{not json')).toBeNull();
    expect(parseControlMessage(JSON.stringify({ ...endSessions, v: 2 }))).toBeNull();
    expect(parseControlMessage(JSON.stringify({ ...endSessions, kind: 'drop-tables' }))).toBeNull();
    expect(parseControlMessage(JSON.stringify({ ...endSessions, extra: true }))).toBeNull();
    expect(parseControlMessage(JSON.stringify({ ...endSessions, closeCode: 1000 }))).toBeNull();
    expect(parseControlMessage(JSON.stringify({ ...endSessions, roomId: '' }))).toBeNull();
  });
});
