// An engine thread: runs one task at a time for the pool and answers with its result or error.
import { parentPort } from 'node:worker_threads';
import type { EngineTask } from './tasks';
import { runTask } from './tasks';

if (parentPort === null) throw new Error('the engine worker runs as a worker thread');
const port = parentPort;

port.on('message', (message: { id: number; task: EngineTask }) => {
  try {
    port.postMessage({ id: message.id, ok: true, result: runTask(message.task) });
  } catch (error) {
    port.postMessage({
      id: message.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
