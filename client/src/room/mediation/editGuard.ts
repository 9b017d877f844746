// Asks before an edit voids sign-offs: which ones an edit would void, and a small store holding
// the edit that waits for the member's answer, so that nobody voids signatures unawares.
import type { SignOff } from '@parley/shared/mediation';
import { createStore } from '../../lib/store';
import type { ReadStore, StoreApi } from '../../lib/store';

/**
 * What an edit touches: one clause's content (text, title or parameters), or the sheet's header
 * or assumptions (`clauseId: null`). `valueMoves` says whether it changes the value result, which
 * every sign-off is bound to.
 */
export interface GuardedEdit {
  clauseId: string | null;
  valueMoves: boolean;
}

/** The sign-offs that still hold and that this edit would void. */
export function affectedSignOffs(signOffs: readonly SignOff[], edit: GuardedEdit): SignOff[] {
  const valid = signOffs.filter((s) => s.voidedAt === null);
  if (edit.clauseId === null || edit.valueMoves) return valid;
  return valid.filter((s) => s.clauseId === edit.clauseId);
}

export interface PendingEdit {
  edit: GuardedEdit;
  affected: SignOff[];
  /** Makes the edit once confirmed; absent when the edit was typing, which the member repeats. */
  run: (() => void) | null;
}

/**
 * The member's gate before voiding sign-offs. An edit that would void none goes straight
 * through; otherwise it waits in `state.pending` until the member confirms or cancels. Once
 * confirmed, the same sign-offs are not asked about again.
 */
export class EditGuard {
  private readonly store: StoreApi<{ pending: PendingEdit | null }> = createStore<{
    pending: PendingEdit | null;
  }>()(() => ({ pending: null }));
  readonly state: ReadStore<{ pending: PendingEdit | null }> = this.store;
  private readonly confirmed = new Set<string>();

  constructor(private readonly signOffs: () => readonly SignOff[]) {}

  /** Runs `run` now and answers true, or asks first and answers false. */
  request(edit: GuardedEdit, run: (() => void) | null = null): boolean {
    const affected = affectedSignOffs(this.signOffs(), edit);
    if (affected.every((s) => this.confirmed.has(s.id))) {
      run?.();
      return true;
    }
    // One question at a time: keystrokes arriving while the dialog is open are dropped.
    if (this.store.getState().pending === null) {
      this.store.setState({ pending: { edit, affected, run } });
    }
    return false;
  }

  confirm(): void {
    const pending = this.store.getState().pending;
    if (!pending) return;
    for (const s of pending.affected) this.confirmed.add(s.id);
    this.store.setState({ pending: null });
    pending.run?.();
  }

  cancel(): void {
    this.store.setState({ pending: null });
  }
}
