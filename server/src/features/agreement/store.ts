// The agreement slice of the store: proposals, sign-offs, positions and overlap publications,
// one JSON record per row, read back through their schemas.
import type { Kysely } from 'kysely';
import {
  overlapPublicationSchema,
  positionSchema,
  proposalSchema,
  signOffSchema,
} from '@parley/shared/mediation';
import type { OverlapPublication, Position, PositionKey } from '@parley/shared/mediation';
import { parseStoredJson as parse } from '../../store/json';
import type { AgreementTables } from './schema';
import type { AgreementStore } from './storeTypes';

type Kind = 'proposal' | 'signoff' | 'position' | 'overlap';

export function positionId(partyId: string, key: PositionKey): string {
  return JSON.stringify([partyId, key.clauseId, key.param, key.bound]);
}

function publicationId(publication: Pick<OverlapPublication, 'clauseId' | 'param'>): string {
  return JSON.stringify([publication.clauseId, publication.param]);
}

export function createAgreementStore(db: Kysely<AgreementTables>): AgreementStore {
  async function put(
    roomId: string,
    kind: Kind,
    id: string,
    partyId: string | null,
    data: unknown,
    at: number,
  ): Promise<void> {
    await db
      .insertInto('agreement_records')
      .values({
        room_id: roomId,
        kind,
        id,
        party_id: partyId,
        data: JSON.stringify(data),
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.columns(['room_id', 'kind', 'id']).doUpdateSet((eb) => ({
          party_id: eb.ref('excluded.party_id'),
          data: eb.ref('excluded.data'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  async function list(roomId: string, kind: Kind, partyId?: string): Promise<string[]> {
    let query = db
      .selectFrom('agreement_records')
      .select(['data'])
      .where('room_id', '=', roomId)
      .where('kind', '=', kind);
    if (partyId !== undefined) query = query.where('party_id', '=', partyId);
    const rows = await query.orderBy('updated_at').orderBy('id').execute();
    return rows.map((r) => r.data);
  }

  return {
    async saveProposal(proposal) {
      await put(proposal.roomId, 'proposal', proposal.id, null, proposal, proposal.createdAt);
    },
    async getProposal(roomId, proposalId) {
      const row = await db
        .selectFrom('agreement_records')
        .select(['data'])
        .where('room_id', '=', roomId)
        .where('kind', '=', 'proposal')
        .where('id', '=', proposalId)
        .executeTakeFirst();
      return row ? parse(proposalSchema, row.data, 'proposal') : undefined;
    },
    async listProposals(roomId) {
      return (await list(roomId, 'proposal')).map((d) => parse(proposalSchema, d, 'proposal'));
    },
    async saveSignOff(signOff) {
      await put(signOff.roomId, 'signoff', signOff.id, signOff.partyId, signOff, signOff.signedAt);
    },
    async listSignOffs(roomId) {
      return (await list(roomId, 'signoff')).map((d) => parse(signOffSchema, d, 'sign-off'));
    },
    async savePosition(roomId, position: Position) {
      const id = positionId(position.partyId, position);
      await put(roomId, 'position', id, position.partyId, position, position.updatedAt);
    },
    async deletePosition(roomId, partyId, key) {
      const result = await db
        .deleteFrom('agreement_records')
        .where('room_id', '=', roomId)
        .where('kind', '=', 'position')
        .where('id', '=', positionId(partyId, key))
        .where('party_id', '=', partyId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async listPositions(roomId, partyId) {
      const rows = await list(roomId, 'position', partyId ?? undefined);
      return rows.map((d) => parse(positionSchema, d, 'position'));
    },
    async saveOverlapPublication(roomId, publication) {
      const id = publicationId(publication);
      await put(roomId, 'overlap', id, null, publication, publication.publishedAt);
    },
    async listOverlapPublications(roomId) {
      return (await list(roomId, 'overlap')).map((d) =>
        parse(overlapPublicationSchema, d, 'overlap publication'),
      );
    },
  };
}
