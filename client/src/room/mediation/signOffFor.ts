// Which sign-off speaks for a party on a clause: sign-offs are never deleted, only voided, so a
// party may have several; the chip and the matrix both show the one that counts.
import type { SignOff } from '@parley/shared/mediation';

/** The party's valid sign-off on the clause, or else its latest voided one. */
export function signOffFor(
  signOffs: SignOff[],
  clauseId: string,
  partyId: string,
): SignOff | undefined {
  const all = signOffs.filter((s) => s.clauseId === clauseId && s.partyId === partyId);
  return all.find((s) => s.voidedAt === null) ?? all[all.length - 1];
}
