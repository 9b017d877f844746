// What instances tell each other through Redis, and how it is read back: a stored update as a
// strict binary frame (version byte, seq, writer instance, update bytes), control messages as
// JSON checked against a schema. Anything else is dropped by the reader.
import { clusterControlMessageSchema } from '@parley/shared/protocol';
import type { ClusterControlMessage } from '@parley/shared/protocol';

/** The first byte of every update frame; a reader drops frames of any other version. */
export const FRAME_VERSION = 1;

/** An update some instance stored, as it travels on the room's stream. */
export interface UpdateFrame {
  instance: string;
  seq: number;
  update: Uint8Array;
}

const HEADER_BYTES = 1 + 8 + 1;
const MAX_INSTANCE_BYTES = 64;

/** [version u8][seq f64 BE][instance length u8][instance utf-8][update bytes…] */
export function encodeUpdateFrame(frame: UpdateFrame): Buffer {
  const instance = Buffer.from(frame.instance, 'utf8');
  if (instance.length > MAX_INSTANCE_BYTES) throw new Error('instance id too long');
  const out = Buffer.allocUnsafe(HEADER_BYTES + instance.length + frame.update.length);
  out.writeUInt8(FRAME_VERSION, 0);
  out.writeDoubleBE(frame.seq, 1);
  out.writeUInt8(instance.length, 9);
  instance.copy(out, HEADER_BYTES);
  out.set(frame.update, HEADER_BYTES + instance.length);
  return out;
}

/** The frame, or null when it is not one this version writes. */
export function decodeUpdateFrame(bytes: Uint8Array): UpdateFrame | null {
  if (bytes.length < HEADER_BYTES) return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.readUInt8(0) !== FRAME_VERSION) return null;
  const seq = buffer.readDoubleBE(1);
  if (!Number.isSafeInteger(seq) || seq < 1) return null;
  const instanceLength = buffer.readUInt8(9);
  if (instanceLength === 0 || instanceLength > MAX_INSTANCE_BYTES) return null;
  if (buffer.length < HEADER_BYTES + instanceLength + 1) return null;
  const instance = buffer.toString('utf8', HEADER_BYTES, HEADER_BYTES + instanceLength);
  // A copy: the update outlives the buffer the Redis reply was read into.
  const update = new Uint8Array(buffer.subarray(HEADER_BYTES + instanceLength));
  return { instance, seq, update };
}

/** Presence (awareness) of one instance's peers, as it travels on the room's stream. */
export interface AwarenessFrame {
  instance: string;
  update: Uint8Array;
}

/** [version u8][instance length u8][instance utf-8][awareness update bytes…] */
export function encodeAwarenessFrame(frame: AwarenessFrame): Buffer {
  const instance = Buffer.from(frame.instance, 'utf8');
  if (instance.length > MAX_INSTANCE_BYTES) throw new Error('instance id too long');
  const out = Buffer.allocUnsafe(2 + instance.length + frame.update.length);
  out.writeUInt8(FRAME_VERSION, 0);
  out.writeUInt8(instance.length, 1);
  instance.copy(out, 2);
  out.set(frame.update, 2 + instance.length);
  return out;
}

export function decodeAwarenessFrame(bytes: Uint8Array): AwarenessFrame | null {
  if (bytes.length < 3) return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.readUInt8(0) !== FRAME_VERSION) return null;
  const instanceLength = buffer.readUInt8(1);
  if (instanceLength === 0 || instanceLength > MAX_INSTANCE_BYTES) return null;
  if (buffer.length < 2 + instanceLength + 1) return null;
  return {
    instance: buffer.toString('utf8', 2, 2 + instanceLength),
    update: new Uint8Array(buffer.subarray(2 + instanceLength)),
  };
}

/** The message, or null when it does not parse (logged by the caller, never acted on). */
export function parseControlMessage(text: string): ClusterControlMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = clusterControlMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
