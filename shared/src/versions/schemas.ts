// Named versions of a room's sheet and what clients send to save, compare, restore and export
// them, over Socket.IO and REST alike.
import { z } from 'zod';

const MAX_ID = 200;
export const MAX_VERSION_NAME = 120;

/** Why a version exists: saved by someone, or kept by the server at a milestone. */
export const versionKinds = ['saved', 'draft', 'agreement', 'reopen'] as const;
export const versionKindSchema = z.enum(versionKinds);
export type VersionKind = z.infer<typeof versionKindSchema>;

export const versionAuthorSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  role: z.string(),
  partyId: z.string().nullable(),
});
export type VersionAuthor = z.infer<typeof versionAuthorSchema>;

/** A version as the timeline lists it. */
export const versionSummarySchema = z.object({
  id: z.string(),
  roomId: z.string(),
  /** 1, 2, 3… in the order the room's versions were kept. */
  number: z.number().int().positive(),
  name: z.string(),
  kind: versionKindSchema,
  /** null for a milestone the server kept on nobody's behalf. */
  createdBy: versionAuthorSchema.nullable(),
  createdAt: z.number(),
  /** The newest stored document update the version includes. */
  docSeq: z.number().int().nonnegative(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

/** A whole version: the term sheet as it was (`parley.termsheet/v1`) and its value result. */
export const versionSchema = versionSummarySchema.extend({
  termsheet: z.unknown(),
  value: z.unknown(),
});
export type Version = z.infer<typeof versionSchema>;

export const saveVersionRequestSchema = z.object({
  name: z.string().trim().min(1, 'a version needs a name').max(MAX_VERSION_NAME),
});
export type SaveVersionRequest = z.infer<typeof saveVersionRequestSchema>;

export const versionRefSchema = z.object({ versionId: z.string().min(1).max(MAX_ID) });
export type VersionRef = z.infer<typeof versionRefSchema>;

/** The current document instead of a stored version. */
export const NOW = 'now';

export const compareQuerySchema = z.object({
  from: z.string().min(1).max(MAX_ID),
  to: z.string().min(1).max(MAX_ID).default(NOW),
});
export type CompareQuery = z.infer<typeof compareQuerySchema>;

export const exportFormats = ['docx', 'pdf', 'md'] as const;
export const exportFormatSchema = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const exportQuerySchema = z.object({
  format: exportFormatSchema,
  /** A version id: the export shows what changed since it, as a redline. */
  against: z.string().min(1).max(MAX_ID).optional(),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;
