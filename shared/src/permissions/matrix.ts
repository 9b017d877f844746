// The permission matrix: which role may do which action. The server enforces this one table, and
// the client reads it to offer a member only what they may do.
import type { Role } from './roles';

/** The actions of the permission matrix, enforced by the server. */
export const actionIds = [
  'read',
  'edit',
  'comment',
  'comment-party',
  'caucus',
  'propose',
  'accept',
  'sign-off',
  'lock',
  'manage-invites',
  'propose-appointment',
  'consent',
] as const;

export type Action = (typeof actionIds)[number];

export interface PermissionContext {
  /** Whether a mediator is a member of the room: an organizer may lock clauses only without one. */
  mediatorPresent?: boolean;
}

type Rule = boolean | ((context: PermissionContext) => boolean);

const matrix: Record<Action, Record<Role, Rule>> = {
  read: { organizer: true, negotiator: true, viewer: true, mediator: true, observer: true },
  edit: { organizer: true, negotiator: true, viewer: false, mediator: true, observer: false },
  comment: { organizer: true, negotiator: true, viewer: true, mediator: true, observer: false },
  'comment-party': {
    organizer: true,
    negotiator: true,
    viewer: true,
    mediator: false,
    observer: false,
  },
  caucus: { organizer: true, negotiator: true, viewer: true, mediator: true, observer: false },
  propose: { organizer: true, negotiator: true, viewer: false, mediator: true, observer: false },
  accept: { organizer: true, negotiator: true, viewer: false, mediator: false, observer: false },
  'sign-off': {
    organizer: true,
    negotiator: true,
    viewer: false,
    mediator: false,
    observer: false,
  },
  lock: {
    organizer: (context) => context.mediatorPresent !== true,
    negotiator: false,
    viewer: false,
    mediator: true,
    observer: false,
  },
  /** Own party's members only; the room's creator also seats parties nobody joined yet. */
  'manage-invites': {
    organizer: true,
    negotiator: false,
    viewer: false,
    mediator: false,
    observer: false,
  },
  /** Propose a mediator or observer; the proposer's party consents by proposing. */
  'propose-appointment': {
    organizer: true,
    negotiator: false,
    viewer: false,
    mediator: false,
    observer: false,
  },
  /** Accept, decline or withdraw the own party's consent to a mediator or observer. */
  consent: {
    organizer: true,
    negotiator: false,
    viewer: false,
    mediator: false,
    observer: false,
  },
};

export function can(role: Role, action: Action, context: PermissionContext = {}): boolean {
  const rule = matrix[action][role];
  return typeof rule === 'function' ? rule(context) : rule;
}

/** Whether the role may write to the shared document (Yjs updates). */
export function canEditDocument(role: Role): boolean {
  return can(role, 'edit');
}

/** Whom a role may caucus with: party members only for their own party, the mediator with any. */
export function caucusScope(role: Role): 'own-party' | 'any-party' | null {
  if (!can(role, 'caucus')) return null;
  return role === 'mediator' ? 'any-party' : 'own-party';
}
