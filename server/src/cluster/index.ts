// Several Parley instances serving the same rooms through Redis, with PostgreSQL as the truth.
export { createCluster, CONTROL_STREAM, SOCKET_IO_STREAM } from './cluster';
export type { Cluster, ClusterOptions, ControlHandler, EndSessions } from './cluster';
export { roomStreamKey, ROOM_STREAM_DEFAULTS } from './roomUpdates';
export type { RoomStreamOptions } from './roomUpdates';
export { decodeUpdateFrame, encodeUpdateFrame, FRAME_VERSION, parseControlMessage } from './frames';
export type { UpdateFrame } from './frames';
export { bucketKey, redisRateLimiters } from './rateLimiter';
