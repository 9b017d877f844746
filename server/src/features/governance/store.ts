// The governance slice of the store: mediation state, locks, drafts and votes, disputes and
// caucus messages, with the same Kysely queries on SQLite and PostgreSQL.
import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import {
  caucusMessageSchema,
  disputeStatusSchema,
  draftVoteSchema,
  mediationModeSchema,
} from '@parley/shared/mediation';
import type { CaucusMessage, Dispute } from '@parley/shared/mediation';
import { z } from 'zod';
import {
  toBuffer,
  toBytes,
  toNullableNumber as nullableNumber,
  toNumber,
  withNumberingRetry,
} from '../../store/columns';
import { parseStoredJson } from '../../store/json';
import type { GovernanceTables } from './schema';
import type { GovernanceStore } from './storeTypes';

const agendaSchema = z.array(z.string());

function disputeFromRow(row: Omit<Selectable<GovernanceTables['disputes']>, 'room_id'>): Dispute {
  return {
    id: row.id,
    clauseId: row.clause_id,
    partyId: row.party_id,
    position: row.position,
    openedBy: row.opened_by,
    openedAt: toNumber(row.opened_at),
    status: disputeStatusSchema.parse(row.status),
    closedBy: row.closed_by,
    closedAt: nullableNumber(row.closed_at),
    resolution: row.resolution,
  };
}

export function createGovernanceStore(db: Kysely<GovernanceTables>): GovernanceStore {
  return {
    async getMediationState(roomId) {
      const row = await db
        .selectFrom('mediation_state')
        .select(['mode', 'agenda', 'current_item', 'agreed_at'])
        .where('room_id', '=', roomId)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        mode: mediationModeSchema.parse(row.mode),
        agenda: parseStoredJson(agendaSchema, row.agenda, 'agenda'),
        current: row.current_item,
        agreedAt: nullableNumber(row.agreed_at),
      };
    },

    async saveMediationState(roomId, state, at) {
      const values = {
        mode: state.mode,
        agenda: JSON.stringify(state.agenda),
        current_item: state.current,
        agreed_at: state.agreedAt,
        updated_at: at,
      };
      await db
        .insertInto('mediation_state')
        .values({ room_id: roomId, ...values })
        .onConflict((oc) => oc.column('room_id').doUpdateSet(values))
        .execute();
    },

    async listLocks(roomId) {
      const rows = await db
        .selectFrom('clause_locks')
        .select(['clause_id', 'locked_by', 'locked_at'])
        .where('room_id', '=', roomId)
        .orderBy('clause_id')
        .execute();
      return rows.map((r) => ({
        clauseId: r.clause_id,
        lockedBy: r.locked_by,
        lockedAt: toNumber(r.locked_at),
      }));
    },

    async addLock(roomId, lock) {
      const result = await db
        .insertInto('clause_locks')
        .values({
          room_id: roomId,
          clause_id: lock.clauseId,
          locked_by: lock.lockedBy,
          locked_at: lock.lockedAt,
        })
        .onConflict((oc) => oc.columns(['room_id', 'clause_id']).doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async removeLock(roomId, clauseId) {
      const result = await db
        .deleteFrom('clause_locks')
        .where('room_id', '=', roomId)
        .where('clause_id', '=', clauseId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async addDraft(roomId, draft) {
      return withNumberingRetry(() =>
        db.transaction().execute(async (trx) => {
          const last = await trx
            .selectFrom('mediation_drafts')
            .select(sql<number | string | null>`max(number)`.as('n'))
            .where('room_id', '=', roomId)
            .executeTakeFirst();
          const number = (last?.n === null || last?.n === undefined ? 0 : toNumber(last.n)) + 1;
          await trx
            .insertInto('mediation_drafts')
            .values({
              room_id: roomId,
              number,
              note: draft.note,
              state_vector: draft.stateVector,
              state: toBuffer(draft.state),
              created_by: draft.createdBy,
              created_at: draft.createdAt,
            })
            .execute();
          return number;
        }),
      );
    },

    async listDrafts(roomId) {
      const rows = await db
        .selectFrom('mediation_drafts')
        .select(['number', 'note', 'state_vector', 'created_by', 'created_at'])
        .where('room_id', '=', roomId)
        .orderBy('number')
        .execute();
      return rows.map((r) => ({
        number: toNumber(r.number),
        note: r.note,
        stateVector: r.state_vector,
        createdBy: r.created_by,
        createdAt: toNumber(r.created_at),
      }));
    },

    async getDraftState(roomId, number) {
      const row = await db
        .selectFrom('mediation_drafts')
        .select('state')
        .where('room_id', '=', roomId)
        .where('number', '=', number)
        .executeTakeFirst();
      return row ? toBytes(row.state) : undefined;
    },

    async putDraftVote(roomId, vote) {
      const values = { vote: vote.vote, member_id: vote.memberId, at: vote.at };
      await db
        .insertInto('mediation_draft_votes')
        .values({ room_id: roomId, number: vote.number, party_id: vote.partyId, ...values })
        .onConflict((oc) => oc.columns(['room_id', 'number', 'party_id']).doUpdateSet(values))
        .execute();
    },

    async listDraftVotes(roomId) {
      const rows = await db
        .selectFrom('mediation_draft_votes')
        .select(['number', 'party_id', 'vote', 'member_id', 'at'])
        .where('room_id', '=', roomId)
        .orderBy('number')
        .orderBy('party_id')
        .execute();
      return rows.map((r) => ({
        number: toNumber(r.number),
        partyId: r.party_id,
        vote: draftVoteSchema.parse(r.vote),
        memberId: r.member_id,
        at: toNumber(r.at),
      }));
    },

    async addDispute(roomId, d) {
      await db
        .insertInto('disputes')
        .values({
          room_id: roomId,
          id: d.id,
          clause_id: d.clauseId,
          party_id: d.partyId,
          position: d.position,
          opened_by: d.openedBy,
          opened_at: d.openedAt,
          status: d.status,
          closed_by: d.closedBy,
          closed_at: d.closedAt,
          resolution: d.resolution,
        })
        .execute();
    },

    async getDispute(roomId, id) {
      const row = await db
        .selectFrom('disputes')
        .selectAll()
        .where('room_id', '=', roomId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? disputeFromRow(row) : undefined;
    },

    async listDisputes(roomId) {
      const rows = await db
        .selectFrom('disputes')
        .selectAll()
        .where('room_id', '=', roomId)
        .orderBy('opened_at')
        .orderBy('id')
        .execute();
      return rows.map(disputeFromRow);
    },

    async closeDispute(roomId, id, close) {
      const result = await db
        .updateTable('disputes')
        .set({
          status: close.status,
          closed_by: close.by,
          closed_at: close.at,
          resolution: close.resolution,
        })
        .where('room_id', '=', roomId)
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async addCaucusMessage(roomId, m) {
      await db
        .insertInto('caucus_messages')
        .values({
          room_id: roomId,
          id: m.id,
          party_id: m.partyId,
          author_id: m.authorId,
          author_name: m.authorName,
          author_role: m.authorRole,
          body: m.body,
          at: m.at,
        })
        .execute();
    },

    async listCaucusMessages(roomId, partyId) {
      const rows = await db
        .selectFrom('caucus_messages')
        .selectAll()
        .where('room_id', '=', roomId)
        .where('party_id', '=', partyId)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map((r): CaucusMessage =>
        caucusMessageSchema.parse({
          id: r.id,
          partyId: r.party_id,
          authorId: r.author_id,
          authorName: r.author_name,
          authorRole: r.author_role,
          body: r.body,
          at: toNumber(r.at),
        }),
      );
    },
  };
}
