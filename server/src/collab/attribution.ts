import type * as Y from 'yjs';

type AnyType = Y.AbstractType<Y.YEvent<never>>;

/**
 * Ids of the clauses whose content a transaction changed: every changed type is walked up to
 * the clause map it lives in, directly under the room's `clauses` map.
 */
export function clausesTouchedByTransaction(transaction: Y.Transaction): string[] {
  const clauses = transaction.doc.getMap('clauses') as unknown as AnyType;
  const ids = new Set<string>();
  for (const [changed, subs] of transaction.changed) {
    const type = changed as unknown as AnyType;
    if (type === clauses) {
      for (const sub of subs) if (sub !== null) ids.add(sub);
      continue;
    }
    let current: AnyType = type;
    while (current._item !== null) {
      const item: Y.Item = current._item;
      if (item.parent === clauses) {
        if (item.parentSub !== null) ids.add(item.parentSub);
        break;
      }
      current = item.parent as AnyType;
    }
  }
  return [...ids].sort();
}
