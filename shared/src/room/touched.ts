// Which clauses a transaction or an update touches: to attribute changes to clauses, and to refuse
// an update to a locked clause before it is stored.
import * as Y from 'yjs';
import { ASSUMPTIONS, CLAUSES, CLAUSE_ORDER, META } from './layout';

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

/** The root names a room document has; anything else is outside its layout. */
export const DOC_ROOTS: readonly string[] = [META, ASSUMPTIONS, CLAUSE_ORDER, CLAUSES];

/** Everything a transaction changed, by part of the room document. */
export interface DocEffect {
  /** Clauses whose content changed, or that were added or removed (sorted). */
  clauses: string[];
  clauseOrder: boolean;
  /** Top-level keys of the sheet's header (`meta`) that changed (sorted). */
  meta: string[];
  assumptions: boolean;
  /** Roots outside the room document's layout that the transaction wrote to (sorted). */
  unknownRoots: string[];
}

/** The root type `type` lives under, or null for a type not attached to a document. */
function rootOf(type: SharedType): SharedType | null {
  let current: SharedType = type;
  for (;;) {
    const item = current._item;
    if (item === null) return current.doc === null ? null : current;
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    current = parent;
  }
}

/** The key under the root map that `type` hangs from (the root itself: null). */
function topKeyOf(type: SharedType): string | null {
  let current: SharedType = type;
  let key: string | null = null;
  for (;;) {
    const item = current._item;
    if (item === null) return key;
    key = typeof item.parentSub === 'string' ? item.parentSub : null;
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    current = parent;
  }
}

/** What a transaction changed: clauses, order, header keys, assumptions, foreign roots. */
export function docEffectOf(transaction: Y.Transaction): DocEffect {
  const meta = new Set<string>();
  const unknown = new Set<string>();
  let assumptions = false;
  for (const [type, keys] of transaction.changed) {
    const root = rootOf(type);
    if (root === null) continue;
    const name = Y.findRootTypeKey(root as Y.AbstractType<unknown>);
    if (!DOC_ROOTS.includes(name)) {
      unknown.add(name);
    } else if (name === META) {
      if (root === type) {
        for (const key of keys) if (typeof key === 'string') meta.add(key);
      } else {
        const key = topKeyOf(type);
        if (key !== null) meta.add(key);
      }
    } else if (name === ASSUMPTIONS) {
      assumptions = true;
    }
  }
  return {
    clauses: clausesTouchedBy(transaction),
    clauseOrder: clauseOrderTouchedBy(transaction),
    meta: [...meta].sort(),
    assumptions,
    unknownRoots: [...unknown].sort(),
  };
}

/**
 * What applying `update` to `doc` would change, found on a copy so that `doc` stays as it is
 * (e.g. to refuse an update that touches a locked clause before it is stored). Throws if the
 * update cannot be decoded.
 */
export function clausesTouchedByUpdate(doc: Y.Doc, update: Uint8Array): UpdateEffect {
  const { clauses, clauseOrder } = docEffectOfUpdate(doc, update);
  return { clauses, clauseOrder };
}

/** Everything applying `update` to `doc` would change, found on a copy (see docEffectOf). */
export function docEffectOfUpdate(doc: Y.Doc, update: Uint8Array): DocEffect {
  const copy = new Y.Doc({ gc: false });
  copy.getMap(CLAUSES);
  copy.getArray(CLAUSE_ORDER);
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  // Updates still waiting for a missing predecessor are not in the state; the update under test
  // may be that predecessor, in which case applying it integrates them too.
  if (doc.store.pendingStructs) Y.applyUpdate(copy, doc.store.pendingStructs.update);
  if (doc.store.pendingDs) Y.applyUpdate(copy, doc.store.pendingDs);
  const effects: DocEffect[] = [];
  copy.on('afterTransaction', (transaction: Y.Transaction) => {
    effects.push(docEffectOf(transaction));
  });
  Y.applyUpdate(copy, update);
  copy.destroy();
  return mergeEffects(effects);
}

/** One effect for several transactions. */
export function mergeEffects(effects: readonly DocEffect[]): DocEffect {
  const union = (pick: (e: DocEffect) => readonly string[]) =>
    [...new Set(effects.flatMap(pick))].sort();
  return {
    clauses: union((e) => e.clauses),
    clauseOrder: effects.some((e) => e.clauseOrder),
    meta: union((e) => e.meta),
    assumptions: effects.some((e) => e.assumptions),
    unknownRoots: union((e) => e.unknownRoots),
  };
}
