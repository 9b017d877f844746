// A room's seats as the rules see them: the members with their seats, the parties of the live
// term sheet and the consent decisions, read once per request, with who may manage which seat.
import { roleHasParty } from '@parley/shared/permissions';
import type { Appointment, ConsentState, MemberInfo, MemberRef } from '@parley/shared/protocol';
import { readRoomParties } from '@parley/shared/room';
import type { DocParty } from '@parley/shared/room';
import type { ConsentRecord, SeatedMember } from '../../store/types';
import { consentState, consentingParties } from './consentState';
import type { MembersDeps } from './deps';

export class Seating {
  constructor(
    readonly roomId: string,
    readonly members: readonly SeatedMember[],
    readonly sheetParties: readonly DocParty[],
    readonly consents: readonly ConsentRecord[],
  ) {}

  member(memberId: string): SeatedMember | undefined {
    return this.members.find((m) => m.id === memberId);
  }

  partyName(partyId: string): string {
    return this.sheetParties.find((p) => p.id === partyId)?.name ?? partyId;
  }

  /** Whether anyone of the party ever used an invitation: from then on the party seats itself. */
  partyJoined(partyId: string): boolean {
    return this.members.some((m) => m.partyId === partyId && m.seat.joinedAt !== null);
  }

  /**
   * Who may invite, change and revoke a party's members: that party's organizers, and the room's
   * creator (still an organizer) as long as nobody of the party has joined.
   */
  managesParty(caller: SeatedMember, partyId: string): boolean {
    if (caller.role !== 'organizer' || caller.revokedAt !== null) return false;
    if (caller.partyId === partyId) return true;
    return caller.seat.creator && !this.partyJoined(partyId);
  }

  /** The members an organizer's list shows: the seats they manage, and every appointment. */
  visibleTo(caller: SeatedMember, member: SeatedMember): boolean {
    return member.partyId === null || this.managesParty(caller, member.partyId);
  }

  /** The parties an organizer may invite for, in the order of the sheet. */
  invitableParties(caller: SeatedMember): string[] {
    return this.sheetParties.map((p) => p.id).filter((id) => this.managesParty(caller, id));
  }

  /** The organizers who hear about a seat: those who manage it (every organizer for an appointment). */
  managersOf(member: Pick<SeatedMember, 'partyId'>): SeatedMember[] {
    return this.members.filter((m) =>
      member.partyId === null
        ? m.role === 'organizer' && m.revokedAt === null
        : this.managesParty(m, member.partyId),
    );
  }

  consentingParties(): string[] {
    return consentingParties(
      this.sheetParties.map((p) => p.id),
      this.members,
    );
  }

  consentOf(memberId: string): ConsentState {
    return consentState(
      this.consentingParties(),
      this.consents.filter((c) => c.memberId === memberId),
    );
  }

  ref(memberId: string | null): MemberRef | null {
    if (memberId === null) return null;
    const member = this.member(memberId);
    return { id: memberId, name: member?.name ?? 'A former member' };
  }

  /** A member with their seat, as the member list shows them. */
  info(member: SeatedMember): MemberInfo {
    return {
      id: member.id,
      name: member.name,
      role: member.role,
      partyId: member.partyId,
      createdAt: member.createdAt,
      revokedAt: member.revokedAt,
      invitedBy: this.ref(member.seat.invitedBy),
      joinedAt: member.seat.joinedAt,
      status:
        member.revokedAt !== null
          ? 'revoked'
          : member.seat.joinedAt !== null
            ? 'joined'
            : 'invited',
      reuseRefusedAt: member.seat.reuseRefusedAt,
      ...(roleHasParty(member.role) ? {} : { consent: this.consentOf(member.id) }),
    };
  }

  appointment(member: SeatedMember): Appointment {
    const decisions = this.consents.filter((c) => c.memberId === member.id);
    const proposer =
      member.seat.invitedBy === null ? undefined : this.member(member.seat.invitedBy);
    return {
      memberId: member.id,
      name: member.name,
      role: member.role,
      proposedBy:
        member.seat.invitedBy === null
          ? null
          : {
              id: member.seat.invitedBy,
              name: proposer?.name ?? 'A former member',
              partyId: proposer?.partyId ?? null,
            },
      createdAt: member.createdAt,
      joinedAt: member.seat.joinedAt,
      state: this.consentOf(member.id),
      parties: this.consentingParties().map((partyId) => {
        const decision = decisions.find((d) => d.partyId === partyId);
        return {
          partyId,
          decision: decision?.decision ?? null,
          decidedBy: decision ? this.ref(decision.decidedBy) : null,
          decidedAt: decision?.decidedAt ?? null,
        };
      }),
    };
  }

  /** Appointments still standing (not revoked), oldest first. */
  appointments(): Appointment[] {
    return this.members
      .filter((m) => !roleHasParty(m.role) && m.revokedAt === null)
      .map((m) => this.appointment(m));
  }
}

export async function loadSeating(
  ctx: {
    store: Pick<MembersDeps['store'], 'listSeatedMembers' | 'listConsents'>;
    rooms: Pick<MembersDeps['rooms'], 'getDoc'>;
  },
  roomId: string,
): Promise<Seating> {
  const [members, doc, consents] = await Promise.all([
    ctx.store.listSeatedMembers(roomId),
    ctx.rooms.getDoc(roomId),
    ctx.store.listConsents(roomId),
  ]);
  return new Seating(roomId, members, readRoomParties(doc), consents);
}
