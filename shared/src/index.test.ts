import { describe, expect, it } from 'vitest';
import { TERMSHEET_FORMAT } from './index';

describe('shared', () => {
  it('names the term sheet format', () => {
    expect(TERMSHEET_FORMAT).toBe('parley.termsheet/v1');
  });
});
