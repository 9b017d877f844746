// Runs a room's hooks at each stage with the error policy of that stage: a failing load or
// write check stops what it guards; a failing notification is logged and the others still run.
import type { Logger } from 'pino';
import type {
  AppliedChange,
  PeerInfo,
  RemoteChange,
  RoomContext,
  RoomHook,
  StoredChange,
  WriteAttempt,
  WriteRefusal,
} from './hooks';

/** Thrown when a beforeWrite hook failed: the write was neither applied nor refused. */
export class WriteCheckFailedError extends Error {}

export class HookRunner {
  constructor(
    private readonly hooks: readonly RoomHook[],
    private readonly logger: Logger,
  ) {}

  get writeChecks(): boolean {
    return this.hooks.some((hook) => hook.beforeWrite !== undefined);
  }

  async load(room: RoomContext): Promise<void> {
    for (const hook of this.hooks) await hook.onLoad?.(room);
  }

  /** The first refusal, or null; every hook sees the write until one refuses it. */
  async beforeWrite(room: RoomContext, write: WriteAttempt): Promise<WriteRefusal | null> {
    for (const hook of this.hooks) {
      if (hook.beforeWrite === undefined) continue;
      let refusal: WriteRefusal | null;
      try {
        refusal = await hook.beforeWrite(room, write);
      } catch (error) {
        throw new WriteCheckFailedError(
          `${hook.name}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (refusal !== null) return refusal;
    }
    return null;
  }

  changed(room: RoomContext, change: AppliedChange): void {
    this.notify('onChange', room, (hook) => hook.onChange?.(room, change));
  }

  stored(room: RoomContext, change: StoredChange): void {
    this.notify('afterStore', room, (hook) => hook.afterStore?.(room, change));
  }

  storedElsewhere(room: RoomContext, change: RemoteChange): void {
    this.notify('onStoredElsewhere', room, (hook) => hook.onStoredElsewhere?.(room, change));
  }

  connected(room: RoomContext, peer: PeerInfo): void {
    this.notify('onConnect', room, (hook) => hook.onConnect?.(room, peer));
  }

  disconnected(room: RoomContext, peer: PeerInfo): void {
    this.notify('onDisconnect', room, (hook) => hook.onDisconnect?.(room, peer));
  }

  awareness(room: RoomContext, peer: PeerInfo, clientIds: readonly number[]): void {
    this.notify('onAwareness', room, (hook) => hook.onAwareness?.(room, peer, clientIds));
  }

  /** Every onUnload runs, even after one failed. */
  async unload(room: RoomContext): Promise<void> {
    for (const hook of this.hooks) {
      try {
        await hook.onUnload?.(room);
      } catch (error) {
        this.logger.error({ err: error, roomId: room.id, hook: hook.name }, 'onUnload failed');
      }
    }
  }

  private notify(stage: string, room: RoomContext, run: (hook: RoomHook) => void): void {
    for (const hook of this.hooks) {
      try {
        run(hook);
      } catch (error) {
        this.logger.error({ err: error, roomId: room.id, hook: hook.name }, `${stage} failed`);
      }
    }
  }
}
