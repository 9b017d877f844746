// Roles and what each may do, and the colours members and parties are shown in.
export { roleHasParty, roleIds, roleSchema } from './roles';
export type { Role } from './roles';
export { can, canEditDocument, caucusScope } from './matrix';
export { memberColor, partyColor } from './colors';
