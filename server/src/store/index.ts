// The store: SQLite or PostgreSQL behind one set of slices.
export { createStore } from './createStore';
export type { StoreOptions } from './createStore';
export { SQLITE_FILE_NAME } from './sqliteDatabase';
export type { SqliteSynchronous } from './sqliteDatabase';
export { StoreError } from './storeError';
export type { StoreErrorCode } from './storeError';
export type { QueryTimer } from './timing';
export type { Database, Store } from './store';
export type {
  AppendUpdate,
  ClauseChange,
  ConsentRecord,
  DocLoad,
  DocStore,
  MemberRecord,
  MemberSeatStore,
  MemberStore,
  RoomRecord,
  RoomStore,
  SeatRecord,
  SeatedMember,
  StoredUpdate,
  StoreKind,
} from './types';
