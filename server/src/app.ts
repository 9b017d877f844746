// The composition root: builds the store, the room runtime, Socket.IO and every feature, wires
// them in one place, and stops them in the right order.
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { COMMENT_RATE_BURST, COMMENT_RATE_PER_MINUTE } from '@parley/shared/comments';
import { memberColor } from '@parley/shared/permissions';
import {
  FOCUS_BURST,
  FOCUS_PER_MINUTE,
  MAX_ID_LENGTH,
  MAX_REST_BODY_BYTES,
  ROOM_BURST_PER_ADDRESS,
  ROOMS_PER_HOUR_PER_ADDRESS,
  closeCodes,
} from '@parley/shared/protocol';
import { partyIndexOf, readRoomParties } from '@parley/shared/room';
import type { Config } from './config';
import { createLogger } from './logger';
import { serverMetrics } from './metrics';
import { createStore } from './store';
import type { Store } from './store';
import { attachCollab } from './collab';
import type { CollabHandle, CollabLimits } from './collab';
import { EnginePool } from './engine';
import { createRoomRuntime } from './rooms';
import type { RoomHook, RoomRuntime } from './rooms';
import { metricsHook, touchedClausesHook } from './rooms/builtin';
import { createAuthenticator, createTokenService, listenOrigins } from './auth';
import type { OriginPolicy } from './auth';
import { ServiceError } from './errors';
import {
  answerFrameworkError,
  installErrorHandling,
  installSecurityHeaders,
  registerClientRoutes,
  registerHealthRoutes,
} from './http';
import { attachSocketServer, createBroadcaster, createIo, presenceEverywhere } from './realtime';
import type { SocketServer } from './realtime';
import type { Feature } from './feature';
import { createActivityFeature } from './features/activity';
import { agreementExport, createAgreementFeature, createProposal } from './features/agreement';
import type { AgreementDeps } from './features/agreement';
import { createAnalysisFeature } from './features/analysis';
import { AuditLog, createAuditFeature } from './features/audit';
import { createCommentsFeature } from './features/comments';
import {
  GovernanceStates,
  createGovernanceFeature,
  freezeAgreed,
  mediatorPresent,
} from './features/governance';
import type { GovernanceDeps } from './features/governance';
import { consentAdmission, createMembersFeature } from './features/members';
import { createPresenceFeature } from './features/presence';
import { createRoomsFeature } from './features/rooms';
import { createExportFeature } from './features/export';
import { createLimitsFeature } from './features/limits';
import { createSheetFeature } from './features/sheet';
import { createSuggestionsFeature, suggestsOnly } from './features/suggestions';
import { createVersionsFeature, keepMilestone, sideOf } from './features/versions';
import type { VersionDeps } from './features/versions';
import { createCluster } from './cluster';
import type { Cluster, RoomStreamOptions } from './cluster';
import { memoryRateLimiters } from './limits';
import type { RateLimiterFactory, RateLimitOptions } from './limits';

export interface ParleyServerOptions {
  logger?: Logger;
  /** A store to use instead of the one the config describes (it is migrated and closed here). */
  store?: Store;
  /** Where the built client lives; defaults to client/dist of this checkout. */
  clientDir?: string;
  collabLimits?: CollabLimits;
  /** How long idle rooms stay loaded and when their updates are compacted. */
  roomLimits?: { idleUnloadMs?: number; compactThreshold?: number };
  /** Per-member limit on comment writes (Socket.IO and REST together). */
  commentRateLimit?: RateLimitOptions;
  /** Rooms one address may create (default ROOM_BURST_PER_ADDRESS, ROOMS_PER_HOUR_PER_ADDRESS). */
  roomCreationRateLimit?: RateLimitOptions;
  /** Largest encoded room document (default MAX_DOC_BYTES). */
  maxDocBytes?: number;
  /** Stored document changes per member (default UPDATES_PER_MINUTE, UPDATE_BURST). */
  writeRateLimit?: RateLimitOptions;
  /**
   * Where rate-limit buckets live; in Redis when REDIS_URL is set (several instances share
   * them), in this process otherwise.
   */
  limiters?: RateLimiterFactory;
  /** Tuning of the rooms' Redis streams (tests shorten the polls). */
  roomStream?: RoomStreamOptions;
}

export interface ParleyServer {
  /** http://host:port the server listens on. */
  url: string;
  port: number;
  store: Store;
  collab: CollabHandle;
  rooms: RoomRuntime;
  sockets: SocketServer;
  /** The rooms' keyed, hash-chained audit log. */
  audit: AuditLog;
  /** The engine threads value results, hashes and proposal impacts are computed on. */
  engine: EnginePool;
  logger: Logger;
  /** The Redis side of several instances; null without REDIS_URL. */
  cluster: Cluster | null;
  /** Stops accepting, ends every connection, flushes the rooms, closes the store. */
  close(): Promise<void>;
}

const defaultClientDir = fileURLToPath(new URL('../../client/dist', import.meta.url));

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

export async function createParleyServer(
  config: Config,
  options: ParleyServerOptions = {},
): Promise<ParleyServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = serverMetrics();
  const now = () => Date.now();
  const store =
    options.store ??
    createStore({
      ...(config.databaseUrl !== null
        ? { kind: 'postgres' as const, databaseUrl: config.databaseUrl }
        : { kind: 'sqlite' as const, dataDir: config.dataDir }),
      onQuery: (op, ms, ok) => {
        metrics.storeSeconds.observe({ op, ok: String(ok) }, ms / 1000);
        if (!ok) metrics.errors.inc({ source: 'store' });
      },
    });
  await store.migrate();
  // With REDIS_URL, several instances serve the same rooms; the store stays the truth.
  const cluster: Cluster | null =
    config.redisUrl === null
      ? null
      : createCluster({
          redisUrl: config.redisUrl,
          store,
          logger,
          now,
          ...(options.roomStream ? { roomStream: options.roomStream } : {}),
        });
  const limiters = options.limiters ?? cluster?.limiters ?? memoryRateLimiters(now);
  // Seals the audit heads on the first start after an upgrade; a broken seal is logged, and the
  // server still runs, refusing audited actions until the log is restored.
  const audit = new AuditLog(store, { secret: config.secret, now });
  const auditSeal = await audit.prepare();
  if (auditSeal.state !== 'sealed') {
    logger.error({ audit: auditSeal.state }, `audit log: ${auditSeal.message}`);
  }

  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: MAX_REST_BODY_BYTES,
    // Behind a reverse proxy the caller's address is in X-Forwarded-For, from that proxy only.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    // A path segment longer than any id is answered like every other error, not by the router.
    routerOptions: { maxParamLength: MAX_ID_LENGTH },
    frameworkErrors: (error, _request, reply) =>
      answerFrameworkError(error, reply as unknown as FastifyReply),
  });
  let url = `http://${urlHost(config.host)}:${config.port}`;
  const origins: OriginPolicy = {
    allowedOrigins: config.allowedOrigins,
    selfOrigins: () => [
      ...(config.publicUrl !== null ? [new URL(config.publicUrl).origin] : []),
      ...listenOrigins(config.host, Number(new URL(url).port)),
    ],
  };
  const tokens = createTokenService(config.secret);

  const runtime = createRoomRuntime({
    store,
    logger,
    idleUnloadMs: config.roomIdleUnloadMs,
    ...options.roomLimits,
    ...(cluster !== null ? { sync: cluster.sync } : {}),
  });
  // Services see a room that cannot load as "try again shortly", never as an empty document.
  const rooms: RoomRuntime = {
    ...runtime,
    getDoc: async (roomId) => {
      try {
        return await runtime.getDoc(roomId);
      } catch (error) {
        logger.error({ err: error, roomId }, 'room could not be loaded');
        metrics.errors.inc({ source: 'collab' });
        throw new ServiceError(
          503,
          'unavailable',
          'The room could not be loaded; try again shortly.',
        );
      }
    },
  };
  const auth = createAuthenticator({
    store,
    tokens,
    origins,
    admit: consentAdmission({ store, rooms }),
  });
  const collab = attachCollab({
    server: app.server,
    rooms,
    authenticate: (roomId, token, origin, host) => auth.authenticate(roomId, token, origin, host),
    logger,
    memberColor: (member, partyIndex) => memberColor(member.role, partyIndex),
    ...(options.collabLimits ? { limits: options.collabLimits } : {}),
  });

  const engine = new EnginePool({ logger });
  const io = createIo(app.server, origins, cluster?.socketAdapter());
  const broadcast = createBroadcaster(io);
  // Another instance may change a room's governance at any moment: decisions read the store.
  const states = new GovernanceStates(rooms, store, cluster !== null);
  // Sessions ended on another instance end here too: its Socket.IO sockets through the adapter,
  // the /collab connections this instance holds through this message.
  cluster?.onControl((message) => {
    collab.disconnectMember(message.roomId, message.memberId, message.closeCode, message.reason);
  });
  // Versions are kept at the procedure's milestones, which governance reports once they happen.
  let versions: VersionDeps | null = null;
  const governance: GovernanceDeps = {
    store,
    audit,
    states,
    rooms,
    broadcast,
    now,
    suggestsOnly,
    milestone: async (event) => {
      if (versions !== null) await keepMilestone(versions, event);
    },
  };
  const agreementDeps: AgreementDeps = {
    store,
    rooms,
    audit,
    broadcast,
    engine,
    governance: (roomId) => states.read(roomId),
    agreed: (roomId, at) => freezeAgreed(governance, roomId, at),
    logger,
    now,
  };
  versions = {
    store,
    rooms,
    audit,
    engine,
    propose: (member, request) => createProposal(agreementDeps, member, request),
    logger,
    now,
  };
  const versionDeps = versions;
  const facilitates = async (member: { role: string; roomId: string }) =>
    member.role === 'mediator' ||
    (member.role === 'organizer' && !(await mediatorPresent(governance, member.roomId)));

  const features: Feature[] = [
    // First: a write over a member's rate or the room's size is refused before any other rule.
    createLimitsFeature({
      limiters,
      ...(options.maxDocBytes !== undefined ? { maxDocBytes: options.maxDocBytes } : {}),
      ...(options.writeRateLimit ? { writeRate: options.writeRateLimit } : {}),
    }),
    createRoomsFeature({
      auth,
      store,
      tokens,
      rooms,
      audit,
      publicUrl: () => config.publicUrl ?? url,
      engine,
      creation: {
        mode: config.roomCreation,
        token: config.roomCreationToken,
        limiter: limiters(
          'room-creation',
          options.roomCreationRateLimit ?? {
            // The default 30 an hour allows 10 at once; a raised hourly rate raises the burst alike.
            burst: Math.ceil(
              (config.roomsPerHourPerAddress * ROOM_BURST_PER_ADDRESS) / ROOMS_PER_HOUR_PER_ADDRESS,
            ),
            perMinute: config.roomsPerHourPerAddress / 60,
          },
        ),
      },
      now,
    }),
    createMembersFeature({
      auth,
      logger,
      store,
      tokens,
      rooms,
      audit,
      broadcast,
      publicUrl: () => config.publicUrl ?? url,
      endSessions: (roomId, memberId, reason) => {
        // A changed role reconnects under the new one; anything else closes for good.
        const closeCode =
          reason.code === 'member-changed' ? closeCodes.memberChanged : closeCodes.revoked;
        collab.disconnectMember(roomId, memberId, closeCode, reason.code);
        cluster?.endSessions({ roomId, memberId, closeCode, reason: reason.code });
        broadcast.endSessions(roomId, memberId, reason);
      },
      now,
    }),
    createPresenceFeature({
      ...(cluster !== null ? { everywhere: presenceEverywhere(io) } : {}),
      broadcast,
      rooms,
      logger,
      now,
      focusLimiter: limiters('presence-focus', { burst: FOCUS_BURST, perMinute: FOCUS_PER_MINUTE }),
    }),
    createCommentsFeature({
      auth,
      logger,
      store,
      rooms,
      broadcast,
      now,
      limiters,
      rateLimit: options.commentRateLimit ?? {
        burst: COMMENT_RATE_BURST,
        perMinute: COMMENT_RATE_PER_MINUTE,
      },
    }),
    createGovernanceFeature({ auth, ...governance }),
    // After governance: the sheet's rules are the last word on a write, and they remember what
    // they checked until the write is stored.
    createSheetFeature(),
    createAgreementFeature({ auth, ...agreementDeps }),
    createSuggestionsFeature({
      auth,
      rooms,
      audit,
      governance: (roomId) => states.read(roomId),
      facilitates,
    }),
    createVersionsFeature({ auth, ...versionDeps }),
    createExportFeature({
      auth,
      side: (roomId, ref) => sideOf(versionDeps, roomId, ref),
      governance: (roomId) => states.read(roomId),
      agreement: async (member) => {
        const signed = await agreementExport(agreementDeps, member);
        return {
          agreedAt: signed.agreedAt,
          signatures: signed.signatures,
          auditHead: signed.auditHead,
        };
      },
      now,
    }),
    createAnalysisFeature({ auth, rooms, positions: store, engine }),
    createAuditFeature({ auth, audit }),
    createActivityFeature({ store, broadcast, logger, now }),
  ];

  // Every room runs these, in this order: attribution before anything is stored, the features'
  // write rules and reactions, metrics last.
  const hooks: RoomHook[] = [
    touchedClausesHook(),
    ...features.flatMap((feature) => feature.hooks ?? []),
    metricsHook(),
  ];
  runtime.register(hooks);

  const sockets = attachSocketServer({
    io,
    auth,
    tokens,
    logger,
    colorOf: async (member) => {
      try {
        const parties = readRoomParties(await rooms.getDoc(member.roomId));
        return memberColor(member.role, partyIndexOf(parties, member.partyId));
      } catch (error) {
        logger.warn({ err: error, roomId: member.roomId }, 'room not loadable for presence colour');
        return memberColor(member.role, null);
      }
    },
    handlers: features.flatMap((feature) => (feature.socket ? [feature.socket] : [])),
    onConnectionsChanged: (delta) => metrics.socketConnections.inc(delta),
    onError: () => metrics.errors.inc({ source: 'socketio' }),
  });

  installSecurityHeaders(app);
  installErrorHandling(app, () => metrics.errors.inc({ source: 'http' }));
  registerHealthRoutes(app, metrics.registry, config.metricsToken, {
    store: async () => {
      await store.getRoom('');
    },
    redis: cluster === null ? null : () => cluster.connected(),
  });
  for (const feature of features) feature.routes?.(app);
  await registerClientRoutes(app, options.clientDir ?? defaultClientDir);

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await collab.close().catch(() => undefined);
    await sockets.close().catch(() => undefined);
    await runtime.close().catch(() => undefined);
    await engine.close().catch(() => undefined);
    await cluster?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  url = `http://${urlHost(config.host)}:${address.port}`;
  logger.info({ url, store: store.kind }, 'Parley is listening');

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      // Stop accepting first, then end the live connections that keep the server open.
      const httpClosed = app.close();
      let failed = false;
      const step = async (what: string, fn: () => Promise<unknown>) => {
        try {
          await fn();
        } catch (error) {
          logger.error({ err: error }, `${what} failed while stopping`);
          failed = true;
        }
      };
      for (const feature of features) feature.close?.();
      await step('closing Socket.IO', () => sockets.close());
      // The adapter's own Redis readers stop with it.
      if (cluster !== null)
        await step('closing the Socket.IO adapter', async () => io.of('/').adapter.close());
      await step('closing /collab', () => collab.close());
      // Flushes every pending document update to the store before the store closes.
      await step('unloading the rooms', () => runtime.close());
      await step('stopping the engine threads', () => engine.close());
      await step('closing HTTP', () => httpClosed);
      if (cluster !== null) await step('closing Redis', () => cluster.close());
      await step('closing the store', () => store.close());
      if (failed) throw new Error('Parley stopped with errors; see the log above.');
      logger.info('Parley stopped');
    })();
    return closing;
  };

  return {
    url,
    port: address.port,
    store,
    collab,
    rooms,
    sockets,
    audit,
    engine,
    logger,
    cluster,
    close,
  };
}
