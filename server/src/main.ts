// The server's entry point: reads the configuration (a bad one stops it with every problem named),
// starts Parley, and shuts it down cleanly on SIGTERM or SIGINT.
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  // Loaded only once the configuration is known to be good, so a bad variable is reported
  // on its own, quickly.
  const { createParleyServer } = await import('./app');
  const server = await createParleyServer(config);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.logger.info({ signal }, 'stopping');
    setTimeout(() => {
      server.logger.error('shutdown took over 15 s; exiting');
      process.exit(1);
    }, 15_000).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // A stray failure in one request or connection must not take every room down with it.
  process.on('unhandledRejection', (reason) => {
    server.logger.error({ err: reason }, 'unhandled rejection');
  });
}

main().catch((error: unknown) => {
  console.error('Parley could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
