// The agreement's room hooks in isolation, over the real store: a change to a proposal's clause
// makes it stale, and a change to a signed clause voids the signature, even if the room unloads
// before the recheck was due.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MemberClaims } from '@parley/shared/protocol';
import { setClauseTitle, setParam } from '@parley/shared/room';
import { touchedClausesHook } from '../../rooms/builtin';
import type { RoomRuntime } from '../../rooms';
import {
  createTestRoom,
  openTestStore,
  recordingBroadcaster,
  silentLogger,
  testRuntime,
} from '../../testing';
import type { TestStore } from '../../testing';
import { EnginePool } from '../../engine';
import { AuditLog } from '../audit';
import type { AgreementDeps } from './deps';
import { createProposal } from './proposals';
import { signOff } from './signoff';
import { proposalStalenessHook } from './staleness';
import { signOffVoidingHook } from './voiding';

let opened: TestStore;
let runtime: RoomRuntime;
let deps: AgreementDeps;
let broadcast: ReturnType<typeof recordingBroadcaster>;
let engine: EnginePool;

const csp: MemberClaims = {
  memberId: 'neg-csp',
  roomId: 'r1',
  role: 'negotiator',
  partyId: 'csp',
  name: 'Chen',
};

beforeEach(async () => {
  opened = await openTestStore();
  await createTestRoom(opened.store, 'r1');
  broadcast = recordingBroadcaster();
  engine = new EnginePool({ threads: 1, logger: silentLogger });
  let rooms: RoomRuntime | null = null;
  deps = {
    store: opened.store,
    rooms: {
      getDoc: (id) => rooms!.getDoc(id),
      hold: (id, work) => rooms!.hold(id, work),
      applyServerChange: (id, change, by) => rooms!.applyServerChange(id, change, by),
    },
    audit: new AuditLog(opened.store),
    broadcast,
    engine,
    governance: async () => ({
      mode: 'normal',
      locks: [],
      agenda: [],
      current: null,
      agreedAt: null,
    }),
    agreed: async () => undefined,
    logger: silentLogger,
    now: () => Date.now(),
  };
  runtime = testRuntime(opened.store, [
    touchedClausesHook(),
    proposalStalenessHook(deps),
    signOffVoidingHook(deps),
  ]);
  rooms = runtime;
});

afterEach(async () => {
  await runtime.close();
  await engine.close();
  await opened.close();
});

describe('proposal-staleness hook', () => {
  it('marks an open proposal stale when its clause changes, not when another does', async () => {
    const onRevenue = await createProposal(deps, csp, {
      clauseId: 'c-revenue',
      params: [{ path: 'streams.0.unitPrice', value: 1800 }],
      rationale: 'Market price',
    });
    const onTerm = await createProposal(deps, csp, {
      clauseId: 'c-term',
      params: [],
      text: 'Five years.',
      rationale: 'Longer',
    });
    await runtime.applyServerChange(
      'r1',
      (doc) => setParam(doc, 'c-revenue', ['streams', 0, 'unitPrice'], 1650),
      { memberId: 'org' },
    );
    await vi.waitFor(async () =>
      expect((await opened.store.getProposal('r1', onRevenue.id))?.status).toBe('stale'),
    );
    expect((await opened.store.getProposal('r1', onTerm.id))?.status).toBe('open');
    expect(broadcast.sent).toContainEqual(
      expect.objectContaining({
        event: 'proposals:changed',
        payload: expect.objectContaining({ id: onRevenue.id, status: 'stale' }),
      }),
    );
  });
});

describe('sign-off-voiding hook', () => {
  it('voids a sign-off once its clause changed, and tells the party why', async () => {
    const signed = await signOff(deps, csp, 'c-term');
    await runtime.applyServerChange('r1', (doc) => setClauseTitle(doc, 'c-term', 'Duration'), {
      memberId: 'org',
    });
    await vi.waitFor(async () => {
      const stored = (await opened.store.listSignOffs('r1')).find((s) => s.id === signed.id);
      expect(stored?.voidReason).toBe('clause-changed');
    });
    expect(broadcast.sent).toContainEqual(
      expect.objectContaining({
        event: 'signoffs:voided',
        audiences: [{ kind: 'party', partyId: 'csp' }],
      }),
    );
  });

  it('voids before the room unloads when the recheck was still pending', async () => {
    const signed = await signOff(deps, csp, 'c-term');
    await runtime.applyServerChange('r1', (doc) => setClauseTitle(doc, 'c-term', 'Duration'), {
      memberId: 'org',
    });
    await runtime.close();
    const stored = (await opened.store.listSignOffs('r1')).find((s) => s.id === signed.id);
    expect(stored?.voidReason).toBe('clause-changed');
  });
});
