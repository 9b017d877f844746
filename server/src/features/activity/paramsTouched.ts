// Which clauses' parameters a Yjs transaction changed, found by walking each changed type up to
// its clause: text typing touches a clause but not its params, and costs no diff.
import * as Y from 'yjs';

const CLAUSES = 'clauses';
const PARAMS = 'params';

type SharedType = Y.AbstractType<unknown>;

function isClausesRoot(type: SharedType): boolean {
  const doc = type.doc;
  return type._item === null && doc !== null && doc.share.get(CLAUSES) === type;
}

/**
 * The ids of clauses whose params map (or anything inside it) the transaction changed, and of
 * clauses it added or removed (their params appear or go as a whole).
 */
export function clausesWithParamChanges(transaction: Y.Transaction): Set<string> {
  const out = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    const changed = type as SharedType;
    if (isClausesRoot(changed)) {
      for (const key of keys) if (typeof key === 'string') out.add(key);
      continue;
    }
    // Walk up, remembering under which key of its parent each step sits.
    let current: SharedType = changed;
    let childKey: string | null = null;
    let changedKeys: Set<string | null> | null = keys;
    for (;;) {
      const item = current._item;
      if (item === null) break;
      const parent = item.parent;
      if (!(parent instanceof Y.AbstractType)) break;
      if (isClausesRoot(parent)) {
        // `current` is a clause map: its params changed if the walk came through "params", or the
        // clause map itself changed its "params" key.
        const viaParams = childKey === PARAMS || (changedKeys !== null && changedKeys.has(PARAMS));
        if (viaParams && typeof item.parentSub === 'string') out.add(item.parentSub);
        break;
      }
      childKey = typeof item.parentSub === 'string' ? item.parentSub : null;
      changedKeys = null;
      current = parent as SharedType;
    }
  }
  return out;
}
