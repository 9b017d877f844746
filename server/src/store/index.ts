export { createStore } from './createStore';
export type { StoreOptions } from './createStore';
export { SQLITE_FILE_NAME } from './sqliteDatabase';
export type { SqliteSynchronous } from './sqliteDatabase';
export { StoreError } from './storeError';
export type { StoreErrorCode } from './storeError';
export type { QueryTimer } from './timing';
export type { CommentPatch, CommentStore, NotificationRecord, VisitRecord } from './commentTypes';
export type {
  AuditTip,
  ClauseLockRecord,
  DraftRecord,
  DraftVoteRecord,
  GovernanceStore,
  MediationStateRecord,
} from './governanceTypes';
export type { AgreementStore } from './agreementTypes';
export type {
  AppendUpdate,
  ClauseChange,
  DocLoad,
  MemberRecord,
  RoomRecord,
  Store,
  StoredUpdate,
} from './types';
