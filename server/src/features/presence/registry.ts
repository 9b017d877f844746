// Who is connected to which room through this server, one entry per connection, with what
// each is looking at.
import type { PresenceEntry, PresenceState } from '@parley/shared/protocol';

/** Who is connected to which room through this server, one entry per connection. */
export class PresenceRegistry {
  private readonly rooms = new Map<string, Map<string, PresenceEntry>>();

  join(roomId: string, entry: PresenceEntry): void {
    let room = this.rooms.get(roomId);
    if (room === undefined) {
      room = new Map();
      this.rooms.set(roomId, room);
    }
    room.set(entry.connectionId, entry);
  }

  leave(roomId: string, connectionId: string): void {
    const room = this.rooms.get(roomId);
    if (room === undefined) return;
    room.delete(connectionId);
    if (room.size === 0) this.rooms.delete(roomId);
  }

  focus(roomId: string, connectionId: string, clauseId: string | null): PresenceEntry | undefined {
    const entry = this.rooms.get(roomId)?.get(connectionId);
    if (entry === undefined) return undefined;
    const updated = { ...entry, focus: clauseId };
    this.rooms.get(roomId)?.set(connectionId, updated);
    return updated;
  }

  get(roomId: string, connectionId: string): PresenceEntry | undefined {
    return this.rooms.get(roomId)?.get(connectionId);
  }

  state(roomId: string): PresenceState {
    return { roomId, entries: [...(this.rooms.get(roomId)?.values() ?? [])] };
  }
}
