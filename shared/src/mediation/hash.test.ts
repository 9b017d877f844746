// Content hashes: independent of key order, plain SHA-256, and binding a clause's kind, title,
// text and params but not its id.
import { describe, expect, it } from 'vitest';
import { canonicalJson, clauseContentHash, clauseHashes, sha256Hex } from './hash';

describe('content hashes', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(canonicalJson(-0)).toBe('0');
  });

  it('is SHA-256', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('binds kind, title, text and params of a clause, not its id', () => {
    const clause = { id: 'a', kind: 'scope', title: 'Scope', text: 'x', params: { n: 1 } };
    const hash = clauseContentHash(clause);
    expect(clauseContentHash({ ...clause, id: 'b' })).toBe(hash);
    for (const change of [{ kind: 'term' }, { title: 'S' }, { text: 'y' }, { params: { n: 2 } }]) {
      expect(clauseContentHash({ ...clause, ...change })).not.toBe(hash);
    }
    expect(clauseHashes({ clauses: [clause, { ...clause, text: 'other' }] })).toEqual({ a: hash });
  });
});
