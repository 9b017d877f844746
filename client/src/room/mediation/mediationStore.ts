// The room's mediation as this member may see it, kept current over the room's socket: events,
// loads and answers to actions all become updates of one zustand store that the views read.
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@parley/shared/protocol';
import type { Socket } from 'socket.io-client';
import { createStore } from '../../lib/store';
import type { ReadStore, StoreApi } from '../../lib/store';
import {
  actionAnswered,
  initialMediationSnapshot,
  mediationEvents,
  noticeAdded,
  noticeDismissed,
} from './mediationState';
import type {
  MediationNotice,
  MediationSnapshot,
  MediationTab,
  MediationUpdate,
  SnapshotEvent,
} from './mediationState';

type Events = ClientToServerEvents;
type AckData<E extends keyof Events> =
  Parameters<Events[E]> extends [unknown, (ack: Ack<infer D>) => void] ? D : never;
type Payload<E extends keyof Events> = Parameters<Events[E]>[0];

/** An error the server answered, with its code, shown to the member as it is. */
export class MediationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const voidReasons: Record<string, string> = {
  'clause-changed': 'the clause changed',
  'value-changed': 'the figures changed',
  'clause-removed': 'the clause was removed',
  withdrawn: 'it was withdrawn',
  'header-changed': 'the sheet’s title, currency or parties changed',
  'assumptions-changed': 'the assumptions changed',
};

/**
 * The room's mediation state as this member may see it (governance, proposals, sign-offs, own
 * positions, caucus), kept current from the server's events once attached. Views read `state`.
 */
export class MediationStore {
  private readonly store: StoreApi<MediationSnapshot> = createStore<MediationSnapshot>()(
    () => initialMediationSnapshot,
  );
  readonly state: ReadStore<MediationSnapshot> = this.store;
  private readonly offs: (() => void)[] = [];
  private nextNotice = 1;

  constructor(
    private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>,
    private readonly role: string,
    private readonly partyId: string | null,
    readonly memberId: string,
  ) {}

  /** Starts following the server's events (and loads once connected); returns how to stop. */
  attach(): () => void {
    const socket = this.socket;
    const on = <E extends keyof ServerToClientEvents>(
      event: E,
      handler: ServerToClientEvents[E],
    ) => {
      // Socket.IO's typed `on` cannot relate a generic event to its handler.
      (socket.on as (e: string, h: unknown) => void)(event, handler);
      this.offs.push(() => (socket.off as (e: string, h: unknown) => void)(event, handler));
    };
    // Agreement and reopening change what everyone may do: say so, whoever caused it. Registered
    // before the reducers so that it still sees the state before the change.
    on('mediation:changed', (state) => {
      const before = this.store.getState().state.agreedAt;
      if (before === null && state.agreedAt !== null) {
        this.notify(
          'info',
          'Agreed: the term sheet is frozen until an organizer or the mediator reopens it.',
        );
      } else if (before !== null && state.agreedAt === null) {
        this.notify(
          'info',
          'The agreed term sheet was reopened: it can be edited again, and each change voids the sign-offs bound to what it touches.',
        );
      }
    });
    for (const event of Object.keys(mediationEvents) as SnapshotEvent[]) {
      // Each reducer takes its own event's payload; the map's type ties the two together.
      const reduce = mediationEvents[event] as (
        snapshot: MediationSnapshot,
        payload: unknown,
      ) => MediationUpdate;
      on(event, ((payload: unknown) =>
        this.update((s) => reduce(s, payload))) as ServerToClientEvents[typeof event]);
    }
    on('signoffs:voided', ({ signOff, reason }) => {
      this.notify(
        'warning',
        `Your sign-off on "${this.clauseTitle(signOff.clauseId)}" was voided: ${voidReasons[reason] ?? reason}. Review the clause and sign again.`,
      );
    });
    on('breaks:requested', (request) => {
      const who =
        request.partyId === this.partyId
          ? `${request.requestedByName} asked for a ${request.minutes}-minute break for your party`
          : `${this.partyName(request.partyId)} asks for a ${request.minutes}-minute break (${request.requestedByName})`;
      this.notify('info', request.reason ? `${who}: “${request.reason}”` : `${who}.`);
    });
    const onConnect = () => void this.load();
    socket.on('connect', onConnect);
    this.offs.push(() => socket.off('connect', onConnect));
    if (socket.connected) void this.load();
    return () => {
      for (const off of this.offs.splice(0)) off();
    };
  }

  private update(change: (snapshot: MediationSnapshot) => MediationUpdate): void {
    const partial = change(this.store.getState());
    if (partial) this.store.setState(partial);
  }

  /** Titles for notices; set by the room from its document. */
  clauseTitle: (clauseId: string) => string = (id) => id;
  /** Party names for notices; set by the room from its document. */
  partyName: (partyId: string) => string = (id) => id;

  get isMediator(): boolean {
    return this.role === 'mediator';
  }

  private async load(): Promise<void> {
    const settle = async <T>(promise: Promise<T>): Promise<T | null> => {
      try {
        return await promise;
      } catch {
        return null;
      }
    };
    const [governance, proposals, signoffs, positions] = await Promise.all([
      settle(this.call('mediation:state', {})),
      settle(this.call('proposals:list', {})),
      settle(this.call('signoffs:list', {})),
      settle(this.call('positions:list', {})),
    ]);
    const patch: Partial<MediationSnapshot> = { loaded: true };
    if (governance) {
      patch.state = governance.state;
      patch.drafts = governance.drafts;
      patch.disputes = governance.disputes;
      patch.mediatorPresent = governance.mediatorPresent;
    }
    if (proposals) patch.proposals = proposals.proposals;
    if (signoffs) patch.signoffs = signoffs;
    if (positions) {
      patch.positions = positions.positions;
      patch.published = positions.published;
    }
    if (this.role === 'mediator' || this.role === 'organizer') {
      const queue = await settle(this.call('disputes:queue', {}));
      if (queue) patch.queue = queue.disputes;
    }
    if (this.role === 'mediator') {
      const overlaps = await settle(this.call('positions:overlaps', {}));
      if (overlaps) patch.overlaps = overlaps.overlaps;
    }
    if (this.partyId && this.role !== 'observer') await this.loadCaucus(null);
    this.update(() => patch);
  }

  /** Loads a caucus: the mediator names the party; a party member reads its own (null). */
  async loadCaucus(partyId: string | null): Promise<void> {
    try {
      const result = await this.call('caucus:list', partyId ? { partyId } : {});
      this.update((s) => ({ caucus: { ...s.caucus, [result.partyId]: result.messages } }));
    } catch {
      // The panel shows an empty conversation; sending reports the error.
    }
  }

  /** Emits an event and resolves with the ack's data, or rejects with the server's error. */
  call<E extends keyof Events>(event: E, payload: Payload<E>): Promise<AckData<E>> {
    return new Promise((resolve, reject) => {
      if (!this.socket.connected) {
        reject(new MediationError('offline', 'You are offline; try again once connected.'));
        return;
      }
      const timed = this.socket.timeout(15_000);
      const emit = timed.emit as unknown as (
        e: string,
        p: unknown,
        cb: (err: Error | null, ack: Ack<unknown>) => void,
      ) => void;
      emit.call(timed, event, payload, (err, ack) => {
        if (err) reject(new MediationError('timeout', 'The server did not answer in time.'));
        else if (ack.ok) resolve(ack.data as AckData<E>);
        else reject(new MediationError(ack.error.code, ack.error.message));
      });
    });
  }

  /** Runs an action; a refusal becomes an error notice instead of an exception. */
  async run<E extends keyof Events>(event: E, payload: Payload<E>): Promise<AckData<E> | null> {
    try {
      const data = await this.call(event, payload);
      this.update((s) => actionAnswered(s, event, data));
      return data;
    } catch (error) {
      this.notify('error', error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  /**
   * Makes a clause the current agenda item; a clause not yet on the agenda joins it first, in
   * document order after the items the mediator already ordered.
   */
  async discuss(clauseId: string | null, documentOrder: string[]): Promise<void> {
    const { agenda } = this.store.getState().state;
    if (clauseId === null || agenda.includes(clauseId)) {
      await this.run('agenda:current', { current: clauseId });
      return;
    }
    const items = [...agenda, ...documentOrder.filter((id) => !agenda.includes(id))];
    await this.run('agenda:set', { items, current: clauseId });
  }

  notify(tone: MediationNotice['tone'], text: string): void {
    const notice = { id: this.nextNotice++, tone, text };
    this.update((s) => noticeAdded(s, notice));
  }

  dismiss(id: number): void {
    this.update((s) => noticeDismissed(s, id));
  }

  /** Opens the mediation drawer on one of its tabs. */
  openPanel(tab: MediationTab): void {
    this.update(() => ({ panel: { open: true, tab } }));
  }

  setPanelOpen(open: boolean): void {
    this.update((s) => ({ panel: { ...s.panel, open } }));
  }
}
