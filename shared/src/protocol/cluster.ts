// Messages Parley instances send each other through Redis when several serve the same rooms.
// Another instance is an edge like any client: what it sends is parsed here before anyone acts.
import { z } from 'zod';

/** The version every cluster message carries; a reader drops messages of any other. */
export const CLUSTER_MESSAGE_VERSION = 1;

const clusterId = z.string().min(1).max(200);

/** A member's sessions end on every instance: revoked, or changed and asked to reconnect. */
export const clusterEndSessionsSchema = z.strictObject({
  v: z.literal(CLUSTER_MESSAGE_VERSION),
  kind: z.literal('end-sessions'),
  /** The instance that sent it, which has already acted on it. */
  from: clusterId,
  roomId: clusterId,
  memberId: clusterId,
  closeCode: z.number().int().min(4000).max(4999),
  reason: z.string().max(120),
});

export const clusterControlMessageSchema = z.discriminatedUnion('kind', [clusterEndSessionsSchema]);
export type ClusterControlMessage = z.infer<typeof clusterControlMessageSchema>;
