// Close reasons fit the 123 bytes a WebSocket close frame carries.
import { describe, expect, it } from 'vitest';
import { closeReason, MAX_CLOSE_REASON_BYTES } from './close-codes';

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('closeReason', () => {
  it('keeps a short reason as it is', () => {
    expect(closeReason('too many messages')).toBe('too many messages');
  });

  it('cuts a long reason to the frame limit and marks the cut', () => {
    const reason = closeReason(`malformed message: ${'x'.repeat(300)}`);
    expect(bytes(reason)).toBeLessThanOrEqual(MAX_CLOSE_REASON_BYTES);
    expect(reason.startsWith('malformed message: xxx')).toBe(true);
    expect(reason.endsWith('…')).toBe(true);
  });

  it('never splits a character of several bytes', () => {
    const reason = closeReason('é'.repeat(200));
    expect(bytes(reason)).toBeLessThanOrEqual(MAX_CLOSE_REASON_BYTES);
    expect(reason).toMatch(/^é+…$/);
  });
});
