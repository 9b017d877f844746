export { roleIds, roleHasParty } from './roles';
export type { Role } from './roles';
export { can, canEditDocument, caucusScope } from './matrix';

export { partyColor, memberColor } from './colors';
