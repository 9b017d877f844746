// Which clauses a transaction or an update touches: to attribute changes to clauses, and to refuse
// an update to a locked clause before it is stored.
import * as Y from 'yjs';
import { CLAUSES, CLAUSE_ORDER } from './layout';

// Any shared type, whatever its event type.
type SharedType = Pick<Y.AbstractType<unknown>, '_item' | 'doc'>;

function isRoot(type: SharedType, name: string): boolean {
  const doc = type.doc;
  return (
    type._item === null && doc !== null && (doc.share.get(name) as SharedType | undefined) === type
  );
}

/** The id of the clause that `type` belongs to, or null when it is outside every clause. */
function clauseIdOf(type: SharedType): string | null {
  let current: SharedType = type;
  for (;;) {
    const item = current._item;
    if (item === null) return null;
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    if (isRoot(parent, CLAUSES)) return typeof item.parentSub === 'string' ? item.parentSub : null;
    current = parent;
  }
}

/**
 * Ids of the clauses whose content (title, body, params, other fields, or the clause itself being
 * added or removed) the transaction changed, sorted. Moving a clause changes only clauseOrder and
 * touches no clause.
 */
export function clausesTouchedBy(transaction: Y.Transaction): string[] {
  const touched = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    if (isRoot(type, CLAUSES)) {
      for (const key of keys) if (typeof key === 'string') touched.add(key);
      continue;
    }
    const id = clauseIdOf(type);
    if (id !== null) touched.add(id);
  }
  return [...touched].sort();
}

/** True when the transaction changed the clause order (a move, insert or removal). */
export function clauseOrderTouchedBy(transaction: Y.Transaction): boolean {
  for (const type of transaction.changed.keys()) if (isRoot(type, CLAUSE_ORDER)) return true;
  return false;
}

export type UpdateEffect = { clauses: string[]; clauseOrder: boolean };

/**
 * What applying `update` to `doc` would change, found on a copy so that `doc` stays as it is
 * (e.g. to refuse an update that touches a locked clause before it is stored). Throws if the
 * update cannot be decoded.
 */
export function clausesTouchedByUpdate(doc: Y.Doc, update: Uint8Array): UpdateEffect {
  const copy = new Y.Doc({ gc: false });
  copy.getMap(CLAUSES);
  copy.getArray(CLAUSE_ORDER);
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  // Updates still waiting for a missing predecessor are not in the state; the update under test
  // may be that predecessor, in which case applying it integrates them too.
  if (doc.store.pendingStructs) Y.applyUpdate(copy, doc.store.pendingStructs.update);
  if (doc.store.pendingDs) Y.applyUpdate(copy, doc.store.pendingDs);
  const clauses = new Set<string>();
  let clauseOrder = false;
  copy.on('afterTransaction', (transaction: Y.Transaction) => {
    for (const id of clausesTouchedBy(transaction)) clauses.add(id);
    if (clauseOrderTouchedBy(transaction)) clauseOrder = true;
  });
  Y.applyUpdate(copy, update);
  copy.destroy();
  return { clauses: [...clauses].sort(), clauseOrder };
}
