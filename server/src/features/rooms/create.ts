// Creating a room: from a template, an imported term sheet or a blank sheet, checked by the
// engine's validation before anything is stored.
import * as Y from 'yjs';
import { roomLink } from '@parley/shared/protocol';
import { createRoomDoc } from '@parley/shared/room';
import { isTemplateId, templateIds, templates } from '@parley/shared/templates';
import { TERMSHEET_FORMAT_V1, validateTermSheet } from '@parley/shared/termsheet';
import type { CreateRoomRequest, CreateRoomResponse } from '@parley/shared/protocol';
import type { TermSheet } from '@parley/shared/termsheet';
import { ServiceError } from '../../errors';
import { newId, newRoomId } from '../../ids';
import type { RoomsDeps } from './deps';

/** The term sheet of a room created with neither a template nor an import. */
function blankTermSheet(title: string): unknown {
  return {
    format: TERMSHEET_FORMAT_V1,
    title,
    ecosystem: 'custom',
    currency: 'EUR',
    parties: [{ id: 'party-1', name: 'Party 1', role: 'network', lead: true }],
    assumptions: {
      periods: 12,
      periodUnit: 'quarter',
      discountRatePct: 8,
      scenarios: [{ id: 'base', name: 'Base', drivers: {} }],
    },
    clauses: [],
  };
}

/** Picks and checks the term sheet a new room starts from. */
export function initialTermSheet(request: CreateRoomRequest): TermSheet {
  let source: unknown;
  if (request.template !== undefined) {
    if (!isTemplateId(request.template)) {
      throw new ServiceError(
        400,
        'unknown-template',
        `There is no template "${request.template}"; choose one of ${templateIds.join(', ')}.`,
      );
    }
    source = templates[request.template];
  } else if (request.termsheet !== undefined) {
    source = request.termsheet;
  } else {
    source = blankTermSheet(request.title);
  }
  const { termsheet, issues } = validateTermSheet(source);
  const errors = issues.filter((issue) => issue.severity === 'error');
  const tooLarge = errors.find((issue) => issue.code === 'sheet-too-large');
  if (tooLarge !== undefined) {
    throw new ServiceError(413, 'sheet-too-large', `${tooLarge.message}.`, { issues });
  }
  if (termsheet === null || errors.length > 0) {
    throw new ServiceError(
      400,
      'invalid-termsheet',
      errors.length > 0
        ? `The term sheet has ${errors.length} error(s): ${errors
            .slice(0, 3)
            .map((issue) => `${issue.path}: ${issue.message}`)
            .join('; ')}`
        : 'The term sheet is not a parley.termsheet/v1 document.',
      { issues },
    );
  }
  return { ...termsheet, title: request.title };
}

/** The party the organizer speaks for: the lead party, else the first one. */
function organizerParty(termsheet: TermSheet): string | null {
  const lead = termsheet.parties.find((party) => party.lead === true);
  return (lead ?? termsheet.parties[0])?.id ?? null;
}

export async function createRoom(
  ctx: RoomsDeps,
  request: CreateRoomRequest,
): Promise<CreateRoomResponse> {
  const termsheet = initialTermSheet(request);
  const doc = createRoomDoc(termsheet);
  const initialUpdate = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const now = ctx.now();
  const roomId = newRoomId();
  const organizer = {
    id: newId('m'),
    roomId,
    name: request.organizerName ?? 'Organizer',
    role: 'organizer' as const,
    partyId: organizerParty(termsheet),
    createdAt: now,
    revokedAt: null,
  };
  // The creator has joined with the room: their token is a session, not an invitation.
  const sessionId = newId('s');
  await ctx.store.createRoom(
    { id: roomId, title: request.title, createdAt: now },
    initialUpdate,
    organizer,
    sessionId,
  );
  await ctx.audit.recordRoomCreated(roomId, {
    memberId: organizer.id,
    partyId: organizer.partyId,
  });
  const organizerToken = await ctx.tokens.signSession(organizer, sessionId);
  return { roomId, organizerToken, url: roomLink(ctx.publicUrl(), roomId, organizerToken) };
}
