// Group commit for document updates: appends that arrive while a commit runs wait and go into the
// next transaction together, whatever room they belong to, so many rooms writing at once pay one
// commit instead of one each; every append still resolves only once its transaction committed.
import type { AppendUpdate } from './types';

/** Commits a batch; one result per item: its seq, or the error that refused that item alone. */
export type CommitBatch = (items: readonly AppendUpdate[]) => Promise<(number | Error)[]>;

interface Waiting {
  item: AppendUpdate;
  resolve(seq: number): void;
  reject(error: unknown): void;
}

export class GroupCommit {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(private readonly commit: CommitBatch) {}

  append(item: AppendUpdate): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      // Appends made in the same turn join the first one's transaction.
      if (!this.running) {
        this.running = true;
        queueMicrotask(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        const results = await this.commit(batch.map((w) => w.item));
        batch.forEach((w, i) => {
          const result = results[i];
          if (typeof result === 'number') w.resolve(result);
          else w.reject(result ?? new Error('the batch gave no result for this update'));
        });
      } catch (error) {
        // The transaction did not commit: nothing of the batch is stored.
        for (const w of batch) w.reject(error);
      }
    }
    this.running = false;
  }
}
