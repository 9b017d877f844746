// The room-document helpers the client uses, in one place.
export {
  exportTermSheet,
  getClauseMap,
  insertClause,
  moveClause,
  removeClause,
} from '@parley/shared/room';
