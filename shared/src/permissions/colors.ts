// The colours members are shown in: one per party, fixed by the party's position so everyone sees
// the same party in the same colour, and neutral ones for the mediator and observers.
import type { Role } from './roles';

/** Distinct, readable on white, and stable: party i always gets the same colour in every room. */
export const partyPalette = [
  '#2563eb',
  '#d97706',
  '#059669',
  '#db2777',
  '#7c3aed',
  '#0891b2',
  '#dc2626',
  '#65a30d',
  '#9333ea',
  '#ea580c',
  '#0d9488',
  '#c026d3',
  '#4f46e5',
  '#ca8a04',
  '#16a34a',
  '#e11d48',
] as const;

export const mediatorColor = '#475569';
export const observerColor = '#94a3b8';

export function partyColor(partyIndex: number): string {
  const size = partyPalette.length;
  const index = ((Math.trunc(partyIndex) % size) + size) % size;
  return partyPalette[index] ?? partyPalette[0];
}

/** A member's colour: their party's, or the neutral colour of their role when they have no party. */
export function memberColor(role: Role, partyIndex: number | null): string {
  if (role === 'mediator') return mediatorColor;
  if (role === 'observer' || partyIndex === null || partyIndex < 0) return observerColor;
  return partyColor(partyIndex);
}
