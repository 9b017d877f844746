import type {
  CaucusMessage,
  Dispute,
  Draft,
  MediationState,
  OverlapPublication,
  OverlapView,
  Position,
  ProposalView,
  SignOffState,
} from '@parley/shared/mediation';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@parley/shared/protocol';
import type { Socket } from 'socket.io-client';

export interface MediationNotice {
  id: number;
  tone: 'error' | 'warning' | 'info';
  text: string;
}

export interface MediationSnapshot {
  loaded: boolean;
  state: MediationState;
  drafts: Draft[];
  disputes: Dispute[];
  /** The mediator's queue of open disputes, oldest first. */
  queue: Dispute[];
  mediatorPresent: boolean;
  proposals: ProposalView[];
  signoffs: SignOffState;
  positions: Position[];
  published: OverlapPublication[];
  overlaps: OverlapView[];
  caucus: Record<string, CaucusMessage[]>;
  notices: MediationNotice[];
}

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

const emptyState: MediationState = { mode: 'normal', locks: [], agenda: [], current: null };

function upsert<T>(list: T[], item: T, same: (a: T) => boolean): T[] {
  const index = list.findIndex(same);
  if (index < 0) return [...list, item];
  const next = list.slice();
  next[index] = item;
  return next;
}

const voidReasons: Record<string, string> = {
  'clause-changed': 'the clause changed',
  'value-changed': 'the figures changed',
  'clause-removed': 'the clause was removed',
  withdrawn: 'it was withdrawn',
};

/**
 * The room's mediation state as this member may see it (governance, proposals, sign-offs, own
 * positions, caucus), kept current from the server's events. An external store for React.
 */
export class MediationStore {
  private snapshot: MediationSnapshot = {
    loaded: false,
    state: emptyState,
    drafts: [],
    disputes: [],
    queue: [],
    mediatorPresent: false,
    proposals: [],
    signoffs: { signOffs: [], agreement: { agreed: false, missing: [] } },
    positions: [],
    published: [],
    overlaps: [],
    caucus: {},
    notices: [],
  };
  private readonly listeners = new Set<() => void>();
  private readonly offs: (() => void)[] = [];
  private nextNotice = 1;
  private destroyed = false;

  constructor(
    private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>,
    private readonly role: string,
    private readonly partyId: string | null,
    readonly memberId: string,
  ) {
    const on = <E extends keyof ServerToClientEvents>(
      event: E,
      handler: ServerToClientEvents[E],
    ) => {
      // Socket.IO's typed `on` cannot relate a generic event to its handler.
      (socket.on as (e: string, h: unknown) => void)(event, handler);
      this.offs.push(() => (socket.off as (e: string, h: unknown) => void)(event, handler));
    };
    on('mediation:changed', (state) => this.patch({ state }));
    on('drafts:changed', (draft) =>
      this.patch({
        drafts: upsert(this.snapshot.drafts, draft, (d) => d.number === draft.number),
      }),
    );
    on('disputes:changed', (dispute) =>
      this.patch({
        disputes: upsert(this.snapshot.disputes, dispute, (d) => d.id === dispute.id),
        queue:
          dispute.status === 'open'
            ? this.snapshot.queue
            : this.snapshot.queue.filter((d) => d.id !== dispute.id),
      }),
    );
    on('disputes:queue', ({ disputes }) => this.patch({ queue: disputes }));
    on('caucus:message', (message) => this.addCaucus(message));
    on('proposals:changed', (proposal) =>
      this.patch({
        proposals: upsert(this.snapshot.proposals, proposal, (p) => p.id === proposal.id),
      }),
    );
    on('signoffs:changed', (signoffs) => this.patch({ signoffs }));
    on('signoffs:voided', ({ signOff, reason }) => {
      this.notify(
        'warning',
        `Your sign-off on "${this.clauseTitle(signOff.clauseId)}" was voided: ${voidReasons[reason] ?? reason}. Review the clause and sign again.`,
      );
    });
    on('positions:changed', (list) =>
      this.patch({ positions: list.positions, published: list.published }),
    );
    on('positions:overlaps', ({ overlaps }) => this.patch({ overlaps }));
    on('positions:published', (publication) =>
      this.patch({
        published: upsert(
          this.snapshot.published,
          publication,
          (p) => p.clauseId === publication.clauseId && p.param === publication.param,
        ),
      }),
    );
    const onConnect = () => void this.load();
    socket.on('connect', onConnect);
    this.offs.push(() => socket.off('connect', onConnect));
    if (socket.connected) void this.load();
  }

  /** Titles for notices; set by the room from its document. */
  clauseTitle: (clauseId: string) => string = (id) => id;

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
    this.patch(patch);
  }

  /** Loads a caucus: the mediator names the party; a party member reads its own (null). */
  async loadCaucus(partyId: string | null): Promise<void> {
    try {
      const result = await this.call('caucus:list', partyId ? { partyId } : {});
      this.patch({ caucus: { ...this.snapshot.caucus, [result.partyId]: result.messages } });
    } catch {
      // The panel shows an empty conversation; sending reports the error.
    }
  }

  private addCaucus(message: CaucusMessage): void {
    const list = this.snapshot.caucus[message.partyId] ?? [];
    if (list.some((m) => m.id === message.id)) return;
    this.patch({ caucus: { ...this.snapshot.caucus, [message.partyId]: [...list, message] } });
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
      if (event === 'caucus:send') this.addCaucus(data as CaucusMessage);
      if (
        event === 'proposals:create' ||
        event === 'proposals:counter' ||
        event === 'proposals:decide' ||
        event === 'proposals:apply' ||
        event === 'proposals:withdraw'
      ) {
        const proposal = data as ProposalView;
        this.patch({
          proposals: upsert(this.snapshot.proposals, proposal, (p) => p.id === proposal.id),
        });
      }
      if (
        event === 'mediation:lock' ||
        event === 'mediation:unlock' ||
        event === 'mediation:mode' ||
        event === 'agenda:set' ||
        event === 'agenda:current'
      ) {
        this.patch({ state: data as MediationState });
      }
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
    const { agenda } = this.snapshot.state;
    if (clauseId === null || agenda.includes(clauseId)) {
      await this.run('agenda:current', { current: clauseId });
      return;
    }
    const items = [...agenda, ...documentOrder.filter((id) => !agenda.includes(id))];
    await this.run('agenda:set', { items, current: clauseId });
  }

  notify(tone: MediationNotice['tone'], text: string): void {
    const notice = { id: this.nextNotice++, tone, text };
    this.patch({ notices: [...this.snapshot.notices, notice].slice(-4) });
  }

  dismiss(id: number): void {
    this.patch({ notices: this.snapshot.notices.filter((n) => n.id !== id) });
  }

  getSnapshot = (): MediationSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private patch(partial: Partial<MediationSnapshot>): void {
    if (this.destroyed) return;
    this.snapshot = { ...this.snapshot, ...partial };
    for (const listener of this.listeners) listener();
  }

  destroy(): void {
    this.destroyed = true;
    for (const off of this.offs) off();
  }
}
