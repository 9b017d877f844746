// The Socket.IO adapter sends some Redis commands without waiting for them (publishes,
// subscriptions); one failing while Redis restarts would surface as an unhandled rejection.
// This view of a connection, and of every connection duplicated from it, marks those promises
// handled, while whoever awaits them still sees the failure.

/** Commands the adapter may leave unawaited. */
const fireAndForget = new Set(['publish', 'sPublish', 'subscribe', 'sSubscribe', 'xAdd']);

export function quietClient<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (property === 'duplicate') {
        return (...args: unknown[]) => quietClient(method.apply(target, args) as object);
      }
      if (typeof property === 'string' && fireAndForget.has(property)) {
        return (...args: unknown[]) => {
          const result = method.apply(target, args);
          if (result instanceof Promise) result.catch(() => undefined);
          return result;
        };
      }
      return method.bind(target);
    },
  });
}
