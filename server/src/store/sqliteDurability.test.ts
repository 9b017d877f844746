// SQLite durability: a writer process killed with SIGKILL, after or during its appends, loses no
// update it had acknowledged.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createStore } from './createStore';
import { durabilityPayload } from './durabilityPayload';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..', '..', '..');

/**
 * Runs the writer and SIGKILLs it as soon as `killAfterAcks` appends have been acknowledged,
 * returning the highest acknowledged seq.
 */
async function writeThenKill(dataDir: string, count: number, killAfterAcks: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(here, 'durabilityWriter.ts'), dataDir, String(count)],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  let acked = 0;
  let acks = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    const match = /^ack (\d+)$/.exec(line);
    if (!match) continue;
    acked = Number(match[1]);
    acks += 1;
    if (acks >= killAfterAcks) {
      child.kill('SIGKILL');
      break;
    }
  }
  const signal = await exited;
  if (acks < killAfterAcks) {
    throw new Error(`writer stopped after ${acks} acknowledgements: ${stderr}`);
  }
  expect(signal).toBe('SIGKILL');
  return acked;
}

async function expectEveryAcknowledgedUpdate(dataDir: string, acked: number) {
  const store = createStore({ kind: 'sqlite', dataDir });
  try {
    await store.migrate();
    const { updates } = await store.loadDoc('durable');
    // Appends the writer made after the last acknowledgement may or may not have landed.
    expect(updates.length).toBeGreaterThanOrEqual(acked);
    updates.forEach((u, i) => {
      expect(u.seq).toBe(i + 1);
      expect(u.data).toEqual(durabilityPayload(u.seq));
    });
    const changes = await store.listClauseChanges('durable', 0);
    expect(changes.length).toBe(updates.length - 1);
  } finally {
    await store.close();
  }
}

describe('SQLite durability', () => {
  it('keeps every acknowledged update when the process is killed after its last append', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'parley-durable-'));
    try {
      const count = 300;
      const acked = await writeThenKill(dataDir, count, count + 1);
      expect(acked).toBe(count + 1);
      await expectEveryAcknowledgedUpdate(dataDir, acked);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps every acknowledged update when the process is killed while still appending', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'parley-durable-'));
    try {
      const acked = await writeThenKill(dataDir, 5000, 400);
      expect(acked).toBeGreaterThanOrEqual(400);
      await expectEveryAcknowledgedUpdate(dataDir, acked);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
