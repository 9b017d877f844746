// The seat side of the members table and the consent table: invitations with their inviter,
// the conditional write that makes a link single-use, and the parties' decisions on appointments.
import type { Kysely } from 'kysely';
import type { CoreTables } from './coreSchema';
import { consentFromRow, seatedMemberFromRow } from './rows';
import type { MemberSeatStore } from './types';

export function createMemberSeatStore(db: Kysely<CoreTables>): MemberSeatStore {
  return {
    async createInvitation(member, invitedBy) {
      await db
        .insertInto('members')
        .values({
          room_id: member.roomId,
          id: member.id,
          name: member.name,
          role: member.role,
          party_id: member.partyId,
          created_at: member.createdAt,
          revoked_at: member.revokedAt,
          invited_by: invitedBy,
        })
        .execute();
    },

    async getSeatedMember(roomId, memberId) {
      const row = await db
        .selectFrom('members')
        .selectAll()
        .where('room_id', '=', roomId)
        .where('id', '=', memberId)
        .executeTakeFirst();
      return row ? seatedMemberFromRow(row) : undefined;
    },

    async listSeatedMembers(roomId) {
      const rows = await db
        .selectFrom('members')
        .selectAll()
        .where('room_id', '=', roomId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(seatedMemberFromRow);
    },

    async claimSeat(roomId, memberId, sessionId, at) {
      // One statement with its condition: PostgreSQL re-checks it on the locked row, SQLite runs
      // writes one at a time, so a second join finds the seat taken.
      const result = await db
        .updateTable('members')
        .set({ session_id: sessionId, joined_at: at })
        .where('room_id', '=', roomId)
        .where('id', '=', memberId)
        .where('session_id', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async noteSeatReuse(roomId, memberId, at) {
      await db
        .updateTable('members')
        .set({ reuse_refused_at: at })
        .where('room_id', '=', roomId)
        .where('id', '=', memberId)
        .execute();
    },

    /** Nothing to change is refused before it gets here; an empty patch reports false. */
    async updateMember(roomId, memberId, patch) {
      const values = {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
      };
      if (Object.keys(values).length === 0) return false;
      const result = await db
        .updateTable('members')
        .set(values)
        .where('room_id', '=', roomId)
        .where('id', '=', memberId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async setConsent(record) {
      await db
        .insertInto('member_consents')
        .values({
          room_id: record.roomId,
          member_id: record.memberId,
          party_id: record.partyId,
          decision: record.decision,
          decided_by: record.decidedBy,
          decided_at: record.decidedAt,
        })
        .onConflict((oc) =>
          oc.columns(['room_id', 'member_id', 'party_id']).doUpdateSet((eb) => ({
            decision: eb.ref('excluded.decision'),
            decided_by: eb.ref('excluded.decided_by'),
            decided_at: eb.ref('excluded.decided_at'),
          })),
        )
        .execute();
    },

    async listConsents(roomId, memberId) {
      let query = db.selectFrom('member_consents').selectAll().where('room_id', '=', roomId);
      if (memberId !== undefined) query = query.where('member_id', '=', memberId);
      const rows = await query.orderBy('member_id').orderBy('party_id').execute();
      return rows.map(consentFromRow);
    },
  };
}
