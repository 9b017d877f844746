/**
 * How y-protocols messages travel on each server's websocket: as they are (y-websocket, Parley),
 * or behind the document name and after a token message (Hocuspocus), so one client serves all.
 */
import * as encoding from 'lib0/encoding';

export interface Wire {
  /** Frames to send as soon as the socket opens, before the first sync message. */
  readonly hello: Uint8Array[];
  wrap(message: Uint8Array): Uint8Array;
  /** The y-protocols message inside a frame; null for a frame meant for another document. */
  unwrap(frame: Uint8Array): Uint8Array | null;
}

/** One document per socket, named by the URL. */
export const plainWire: Wire = {
  hello: [],
  wrap: (message) => message,
  unwrap: (frame) => frame,
};

/** Hocuspocus' message type for authentication, and its "token" sub-message. */
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_AUTH_TOKEN = 0;

/**
 * Hocuspocus multiplexes documents on one socket: every frame starts with the document name, and
 * the server holds a document's messages until the client has sent a token for it.
 */
export function hocuspocusWire(documentName: string, token: string): Wire {
  const prefixEncoder = encoding.createEncoder();
  encoding.writeVarString(prefixEncoder, documentName);
  const prefix = encoding.toUint8Array(prefixEncoder);
  const wrap = (message: Uint8Array): Uint8Array => {
    const frame = new Uint8Array(prefix.length + message.length);
    frame.set(prefix, 0);
    frame.set(message, prefix.length);
    return frame;
  };
  const auth = encoding.createEncoder();
  encoding.writeVarUint(auth, HOCUSPOCUS_AUTH);
  encoding.writeVarUint(auth, HOCUSPOCUS_AUTH_TOKEN);
  encoding.writeVarString(auth, token);
  return {
    hello: [wrap(encoding.toUint8Array(auth))],
    wrap,
    unwrap(frame) {
      if (frame.length < prefix.length) return null;
      for (let i = 0; i < prefix.length; i++) if (frame[i] !== prefix[i]) return null;
      return frame.subarray(prefix.length);
    },
  };
}
