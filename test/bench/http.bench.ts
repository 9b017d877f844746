/**
 * REST and Socket.IO figures against the real server in a child process (so the clients' work
 * does not sit in the server's event loop): room creation, term sheet export, value computation,
 * Socket.IO handshake, and presence fan-out to 50 members of one room.
 */
import { rmSync } from 'node:fs';
import type { PresenceState } from '@parley/shared/protocol';
import { createRoom, invite, request, seatParties } from '../integration/helpers/api';
import { buildServer, spawnServer } from '../integration/helpers/server';
import { connectSocket } from '../integration/helpers/socket';
import type { ParleyClientSocket } from '../integration/helpers/socket';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

interface Row {
  measure: string;
  n: number;
  p50: number;
  p99: number;
  goal: string;
}

function row(measure: string, samples: number[], goal = '-'): Row {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    measure,
    n: samples.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    goal,
  };
}

async function timeEach(n: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

function print(rows: Row[]): void {
  const header = ['measure', 'n', 'p50 ms', 'p99 ms', 'goal'];
  const lines = rows.map((r) => [
    r.measure,
    String(r.n),
    r.p50.toFixed(2),
    r.p99.toFixed(2),
    r.goal,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log(format(header));
  for (const line of lines) console.log(format(line));
}

export default async function run(): Promise<void> {
  buildServer();
  // 200 rooms from one address: far over the default hourly limit, which is not what is timed.
  const server = await spawnServer({
    env: { LOG_LEVEL: 'warn', ROOM_CREATION_PER_HOUR: '100000' },
    compiled: true,
  });
  const sockets: ParleyClientSocket[] = [];
  try {
    const rows: Row[] = [];
    rows.push(
      row(
        'POST /api/rooms (mhealth template)',
        await timeEach(200, async () => {
          await createRoom(server.url, { title: 'Bench', template: 'mhealth' });
        }),
      ),
    );
    const room = await createRoom(server.url, { title: 'Bench', template: 'mhealth' });
    for (const path of ['termsheet', 'value', 'me']) {
      rows.push(
        row(
          `GET /api/rooms/:id/${path}`,
          await timeEach(200, async () => {
            const response = await request(server.url, 'GET', `/api/rooms/${room.roomId}/${path}`, {
              token: room.organizerToken,
            });
            if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
          }),
        ),
      );
    }
    // 50 members, as many as a large negotiation seats: each party's organizer, then negotiators.
    const organizers = await seatParties(server.url, room.roomId, room.organizerToken);
    const parties = Object.keys(organizers);
    const tokens = [room.organizerToken];
    for (let i = 1; i < 50; i++) {
      const party = parties[i % parties.length]!;
      const seated = await invite(server.url, room.roomId, organizers[party]!, {
        name: `Negotiator ${i}`,
        role: 'negotiator',
        party,
      });
      tokens.push(seated.token);
    }
    rows.push(
      row(
        'Socket.IO handshake (token checked)',
        await timeEach(50, async (i) => {
          sockets.push(await connectSocket(server.url, tokens[i]!));
        }),
      ),
    );

    // Presence fan-out: one member changes focus; time until all 49 others have seen it. The
    // members take turns, as each may move focus only so often.
    const fanout = await timeEach(100, async (i) => {
      const sender = sockets[i % sockets.length]!;
      const others = sockets.filter((socket) => socket !== sender);
      const clauseId = `c-bench-${i}`;
      const seen = others.map(
        (socket) =>
          new Promise<void>((resolve) => {
            const listener = (state: PresenceState) => {
              if (state.entries.some((e) => e.connectionId === sender.id && e.focus === clauseId)) {
                socket.off('presence:state', listener);
                resolve();
              }
            };
            socket.on('presence:state', listener);
          }),
      );
      sender.emit('presence:focus', { clauseId }, () => undefined);
      await Promise.all(seen);
    });
    rows.push(row('presence:focus seen by 49 peers', fanout, 'p99 < 25 ms'));
    print(rows);
  } finally {
    for (const socket of sockets) socket.close();
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}
