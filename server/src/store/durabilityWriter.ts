/**
 * Appends updates to a SQLite store and prints each seq once its append has resolved, then waits to
 * be killed. Run as a child process by sqliteDurability.test.ts:
 *   node --import tsx durabilityWriter.ts <dataDir> <count>
 */
import { createStore } from './createStore';
import { durabilityPayload } from './durabilityPayload';

const [dataDir, countArg] = process.argv.slice(2);
const count = Number(countArg);
if (!dataDir || !Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: durabilityWriter.ts <dataDir> <count>\n');
  process.exit(2);
}

const store = createStore({ kind: 'sqlite', dataDir });
await store.migrate();
await store.createRoom({ id: 'durable', title: 'Durable', createdAt: 0 }, durabilityPayload(1), {
  id: 'writer',
  roomId: 'durable',
  name: 'Writer',
  role: 'organizer',
  partyId: null,
  createdAt: 0,
  revokedAt: null,
});
process.stdout.write('ack 1\n');
for (let i = 0; i < count; i++) {
  const seq = await store.appendUpdate({
    roomId: 'durable',
    data: durabilityPayload(i + 2),
    memberId: 'writer',
    clauseIds: [`c${i % 3}`],
    at: i,
  });
  process.stdout.write(`ack ${seq}\n`);
}
// Stay alive with the store open, so the kill lands on a process that never closed it cleanly.
setInterval(() => {}, 60_000);
