import { describe, expect, it } from 'vitest';
import { findParamRefs, resolveParamPath } from './param-refs';

describe('parameter references', () => {
  it('finds {{param:PATH}} mentions in order, once each', () => {
    const text =
      'Pay {{param:fixed.csp}} % and {{param:streams.0.unitPrice}}; again {{param:fixed.csp}}. {{ param:x }}';
    expect(findParamRefs(text)).toEqual(['fixed.csp', 'streams.0.unitPrice', 'x']);
    expect(findParamRefs('no references, {{param:}} nor {param:x}')).toEqual([]);
  });

  it('resolves dotted paths through objects and arrays', () => {
    const params = { streams: [{ unitPrice: 900, requires: [] }], fixed: { csp: 40 }, zero: 0 };
    expect(resolveParamPath(params, 'streams.0.unitPrice')).toBe(900);
    expect(resolveParamPath(params, 'fixed.csp')).toBe(40);
    expect(resolveParamPath(params, 'zero')).toBe(0);
    expect(resolveParamPath(params, 'streams.0.requires')).toEqual([]);
  });

  it('returns undefined for anything absent, including inherited properties', () => {
    const params = { streams: [{ unitPrice: 900 }], fixed: { csp: 40 } };
    expect(resolveParamPath(params, 'streams.1.unitPrice')).toBeUndefined();
    expect(resolveParamPath(params, 'streams.x')).toBeUndefined();
    expect(resolveParamPath(params, 'fixed.csp.more')).toBeUndefined();
    expect(resolveParamPath(params, 'fixed.constructor')).toBeUndefined();
    expect(resolveParamPath(params, 'streams.length')).toBeUndefined();
    expect(resolveParamPath(params, '')).toBeUndefined();
    expect(resolveParamPath(null, 'a')).toBeUndefined();
  });
});
