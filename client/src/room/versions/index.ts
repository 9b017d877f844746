// Versions, compare and export in the room: the header tools and their panels.
export { LawyerTools } from './LawyerTools';
