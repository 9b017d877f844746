// A stock y-websocket client for tests, connected to /collab as any integrator would, recording
// the close codes the server sent.
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves on the first full sync with the server. */
  synced: Promise<void>;
  /** Close events the socket saw, newest last. */
  closes: { code: number; reason: string }[];
  destroy(): void;
}

/** A stock y-websocket client (Node, with `ws`) on /collab/:roomId. */
export function connectCollab(
  collabUrl: string,
  roomId: string,
  token: string | null,
  options: { doc?: Y.Doc; connect?: boolean } = {},
): CollabClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(collabUrl, roomId, doc, {
    params: token === null ? {} : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 500,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.once('sync', (isSynced: boolean) => {
      if (isSynced) resolve();
    });
  });
  return {
    doc,
    provider,
    synced,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
