// Core rows into records: numbers from either driver's bigints, roles checked, bytes copied.
import type { Selectable } from 'kysely';
import { roleSchema } from '@parley/shared/permissions';
import type { Role } from '@parley/shared/permissions';
import { toBytes, toNullableNumber, toNumber } from './columns';
import type { CoreTables } from './coreSchema';
import type {
  ClauseChange,
  ConsentRecord,
  MemberRecord,
  RoomRecord,
  SeatedMember,
  StoredUpdate,
} from './types';

function toRole(value: string): Role {
  const role = roleSchema.safeParse(value);
  if (!role.success) throw new Error(`store holds a member with an unknown role: ${value}`);
  return role.data;
}

export function roomFromRow(row: Omit<Selectable<CoreTables['rooms']>, 'last_seq'>): RoomRecord {
  return { id: row.id, title: row.title, createdAt: toNumber(row.created_at) };
}

type MemberRow = Pick<
  Selectable<CoreTables['members']>,
  'room_id' | 'id' | 'name' | 'role' | 'party_id' | 'created_at' | 'revoked_at'
>;

export function memberFromRow(row: MemberRow): MemberRecord {
  return {
    id: row.id,
    roomId: row.room_id,
    name: row.name,
    role: toRole(row.role),
    partyId: row.party_id,
    createdAt: toNumber(row.created_at),
    revokedAt: toNullableNumber(row.revoked_at),
  };
}

export function seatedMemberFromRow(row: Selectable<CoreTables['members']>): SeatedMember {
  return {
    ...memberFromRow(row),
    seat: {
      invitedBy: row.invited_by,
      creator: Number(row.creator) === 1,
      joinedAt: toNullableNumber(row.joined_at),
      sessionId: row.session_id,
      reuseRefusedAt: toNullableNumber(row.reuse_refused_at),
    },
  };
}

export function consentFromRow(row: Selectable<CoreTables['member_consents']>): ConsentRecord {
  if (row.decision !== 'accept' && row.decision !== 'decline') {
    throw new Error(`store holds a consent with an unknown decision: ${row.decision}`);
  }
  return {
    roomId: row.room_id,
    memberId: row.member_id,
    partyId: row.party_id,
    decision: row.decision,
    decidedBy: row.decided_by,
    decidedAt: toNumber(row.decided_at),
  };
}

export function updateFromRow(
  row: Omit<Selectable<CoreTables['doc_updates']>, 'room_id'>,
): StoredUpdate {
  return {
    seq: toNumber(row.seq),
    data: toBytes(row.data),
    memberId: row.member_id,
    createdAt: toNumber(row.created_at),
  };
}

export function clauseChangeFromRow(
  row: Omit<Selectable<CoreTables['clause_changes']>, 'room_id'>,
): ClauseChange {
  return {
    seq: toNumber(row.seq),
    clauseId: row.clause_id,
    memberId: row.member_id,
    at: toNumber(row.at),
  };
}
