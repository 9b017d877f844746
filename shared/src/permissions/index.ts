export { roleIds, roleSchema, roleHasParty } from './roles';
export type { Role } from './roles';
export { actionIds, can, canEditDocument, caucusScope } from './matrix';
export type { Action, PermissionContext } from './matrix';
export { partyPalette, mediatorColor, observerColor, partyColor, memberColor } from './colors';
