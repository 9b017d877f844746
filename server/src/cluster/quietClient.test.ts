// A failed fire-and-forget command of the Socket.IO adapter is no unhandled rejection, on the
// connection and on its duplicates, while a caller that awaits it still sees the failure.
import { describe, expect, it } from 'vitest';
import { quietClient } from './quietClient';

class FakeClient {
  readonly name: string;
  constructor(name: string) {
    this.name = name;
  }
  publish(): Promise<number> {
    return Promise.reject(new Error(`${this.name}: connection reset`));
  }
  ping(): string {
    return `${this.name}: pong`;
  }
  duplicate(): FakeClient {
    return new FakeClient(`${this.name}-copy`);
  }
}

describe('quietClient', () => {
  it('marks unawaited failures handled, keeps them for awaiting callers, and covers duplicates', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const client = quietClient(new FakeClient('main'));
      void client.publish();
      void client.duplicate().publish();
      await expect(client.publish()).rejects.toThrow('main: connection reset');
      expect(client.ping()).toBe('main: pong');
      expect(client.duplicate().ping()).toBe('main-copy: pong');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
