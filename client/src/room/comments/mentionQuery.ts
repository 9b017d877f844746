// Detecting an "@name" being typed at the caret, so the composer suggests members only then and
// not for an address such as ada@example.com.
/** The "@name" being typed that ends at the caret, if any: where its "@" is and the query. */
export function mentionQuery(text: string, caret: number): { at: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@[\]()]{0,30})$/.exec(before);
  if (!match) return null;
  return { at: caret - match[2]!.length - 1, query: match[2]!.toLowerCase() };
}
