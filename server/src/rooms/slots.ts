// Per-room state owned by the loaded room: a feature declares a slot once, each room creates its
// value on first use, and the value goes away with the room when it unloads.

/** A kind of per-room state; declare it once at module level with `roomSlot`. */
export interface RoomSlot<T> {
  readonly name: string;
  create(roomId: string): T;
  /** Releases what the value holds (timers...) when the room goes, however it goes. */
  dispose?(value: T): void;
}

export function roomSlot<T>(
  name: string,
  create: (roomId: string) => T,
  dispose?: (value: T) => void,
): RoomSlot<T> {
  return dispose === undefined ? { name, create } : { name, create, dispose };
}

/** The slot values of one room. */
export class SlotValues {
  private readonly values = new Map<RoomSlot<unknown>, unknown>();

  constructor(private readonly roomId: string) {}

  get<T>(slot: RoomSlot<T>): T {
    if (this.values.has(slot)) return this.values.get(slot) as T;
    const value = slot.create(this.roomId);
    this.values.set(slot, value);
    return value;
  }

  clear(): void {
    for (const [slot, value] of this.values) slot.dispose?.(value);
    this.values.clear();
  }
}
