// The parameters a comment can be about: every leaf of a clause's params as a dotted path, lists
// of plain values kept whole.
/** Dotted paths of every leaf value in a clause's params, for the "about a parameter" picker. */
export function paramLeafPaths(params: unknown, prefix = ''): string[] {
  if (Array.isArray(params)) {
    if (params.every((v) => typeof v !== 'object' || v === null)) return prefix ? [prefix] : [];
    return params.flatMap((v, i) => paramLeafPaths(v, prefix ? `${prefix}.${i}` : String(i)));
  }
  if (typeof params === 'object' && params !== null) {
    return Object.entries(params).flatMap(([key, v]) =>
      paramLeafPaths(v, prefix ? `${prefix}.${key}` : key),
    );
  }
  return prefix ? [prefix] : [];
}
