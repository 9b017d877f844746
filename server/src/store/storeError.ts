// The store's own refusals (unknown room, bad seq, bad input), a class of their own so callers can
// tell a refused call from a database failure.
export type StoreErrorCode = 'unknown-room' | 'bad-seq' | 'bad-input';

/** A refusal by the store itself (as opposed to a database failure, which propagates as is). */
export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
  }
}
