// The whole store: the core slice and every feature's slice over one database, and the list of
// migrations in the order they apply. Services never take this whole; each names its slices.
import type { Migration } from 'kysely/migration';
import type { AgreementStore, AgreementTables } from '../features/agreement';
import { agreementMigration } from '../features/agreement';
import type { AuditStore, AuditTables } from '../features/audit';
import { auditKeyedChainMigration, createAuditTables } from '../features/audit';
import type { CommentStore, CommentTables } from '../features/comments';
import { commentsMigration } from '../features/comments';
import type { GovernanceStore, GovernanceTables } from '../features/governance';
import { addAgreementFreeze, createGovernanceTables } from '../features/governance';
import type { VersionStore, VersionTables } from '../features/versions';
import { versionsMigration } from '../features/versions';
import { createCoreTables } from './coreMigration';
import { createMemberSeats } from './memberSeatsMigration';
import type { CoreTables } from './coreSchema';
import type { DocStore, MemberStore, RoomStore, StoreKind } from './types';

export type Database = CoreTables &
  CommentTables &
  GovernanceTables &
  AuditTables &
  AgreementTables &
  VersionTables;

export interface Store
  extends
    RoomStore,
    DocStore,
    MemberStore,
    CommentStore,
    GovernanceStore,
    AuditStore,
    AgreementStore,
    VersionStore {
  readonly kind: StoreKind;
  /** Creates or upgrades the schema; safe to run at every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Listed here rather than discovered on disk, so they run the same from sources, tests and any
 * bundle. Names sort in the order they apply; never edit or rename one that has shipped.
 */
export function migrations(kind: StoreKind): Record<string, Migration> {
  return {
    '0001_rooms_members_documents': { up: (db) => createCoreTables(db, kind) },
    '0002_comments': commentsMigration,
    '0003_mediation_governance': {
      async up(db) {
        await createAuditTables(db);
        await createGovernanceTables(db, kind);
      },
    },
    '0004_mediation_agreement': agreementMigration,
    '0005_audit_keyed_chains': auditKeyedChainMigration,
    '0006_agreement_freeze': { up: addAgreementFreeze },
    '0007_member_seats_consent': { up: (db) => createMemberSeats(db) },
    '0008_sheet_versions': versionsMigration,
  };
}
