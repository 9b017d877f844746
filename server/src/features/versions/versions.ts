// Named versions of a room's sheet: the document as it stands (term sheet and value result),
// kept on demand or at the procedure's milestones, listed and read back whole.
import type { MemberClaims } from '@parley/shared/protocol';
import { can } from '@parley/shared/permissions';
import { exportTermSheet } from '@parley/shared/room';
import type { Version, VersionKind, VersionSummary } from '@parley/shared/versions';
import * as Y from 'yjs';
import { ServiceError } from '../../errors';
import { newId } from '../../ids';
import type { VersionDeps } from './deps';

/** The room's sheet now: its term sheet, value result and the stored update it includes. */
export async function currentSheet(
  deps: VersionDeps,
  roomId: string,
): Promise<{ termsheet: unknown; value: unknown; docSeq: number }> {
  const { termsheet, update, docSeq } = await deps.rooms.hold(roomId, (room) => ({
    termsheet: exportTermSheet(room.doc),
    update: Y.encodeStateAsUpdate(room.doc),
    docSeq: room.seq,
  }));
  const value = await deps.engine.run({ kind: 'value', doc: update });
  return { termsheet, value, docSeq };
}

async function keep(
  deps: VersionDeps,
  roomId: string,
  kind: VersionKind,
  name: string,
  member: MemberClaims | null,
): Promise<Version> {
  const sheet = await currentSheet(deps, roomId);
  const version = await deps.store.addVersion({
    id: newId('v'),
    roomId,
    name,
    kind,
    createdBy:
      member === null
        ? null
        : {
            memberId: member.memberId,
            name: member.name,
            role: member.role,
            partyId: member.partyId,
          },
    createdAt: deps.now(),
    ...sheet,
  });
  await deps.audit.append(roomId, {
    actorId: member?.memberId ?? null,
    action: 'version.saved',
    target: version.id,
    details: { number: version.number, kind, name },
  });
  return version;
}

function summary(version: Version): VersionSummary {
  const { termsheet: _sheet, value: _value, ...rest } = version;
  return rest;
}

/** "Save version: Sent to partner 12 Nov", by anyone who may edit the sheet. */
export async function saveVersion(
  deps: VersionDeps,
  member: MemberClaims,
  name: string,
): Promise<VersionSummary> {
  if (!can(member.role, 'edit')) {
    throw new ServiceError(
      403,
      'forbidden',
      `A ${member.role} may not save versions; organizers, negotiators and the mediator do. You may still open, compare and export them.`,
    );
  }
  return summary(await keep(deps, member.roomId, 'saved', name, member));
}

/** Keeps a milestone of the procedure; a failure is logged and never fails the milestone itself. */
export async function keepMilestone(
  deps: VersionDeps,
  event: {
    roomId: string;
    kind: Exclude<VersionKind, 'saved'>;
    actor: MemberClaims | null;
    label: string;
  },
): Promise<void> {
  try {
    await keep(deps, event.roomId, event.kind, event.label, event.actor);
  } catch (error) {
    deps.logger.error({ err: error, roomId: event.roomId }, `version at ${event.kind} not kept`);
  }
}

export async function listVersions(
  deps: VersionDeps,
  member: MemberClaims,
): Promise<VersionSummary[]> {
  return deps.store.listVersions(member.roomId);
}

export async function getVersion(
  deps: VersionDeps,
  roomId: string,
  versionId: string,
): Promise<Version> {
  const version = await deps.store.getVersion(roomId, versionId);
  if (version === undefined) {
    throw new ServiceError(
      404,
      'version-not-found',
      `There is no version "${versionId}" in this room.`,
    );
  }
  return version;
}
